# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import JxcFinanceCommon


class TestBatchActions(JxcFinanceCommon):
    """Confirm / 审核 / post several documents from their list (#15, part): each as its own
    button does — approval, stock and credit rules, the caller's rights — all or nothing per
    document, with a notification of what failed and why."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 20, 4.0)
        cls.buyer = new_test_user(
            cls.env,
            email=False,
            login="jxc_batch_buyer",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )

    def _message(self, result):
        self.assertEqual(result["tag"], "display_notification")
        return result["params"]["message"]

    def test_batch_confirm_sale_orders_one_short(self):
        first = self._make_order([(self.product, 5, 10.0)])
        short = self._make_order([(self.product2, 1, 4.0), (self.product, 100, 10.0)])
        last = self._make_order([(self.product, 3, 10.0)])
        with self.assertRaises(UserError) as single, self.env.cr.savepoint():
            short.with_user(self.sales_user).action_confirm()

        result = (short | first | last).with_user(self.sales_user).action_batch_confirm()

        self.assertRecordValues(
            first | short | last,
            [{"state": "confirmed"}, {"state": "draft"}, {"state": "confirmed"}],
        )
        self.assertAlmostEqual(sum(self._receivables(first).mapped("amount")), 56.5)
        self.assertAlmostEqual(sum(self._receivables(last).mapped("amount")), 33.9)
        self.assertFalse(self._receivables(short))
        self.assertFalse(short.picking_ids)
        self.assertEqual(sum(short.line_ids.mapped("qty_reserved")), 0.0)
        self.assertAlmostEqual(self._quant(self.product).reserved_quantity, 8.0)
        message = self._message(result)
        self.assertIn(f"{short.display_name}: {single.exception.args[0]}", message)
        self.assertTrue(result["params"]["sticky"])

        # Confirmed already: skipped, not failed.
        again = (first | last).with_user(self.sales_user).action_batch_confirm()
        self.assertIn("2 skipped", self._message(again))
        self.assertNotIn("failed", self._message(again))
        self.assertFalse(again["params"]["sticky"])

    def test_batch_validate_deliveries_needs_stock_rights(self):
        orders = self._make_order([(self.product, 2, 10.0)]) | self._make_order(
            [(self.product, 4, 10.0)]
        )
        orders.action_confirm()
        deliveries = orders.picking_ids
        # Sales staff read deliveries; posting them is the warehouse's, in a batch too.
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            deliveries.with_user(self.sales_user).action_batch_done()
        self.assertEqual(deliveries.mapped("state"), ["draft", "draft"])
        self.assertFalse(deliveries.move_ids)
        self.assertAlmostEqual(self._quant(self.product).quantity, 20.0)

        result = deliveries.with_user(self.stock_user).action_batch_done()
        self.assertEqual(deliveries.mapped("state"), ["done", "done"])
        self.assertEqual(orders.mapped("state"), ["done", "done"])
        self.assertAlmostEqual(self._quant(self.product).quantity, 14.0)
        self.assertEqual(result["params"]["type"], "success")
        self.assertLedgerConsistent()

    def test_batch_confirm_purchase_orders_with_approval(self):
        self.company.jxc_po_approval_amount = 1000.0
        small = self._purchase([(self.product, 10, 5.0)])
        big = self._purchase([(self.product, 300, 5.0)])
        empty = self._purchase([])
        confirmed = self._purchase([(self.product2, 1, 5.0)])
        confirmed.action_confirm()

        result = (small | big | empty | confirmed).with_user(self.buyer).action_batch_confirm()

        self.assertRecordValues(
            small | big | empty | confirmed,
            [
                {"state": "confirmed"},
                {"state": "to_approve"},
                {"state": "draft"},
                {"state": "confirmed"},
            ],
        )
        self.assertEqual(len(small.picking_ids), 1)
        self.assertFalse(big.picking_ids)
        message = self._message(result)
        self.assertIn("2 done", message)
        self.assertIn(f"1 skipped, already past this step: {confirmed.display_name} (", message)
        self.assertIn(f"1 failed:\n{empty.display_name}:", message)
        # Sales staff do not confirm purchases: the whole batch is refused.
        other = self._purchase([(self.product, 1, 5.0)])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            other.with_user(self.sales_user).action_batch_confirm()
        self.assertEqual(other.state, "draft")

    def test_batch_post_payments(self):
        self._entry(self.customer, 80.0, ref="BATCH-E1")
        good = self._payment(self.customer, 50.0, post=False)
        zero = self._payment(self.customer, 0.0, post=False)
        posted = self._payment(self.customer, 10.0)

        result = (good | zero | posted).with_user(self.finance_user).action_batch_post()

        self.assertRecordValues(
            good | zero | posted,
            [
                {"state": "posted", "amount_settled": 50.0},
                {"state": "draft", "amount_settled": 0.0},
                {"state": "posted", "amount_settled": 10.0},
            ],
        )
        message = self._message(result)
        self.assertIn("1 done", message)
        self.assertIn(f"1 failed:\n{zero.display_name}:", message)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            zero.with_user(self.stock_user).action_batch_post()
        self.assertEqual(zero.state, "draft")

    def test_batch_actions_bound_to_lists(self):
        for xml_id, groups in (
            (
                "jxc_sales.jxc_sale_order_action_server_batch_confirm",
                ["jxc_sales.group_jxc_sales_user_own"],
            ),
            (
                "jxc_purchase.jxc_purchase_order_action_server_batch_confirm",
                ["jxc_purchase.group_jxc_purchase_user"],
            ),
            (
                "jxc_stock.jxc_stock_picking_action_server_batch_done",
                ["jxc_stock.group_jxc_stock_user", "jxc_purchase.group_jxc_purchase_user"],
            ),
            (
                "jxc_finance.jxc_finance_payment_action_server_batch_post",
                ["jxc_finance.group_jxc_finance_user"],
            ),
        ):
            action = self.env.ref(xml_id)
            self.assertEqual(action.binding_view_types, "list")
            self.assertEqual(sorted(action.groups_id.get_external_id().values()), sorted(groups))
