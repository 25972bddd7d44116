# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common import JxcHttpCase, JxcStockCommon


@tagged("post_install", "-at_install")
class TestScanTour(JxcStockCommon, JxcHttpCase):
    """扫码盘点 in the browser, as a stock user: the scan box takes a keyboard-wedge
    scanner's characters and Enter (static/tests/tours/jxc_scan_count_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        water = cls.env["product.product"].create(
            {"name": "Tour Water", "type": "consu", "barcode": "6900000009918"}
        )
        milk = cls.env["product.product"].create(
            {"name": "Tour Milk", "type": "consu", "tracking": "lot"}
        )
        lot = cls.env["jxc.stock.lot"].create(
            {"name": "TOUR-LOT", "product_id": milk.id, "barcode": "TOUR-LOT-BC"}
        )
        stock = cls.env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": cls.wh1.id,
                "line_ids": [
                    Command.create({"product_id": water.id, "quantity": 7}),
                    Command.create({"product_id": milk.id, "lot_id": lot.id, "quantity": 4}),
                ],
            }
        )
        stock.action_done()
        cls.count = cls.env["jxc.stock.count"].create(
            {"warehouse_id": cls.wh1.id, "product_ids": [Command.set((water | milk).ids)]}
        )
        cls.count.action_start()
        cls.water, cls.milk, cls.lot = water, milk, lot

    def test_scan_count(self):
        self.start_tour(
            f"/odoo/jxc.stock.count/{self.count.id}", "jxc_scan_count", login=self.stock_user.login
        )
        self.assertRecordValues(
            self.count.line_ids.sorted(lambda ln: ln.product_id.id),
            [
                {"product_id": self.water.id, "lot_id": False, "counted_quantity": 2},
                {"product_id": self.milk.id, "lot_id": self.lot.id, "counted_quantity": 2},
            ],
        )
        self.assertTrue(all(self.count.line_ids.mapped("is_counted")))
        self.assertEqual(self.count.line_ids.write_uid, self.stock_user)
