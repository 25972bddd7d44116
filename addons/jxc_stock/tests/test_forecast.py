# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import random
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from ..utils import past_posting_context, today
from .common import JxcStockCommon


def trend_season(weeks, seed=7):
    """100 a week, +0.5 a week, ±30 over a 52-week year, noise σ 3."""
    rng = random.Random(seed)
    return [
        100 + 0.5 * t + 30 * math.sin(2 * math.pi * t / 52) + rng.gauss(0, 3) for t in range(weeks)
    ]


class ForecastCommon(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Forecast = cls.env["jxc.stock.forecast"]
        cls.categ = cls.env["product.category"].create({"name": "Forecast Drinks"})
        cls.product.categ_id = cls.categ
        cls.product2.categ_id = cls.categ
        cls.this_week = cls.Forecast._week_start(today(cls.env))

    def _clerk(self, login, warehouse):
        """A stock user limited to ``warehouse``."""
        clerk = new_test_user(
            self.env,
            login=login,
            groups="base.group_user,jxc_stock.group_jxc_stock_user,"
            "jxc_stock.group_jxc_stock_chosen_warehouses",
        )
        clerk.jxc_warehouse_ids = warehouse
        return clerk

    def _compute(self, series):
        """Compute the company's forecasts with ``series`` ({(product, warehouse): [weekly
        demand, oldest first]}) as its sales history, ending last week."""
        history = {}
        for (product, warehouse), values in series.items():
            first = self.this_week - timedelta(weeks=len(values))
            history[(product.id, warehouse.id)] = {
                first + timedelta(weeks=i): v for i, v in enumerate(values) if v
            }
        with patch.object(type(self.Forecast), "_get_weekly_history", lambda *args: history):
            self.Forecast._compute_forecasts(self.company)
        return self.Forecast.search([("company_id", "=", self.company.id)])

    def _forecast(self, product, warehouse=None):
        return self.Forecast.search(
            [("product_id", "=", product.id), ("warehouse_id", "=", (warehouse or self.wh1).id)]
        )


class TestForecast(ForecastCommon):
    def test_weekly_history_is_deliveries_from_the_ledger(self):
        self._receive(self.product, 100, 1.0)
        first = self._issue(self.product, 10)
        second = self._issue(self.product, 5)
        self._issue(self.product, 7)  # this week: not a complete week, left out
        self.env.flush_all()
        week1 = self.this_week - timedelta(weeks=3)
        week2 = self.this_week - timedelta(weeks=1)
        for picking, week in ((first, week1), (second, week2)):
            self.env.cr.execute(
                "UPDATE jxc_stock_move SET date = %s WHERE picking_id = %s",
                [week + timedelta(days=2), picking.id],
            )
        self.env.invalidate_all()
        history = self.Forecast._get_weekly_history(
            self.company, self.this_week - timedelta(weeks=104), self.this_week
        )
        self.assertEqual(history[(self.product.id, self.wh1.id)], {week1: 10.0, week2: 5.0})

    def test_weeks_start_on_monday_where_days_are_counted(self):
        """A delivery at 07:00 on Monday in Shanghai (23:00 on Sunday in UTC) is Monday's
        week's demand there, and Sunday's week's in UTC."""
        self._receive(self.product, 100, 1.0)
        picking = self._issue(self.product, 4)
        self.env.flush_all()
        monday = self.this_week - timedelta(weeks=2)
        self.env.cr.execute(
            "UPDATE jxc_stock_move SET date = %s WHERE picking_id = %s",
            [fields.Datetime.to_datetime(monday) - timedelta(hours=1), picking.id],
        )
        self.env.invalidate_all()
        key = (self.product.id, self.wh1.id)
        for tz, week in (("Asia/Shanghai", monday), ("UTC", monday - timedelta(weeks=1))):
            history = self.Forecast.with_context(tz=tz)._get_weekly_history(
                self.company, self.this_week - timedelta(weeks=4), self.this_week
            )
            self.assertEqual(history[key], {week: 4.0}, tz)

    def test_trend_and_seasonality(self):
        series = trend_season(104 + 12)
        forecast = self._compute({(self.product, self.wh1): series[:104]}).filtered(
            lambda f: f.product_id == self.product
        )
        self.assertIn(forecast.method, ("seasonal_es", "ses", "drift", "seasonal_naive", "naive"))
        self.assertEqual(forecast.history_weeks, 104)
        self.assertLess(forecast.wape, 15.0, "backtest WAPE")
        points = forecast.line_ids.filtered(lambda p: p.series == "forecast").sorted("week")
        self.assertEqual(len(points), 12)
        self.assertEqual(points[0].week, self.this_week)
        actual = series[104:]
        error = sum(abs(p.quantity - a) for p, a in zip(points, actual, strict=True))
        # Stated accuracy: the next 12 weeks of a trending seasonal series within 20 % WAPE.
        self.assertLess(error / sum(actual), 0.20)
        lower = forecast.line_ids.filtered(lambda p: p.series == "lower").sorted("week")
        upper = forecast.line_ids.filtered(lambda p: p.series == "upper").sorted("week")
        for low, mid, high in zip(lower, points, upper, strict=True):
            self.assertLess(low.quantity, mid.quantity)
            self.assertGreater(high.quantity, mid.quantity)
        self.assertEqual(len(forecast.line_ids.filtered(lambda p: p.series == "history")), 52)

    def test_intermittent_series(self):
        rng = random.Random(3)
        series = [rng.choice([0, 0, 0, 0, 6, 10]) for _week in range(80)]
        forecast = self._compute({(self.product, self.wh1): series})
        forecast = forecast.filtered(lambda f: f.product_id == self.product)
        self.assertIn(forecast.method, ("croston", "tsb"))
        mean = sum(series) / len(series)
        self.assertGreater(forecast.weekly_forecast, 0.5 * mean)
        self.assertLess(forecast.weekly_forecast, 1.5 * mean)

    def test_one_huge_week_is_capped(self):
        """One week of 100,000,000 among weeks of 10 (a typing error, a one-off deal) in
        the backtest: the forecast, its error and its category's profile stay near 10, and
        the note says which weeks were capped; the chart keeps the real sales."""
        series = [10.0 + t % 2 for t in range(30)] + [1e8] + [10.0 + t % 2 for t in range(10)]
        forecasts = self._compute(
            {(self.product, self.wh1): series, (self.product2, self.wh1): [10.0] * 3}
        )
        forecast = forecasts.filtered(lambda f: f.product_id == self.product)
        self.assertLess(abs(forecast.weekly_forecast - 10.5), 2)
        self.assertLess(forecast.sigma, 10)
        self.assertIn("1 week(s) above 27.5 counted as 27.5", forecast.note)
        self.assertEqual(max(forecast.line_ids.mapped("quantity")), 1e8)
        new = forecasts.filtered(lambda f: f.product_id == self.product2)
        self.assertEqual(new.method, "category")
        self.assertLess(new.sigma, 10)

    def test_new_product_falls_back_and_says_so(self):
        forecasts = self._compute(
            {
                (self.product, self.wh1): [20.0 + (t % 3) for t in range(60)],
                (self.product2, self.wh1): [5.0, 7.0, 6.0],
                (self.product_lot, self.wh1): [4.0, 4.0],
            }
        )
        peer = forecasts.filtered(lambda f: f.product_id == self.product)
        new = forecasts.filtered(lambda f: f.product_id == self.product2)
        self.assertEqual(new.method, "category")
        self.assertAlmostEqual(new.weekly_forecast, peer.weekly_forecast, places=2)
        self.assertIn("Only 3 week(s) of sales history", new.note)
        self.assertFalse(new.wape)
        lonely = forecasts.filtered(lambda f: f.product_id == self.product_lot)
        self.assertEqual(lonely.method, "minmax")
        self.assertIn("replenishment keeps its min / max", lonely.note)


class TestForecastReplenishment(ForecastCommon):
    def _suggestions(self, product):
        self.env["jxc.stock.replenish"].action_compute()
        return self.env["jxc.stock.replenish"].search([("product_id", "in", product.ids)])

    def _store_and_main_rules(self):
        """Store (wh2): min 20, max 50; main (wh1): min 10, max 30."""
        return self.env["jxc.stock.rule"].create(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh2.id,
                    "min_quantity": 20,
                    "max_quantity": 50,
                },
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "min_quantity": 10,
                    "max_quantity": 30,
                },
            ]
        )

    def test_reorder_point_worked_example(self):
        self.Forecast.create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "method": "ses",
                "weekly_forecast": 42.0,
                "sigma": 9.0,
            }
        )
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "replenish_method": "forecast",
                "lead_days": 14,
                "review_weeks": 1,
                "multiple": 10,
            }
        )
        self._receive(self.product, 30, 1.0)
        suggestion = self._suggestions(self.product)
        # 2 weeks × 42 = 84 + safety 1.645 × 9 × √2 = 20.94 → reorder point 104.94;
        # + 1 review week × 42 → order up to 146.94; 146.94 − 30 = 116.94 → 120 (× 10).
        self.assertRecordValues(
            suggestion, [{"kind": "purchase", "projected": 30.0, "suggested_quantity": 120.0}]
        )
        self.assertAlmostEqual(suggestion.min_quantity, 104.94, places=2)
        self.assertAlmostEqual(suggestion.max_quantity, 146.94, places=2)
        self.assertIn("42 ± 9", suggestion.explanation)
        self.assertIn("1.64 × 9 × √2 = 104.9", suggestion.explanation)
        self.assertIn("= 146.9", suggestion.explanation)

    def test_stock_alerts_follow_the_forecast_levels(self):
        """A forecast rule's stock alerts compare with its reorder point and order-up-to
        level, not with the fixed min / max it keeps for when there is no forecast."""
        rule = self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "replenish_method": "forecast",
                "min_quantity": 10,
                "max_quantity": 20,
                "lead_days": 14,
                "review_weeks": 1,
            }
        )
        self._receive(self.product, 120, 1.0)

        def alerts():
            self.env.flush_all()
            return [
                (alert.alert_type, round(alert.threshold))
                for alert in self.env["jxc.stock.alert"].search(
                    [("product_id", "=", self.product.id), ("warehouse_id", "=", self.wh1.id)]
                )
            ]

        self.assertEqual(alerts(), [("above_max", 20)], "no forecast yet: min / max")
        # 42 a week, no error: reorder point 42 × 2 = 84, order-up-to 84 + 42 = 126.
        self._compute({(self.product, self.wh1): [42.0] * 40})
        self.assertRecordValues(rule, [{"effective_min": 84.0, "effective_max": 126.0}])
        self.assertEqual(alerts(), [], "120 lies between 84 and 126")
        self._issue(self.product, 70)
        self.assertEqual(alerts(), [("below_min", 84)])

    def test_service_level_from_the_category(self):
        self.categ.jxc_service_level = 99.0
        rule = self.env["jxc.stock.rule"].create(
            {"product_id": self.product.id, "warehouse_id": self.wh1.id}
        )
        self.assertEqual(rule._get_service_level(), 99.0)
        rule.service_level = 90.0
        self.assertEqual(rule._get_service_level(), 90.0)

    def test_forecast_rule_without_forecast_keeps_min_max(self):
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "replenish_method": "forecast",
                "min_quantity": 10,
                "max_quantity": 40,
            }
        )
        suggestion = self._suggestions(self.product)
        self.assertEqual(suggestion.suggested_quantity, 40.0)
        self.assertIn("No forecast for this product yet", suggestion.explanation)

    def test_transfer_before_purchase(self):
        self._store_and_main_rules()
        self._receive(self.product, 5, 1.0, self.wh2)
        self._receive(self.product, 100, 1.0, self.wh1)  # 70 above its max
        suggestions = self._suggestions(self.product)
        self.assertRecordValues(
            suggestions,
            [
                {
                    "kind": "transfer",
                    "warehouse_id": self.wh2.id,
                    "source_warehouse_id": self.wh1.id,
                    "suggested_quantity": 45.0,
                }
            ],
        )
        self.assertIn("Test Main holds 70 above its own needs", suggestions.explanation)
        action = suggestions.action_create_documents()
        transfer = self.env["jxc.stock.picking"].search(action["domain"])
        self.assertRecordValues(
            transfer,
            [
                {
                    "picking_type": "internal",
                    "state": "draft",
                    "warehouse_id": self.wh1.id,
                    "dest_warehouse_id": self.wh2.id,
                }
            ],
        )
        self.assertEqual(transfer.line_ids.quantity, 45.0)
        self.assertFalse(suggestions.exists())

    def test_transfer_before_purchase_on_forecast_rules(self):
        """The store below its reorder point, the main warehouse above its order-up-to,
        both on forecast rules: a transfer, not a purchase."""
        for warehouse in (self.wh1, self.wh2):
            self.Forecast.create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": warehouse.id,
                    "method": "ses",
                    "weekly_forecast": 10.0,
                    "sigma": 0.0,
                }
            )
            self.env["jxc.stock.rule"].create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": warehouse.id,
                    "replenish_method": "forecast",
                    "lead_days": 7,
                }
            )
        self._receive(self.product, 100, 1.0)  # main: order up to 20, 80 above
        # Store: reorder point 10, order up to 20, none on hand → 20 from the main warehouse.
        self.assertRecordValues(
            self._suggestions(self.product),
            [
                {
                    "kind": "transfer",
                    "warehouse_id": self.wh2.id,
                    "source_warehouse_id": self.wh1.id,
                    "suggested_quantity": 20.0,
                }
            ],
        )

    def test_transfer_then_purchase_for_the_rest(self):
        self._store_and_main_rules()
        self._receive(self.product, 40, 1.0, self.wh1)  # 10 above its max
        suggestions = self._suggestions(self.product).sorted("kind", reverse=True)
        self.assertRecordValues(
            suggestions,
            [
                {"kind": "transfer", "suggested_quantity": 10.0},
                {"kind": "purchase", "suggested_quantity": 40.0},
            ],
        )
        self.assertIn("after a transfer of 10 from", suggestions[1].explanation)

    def test_store_clerk_gets_the_transfer_first(self):
        """A stock user limited to the store computes: the main warehouse's surplus (whose
        rule they do not see) is a transfer first all the same. They do not post from the
        main warehouse: the one step leaves the transfer to those who do."""
        self._store_and_main_rules()
        self._receive(self.product, 5, 1.0, self.wh2)
        self._receive(self.product, 100, 1.0, self.wh1)  # 70 above its max
        clerk = self._clerk("jxc_replenish_store_clerk", self.wh2)
        self.env.invalidate_all()
        Replenish = self.env["jxc.stock.replenish"].with_user(clerk)
        Replenish.action_compute()
        suggestion = Replenish.search([("product_id", "=", self.product.id)])
        self.assertRecordValues(
            suggestion,
            [
                {
                    "kind": "transfer",
                    "warehouse_id": self.wh2.id,
                    "source_warehouse_id": self.wh1.id,
                    "suggested_quantity": 45.0,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "left to the users of .*Test Main"):
            suggestion.action_create_documents()
        action = suggestion.with_user(self.stock_manager).action_create_documents()
        transfer = self.env["jxc.stock.picking"].search(action["domain"])
        self.assertRecordValues(transfer.line_ids, [{"quantity": 45.0}])

    def test_transfers_in_the_suggestions_company(self):
        """A user of two companies, working in the first, turns the second's transfer
        suggestions into transfers of the second company."""
        other = self.env["res.company"].create({"name": "Replenish Other Co"})
        warehouses = (
            self.env["jxc.stock.warehouse"]
            .with_company(other)
            .create(
                [
                    {"name": "Other Store", "code": "ROS", "company_id": other.id},
                    {"name": "Other Main", "code": "ROM", "company_id": other.id},
                ]
            )
        )
        for warehouse, level in zip(warehouses, (10, 0), strict=True):
            self.env["jxc.stock.rule"].with_company(other).create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": warehouse.id,
                    "min_quantity": level,
                    "max_quantity": 2 * level,
                }
            )
        receipt = self._make_picking(
            "in",
            [{"product_id": self.product.id, "quantity": 50, "unit_cost": 1.0}],
            warehouses[1],
            company_id=other.id,
        )
        receipt.with_company(other).action_done()
        user = new_test_user(
            self.env,
            login="jxc_replenish_two_companies",
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
            company_id=self.company.id,
            company_ids=[self.company.id, other.id],
        )
        Replenish = (
            self.env["jxc.stock.replenish"]
            .with_user(user)
            .with_context(allowed_company_ids=[self.company.id, other.id])
        )
        Replenish.action_compute()
        suggestion = Replenish.search([("company_id", "=", other.id)])
        self.assertRecordValues(suggestion, [{"kind": "transfer", "suggested_quantity": 20.0}])
        action = suggestion.action_create_documents()
        self.assertRecordValues(
            self.env["jxc.stock.picking"].search(action["domain"]),
            [{"company_id": other.id, "warehouse_id": warehouses[1].id}],
        )

    def test_drafted_transfers_are_not_suggested_again(self):
        """Recomputing after the one step: the draft transfer counts as on its way to the
        store and as taken from the main warehouse, so nothing is suggested twice."""
        self._store_and_main_rules()
        self._receive(self.product, 5, 1.0, self.wh2)
        self._receive(self.product, 100, 1.0, self.wh1)
        self._suggestions(self.product).action_create_documents()
        self.assertFalse(self._suggestions(self.product))

    def test_only_positive_suggestions_become_documents(self):
        """A negative suggested quantity is refused; a suggestion set to 0 is left in the
        list while the others become documents."""
        rules = self._store_and_main_rules()
        for rule in rules:
            rule.copy({"product_id": self.product2.id})
        for product in (self.product, self.product2):
            self._receive(product, 100, 1.0, self.wh1)
        suggestions = self._suggestions(self.product | self.product2).with_user(self.stock_user)
        self.assertEqual(suggestions.mapped("kind"), ["transfer", "transfer"])
        water = suggestions.filtered(lambda s: s.product_id == self.product)
        tissue = suggestions - water
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.cr.savepoint():
            water.suggested_quantity = -5
        self.assertEqual(water.suggested_quantity, 50.0)
        tissue.suggested_quantity = 0
        action = (water | tissue).action_create_documents()
        transfer = self.env["jxc.stock.picking"].search(action["domain"])
        self.assertRecordValues(
            transfer.line_ids, [{"product_id": self.product.id, "quantity": 50.0}]
        )
        self.assertEqual(suggestions.exists(), tissue, "left as it is, not dropped")


