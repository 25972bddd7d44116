# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user

from odoo.addons.jxc_sales.tests.common import JxcSalesCommon

AGGREGATES = ["quantity:sum", "revenue:sum", "cogs:sum", "gross_profit:sum", "__count"]
# The rows of the sales analysis computed straight from the ledger and the sale lines: what
# every grouping must give, whether read from the monthly sums or from the detail.
HAND_SQL = """
    SELECT {key}, SUM(-m.quantity), SUM(rev.amount), SUM(-m.value), SUM(rev.amount + m.value),
           COUNT(*)
      FROM jxc_stock_move m
      JOIN jxc_stock_picking_line pl ON pl.id = m.picking_line_id
      JOIN jxc_sale_order_line sol ON sol.id = pl.sale_line_id
      JOIN jxc_sale_order so ON so.id = sol.order_id
      JOIN product_product pp ON pp.id = m.product_id
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
      JOIN uom_uom lu ON lu.id = sol.uom_id
      JOIN uom_uom bu ON bu.id = pt.uom_id
      LEFT JOIN product_packaging pk ON pk.id = sol.packaging_id
     CROSS JOIN LATERAL (
           SELECT ROUND((-m.quantity * sol.price_subtotal
                         / NULLIF(COALESCE(sol.quantity * pk.qty,
                                           sol.quantity / lu.factor * bu.factor), 0)
                         * COALESCE(so.amount_total_company / NULLIF(so.amount_total, 0), 1)
                        )::numeric, 2) AS amount) rev
     WHERE m.move_type IN ('sale_out', 'sale_return') AND m.company_id = %s
     GROUP BY 1
"""
HAND_KEYS = {
    "date:month": "to_char(timezone('Asia/Shanghai', timezone('UTC', m.date)), 'YYYY-MM')",
    "date:quarter": (
        "to_char(date_trunc('quarter', timezone('Asia/Shanghai', timezone('UTC', m.date))),"
        " 'YYYY-MM')"
    ),
    "partner_id": "so.partner_id",
    "product_id": "m.product_id",
    "user_id": "so.user_id",
    "categ_id": "m.categ_id",
    "warehouse_id": "m.warehouse_id",
}


