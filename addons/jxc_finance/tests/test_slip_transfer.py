# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, new_test_user

from odoo.addons.jxc_stock.utils import internal_context

from .common import JxcFinanceCommon


class JxcMoneyCommon(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cash = cls.env["jxc.finance.account"].create(
            {"name": "Test Cash", "account_type": "cash"}
        )
        cls.bank.with_context(**internal_context()).opening_balance = 10000.0
        cls.cash.with_context(**internal_context()).opening_balance = 500.0
        Category = cls.env["jxc.finance.category"]
        cls.rent = Category.create({"name": "Test Rent", "kind": "expense", "sequence": 1})
        cls.freight = Category.create({"name": "Test Freight", "kind": "expense", "sequence": 2})
        cls.interest = Category.create({"name": "Test Interest", "kind": "income"})
        cls.other = cls.env["res.company"].create({"name": "Test Money Other Co"})
        cls.other_bank = cls.env["jxc.finance.account"].create(
            {"name": "Other Co Bank", "company_id": cls.other.id}
        )

    @classmethod
    def _slip(cls, lines, slip_type="expense", account=None, post=True, env=None, **vals):
        env = env or cls.env
        slip = env["jxc.finance.slip"].create(
            dict(
                {
                    "slip_type": slip_type,
                    "account_id": (account or cls.bank).id if account is not False else False,
                    "line_ids": [
                        Command.create({"category_id": c.id, "amount": a, "name": "x"})
                        for c, a in lines
                    ],
                },
                **vals,
            )
        )
        if post:
            slip.action_post()
        return slip

    @classmethod
    def _transfer(cls, source, dest, amount, post=True, env=None, **vals):
        env = env or cls.env
        transfer = env["jxc.finance.transfer"].create(
            dict(
                {"account_from_id": source.id, "account_to_id": dest.id, "amount": amount},
                **vals,
            )
        )
        if post:
            transfer.action_post()
        return transfer

    def _counts(self):
        return (
            self.env["jxc.finance.slip"].search_count([]),
            self.env["jxc.finance.slip.line"].search_count([]),
            self.env["jxc.finance.transfer"].search_count([]),
            self.env["jxc.finance.entry"].search_count([]),
        )


class TestSlipTransfer(JxcMoneyCommon):
    # Worked examples ----------------------------------------------------------------------

    def test_expense_and_income_without_partner_move_the_account(self):
        expense = self._slip([(self.rent, 3000.00), (self.freight, 125.35)])
        self.assertEqual(expense.state, "posted")
        self.assertEqual(expense.amount_total, 3125.35)
        self.assertTrue(expense.name.startswith("QTZC/"))
        income = self._slip([(self.interest, 12.34)], slip_type="income", account=self.cash)
        self.assertTrue(income.name.startswith("QTSR/"))
        self.assertFalse(expense.entry_ids | income.entry_ids, "no partner, no entry")
        self.assertEqual(self.bank.balance, 6874.65)  # 10000 − 3125.35
        self.assertEqual(self.cash.balance, 512.34)  # 500 + 12.34
        self._slip([(self.rent, 1.0)], post=False)  # drafts move nothing
        self.assertEqual(self.bank.balance, 6874.65)
        self.assertLedgerConsistent()

    def test_slip_with_partner_posts_a_payable_settled_by_a_payment(self):
        slip = self._slip([(self.freight, 880.80)], partner_id=self.supplier.id, account=False)
        entry = slip.entry_ids
        self.assertRecordValues(
            entry,
            [
                {
                    "entry_type": "payable",
                    "partner_id": self.supplier.id,
                    "amount": 880.80,
                    "amount_residual": 880.80,
                    "res_model": "jxc.finance.slip",
                    "res_id": slip.id,
                    "reference": slip.name,
                }
            ],
        )
        self.assertEqual(self.bank.balance, 10000.0, "the payable moves no money")
        self.assertEqual(self.supplier.jxc_payable, 880.80)
        self._payment(self.supplier, 880.80, payment_type="outbound")
        self.assertEqual(entry.amount_residual, 0.0)
        self.assertEqual(self.bank.balance, 9119.20)
        income = self._slip(
            [(self.interest, 66.60)], slip_type="income", partner_id=self.customer.id
        )
        self.assertEqual(income.entry_ids.entry_type, "receivable")
        self.assertEqual(self.customer.jxc_receivable, 66.60)
        self.assertEqual(self.bank.balance, 9119.20, "the account is ignored with a partner")
        self.assertLedgerConsistent()

    def test_transfer_moves_both_sides_and_reversal_restores(self):
        transfer = self._transfer(self.bank, self.cash, 1234.56)
        self.assertTrue(transfer.name.startswith("ZJZZ/"))
        self.assertEqual(self.bank.balance, 8765.44)
        self.assertEqual(self.cash.balance, 1734.56)
        reversal = transfer.with_user(self.finance_manager).action_reverse()
        mirror = self.env["jxc.finance.transfer"].browse(reversal["res_id"])
        self.assertRecordValues(
            mirror,
            [
                {
                    "state": "posted",
                    "is_reversal": True,
                    "reversal_of_id": transfer.id,
                    "amount": 1234.56,
                    "name": transfer.name + "-R",
                }
            ],
        )
        self.assertEqual(transfer.state, "reversed")
        self.assertEqual(self.bank.balance, 10000.0)
        self.assertEqual(self.cash.balance, 500.0)
        with self.assertRaisesRegex(UserError, "not a posted transfer"):
            transfer.action_reverse()
        with self.assertRaisesRegex(UserError, "not a posted transfer"):
            mirror.action_reverse()
        self.assertLedgerConsistent()

    def test_reversal_of_slips_restores_balances_and_entries(self):
        slip = self._slip([(self.rent, 2000.0)])
        with_partner = self._slip([(self.rent, 300.0)], partner_id=self.supplier.id)
        self.assertEqual(self.bank.balance, 8000.0)
        slip.with_user(self.finance_manager).action_reverse()
        with_partner.with_user(self.finance_manager).action_reverse()
        self.assertEqual((slip | with_partner).mapped("state"), ["reversed", "reversed"])
        self.assertEqual(self.bank.balance, 10000.0)
        mirror = with_partner.reversal_ids
        self.assertRecordValues(
            mirror, [{"state": "posted", "is_reversal": True, "amount_total": 300.0}]
        )
        self.assertEqual(mirror.entry_ids.amount, -300.0)
        self.assertEqual(with_partner.entry_ids.filtered("is_reversal"), mirror.entry_ids)
        self.assertEqual(self.supplier.jxc_payable, 0.0)
        self.assertFalse(
            self.env["jxc.finance.entry"].search(
                [("partner_id", "=", self.supplier.id), ("is_open", "=", True)]
            ),
            "the pair settles itself",
        )
        self.assertLedgerConsistent()

    def test_totals_by_category(self):
        Slip = self.env["jxc.finance.slip"]
        day = self.today - timedelta(days=40)
        self._slip([(self.rent, 3000.0), (self.freight, 100.10)], date=day)
        self._slip([(self.freight, 50.05)], partner_id=self.supplier.id, date=day)
        self._slip([(self.interest, 8.88)], slip_type="income", date=day)
        reversed_slip = self._slip([(self.freight, 20.0)], date=day)
        self._slip([(self.rent, 999.0)], post=False, date=day)
        reversed_slip.action_reverse()  # dated today, outside the period below
        self._slip([(self.rent, 7.0)], company_id=self.other.id, account=self.other_bank)
        period = (day - timedelta(days=1), day + timedelta(days=1))
        totals = Slip._get_totals_by_category(self.company, *period)
        self.assertEqual(
            totals,
            [
                (self.interest, "income", 8.88),
                (self.rent, "expense", 3000.0),
                (self.freight, "expense", 170.15),
            ],
        )
        # Over both days, the reversal (today) takes its 20.00 back.
        totals = {c: a for c, _k, a in Slip._get_totals_by_category(self.company, day, self.today)}
        self.assertEqual(totals[self.freight], 150.15)
        self.assertEqual(Slip._get_totals_by_category(self.other, day, day), [])
        self.assertEqual(
            Slip._get_totals_by_category(self.other, self.today, self.today),
            [(self.rent, "expense", 7.0)],
        )

    def test_form_and_chatter(self):
        form = Form(
            self.env["jxc.finance.slip"]
            .with_user(self.finance_user)
            .with_context(default_slip_type="income")
        )
        form.account_id = self.cash
        with form.line_ids.new() as line:
            line.category_id = self.interest
            line.amount = 0.3
        slip = form.save()
        slip.action_post()
        self.assertEqual(self.cash.balance, 500.3)
        slip.with_user(self.finance_manager).action_reverse()
        self.assertIn("Reversed by", slip.message_ids[:1].body)
        self.assertIn(slip.name, slip.reversed_by_id.message_ids[:1].body)

    # Bad input ------------------------------------------------------------------------------

    def test_bad_transfers_write_nothing(self):
        before = self._counts()
        cases = [
            ((self.bank, self.bank, 10.0), "different accounts"),
            ((self.bank, self.other_bank, 10.0), "top-secret"),  # not their company
            ((self.bank, self.cash, 0.0), "positive"),
            ((self.bank, self.cash, -5.0), "positive"),
            ((self.bank, self.cash, float("nan")), ""),
            ((self.bank, self.cash, 1e13), ""),
            ((self.bank, self.cash, "abc"), ""),
        ]
        for args, message in cases:
            with self.subTest(args=args), self.assertRaisesRegex(UserError, message):
                with self.env.cr.savepoint():
                    self._transfer(*args, env=self.env(user=self.finance_user))
        self.assertEqual(self._counts(), before)
        self.assertEqual((self.bank.balance, self.cash.balance), (10000.0, 500.0))

    def test_bad_slips_write_nothing(self):
        before = self._counts()
        cases = [
            ([(self.rent, 0.0)], {}, "positive"),
            ([(self.rent, -3.0)], {}, "positive"),
            ([(self.rent, float("nan"))], {}, ""),
            ([(self.rent, float("inf"))], {}, ""),
            ([(self.rent, 1e13)], {}, ""),
            ([(self.rent, "ten")], {}, ""),
            ([(self.interest, 5.0)], {}, "not a category"),
            ([], {}, "no lines"),
            ([(self.rent, 5.0)], {"account": False}, "account"),
            ([(self.rent, 5.0)], {"account": self.other_bank}, "belongs to"),
        ]
        for lines, vals, message in cases:
            with self.subTest(lines=lines, vals=vals), self.assertRaisesRegex(UserError, message):
                with self.env.cr.savepoint():
                    self._slip(lines, env=self.env(user=self.finance_user), **vals)
        self.assertEqual(self._counts(), before)
        self.assertEqual(self.bank.balance, 10000.0)

    def test_locked_period(self):
        self.company.jxc_finance_lock_date = self.today - timedelta(days=10)
        before = self._counts()
        old = self.today - timedelta(days=10)
        for make in (
            lambda: self._slip([(self.rent, 5.0)], date=old),
            lambda: self._slip([(self.rent, 5.0)], date=old, partner_id=self.supplier.id),
            lambda: self._transfer(self.bank, self.cash, 5.0, date=old),
        ):
            with self.assertRaisesRegex(UserError, "lock date"), self.env.cr.savepoint():
                make()
        self.assertEqual(self._counts(), before)
        # Posted in an open period, then the period is closed: reversing into it is refused.
        slip = self._slip([(self.rent, 5.0)])
        transfer = self._transfer(self.bank, self.cash, 5.0)
        self.company.jxc_finance_lock_date = self.today
        for document in (slip, transfer):
            with self.assertRaisesRegex(UserError, "lock date"), self.env.cr.savepoint():
                document.action_reverse()
            self.assertEqual(document.state, "posted")
        # A slip of a closed period is reversed into today's open one.
        self.company.jxc_finance_lock_date = self.today - timedelta(days=1)
        slip.action_reverse()
        self.assertEqual(slip.reversal_ids.date, self.today)

    # Access ---------------------------------------------------------------------------------

    def test_finance_user_posts_manager_reverses(self):
        env = self.env(user=self.finance_user)
        slip = self._slip([(self.rent, 10.0)], env=env)
        transfer = self._transfer(self.bank, self.cash, 10.0, env=env)
        for document in (slip, transfer):
            with self.assertRaisesRegex(AccessError, "finance managers"):
                document.with_user(self.finance_user).action_reverse()
            self.assertEqual(document.state, "posted")
            document.with_user(self.finance_manager).action_reverse()
            self.assertEqual(document.state, "reversed")
        with self.assertRaises(AccessError):
            env["jxc.finance.category"].create({"name": "X", "kind": "expense"})
        self.env(user=self.finance_manager)["jxc.finance.category"].create(
            {"name": "X", "kind": "expense"}
        ).unlink()
        rent = self.rent.with_user(self.finance_manager)
        for call in (rent.unlink, lambda: rent.write({"kind": "income"})):
            with self.assertRaisesRegex(UserError, "used on income or expense slips"):
                call()
        self.assertTrue(slip.line_ids.category_id.exists())

    def test_posted_documents_and_state_are_protected(self):
        slip = self._slip([(self.rent, 10.0)])
        transfer = self._transfer(self.bank, self.cash, 10.0)
        draft = self._slip([(self.rent, 10.0)], post=False)
        for user in (self.finance_user, self.finance_manager, self.env.ref("base.user_admin")):
            for document, vals in (
                (slip, {"date": self.today - timedelta(days=1)}),
                (slip, {"account_id": self.cash.id}),
                (transfer, {"amount": 1.0}),
                (draft, {"state": "posted"}),
                (transfer, {"state": "draft"}),
                (draft, {"is_reversal": True}),
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    with self.env.cr.savepoint():
                        document.with_user(user).write(vals)
            with self.assertRaises(UserError), self.env.cr.savepoint():
                slip.line_ids.with_user(user).write({"amount": 1.0})
            with self.assertRaises(UserError), self.env.cr.savepoint():
                slip.with_user(user).write(
                    {"line_ids": [Command.create({"category_id": self.rent.id, "amount": 1.0})]}
                )
            for document in (slip, transfer, slip.line_ids):
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    document.with_user(user).unlink()
            with self.assertRaises(UserError), self.env.cr.savepoint():
                self.env["jxc.finance.slip"].with_user(user).with_context(
                    default_state="posted"
                ).create({"account_id": self.bank.id})
        slip.with_user(self.finance_user).write({"note": "receipt in the drawer"})
        self.assertEqual(slip.note, "receipt in the drawer")
        self.assertEqual(self.bank.balance, 10000.0 - 10.0 - 10.0)
        draft.with_user(self.finance_user).unlink()

    def test_stock_and_sales_staff_have_no_access(self):
        slip = self._slip([(self.rent, 10.0)])
        transfer = self._transfer(self.bank, self.cash, 10.0)
        for user in (self.stock_user, self.sales_user):
            for model, record in (
                ("jxc.finance.slip", slip),
                ("jxc.finance.slip.line", slip.line_ids),
                ("jxc.finance.transfer", transfer),
                ("jxc.finance.category", self.rent),
            ):
                Model = self.env[model].with_user(user)
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        Model.search([])
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["id"])
                    with self.assertRaises(AccessError):
                        Model.create({})
                    with self.assertRaises(AccessError):
                        record.with_user(user).unlink()
            for method in ("action_post", "action_reverse"):
                for record in (slip, transfer):
                    with self.assertRaises(AccessError):
                        getattr(record.with_user(user), method)()
        self.assertEqual((slip.state, transfer.state), ("posted", "posted"))

    def test_companies_are_isolated(self):
        other_slip = self._slip(
            [(self.rent, 7.0)], company_id=self.other.id, account=self.other_bank
        )
        other_transfer = self._transfer(
            self.other_bank,
            self.env["jxc.finance.account"].create(
                {"name": "Other Co Cash", "company_id": self.other.id}
            ),
            3.0,
            company_id=self.other.id,
        )
        for user in (self.finance_user, self.finance_manager):
            for record in (other_slip, other_transfer, other_slip.line_ids):
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["id"])
            with self.assertRaises(AccessError):
                other_slip.with_user(user).action_reverse()
            with self.assertRaises(AccessError):
                other_transfer.with_user(user).action_reverse()
            self.assertFalse(
                self.env["jxc.finance.slip"].with_user(user).search([("id", "=", other_slip.id)])
            )
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self._slip(
                [(self.rent, 1.0)],
                env=self.env(user=self.finance_user),
                company_id=self.other.id,
                account=self.other_bank,
            )
        self.assertEqual(other_slip.state, "posted")
        # Someone working in both companies gets told what is wrong.
        both = new_test_user(
            self.env,
            login="jxc_money_two_companies",
            groups="base.group_user,jxc_finance.group_jxc_finance_manager",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | self.other).ids)],
        )
        env = self.env(user=both, context={"allowed_company_ids": (self.company | self.other).ids})
        before = self._counts()
        with self.assertRaisesRegex(UserError, "belongs to"), self.env.cr.savepoint():
            self._transfer(self.bank, self.other_bank, 5.0, env=env)
        with self.assertRaisesRegex(UserError, "belongs to"), self.env.cr.savepoint():
            self._slip([(self.rent, 5.0)], env=env, account=self.other_bank)
        self.assertEqual(self._counts(), before)
