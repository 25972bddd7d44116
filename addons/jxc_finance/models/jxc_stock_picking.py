# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, fields, models
from odoo.exceptions import UserError


class JxcStockPicking(models.Model):
    """Posted receipts post payables; posted returns post negative receivables / payables."""

    _inherit = "jxc.stock.picking"

    def _after_post_purchase_in(self, lines):
        res = super()._after_post_purchase_in(lines)
        if self.sudo().purchase_id:
            self._post_money("payable", self.sudo().purchase_id, 1, _("Purchase receipt"))
        return res

    def _after_post_purchase_return(self, lines):
        if self.sudo().purchase_id:
            self._post_money("payable", self.sudo().purchase_id, -1, _("Purchase return"))

    def _after_post_sale_return(self, lines):
        if self.sudo().sale_id:
            self._post_money("receivable", self.sudo().sale_id, -1, _("Sale return"))

    # 红冲 of a document that moved money moves the money back too.
    def _check_can_reverse_purchase_in(self):
        res = super()._check_can_reverse_purchase_in()
        corrected = (
            self.env["jxc.stock.move"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "jxc.finance.invoice"),
                    ("origin_move_id", "in", self.move_ids.ids),
                ]
            )
        )
        invoices = (
            self.env["jxc.finance.invoice"]
            .sudo()
            .browse(corrected.mapped("res_id"))
            .filtered(lambda inv: inv.state == "posted")
        )
        if invoices:
            raise UserError(
                _(
                    "%(receipt)s carries the price difference of the posted invoice "
                    "%(invoice)s: reverse the invoice first.",
                    receipt=self.name,
                    invoice=invoices[0].display_name,
                )
            )
        return res

    def _after_reverse_purchase_in(self, reversal):
        reversal._post_money("payable", self.sudo().purchase_id, -1, _("Reversal of %s", self.name))

    def _after_reverse_purchase_return(self, reversal):
        reversal._post_money("payable", self.sudo().purchase_id, 1, _("Reversal of %s", self.name))

    def _after_reverse_sale_return(self, reversal):
        reversal._post_money("receivable", self.sudo().sale_id, 1, _("Reversal of %s", self.name))

    def _post_money(self, entry_type, order, sign, description):
        """One entry for the document: the value of its posted lines at the order's prices."""
        self.ensure_one()
        if not order:
            return self.env["jxc.finance.entry"]
        quantities = defaultdict(float)
        for line in self.sudo().line_ids:
            order_line = line.purchase_line_id if entry_type == "payable" else line.sale_line_id
            if order_line and line.move_ids:
                posted = abs(sum(line.move_ids.mapped("quantity")))
                quantities[order_line] += order_line._qty_from_base(posted)
        # The value of what the order line bills after this document, less before it: the
        # entries of a line then add up to the value of its billed quantity, to the cent.
        amount = 0.0
        for order_line, qty in quantities.items():
            billed = order_line._jxc_billed_quantity()
            amount += order_line._value_of(billed) - order_line._value_of(billed - sign * qty)
        return self.env["jxc.finance.entry"]._post(
            [
                {
                    "entry_type": entry_type,
                    "partner_id": order.partner_id.commercial_partner_id.id,
                    "amount": amount,
                    "company_id": self.company_id.id,
                    "date": fields.Date.context_today(self, self.date_done),
                    "payment_term_days": order.payment_term_days,
                    "res_model": self._name,
                    "res_id": self.id,
                    "picking_id": self.id,
                    "sale_id": order.id if order._name == "jxc.sale.order" else False,
                    "purchase_id": order.id if order._name == "jxc.purchase.order" else False,
                    "reference": self.name,
                    "origin": order.name,
                    "description": description,
                }
            ]
        )
