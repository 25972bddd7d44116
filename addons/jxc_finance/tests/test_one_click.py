# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import JxcFinanceCommon


class TestOneClick(JxcFinanceCommon):
    """一键入库 / 一键出库 (#15, part): a confirmed order's open receipt / delivery posted in
    full from the order, with the rights of whoever clicks."""

    def test_receive_all_from_the_purchase_order(self):
        order = self._purchase([(self.product, 12, 5.0)])
        order.action_confirm()
        buyer = new_test_user(
            self.env,
            login="jxc_one_click_buyer",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )
        # A buyer posts purchase receipts: one click on the order.
        order.with_user(buyer).action_post_open_pickings()
        receipt = order.picking_ids
        self.assertEqual(receipt.state, "done")
        self.assertAlmostEqual(receipt.move_ids.quantity, 12.0)
        self.assertEqual(order.state, "done")
        payables = self.env["jxc.finance.entry"].search([("purchase_id", "=", order.id)])
        self.assertAlmostEqual(sum(payables.mapped("amount")), 67.8)  # 60.00 + 13 %
        with self.assertRaisesRegex(UserError, "not confirmed"):
            order.action_post_open_pickings()

    def test_ship_all_needs_the_right_to_post_deliveries(self):
        self._receive(self.product, 20, 4.0)
        order = self._make_order([(self.product, 5, 10.0)])
        order.action_confirm()
        delivery = self._delivery(order)
        # A salesperson sees the order, but deliveries are posted by the warehouse.
        with self.assertRaises(AccessError):
            order.with_user(self.sales_user).action_post_open_pickings()
        self.assertEqual(delivery.state, "draft")
        keeper = new_test_user(
            self.env,
            login="jxc_store_and_sales",
            groups="base.group_user,jxc_stock.group_jxc_stock_user,jxc_sales.group_jxc_sales_user",
        )
        order.with_user(keeper).action_post_open_pickings()
        self.assertEqual(delivery.state, "done")
        self.assertAlmostEqual(self._quant(self.product).quantity, 15.0)
        self.assertEqual(order.state, "done")
        self.assertLedgerConsistent()

    def test_partial_done_quantities_leave_a_backorder(self):
        order = self._purchase([(self.product, 10, 5.0)])
        order.action_confirm()
        order.picking_ids.line_ids.quantity_done = 4
        order.action_post_open_pickings()
        self.assertAlmostEqual(order.line_ids.qty_received, 4.0)
        # The backorder is the open receipt now: a second click receives the rest.
        order.action_post_open_pickings()
        self.assertAlmostEqual(order.line_ids.qty_received, 10.0)
        with self.assertRaisesRegex(UserError, "not confirmed|no open"):
            order.action_post_open_pickings()
