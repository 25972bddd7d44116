# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import JxcSalesCommon


@tagged("post_install", "-at_install")
class TestPriceGuard(JxcSalesCommon):
    """Below the minimum sale price (最低售价), below cost or free of charge: only a sales
    manager confirms, and the chatter says who did."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 100, 8.0)  # average cost 8.00
        cls.product.product_tmpl_id.jxc_min_sale_price = 10.0

    def _order(self, price, user, quantity=5):
        return self._make_order([(self.product, quantity, price)]).with_user(user)

    def test_sales_user_is_refused_below_the_guard(self):
        for price, reason in (
            (9.5, "below the minimum sale price"),
            (7.0, "below the minimum"),
            (0.0, "free of charge"),
        ):
            order = self._order(price, self.sales_user)
            with self.assertRaisesRegex(UserError, reason):
                order.action_confirm()
            self.assertEqual(order.state, "draft")
            self.assertFalse(order.picking_ids)
            self.assertFalse(order.line_ids.qty_reserved)
        # At or above the minimum: confirmed as usual, no note.
        order = self._order(10.0, self.sales_user)
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        self.assertNotIn("below the guard", "".join(order.message_ids.mapped("body")))

    def test_below_cost_without_a_minimum(self):
        self.product.product_tmpl_id.jxc_min_sale_price = 0.0
        order = self._order(7.99, self.sales_user)
        with self.assertRaisesRegex(UserError, "below cost"):
            order.action_confirm()
        # A discount that takes the net price below cost counts too.
        order = self._make_order(
            [{"product_id": self.product.id, "quantity": 2, "price_unit": 9.0, "discount": 20}]
        )
        with self.assertRaisesRegex(UserError, "below cost"):
            order.with_user(self.sales_user).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_sales_manager_confirms_and_it_is_recorded(self):
        order = self._order(9.0, self.sales_manager)
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        note = order.message_ids.filtered(lambda m: "below the guard" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(self.sales_manager.name, note.body)
        self.assertIn("below the minimum sale price", note.body)

    def test_minimum_price_is_not_negative(self):
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            self.product.product_tmpl_id.jxc_min_sale_price = -1

    def test_entering_a_line_below_the_guard_warns_without_the_cost(self):
        order = self._order(12.0, self.sales_user)
        line = order.line_ids
        self.assertIsNone(line._onchange_price_guard())
        for price, reason in ((9.5, "below the minimum sale price"), (0.0, "free of charge")):
            line.price_unit = price
            warning = line._onchange_price_guard()["warning"]
            self.assertIn(reason, warning["message"])
            self.assertIn("sales manager", warning["message"])
            self.assertNotIn("8.00", warning["message"])
        # In a packaging, the guard compares the price per base unit: a case of 12 at
        # 114.00 is 9.50 a unit, below the 10.00 minimum.
        case = self.env["product.packaging"].create(
            {"name": "箱", "product_id": self.product.id, "qty": 12}
        )
        line.write({"packaging_id": case.id, "quantity": 1, "price_unit": 114.0})
        self.assertIn("below the minimum", line._onchange_price_guard()["warning"]["message"])
        line.price_unit = 120.0
        self.assertIsNone(line._onchange_price_guard())
