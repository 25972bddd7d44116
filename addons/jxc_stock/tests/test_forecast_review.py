# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecasts and their rules as a hostile caller sees them (#18 review): the levels in force
cannot be written by hand, odd time zones leave the weeks on Mondays, the set-based chart
points round as the ORM does, and nothing over JSON-RPC posts on a past date."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from ..utils import DEFAULT_TZ, past_posting_context, tz_name
from .common import JxcHttpCase
from .test_forecast import ForecastCommon


class TestForecastReview(ForecastCommon):
    def _rule(self, **vals):
        return self.env["jxc.stock.rule"].create(
            dict(
                {"product_id": self.product.id, "warehouse_id": self.wh1.id},
                min_quantity=10,
                max_quantity=20,
                **vals,
            )
        )

    def _alerts(self):
        self.env.flush_all()
        return (
            self.env["jxc.stock.alert"]
            .search([("product_id", "=", self.product.id), ("warehouse_id", "=", self.wh1.id)])
            .mapped("alert_type")
        )

    def test_levels_in_force_are_not_written_by_hand(self):
        """effective_min / effective_max are read-only in the form, but JSON-RPC writes
        read-only fields: a stock manager's write would silence the alerts of a min / max
        rule for good (no cron refreshes those)."""
        rule = self._rule()
        self._receive(self.product, 50, 1.0)
        self.assertEqual(self._alerts(), ["above_max"])
        for vals in ({"effective_max": 1000.0}, {"effective_min": 0.0, "effective_max": 60.0}):
            with self.cr.savepoint(), self.assertRaises(UserError):
                rule.with_user(self.stock_manager).write(vals)
        # A stock user may not write rules at all (AccessError is a UserError).
        with self.cr.savepoint(), self.assertRaises(UserError):
            rule.with_user(self.stock_user).write({"effective_max": 1000.0})
        with self.cr.savepoint(), self.assertRaises(AccessError):
            rule.with_user(self.stock_user).write({"max_quantity": 1000.0})
        self.env.invalidate_all()
        self.assertRecordValues(rule, [{"effective_min": 10.0, "effective_max": 20.0}])
        self.assertEqual(self._alerts(), ["above_max"])
        # The manager still edits the rule itself; its levels in force follow.
        rule.with_user(self.stock_manager).write({"max_quantity": 60})
        self.assertRecordValues(rule, [{"effective_min": 10.0, "effective_max": 60.0}])
        self.assertEqual(self._alerts(), [])

    def test_levels_in_force_given_at_creation_are_computed(self):
        rule = (
            self.env["jxc.stock.rule"]
            .with_user(self.stock_manager)
            .create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "min_quantity": 10,
                    "max_quantity": 20,
                    "effective_min": 0,
                    "effective_max": 1000,
                }
            )
        )
        self.assertRecordValues(rule, [{"effective_min": 10.0, "effective_max": 20.0}])

    def test_levels_in_force_are_the_forecast_levels(self):
        """The stored levels are the forecast's to their digits, whatever the unit's rounding:
        in boxes (rounded to 1), a reorder point of 11.7 beside a fixed min of 12 kept 12, and
        a database upgraded to this version (its migration) read 11.7 for the same rule."""
        box = self.env["uom.uom"].create(
            {
                "name": "Test Box of 6",
                "category_id": self.uom_unit.category_id.id,
                "uom_type": "bigger",
                "factor_inv": 6,
                "rounding": 1.0,
            }
        )
        self.product.write({"uom_id": box.id, "uom_po_id": box.id})
        rule = self._rule(replenish_method="forecast", lead_days=7, review_weeks=3)
        rule.write({"min_quantity": 12, "max_quantity": 47})
        self._compute({(self.product, self.wh1): [11.7] * 40})
        low, high, _text = self.env["jxc.stock.replenish"]._get_levels(
            rule, self._forecast(self.product)
        )
        self.assertNotAlmostEqual(low, 12.0, places=1)
        self.assertNotAlmostEqual(high, 47.0, places=1)
        self.assertRecordValues(
            rule, [{"effective_min": round(low, 2), "effective_max": round(high, 2)}]
        )

    def test_other_companys_rules_are_not_refreshed(self):
        """Computing suggestions or forecasts refreshes the levels of the caller's companies'
        rules only; asking for a company one does not work in is refused."""
        other = self.env["res.company"].create({"name": "Review Other Co"})
        other_wh = (
            self.env["jxc.stock.warehouse"]
            .with_company(other)
            .create({"name": "Review Other WH", "code": "ROWH", "company_id": other.id})
        )
        theirs = (
            self.env["jxc.stock.rule"]
            .with_company(other)
            .create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": other_wh.id,
                    "min_quantity": 5,
                    "max_quantity": 9,
                }
            )
        )
        theirs.sudo().write({"effective_min": 1.0, "effective_max": 2.0})  # stale on purpose
        self._rule()
        manager = self.stock_manager
        self.env["jxc.stock.replenish"].with_user(manager).action_compute()
        self.env["jxc.stock.forecast"].with_user(manager).action_compute()
        self.assertRecordValues(theirs, [{"effective_min": 1.0, "effective_max": 2.0}])
        for model in ("jxc.stock.replenish", "jxc.stock.forecast"):
            env = self.env(user=manager, context={"allowed_company_ids": [other.id]})
            with self.cr.savepoint(), self.assertRaises(AccessError):
                env[model].action_compute()
        self.assertRecordValues(theirs, [{"effective_min": 1.0, "effective_max": 2.0}])

    def test_odd_time_zones_keep_monday_weeks(self):
        """A context from JSON-RPC may carry any tz: a list made every report's today and
        the forecasts' weeks fail (TypeError: unhashable type); unknown names count in
        China's time, and every time zone's weeks start on Monday."""
        self.stock_user.tz = False
        for tz in (["Asia/Shanghai"], {"a": 1}, 8, "Mars/Olympus", "", False):
            env = self.env(context={"tz": tz}, user=self.stock_user)
            self.assertEqual(tz_name(env), DEFAULT_TZ, tz)
        self.stock_user.tz = "America/New_York"
        self.assertEqual(tz_name(self.env(context={}, user=self.stock_user)), "America/New_York")
        self._receive(self.product, 100, 1.0)
        monday = self.this_week - timedelta(weeks=2)
        # Monday 12:00 UTC: Monday everywhere between UTC-11 and UTC+11.
        noon = fields.Datetime.to_datetime(monday) + timedelta(hours=12)
        issue = self._make_picking("out", [{"product_id": self.product.id, "quantity": 4}])
        issue.date = noon
        issue.with_context(**past_posting_context()).action_done()
        for tz in (["x"], "Mars/Olympus", False, "UTC", "America/New_York", "Asia/Kolkata"):
            history = self.Forecast.with_context(tz=tz)._get_weekly_history(
                self.company, self.this_week - timedelta(weeks=4), self.this_week
            )
            self.assertEqual(history[(self.product.id, self.wh1.id)], {monday: 4.0}, tz)

    def test_chart_points_round_as_the_orm(self):
        self._compute({(self.product, self.wh1): [5.0] * 30})
        forecast = self._forecast(self.product)
        Line = self.env["jxc.stock.forecast.line"]
        digits = Line._fields["quantity"].get_digits(self.env)[1]
        # Halves as decimals, and sums that fall a few units in the last place below a half
        # (PostgreSQL's round(x::numeric) took 1669.6949999999954 for 1669.695: 1669.70).
        values = [2.675, 1.005, 0.125, -0.125, 0.0049, 0.005, 123456.785, 7.0 / 3, 1e-9, 0.0]
        values += [1669.6949999999954, -2300.854999999997, 1074.904999999996, 1272.034999999999]
        values += [-2738.484999999998, 8565.084999999992, 0.1 + 0.2 + 0.015, 999999999.995]
        week = self.this_week + timedelta(weeks=60)
        Line._create_points(
            [
                {
                    "forecast_id": forecast.id,
                    "company_id": self.company.id,
                    "week": week + timedelta(weeks=i),
                    "series": "upper",
                    "quantity": value,
                }
                for i, value in enumerate(values)
            ]
        )
        orm = Line.create(
            [
                {
                    "forecast_id": forecast.id,
                    "week": week + timedelta(weeks=i),
                    "series": "lower",
                    "quantity": value,
                }
                for i, value in enumerate(values)
            ]
        )
        self.env.invalidate_all()
        inserted = Line.search(
            [("forecast_id", "=", forecast.id), ("series", "=", "upper"), ("week", ">=", week)]
        )
        self.assertEqual(len(inserted), len(values))
        self.assertEqual(inserted.mapped("quantity"), orm.mapped("quantity"), digits)
        self.assertEqual(inserted.company_id, self.company)


