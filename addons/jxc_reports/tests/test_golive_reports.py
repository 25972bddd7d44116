# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.jxc_finance.tests.test_golive_finance import JxcGoliveFinanceCommon


@tagged("post_install", "-at_install")
class TestGoliveWorkedExample(JxcGoliveFinanceCommon):
    """启用建账 from files to reports: what the files say is what 进销存汇总, statements,
    aging and the account balances show, to the cent, and 账实核对 is clean."""

    def test_worked_example(self):
        d = self.cutover
        stock = self._stock_import(
            [
                ("GL1", "GL-CUP", None, None, None, 12, "Dozens", 58.8),
                ("GL1", "GL-PEN", None, None, None, 1000, None, 0.333),
                ("GL1", "GL-MILK", None, "NM-1", d + timedelta(days=60), 48, None, 3.25),
                ("GL2", "GL-CUP", None, None, None, 36, None, 5.1),
                ("GL2", "GL-SCALE", None, "SC-1", None, 1, None, 199.99),
            ]
        )
        stock.action_import()
        self.assertFalse(stock.error_count)
        self._money_import("receivable", self._receivable_rows()).action_import()
        self._money_import(
            "payable", [("GS001", "CG-1", d - timedelta(days=30), d, 7777.77)]
        ).action_import()
        self._money_import("cash", [("启用基本户", 123456.78), ("启用现金", 0.5)]).action_import()
        self.golive.with_user(self.boss).action_finish()

        # 进销存汇总 of the cut-over month: the file is the opening, nothing was purchased.
        wizard = (
            self.env["jxc.report.stock.summary.wizard"]
            .with_user(self.boss)
            .create({"date_from": d, "date_to": d + timedelta(days=27)})
        )
        wizard.action_compute()
        rows = {(r.product_id.default_code, r.warehouse_id.code): r for r in wizard.line_ids}
        expected = {
            ("GL-CUP", "GL1"): (144, 705.6),
            ("GL-PEN", "GL1"): (1000, 333.0),
            ("GL-MILK", "GL1"): (48, 156.0),
            ("GL-CUP", "GL2"): (36, 183.6),
            ("GL-SCALE", "GL2"): (1, 199.99),
        }
        self.assertEqual(set(rows), set(expected))
        for key, (qty, value) in expected.items():
            row = rows[key]
            self.assertEqual(row.opening_qty, qty, key)
            self.assertAlmostEqual(row.opening_value, value, places=2, msg=key)
            self.assertEqual(row.closing_qty, qty, key)
            self.assertAlmostEqual(row.closing_value, value, places=2, msg=key)
            self.assertFalse(row.purchase_in_qty or row.other_in_qty, key)
        # The month before the cut-over has nothing.
        before = (
            self.env["jxc.report.stock.summary.wizard"]
            .with_user(self.boss)
            .create({"date_from": d - timedelta(days=28), "date_to": d - timedelta(days=1)})
        )
        before.action_compute()
        self.assertFalse(
            before.line_ids.filtered(lambda r: r.product_id.default_code.startswith("GL-"))
        )
        # Money: receivables, payables, aging and accounts equal the files.
        self.env.invalidate_all()
        usd_in_cny = round(300.0 / 0.14, 2)
        self.assertAlmostEqual(self.customer.jxc_receivable, 1200 + 860.45 - 200, places=2)
        self.assertAlmostEqual(self.customer2.with_company(self.company).jxc_receivable, usd_in_cny)
        self.assertAlmostEqual(self.supplier.jxc_payable, 7777.77, places=2)
        aging = self.env["jxc.finance.aging"]._compute_buckets(d, "payable", self.company)
        self.assertAlmostEqual(aging[self.supplier.id]["total"], 7777.77, places=2)
        self.assertAlmostEqual(self.bank.balance, 123456.78, places=2)
        self.assertAlmostEqual(self.cash.balance, 0.5, places=2)
        # 账实核对: the ledger, quants, valuations and documents agree.
        self.assertEqual(self.env["jxc.stock.integrity"]._find_mismatches(), [])
