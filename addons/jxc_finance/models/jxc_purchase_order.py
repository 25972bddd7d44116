# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcPurchaseOrder(models.Model):
    _inherit = "jxc.purchase.order"

    amount_payable = fields.Monetary(
        string="Payable",
        compute="_compute_amount_payable",
        currency_field="company_currency_id",
        help="Payable entries of the order's receipts and returns.",
    )

    def _compute_amount_payable(self):
        for order in self:
            order.amount_payable = sum(
                self.env["jxc.finance.entry"]
                .sudo()
                .search([("entry_type", "=", "payable"), ("purchase_id", "=", order.id)])
                .mapped("amount")
            )