class TestSalePeriod(JxcSalesCommon):
    """The sales analysis's groupings by month read monthly sums kept by posting; every
    grouping gives the figures of the ledger and the sale lines, across deliveries, returns
    and reversals (红冲), salespeople and categories changing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "Asia/Shanghai"
        cls.company.jxc_finance_lock_date = False
        cls.env.user.groups_id += cls.env.ref("jxc_stock.group_jxc_cost")
        Category = cls.env["product.category"]
        cls.drinks = Category.create({"name": "Test Period Drinks"})
        cls.paper = Category.create({"name": "Test Period Paper"})
        cls.product.categ_id = cls.drinks
        cls.product2.categ_id = cls.paper
        cls.customer2 = cls.env["res.partner"].create({"name": "Test Period Customer 2"})
        cls.reports_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_period_reports_manager",
            groups="base.group_user,jxc_reports.group_jxc_reports_manager,jxc_stock.group_jxc_cost",
        )
        cls.finance_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_period_finance_user",
            groups="base.group_user,jxc_finance.group_jxc_finance_user",
        )
        cls._receive(cls.product, 100, 4.0)
        cls._receive(cls.product2, 100, 1.5)

    def _sell(self, lines, partner=None, user=None):
        order = self._make_order(lines, partner=partner, user_id=(user or self.sales_user).id)
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.action_done()
        return order, delivery

    def _history(self):
        """Sales over three months (China's), one of them posted at 04:00 on the 1st (still
        the last day of the month before in UTC), a return and a reversal (红冲)."""
        with freeze_time("2026-01-15 02:00:00"):
            self._sell([(self.product, 10, 9.0), (self.product2, 4, 3.5)])
        with freeze_time("2026-01-31 20:00:00"):
            _order, delivery = self._sell(
                [(self.product, 6, 9.5)], partner=self.customer2, user=self.sales_manager
            )
        with freeze_time("2026-02-10 03:00:00"):
            sale_return = self.env["jxc.stock.picking"].browse(
                delivery.action_create_sale_return()["res_id"]
            )
            sale_return.line_ids.write({"quantity": 2})
            sale_return.action_done()
        with freeze_time("2026-03-03 03:00:00"):
            _order, delivery = self._sell(
                [
                    {
                        "product_id": self.product2.id,
                        "quantity": 1,
                        "uom_id": self.uom_dozen.id,
                        "price_unit": 30.0,
                        "discount": 10.0,
                    }
                ]
            )
            delivery.with_user(self.stock_manager).action_reverse()

    def _analysis(self):
        """The sales analysis as the web client reads it: in the user's time zone."""
        return self.env["jxc.report.sale"].with_context(tz="Asia/Shanghai")

    def _hand(self, groupby):
        self.env.flush_all()
        self.env.cr.execute(HAND_SQL.format(key=HAND_KEYS[groupby]), [self.company.id])
        return {
            key: tuple(round(float(v), 2) for v in rest) for key, *rest in self.env.cr.fetchall()
        }

    def _report(self, groupby, user=None, domain=()):
        Report = self._analysis().with_user(user or self.env.user)
        result = {}
        for group, *values in Report._read_group(
            [("company_id", "=", self.company.id), *domain], [groupby], AGGREGATES
        ):
            if hasattr(group, "strftime"):
                key = group.strftime("%Y-%m")
            else:
                key = group.id or None
            result[key] = tuple(round(float(v), 2) for v in values)
        return result

    def test_every_grouping_gives_the_ledger_figures(self):
        self._history()
        Report = self._analysis()
        self.assertFalse(self.env["jxc.report.sale.period"]._jxc_mismatches())
        months = self._report("date:month")
        self.assertEqual(months, self._hand("date:month"))
        # The sale posted at 20:00 UTC on 31 January is February's in China.
        self.assertEqual(months["2026-02"][0], 6 - 2)
        self.assertEqual(months["2026-03"][0], 0)  # reversed
        for groupby, from_months in (
            ("date:month", True),
            ("date:quarter", True),
            ("user_id", True),
            ("categ_id", True),
            ("warehouse_id", True),
            ("partner_id", False),
            ("product_id", False),
        ):
            with self.subTest(groupby=groupby):
                self.assertEqual(
                    Report._jxc_reads_months(
                        [("company_id", "=", self.company.id)], [groupby], AGGREGATES, (), None
                    ),
                    from_months,
                )
                self.assertEqual(self._report(groupby), self._hand(groupby))
                self.assertEqual(
                    self._report(groupby, user=self.reports_manager), self._hand(groupby)
                )
        # In another time zone, the months come from the detail, and are that zone's.
        utc = Report.with_context(tz="UTC")
        self.assertFalse(utc._jxc_reads_months([], ["date:month"], AGGREGATES, (), None))
        self.assertEqual(
            {
                month.strftime("%Y-%m"): quantity
                for month, quantity in utc._read_group(
                    [("warehouse_id", "=", self.wh1.id)], ["date:month"], ["quantity:sum"]
                )
            },
            {"2026-01": 10 + 4 + 6, "2026-02": -2, "2026-03": 0},
        )

    def test_whole_months_only_read_the_monthly_sums(self):
        Report = self._analysis()
        reads = Report._jxc_reads_months
        # The web client's year filter: local midnight of 1 January to 23:59:59 of 31 December.
        year = [("date", ">=", "2025-12-31 16:00:00"), ("date", "<=", "2026-12-31 15:59:59")]
        self.assertTrue(reads(year, ["date:month"], AGGREGATES, (), None))
        self.assertFalse(
            reads([("date", ">=", "2026-01-01 00:00:00")], ["date:month"], AGGREGATES, (), None)
        )
        self.assertFalse(reads(year, ["date:day"], AGGREGATES, (), None))
        self.assertFalse(reads(year, ["date:month"], ["order_id:count_distinct"], (), None))
        self.assertFalse(reads([("partner_id", "=", 1)], ["date:month"], AGGREGATES, (), None))
        self._history()
        in_february = [("date", ">=", "2026-01-31 16:00:00"), ("date", "<", "2026-02-28 16:00:00")]
        february = self._report("user_id", domain=in_february)
        self.assertEqual(list(february), [self.sales_manager.id])
        self.assertEqual(february[self.sales_manager.id][0], 6 - 2)
        self.assertEqual(february[self.sales_manager.id][-1], 2)  # ledger rows

    def test_salesperson_and_category_changes_move_the_sums(self):
        self._history()
        Period = self.env["jxc.report.sale.period"]
        order = self.env["jxc.sale.order"].search([("partner_id", "=", self.customer2.id)])
        order.with_user(self.sales_manager).write({"user_id": self.sales_user.id})
        self.assertFalse(Period._jxc_mismatches())
        self.assertEqual(self._report("user_id"), self._hand("user_id"))
        self.assertNotIn(self.sales_manager.id, self._report("user_id"))
        self.product.product_tmpl_id.categ_id = self.paper
        self.assertFalse(Period._jxc_mismatches())
        self.assertEqual(self._report("categ_id"), self._hand("categ_id"))
        self.assertNotIn(self.drinks.id, self._report("categ_id"))

    def test_rebuild_gives_the_same_sums(self):
        self._history()
        Period = self.env["jxc.report.sale.period"]
        keys = ["date", "company_id", "warehouse_id", "categ_id", "user_id"]
        sums = ["quantity", "revenue", "cogs", "move_count"]

        def rows():
            return sorted(
                (tuple(str(row[k]) for k in keys), tuple(row[n] for n in sums))
                for row in Period.search_read([], keys + sums)
            )

        before = rows()
        self.assertTrue(before)
        Period._rebuild()
        self.assertEqual(rows(), before)

    def test_nobody_writes_the_monthly_sums(self):
        self._history()
        Period = self.env["jxc.report.sale.period"]
        row = Period.search([], limit=1)
        admin = self.env.ref("base.user_admin")
        for user in (
            self.sales_user,
            self.sales_manager,
            self.stock_manager,
            self.finance_user,
            self.reports_manager,
            admin,
        ):
            with self.subTest(user=user.login):
                as_user = Period.with_user(user)
                for call in (
                    lambda p=as_user: p.create(
                        {"date": "2026-01-01", "company_id": 1, "warehouse_id": self.wh1.id}
                    ),
                    lambda p=as_user: p.browse(row.id).write({"quantity": 1.0}),
                    lambda p=as_user: p.browse(row.id).unlink(),
                ):
                    with self.cr.savepoint(), self.assertRaises(UserError):  # AccessError included
                        call()
        with self.cr.savepoint(), self.assertRaises(UserError):
            Period.sudo().browse(row.id).write({"quantity": 1.0})
        self.assertFalse(Period._jxc_mismatches())
        # Sales staff do not read them (nor the analysis); finance does.
        with self.assertRaises(AccessError):
            Period.with_user(self.sales_user).search([])
        self.assertTrue(Period.with_user(self.finance_user).search_count([]))

    def test_other_companies_sums_stay_hidden(self):
        self._history()
        other = self.env["res.company"].create({"name": "Test Period Other Co"})
        warehouse = self.env["jxc.stock.warehouse"].create(
            {"name": "Test Period Other", "code": "TPO", "company_id": other.id}
        )
        # Another company's month, as its posting would have kept it.
        self.env.cr.execute(
            """
            INSERT INTO jxc_report_sale_period (date, company_id, warehouse_id, quantity, revenue,
                                                cogs, move_count)
            VALUES ('2026-01-31 16:00:00', %s, %s, 1000, 99999, 1, 1)
            """,
            [other.id, warehouse.id],
        )
        Period = self.env["jxc.report.sale.period"].with_user(self.reports_manager)
        self.assertFalse(Period.search([("company_id", "=", other.id)]))
        Report = self._analysis().with_user(self.reports_manager)
        self.assertTrue(Report._jxc_reads_months([], ["date:month"], AGGREGATES, (), None))
        groups = {
            m.strftime("%Y-%m"): r
            for m, r in Report._read_group([], ["date:month"], ["revenue:sum"])
        }
        self.assertEqual(groups["2026-02"], self._hand("date:month")["2026-02"][1])

    def test_integrity_check_finds_a_tampered_month(self):
        self._history()
        Integrity = self.env["jxc.stock.integrity"]
        self.assertFalse(
            [m for m in Integrity._find_mismatches() if m["check_type"] == "sale_period"]
        )
        self.env.cr.execute(
            """
            UPDATE jxc_report_sale_period SET revenue = revenue + 1
             WHERE id = (SELECT min(id) FROM jxc_report_sale_period WHERE company_id = %s)
            """,
            [self.company.id],
        )
        found = [m for m in Integrity._find_mismatches() if m["check_type"] == "sale_period"]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["actual_value"], found[0]["expected_value"] + 1)
        check = Integrity._run()
        self.assertEqual(check.state, "mismatch")
        self.assertIn("sale_period", check.line_ids.mapped("check_type"))
