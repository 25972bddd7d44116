# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecasts and their rules as a hostile caller sees them (#18 review): the levels in force
cannot be written by hand, odd time zones leave the weeks on Mondays, the set-based chart
points round as the ORM does, and nothing over JSON-RPC posts on a past date."""

from odoo.exceptions import AccessError, UserError

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
