# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.jxc_stock.utils import internal_context

from .common import JxcFinanceCommon


class TestSettlement(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.partner"].create({"name": "Other Customer"})

    def test_auto_settles_oldest_due_first(self):
        late = self._entry(self.customer, 100.0, days_ago=20, ref="OLD")
        new = self._entry(self.customer, 80.0, days_ago=2, ref="NEW")
        payment = self._payment(self.customer, 150.0)
        self.assertRecordValues(
            payment, [{"state": "posted", "amount_settled": 150.0, "amount_unsettled": 0.0}]
        )
        self.assertRecordValues(late | new, [{"amount_residual": 0.0}, {"amount_residual": 30.0}])
        self.assertEqual(self.customer.jxc_receivable, 30.0)

    def test_prepayment_settles_later_entries(self):
        payment = self._payment(self.customer, 500.0)
        self.assertEqual(payment.amount_unsettled, 500.0)
        self.assertEqual(self.customer.jxc_prepaid_in, 500.0)
        entry = self._entry(self.customer, 113.0)
        self.assertEqual(entry.amount_residual, 0.0)
        self.assertEqual(payment.amount_unsettled, 387.0)
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.jxc_prepaid_in, 387.0)

    def test_manual_settlement(self):
        first = self._entry(self.customer, 100.0, days_ago=10, ref="A")
        second = self._entry(self.customer, 60.0, days_ago=5, ref="B")
        payment = self._payment(self.customer, 70.0, post=False)
        payment.action_load_open_entries()
        # Loaded up to the payment, oldest due first; the user settles the other instead.
        self.assertRecordValues(payment.line_ids, [{"entry_id": first.id, "amount": 70.0}])
        payment.line_ids.write({"entry_id": second.id, "amount": 60.0})
        payment.action_post()
        self.assertRecordValues(
            first | second, [{"amount_residual": 100.0}, {"amount_residual": 0.0}]
        )
        self.assertEqual(payment.amount_unsettled, 10.0)

    def test_bad_settlements_are_refused(self):
        entry = self._entry(self.customer, 50.0, ref="SMALL")
        foreign = self._entry(self.other, 40.0, ref="FOREIGN")
        payment = self._payment(
            self.customer,
            100.0,
            post=False,
            settle_mode="manual",
            line_ids=[Command.create({"entry_id": entry.id, "amount": 60.0})],
        )
        with self.assertRaisesRegex(UserError, "cannot settle ¥.60.00 on SMALL, only ¥.50.00"):
            payment.action_post()
        payment.line_ids.write({"entry_id": foreign.id, "amount": 10.0})
        with self.assertRaisesRegex(UserError, "FOREIGN belongs to Other Customer"):
            payment.action_post()
        self.assertEqual(payment.state, "draft")
        with self.assertRaisesRegex(UserError, "must be positive"):
            self._payment(self.customer, -5.0)
        with self.assertRaisesRegex(UserError, "must be positive"):
            self._payment(self.customer, 0.0)
        self.assertEqual(entry.amount_residual, 50.0)

    def test_cancel_unsettles(self):
        entry = self._entry(self.customer, 50.0)
        payment = self._payment(self.customer, 50.0)
        self.assertEqual(entry.amount_residual, 0.0)
        payment.with_user(self.finance_user).action_cancel()  # who has no e-mail address
        self.assertRecordValues(payment, [{"state": "cancel"}])
        self.assertIn("settlements", payment.message_ids[:1].body)
        self.assertEqual(entry.amount_residual, 50.0)
        self.assertEqual(self.bank.balance, 0.0)

    def test_supplier_payments_and_account_balance(self):
        # Posted as opening cash and bank at go-live; set directly here.
        self.bank.with_context(**internal_context()).opening_balance = 1000.0
        bill = self._entry(self.supplier, 300.0, entry_type="payable", ref="BILL")
        self._payment(self.supplier, 120.0, payment_type="outbound")
        self._payment(self.customer, 50.0)
        self.assertEqual(bill.amount_residual, 180.0)
        self.assertEqual(self.supplier.jxc_payable, 180.0)
        self.assertEqual(self.bank.balance, 1000.0 - 120.0 + 50.0)

    def test_lock_date(self):
        self.company.jxc_finance_lock_date = self.today
        with self.assertRaisesRegex(UserError, "on or before the lock date"):
            self._payment(self.customer, 10.0)
        with self.assertRaisesRegex(UserError, "on or before the lock date"):
            self._entry(self.customer, 10.0)
        self._receive(self.product, 5, 1.0)
        order = self._make_order([(self.product, 1, 10.0)])
        with self.assertRaisesRegex(UserError, "lock date"), self.env.cr.savepoint():
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(self._quant(self.product).reserved_quantity, 0)
