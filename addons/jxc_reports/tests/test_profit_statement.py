# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError

from odoo.addons.jxc_finance.tests.test_slip_transfer import JxcMoneyCommon


class TestProfitStatement(JxcMoneyCommon):
    """利润表 (#14): revenue − cost of goods sold = gross profit; each figure opens the
    documents it sums; only finance and report managers run it, each their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Slips are dated in the day of whoever enters them (Odoo's context_today), the
        # statement counts days where the reports do: both in China's time here, so that the
        # test's "today" is one day at every hour.
        cls.env = cls.env(context=dict(cls.env.context, tz="Asia/Shanghai"))
        # The demo company sold today already: the test's figures are what it adds.
        Profit = cls.env["jxc.report.profit"].with_user(cls.finance_user)
        today = Profit.default_get(["date_to"])["date_to"]
        before = Profit.create({"date_from": today, "date_to": today})
        before.action_compute()
        cls.before = {line.code: line.amount for line in before.line_ids}
        cls._receive(cls.product, 10, 5.0)
        order = cls._make_order([(cls.product, 4, 12.0)])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.action_done()
        ret = cls.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        ret.line_ids.quantity = 1
        ret.action_done()
        cls.order = order
        # Rent 1,000.00 and freight 120.50 paid, 12.34 interest earned; freight partly
        # reversed by a second slip's 红冲.
        cls._slip([(cls.rent, 1000.0), (cls.freight, 120.5)])
        cls._slip([(cls.interest, 12.34)], slip_type="income")
        cls._slip([(cls.freight, 20.5)]).action_reverse()

    def _statement(self, user=None, **vals):
        Profit = self.env["jxc.report.profit"].with_user(user or self.finance_user)
        today = Profit.default_get(["date_to"])["date_to"]
        statement = Profit.create(dict({"date_from": today, "date_to": today}, **vals))
        statement.action_compute()
        return statement

    def test_revenue_cost_and_gross_profit_of_the_period(self):
        statement = self._statement()
        # Four sold at 12.00 and one back: 36.00 untaxed; three at 5.00 cost: 15.00.
        added = {
            line.code: round(line.amount - self.before.get(line.code, 0.0), 2)
            for line in statement.line_ids
        }
        codes = statement.line_ids.mapped("code")
        for category, amount in ((self.rent, 1000.0), (self.freight, 120.5)):
            code = f"expense_{category.id}"
            self.assertAlmostEqual(added.get(code, amount), amount)
            self.assertIn(code, codes)
        self.assertAlmostEqual(added.get(f"income_{self.interest.id}", 12.34), 12.34)
        self.assertEqual(
            {k: added[k] for k in ("revenue", "cogs", "gross")},
            {"revenue": 36.0, "cogs": 15.0, "gross": 21.0},
        )
        # 21.00 + 12.34 − 1,000.00 − 120.50 (the reversed 20.50 nets to nothing).
        self.assertAlmostEqual(added["net"], -1087.16, places=2)
        self.assertEqual(codes[:3], ["revenue", "cogs", "gross"])
        self.assertEqual(codes[-1], "net")
        self.assertAlmostEqual(statement.gross_profit, statement.revenue - statement.cogs)
        self.assertAlmostEqual(
            statement.net_profit,
            statement.gross_profit + statement.other_income - statement.expenses,
        )
        rent = statement.line_ids.filtered(lambda ln: ln.code == f"expense_{self.rent.id}")
        lines = self.env["jxc.finance.slip.line"].search(
            rent.with_user(self.finance_user).action_open_documents()["domain"]
        )
        self.assertAlmostEqual(sum(lines.mapped("amount")), 1000.0)
        # The revenue opens the deliveries and the return it sums.
        action = statement.line_ids[0].with_user(self.finance_user).action_open_documents()
        rows = self.env["jxc.report.sale"].search(action["domain"])
        self.assertIn(self.order, rows.order_id)
        self.assertAlmostEqual(sum(rows.mapped("revenue")), statement.revenue)
        self.assertAlmostEqual(sum(rows.mapped("cogs")), statement.cogs)
        mine = rows.filtered(lambda r: r.order_id == self.order)
        self.assertAlmostEqual(sum(mine.mapped("revenue")), 36.0)
        # A period before anything was sold has none of it.
        day = statement.date_from - timedelta(days=3650)
        empty = self._statement(date_from=day, date_to=day)
        self.assertEqual(set(empty.line_ids.mapped("amount")), {0.0})

    def test_landed_cost_of_goods_sold_is_cost_of_goods_sold(self):
        # 10 bought at 6.00, 4 sold; 50.00 freight on the receipt: 20.00 of it belongs to
        # the 4 gone out and is cost of goods sold of the period.
        beer = self.env["product.product"].create({"name": "Profit Beer", "type": "consu"})
        order = self._purchase([(beer, 10, 6.0)])
        order.action_confirm()
        order.picking_ids.action_done()
        self._issue(beer, 4)
        carrier = self.env["res.partner"].create({"name": "Profit Carrier"})
        cost = self.env["jxc.purchase.landed.cost"].create(
            {
                "picking_ids": [Command.set(order.picking_ids.ids)],
                "split_method": "quantity",
                "cost_line_ids": [
                    Command.create({"cost_type": "freight", "partner_id": carrier.id, "amount": 50})
                ],
            }
        )
        cost.action_compute()
        cost.action_post()
        statement = self._statement()
        line = statement.line_ids.filtered(lambda ln: ln.code == f"cogs_adjust_{cost._name}")
        self.assertAlmostEqual(line.amount - self.before.get(line.code, 0.0), 20.0)
        action = line.with_user(self.finance_user).action_open_documents()
        self.assertIn(cost, self.env[action["res_model"]].search(action["domain"]))
        self.assertAlmostEqual(
            statement.cogs,
            sum(
                statement.line_ids.filtered(lambda ln: ln.code.startswith("cogs")).mapped("amount")
            ),
        )
        codes = statement.line_ids.mapped("code")
        self.assertEqual(codes.index("gross"), codes.index(line.code) + 1)

    def test_xlsx_holds_the_statement(self):
        from openpyxl import load_workbook

        statement = self._statement()
        book = load_workbook(io.BytesIO(statement._xlsx()))
        values = [cell for row in book.active.iter_rows(values_only=True) for cell in row]
        self.assertIn(statement.revenue, values)
        self.assertIn(statement.net_profit, values)

    def test_only_finance_and_report_managers_each_their_own(self):
        for user in (self.stock_user, self.sales_user, self.stock_manager):
            with self.assertRaises(AccessError):
                self._statement(user=user)
        mine = self._statement()
        other = self._statement(user=self.finance_manager)
        with self.assertRaises(AccessError):
            other.with_user(self.finance_user).read(["revenue"])
        with self.assertRaises(AccessError):
            other.line_ids.with_user(self.finance_user).read(["amount"])
        # Lines are written by their statement only.
        with self.assertRaises(AccessError):
            mine.line_ids[0].with_user(self.finance_user).write({"amount": 1e6})
        with self.assertRaises(AccessError):
            self._statement(company_id=self.env["res.company"].create({"name": "Other"}).id)
