# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from .common import JxcSalesCommon


class TestSaleScan(JxcSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls.env["jxc.stock.lot"].create(
            {"name": "S-LOT", "product_id": cls.product_lot.id, "barcode": "S-LOT-BC"}
        )
        stock = cls.env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": cls.wh1.id,
                "line_ids": [
                    Command.create({"product_id": cls.product.id, "quantity": 10}),
                    Command.create(
                        {"product_id": cls.product_lot.id, "lot_id": cls.lot.id, "quantity": 10}
                    ),
                ],
            }
        )
        stock.action_done()

    def test_salesperson_scans_a_quotation(self):
        order = self._make_order([])
        order.with_user(self.sales_user).action_jxc_scan("690000001")
        order.with_user(self.sales_user).action_jxc_scan("690000001")
        # Orders name no lots: a lot's barcode orders its product.
        order.with_user(self.sales_user).action_jxc_scan("S-LOT-BC")
        self.assertRecordValues(
            order.line_ids,
            [
                {"product_id": self.product.id, "quantity": 2, "price_unit": 10.0},
                {"product_id": self.product_lot.id, "quantity": 1, "price_unit": 1.0},
            ],
        )
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "nothing can be scanned into it"):
            order.with_user(self.sales_user).action_jxc_scan("690000001")

    def test_delivery_scans(self):
        order = self._make_order([(self.product, 3), (self.product_lot, 2)])
        order.action_confirm()
        delivery = self._delivery(order)
        with self.assertRaises(AccessError):
            delivery.with_user(self.sales_user).action_jxc_scan("690000001")
        delivery.with_user(self.stock_user).action_jxc_scan("690000001")
        delivery.with_user(self.stock_user).action_jxc_scan("S-LOT-BC")
        self.assertEqual(delivery.line_ids.mapped("quantity_done"), [1, 1])
        self.assertEqual(delivery.line_ids[1].lot_id, self.lot)
        delivery.with_user(self.stock_user).action_done()
        self.assertEqual(order.line_ids.mapped("qty_delivered"), [1, 1])
