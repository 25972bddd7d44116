# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import JxcStockCommon


class TestCostAdjustment(JxcStockCommon):
    """成本调整单: value-only corrections approved by a stock manager, reversed by 红冲."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 10.00)

    def _adjustment(self, lines, user=None, warehouse=None):
        return (
            self.env["jxc.stock.cost.adjustment"]
            .with_user(user or self.stock_manager)
            .create(
                {
                    "warehouse_id": (warehouse or self.wh1).id,
                    "reason": "Supplier rebate",
                    "line_ids": [Command.create(line) for line in lines],
                }
            )
        )

    def test_post_and_reverse(self):
        adjustment = self._adjustment([{"product_id": self.product.id, "value_change": 15.00}])
        self.assertTrue(adjustment.name.startswith("CBTZ/"))
        self.assertEqual(adjustment.line_ids.quantity_on_hand, 10)
        self.assertEqual(adjustment.line_ids.current_average, 10.00)
        adjustment.action_post()
        self.assertRecordValues(
            adjustment, [{"state": "posted", "posted_by_id": self.stock_manager.id}]
        )
        self.assertRecordValues(
            adjustment.line_ids.move_id,
            [{"move_type": "cost_adjust", "quantity": 0, "value": 15.00, "res_id": adjustment.id}],
        )
        valuation = self._valuation(self.product)
        self.assertRecordValues(valuation, [{"quantity": 10, "value": 115.00}])
        self.assertAlmostEqual(valuation.average_cost, 11.50)
        self.assertEqual(adjustment.amount_total, 15.00)
        self.assertLedgerConsistent()
        with self.assertRaises(UserError):
            adjustment.with_user(self.stock_manager).write({"reason": "changed"})
        with self.assertRaises(UserError):
            adjustment.with_user(self.stock_manager).unlink()

        adjustment.with_user(self.stock_manager).action_reverse()
        self.assertEqual(adjustment.state, "reversed")
        self.assertRecordValues(valuation, [{"quantity": 10, "value": 100.00}])
        self.assertEqual(adjustment.move_count, 2)
        self.assertLedgerConsistent()
        with self.assertRaises(UserError):
            adjustment.action_reverse()

    def test_new_unit_cost(self):
        self._receive(self.product2, 3, 3.33)
        adjustment = self._adjustment(
            [{"product_id": self.product2.id, "adjust_by": "unit_cost", "new_unit_cost": 4.00}]
        )
        adjustment.action_post()
        # 3 × 4.00 = 12.00 against 9.99 in stock: +2.01.
        self.assertEqual(adjustment.line_ids.posted_value, 2.01)
        self.assertRecordValues(self._valuation(self.product2), [{"value": 12.00}])
        self.assertAlmostEqual(self._valuation(self.product2).average_cost, 4.00)
        self.assertLedgerConsistent()

    def test_refused(self):
        Move = self.env["jxc.stock.move"]
        # The demo company may have cost corrections of its own: count only new rows.
        before = Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))])
        # Stock value below zero (Odoo #187169).
        negative = self._adjustment([{"product_id": self.product.id, "value_change": -100.01}])
        with self.assertRaisesRegex(UserError, "negative"):
            negative.action_post()
        # No stock of the product in the warehouse.
        none = self._adjustment([{"product_id": self.product2.id, "value_change": 5.00}])
        with self.assertRaisesRegex(UserError, "no stock"):
            none.action_post()
        elsewhere = self._adjustment(
            [{"product_id": self.product.id, "value_change": 5.00}], warehouse=self.wh2
        )
        with self.assertRaisesRegex(UserError, "no stock"):
            elsewhere.action_post()
        zero = self._adjustment([{"product_id": self.product.id, "value_change": 0}])
        with self.assertRaisesRegex(UserError, "changes no value"):
            zero.action_post()
        negative_cost = self._adjustment(
            [{"product_id": self.product.id, "adjust_by": "unit_cost", "new_unit_cost": -1}]
        )
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            negative_cost.action_post()
        for bad in (float("nan"), 1e13):
            with self.assertRaises(UserError):
                self._adjustment([{"product_id": self.product.id, "value_change": bad}])
        self.assertEqual(
            Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))]), before
        )
        self.assertEqual(
            (negative | none | elsewhere | zero | negative_cost).mapped("state"), ["draft"] * 5
        )
        # Reversing what the stock no longer carries.
        adjustment = self._adjustment([{"product_id": self.product.id, "value_change": 15.00}])
        adjustment.action_post()
        self._issue(self.product, 10)
        with self.assertRaisesRegex(UserError, "no stock on hand"):
            adjustment.action_reverse()
        self.assertEqual(adjustment.state, "posted")
        self.assertLedgerConsistent()

    def test_access(self):
        # Stock users read adjustments, without their values; only managers draft and post.
        with self.assertRaises(AccessError):
            self._adjustment(
                [{"product_id": self.product.id, "value_change": 1.0}], user=self.stock_user
            )
        adjustment = self._adjustment([{"product_id": self.product.id, "value_change": 1.0}])
        self.assertEqual(adjustment.with_user(self.stock_user).reason, "Supplier rebate")
        self.assertFieldsHidden(
            self.stock_user, adjustment.line_ids, ["value_change", "new_unit_cost", "posted_value"]
        )
        self.assertFieldsHidden(self.stock_user, adjustment, ["amount_total"])
        with self.assertRaises(AccessError):
            adjustment.with_user(self.stock_user).action_post()
        # Nobody moves the state by hand.
        with self.assertRaises(UserError):
            adjustment.with_user(self.stock_manager).write({"state": "posted"})
        # Another company's users see nothing.
        other = self.env["res.company"].create({"name": "Other Co"})
        outsider = new_test_user(
            self.env,
            login="cost_outsider",
            email=False,
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
        )
        with self.assertRaises(AccessError):
            adjustment.with_user(outsider).read(["reason"])
        with self.assertRaises(AccessError):
            adjustment.with_user(outsider).action_post()
        self.assertEqual(adjustment.state, "draft")
        adjustment.with_user(self.stock_manager).action_post()
        self.assertEqual(adjustment.state, "posted")
