# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon

# "Now" for the dashboard: 2026-03-15 12:00 in Shanghai.
NOW = "2026-03-15 04:00:00"
TZ = "Asia/Shanghai"


class InOwnCompany(TransactionCase):
    """Runs the shared test setup in a company of its own: the dashboard sums up the whole
    company, and the database may hold demo data in the main one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env["res.company"].create(
            {"name": "JXC Dashboard Test Co", "currency_id": cls.env.company.currency_id.id}
        )
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))


class TestDashboard(JxcFinanceCommon, InOwnCompany):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.jxc_po_approval_amount = 1000.0
        cls.company.jxc_expiry_alert_days = 30
        cls.reports_manager = new_test_user(
            cls.env,
            login="jxc_dash_reports_manager",
            groups="base.group_user,jxc_reports.group_jxc_reports_manager,"
            "jxc_sales.group_jxc_sales_manager,jxc_purchase.group_jxc_purchase_user,"
            "jxc_stock.group_jxc_stock_manager,jxc_finance.group_jxc_finance_user",
            tz=TZ,
        )
        cls.purchase_user = new_test_user(
            cls.env,
            login="jxc_dash_purchase_user",
            groups="base.group_user,jxc_purchase.group_jxc_purchase_user",
        )
        Rule = cls.env["jxc.stock.rule"]
        Rule.create(
            {
                "product_id": cls.product2.id,
                "warehouse_id": cls.wh1.id,
                "min_quantity": 20,
                "max_quantity": 40,
            }
        )
        Rule.create(
            {
                "product_id": cls.product.id,
                "warehouse_id": cls.wh1.id,
                "min_quantity": 5,
                "max_quantity": 100,
            }
        )

        # Before this month: an order shipped in January.
        with freeze_time("2026-01-20 03:00:00"):
            cls._receive(cls.product, 50, 4.0)
            cls.order_january = cls._sell([(cls.product, 1, 10.0)], payment_term_days=60)
            cls._delivery(cls.order_january).action_done()
            cls.overdue = cls.env["jxc.finance.entry"]._post(
                [
                    {
                        "entry_type": "receivable",
                        "partner_id": cls.customer.id,
                        "amount": 100.0,
                        "date": date(2026, 2, 1),
                        "date_due": date(2026, 2, 10),
                        "reference": "DASH-OVERDUE",
                    },
                    {
                        "entry_type": "receivable",
                        "partner_id": cls.customer.id,
                        "amount": 50.0,
                        "date": date(2026, 2, 1),
                        "date_due": date(2026, 3, 20),
                        "reference": "DASH-NOT-DUE",
                    },
                ]
            )[0]
        # Earlier this month: an order shipped, a purchase confirmed, lots received.
        with freeze_time("2026-03-03 03:00:00"):
            cls._receive(cls.product2, 10, 2.0)
            cls.order_march = cls._sell([(cls.product, 2, 10.0)])
            cls._delivery(cls.order_march).action_done()
            cls.po_march = cls._purchase([(cls.product2, 4, 5.0)])
            cls.po_march.action_confirm()
            cls.lot_soon, cls.lot_expired, cls.lot_later, cls.lot_gone = (
                cls._receive(
                    cls.product_lot, qty, 1.0, lot_name=name, expiration_date=expiry
                ).line_ids.lot_id
                for name, qty, expiry in (
                    ("DASH-SOON", 5, date(2026, 3, 25)),
                    ("DASH-EXPIRED", 2, date(2026, 3, 10)),
                    ("DASH-LATER", 3, date(2026, 9, 1)),
                    ("DASH-GONE", 1, date(2026, 3, 20)),
                )
            )
            cls._issue(cls.product_lot, 1, lot_id=cls.lot_gone.id)
        # Today in Shanghai, still yesterday in UTC: an order to deliver.
        with freeze_time("2026-03-14 17:00:00"):
            cls.order_to_deliver = cls._sell([(cls.product, 3, 10.0)])
        # Today: an order shipped, a purchase confirmed, one waiting for approval, a payment.
        with freeze_time("2026-03-15 02:00:00"):
            cls.order_today = cls._sell([(cls.product, 5, 10.0)])
            cls._delivery(cls.order_today).action_done()
            cls.po_today = cls._purchase([(cls.product, 10, 3.0)])
            cls.po_today.action_confirm()
            cls.po_to_approve = cls._purchase([(cls.product, 300, 5.0)])
            cls.po_to_approve.with_user(cls.purchase_user).action_confirm()
            cls._payment(cls.customer, 30.0)

    @classmethod
    def _sell(cls, lines, **vals):
        order = cls._make_order(lines, payment_term_days=vals.pop("payment_term_days", 30))
        order.action_confirm()
        return order

    def _dashboard(self, user=None, tz=TZ):
        with freeze_time(NOW):
            return (
                self.env["jxc.report.dashboard"]
                .with_user(user or self.reports_manager)
                .with_context(tz=tz)
                .get_dashboard_data()
            )

    def _tiles(self, data):
        return {tile["key"]: tile for tile in data["tiles"]}

    def _charts(self, data):
        return {chart["key"]: chart for chart in data["charts"]}

    def _found(self, action, user=None):
        """What the action lists, as its user sees it."""
        return (
            self.env[action["res_model"]]
            .with_user(user or self.reports_manager)
            .search(action["domain"])
        )

    def test_setup(self):
        self.assertRecordValues(
            self.order_january | self.order_march | self.order_to_deliver | self.order_today,
            [
                {"state": "done", "amount_total_company": 11.3},
                {"state": "done", "amount_total_company": 22.6},
                {"state": "confirmed", "amount_total_company": 33.9},
                {"state": "done", "amount_total_company": 56.5},
            ],
        )
        self.assertRecordValues(
            self.po_march | self.po_today | self.po_to_approve,
            [
                {"state": "confirmed", "amount_total_company": 22.6},
                {"state": "confirmed", "amount_total_company": 33.9},
                {"state": "to_approve", "amount_total_company": 1695.0},
            ],
        )
        self.assertAlmostEqual(self.overdue.amount_residual, 70.0)

    def test_tiles(self):
        tiles = self._tiles(self._dashboard())
        self.assertEqual(
            list(tiles),
            [
                "sales_today",
                "gross_profit_today",
                "purchases_today",
                "stock_value",
                "sales_month",
                "gross_profit_month",
                "purchases_month",
                "overdue_receivables",
                "sales_to_deliver",
                "purchases_to_approve",
                "below_min",
                "lots_expiring",
            ],
        )
        expected = {
            # key: (value, records its action lists)
            "purchases_today": (33.9, self.po_today),
            "purchases_month": (56.5, self.po_march | self.po_today),
            "overdue_receivables": (70.0, self.overdue),
            "sales_to_deliver": (1, self.order_to_deliver),
            "purchases_to_approve": (1, self.po_to_approve),
        }
        for key, (value, records) in expected.items():
            with self.subTest(tile=key):
                self.assertAlmostEqual(tiles[key]["value"], value)
                self.assertEqual(self._found(tiles[key]["action"]), records)

        # Shipped: 5 units today (revenue 50, cost 20), 2 earlier this month (20, 8); the
        # order confirmed today but not shipped is not a sale yet.
        self.assertAlmostEqual(tiles["sales_today"]["value"], 50.0)
        self.assertAlmostEqual(tiles["sales_month"]["value"], 70.0)
        self.assertEqual(self._found(tiles["sales_today"]["action"]).order_id, self.order_today)
        self.assertEqual(
            self._found(tiles["sales_month"]["action"]).order_id,
            self.order_march | self.order_today,
        )
        self.assertAlmostEqual(tiles["gross_profit_today"]["value"], 30.0)
        self.assertAlmostEqual(tiles["gross_profit_month"]["value"], 42.0)
        self.assertEqual(
            self._found(tiles["gross_profit_today"]["action"]).order_id, self.order_today
        )
        self.assertEqual(
            self._found(tiles["gross_profit_month"]["action"]).order_id,
            self.order_march | self.order_today,
        )

        # 50 + 10 bought, 8 shipped at 4.00 and 2.00; lots 5 + 2 + 3 at 1.00.
        self.assertAlmostEqual(tiles["stock_value"]["value"], 42 * 4.0 + 10 * 2.0 + 10 * 1.0)
        quants = self._found(tiles["stock_value"]["action"])
        self.assertEqual(
            {(q.product_id, q.lot_id) for q in quants},
            {
                (self.product, self.env["jxc.stock.lot"]),
                (self.product2, self.env["jxc.stock.lot"]),
                (self.product_lot, self.lot_soon),
                (self.product_lot, self.lot_expired),
                (self.product_lot, self.lot_later),
            },
        )

        self.assertEqual(tiles["below_min"]["value"], 1)
        alerts = self._found(tiles["below_min"]["action"])
        self.assertEqual(alerts.product_id, self.product2)

        self.assertEqual(tiles["lots_expiring"]["value"], 2)
        self.assertEqual(tiles["lots_expiring"]["alert"], "danger")  # one is expired
        self.assertEqual(
            self._found(tiles["lots_expiring"]["action"]), self.lot_soon | self.lot_expired
        )

    def test_today_is_the_users_day(self):
        """At 04:00 UTC the order confirmed at 17:00 UTC was yesterday, not today."""
        tiles = self._tiles(self._dashboard(self.sales_user, tz="UTC"))
        self.assertAlmostEqual(tiles["orders_today"]["value"], 56.5)
        self.assertEqual(self._found(tiles["orders_today"]["action"]), self.order_today)

    def test_sales_and_gross_profit_count_the_same_goods(self):
        """今日销售 and 今日毛利 (#15, part): both count what was shipped (net of returns,
        untaxed), so a confirmed order not shipped yet moves neither; each tile lists the
        rows it adds up."""
        for user in (self.reports_manager, self.sales_manager):
            with self.subTest(user=user.login):
                tiles = self._tiles(self._dashboard(user))
                for period in ("today", "month"):
                    sales = tiles[f"sales_{period}"]
                    profit = tiles[f"gross_profit_{period}"]
                    self.assertEqual(sales["action"]["domain"], profit["action"]["domain"])
                    rows = self._found(sales["action"], user)
                    self.assertAlmostEqual(sales["value"], sum(rows.mapped("revenue")))
                    self.assertAlmostEqual(profit["value"], sum(rows.mapped("gross_profit")))
                    self.assertNotIn(self.order_to_deliver, rows.order_id)
                    self.assertIn(sales["formatted_value"], profit["subtitle"])
        self.assertEqual(
            self._tiles(self._dashboard())["sales_today"]["subtitle"],
            "1 orders shipped, untaxed, net of returns",
        )

    def test_sales_staff_see_the_orders_confirmed(self):
        """Sales staff, who do not read the sales analysis, see the orders confirmed under a
        label of their own, with the orders it counts."""
        data = self._dashboard(self.sales_user)
        tiles = self._tiles(data)
        for key in ("sales_today", "sales_month", "gross_profit_today"):
            self.assertNotIn(key, tiles)
        for key, (value, orders) in {
            "orders_today": (90.4, self.order_to_deliver | self.order_today),
            "orders_month": (113.0, self.order_march | self.order_to_deliver | self.order_today),
        }.items():
            with self.subTest(tile=key):
                self.assertAlmostEqual(tiles[key]["value"], value)
                self.assertEqual(self._found(tiles[key]["action"], self.sales_user), orders)
        trend = self._charts(data)["sales_trend"]
        [orders] = trend["datasets"]
        self.assertEqual(orders["label"], "Orders Confirmed")
        today = trend["labels"].index("2026-03-15")
        self.assertAlmostEqual(orders["data"][today], 90.4)
        self.assertEqual(
            self._found(dict(orders["action"], domain=orders["domains"][today]), self.sales_user),
            self.order_to_deliver | self.order_today,
        )

    def test_charts(self):
        charts = self._charts(self._dashboard())
        trend = charts["sales_trend"]
        self.assertEqual(len(trend["labels"]), 30)
        self.assertEqual(trend["labels"][-1], "2026-03-15")
        sales, profit = trend["datasets"]
        by_day = dict(zip(trend["labels"], sales["data"], strict=True))
        self.assertAlmostEqual(by_day["2026-03-15"], 50.0)
        self.assertAlmostEqual(by_day["2026-03-03"], 20.0)
        self.assertAlmostEqual(sum(sales["data"]), 70.0)
        self.assertAlmostEqual(
            dict(zip(trend["labels"], profit["data"], strict=True))["2026-03-15"], 30.0
        )
        today = trend["labels"].index("2026-03-15")
        self.assertEqual(
            self._found(dict(sales["action"], domain=sales["domains"][today])).order_id,
            self.order_today,
        )

        [products] = charts["top_products"]["datasets"]
        self.assertEqual(charts["top_products"]["labels"], ["Test Water"])
        self.assertAlmostEqual(products["data"][0], 70.0)

        [aging] = charts["receivable_aging"]["datasets"]
        # Not due: the 50 entry and the four orders' receivables; 33 days late: 100 - 30 paid.
        expected = [50.0 + 11.3 + 22.6 + 33.9 + 56.5, 0.0, 70.0, 0.0, 0.0]
        for amount, expected_amount in zip(aging["data"], expected, strict=True):
            self.assertAlmostEqual(amount, expected_amount)
        self.assertEqual(
            self._found(dict(aging["action"], domain=aging["domains"][2])), self.overdue
        )

        [stock] = charts["stock_by_warehouse"]["datasets"]
        self.assertEqual(charts["stock_by_warehouse"]["labels"], [self.wh1.display_name])
        self.assertAlmostEqual(stock["data"][0], 198.0)

    def test_no_costs_without_cost_groups(self):
        """Sales staff read orders and stock, but see neither margins nor stock value."""
        data = self._dashboard(self.sales_user)
        tiles = self._tiles(data)
        self.assertIn("orders_today", tiles)
        self.assertIn("lots_expiring", tiles)
        self.assertTrue(self.env["jxc.stock.quant"].with_user(self.sales_user).has_access("read"))
        for key in ("gross_profit_today", "gross_profit_month", "stock_value"):
            self.assertNotIn(key, tiles)
        charts = self._charts(data)
        self.assertEqual(
            [dataset["label"] for dataset in charts["sales_trend"]["datasets"]],
            ["Orders Confirmed"],
        )
        self.assertNotIn("stock_by_warehouse", charts)

        manager_tiles = self._tiles(self._dashboard(self.sales_manager))
        self.assertAlmostEqual(manager_tiles["gross_profit_month"]["value"], 42.0)

    def test_no_purchase_tiles_without_purchase_access(self):
        self.assertFalse(
            self.env["jxc.purchase.order"].with_user(self.stock_manager).has_access("read")
        )
        tiles = self._tiles(self._dashboard(self.stock_manager))
        self.assertAlmostEqual(tiles["stock_value"]["value"], 198.0)
        self.assertEqual(tiles["below_min"]["value"], 1)
        for key in ("purchases_today", "purchases_month", "purchases_to_approve"):
            self.assertNotIn(key, tiles)
        for key in ("sales_today", "orders_today", "overdue_receivables"):
            self.assertNotIn(key, tiles)
        self.assertNotIn("receivable_aging", self._charts(self._dashboard(self.stock_manager)))

    def test_every_user_opens_what_the_dashboard_shows(self):
        """Whatever the groups, the dashboard loads and every tile and chart point opens a list
        the user may read."""
        reports_user = new_test_user(
            self.env, login="jxc_dash_reports_user", groups="jxc_reports.group_jxc_reports_user"
        )
        users = (
            reports_user,
            self.sales_user,
            self.stock_user,
            self.stock_manager,
            self.purchase_user,
            self.finance_user,
            self.reports_manager,
        )
        for user in users:
            with self.subTest(user=user.login):
                data = self._dashboard(user)
                for tile in data["tiles"]:
                    self._found(tile["action"], user)
                for chart in data["charts"]:
                    for dataset in chart["datasets"]:
                        for domain in dataset["domains"]:
                            self._found(dict(dataset["action"], domain=domain), user)

    def test_other_company_not_counted(self):
        """The main company's figures (demo data, other tests) stay out of this company's."""
        tiles = self._tiles(self._dashboard())
        for tile in tiles.values():
            with self.subTest(tile=tile["key"]):
                self.assertIn(("company_id", "=", self.company.id), tile["action"]["domain"])


class TestAppOpensOnOverview(TransactionCase):
    """The 进销存 app opens on the overview for whoever may see it; others open on their own
    first menu (#15, part)."""

    def test_first_action_of_the_app(self):
        root = self.env.ref("jxc_stock.menu_jxc_root")
        dashboard = self.env.ref("jxc_reports.jxc_report_dashboard_action")
        reader = new_test_user(
            self.env,
            login="jxc_app_reports",
            groups="base.group_user,jxc_reports.group_jxc_reports_user",
        )
        keeper = new_test_user(
            self.env, login="jxc_app_stock", groups="base.group_user,jxc_stock.group_jxc_stock_user"
        )
        Menu = self.env["ir.ui.menu"]
        self.assertEqual(
            Menu.with_user(reader).load_web_menus(False)[root.id]["actionID"], dashboard.id
        )
        app = Menu.with_user(keeper).load_web_menus(False)[root.id]
        self.assertTrue(app["actionID"])
        self.assertNotEqual(app["actionID"], dashboard.id)
