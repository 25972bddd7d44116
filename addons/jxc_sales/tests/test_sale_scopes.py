# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form, new_test_user

from .common import JxcSalesCommon

OWN_DOCUMENTS = "base.group_user,jxc_sales.group_jxc_sales_user_own"
COST_FIELDS = ("value", "unit_cost", "cost", "average_cost", "jxc_average_cost", "standard_price")


class TestSaleScopes(JxcSalesCommon):
    """Salespeople limited to their own documents (jxc_sales.group_jxc_sales_user_own) and the
    stock inquiry of sales staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 50, 3.0)
        cls.own_a = new_test_user(cls.env, login="jxc_sales_own_a", groups=OWN_DOCUMENTS)
        cls.own_b = new_test_user(cls.env, login="jxc_sales_own_b", groups=OWN_DOCUMENTS)
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "Customer of A", "is_company": True, "user_id": cls.own_a.id}
        )
        cls.contact_a = Partner.create({"name": "Buyer at A", "parent_id": cls.customer_a.id})
        cls.customer_b = Partner.create(
            {"name": "Customer of B", "is_company": True, "user_id": cls.own_b.id}
        )
        cls.order_a = cls._make_order([(cls.product, 2)], cls.customer_a, user_id=cls.own_a.id)
        cls.order_b = cls._make_order([(cls.product, 3)], cls.customer_b, user_id=cls.own_b.id)
        cls.order_free = cls._make_order([(cls.product, 1)], user_id=False)
        cls.orders = cls.order_a | cls.order_b | cls.order_free

    def _visible_orders(self, user):
        return self.env["jxc.sale.order"].with_user(user).search([("id", "in", self.orders.ids)])

    def test_own_documents_user_sees_own_and_unassigned_orders(self):
        self.assertEqual(self._visible_orders(self.own_a), self.order_a | self.order_free)
        self.assertEqual(self._visible_orders(self.own_b), self.order_b | self.order_free)
        lines = (
            self.env["jxc.sale.order.line"]
            .with_user(self.own_a)
            .search([("order_id", "in", self.orders.ids)])
        )
        self.assertEqual(lines.order_id, self.order_a | self.order_free)
        with self.assertRaises(AccessError):
            self.order_b.with_user(self.own_a).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.order_b.line_ids.with_user(self.own_a).read(["price_unit"])

    def test_own_documents_user_cannot_act_on_others_orders(self):
        order_b = self.order_b.with_user(self.own_a)
        with self.assertRaises(AccessError):
            order_b.write({"client_order_ref": "mine now"})
        with self.assertRaises(AccessError):
            order_b.line_ids.write({"quantity": 30})
        with self.assertRaises(AccessError):
            order_b.unlink()
        with self.assertRaises(AccessError):
            order_b.action_confirm()
        self.assertEqual(self.order_b.state, "draft")
        self.assertFalse(self.order_b.line_ids.qty_reserved)
        self.order_b.action_confirm()
        with self.assertRaises(AccessError):
            order_b.action_cancel()
        self.assertEqual(self.order_b.state, "confirmed")
        self.assertEqual(self.order_b.line_ids.qty_reserved, 3)

    def test_own_documents_user_acts_on_own_orders(self):
        order = self.order_a.with_user(self.own_a)
        order.write({"client_order_ref": "PO-A-1"})
        order.action_confirm()
        self.assertEqual(self.order_a.state, "confirmed")
        self.assertEqual(self.order_a.line_ids.qty_reserved, 2)
        order.action_cancel()
        self.assertEqual(self.order_a.state, "cancel")
        free = self.order_free.with_user(self.own_b)
        free.action_confirm()
        self.assertEqual(self.order_free.state, "confirmed")

    def test_own_documents_user_sells_only_to_their_customers(self):
        env = self.env(user=self.own_a)
        Partner = env["res.partner"]
        sellable = Partner.search(
            [
                ("jxc_sales_allowed", "=", True),
                ("id", "in", (self.customer_a | self.contact_a | self.customer_b).ids),
            ]
        )
        self.assertEqual(sellable, self.customer_a | self.contact_a)
        self.assertEqual(
            Partner.search([("jxc_sales_allowed", "=", False), ("id", "=", self.customer_b.id)]),
            self.customer_b,
        )
        self.assertTrue(Partner.browse(self.customer.id).jxc_sales_allowed, "no salesperson")

        with Form(env["jxc.sale.order"]) as form:
            form.partner_id = self.contact_a
            form.warehouse_id = self.wh1
            with form.line_ids.new() as line:
                line.product_id = self.product
                line.quantity = 1
        own = form.save()
        own.action_confirm()
        self.assertEqual(own.state, "confirmed")
        self.assertEqual(own.user_id, self.own_a)

        theirs = env["jxc.sale.order"].create(
            {
                "partner_id": self.customer_b.id,
                "warehouse_id": self.wh1.id,
                "line_ids": [Command.create({"product_id": self.product.id, "quantity": 4})],
            }
        )
        with self.assertRaisesRegex(AccessError, "Customer of B"):
            theirs.action_confirm()
        self.assertEqual(theirs.state, "draft")
        self.assertFalse(theirs.line_ids.qty_reserved)

    def test_all_documents_users_are_not_limited(self):
        for user in (self.sales_user, self.sales_manager):
            self.assertEqual(self._visible_orders(user), self.orders, user.login)
            self.assertTrue(self.customer_b.with_user(user).jxc_sales_allowed, user.login)
        self.order_b.with_user(self.sales_user).action_confirm()
        self.assertEqual(self.order_b.state, "confirmed")
        self.order_a.with_user(self.sales_manager).action_confirm()
        self.assertEqual(self.order_a.state, "confirmed")
        # Limited or not is a group setting: giving the all-documents group lifts the limit.
        self.own_a.groups_id = [Command.link(self.env.ref("jxc_sales.group_jxc_sales_user").id)]
        self.assertEqual(self._visible_orders(self.own_a), self.orders)

    def test_customer_history_counts_the_orders_they_may_read(self):
        other = self._make_order([(self.product, 5, 10.0)], user_id=self.own_b.id)
        (self.order_free | other).action_confirm()
        customer = self.customer.with_user(self.own_a)
        self.assertEqual(customer.jxc_sale_count, 1)
        self.assertEqual(self.customer.with_user(self.sales_user).jxc_sale_count, 2)

    # ------------------------------------------------------------------
    # Stock inquiry (库存查询)
    # ------------------------------------------------------------------
    def _inquiry_views(self, user):
        action = (
            self.env["ir.actions.act_window"]
            .with_user(user)
            ._for_xml_id("jxc_sales.jxc_stock_quant_action_inquiry")
        )
        views = [list(view) for view in action["views"]]
        views.append([action["search_view_id"][0], "search"])
        return action, self.env["jxc.stock.quant"].with_user(user).get_views(views)

    def test_stock_inquiry_shows_no_cost_or_value(self):
        for user in (self.own_a, self.sales_user, self.sales_manager):
            action, result = self._inquiry_views(user)
            self.assertEqual(
                {view_type for _view_id, view_type in action["views"]}, {"list", "pivot", "form"}
            )
            for view_type, view in result["views"].items():
                for name in COST_FIELDS:
                    self.assertNotIn(f'name="{name}"', view["arch"], f"{user.login} {view_type}")
            fields = result["models"]["jxc.stock.quant"]["fields"]
            for name in ("quantity", "reserved_quantity", "available_quantity"):
                self.assertIn(name, fields)
            if user != self.sales_manager:  # managers see costs and margins anyway
                for name in COST_FIELDS:
                    self.assertNotIn(name, fields, f"{user.login}: {name} reachable")
        quant = self._quant(self.product).with_user(self.own_a)
        self.assertEqual(quant.available_quantity, 50)
        with self.assertRaises(AccessError):
            quant.read(["value"])

    def test_stock_inquiry_is_read_only(self):
        quant = self._quant(self.product)
        for user in (self.own_a, self.sales_user, self.sales_manager):
            Quant = self.env["jxc.stock.quant"].with_user(user)
            self.assertTrue(Quant.search([("id", "=", quant.id)]))
            for operation in ("create", "write", "unlink"):
                with self.assertRaises(AccessError, msg=f"{user.login} {operation}"):
                    Quant.check_access(operation)
            with self.assertRaises(AccessError):
                quant.with_user(user).unlink()
        self.assertEqual(quant.quantity, 50)
