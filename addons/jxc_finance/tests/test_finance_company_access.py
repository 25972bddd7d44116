# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user

from .common import JxcFinanceCommon


class TestFinanceCompanyAccess(JxcFinanceCommon):
    """Statements and period closing read and write past record rules: only for the companies
    the user works in (the allowed companies of the session)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "Test Other Finance Co"})
        cls.env["jxc.finance.entry"]._post(
            [
                {
                    "entry_type": "receivable",
                    "partner_id": cls.customer.id,
                    "amount": 999.0,
                    "date": cls.today - timedelta(days=1),
                    "reference": "OTHER-CO",
                    "company_id": cls.other.id,
                }
            ]
        )
        cls._entry(cls.customer, 120.0, days_ago=1, ref="THIS-CO")
        cls.two_company_manager = new_test_user(
            cls.env,
            login="jxc_finance_two_companies",
            groups="base.group_user,jxc_finance.group_jxc_finance_manager",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.other).ids)],
        )

    def _statement(self, user, company):
        return (
            self.env["jxc.finance.statement"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_from": self.today - timedelta(days=5),
                    "date_to": self.today,
                    "company_id": company.id,
                }
            )
        )

    def test_statement_of_another_company(self):
        statement = self._statement(self.finance_user, self.other)
        with self.assertRaisesRegex(AccessError, "Test Other Finance Co"):
            statement.action_compute()
        with self.assertRaises(AccessError):
            statement._xlsx()
        statement.invalidate_recordset()
        self.assertFalse(statement.line_ids)
        self.assertEqual(statement.closing_balance, 0.0)

    def test_statement_of_a_company_not_selected(self):
        """A company of the user that the session does not work in is refused too."""
        user = self.two_company_manager
        statement = self._statement(user, self.other).with_context(
            allowed_company_ids=self.company.ids
        )
        with self.assertRaises(AccessError):
            statement.action_compute()
        statement = statement.with_context(allowed_company_ids=self.other.ids)
        statement.action_compute()
        self.assertEqual(statement.line_ids.mapped("reference"), ["OTHER-CO"])
        own = self._statement(user, self.company)
        own.action_compute()
        self.assertEqual(own.line_ids.mapped("reference"), ["THIS-CO"])

    def test_lock_date_of_another_company(self):
        wizard = (
            self.env["jxc.finance.lock.date"]
            .with_user(self.finance_manager)
            .create({"company_id": self.other.id, "lock_date": self.today})
        )
        with self.assertRaisesRegex(AccessError, "Test Other Finance Co"):
            wizard.action_apply()
        self.assertFalse(self.other.jxc_finance_lock_date)
        wizard = (
            self.env["jxc.finance.lock.date"]
            .with_user(self.two_company_manager)
            .with_context(allowed_company_ids=self.company.ids)
            .create({"company_id": self.other.id, "lock_date": self.today})
        )
        with self.assertRaises(AccessError):
            wizard.action_apply()
        self.assertFalse(self.other.jxc_finance_lock_date)
        wizard.with_context(allowed_company_ids=self.other.ids).action_apply()
        self.assertEqual(self.other.jxc_finance_lock_date, self.today)
        self.assertFalse(self.company.jxc_finance_lock_date)

    def test_finance_reads_sales_totals_and_margins(self):
        self._receive(self.product, 5, 2.0)
        order = self._make_order([(self.product, 2, 10.0)])
        order.action_confirm()
        self.assertTrue(self.finance_user.has_group("jxc_stock.group_jxc_cost"))
        # 2 × 10.00 + 13 % tax; margin 20.00 − 2 × 2.00.
        self.assertFieldsRead(self.finance_user, self.customer, {"jxc_sale_total": 22.6})
        self.assertFieldsRead(self.finance_user, order, {"margin": 16.0})
        self.assertFieldsRead(self.finance_user, order.line_ids, {"cost_unit": 2.0})
        self.assertFieldsHidden(self.stock_user, self.customer, ["jxc_sale_total"])
