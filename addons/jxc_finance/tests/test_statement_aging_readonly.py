# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import JxcFinanceCommon

AGING_FIELDS = ("partner_id", "not_due", "days_1_30", "days_31_60", "total")
STATEMENT_FIELDS = ("reference", "debit", "credit", "balance")


class TestStatementAgingReadOnly(JxcFinanceCommon):
    """Showing a 对账单 or a 账龄 writes nothing: their lines are read for the wizard when the
    form reads them, so a read-only transaction (a read replica) serves Show, the form, the
    export and the rows — for their own user and company only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._entry(cls.customer, 100.0, days_ago=40, due_in=30, ref="RO-OLD")
        cls._entry(cls.customer, 250.0, days_ago=10, due_in=30, ref="RO-A")
        cls._payment(cls.customer, 80.0, date=cls.today - timedelta(days=8))
        cls._entry(cls.customer, -30.0, days_ago=5, ref="RO-RET")
        cls.other_finance_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_finance_user_ro_other",
            groups="base.group_user,jxc_finance.group_jxc_finance_user",
        )

    def _statement(self, user):
        return (
            self.env["jxc.finance.statement"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "entry_type": "receivable",
                    "date_from": self.today - timedelta(days=20),
                    "date_to": self.today,
                }
            )
        )

    def _aging(self, user, **vals):
        return (
            self.env["jxc.finance.aging"].with_user(user).create(dict({"date": self.today}, **vals))
        )

    def test_statement_shows_and_exports_read_only(self):
        statement = self._statement(self.finance_user)
        with self._read_only():
            action = statement.action_compute()
            self.assertEqual(action["res_id"], statement.id)
            # The form's read, as the web client asks for it.
            [values] = statement.web_read(
                {
                    "opening_balance": {},
                    "closing_balance": {},
                    "line_ids": {"fields": {name: {} for name in STATEMENT_FIELDS}},
                }
            )
            self.assertEqual(values["opening_balance"], 100.0)
            self.assertEqual(values["closing_balance"], 240.0)
            self.assertEqual(
                [(r["debit"], r["credit"], r["balance"]) for r in values["line_ids"]],
                [(250.0, 0.0, 350.0), (0.0, 80.0, 270.0), (-30.0, 0.0, 240.0)],
            )
            self.assertEqual(values["line_ids"][0]["reference"], "RO-A")
            sheet = openpyxl.load_workbook(io.BytesIO(statement._xlsx())).active
            rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
            self.assertEqual(rows[-1][6], 240.0)
            # The lines read on their own (the list's rows), in the statement's context.
            line_id = values["line_ids"][-1]["id"]
            self.env.invalidate_all()
            Line = self.env["jxc.finance.statement.line"].with_user(self.finance_user)
            line = Line.browse(line_id)._jxc_with_wizard()
            self.assertEqual(line.read(["balance"])[0]["balance"], 240.0)

    def test_aging_shows_read_only(self):
        aging = self._aging(self.finance_user)
        with self._read_only():
            self.assertTrue(aging.action_compute())
            [values] = aging.web_read({"line_ids": {"fields": {name: {} for name in AGING_FIELDS}}})
            [line] = [r for r in values["line_ids"] if r["partner_id"] == self.customer.id]
            # 100 due 10 days ago, less the 80 paid (oldest first) and the 30 returned
            # (credit, not due); 250 not due yet.
            self.assertEqual(line["total"], 240.0)
            self.assertEqual(
                line["total"],
                self.env["jxc.finance.aging"]._compute_buckets(
                    self.today, "receivable", self.company
                )[self.customer.id]["total"],
            )

    def test_lines_only_for_their_user(self):
        for wizard, figure in (
            (self._aging(self.finance_user), "total"),
            (self._statement(self.finance_user), "balance"),
        ):
            with self.subTest(model=wizard._name), self._read_only():
                Line = self.env[wizard._fields["line_ids"].comodel_name]
                own = Line.with_user(self.finance_user).with_context(jxc_report_wizard_id=wizard.id)
                self.assertTrue(own.search_count([]))
                line_id = own.search([], limit=1).id
                other = Line.with_user(self.other_finance_user).with_context(
                    jxc_report_wizard_id=wizard.id
                )
                self.assertEqual(other.search_count([]), 0)
                self.env.invalidate_all()
                self.assertTrue(own.browse(line_id).read([figure]))
                self.env.invalidate_all()
                self.assertFalse(other.browse(line_id).read([figure]))
                # Nor the wizard itself.
                self.assertFalse(
                    wizard.with_user(self.other_finance_user).search([("id", "=", wizard.id)])
                )

    def test_lines_cannot_be_written(self):
        aging = self._aging(self.finance_user)
        aging.action_compute()
        line = aging.line_ids[:1]
        self.assertTrue(line)
        Line = self.env["jxc.finance.aging.line"].with_user(self.finance_manager)
        with self.assertRaises(AccessError):
            Line.create({"wizard_id": aging.id, "total": 1.0})
        with self.assertRaises(AccessError):
            line.with_user(self.finance_user).write({"total": 1.0})
        with self.assertRaises(AccessError):
            line.with_user(self.finance_user).unlink()

    def test_aging_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Test RO Other Co"})
        self.finance_user.write({"company_ids": [(4, other.id)]})
        aging = self._aging(self.finance_user, company_id=other.id).with_context(
            allowed_company_ids=self.company.ids
        )
        with self._read_only():
            with self.assertRaisesRegex(AccessError, "Test RO Other Co"):
                aging.action_compute()
            self.assertFalse(aging.line_ids)
