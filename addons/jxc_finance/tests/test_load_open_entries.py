# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import JxcFinanceCommon


class TestLoadOpenEntries(JxcFinanceCommon):
    """载入未核销单据 (#15, part): the open entries, oldest due first, up to the payment's
    amount — never more than it, so that it posts as loaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newest = cls._entry(cls.customer, 50.0, days_ago=1, due_in=30, ref="LOAD-3")
        cls.oldest = cls._entry(cls.customer, 100.0, days_ago=40, due_in=10, ref="LOAD-1")
        cls.middle = cls._entry(cls.customer, 80.0, days_ago=20, due_in=10, ref="LOAD-2")

    def test_fills_up_to_the_amount(self):
        payment = self._payment(self.customer, 150.0, post=False)
        payment.with_user(self.finance_user).action_load_open_entries()
        self.assertEqual(payment.settle_mode, "manual")
        self.assertRecordValues(
            payment.line_ids,
            [
                {"entry_id": self.oldest.id, "amount": 100.0},
                {"entry_id": self.middle.id, "amount": 50.0},
            ],
        )
        self.assertAlmostEqual(payment.amount, 150.0)
        payment.with_user(self.finance_user).action_post()
        self.assertEqual(payment.state, "posted")
        self.assertEqual(
            (self.oldest | self.middle | self.newest).mapped("amount_residual"), [0.0, 30.0, 50.0]
        )

    def test_without_amount_loads_all(self):
        payment = self._payment(self.customer, 0.0, post=False)
        payment.with_user(self.finance_user).action_load_open_entries()
        self.assertAlmostEqual(payment.amount, 230.0)
        self.assertEqual(
            payment.line_ids.mapped("entry_id"), self.oldest | self.middle | self.newest
        )
        self.assertEqual(payment.line_ids.mapped("amount"), [100.0, 80.0, 50.0])
        payment.with_user(self.finance_user).action_post()
        self.assertEqual(
            (self.oldest | self.middle | self.newest).mapped("amount_residual"), [0.0, 0.0, 0.0]
        )
        self.assertAlmostEqual(payment.amount_unsettled, 0.0)

    def test_reload_replaces_the_lines(self):
        payment = self._payment(self.customer, 120.0, post=False)
        payment.action_load_open_entries()
        payment.amount = 60.0
        payment.action_load_open_entries()
        self.assertRecordValues(payment.line_ids, [{"entry_id": self.oldest.id, "amount": 60.0}])
