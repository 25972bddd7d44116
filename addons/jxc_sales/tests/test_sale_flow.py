# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import Form

from .common import JxcSalesCommon


class TestSaleFlow(JxcSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 50, 6.0)
        cls._receive(cls.product2, 20, 2.0)

    def test_confirm_reserves_and_creates_delivery(self):
        order = self._make_order([(self.product, 10), (self.product2, 5)])
        self.assertTrue(order.name.startswith("SO/"))
        self.assertEqual(order.line_ids.mapped("price_unit"), [10.0, 4.0])
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        self.assertRecordValues(order.line_ids, [{"qty_reserved": 10}, {"qty_reserved": 5}])
        self.assertRecordValues(
            self._quant(self.product), [{"reserved_quantity": 10, "available_quantity": 40}]
        )
        delivery = self._delivery(order)
        self.assertTrue(delivery.name.startswith("XC/"))
        self.assertRecordValues(delivery.line_ids, [{"quantity": 10}, {"quantity": 5}])
        with self.assertRaisesRegex(UserError, "never reserved twice"):
            order.action_confirm()
        self.assertEqual(self._quant(self.product).reserved_quantity, 10)
        self.assertLedgerConsistent()

    def test_one_click_delivery_posts_cogs_and_consumes_reservation(self):
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.action_done()
        self.assertRecordValues(
            delivery.move_ids,
            [{"quantity": -10, "unit_cost": 6.0, "value": -60.0, "move_type": "sale_out"}],
        )
        self.assertRecordValues(
            self._quant(self.product), [{"quantity": 40, "reserved_quantity": 0}]
        )
        self.assertRecordValues(
            order.line_ids, [{"qty_delivered": 10, "qty_to_deliver": 0, "qty_reserved": 0}]
        )
        self.assertEqual(order.state, "done")
        self.assertEqual(delivery.move_ids.sale_id, order, "ledger row → order")
        self.assertLedgerConsistent()

    def test_partial_delivery_backorder_and_return(self):
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        delivery = self._delivery(order)
        # One delivery: its button opens it.
        action = order.action_view_deliveries()
        self.assertEqual((action["res_id"], action["view_mode"]), (delivery.id, "form"))
        delivery.line_ids.quantity_done = 4
        delivery.action_done()
        self.assertRecordValues(order.line_ids, [{"qty_delivered": 4, "qty_reserved": 6}])
        backorder = self._delivery(order)
        self.assertRecordValues(backorder, [{"backorder_id": delivery.id}])
        # Two: the list of this order's deliveries.
        action = order.action_view_deliveries()
        self.assertEqual(action["view_mode"], "list,form")
        self.assertEqual(
            self.env["jxc.stock.picking"].search(action["domain"]), delivery | backorder
        )
        self.assertEqual(backorder.line_ids.quantity, 6)
        # The customer sends 1 back from the first delivery, at the cost it left with.
        self._receive(self.product, 10, 12.0)  # the average moves
        action = delivery.action_create_sale_return()
        sale_return = self.env["jxc.stock.picking"].browse(action["res_id"])
        self.assertTrue(sale_return.name.startswith("XT/"))
        sale_return.line_ids.quantity = 1
        sale_return.action_done()
        self.assertRecordValues(
            sale_return.move_ids,
            [{"quantity": 1, "unit_cost": 6.0, "value": 6.0, "move_type": "sale_return"}],
        )
        self.assertEqual(order.line_ids.qty_returned, 1)
        backorder.action_done()
        self.assertEqual(order.state, "done")
        self.assertLedgerConsistent()

    def test_cancel_after_partial_delivery(self):
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.line_ids.quantity_done = 3
        delivery.action_done()
        order.action_cancel()
        self.assertRecordValues(order, [{"state": "done"}])
        self.assertRecordValues(
            order.line_ids, [{"qty_delivered": 3, "qty_cancelled": 7, "qty_reserved": 0}]
        )
        self.assertRecordValues(
            self._quant(self.product), [{"quantity": 47, "reserved_quantity": 0}]
        )
        self.assertFalse(self._delivery(order))
        self.assertLedgerConsistent()

    def test_cancel_before_delivery_releases_everything(self):
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(self._quant(self.product).reserved_quantity, 0)

    def test_block_policy_lists_every_short_product(self):
        order = self._make_order([(self.product, 60), (self.product2, 25)])
        with self.assertRaises(UserError) as error:
            order.action_confirm()
        self.assertIn("needed 60 Units, available 50", str(error.exception))
        self.assertIn("needed 25 Units, available 20", str(error.exception))
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)
        self.assertEqual(self._quant(self.product).reserved_quantity, 0)

    def test_allow_policy_records_shortage(self):
        self.company.jxc_sale_shortage_policy = "allow"
        order = self._make_order([(self.product, 60)])
        order.action_confirm()
        self.assertRecordValues(order.line_ids, [{"qty_reserved": 50, "qty_shortage": 10}])
        delivery = self._delivery(order)
        with self.assertRaisesRegex(UserError, "cannot issue 60 Units.*only 50 available"):
            delivery.action_done()
        delivery.line_ids.quantity_done = 50
        delivery.action_done()
        self.assertEqual(order.line_ids.qty_delivered, 50)
        self.assertEqual(self._delivery(order).line_ids.quantity, 10)

    def test_pricelist_discount_and_tax(self):
        self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.pricelist.id,
                "applied_on": "0_product_variant",
                "product_id": self.product.id,
                "min_quantity": 20,
                "compute_price": "fixed",
                "fixed_price": 9.0,
            }
        )
        order = self._make_order([(self.product, 5), (self.product, 20)])
        self.assertEqual(order.line_ids.mapped("price_unit"), [10.0, 9.0])
        order.line_ids[1].discount = 10.0
        order.line_ids[1].tax_rate = 13.0
        order.line_ids[0].tax_rate = 0.0
        # 5 × 10 = 50; 20 × 9 × 90 % = 162, tax 21.06.
        self.assertRecordValues(
            order, [{"amount_untaxed": 212.0, "amount_tax": 21.06, "amount_total": 233.06}]
        )
        order.action_confirm()
        again = self._make_order([(self.product, 1)])
        self.assertAlmostEqual(again.line_ids.last_price, 8.1, msg="net of discount")

    def test_margin_for_managers(self):
        order = self._make_order([(self.product, 10, 10.0)])
        order.line_ids.tax_rate = 0
        self.assertEqual(order.with_user(self.sales_manager).margin, 40.0)
        self.assertNotIn("margin", order.with_user(self.sales_user).fields_get())

    def test_availability_warning_while_editing(self):
        with Form(self.env["jxc.sale.order"]) as form:
            form.partner_id = self.customer
            form.warehouse_id = self.wh1
            with form.line_ids.new() as line:
                line.product_id = self.product
                line.quantity = 5
                self.assertEqual(line.available_quantity, 50)
        order = form.record
        self.assertFalse(order.has_shortage)
        order.line_ids.quantity = 70
        self.assertTrue(order.has_shortage)
        warning = order.line_ids._onchange_check_availability()
        self.assertIn("70 Units ordered, 50 available", warning["warning"]["message"])

    def test_lots_delivered_fefo(self):
        soon, late = self.env["jxc.stock.lot"].create(
            [
                {
                    "name": "S-SOON",
                    "product_id": self.product_lot.id,
                    "expiration_date": date.today() + timedelta(days=5),
                },
                {
                    "name": "S-LATE",
                    "product_id": self.product_lot.id,
                    "expiration_date": date.today() + timedelta(days=50),
                },
            ]
        )
        self._receive(self.product_lot, 3, 1.0, lot_id=late.id)
        self._receive(self.product_lot, 3, 1.0, lot_id=soon.id)
        order = self._make_order([(self.product_lot, 4)])
        order.action_confirm()
        delivery = self._delivery(order)
        self.assertRecordValues(
            delivery.line_ids,
            [{"lot_id": soon.id, "quantity": 3}, {"lot_id": late.id, "quantity": 1}],
        )
        delivery.action_done()
        self.assertEqual(soon.quantity, 0)
        self.assertEqual(late.quantity, 2)
        self.assertLedgerConsistent()

    def test_bad_input(self):
        with self.assertRaisesRegex(UserError, "quantity must be positive"):
            self._make_order([(self.product, 0)])
        with self.assertRaisesRegex(UserError, "quantity must be positive"):
            self._make_order([(self.product, -1)])
        with self.assertRaisesRegex(UserError, "is not a unit of this product"):
            self._make_order(
                [{"product_id": self.product.id, "quantity": 1, "uom_id": self.uom_kg.id}]
            )
        with self.assertRaisesRegex(UserError, "discount must be between"):
            self._make_order([{"product_id": self.product.id, "quantity": 1, "discount": 120}])
        with self.assertRaisesRegex(UserError, "has no lines"):
            self._make_order([]).action_confirm()
        order = self._make_order([(self.product, 5)])
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.line_ids.quantity_done = 6
        with self.assertRaisesRegex(UserError, "cannot deliver 6 Units, only 5 are left"):
            delivery.action_done()
        delivery.line_ids.quantity_done = 5
        delivery.action_done()
        sale_return = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        sale_return.line_ids.quantity = 6
        with self.assertRaisesRegex(UserError, "cannot return 6 Units, only 5 from"):
            sale_return.action_done()
        self.assertEqual(self._quant(self.product).quantity, 45)
        self.assertLedgerConsistent()

    def test_shortage_cleared_when_stock_arrives_and_ships(self):
        self.company.jxc_sale_shortage_policy = "allow"
        order = self._make_order([(self.product, 70)])
        order.action_confirm()
        self.assertRecordValues(order.line_ids, [{"qty_reserved": 50, "qty_shortage": 20}])
        self._receive(self.product, 12, 6.0)
        delivery = self._delivery(order)
        delivery.line_ids.quantity_done = 60
        delivery.action_done()
        # 10 left to deliver, nothing held: the shortage is 10, not 20.
        self.assertRecordValues(
            order.line_ids, [{"qty_delivered": 60, "qty_reserved": 0, "qty_shortage": 10}]
        )
        self._receive(self.product, 10, 6.0)
        self._delivery(order).action_done()
        self.assertRecordValues(order.line_ids, [{"qty_delivered": 70, "qty_shortage": 0}])
        self.assertEqual(order.state, "done")
        self.assertLedgerConsistent()

    def test_partial_delivery_in_a_bigger_unit(self):
        order = self._make_order(
            [{"product_id": self.product.id, "quantity": 2, "uom_id": self.uom_dozen.id}]
        )
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.line_ids.write({"quantity_done": 0.58})  # 7 units of 24 (0.5833 dozen)
        delivery.action_done()
        backorder = self._delivery(order)
        self.assertAlmostEqual(backorder.line_ids.quantity, 17 / 12, places=2)
        backorder.action_done()
        self.assertEqual(order.state, "done")

    def test_sales_user_cancels_and_requotes(self):
        order = self._make_order([(self.product, 5)])
        order.with_user(self.sales_user).action_confirm()
        order.with_user(self.sales_user).action_cancel()
        self.assertEqual(order.state, "cancel")
        order.with_user(self.sales_user).action_draft()
        self.assertEqual(order.line_ids.qty_cancelled, 0)
        order.with_user(self.sales_user).action_confirm()
        self.assertEqual(self._delivery(order).line_ids.quantity, 5)
        # The delivery's responsible is who confirmed, not the superuser that made it.
        self.assertEqual(self._delivery(order).user_id, self.sales_user)

    def test_reviewed_edge_cases(self):
        """Returns of reversed deliveries, returns posted together, cancelled quantities."""
        order = self._make_order([(self.product, 10)])
        order.action_confirm()
        delivery = self._delivery(order)
        delivery.action_done()
        first = self.env["jxc.stock.picking"].browse(delivery.action_create_sale_return()["res_id"])
        second = self.env["jxc.stock.picking"].browse(
            delivery.action_create_sale_return()["res_id"]
        )
        with self.assertRaisesRegex(UserError, "only 0 from"), self.env.cr.savepoint():
            (first | second).action_done()
        first.line_ids.quantity = 4
        first.action_done()
        with self.assertRaisesRegex(UserError, "has posted returns"):
            delivery.with_user(self.stock_manager).action_reverse()
        with self.assertRaisesRegex(UserError, "Cancelled cannot be changed by hand"):
            order.line_ids.qty_cancelled = 3
        other = self._make_order([(self.product, 5)])
        other.action_confirm()
        shipped = self._delivery(other)
        shipped.action_done()
        shipped.with_user(self.stock_manager).action_reverse()
        with self.assertRaisesRegex(UserError, "reversal or was reversed"):
            shipped.action_create_sale_return()
        self.assertLedgerConsistent()
