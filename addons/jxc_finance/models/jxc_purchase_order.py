# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.jxc_purchase.models.jxc_purchase_order import PRICE_GROUPS


class JxcPurchaseOrder(models.Model):
    _name = "jxc.purchase.order"
    _inherit = ["jxc.purchase.order", "jxc.order.invoice.mixin"]
    _jxc_invoice_order_field = "purchase_id"
    _jxc_invoice_direction = "purchase"

    amount_payable = fields.Monetary(
        string="Payable",
        compute="_compute_amount_payable",
        currency_field="company_currency_id",
        help="Payable entries of the order's receipts and returns.",
    )

    amount_invoiced = fields.Monetary(
        string="Invoiced",
        compute="_compute_invoiced",
        currency_field="company_currency_id",
        groups=PRICE_GROUPS,
        help="Posted invoices of the order's lines, tax included.",
    )
    amount_to_invoice = fields.Monetary(
        string="To Invoice",
        compute="_compute_invoiced",
        currency_field="company_currency_id",
        groups=PRICE_GROUPS,
        help="Received net of returns and not invoiced yet, tax included.",
    )
    invoice_count = fields.Integer(string="Invoices", compute="_compute_invoiced")

    def _compute_amount_payable(self):
        for order in self:
            # A new order, edited in the form (onchange), has no payables yet.
            entries = self.env["jxc.finance.entry"].sudo()
            if order._origin.id:
                entries = entries.search(
                    [("entry_type", "=", "payable"), ("purchase_id", "=", order._origin.id)]
                )
            order.amount_payable = sum(entries.mapped("amount"))
