# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import timedelta

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..wizards.jxc_finance_aging import BUCKETS
from .common import JxcFinanceCommon


class TestStatementAndAging(JxcFinanceCommon):
    def test_statement_running_balance(self):
        self._entry(self.customer, 100.0, days_ago=40, ref="SO-OLD")
        self._entry(self.customer, 250.0, days_ago=10, ref="SO-A")
        self._payment(self.customer, 80.0, date=self.today - timedelta(days=8))
        self._entry(self.customer, -30.0, days_ago=5, ref="RET-A")
        self._entry(self.customer, 60.5, days_ago=1, ref="SO-B")
        statement = self.env["jxc.finance.statement"].create(
            {
                "partner_id": self.customer.id,
                "entry_type": "receivable",
                "date_from": self.today - timedelta(days=20),
                "date_to": self.today,
            }
        )
        statement.action_compute()
        self.assertEqual(statement.opening_balance, 100.0)
        self.assertEqual(
            [(ln.reference, ln.debit, ln.credit, ln.balance) for ln in statement.line_ids],
            [
                ("SO-A", 250.0, 0.0, 350.0),
                (statement.line_ids[1].reference, 0.0, 80.0, 270.0),
                ("RET-A", -30.0, 0.0, 240.0),
                ("SO-B", 60.5, 0.0, 300.5),
            ],
        )
        self.assertEqual(statement.closing_balance, 300.5)
        self.assertEqual(statement.closing_balance, self.customer.jxc_receivable)
        attachment = statement._xlsx_attachment()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        values = [row for row in sheet.iter_rows(values_only=True) if any(row)]
        self.assertEqual(values[-1][6], 300.5)
        self.assertEqual(values[-1][4], 280.5)
        self.assertEqual(values[-1][5], 80.0)
        self.assertEqual(sheet.freeze_panes, "A5")

    def test_aging_buckets(self):
        self._entry(self.customer, 100.0, days_ago=0, due_in=30, ref="NOT-DUE")
        self._entry(self.customer, 200.0, days_ago=40, due_in=30, ref="D10")
        self._entry(self.customer, 300.0, days_ago=75, due_in=30, ref="D45")
        self._entry(self.customer, 400.0, days_ago=100, due_in=30, ref="D70")
        self._entry(self.customer, 500.0, days_ago=200, due_in=30, ref="D170")
        # Paid later than "as of 20 days ago": still open then.
        self._payment(self.customer, 1000.0)
        aging = self.env["jxc.finance.aging"]
        today = aging._compute_buckets(self.today, "receivable", self.company)[self.customer.id]
        self.assertEqual(
            today,
            {
                "not_due": 100.0,
                "days_1_30": 200.0,
                "days_31_60": 200.0,  # D45: 100 of its 300 was paid (oldest due first)
                "days_61_90": 0.0,
                "days_over_90": 0.0,
                "total": 500.0,
            },
        )
        earlier = aging._compute_buckets(
            self.today - timedelta(days=20), "receivable", self.company
        )[self.customer.id]
        self.assertEqual(
            earlier,
            {
                "not_due": 200.0,
                "days_1_30": 300.0,
                "days_31_60": 400.0,
                "days_61_90": 0.0,
                "days_over_90": 500.0,
                "total": 1400.0,
            },
        )
        wizard = aging.create({"date": self.today, "entry_type": "receivable"})
        wizard.action_compute()
        self.assertEqual(
            wizard.line_ids.filtered(lambda ln: ln.partner_id == self.customer).total, 500.0
        )

    def test_aging_as_of_a_past_day_counts_only_entries_dated_up_to_it(self):
        """A receipt settles an old entry and a newer one: as of a day between them, the
        old entry is open in full, the newer one is not there yet."""
        old = self._entry(self.customer, 300.0, days_ago=30, due_in=5, ref="OLD")
        new = self._entry(self.customer, 200.0, days_ago=5, due_in=5, ref="NEW")
        payment = self._payment(self.customer, 500.0)
        self.assertEqual((old.amount_residual, new.amount_residual), (0.0, 0.0))
        self.assertEqual(payment.line_ids.mapped("entry_date"), [old.date, new.date])
        aging = self.env["jxc.finance.aging"]

        def as_of(days_ago):
            day = self.today - timedelta(days=days_ago)
            return aging._compute_buckets(day, "receivable", self.company).get(self.customer.id)

        empty = dict.fromkeys(BUCKETS, 0.0)
        self.assertEqual(as_of(10), dict(empty, days_1_30=300.0, total=300.0))
        self.assertEqual(as_of(3), dict(empty, not_due=200.0, days_1_30=300.0, total=500.0))
        self.assertIsNone(as_of(0))
        # An entry's date on a settlement is its entry's, never given by hand.
        later = self._entry(self.customer, 50.0, days_ago=20, ref="LATER")
        draft = self._payment(self.customer, 50.0, post=False)
        draft.line_ids = [Command.create({"entry_id": later.id, "amount": 50.0})]
        with self.assertRaisesRegex(UserError, "cannot be changed by hand"):
            draft.line_ids.write({"entry_date": self.today})
        with self.assertRaisesRegex(UserError, "cannot be set by hand"):
            draft.line_ids = [
                Command.create({"entry_id": later.id, "amount": 1.0, "entry_date": self.today})
            ]
        self.assertEqual(draft.line_ids.entry_date, later.date)

    def test_statement_period_must_be_ordered(self):
        from odoo.exceptions import ValidationError

        with self.assertRaisesRegex(ValidationError, "starts .* after it ends"):
            self.env["jxc.finance.statement"].create(
                {
                    "partner_id": self.customer.id,
                    "date_from": self.today,
                    "date_to": self.today - timedelta(days=1),
                }
            )

    def test_aging_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Test Aging Other Company"})
        aging = (
            self.env["jxc.finance.aging"]
            .with_user(self.finance_user)
            .create({"company_id": other.id, "entry_type": "receivable"})
        )
        with self.assertRaises(AccessError):
            aging.action_compute()
