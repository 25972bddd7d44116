# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockMove(models.Model):
    _inherit = "jxc.stock.move"

    move_type = fields.Selection(
        selection_add=[("purchase_in", "Purchase Receipt"), ("purchase_return", "Purchase Return")],
        # Uninstalling purchase keeps its rows, as the core types that move goods the same way.
        ondelete={
            "purchase_in": lambda moves: moves._keep_as_type("in"),
            "purchase_return": lambda moves: moves._keep_as_type("out"),
        },
    )
    purchase_line_id = fields.Many2one(
        related="picking_line_id.purchase_line_id", string="Purchase Order Line"
    )
    purchase_id = fields.Many2one(related="picking_id.purchase_id", string="Purchase Order")
