# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.jxc_purchase.models.jxc_purchase_order import PRICE_GROUPS


class JxcPurchaseOrderLine(models.Model):
    _name = "jxc.purchase.order.line"
    _inherit = ["jxc.purchase.order.line", "jxc.order.line.invoice.mixin"]
    _jxc_invoice_direction = "purchase"
    _jxc_invoice_picking_types = ("purchase_in", "purchase_return")

    qty_billed = fields.Float(
        string="Billed",
        digits="Product Unit of Measure",
        compute="_compute_qty_billed",
        help="Quantity whose payable is posted: accepted on receipts less returned.",
    )
    company_currency_id = fields.Many2one(related="order_id.company_currency_id")
    invoice_line_ids = fields.One2many(
        "jxc.finance.invoice.line", "purchase_line_id", string="Invoice Lines"
    )
    amount_invoiced = fields.Monetary(
        string="Invoiced",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        currency_field="company_currency_id",
        groups=PRICE_GROUPS,
        help="Posted invoices, tax included, in company currency.",
    )
    amount_to_invoice = fields.Monetary(
        string="To Invoice",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        currency_field="company_currency_id",
        groups=PRICE_GROUPS,
        help="The value of the quantity to invoice at the order's prices, tax included, in "
        "company currency.",
    )

    @api.depends(
        "qty_received",
        "qty_returned",
        "price_total",
        "quantity",
        "invoice_line_ids.state",
        "invoice_line_ids.quantity",
        "invoice_line_ids.price_total",
    )
    def _compute_invoiced(self):
        return super()._compute_invoiced()

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
