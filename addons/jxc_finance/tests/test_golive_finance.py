# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.jxc_stock.tests.golive_common import JxcGoliveCommon
from odoo.addons.jxc_stock.utils import internal_context


class JxcGoliveFinanceCommon(JxcGoliveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "启用客户甲", "ref": "GC001", "is_company": True, "company_id": cls.company.id}
        )
        cls.customer2 = Partner.create({"name": "启用客户乙", "is_company": True})
        cls.supplier = Partner.create(
            {"name": "启用供应商", "ref": "GS001", "is_company": True, "company_id": cls.company.id}
        )
        Account = cls.env["jxc.finance.account"]
        cls.bank = Account.create(
            {"name": "启用基本户", "bank_account_number": "6222 0001", "company_id": cls.company.id}
        )
        cls.cash = Account.create(
            {"name": "启用现金", "account_type": "cash", "company_id": cls.company.id}
        )
        cls.usd = cls.env.ref("base.USD")
        cls.usd.active = True
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.usd.id,
                "company_id": cls.company.id,
                "name": cls.cutover - timedelta(days=3),
                "rate": 0.14,  # 1 CNY = 0.14 USD
            }
        )

    @classmethod
    def _golive_users(cls, users):
        return dict(
            super()._golive_users(users),
            finance_user="jxc_finance.group_jxc_finance_user",
            finance_manager="jxc_finance.group_jxc_finance_manager",
            boss="jxc_finance.group_jxc_finance_manager,jxc_stock.group_jxc_stock_manager",
        )

    def _money_import(self, opening_type, rows, user=None, filename=None):
        wizard = (
            self.env["jxc.finance.opening.import"]
            .with_user(user or self.finance_manager)
            .create({"opening_type": opening_type, "company_id": self.company.id})
        )
        wizard.write(
            {"file": self._file(wizard, rows), "filename": filename or f"{opening_type}.xlsx"}
        )
        return wizard

    def _receivable_rows(self):
        d = self.cutover
        return [
            # partner, source document, date, due date, amount, currency, note
            ("GC001", "XS-0901", d - timedelta(days=70), d - timedelta(days=40), 1200.0),
            ("启用客户甲", "XS-0933", d - timedelta(days=20), d + timedelta(days=10), 860.45),
            ("启用客户乙", "XS-0950", d - timedelta(days=5), None, 300.0, "USD"),
            ("GC001", "预收-01", d - timedelta(days=3), None, -200.0, None, "预收货款"),
        ]


