# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, fields, models


class JxcStockPicking(models.Model):
    """Posted receipts post payables; posted returns post negative receivables / payables."""

    _inherit = "jxc.stock.picking"

    def action_done(self):
        res = super().action_done()
        for picking in self.sudo():
            if picking.picking_type == "purchase_in" and picking.purchase_id:
                picking._post_money("payable", picking.purchase_id, 1, _("Purchase receipt"))
            elif picking.picking_type == "purchase_return" and picking.purchase_id:
                picking._post_money("payable", picking.purchase_id, -1, _("Purchase return"))
            elif picking.picking_type == "sale_return" and picking.sale_id:
                picking._post_money("receivable", picking.sale_id, -1, _("Sale return"))
        return res

    def action_reverse(self):
        """红冲 of a document that moved money moves the money back too."""
        action = super().action_reverse()
        money = {
            "purchase_in": ("payable", -1),
            "purchase_return": ("payable", 1),
            "sale_return": ("receivable", 1),
        }
        for original in self.sudo():
            if original.picking_type not in money:
                continue
            order = original.purchase_id or original.sale_id
            entry_type, sign = money[original.picking_type]
            for reversal in original.reversal_ids:
                reversal._post_money(entry_type, order, sign, _("Reversal of %s", original.name))
        return action

    def _post_money(self, entry_type, order, sign, description):
        """One entry for the document: the value of its posted lines at the order's prices."""
        self.ensure_one()
        quantities = defaultdict(float)
        for line in self.line_ids:
            order_line = line.purchase_line_id if entry_type == "payable" else line.sale_line_id
            if order_line and line.move_ids:
                posted = abs(sum(line.move_ids.mapped("quantity")))
                quantities[order_line] += line.product_id.uom_id._compute_quantity(
                    posted, order_line.uom_id, round=False
                )
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
                    "reference": self.name,
                    "origin": order.name,
                    "description": description,
                }
            ]
        )
