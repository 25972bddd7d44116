# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command

from .common import JxcSalesCommon


class TestSaleAccess(JxcSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 3.0)

    def test_sales_user_sells_sees_stock_but_never_changes_it(self):
        env = self.env(user=self.sales_user)
        order = env["jxc.sale.order"].create(
            {
                "partner_id": self.customer.id,
                "warehouse_id": self.wh1.id,
                "line_ids": [Command.create({"product_id": self.product.id, "quantity": 4})],
            }
        )
        self.assertEqual(order.line_ids.available_quantity, 10)
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        quant = env["jxc.stock.quant"].search(
            [("product_id", "=", self.product.id), ("warehouse_id", "=", self.wh1.id)]
        )
        self.assertEqual(quant.available_quantity, 6)
        delivery = order.picking_ids
        with self.assertRaises(AccessError):
            delivery.with_user(self.sales_user).action_done()
        for model in ("jxc.stock.picking", "jxc.stock.quant", "jxc.stock.move"):
            with self.assertRaises(AccessError, msg=model):
                env[model].check_access("write")
        with self.assertRaises(AccessError):
            env["jxc.stock.picking"].create({"picking_type": "in", "warehouse_id": self.wh1.id})

    def test_stock_user_ships_without_seeing_orders(self):
        order = self._make_order([(self.product, 4)])
        order.action_confirm()
        delivery = order.picking_ids.with_user(self.stock_user)
        with self.assertRaises(AccessError):
            order.with_user(self.stock_user).read(["amount_total"])
        delivery.action_done()
        self.assertEqual(order.state, "done")
        self.assertEqual(self._quant(self.product).quantity, 6)

    def test_stock_user_ships_part_and_leaves_a_backorder(self):
        order = self._make_order([(self.product, 4)])
        order.action_confirm()
        delivery = order.picking_ids.with_user(self.stock_user)
        delivery.line_ids.quantity_done = 3
        self.env.invalidate_all()
        delivery.action_done()
        backorder = order.picking_ids - delivery
        self.assertRecordValues(
            backorder, [{"state": "draft", "backorder_id": delivery.id, "picking_type": "sale_out"}]
        )
        self.assertEqual(backorder.line_ids.quantity, 1)
        self.assertEqual(order.line_ids.qty_delivered, 3)
        self.assertEqual(self._quant(self.product).quantity, 7)

    def test_margin_only_for_managers(self):
        order = self._make_order([(self.product, 4)])
        with self.assertRaises(AccessError):
            order.with_user(self.sales_user).read(["margin"])
        self.assertTrue(order.with_user(self.sales_manager).read(["margin"]))
