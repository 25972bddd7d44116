# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import JxcFinanceCommon


class TestCredit(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 100, 4.0)

    def test_credit_limit_blocks_and_manager_approves(self):
        self.customer.jxc_credit_limit = 200.0
        self._entry(self.customer, 150.0)
        order = self._make_order([(self.product, 10, 10.0)])  # 113.00
        with self.assertRaisesRegex(
            UserError,
            r"150\.00.* \+ this order .*113\.00.* = .*263\.00.* exceed the credit limit "
            r".*200\.00",
        ):
            order.with_user(self.sales_user).action_confirm()
        self.assertEqual(order.state, "draft")
        with self.assertRaises(AccessError):
            order.with_user(self.sales_user).action_approve_credit()
        order.with_user(self.finance_manager).action_approve_credit()
        self.assertEqual(order.jxc_credit_approved_by_id, self.finance_manager)
        self.assertIn("Credit exception approved", order.message_ids[0].body)
        order.with_user(self.sales_user).action_confirm()
        self.assertEqual(order.state, "confirmed")

    def test_overdue_receivables_block(self):
        self.customer.jxc_credit_days = 30
        self._entry(self.customer, 20.0, days_ago=45, ref="OLD-SO")
        order = self._make_order([(self.product, 1, 10.0)])
        with self.assertRaisesRegex(
            UserError, "more than 30 days old and unpaid, the oldest OLD-SO"
        ):
            order.action_confirm()
        self._payment(self.customer, 20.0)
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
