# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import JxcFinanceCommon


class TestOrderGridAccess(JxcFinanceCommon):
    """The variant grid gives no rights of its own: it writes an order only for who may."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shirt = cls._make_variant_template(
            "Test Shirt", [("Test Colour", ["Red", "Blue"]), ("Test Size", ["S", "M"])]
        )
        cls.red_s = cls._variant(cls.shirt, "Red", "S")
        cls.purchase_user = cls.env["res.users"].create(
            {
                "name": "Grid Buyer",
                "login": "jxc_grid_buyer",
                "groups_id": [(6, 0, [cls.env.ref("jxc_purchase.group_jxc_purchase_user").id])],
            }
        )

    def _rpc_grid(self, user, order):
        return (
            self.env["jxc.order.grid"]
            .with_user(user)
            .create(
                {
                    "res_model": order._name,
                    "res_id": order.id,
                    "product_tmpl_id": self.shirt.id,
                    "line_ids": [(0, 0, {"product_id": self.red_s.id, "quantity": 1})],
                }
            )
        )

    def test_salesperson_cannot_fill_a_purchase_order(self):
        order = self._purchase([])
        with self.assertRaises(AccessError):
            self._grid(order, self.shirt, user=self.sales_user)
        with self.assertRaises(AccessError):
            self._rpc_grid(self.sales_user, order).action_apply()
        self.assertFalse(order.line_ids)

    def test_buyer_cannot_fill_a_sale_order(self):
        order = self._make_order([])
        with self.assertRaises(AccessError):
            self._rpc_grid(self.purchase_user, order).action_apply()
        self.assertFalse(order.line_ids)

    def test_finance_reads_orders_but_cannot_fill_them(self):
        for order in (self._make_order([]), self._purchase([])):
            with self.subTest(order=order._name):
                with self.assertRaises(AccessError):
                    self._grid(order, self.shirt, user=self.finance_user)
                with self.assertRaises(AccessError):
                    self._rpc_grid(self.finance_user, order).action_apply()
                self.assertFalse(order.line_ids)
