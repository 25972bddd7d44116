# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import JxcStockCommon


class TestCostCorrection(JxcStockCommon):
    """The engine of cost corrections (landed cost, invoice price difference): value-only
    rows, the split between stock and cost of goods sold, worked to the cent."""

    def _correct(self, picking, amount, **kwargs):
        return self.env["jxc.stock.move"]._post_cost_corrections(
            [
                {
                    "picking_line": picking.line_ids,
                    "amount": amount,
                    "reference": "CORR",
                    "res_model": picking._name,
                    "res_id": picking.id,
                }
            ],
            **kwargs,
        )[0]

    def _cogs(self, product):
        moves = self.env["jxc.stock.move"].search(
            [("product_id", "=", product.id), ("move_type", "=", "cogs_adjust")]
        )
        return -sum(moves.mapped("value"))

    def test_split_between_stock_and_cogs(self):
        receipt = self._receive(self.product, 10, 10.00)
        self._issue(self.product, 4)
        result = self.env["jxc.stock.move"]._post_cost_correction(
            receipt.line_ids, 25.00, "freight", reference="CORR"
        )
        # 6 of the 10 received are still in stock: 6/10 of 25.00 into the average.
        self.assertEqual((result["stock"], result["cogs"]), (15.00, 10.00))
        self.assertRecordValues(
            result["moves"].sorted("id"),
            [
                {
                    "move_type": "cost_adjust",
                    "quantity": 0,
                    "value": 25.00,
                    "unit_cost": 0,
                    "warehouse_id": self.wh1.id,
                    "origin_move_id": receipt.move_ids.id,
                },
                {
                    "move_type": "cogs_adjust",
                    "quantity": 0,
                    "value": -10.00,
                    "unit_cost": 0,
                    "warehouse_id": self.wh1.id,
                    "origin_move_id": receipt.move_ids.id,
                },
            ],
        )
        valuation = self._valuation(self.product)
        self.assertRecordValues(valuation, [{"quantity": 6, "value": 75.00}])
        self.assertAlmostEqual(valuation.average_cost, 12.50)
        self.assertRecordValues(self._quant(self.product), [{"quantity": 6, "value": 75.00}])
        self.assertEqual(self._cogs(self.product), 10.00)
        self.assertLedgerConsistent()
        # The next issue leaves at the corrected average.
        issue = self._issue(self.product, 2)
        self.assertEqual(issue.move_ids.value, -25.00)

        # 红冲 mirrors the rows: the average is back where it was before the correction.
        result["moves"]._reverse_value_rows({"reference": "CORR-R"})
        self.assertRecordValues(valuation, [{"quantity": 4, "value": 35.00}])
        self.assertEqual(self._cogs(self.product), 0.00)
        self.assertLedgerConsistent()

    def test_decrease_limited_to_stock_value(self):
        receipt = self._receive(self.product, 10, 10.00)
        self._issue(self.product, 4)
        # 6/10 of -200.00 is -120.00, more than the 60.00 in stock: the stock goes to zero,
        # never below; the rest lowers the cost of goods sold.
        with self.assertRaisesRegex(UserError, "negative"):
            self._correct(receipt, -200.00, limit_stock=False)
        self.assertRecordValues(self._valuation(self.product), [{"quantity": 6, "value": 60.00}])
        result = self._correct(receipt, -200.00)
        self.assertEqual((result["stock"], result["cogs"]), (-60.00, -140.00))
        valuation = self._valuation(self.product)
        self.assertRecordValues(valuation, [{"quantity": 6, "value": 0.00, "average_cost": 0}])
        self.assertEqual(self._cogs(self.product), -140.00)
        self.assertLedgerConsistent()

    def test_all_sold(self):
        receipt = self._receive(self.product, 5, 8.00)
        self._issue(self.product, 5)
        result = self._correct(receipt, 7.77)
        self.assertEqual((result["stock"], result["cogs"]), (0.00, 7.77))
        self.assertRecordValues(self._valuation(self.product), [{"quantity": 0, "value": 0}])
        self.assertEqual(self._cogs(self.product), 7.77)
        self.assertLedgerConsistent()

    def test_rounding_and_newest_receipt_first(self):
        older = self._receive(self.product, 3, 10.00)
        newer = self._receive(self.product, 3, 10.00)
        self._issue(self.product, 4)  # 2 left: taken as the newest receipt's
        results = self.env["jxc.stock.move"]._post_cost_corrections(
            [
                {"picking_line": older.line_ids, "amount": 10.00, "reference": "C1"},
                {"picking_line": newer.line_ids, "amount": 10.00, "reference": "C2"},
            ]
        )
        self.assertEqual((results[0]["stock"], results[0]["cogs"]), (0.00, 10.00))
        # 2/3 of 10.00 = 6.666…: 6.67 into stock, 3.33 to cost of goods sold.
        self.assertEqual((results[1]["stock"], results[1]["cogs"]), (6.67, 3.33))
        self.assertRecordValues(self._valuation(self.product), [{"quantity": 2, "value": 26.67}])
        self.assertLedgerConsistent()

    def test_bad_input(self):
        receipt = self._receive(self.product, 10, 10.00)
        for amount in (float("nan"), float("inf"), 1e13, "12"):
            with self.assertRaises(UserError):
                self._correct(receipt, amount)
        draft = self._make_picking("in", [{"product_id": self.product.id, "quantity": 1}])
        with self.assertRaisesRegex(UserError, "posted document"):
            self._correct(draft, 5.00)
        issue = self._issue(self.product, 1)
        with self.assertRaisesRegex(UserError, "posted document"):
            self._correct(issue, 5.00)
        # A value-only row never carries a quantity, nor lacks its value.
        Move = self.env["jxc.stock.move"]
        # The demo company may have cost corrections of its own: count only new rows.
        before = Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))])
        base = {"product_id": self.product.id, "warehouse_id": self.wh1.id, "reference": "X"}
        with self.assertRaisesRegex(UserError, "moves no quantity"):
            Move._post([dict(base, move_type="cost_adjust", quantity=1, value=5.0)])
        with self.assertRaisesRegex(UserError, "needs a value"):
            Move._post([dict(base, move_type="cost_adjust", quantity=0)])
        self.assertEqual(
            Move.search_count([("move_type", "in", ("cost_adjust", "cogs_adjust"))]), before
        )
        self.assertLedgerConsistent()

    def test_value_without_stock_refused(self):
        self._receive(self.product, 2, 10.00)
        self._issue(self.product, 2)
        with self.assertRaisesRegex(UserError, "no stock on hand"):
            self.env["jxc.stock.move"]._post_value_adjustments(
                [{"product_id": self.product.id, "warehouse_id": self.wh1.id, "value": 5.0}]
            )

    def test_integrity_flags_negative_average(self):
        self._receive(self.product, 2, 10.00)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jxc_stock_valuation SET average_cost = -1 WHERE product_id = %s",
            [self.product.id],
        )
        types = {m["check_type"] for m in self.env["jxc.stock.integrity"]._find_mismatches()}
        self.assertIn("negative_average", types)