@tagged("post_install", "-at_install")
class TestPastPostingOverRpc(ForecastCommon, JxcHttpCase):
    """Nothing a JSON-RPC caller sends posts a document on a past date."""

    def _call(self, login, method, args, context=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/jxc.stock.picking/{method}",
            {
                "model": "jxc.stock.picking",
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    def test_demo_history_is_not_callable(self):
        before = self.env["jxc.stock.picking"].search_count([])
        for login in (self.stock_manager.login, "admin"):
            with self.assertRaises(JsonRpcException) as refused:
                self._call(login, "_demo_post_sales_history", [])
            self.assertEqual(str(refused.exception), "odoo.exceptions.AccessError")
        self.env.invalidate_all()
        self.assertEqual(self.env["jxc.stock.picking"].search_count([]), before)

    def test_a_past_posting_context_over_rpc_posts_now(self):
        self._receive(self.product, 50, 1.0)
        issue = self._make_picking("out", [{"product_id": self.product.id, "quantity": 8}])
        past = fields.Datetime.now() - timedelta(weeks=3)
        issue.date = past
        self.env.flush_all()
        self._call(
            self.stock_manager.login,
            "action_done",
            [issue.ids],
            {"jxc_past_posting": "jxc-past-posting"},
        )
        self.env.invalidate_all()
        self.assertEqual(issue.state, "done")
        self.assertGreater(issue.move_ids.date, past + timedelta(weeks=2))
        self.assertGreater(issue.date_done, past + timedelta(weeks=2))
