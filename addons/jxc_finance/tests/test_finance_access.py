# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import JxcFinanceCommon


class TestFinanceAccess(JxcFinanceCommon):
    def test_finance_user_posts_and_settles(self):
        entry = self._entry(self.customer, 40.0)
        env = self.env(user=self.finance_user)
        payment = env["jxc.finance.payment"].create(
            {
                "payment_type": "inbound",
                "partner_id": self.customer.id,
                "amount": 40.0,
                "account_id": self.bank.id,
            }
        )
        payment.action_post()
        self.assertEqual(entry.amount_residual, 0.0)
        with self.assertRaises(AccessError):
            env["jxc.finance.account"].create({"name": "X"})
        with self.assertRaises(AccessError):
            env["jxc.stock.move"].search([])
        with self.assertRaises(AccessError):
            env["jxc.sale.order"].check_access("write")

    def test_sales_see_balances_stock_sees_no_money(self):
        self._entry(self.customer, 40.0)
        partner = self.customer.with_user(self.sales_user)
        self.assertEqual(partner.jxc_receivable, 40.0)
        with self.assertRaises(AccessError):
            self.env["jxc.finance.entry"].with_user(self.sales_user).check_access("write")
        for model in ("jxc.finance.entry", "jxc.finance.payment", "jxc.finance.account"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.stock_user).search([])

    def test_money_fields_hidden_from_stock_staff(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.stock_user).read(["jxc_receivable"])
        with self.assertRaises(AccessError):
            self.customer.with_user(self.stock_user).read(["jxc_credit_limit"])
        self.customer.with_user(self.finance_user).write({"jxc_credit_limit": 500.0})
        self.assertEqual(self.customer.jxc_credit_limit, 500.0)

    def test_finance_manager_closes_periods(self):
        wizard = (
            self.env["jxc.finance.lock.date"]
            .with_user(self.finance_manager)
            .create({"lock_date": self.today})
        )
        wizard.action_apply()
        self.assertEqual(self.company.jxc_finance_lock_date, self.today)
        with self.assertRaises(AccessError):
            self.env["jxc.finance.lock.date"].with_user(self.finance_user).create(
                {"lock_date": self.today}
            )

    def test_sales_cannot_grant_themselves_credit(self):
        from odoo.exceptions import UserError

        self._receive(self.product, 10, 1.0)
        self.customer.jxc_credit_limit = 50.0
        order = self._make_order([(self.product, 10, 10.0)])
        with self.assertRaisesRegex(UserError, "cannot be changed by hand"):
            order.with_user(self.sales_user).write(
                {"jxc_credit_approved_by_id": self.sales_user.id}
            )
        self.assertFalse(order.jxc_credit_approved_by_id)
        # Even set behind the ORM's back, an approval by someone not in finance counts for
        # nothing.
        order._jxc_write({"jxc_credit_approved_by_id": self.sales_user.id})
        with self.assertRaisesRegex(UserError, "credit"):
            order.with_user(self.sales_user).action_confirm()
        with self.assertRaises(AccessError):
            self.customer.with_user(self.sales_user).sudo(False).write({"jxc_credit_limit": 1e9})

    def test_settlements_and_posted_payments_are_protected(self):
        from odoo.exceptions import UserError

        entry = self._entry(self.customer, 200.0)
        with self.assertRaisesRegex(UserError, "(?i)settlement"), self.env.cr.savepoint():
            self.env["jxc.finance.payment.line"].with_user(self.finance_user).create(
                {"entry_id": entry.id, "amount": 200.0}
            )
        payment = self._payment(self.customer, 100.0)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            payment.with_user(self.finance_user).write({"amount": 5000.0})
        self.assertEqual(entry.amount_residual, 100.0)
