# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockMove(models.Model):
    _inherit = "jxc.stock.move"

    move_type = fields.Selection(
        selection_add=[("sale_out", "Sale Delivery"), ("sale_return", "Sale Return")],
        # Uninstalling sales keeps its rows, as the core types that move goods the same way.
        ondelete={
            "sale_out": lambda moves: moves._keep_as_type("out"),
            "sale_return": lambda moves: moves._keep_as_type("in"),
        },
    )
    sale_line_id = fields.Many2one(related="picking_line_id.sale_line_id", string="Sale Order Line")
    sale_id = fields.Many2one(related="picking_id.sale_id", string="Sale Order")
