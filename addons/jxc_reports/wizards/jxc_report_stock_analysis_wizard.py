# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.jxc_stock.utils import today


class JxcReportStockAnalysisWizard(models.TransientModel):
    """The period and thresholds of a stock analysis (turnover, ABC, slow-moving)."""

    _name = "jxc.report.stock.analysis.wizard"
    _inherit = ["jxc.report.period.mixin"]
    _description = "Stock Analysis Period"
    _jxc_rows_model = "jxc.report.stock.analysis"
    _jxc_rows_action = "jxc_reports.jxc_report_stock_analysis_action"

    date_from = fields.Date(default=lambda self: fields.Date.subtract(today(self.env), days=89))
    abc_a = fields.Float(
        string="Class A up to (%)",
        default=80.0,
        help="Products that make this share of the outgoing value are class A.",
    )
    abc_b = fields.Float(
        string="Class B up to (%)",
        default=95.0,
        help="The products after class A, up to this share of the outgoing value, are class B.",
    )
    slow_days = fields.Integer(
        string="Slow-Moving After (Days)",
        default=90,
        help="A product in stock with no outgoing for this many days is slow-moving.",
    )
    dead_days = fields.Integer(
        string="Dead Stock After (Days)",
        default=180,
        help="A product in stock with no outgoing for this many days is dead stock.",
    )
    line_ids = fields.One2many("jxc.report.stock.analysis", compute="_compute_line_ids")

    @api.constrains("abc_a", "abc_b", "slow_days", "dead_days")
    def _check_thresholds(self):
        for wizard in self:
            if not 0 < wizard.abc_a < wizard.abc_b <= 100:
                raise ValidationError(
                    _(
                        "The ABC limits must satisfy 0 < A (%(a)s%%) < B (%(b)s%%) ≤ 100.",
                        a=wizard.abc_a,
                        b=wizard.abc_b,
                    )
                )
            if not 0 < wizard.slow_days <= wizard.dead_days:
                raise ValidationError(
                    _(
                        "The slow-moving days (%(slow)s) must be positive and at most the "
                        "dead-stock days (%(dead)s).",
                        slow=wizard.slow_days,
                        dead=wizard.dead_days,
                    )
                )

    def _query_params(self):
        params = super()._query_params()
        params.update(
            tz=self._tz_name(),
            day_to=self.date_to,
            period_days=(self.date_to - self.date_from).days + 1,
            abc_a=self.abc_a,
            abc_b=self.abc_b,
            slow_days=self.slow_days,
            dead_days=self.dead_days,
        )
        return params

    def _title(self):
        return _("Stock Analysis %(start)s – %(end)s", start=self.date_from, end=self.date_to)
