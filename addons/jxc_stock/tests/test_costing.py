# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import JxcStockCommon


class TestMovingAverage(JxcStockCommon):
    """移动加权平均, worked to the cent."""

    def _post(self, product, quantity, warehouse=None, **vals):
        return self.env["jxc.stock.move"]._post(
            [
                dict(
                    {
                        "product_id": product.id,
                        "warehouse_id": (warehouse or self.wh1).id,
                        "quantity": quantity,
                        "move_type": "in" if quantity > 0 else "out",
                        "reference": "TEST",
                    },
                    **vals,
                )
            ]
        )

    def test_worked_example(self):
        receipt1 = self._receive(self.product, 10, 10.00)
        receipt2 = self._receive(self.product, 20, 13.00)
        self.assertAlmostEqual(self._valuation(self.product).average_cost, 12.00)
        self._receive(self.product, 30, 12.50)
        valuation = self._valuation(self.product)
        self.assertRecordValues(valuation, [{"quantity": 60, "value": 735.00}])
        self.assertAlmostEqual(valuation.average_cost, 12.25)

        issue = self._issue(self.product, 25)
        self.assertRecordValues(
            issue.move_ids, [{"quantity": -25, "unit_cost": 12.25, "value": -306.25}]
        )
        self.assertRecordValues(valuation, [{"quantity": 35, "value": 428.75}])

        # A customer return of 5 of that issue comes back at the cost it left with.
        ret = self._post(self.product, 5, origin_move_id=issue.move_ids.id)
        self.assertRecordValues(ret, [{"unit_cost": 12.25, "value": 61.25}])
        self.assertRecordValues(valuation, [{"quantity": 40, "value": 490.00}])
        self.assertAlmostEqual(valuation.average_cost, 12.25)

        # A return to the supplier of 10 of receipt 2 leaves at that receipt's cost.
        self._post(self.product, -10, origin_move_id=receipt2.move_ids.id)
        self.assertRecordValues(valuation, [{"quantity": 30, "value": 360.00}])
        self.assertAlmostEqual(valuation.average_cost, 12.00)

        # A transfer carries value from one warehouse to the other; the company total stays.
        transfer = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 6}], self.wh1, self.wh2
        )
        transfer.action_done()
        self.assertRecordValues(
            transfer.move_ids.sorted("quantity"),
            [
                {
                    "warehouse_id": self.wh1.id,
                    "quantity": -6,
                    "value": -72.00,
                    "move_type": "internal_out",
                },
                {
                    "warehouse_id": self.wh2.id,
                    "quantity": 6,
                    "value": 72.00,
                    "move_type": "internal_in",
                },
            ],
        )
        self.assertRecordValues(valuation, [{"quantity": 30, "value": 360.00}])
        self.assertRecordValues(
            self._quant(self.product, self.wh1), [{"quantity": 24, "value": 288.00}]
        )
        self.assertRecordValues(
            self._quant(self.product, self.wh2), [{"quantity": 6, "value": 72.00}]
        )
        self.assertEqual(receipt1.move_ids.unit_cost, 10.00)
        # Stock value == sum of ledger values, per product.
        moves = self.env["jxc.stock.move"].search([("product_id", "=", self.product.id)])
        self.assertAlmostEqual(sum(moves.mapped("value")), 360.00)
        self.assertLedgerConsistent()

    def test_emptying_stock_leaves_no_value(self):
        """Rounding never leaves cents behind when the last unit goes out."""
        self._receive(self.product, 1, 100.00, uom_id=self.uom_dozen.id)  # 12 × 8.3333…
        valuation = self._valuation(self.product)
        self.assertEqual(valuation.value, 100.00)
        self.assertEqual(self._issue(self.product, 4).move_ids.value, -33.33)
        self.assertEqual(self._issue(self.product, 4).move_ids.value, -33.33)
        self.assertEqual(self._issue(self.product, 4).move_ids.value, -33.34)
        self.assertRecordValues(valuation, [{"quantity": 0, "value": 0.0}])
        self.assertLedgerConsistent()

    def test_receipt_in_bigger_unit_converts_cost(self):
        """2 dozen at 120.00 a dozen enter as 24 units at 10.00."""
        self._receive(self.product, 2, 120.00, uom_id=self.uom_dozen.id)
        self.assertRecordValues(self._quant(self.product), [{"quantity": 24, "value": 240.00}])
        self.assertAlmostEqual(self._valuation(self.product).average_cost, 10.00)

    def test_receipt_without_cost_uses_average(self):
        self._receive(self.product, 10, 8.00)
        picking = self._make_picking("in", [{"product_id": self.product.id, "quantity": 5}])
        self.assertEqual(picking.line_ids.unit_cost, 8.00)
        picking.action_done()
        self.assertEqual(picking.move_ids.value, 40.00)