class TestForecastAccess(ForecastCommon):
    def test_users_read_managers_recompute_nobody_edits(self):
        forecasts = self._compute({(self.product, self.wh1): [10.0 + t % 4 for t in range(40)]})
        forecast = forecasts.filtered(lambda f: f.product_id == self.product)
        self.assertTrue(forecast.with_user(self.stock_user).read(["weekly_forecast"]))
        for user in (self.stock_user, self.stock_manager):
            Forecast = self.Forecast.with_user(user)
            with self.assertRaises(AccessError):
                Forecast.create({"product_id": self.product.id, "warehouse_id": self.wh1.id})
            with self.assertRaises(AccessError):
                forecast.with_user(user).write({"weekly_forecast": 1000})
            with self.assertRaises(AccessError):
                forecast.with_user(user).unlink()
            with self.assertRaises(AccessError):
                forecast.line_ids[:1].with_user(user).write({"quantity": 1})
        with self.assertRaises(AccessError):
            self.Forecast.with_user(self.stock_user).action_compute()
        self.assertNotEqual(forecast.weekly_forecast, 1000)
        action = self.Forecast.with_user(self.stock_manager).action_compute()
        self.assertEqual(action["res_model"], "jxc.stock.forecast")

    def test_screens_for_a_stock_user(self):
        forecasts = self._compute({(self.product, self.wh1): [10.0 + t % 4 for t in range(40)]})
        forecast = forecasts.filtered(lambda f: f.product_id == self.product)
        Forecast = self.Forecast.with_user(self.stock_user)
        views = Forecast.get_views([(False, "list"), (False, "form"), (False, "search")])
        self.assertEqual(set(views["views"]), {"list", "form", "search"})
        action = forecast.with_user(self.stock_user).action_open_chart()
        Line = self.env[action["res_model"]].with_user(self.stock_user)
        self.assertIn("graph", Line.get_views([(False, "graph")])["views"])
        groups = Line.read_group(action["domain"], ["quantity:sum"], ["series"])
        self.assertEqual(
            {g["series"]: g["series_count"] for g in groups},
            {"history": 40, "forecast": 12, "lower": 12, "upper": 12},
        )
        compute = str(self.env.ref("jxc_stock.jxc_stock_forecast_action_server_compute").id)
        self.assertNotIn(compute, self._buttons("jxc.stock.forecast", self.stock_user, "list"))
        self.assertIn(compute, self._buttons("jxc.stock.forecast", self.stock_manager, "list"))

    def test_chart_points_only_for_chosen_warehouses(self):
        """A stock user limited to chosen warehouses reads the forecasts and the chart points
        of those warehouses only; a stock manager reads them all."""
        forecasts = self._compute(
            {
                (self.product, self.wh1): [10.0 + t % 4 for t in range(40)],
                (self.product, self.wh2): [5.0 + t % 3 for t in range(40)],
            }
        )
        mine = forecasts.filtered(
            lambda f: f.warehouse_id == self.wh1 and f.product_id == self.product
        )
        theirs = forecasts.filtered(
            lambda f: f.warehouse_id == self.wh2 and f.product_id == self.product
        )
        clerk = self._clerk("jxc_forecast_wh1_clerk", self.wh1)
        Line = self.env["jxc.stock.forecast.line"].with_user(clerk)
        seen = Line.search([("forecast_id", "in", (mine | theirs).ids)])
        self.assertEqual(seen.forecast_id, mine)
        self.assertEqual(len(seen), len(mine.line_ids))
        groups = Line.read_group(
            mine.with_user(clerk).action_open_chart()["domain"], ["quantity:sum"], ["series"]
        )
        self.assertEqual(sum(g["series_count"] for g in groups), len(mine.line_ids))
        with self.assertRaises(AccessError):
            theirs.line_ids[:1].with_user(clerk).read(["quantity"])
        with self.assertRaises(AccessError):
            theirs.with_user(clerk).read(["weekly_forecast"])
        manager_lines = self.env["jxc.stock.forecast.line"].with_user(self.stock_manager)
        self.assertEqual(
            manager_lines.search([("forecast_id", "in", (mine | theirs).ids)]).forecast_id,
            mine | theirs,
        )

    def test_companies_isolated(self):
        other = self.env["res.company"].create({"name": "Forecast Other Co"})
        other_wh = (
            self.env["jxc.stock.warehouse"]
            .with_company(other)
            .create({"name": "Other WH", "code": "FOWH", "company_id": other.id})
        )
        theirs = self.Forecast.create(
            {"product_id": self.product.id, "warehouse_id": other_wh.id, "method": "naive"}
        )
        manager = new_test_user(
            self.env,
            login="jxc_forecast_manager_other",
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
        )
        self.assertFalse(self.Forecast.with_user(manager).search([("id", "=", theirs.id)]))
        with self.assertRaises(AccessError):
            theirs.with_user(manager).read(["weekly_forecast"])
        self._compute({(self.product, self.wh1): [3.0] * 30})
        self.assertTrue(theirs.exists(), "recomputing one company leaves the other's alone")


