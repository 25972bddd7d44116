# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class JxcOrderInvoiceMixin(models.AbstractModel):
    """What an order has invoiced (销项 / 进项): the totals of its lines
    (``jxc.order.line.invoice.mixin``) and the invoices covering them."""

    _name = "jxc.order.invoice.mixin"
    _description = "JXC Order Invoicing"

    # The invoice line's link to this kind of order, and the invoices' direction.
    _jxc_invoice_order_field = None
    _jxc_invoice_direction = None

    # The concrete orders add amount_invoiced, amount_to_invoice (Monetary in
    # company_currency_id, which only they know) and invoice_count, computed here.

    @api.depends("line_ids.amount_invoiced", "line_ids.amount_to_invoice")
    def _compute_invoiced(self):
        for order in self:
            lines = order.line_ids.sudo()
            order.amount_invoiced = sum(lines.mapped("amount_invoiced"))
            order.amount_to_invoice = sum(lines.mapped("amount_to_invoice"))
            order.invoice_count = len(order._jxc_invoices())

    def _jxc_invoices(self):
        """The invoices covering the order's lines that the user may read."""
        Invoice = self.env["jxc.finance.invoice"]
        if not self._origin.id or not Invoice.has_access("read"):
            return Invoice
        return Invoice.search([(f"line_ids.{self._jxc_invoice_order_field}", "=", self._origin.id)])

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Invoices"),
            "res_model": "jxc.finance.invoice",
            "view_mode": "list,form",
            "domain": [("id", "in", self._jxc_invoices().ids)],
            "context": {"default_direction": self._jxc_invoice_direction, "create": False},
        }
