# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command

from .common import JxcFinanceCommon


class TestOrderFormMoney(JxcFinanceCommon):
    """The money an order's form shows (payable / receivable, invoices) while it is edited:
    a new order has none and searches for none (the browser tours logged warnings for
    searches by a new record's id); an order edited in the form keeps its own."""

    def test_new_orders_have_no_money_yet(self):
        with self.assertNoLogs("odoo.models", "WARNING"):
            purchase = self.env["jxc.purchase.order"].new(
                {
                    "partner_id": self.supplier.id,
                    "warehouse_id": self.wh1.id,
                    "line_ids": [Command.create({"product_id": self.product.id, "quantity": 2})],
                }
            )
            self.assertEqual((purchase.amount_payable, purchase.invoice_count), (0.0, 0))
            sale = self.env["jxc.sale.order"].new(
                {
                    "partner_id": self.customer.id,
                    "warehouse_id": self.wh1.id,
                    "line_ids": [Command.create({"product_id": self.product.id, "quantity": 2})],
                }
            )
            self.assertEqual((sale.amount_receivable, sale.invoice_count), (0.0, 0))

    def test_orders_edited_in_the_form_keep_their_money(self):
        purchase = self._purchase([(self.product2, 10, 5.0)])
        purchase.action_confirm()
        purchase.action_post_open_pickings()
        self.assertAlmostEqual(purchase.amount_payable, 56.5)  # 50.00 + 13 %
        with self.assertNoLogs("odoo.models", "WARNING"):
            edited = purchase.new({"notes": "<p>edited</p>"}, origin=purchase)
            self.assertAlmostEqual(edited.amount_payable, 56.5)
        self._receive(self.product, 10, 4.0)
        sale = self._make_order([(self.product, 3, 10.0)])
        sale.action_confirm()
        sale.action_post_open_pickings()
        self.assertAlmostEqual(sale.amount_receivable, 33.9)
        with self.assertNoLogs("odoo.models", "WARNING"):
            edited = sale.new({"notes": "<p>edited</p>"}, origin=sale)
            self.assertAlmostEqual(edited.amount_receivable, 33.9)
