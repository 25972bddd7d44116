# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..utils import check_numbers


class JxcOrderGridLine(models.TransientModel):
    """A cell of the variant grid: one variant and its quantity."""

    _name = "jxc.order.grid.line"
    _description = "Variant Grid Cell"
    _order = "row_sequence, column_sequence, id"

    grid_id = fields.Many2one("jxc.order.grid", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", string="Variant", required=True)
    row_sequence = fields.Integer()
    row_name = fields.Char(string="Row")
    column_sequence = fields.Integer()
    column_name = fields.Char(string="Column")
    quantity = fields.Float(digits="Product Unit of Measure")
    prefilled_quantity = fields.Float(
        digits="Product Unit of Measure",
        help="The quantity of the order's line for this variant when the grid was opened.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_numbers(self, vals, self._description)
        return super().create(vals_list)

    def write(self, vals):
        check_numbers(self, vals, self._description)
        return super().write(vals)
