# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcPurchaseOrderLine(models.Model):
    _inherit = "jxc.purchase.order.line"

    qty_billed = fields.Float(
        string="Billed",
        digits="Product Unit of Measure",
        compute="_compute_qty_billed",
        help="Quantity whose payable is posted: accepted on receipts less returned.",
    )

    def _compute_qty_billed(self):
        for line in self:
            line.qty_billed = line._jxc_billed_quantity()

    def _jxc_billed_quantity(self):
        """What we pay the supplier for: accepted − returned (line unit), from the posted
        moves, not the rounded ``qty_received`` / ``qty_returned``: the entries of single
        bottles of a line in cases add up to the order's value to the cent."""
        self.ensure_one()
        return self._qty_from_base(
            self._base_posted("purchase_in") - self._base_posted("purchase_return")
        )
