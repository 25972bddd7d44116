# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import JxcStockCommon


class TestReplenishment(JxcStockCommon):
    def _suggestions(self):
        self.env["jxc.stock.replenish"].action_compute()
        return self.env["jxc.stock.replenish"].search([("warehouse_id", "=", self.wh1.id)])

    def test_suggestion_explains_itself(self):
        self._receive(self.product, 30, 1.0)
        self.env["jxc.stock.reservation"].reserve(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 12,
                    "res_model": "res.partner",
                    "res_id": 1,
                }
            ]
        )
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 20,
                "max_quantity": 100,
            }
        )
        suggestion = self._suggestions()
        self.assertRecordValues(
            suggestion,
            [
                {
                    "on_hand": 30,
                    "reserved": 12,
                    "incoming": 0,
                    "projected": 18,
                    "suggested_quantity": 82,
                }
            ],
        )
        self.assertEqual(
            suggestion.with_context(lang="en_US").explanation,
            "On hand 30 − reserved 12 − shortage 0 + incoming 0 = 18 < min 20 → "
            "up to max 100, suggest 82",
        )

    def test_shortage_counts_and_multiple_rounds_up(self):
        self._receive(self.product, 5, 1.0)
        self.env["jxc.stock.reservation"].reserve(
            [
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "quantity": 8,
                    "res_model": "res.partner",
                    "res_id": 1,
                }
            ],
            mode="partial",
        )
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 10,
                "max_quantity": 40,
                "multiple": 12,
            }
        )
        suggestion = self._suggestions()
        # 5 − 5 − 3 + 0 = −3; up to 40 needs 43 → 48 (4 × 12).
        self.assertRecordValues(
            suggestion, [{"shortage": 3, "projected": -3, "suggested_quantity": 48}]
        )
        self.assertIn("multiple of 12", suggestion.with_context(lang="en_US").explanation)

    def test_no_suggestion_above_min(self):
        self._receive(self.product, 50, 1.0)
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 20,
                "max_quantity": 100,
            }
        )
        self.assertFalse(self._suggestions())

    def test_min_from_usage(self):
        self._receive(self.product, 100, 1.0)
        self._issue(self.product, 60)  # 2 a day over 30 days
        rule = self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 0,
                "max_quantity": 0,
                "lead_days": 25,
                "min_from_usage": True,
            }
        )
        self.assertAlmostEqual(rule.effective_min, 50)
        suggestion = self._suggestions()
        self.assertRecordValues(
            suggestion, [{"projected": 40, "min_quantity": 50, "suggested_quantity": 10}]
        )

    def test_usage_min_refreshed_when_a_stock_user_computes(self):
        """Stock users read the rules only: computing suggestions after a usage-based rule's
        usage changed refreshes its min in force all the same."""
        self._receive(self.product, 100, 1.0)
        rule = self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "lead_days": 25,
                "min_from_usage": True,
            }
        )
        self._issue(self.product, 60)  # 2 a day over 30 days, after the rule's last refresh
        Replenish = self.env["jxc.stock.replenish"].with_user(self.stock_user)
        Replenish.action_compute()
        self.assertAlmostEqual(rule.effective_min, 50)
        self.assertRecordValues(
            Replenish.search([("rule_id", "=", rule.id)]),
            [{"projected": 40, "min_quantity": 50, "suggested_quantity": 10}],
        )

    def test_large_quantities_in_words(self):
        """Millions are written out in the explanation (1,234,567), not 1.23457e+06."""
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 1234567,
                "max_quantity": 2345678,
            }
        )
        suggestion = self._suggestions()
        self.assertEqual(suggestion.suggested_quantity, 2345678)
        self.assertIn(
            "< min 1,234,567 → up to max 2,345,678, suggest 2,345,678",
            suggestion.with_context(lang="en_US").explanation,
        )

    def test_levels_out_of_bounds_name_their_rule(self):
        """A rule whose levels come to more than a quantity can hold is named, instead of
        an error on a suggestion nobody can find; lead time and review period are bounded."""
        Rule = self.env["jxc.stock.rule"]
        rule = Rule.create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 1e9,
                "max_quantity": 1e9,
                "multiple": 7e8,  # 1e9 rounds up to 1.4e9
            }
        )
        with self.assertRaisesRegex(UserError, "T-WATER.*@ TWH1.*1,400,000,000"):
            self.env["jxc.stock.replenish"].action_compute()
        for field, value in (("lead_days", 3651), ("review_weeks", 521)):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                rule.write({field: value})
        self.assertRecordValues(rule, [{"lead_days": 7, "review_weeks": 1}])

    def test_rule_validation(self):
        Rule = self.env["jxc.stock.rule"]
        with (
            self.assertRaisesRegex(ValidationError, "max .* is below min"),
            self.env.cr.savepoint(),
        ):
            Rule.create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "min_quantity": 10,
                    "max_quantity": 5,
                }
            )
        with (
            self.assertRaisesRegex(ValidationError, "multiple must be positive"),
            self.env.cr.savepoint(),
        ):
            Rule.create(
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh1.id,
                    "min_quantity": 1,
                    "max_quantity": 5,
                    "multiple": 0,
                }
            )
