# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bounded numbers (issue #11 item 6): NaN, text, infinities and huge values get a clear,
translated error naming the document, the line and the value, and nothing is written."""

from odoo.exceptions import UserError

from .common import JxcStockCommon

BAD = [
    (float("nan"), "must be a finite number"),
    (float("inf"), "must be a finite number"),
    ("12 boxes", "must be a number"),
    (1e20, "must be between"),
    (-1e20, "must be between"),
]


class TestBoundedNumbers(JxcStockCommon):
    def _counts(self):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT (SELECT COUNT(*) FROM jxc_stock_picking), "
            "(SELECT COUNT(*) FROM jxc_stock_picking_line), "
            "(SELECT COUNT(*) FROM jxc_stock_move), (SELECT COUNT(*) FROM jxc_stock_reservation)"
        )
        return self.env.cr.fetchone()

    def test_document_lines(self):
        picking = self._make_picking("in", [{"product_id": self.product.id, "quantity": 5}])
        line = picking.line_ids
        before = self._counts()
        for field in ("quantity", "quantity_done", "unit_cost"):
            for value, message in BAD:
                with self.subTest(field=field, value=value):
                    with self.assertRaisesRegex(UserError, f"{picking.name}, line 1: .*{message}"):
                        line.with_user(self.stock_user).write({field: value})
                    with self.assertRaisesRegex(UserError, message):
                        self._make_picking("in", [{"product_id": self.product.id, field: value}])
        self.assertEqual(self._counts(), before)
        self.assertRecordValues(line, [{"quantity": 5.0, "quantity_done": 0.0}])

    def test_values_within_bounds_still_post(self):
        receipt = self._receive(self.product, 1e6, 999.99)
        self.assertRecordValues(receipt.move_ids, [{"quantity": 1e6, "value": 999990000.0}])

    def test_reservation_api(self):
        self._receive(self.product, 10, 1.0)
        partner = self.env["res.partner"].create({"name": "Demand"})
        before = self._counts()
        for value, message in BAD:
            with self.subTest(value=value), self.assertRaisesRegex(UserError, message):
                self.env["jxc.stock.reservation"].reserve(
                    [
                        {
                            "product_id": self.product.id,
                            "warehouse_id": self.wh1.id,
                            "quantity": value,
                            "res_model": "res.partner",
                            "res_id": partner.id,
                            "name": "Demand 1",
                        }
                    ]
                )
        self.assertEqual(self._counts(), before)

    def test_rules_and_company_settings(self):
        rule = self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 5,
                "max_quantity": 20,
            }
        )
        for value, message in BAD:
            with self.subTest(value=value):
                with self.assertRaisesRegex(UserError, message):
                    rule.write({"min_quantity": value})
                with self.assertRaisesRegex(UserError, message):
                    self.company.write({"jxc_expiry_alert_days": value})
        self.assertEqual(rule.min_quantity, 5)
