# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import Form, new_test_user

from .common import JxcSalesCommon


class TestSaleCostAccess(JxcSalesCommon):
    """Sales staff sell without seeing what the goods cost; margins are for the cost group
    (sales managers have it); stock staff ship without seeing sale totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(cls.product, 10, 3.0)
        # 4 at 10.00 less 10 %: 36.00 untaxed, cost 4 × 3.00 = 12.00, margin 24.00 (66.7 %).
        cls.order = cls._make_order([{"product_id": cls.product.id, "quantity": 4, "discount": 10}])
        cls.order.action_confirm()
        cls.delivery = cls._delivery(cls.order)
        cls.delivery.action_done()

    def test_sales_user_sees_no_cost_or_margin(self):
        user = self.sales_user
        self.assertFieldsHidden(user, self.order, ["margin", "margin_percent"])
        self.assertFieldsHidden(user, self.order.line_ids, ["cost_unit", "margin"])
        self.assertFieldsHidden(user, self.delivery, ["amount_total"])
        self.assertFieldsHidden(user, self.delivery.line_ids, ["unit_cost", "value"])
        self.assertFieldsHidden(user, self.delivery.move_ids, ["unit_cost", "value"])
        self.assertFieldsHidden(user, self._quant(self.product), ["value"])
        self.assertFieldsHidden(user, self.product, ["jxc_average_cost"])

    def test_cost_group_sees_costs_and_margins(self):
        user = self.sales_manager
        self.assertTrue(user.has_group("jxc_stock.group_jxc_cost"))
        self.assertFieldsRead(user, self.order.line_ids, {"cost_unit": 3.0, "margin": 24.0})
        self.assertFieldsRead(user, self.order, {"margin": 24.0})
        self.assertAlmostEqual(
            self.order.with_user(user).read(["margin_percent"])[0]["margin_percent"],
            100.0 * 24 / 36,
        )
        self.assertFieldsRead(user, self.delivery.line_ids, {"unit_cost": 3.0, "value": 12.0})
        self.assertFieldsRead(user, self.delivery, {"amount_total": 12.0})
        self.assertFieldsRead(user, self.delivery.move_ids, {"unit_cost": 3.0, "value": -12.0})

    def test_order_and_delivery_screens(self):
        """Sales staff open their orders and deliveries; margins and costs are left out."""
        self.env.invalidate_all()
        form = Form(self.order.with_user(self.sales_user))
        self.assertEqual(form.amount_untaxed, 36.0)
        views = self.env["jxc.sale.order"].with_user(self.sales_user).get_views([(False, "form")])
        self.assertFalse(
            {"margin", "cost_unit"} & set(views["models"]["jxc.sale.order.line"]["fields"])
        )
        self.assertNotIn("margin", views["models"]["jxc.sale.order"]["fields"])
        self.env.invalidate_all()
        Form(self.delivery.with_user(self.sales_user))
        views = (
            self.env["jxc.sale.order"].with_user(self.sales_manager).get_views([(False, "form")])
        )
        self.assertIn("margin", views["models"]["jxc.sale.order.line"]["fields"])
        self.assertEqual(Form(self.order.with_user(self.sales_manager)).margin, 24.0)

    def test_printed_delivery(self):
        report = self.env["ir.actions.report"]
        self.env.invalidate_all()
        html = report.with_user(self.sales_user)._render_qweb_html(
            "jxc_stock.report_jxc_stock_picking", self.delivery.ids
        )[0]
        self.assertNotIn(b"Unit Cost", html)
        self.assertNotIn(b"12.00", html)
        html = report.with_user(self.sales_manager)._render_qweb_html(
            "jxc_stock.report_jxc_stock_picking", self.delivery.ids
        )[0]
        self.assertIn(b"12.00", html)

    def test_stock_user_ships_and_takes_back_without_costs(self):
        """Each step a new request: the costs are read as the system, never by stock staff."""
        order = self._make_order([(self.product, 2)])
        order.action_confirm()
        delivery = self._delivery(order)
        self.env.invalidate_all()
        delivery.with_user(self.stock_user).action_done()
        self.assertRecordValues(delivery.move_ids, [{"quantity": -2, "value": -6.0}])
        self.env.invalidate_all()
        action = delivery.with_user(self.stock_user).action_create_sale_return()
        sale_return = self.env["jxc.stock.picking"].browse(action["res_id"])
        self.assertRecordValues(sale_return.line_ids, [{"quantity": 2, "unit_cost": 3.0}])
        self.env.invalidate_all()
        sale_return.with_user(self.stock_user).action_done()
        self.assertRecordValues(sale_return.move_ids, [{"quantity": 2, "value": 6.0}])
        self.assertLedgerConsistent()

    def test_customer_totals(self):
        self.assertFieldsRead(self.sales_user, self.customer, {"jxc_sale_total": 40.68})
        self.assertFieldsHidden(self.stock_user, self.customer, ["jxc_sale_total"])

    def test_customer_totals_are_per_company(self):
        other = self.env["res.company"].create({"name": "Test Other Sales Co"})
        other_wh = self.env["jxc.stock.warehouse"].create(
            {"name": "Other", "code": "OSW", "company_id": other.id}
        )
        other.jxc_sale_shortage_policy = "allow"
        self.env["jxc.sale.order"].with_company(other).create(
            {
                "partner_id": self.customer.id,
                "warehouse_id": other_wh.id,
                "company_id": other.id,
                "line_ids": [
                    Command.create(
                        {"product_id": self.product.id, "quantity": 1, "price_unit": 100.0}
                    )
                ],
            }
        ).action_confirm()
        seller = new_test_user(
            self.env,
            login="jxc_sales_two_companies",
            groups="base.group_user,jxc_sales.group_jxc_sales_user",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | other).ids)],
        )
        customer = self.customer.with_user(seller)
        # This company: the setup's order, 36.00 + 13 % tax; the other: 100.00 + 13 %.
        self.assertEqual((customer.jxc_sale_count, customer.jxc_sale_total), (1, 40.68))
        customer = customer.with_company(other)
        self.assertEqual((customer.jxc_sale_count, customer.jxc_sale_total), (1, 113.0))
        self.assertEqual(customer.with_company(self.company).jxc_sale_total, 40.68)
