# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class JxcStockRule(models.Model):
    _inherit = "jxc.stock.rule"

    @api.model
    def _get_usage_move_types(self):
        return (*super()._get_usage_move_types(), "sale_out")

    @api.model
    def _get_usage_return_move_types(self):
        return (*super()._get_usage_return_move_types(), "sale_return")
