# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form

from .common import JxcPurchaseCommon


class TestPurchaseAccess(JxcPurchaseCommon):
    def test_purchase_user_orders_and_stock_user_receives(self):
        env = self.env(user=self.purchase_user)
        order = env["jxc.purchase.order"].create(
            {
                "partner_id": self.supplier.id,
                "warehouse_id": self.wh1.id,
                "line_ids": [
                    Command.create(
                        {"product_id": self.product.id, "quantity": 5, "price_unit": 3.0}
                    )
                ],
            }
        )
        order.action_confirm()
        receipt = order.picking_ids
        self.assertTrue(receipt.with_user(self.purchase_user).name)
        # The warehouse posts the receipt; it never reads the order's prices.
        stock_receipt = receipt.with_user(self.stock_user)
        with self.assertRaises(AccessError):
            order.with_user(self.stock_user).read(["amount_total"])
        with self.assertRaises(AccessError):
            stock_receipt.line_ids.purchase_line_id.read(["price_unit"])
        stock_receipt.action_done()
        self.assertEqual(order.state, "done")
        for user in (self.purchase_user, self.stock_user):
            self.assertEqual(Form(receipt.with_user(user)).state, "done")
        self.assertEqual(self._quant(self.product).quantity, 5)

    def test_purchase_user_cannot_configure_stock(self):
        env = self.env(user=self.purchase_user)
        with self.assertRaises(AccessError):
            env["jxc.stock.warehouse"].create({"name": "X", "code": "X"})
        with self.assertRaises(AccessError):
            env["jxc.stock.move"].check_access("write")

    def test_other_users_see_no_orders(self):
        with self.assertRaises(AccessError):
            self.env["jxc.purchase.order"].with_user(self.stock_user).search([])

    def test_buyers_post_purchase_documents_only(self):
        buttons = self._buttons("jxc.stock.picking", self.purchase_user)
        for name in ("action_done", "action_cancel", "action_draft"):
            self.assertIn("purchase_in", buttons[name].get("invisible"), name)
        self.assertIn("purchase_return", buttons["action_assign_lots_fefo"].get("invisible"))
        self.assertIn("action_create_return", buttons)
        self.assertIn("action_view_moves", buttons)
        self.assertNotIn("action_reverse", buttons)
        # Stock staff keep the buttons of every type, once.
        stock_buttons = self._buttons("jxc.stock.picking", self.stock_user)
        self.assertEqual(stock_buttons["action_done"].get("invisible"), "state != 'draft'")
        self.assertIn("action_create_return", stock_buttons)
        order_buttons = self._buttons("jxc.purchase.order", self.purchase_user)
        for name in ("action_confirm", "action_send", "action_cancel", "action_draft"):
            self.assertIn(name, order_buttons)
        self.assertNotIn("action_approve", order_buttons)
        self.assertIn("action_approve", self._buttons("jxc.purchase.order", self.purchase_manager))