class TestPastPosting(ForecastCommon):
    """The demo's sales history posts documents on their own past dates
    (utils.past_posting_context): only Python code can ask for it."""

    def test_past_posting_dates_the_ledger_on_the_document(self):
        self._receive(self.product, 50, 1.0)
        week = self.this_week - timedelta(weeks=3)
        past = fields.Datetime.to_datetime(week) + timedelta(days=2, hours=10)
        issue = self._make_picking(
            "out", [{"product_id": self.product.id, "quantity": 8}], date=past
        )
        issue.with_context(**past_posting_context()).action_done()
        self.assertEqual(issue.move_ids.date, past)
        self.assertEqual(issue.date_done, past)
        history = self.Forecast._get_weekly_history(
            self.company, self.this_week - timedelta(weeks=104), self.this_week
        )
        self.assertEqual(history[(self.product.id, self.wh1.id)], {week: 8.0})

    def test_a_json_context_cannot_backdate(self):
        self._receive(self.product, 50, 1.0)
        issue = self._make_picking("out", [{"product_id": self.product.id, "quantity": 8}])
        issue.date = fields.Datetime.now() - timedelta(weeks=3)
        # What a JSON-RPC caller could send: the key with a plain string.
        issue.with_context(jxc_past_posting="jxc-past-posting").action_done()
        self.assertGreater(issue.move_ids.date, issue.date + timedelta(weeks=2))
        self.assertGreater(issue.date_done, issue.date + timedelta(weeks=2))