@tagged("post_install", "-at_install")
class TestGoliveFinance(JxcGoliveFinanceCommon):
    def test_bad_receivables_file_lists_every_row_and_writes_nothing(self):
        d = self.cutover
        wizard = self._money_import(
            "receivable",
            [
                ("GC001", "OK-1", d - timedelta(days=1), None, 100),
                ("无此客户", "X-2", d - timedelta(days=1), None, 100),
                ("GC001", "X-3", d + timedelta(days=1), None, 100),
                ("GC001", "X-4", d - timedelta(days=10), d - timedelta(days=11), 100),
                ("GC001", "X-5", d - timedelta(days=1), None, "一百"),
                ("GC001", "X-6", d - timedelta(days=1), None, 0),
                ("GC001", "X-7", "昨天", None, 100),
                ("GC001", "X-8", d - timedelta(days=1), None, 100, "XYZ"),
                ("GC001", "X-9", d - timedelta(days=1), None, 1e13),
                ("GC001", "X-10", d - timedelta(days=1), None, 100, "EUR"),
                (None, "X-11", None, None, None),
            ],
        )
        action = wizard.with_context(default_opening_type="receivable").action_import()
        # The wizard comes back with its title and the type it was opened for.
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(action["context"], {"default_opening_type": "receivable"})
        self.assertTrue(action["name"])
        errors = {(row, column) for row, column, _reason in self._errors(wizard)}
        self.assertEqual(
            errors,
            {
                (3, "Customer"),
                (4, "Document Date"),
                (5, "Due Date"),
                (6, "Amount"),
                (7, "Amount"),
                (8, "Document Date"),
                (9, "Currency"),
                (10, "Amount"),
                (11, "Currency"),
                (12, "Customer"),
                (12, "Document Date"),
                (12, "Amount"),
            },
        )
        reasons = {(row, column): reason for row, column, reason in self._errors(wizard)}
        self.assertIn("after the cut-over date", reasons[(4, "Document Date")])
        self.assertIn("before the document date", reasons[(5, "Due Date")])
        self.assertIn("no exchange rate of EUR", reasons[(11, "Currency")])
        self.assertEqual(self._company_rows("jxc.finance.opening"), 0)
        self.assertEqual(self._company_rows("jxc.finance.entry"), 0)

    def test_receivables_settle_age_and_appear_on_statements(self):
        wizard = self._money_import("receivable", self._receivable_rows())
        wizard.action_import()
        self.assertFalse(wizard.error_count)
        opening = self.env["jxc.finance.opening"].search([("company_id", "=", self.company.id)])
        self.assertEqual(opening.state, "posted")
        entries = opening.entry_ids
        self.assertTrue(all(entries.mapped("is_opening")))
        self.assertEqual(set(entries.mapped("entry_type")), {"receivable"})
        usd_in_cny = round(300.0 / 0.14, 2)
        self.assertEqual(
            sorted(entries.mapped("amount")), sorted([1200.0, 860.45, usd_in_cny, -200.0])
        )
        # The credit (预收) settled the oldest due entry of its partner automatically.
        oldest = entries.filtered(lambda e: e.origin == "XS-0901")
        self.assertAlmostEqual(oldest.amount_residual, 1000.0)
        self.assertEqual(oldest.date_due, self.cutover - timedelta(days=40))
        self.env.invalidate_all()
        self.assertAlmostEqual(self.customer.jxc_receivable, 1000.0 + 860.45)
        # Aging on the cut-over date: 1,000 is 40 days overdue, 860.45 not due yet.
        buckets = self.env["jxc.finance.aging"]._compute_buckets(
            self.cutover, "receivable", self.company
        )[self.customer.id]
        self.assertAlmostEqual(buckets["total"], 1860.45)
        # The statement of the cut-over month opens with what the file says is owed.
        statement = self.env["jxc.finance.statement"].create(
            {
                "partner_id": self.customer.id,
                "entry_type": "receivable",
                "date_from": self.cutover,
                "date_to": self.cutover + timedelta(days=27),
                "company_id": self.company.id,
            }
        )
        statement.action_compute()
        self.assertAlmostEqual(statement.opening_balance, 1860.45)
        self.assertAlmostEqual(statement.closing_balance, 1860.45)
        # The same file again is refused.
        with self.assertRaisesRegex(UserError, "imported already"):
            self._money_import("receivable", self._receivable_rows()).action_import()
        self.assertEqual(len(opening.entry_ids), 4)
        # 红冲 before going live: every entry reversed, the partner owes nothing.
        opening.with_user(self.finance_manager).action_reverse()
        self.assertEqual(opening.state, "reversed")
        self.env.invalidate_all()
        self.assertAlmostEqual(self.customer.jxc_receivable, 0.0)

    def test_payables_and_cash(self):
        d = self.cutover
        self._money_import(
            "payable", [("GS001", "CG-77", d - timedelta(days=9), d + timedelta(days=21), 5000)]
        ).action_import()
        self.env.invalidate_all()
        self.assertAlmostEqual(self.supplier.jxc_payable, 5000.0)
        cash = self._money_import(
            "cash", [("启用基本户", 88000.88), ("6222 0001", 12.12), ("启用现金", 950)]
        )
        cash.action_import()
        self.assertFalse(cash.error_count)
        self.env.invalidate_all()
        self.assertAlmostEqual(self.bank.opening_balance, 88013.0)
        self.assertAlmostEqual(self.bank.balance, 88013.0)
        self.assertAlmostEqual(self.cash.balance, 950.0)
        bad = self._money_import("cash", [("无此账户", 5), ("启用现金", "NaN")], filename="c2")
        bad.action_import()
        self.assertEqual(
            {(r, c) for r, c, _reason in self._errors(bad)},
            {(2, "Cash / Bank Account"), (3, "Amount")},
        )
        self.assertAlmostEqual(self.cash.balance, 950.0)
        # Opening balances are posted, not typed on the account — by anyone, over any API.
        for user in (self.finance_manager, self.boss):
            with self.assertRaisesRegex(UserError, "opening balance"):
                self.bank.with_user(user).write({"opening_balance": 1.0})
            with self.assertRaisesRegex(UserError, "opening balance"):
                self.env["jxc.finance.account"].with_user(user).create(
                    {"name": "X", "company_id": self.company.id, "opening_balance": 9.0}
                )
        self.assertAlmostEqual(self.bank.opening_balance, 88013.0)

    def test_screen_entry_has_the_file_checks(self):
        opening = (
            self.env["jxc.finance.opening"]
            .with_user(self.finance_manager)
            .create(
                {
                    "opening_type": "receivable",
                    "line_ids": [
                        Command.create(
                            {
                                "partner_id": self.customer.id,
                                "date": self.cutover + timedelta(days=2),
                                "amount_currency": 10,
                            }
                        ),
                        Command.create(
                            {
                                "partner_id": self.customer.id,
                                "date": self.cutover - timedelta(days=2),
                                "date_due": self.cutover - timedelta(days=3),
                                "amount_currency": 10,
                            }
                        ),
                        Command.create(
                            {
                                "partner_id": self.customer.id,
                                "date": self.cutover - timedelta(days=2),
                                "amount_currency": 0,
                            }
                        ),
                    ],
                }
            )
        )
        with self.assertRaises(UserError) as error:
            opening.action_post()
        message = str(error.exception)
        self.assertIn("line 1: the document is dated after the cut-over date", message)
        self.assertIn("line 2: the due date is before the document date", message)
        self.assertIn("line 3: the amount cannot be zero", message)
        self.assertEqual(opening.state, "draft")
        self.assertEqual(self._company_rows("jxc.finance.entry"), 0)

    def test_rights(self):
        # Finance users read opening balances but neither import nor post them.
        with self.assertRaises(AccessError):
            self._money_import("receivable", self._receivable_rows(), user=self.finance_user)
        draft = (
            self.env["jxc.finance.opening"]
            .with_user(self.finance_manager)
            .create(
                {
                    "opening_type": "cash",
                    "line_ids": [
                        Command.create({"account_id": self.bank.id, "amount_currency": 5})
                    ],
                }
            )
        )
        with self.assertRaises(AccessError):
            draft.with_user(self.finance_user).action_post()
        # Stock managers post opening stock, not money; finance managers the other way round.
        with self.assertRaises(AccessError):
            draft.with_user(self.stock_manager).action_post()
        with self.assertRaises(AccessError):
            self._money_import("cash", [("启用现金", 1)], user=self.stock_manager)
        with self.assertRaises(AccessError):
            self._stock_import(
                [("GL1", "GL-PEN", None, None, None, 1, None, 1)], user=self.finance_manager
            )
        # Nobody posts by writing the state.
        with self.assertRaises(UserError):
            draft.with_user(self.finance_manager).write({"state": "posted"})
        self.assertEqual(self.bank.opening_balance, 0.0)
        draft.with_user(self.finance_manager).action_post()
        self.assertEqual(self.bank.opening_balance, 5.0)
        # A posted document cannot be edited or deleted.
        with self.assertRaises(UserError):
            draft.line_ids.with_user(self.finance_manager).write({"amount_currency": 50})
        with self.assertRaises(UserError):
            draft.with_user(self.finance_manager).unlink()
        # Another company's opening balances are out of reach.
        main = self.env.ref("base.main_company")
        demo = self.env["jxc.finance.opening"].sudo().search([("company_id", "=", main.id)])
        self.assertTrue(demo)
        self.assertFalse(
            self.env["jxc.finance.opening"]
            .with_user(self.finance_manager)
            .search([("id", "in", demo.ids)])
        )

    def test_finish_freezes_opening_documents_and_closes_the_books(self):
        d = self.cutover
        self._stock_import([("GL1", "GL-PEN", None, None, None, 4, None, 1)]).action_import()
        self._money_import(
            "receivable", [("GC001", "X", d - timedelta(days=1), None, 10)]
        ).action_import()
        draft = (
            self.env["jxc.finance.opening"]
            .with_user(self.finance_manager)
            .create({"opening_type": "cash"})
        )
        # One department's manager cannot finish for the other.
        for user in (self.stock_manager, self.finance_manager):
            with self.assertRaises(AccessError):
                self.golive.with_user(user).action_finish()
        with self.assertRaisesRegex(UserError, "draft opening documents"):
            self.golive.with_user(self.boss).action_finish()
        draft.with_user(self.finance_manager).action_cancel()
        self.golive.with_user(self.boss).action_finish()
        self.assertEqual(self.golive.state, "done")
        self.assertEqual(self.company.jxc_finance_lock_date, d - timedelta(days=1))
        frozen = self.env["jxc.stock.picking"].search(
            [("company_id", "=", self.company.id), ("picking_type", "=", "opening")]
        )
        self.assertTrue(frozen.is_opening_frozen, "its Reverse button is hidden")
        self.assertTrue(
            all(
                self.golive.step_ids.filtered(
                    lambda s: s.key in ("opening_stock", "opening_receivable", "finish")
                ).mapped("is_done")
            )
        )
        # Frozen: no new opening document, no posting, no reversal, no import, same date.
        with self.assertRaisesRegex(UserError, "went live"):
            self.env["jxc.stock.picking"].with_user(self.stock_manager).create(
                {"picking_type": "opening", "warehouse_id": self.wh2.id}
            )
        with self.assertRaisesRegex(UserError, "went live"):
            self.env["jxc.finance.opening"].with_user(self.finance_manager).create(
                {"opening_type": "cash"}
            )
        with self.assertRaisesRegex(UserError, "went live"):
            draft.with_user(self.finance_manager).action_draft()
            draft.with_user(self.finance_manager).action_post()
        opening_stock = self.env["jxc.stock.picking"].search(
            [("company_id", "=", self.company.id), ("picking_type", "=", "opening")]
        )
        with self.assertRaisesRegex(UserError, "went live"):
            opening_stock.with_user(self.boss).action_reverse()
        receivables = self.env["jxc.finance.opening"].search(
            [("company_id", "=", self.company.id), ("state", "=", "posted")]
        )
        with self.assertRaisesRegex(UserError, "went live"):
            receivables.with_user(self.boss).action_reverse()
        with self.assertRaisesRegex(UserError, "went live"):
            self._stock_import([("GL2", "GL-PEN", None, None, None, 4, None, 1)]).action_import()
        with self.assertRaises(UserError):
            self.golive.with_user(self.boss).write({"cutover_date": d - timedelta(days=5)})
        with self.assertRaises(UserError):
            self.golive.with_user(self.boss).action_finish()
        self.assertEqual(opening_stock.state, "done")
        self.assertEqual(receivables.state, "posted")

    def test_internal_writes_stay_internal(self):
        """The token of internal writes is not a string a caller can send."""
        self.assertTrue(internal_context())
        with self.assertRaises(UserError):
            self.bank.with_user(self.finance_manager).with_context(
                jxc_internal="jxc-internal"
            ).write({"opening_balance": 3})


