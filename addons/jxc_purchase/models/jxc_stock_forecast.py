# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class JxcStockForecast(models.Model):
    _inherit = "jxc.stock.forecast"

    @api.model
    def _get_compute_groups(self):
        """Purchase managers buy on the forecasts: they recompute them too."""
        return (*super()._get_compute_groups(), "jxc_purchase.group_jxc_purchase_manager")
