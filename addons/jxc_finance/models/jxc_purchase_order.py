# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.jxc_purchase.models.jxc_purchase_order import PRICE_GROUPS


class JxcPurchaseOrder(models.Model):
    _inherit = "jxc.purchase.order"

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

    @api.depends("line_ids.amount_invoiced", "line_ids.amount_to_invoice")
    def _compute_invoiced(self):
        for order in self:
            lines = order.line_ids.sudo()
            order.amount_invoiced = sum(lines.mapped("amount_invoiced"))
            order.amount_to_invoice = sum(lines.mapped("amount_to_invoice"))
            order.invoice_count = len(order._jxc_invoices())

    def _jxc_invoices(self):
        """The invoices covering the order's lines that the user may read."""
        if not self._origin.id or not self.env["jxc.finance.invoice"].has_access("read"):
            return self.env["jxc.finance.invoice"]
        return self.env["jxc.finance.invoice"].search(
            [("line_ids.purchase_id", "=", self._origin.id)]
        )

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Invoices"),
            "res_model": "jxc.finance.invoice",
            "view_mode": "list,form",
            "domain": [("id", "in", self._jxc_invoices().ids)],
            "context": {"default_direction": "purchase", "create": False},
        }
