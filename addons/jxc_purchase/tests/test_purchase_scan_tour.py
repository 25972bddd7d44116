# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.jxc_stock.tests.common import JxcHttpCase

from .common import JxcPurchaseCommon


@tagged("post_install", "-at_install")
class TestPurchaseScanTour(JxcPurchaseCommon, JxcHttpCase):
    """扫码收货 in the browser, as a stock user: product barcodes, a GS1 lot barcode with its
    expiry and an unknown code typed by a keyboard-wedge scanner into a purchase receipt
    (static/tests/tours/jxc_scan_receipt_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.water = Product.create(
            {"name": "Tour Water", "type": "consu", "barcode": "6900000009918"}
        )
        cls.milk = Product.create(
            {
                "name": "Tour Milk",
                "type": "consu",
                "tracking": "lot",
                "use_expiration_date": True,
                "barcode": "6900000009925",
            }
        )
        order = cls._make_order([(cls.water, 5, 2.0), (cls.milk, 3, 4.0)])
        order.action_confirm()
        cls.receipt = cls._receipt(order)

    def test_scan_receipt(self):
        self.start_tour(
            f"/odoo/jxc.stock.picking/{self.receipt.id}",
            "jxc_scan_receipt",
            login=self.stock_user.login,
        )
        self.assertRecordValues(
            self.receipt.line_ids,
            [
                {"product_id": self.water.id, "lot_name": False, "quantity_done": 2,
                 "expiration_date": False},
                {"product_id": self.milk.id, "lot_name": "TOUR-LOT-7", "quantity_done": 1,
                 "expiration_date": date(2027, 12, 31)},
            ],
        )  # fmt: skip
        self.assertEqual(self.receipt.line_ids.write_uid, self.stock_user)
