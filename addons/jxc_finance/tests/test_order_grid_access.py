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

    # Review of #13: the cells are filled as superuser from the order's lines, so a grid on an
    # order its user may not read showed that order's quantities; and any user could read or
    # fill another user's open grid, which its owner then applied.

    def _grid_vals(self, order):
        return {"res_model": order._name, "res_id": order.id, "product_tmpl_id": self.shirt.id}

    def test_no_grid_shows_an_order_its_user_may_not_read(self):
        purchase = self._purchase([])
        purchase.write({"line_ids": [(0, 0, {"product_id": self.red_s.id, "quantity": 7})]})
        Grid = self.env["jxc.order.grid"].with_user(self.sales_user)
        with self.assertRaises(AccessError):
            Grid.create(self._grid_vals(purchase))
        other_company = self.env["res.company"].create({"name": "Grid Other Company"})
        warehouse = self.env["jxc.stock.warehouse"].create(
            {"name": "Grid Other", "code": "TGO", "company_id": other_company.id}
        )
        foreign = self.env["jxc.sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": other_company.id,
                "warehouse_id": warehouse.id,
                "line_ids": [(0, 0, {"product_id": self.red_s.id, "quantity": 5})],
            }
        )
        with self.assertRaises(AccessError):
            Grid.create(self._grid_vals(foreign))
        own = self._make_order([])
        grid = Grid.create(self._grid_vals(own))
        with self.assertRaises(AccessError):
            grid.write({"res_model": purchase._name, "res_id": purchase.id})

    def test_a_grid_is_its_user_s_own(self):
        order = self._make_order([])
        grid = self.env["jxc.order.grid"].with_user(self.sales_user).create(self._grid_vals(order))
        for user in (self.sales_manager, self.finance_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    grid.with_user(user).read(["line_ids"])
                with self.assertRaises(AccessError):
                    grid.line_ids.with_user(user).write({"quantity": 99})
                with self.assertRaises(AccessError):
                    grid.with_user(user).action_apply()
        grid.line_ids.filtered(lambda c: c.product_id == self.red_s).quantity = 2
        grid.action_apply()
        self.assertRecordValues(order.line_ids, [{"product_id": self.red_s.id, "quantity": 2}])
