# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError

from odoo.addons.jxc_stock.gs1 import FNC1

from .common import JxcPurchaseCommon

MILK_EAN = "6900000000021"


class TestPurchaseScan(JxcPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_lot.barcode = MILK_EAN
        cls.order = cls._make_order([(cls.product, 5, 2.0), (cls.product_lot, 3, 4.0)])
        cls.order.action_confirm()
        cls.receipt = cls._receipt(cls.order)

    def _scan(self, code, document=None, user=None):
        return (document or self.receipt).with_user(user or self.stock_user).action_jxc_scan(code)

    def test_receipt_scans_count_what_arrived(self):
        self._scan("690000001")
        self._scan("690000001")
        self._scan(f"]C101{'0' + MILK_EAN}17271200" + "10M-A")
        self._scan(f"01{'0' + MILK_EAN}17271200" + "10M-A")
        # A second lot of the same order line: a line of its own.
        self._scan(f"01{'0' + MILK_EAN}10M-B{FNC1}17280131")
        water, milk = self.order.line_ids
        self.assertRecordValues(
            self.receipt.line_ids,
            [
                {"purchase_line_id": water.id, "lot_name": False, "quantity": 5,
                 "quantity_done": 2, "expiration_date": False},
                {"purchase_line_id": milk.id, "lot_name": "M-A", "quantity": 3,
                 "quantity_done": 2, "expiration_date": date(2027, 12, 31)},
                {"purchase_line_id": milk.id, "lot_name": "M-B", "quantity": 1,
                 "quantity_done": 1, "expiration_date": date(2028, 1, 31)},
            ],
        )  # fmt: skip
        with self.assertRaisesRegex(UserError, "is not on"):
            self._scan("T-TISSUE")
        self.receipt.with_user(self.stock_user).action_done()
        self.assertRecordValues(self.order.line_ids, [{"qty_received": 2}, {"qty_received": 3}])
        lots = self.receipt.line_ids.lot_id
        self.assertEqual(lots.mapped("name"), ["M-A", "M-B"])
        self.assertEqual(lots.mapped("expiration_date"), [date(2027, 12, 31), date(2028, 1, 31)])
        with self.assertRaisesRegex(UserError, "nothing can be scanned into it"):
            self._scan("690000001")

    def test_purchase_user_scans_orders_and_receipts(self):
        order = self._make_order([(self.product2, 1, 1.0)])
        self._scan("690000001", order, self.purchase_user)
        self._scan("690000001", order, self.purchase_user)
        self._scan("T-TISSUE", order, self.purchase_user)
        self.assertRecordValues(
            order.line_ids,
            [
                {"product_id": self.product2.id, "quantity": 2},
                {"product_id": self.product.id, "quantity": 2},
            ],
        )
        self.assertEqual(order.line_ids[1].uom_id, self.product.uom_id)
        self._scan("690000001", self.receipt, self.purchase_user)
        self.assertEqual(self.receipt.line_ids[0].quantity_done, 1)
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "nothing can be scanned into it"):
            self._scan("690000001", order, self.purchase_user)

    def test_stock_user_cannot_scan_into_orders(self):
        order = self._make_order([(self.product2, 1, 1.0)])
        with self.assertRaises(AccessError):
            self._scan("690000001", order, self.stock_user)
        self.assertEqual(len(order.line_ids), 1)
