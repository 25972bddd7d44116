# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.jxc_stock.tests.common import JxcHttpCase

from .common import JxcSalesCommon


@tagged("post_install", "-at_install")
class TestSaleFlowTour(JxcSalesCommon, JxcHttpCase):
    """销售 → 一键出库 → 退货 in the browser (static/tests/tours/jxc_sale_flow_tour.js): a
    salesperson sells more than is in stock and is warned; once the goods arrived, a user who
    both sells and keeps the store ships the order in one click and takes a partial return.

    One click ships as the warehouse does: stock staff post deliveries, but only sales staff
    open sale orders (a stock user alone has no access to them), hence a user with both
    groups, as the store clerk of a small shop."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.jxc_sale_shortage_policy = "allow"
        cls.widget = cls.env["product.product"].create(
            {"name": "Tour Widget", "type": "consu", "list_price": 10.0}
        )
        cls.tour_customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True}
        )
        cls.clerk = new_test_user(
            cls.env,
            email=False,
            login="jxc_store_clerk",
            groups="base.group_user,jxc_sales.group_jxc_sales_user,jxc_stock.group_jxc_stock_user",
        )
        cls._receive(cls.widget, 5, 4.0)

    def test_shortage_ship_all_return(self):
        self.start_tour(
            "/odoo/action-jxc_sales.jxc_sale_order_action/new",
            "jxc_sale_order_shortage",
            login=self.sales_user.login,
        )
        order = self.env["jxc.sale.order"].search([("partner_id", "=", self.tour_customer.id)])
        self.assertRecordValues(
            order,
            [{"state": "confirmed", "user_id": self.sales_user.id, "warehouse_id": self.wh1.id}],
        )
        self.assertRecordValues(
            order.line_ids,
            [{"product_id": self.widget.id, "quantity": 8, "qty_reserved": 5, "qty_shortage": 3}],
        )
        delivery = self._delivery(order)
        self.assertRecordValues(delivery.line_ids, [{"quantity": 8, "quantity_done": 0}])

        self._receive(self.widget, 5, 4.0)  # the goods arrived
        self.start_tour_on(order, "jxc_sale_ship_all_return", self.clerk)
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.move_ids.mapped("quantity"), [-8.0])
        self.assertEqual(delivery.move_ids.user_id, self.clerk)
        sale_return = order.picking_ids.filtered(lambda p: p.picking_type == "sale_return")
        self.assertRecordValues(sale_return, [{"state": "done", "return_of_id": delivery.id}])
        self.assertEqual(sale_return.move_ids.mapped("quantity"), [3.0])
        self.assertRecordValues(
            order.line_ids,
            [{"qty_delivered": 8, "qty_returned": 3, "qty_shortage": 0, "qty_reserved": 0}],
        )
        # 5 + 5 arrived, 8 shipped, 3 back
        self.assertEqual(self._quant(self.widget).quantity, 5.0)
        self.assertEqual(self._quant(self.widget).reserved_quantity, 0.0)
        self.assertLedgerConsistent()
