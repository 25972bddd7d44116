# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon
from odoo.addons.jxc_stock.utils import internal_context


class TestAnalysisReports(JxcFinanceCommon):
    """Purchase, sales and money analyses on worked examples, their XLSX, and who sees what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_manager_only = new_test_user(
            cls.env,
            login="jxc_report_stock_manager",
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
        )
        cls.reports_user = new_test_user(
            cls.env,
            login="jxc_report_plain_user",
            groups="base.group_user,jxc_reports.group_jxc_reports_user",
        )
        cls.purchase_manager = new_test_user(
            cls.env,
            login="jxc_report_purchase_manager",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_manager",
        )

    def _receipt(self, order):
        return order.picking_ids.filtered(
            lambda p: p.picking_type == "purchase_in" and p.state == "draft"
        )

    def _xlsx_rows(self, action):
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/web/content/")[1].split("?")[0])
        )
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]

    # Purchase analysis -------------------------------------------------------------------

    def test_purchase_rates_and_average_price(self):
        on_time = self._purchase([(self.product, 100, 5.0)])
        on_time.date_planned = fields.Datetime.now() + timedelta(days=2)
        on_time.action_confirm()
        self._receipt(on_time).line_ids.write(
            {"quantity_done": 60, "quantity_rejected": 10, "reject_reason": "Wet"}
        )
        self._receipt(on_time).action_done()
        late = self._purchase([(self.product2, 50, 8.0)])
        late.action_confirm()
        late.date_planned = fields.Datetime.now() - timedelta(days=1)
        self._receipt(late).action_done()
        self.env.flush_all()
        Report = self.env["jxc.report.purchase"]
        orders = on_time | late
        rows = Report.search([("order_id", "in", orders.ids)])
        self.assertRecordValues(
            rows.filtered(lambda r: r.order_id == on_time),
            [
                {
                    "qty_ordered": 100,
                    "qty_received": 60,
                    "qty_rejected": 10,
                    "qty_inspected": 70,
                    "qty_on_time": 70,
                    "amount": 500,
                    "price_average": 5,
                    "on_time_rate": 100,
                }
            ],
        )
        self.assertAlmostEqual(
            rows.filtered(lambda r: r.order_id == on_time).rejection_rate, 100 / 7
        )
        self.assertRecordValues(
            rows.filtered(lambda r: r.order_id == late),
            [{"qty_received": 50, "qty_on_time": 0, "on_time_rate": 0, "rejection_rate": 0}],
        )
        # By supplier the rates and the price are weighted by quantity, not averaged by row.
        [group] = Report.read_group(
            [("order_id", "in", orders.ids)],
            ["amount:sum", "price_average:avg", "rejection_rate:avg", "on_time_rate:avg"],
            ["partner_id"],
        )
        self.assertAlmostEqual(group["amount"], 900)
        self.assertAlmostEqual(group["price_average"], 900 / 150)
        self.assertAlmostEqual(group["rejection_rate"], 100 * 10 / 120)
        self.assertAlmostEqual(group["on_time_rate"], 100 * 70 / 120)

    def test_purchase_price_trend_by_month(self):
        first = self._purchase([(self.product, 10, 5.0)])
        first.date_order = fields.Datetime.now() - timedelta(days=40)
        first.action_confirm()
        second = self._purchase([(self.product, 30, 7.0)])
        second.action_confirm()
        self.env.flush_all()
        groups = self.env["jxc.report.purchase"].read_group(
            [("product_id", "=", self.product.id), ("order_id", "in", (first | second).ids)],
            ["price_average:avg"],
            ["date:month"],
            orderby="date:month",
        )
        self.assertEqual([round(g["price_average"], 2) for g in groups], [5.0, 7.0])

    # Sales analysis ----------------------------------------------------------------------

    def _sell(self, product, quantity, price):
        order = self._make_order([{"product_id": product.id, "quantity": quantity}])
        order.line_ids.write({"price_unit": price, "tax_rate": 13.0})
        order.action_confirm()
        order.picking_ids.action_done()
        return order

    def test_margin_and_top_sellers(self):
        self._receive(self.product, 100, 4.0)
        self._receive(self.product2, 100, 1.0)
        orders = self._sell(self.product, 10, 10.0)  # revenue 100, profit 60
        orders |= self._sell(self.product2, 20, 2.0)  # revenue 40, profit 20
        orders |= self._sell(self.product, 5, 6.0)  # revenue 30, profit 10
        self.env.flush_all()
        Report = self.env["jxc.report.sale"]
        domain = [("order_id", "in", orders.ids)]
        top = Report.read_group(
            domain, ["revenue:sum", "margin_percent:avg"], ["product_id"], orderby="revenue desc"
        )
        self.assertEqual([g["product_id"][0] for g in top], [self.product.id, self.product2.id])
        self.assertAlmostEqual(top[0]["revenue"], 130)
        self.assertAlmostEqual(top[0]["margin_percent"], 100 * 70 / 130, msg="weighted")
        self.assertAlmostEqual(top[1]["margin_percent"], 50)
        bottom = Report.read_group(domain, ["revenue:sum"], ["product_id"], orderby="revenue asc")
        self.assertEqual(bottom[0]["product_id"][0], self.product2.id)
        rows = Report.search(domain)
        for row in rows:
            self.assertAlmostEqual(row.margin_percent, 100 * row.gross_profit / row.revenue)
        sheet, cells = self._xlsx_rows(rows.action_jxc_export_xlsx())
        header, total = cells[2], cells[-1]
        self.assertEqual(total[0], "Total")
        for name, expected in (("revenue", 170), ("cogs", 80), ("gross_profit", 90)):
            label = Report._fields[name].get_description(self.env)["string"]
            self.assertAlmostEqual(total[header.index(label)], expected)
        self.assertEqual(sheet.freeze_panes, "B4")

    # Money -------------------------------------------------------------------------------

    def test_balances_and_aging_match_the_aging_report(self):
        other = self.env["res.partner"].create({"name": "Test Other Customer"})
        self._entry(self.customer, 100.0, days_ago=5, due_in=30)  # not due
        self._entry(self.customer, 50.0, days_ago=100, due_in=0)  # over 90
        self._entry(other, 200.0, days_ago=40, due_in=0)  # 31–60
        self._entry(other, 80.0, days_ago=10, due_in=0)  # 1–30, settled in part below
        self._payment(other, 50.0)
        self._payment(self.customer, 500.0)  # 150 settles, 350 is a prepayment
        self.env.flush_all()
        Balance = self.env["jxc.report.partner.balance"]
        partners = (self.customer | other).ids
        domain = [("partner_id", "in", partners), ("entry_type", "=", "receivable")]
        buckets = self.env["jxc.finance.aging"]._compute_buckets(
            self.today, "receivable", self.company
        )
        by_bucket = dict(
            Balance._read_group(
                [*domain, ("aging", "!=", "prepayment")], ["aging"], ["residual:sum"]
            )
        )
        for bucket in ("not_due", "days_1_30", "days_31_60", "days_61_90", "days_over_90"):
            expected = sum(buckets.get(p, {}).get(bucket, 0.0) for p in partners)
            self.assertAlmostEqual(by_bucket.get(bucket, 0.0), expected, msg=bucket)
        balances = dict(Balance._read_group(domain, ["partner_id"], ["residual:sum"]))
        self.assertAlmostEqual(balances[other], 230.0)
        self.assertAlmostEqual(balances[self.customer], -350.0, msg="prepaid 350")
        overdue = Balance.search([*domain, ("is_overdue", "=", True)])
        self.assertEqual(set(overdue.mapped("aging")), {"days_1_30", "days_31_60"})

    def test_cash_position_is_the_account_balance(self):
        # Posted as opening cash and bank at go-live; set directly here.
        self.bank.with_context(**internal_context()).opening_balance = 1000.0
        self._payment(self.customer, 300.0)
        self._payment(self.supplier, 120.0, payment_type="outbound")
        self._payment(self.customer, 999.0, post=False)
        self.env.flush_all()
        rows = self.env["jxc.report.cash"].search([("account_id", "=", self.bank.id)])
        self.assertAlmostEqual(sum(rows.mapped("amount")), self.bank.balance)
        self.assertAlmostEqual(self.bank.balance, 1180.0)
        # The view orders an account's rows by date, opening row first, then payments; its
        # ids (account id × 2, payment id × 2 + 1) say nothing of that order.
        self.assertEqual(rows.filtered(lambda r: not r.payment_id).balance, 1000.0)
        last = max(rows, key=lambda r: (r.date, bool(r.payment_id), r.id))
        self.assertAlmostEqual(last.balance, 1180.0)

    def test_cash_position_includes_slips_and_transfers(self):
        self.bank.with_context(**internal_context()).opening_balance = 1000.0
        cash = self.env["jxc.finance.account"].create(
            {"name": "Report Cash", "account_type": "cash"}
        )
        rent = self.env["jxc.finance.category"].create({"name": "Report Rent", "kind": "expense"})
        Slip = self.env["jxc.finance.slip"]

        def slip(amount, **vals):
            document = Slip.create(
                dict(
                    {
                        "account_id": self.bank.id,
                        "line_ids": [Command.create({"category_id": rent.id, "amount": amount})],
                    },
                    **vals,
                )
            )
            document.action_post()
            return document

        slip(300.25)
        slip(99.0, partner_id=self.supplier.id)  # a payable: no money moves
        slip(40.0).action_reverse()
        transfer = self.env["jxc.finance.transfer"].create(
            {"account_from_id": self.bank.id, "account_to_id": cash.id, "amount": 200.5}
        )
        transfer.action_post()
        self.env.flush_all()
        Cash = self.env["jxc.report.cash"]
        for account, balance in ((self.bank, 499.25), (cash, 200.5)):
            rows = Cash.search([("account_id", "=", account.id)])
            self.assertEqual(account.balance, balance)
            self.assertAlmostEqual(sum(rows.mapped("amount")), balance)
            self.assertEqual(rows.sorted("id")[0].reference, account.name, "opening row first")
            last = max(rows.sorted("id")[1:], key=lambda r: (r.date, r.id))
            self.assertAlmostEqual(last.balance, balance)
        rows = Cash.search([("transfer_id", "=", transfer.id)])
        self.assertEqual(
            sorted((r.account_id.name, r.amount) for r in rows),
            [("Report Cash", 200.5), ("Test Bank", -200.5)],
        )
        self.assertEqual(len(set(Cash.search([]).ids)), Cash.search_count([]), "unique ids")

    # Access ------------------------------------------------------------------------------

    def test_who_sees_which_analysis(self):
        readable = {
            self.sales_manager: {"jxc.report.sale"},
            self.purchase_manager: {"jxc.report.purchase"},
            self.stock_manager_only: set(),
            self.reports_user: set(),
            self.finance_user: {
                "jxc.report.sale",
                "jxc.report.purchase",
                "jxc.report.partner.balance",
                "jxc.report.cash",
            },
        }
        analyses = (
            "jxc.report.sale",
            "jxc.report.purchase",
            "jxc.report.partner.balance",
            "jxc.report.cash",
        )
        for user, models in readable.items():
            for model in analyses:
                Model = self.env[model].with_user(user)
                if model in models:
                    Model.search([], limit=1)
                else:
                    with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                        Model.search([], limit=1)
            # Every reports user reads the stock reports.
            self.env["jxc.report.stock.ledger"].with_user(user).search([], limit=1)

    def test_costs_only_for_managers_and_finance(self):
        self._receive(self.product, 10, 4.0)
        wizard = (
            self.env["jxc.report.stock.valuation.wizard"]
            .with_user(self.reports_user)
            .create({"warehouse_ids": [(6, 0, self.wh1.ids)]})
        )
        wizard.action_compute()
        row = wizard.line_ids.filtered(lambda r: r.product_id == self.product)
        self.assertEqual(row.quantity, 10)
        with self.assertRaises(AccessError):
            row.read(["value"])
        # The plain reports user's XLSX has quantities and no values.
        _sheet, cells = self._xlsx_rows(wizard.action_export_xlsx())
        label = row._fields["value"].get_description(self.env)["string"]
        self.assertNotIn(label, cells[2])
        self.assertIn(row._fields["quantity"].get_description(self.env)["string"], cells[2])
        ledger = self.env["jxc.report.stock.ledger"].with_user(self.reports_user)
        with self.assertRaises(AccessError):
            ledger.search_read([("product_id", "=", self.product.id)], ["balance_value"])
        manager_wizard = (
            self.env["jxc.report.stock.valuation.wizard"]
            .with_user(self.stock_manager_only)
            .create({"warehouse_ids": [(6, 0, self.wh1.ids)]})
        )
        manager_wizard.action_compute()
        self.assertEqual(
            manager_wizard.line_ids.filtered(lambda r: r.product_id == self.product).value, 40
        )
        with self.assertRaises(AccessError):
            self.env["jxc.report.sale"].with_user(self.reports_user).read_group(
                [], ["gross_profit:sum"], []
            )

    def test_reports_and_their_files_belong_to_whoever_ran_them(self):
        self._receive(self.product, 10, 4.0)
        wizard = (
            self.env["jxc.report.stock.summary.wizard"]
            .with_user(self.stock_manager_only)
            .create({"warehouse_ids": [(6, 0, self.wh1.ids)]})
        )
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/web/content/")[1].split("?")[0])
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.reports_user).read(["datas"])
        wizard.action_compute()
        other = self.env["jxc.report.stock.summary.wizard"].with_user(self.reports_user)
        with self.assertRaises(AccessError):
            other.browse(wizard.id).read(["date_from"])
        rows = self.env["jxc.report.stock.summary"].with_user(self.reports_user)
        self.assertFalse(rows.search([("wizard_id", "=", wizard.id)]))
        with self.assertRaises(AccessError):
            rows.create({"wizard_id": wizard.id, "product_id": self.product.id})
        with self.assertRaises(AccessError):
            wizard.line_ids.with_user(self.stock_manager_only).write({"closing_qty": 999})

    def test_reports_of_another_company_are_refused(self):
        other = self.env["res.company"].create({"name": "Test Other Company"})
        with self.assertRaises(AccessError):
            self.env["jxc.report.stock.valuation.wizard"].with_user(self.finance_user).create(
                {"company_id": other.id}
            ).action_compute()
        with self.assertRaises(AccessError):
            self.env["jxc.finance.aging"].with_user(self.finance_user).create(
                {"company_id": other.id, "entry_type": "receivable"}
            ).action_export_xlsx()

    def test_an_export_follows_the_filters_changed_after_show(self):
        self._receive(self.product, 10, 4.0)
        wizard = self.env["jxc.report.stock.valuation.wizard"].create(
            {"warehouse_ids": [(6, 0, self.wh1.ids)]}
        )
        wizard.action_compute()
        self.assertTrue(wizard.line_ids)
        wizard.date = fields.Date.today() - timedelta(days=3650)
        _sheet, cells = self._xlsx_rows(wizard.action_export_xlsx())
        self.assertEqual(cells[-1][0], "Total")
        self.assertEqual(len(cells), 4, "ten years ago: header and total only")

    def test_a_reversed_receipt_is_not_rejected_or_on_time(self):
        order = self._purchase([(self.product, 10, 5.0)])
        order.date_planned = fields.Datetime.now() + timedelta(days=2)
        order.action_confirm()
        receipt = self._receipt(order)
        receipt.line_ids.write(
            {"quantity_done": 6, "quantity_rejected": 4, "reject_reason": "Broken"}
        )
        receipt.action_done()
        receipt.action_reverse()
        self.env.flush_all()
        row = self.env["jxc.report.purchase"].search([("order_id", "=", order.id)])
        self.assertRecordValues(
            row,
            [{"qty_received": 0, "qty_rejected": 0, "qty_inspected": 0, "qty_on_time": 0}],
        )