@tagged("post_install", "-at_install")
class TestGoliveFinanceReview(JxcGoliveFinanceCommon):
    """Holes a second engineer found over JSON-RPC, closed."""

    def test_cutover_date_is_kept_once_money_is_posted(self):
        self._money_import("cash", [("启用基本户", 100)]).action_import()
        with self.assertRaisesRegex(UserError, "cannot change"):
            self.golive.with_user(self.boss).write(
                {"cutover_date": self.cutover - timedelta(days=40)}
            )
        self.assertEqual(self.golive.cutover_date, self.cutover)

    def test_a_file_is_the_same_in_any_order_and_per_type(self):
        d = self.cutover
        rows = [
            ("GC001", "INV-1", d - timedelta(days=9), None, 100),
            ("GC001", "INV-2", d - timedelta(days=8), None, 200),
        ]
        self._money_import("receivable", rows).action_import()
        # The same rows in another order, a date typed another way: the same file.
        again = [
            rows[1],
            ("GC001", "INV-1", (d - timedelta(days=9)).strftime("%Y/%m/%d"), None, 100),
        ]
        with self.assertRaisesRegex(UserError, "imported already"):
            self._money_import("receivable", again, filename="again.xlsx").action_import()
        # The same document of the same partner is entered once, in a file or across files.
        twice = self._money_import(
            "receivable",
            [
                ("GC001", "INV-1", d - timedelta(days=9), None, 150),
                ("GC001", "INV-3", d, None, 5),
                ("启用客户甲", "inv-3", d, None, 6),
            ],
            filename="twice.xlsx",
        )
        twice.action_import()
        self.assertEqual(
            {(r, c) for r, c, _reason in self._errors(twice)},
            {(2, "Source Document"), (4, "Source Document")},
        )
        # Imported as payables, the same rows are another import.
        supplier_rows = [("GS001", "INV-1", d - timedelta(days=9), None, 100)]
        self._money_import("payable", supplier_rows).action_import()
        self.env.invalidate_all()
        self.assertAlmostEqual(self.supplier.jxc_payable, 100.0)

    def test_ambiguous_names_name_nothing(self):
        self.env["res.partner"].create(
            {
                "name": "另一个客户",
                "ref": "GC001",
                "is_company": True,
                "company_id": self.company.id,
            }
        )
        self.env["jxc.finance.account"].create({"name": "启用现金", "company_id": self.company.id})
        d = self.cutover
        wizard = self._money_import("receivable", [("GC001", "X", d, None, 1)])
        wizard.action_import()
        self.assertIn("several partners", wizard.error_text)
        cash = self._money_import("cash", [("启用现金", 1)])
        cash.action_import()
        self.assertIn("several accounts", cash.error_text)
        self.assertEqual(self._company_rows("jxc.finance.opening"), 0)

    def test_numbers_as_people_type_them(self):
        wizard = self._money_import("cash", [("启用基本户", "1_000"), ("启用现金", "1,000.5")])
        wizard.action_import()
        self.assertEqual(self._errors(wizard), {(2, "Amount", "not a number")})

    def test_accounts_and_go_lives_stay_in_their_company(self):
        self._money_import("cash", [("启用基本户", 100)]).action_import()
        main = self.env.ref("base.main_company")
        with self.assertRaisesRegex(UserError, "stays in its company"):
            self.bank.write({"company_id": main.id})
        other = self.env["res.company"].create({"name": "启用别家公司"})
        with self.assertRaisesRegex(AccessError, "do not work in"):
            self.env["jxc.golive"].with_user(self.boss).create({"company_id": other.id})
        with self.assertRaisesRegex(AccessError, "do not work in"):
            self.env["jxc.golive"].with_user(self.boss).create({"company_id": main.id})
