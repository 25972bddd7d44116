# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models

from odoo.addons.jxc_stock.utils import today


class JxcReportStockValuationWizard(models.TransientModel):
    """The date, warehouses and categories of a stock valuation."""

    _name = "jxc.report.stock.valuation.wizard"
    _inherit = ["jxc.report.filter.mixin"]
    _description = "Stock Valuation Date"
    _jxc_rows_model = "jxc.report.stock.valuation"
    _jxc_rows_action = "jxc_reports.jxc_report_stock_valuation_action"

    date = fields.Date(string="At the End of", required=True, default=lambda self: today(self.env))
    line_ids = fields.One2many("jxc.report.stock.valuation", compute="_compute_line_ids")

    def _query_params(self):
        params = super()._query_params()
        params["date_to"] = self._day_end_utc(self.date)
        params.update(self._scan_params(params["date_to"], params["date_to"]))
        return params

    def _title(self):
        return _("Stock Valuation at %(date)s", date=self.date)
