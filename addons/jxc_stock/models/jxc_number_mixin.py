# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..utils import check_numbers


class JxcNumberMixin(models.AbstractModel):
    """Numbers written to a JXC model (or to the ``jxc_`` fields JXC adds to Odoo's models:
    credit limits, approval amounts…) are finite and within bounds, for every caller; see
    :func:`..utils.check_numbers`. Documents get the same check from ``jxc.document.mixin``."""

    _name = "jxc.number.mixin"
    _description = "JXC Bounded Numbers"

    @api.model
    def _jxc_checked_vals(self, vals):
        if self._name.startswith("jxc."):
            return vals
        return {name: value for name, value in vals.items() if name.startswith("jxc_")}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_numbers(self, self._jxc_checked_vals(vals), self._description)
        return super().create(vals_list)

    def write(self, vals):
        checked = self._jxc_checked_vals(vals)
        if checked:
            for record in self:
                check_numbers(record, checked, record.display_name or self._description)
        return super().write(vals)
