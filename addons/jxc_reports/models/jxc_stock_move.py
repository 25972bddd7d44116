# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..report.jxc_report_sale_period import SALE_MOVE_TYPES


class JxcStockMove(models.Model):
    _inherit = "jxc.stock.move"

    @api.model
    def _post(self, vals_list):
        # Deliveries and returns go into the sales analysis's monthly sums in the same
        # transaction (one statement per posting).
        moves = super()._post(vals_list)
        if any(vals.get("move_type") in SALE_MOVE_TYPES for vals in vals_list):
            self.env["jxc.report.sale.period"]._jxc_add_moves(moves)
        return moves
