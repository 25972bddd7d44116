# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.jxc_stock.utils import today


class JxcReportPeriodMixin(models.AbstractModel):
    """A report wizard over a period of days (in the user's time zone)."""

    _name = "jxc.report.period.mixin"
    _inherit = ["jxc.report.filter.mixin"]
    _description = "JXC Report Period"

    date_from = fields.Date(required=True, default=lambda self: today(self.env).replace(day=1))
    date_to = fields.Date(required=True, default=lambda self: today(self.env))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    _(
                        "The period starts (%(start)s) after it ends (%(end)s).",
                        start=wizard.date_from,
                        end=wizard.date_to,
                    )
                )

    def _query_params(self):
        params = super()._query_params()
        params.update(
            date_from=self._day_start_utc(self.date_from),
            date_to=self._day_end_utc(self.date_to),
        )
        params.update(self._scan_params(params["date_from"], params["date_to"]))
        return params
