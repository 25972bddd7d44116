# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .jxc_purchase_order import PRICE_GROUPS
from .jxc_stock_picking import PURCHASE_TYPES


class JxcStockPickingLine(models.Model):
    _inherit = "jxc.stock.picking.line"

    purchase_line_id = fields.Many2one(
        "jxc.purchase.order.line",
        string="Purchase Order Line",
        readonly=True,
        index="btree_not_null",
    )
    quantity_ordered = fields.Float(
        string="Ordered",
        digits="Product Unit of Measure",
        compute="_compute_quantity_ordered",
        compute_sudo=True,
        help="The order line's quantity, in this line's unit.",
    )
    quantity_rejected = fields.Float(
        string="Rejected",
        digits="Product Unit of Measure",
        copy=False,
        help="Refused at inspection: recorded, not stocked.",
    )
    reject_reason = fields.Char(copy=False)
    # The unit cost of an order's receipt line is its purchase price: purchase staff see it
    # here without the cost group, which the unit cost of every other document needs.
    purchase_price_unit = fields.Float(
        string="Purchase Price",
        digits="Product Price",
        compute="_compute_purchase_price",
        compute_sudo=True,
        groups=PRICE_GROUPS,
        help="Receipts and purchase returns of an order: the order's price in company currency, "
        "per unit of the line.",
    )
    purchase_value = fields.Monetary(
        compute="_compute_purchase_price", compute_sudo=True, groups=PRICE_GROUPS
    )

    @api.depends(
        "purchase_line_id.quantity",
        "purchase_line_id.packaging_id",
        "purchase_line_id.uom_id",
        "packaging_id",
        "uom_id",
    )
    def _compute_quantity_ordered(self):
        # A receipt line of cases turns to bottles when a single bottle is scanned: the
        # ordered quantity must then read in bottles too, not "10" next to 瓶.
        for line in self:
            order_line = line.purchase_line_id
            if not order_line or line._same_unit(order_line):
                line.quantity_ordered = order_line.quantity
            else:
                line.quantity_ordered = line._qty_from_base(
                    order_line._qty_to_base(order_line.quantity)
                )

    @api.depends("picking_type", "purchase_line_id", "unit_cost", "value")
    def _compute_purchase_price(self):
        for line in self:
            of_order = line.purchase_line_id and line.picking_type in PURCHASE_TYPES
            line.purchase_price_unit = line.unit_cost if of_order else 0.0
            line.purchase_value = line.value if of_order else 0.0

    @api.depends("purchase_line_id", "packaging_id")
    def _compute_unit_cost(self):
        # A receipt line is worth the order's price, whatever unit it is counted in.
        res = super()._compute_unit_cost()
        for line in self.filtered(
            lambda ln: ln.purchase_line_id and ln.picking_type == "purchase_in"
        ):
            exact = line.sudo().purchase_line_id._get_base_unit_cost()
            line.unit_cost = line._price_from_base(exact)
        return res

    def _get_base_unit_cost(self):
        # A receipt is valued at the order's exact price (the line shows it rounded), so the
        # ledger equals the order line's value — and the payable — to the cent.
        if self.picking_type == "purchase_in" and self.purchase_line_id:
            return self.sudo().purchase_line_id._get_base_unit_cost()
        return super()._get_base_unit_cost()

    def _prepare_reversal_line_vals(self):
        vals = super()._prepare_reversal_line_vals()
        vals["purchase_line_id"] = self.purchase_line_id.id
        return vals

    def _prepare_return_line_vals(self):
        vals = super()._prepare_return_line_vals()
        vals["purchase_line_id"] = self.purchase_line_id.id
        return vals
