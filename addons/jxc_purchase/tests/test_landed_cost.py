# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import JxcPurchaseCommon


class TestLandedCost(JxcPurchaseCommon):
    """采购费用分摊, worked to the cent for each allocation method."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.weight = 2.0
        cls.product2.weight = 0.5
        cls.carrier = cls.env["res.partner"].create({"name": "Test Carrier", "is_company": True})
        order = cls._make_order(
            [
                {"product_id": cls.product.id, "quantity": 10, "price_unit": 10.00, "tax_rate": 0},
                {"product_id": cls.product2.id, "quantity": 20, "price_unit": 4.00, "tax_rate": 0},
            ]
        )
        order.action_confirm()
        cls.receipt = order.picking_ids
        cls.receipt.action_done()

    def _landed_cost(self, method, amounts=(100.00,), user=None, pickings=None):
        return (
            self.env["jxc.purchase.landed.cost"]
            .with_user(user or self.purchase_manager)
            .create(
                {
                    "picking_ids": [Command.set((pickings or self.receipt).ids)],
                    "split_method": method,
                    "cost_line_ids": [
                        Command.create(
                            {"cost_type": "freight", "partner_id": self.carrier.id, "amount": a}
                        )
                        for a in amounts
                    ],
                }
            )
        )

    def _allocation(self, cost):
        return [
            (a.product_id, a.amount, a.stock_amount, a.cogs_amount)
            for a in cost.allocation_ids.sorted("id")
        ]

    def test_by_quantity_partly_sold_and_reversed(self):
        self._issue(self.product, 4)  # 6 of the 10 left
        cost = self._landed_cost("quantity", (70.00, 30.00))
        cost.action_compute()
        self.assertEqual(
            self._allocation(cost),
            [(self.product, 33.33, 0, 0), (self.product2, 66.67, 0, 0)],
        )
        cost.action_post()
        # 10 / 30 of 100.00 = 33.33; the last line takes the rest, 66.67. Of the water's
        # 33.33, 6/10 is still in stock (20.00), 4/10 was issued (13.33 to COGS).
        self.assertEqual(
            self._allocation(cost),
            [(self.product, 33.33, 20.00, 13.33), (self.product2, 66.67, 66.67, 0.00)],
        )
        self.assertEqual(cost.state, "posted")
        water, tissue = self._valuation(self.product), self._valuation(self.product2)
        self.assertRecordValues(water, [{"quantity": 6, "value": 80.00}])
        self.assertAlmostEqual(water.average_cost, 80.00 / 6, places=4)
        self.assertRecordValues(tissue, [{"quantity": 20, "value": 146.67}])
        cogs = self.env["jxc.stock.move"].search(
            [
                ("res_model", "=", cost._name),
                ("res_id", "=", cost.id),
                ("move_type", "=", "cogs_adjust"),
            ]
        )
        self.assertEqual(-sum(cogs.mapped("value")), 13.33)
        self.assertLedgerConsistent()
        # The receipt cannot be reversed under its landed cost.
        with self.assertRaisesRegex(UserError, "landed cost"):
            self.receipt.with_user(self.stock_manager).action_reverse()

        cost.action_reverse()
        self.assertEqual(cost.state, "reversed")
        self.assertRecordValues(water, [{"quantity": 6, "value": 60.00}])
        self.assertAlmostEqual(water.average_cost, 10.00)
        self.assertRecordValues(tissue, [{"quantity": 20, "value": 80.00}])
        self.assertLedgerConsistent()
        with self.assertRaises(UserError):
            cost.action_reverse()

    def test_by_amount(self):
        cost = self._landed_cost("amount", (100.00,))
        cost.action_post()
        # Received values 100.00 and 80.00: 100/180 of 100.00 = 55.56, then 44.44.
        self.assertEqual(
            self._allocation(cost),
            [(self.product, 55.56, 55.56, 0.00), (self.product2, 44.44, 44.44, 0.00)],
        )
        self.assertRecordValues(self._valuation(self.product), [{"value": 155.56}])
        self.assertRecordValues(self._valuation(self.product2), [{"value": 124.44}])
        self.assertLedgerConsistent()

    def test_by_weight(self):
        cost = self._landed_cost("weight", (10.00,))
        cost.action_post()
        # 10 × 2.0 kg = 20 kg, 20 × 0.5 kg = 10 kg: 6.67 and 3.33.
        self.assertEqual(
            self._allocation(cost),
            [(self.product, 6.67, 6.67, 0.00), (self.product2, 3.33, 3.33, 0.00)],
        )
        self.assertEqual(cost.allocation_ids.mapped("weight"), [20.0, 10.0])
        self.assertLedgerConsistent()
        self.product2.weight = 0
        missing = self._landed_cost("weight", (10.00,))
        with self.assertRaisesRegex(UserError, "weight"):
            missing.action_post()
        self.assertEqual(missing.state, "draft")

    def test_bad_input(self):
        Move = self.env["jxc.stock.move"]
        # The demo company may have cost corrections of its own: count only new rows.
        before = Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))])
        for amounts in ((-5.00,), (0.0,)):
            cost = self._landed_cost("quantity", amounts)
            with self.assertRaisesRegex(UserError, "positive"):
                cost.action_post()
        for bad in (float("nan"), float("inf"), 1e13):
            with self.assertRaises(UserError):
                self._landed_cost("quantity", (bad,))
        # A receipt not posted yet.
        order = self._make_order([(self.product, 1, 10.00)])
        order.action_confirm()
        draft = self._landed_cost("quantity", pickings=order.picking_ids)
        with self.assertRaisesRegex(UserError, "posted purchase receipt"):
            draft.action_post()
        # Another company's receipt.
        other = self.env["res.company"].create({"name": "Other Co"})
        warehouse = self.env["jxc.stock.warehouse"].create(
            {"name": "Other WH", "code": "OWH", "company_id": other.id}
        )
        foreign = (
            self.env["jxc.stock.picking"]
            .with_company(other)
            .create(
                {
                    "picking_type": "in",
                    "warehouse_id": warehouse.id,
                    "company_id": other.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.product.id, "quantity": 1, "unit_cost": 1.0}
                        )
                    ],
                }
            )
        )
        foreign.with_company(other).action_done()
        with self.assertRaises(UserError):
            cost = self._landed_cost("quantity", pickings=self.receipt | foreign)
            cost.action_post()
        self.assertEqual(
            Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))]), before
        )
        self.assertLedgerConsistent()

    def test_access(self):
        # Purchase users see landed costs (not their allocation to the goods); only purchase
        # managers enter, post and reverse them; stock staff do not open them.
        cost = self._landed_cost("quantity")
        self.assertEqual(cost.with_user(self.purchase_user).amount_total, 100.00)
        with self.assertRaises(AccessError):
            self._landed_cost("quantity", user=self.purchase_user)
        with self.assertRaises(AccessError):
            cost.with_user(self.purchase_user).action_post()
        with self.assertRaises(AccessError):
            cost.with_user(self.stock_manager).read(["name"])
        with self.assertRaises(UserError):
            cost.with_user(self.purchase_manager).write({"state": "posted"})
        cost.with_user(self.purchase_manager).action_post()
        self.assertFieldsHidden(
            self.purchase_user, cost.allocation_ids, ["amount", "stock_amount", "cogs_amount"]
        )
        with self.assertRaises(AccessError):
            cost.with_user(self.purchase_user).action_reverse()
        with self.assertRaises(UserError):
            cost.with_user(self.purchase_manager).unlink()
        self.assertEqual(cost.state, "posted")

    def test_entered_on_the_receipt(self):
        action = self.receipt.with_user(self.purchase_manager).action_create_landed_cost()
        cost = (
            self.env["jxc.purchase.landed.cost"]
            .with_user(self.purchase_manager)
            .with_context(**action["context"])
            .create(
                {
                    "split_method": "quantity",
                    "cost_line_ids": [
                        Command.create(
                            {"cost_type": "freight", "partner_id": self.carrier.id, "amount": 30}
                        )
                    ],
                }
            )
        )
        self.assertEqual(cost.picking_ids, self.receipt)
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.purchase_user).action_create_landed_cost()
        draft = self._make_order([{"product_id": self.product.id, "quantity": 1}])
        draft.action_confirm()
        with self.assertRaisesRegex(UserError, "posted purchase receipts"):
            draft.picking_ids.with_user(self.purchase_manager).action_create_landed_cost()
