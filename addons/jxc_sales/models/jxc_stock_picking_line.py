# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockPickingLine(models.Model):
    _inherit = "jxc.stock.picking.line"

    sale_line_id = fields.Many2one(
        "jxc.sale.order.line", string="Sale Order Line", readonly=True, index="btree_not_null"
    )

    def _prepare_reversal_line_vals(self):
        vals = super()._prepare_reversal_line_vals()
        vals["sale_line_id"] = self.sale_line_id.id
        return vals

    def _prepare_return_line_vals(self):
        vals = super()._prepare_return_line_vals()
        vals["sale_line_id"] = self.sale_line_id.id
        return vals
