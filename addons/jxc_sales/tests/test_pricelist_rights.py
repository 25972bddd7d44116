# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user

from .common import JxcSalesCommon


class TestPricelistRights(JxcSalesCommon):
    """客户等级价 (#13): a customer's level price is its pricelist; only sales managers set
    pricelists, give them to customers, or price an order with another one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Both may edit customers (Odoo's Contact Creation, which new users get by default);
        # only the manager may choose their pricelists.
        cls.partner_sales_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_sales_user_contacts",
            groups="base.group_user,base.group_partner_manager,jxc_sales.group_jxc_sales_user",
        )
        cls.partner_sales_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_sales_manager_contacts",
            groups="base.group_user,base.group_partner_manager,jxc_sales.group_jxc_sales_manager",
        )
        cls.vip = cls.env["product.pricelist"].create(
            {
                "name": "Test VIP",
                "currency_id": cls.currency.id,
                "company_id": cls.company.id,
                "item_ids": [
                    Command.create(
                        {
                            "compute_price": "percentage",
                            "percent_price": 20,
                            "applied_on": "3_global",
                        }
                    )
                ],
            }
        )

    def test_salesperson_cannot_change_a_customers_pricelist(self):
        customer = self.customer.with_user(self.partner_sales_user)
        self.assertFalse(customer.jxc_can_choose_pricelist)
        for vals in (
            {"property_product_pricelist": self.vip.id},
            {"specific_property_product_pricelist": self.vip.id},
        ):
            with self.assertRaisesRegex(AccessError, "Only sales managers"), self.cr.savepoint():
                customer.write(vals)
        self.assertEqual(self.customer.property_product_pricelist, self.pricelist)
        # Writing the pricelist it has (a form saving everything) is fine.
        customer.write({"property_product_pricelist": self.pricelist.id, "phone": "123"})
        self.assertEqual(self.customer.phone, "123")
        # A new customer gets the pricelist it would have anyway, not a level price.
        Partner = self.env["res.partner"].with_user(self.partner_sales_user)
        default = Partner.new({"name": "x"}).property_product_pricelist
        Partner.create({"name": "New Shop", "property_product_pricelist": default.id})
        with self.assertRaisesRegex(AccessError, "Only sales managers"), self.cr.savepoint():
            Partner.create({"name": "VIP Shop", "property_product_pricelist": self.vip.id})
        self.assertFalse(self.env["res.partner"].search([("name", "=", "VIP Shop")]))

    def test_manager_gives_a_customer_its_level_price(self):
        customer = self.customer.with_user(self.partner_sales_manager)
        self.assertTrue(customer.jxc_can_choose_pricelist)
        customer.property_product_pricelist = self.vip
        self.assertEqual(self.customer.property_product_pricelist, self.vip)
        order = self._make_order([(self.product, 1)])
        self.assertEqual(order.pricelist_id, self.vip)
        self.assertAlmostEqual(order.line_ids.price_unit, 8.0)  # 10.00 − 20 %

    def test_salesperson_cannot_price_an_order_with_another_pricelist(self):
        Order = self.env["jxc.sale.order"].with_user(self.sales_user)
        vals = {
            "partner_id": self.customer.id,
            "warehouse_id": self.wh1.id,
            "line_ids": [Command.create({"product_id": self.product.id, "quantity": 1})],
        }
        count = self.env["jxc.sale.order"].search_count([])
        with self.assertRaisesRegex(AccessError, "another pricelist"), self.cr.savepoint():
            Order.create(dict(vals, pricelist_id=self.vip.id))
        self.assertEqual(self.env["jxc.sale.order"].search_count([]), count)
        order = Order.create(dict(vals, pricelist_id=self.pricelist.id))
        with self.assertRaisesRegex(AccessError, "another pricelist"), self.cr.savepoint():
            order.write({"pricelist_id": self.vip.id})
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertAlmostEqual(order.line_ids.price_unit, 10.0)
        # A manager may.
        order.with_user(self.sales_manager).write({"pricelist_id": self.vip.id})
        self.assertEqual(order.pricelist_id, self.vip)

    def test_only_sales_managers_edit_pricelists(self):
        with self.assertRaises(AccessError):
            self.vip.with_user(self.sales_user).write({"name": "Cheaper"})
        with self.assertRaises(AccessError):
            self.env["product.pricelist.item"].with_user(self.sales_user).create(
                {"pricelist_id": self.vip.id, "compute_price": "fixed", "fixed_price": 0.01}
            )
        self.vip.with_user(self.sales_manager).write({"name": "Test VIP 2"})
        self.env["product.pricelist.item"].with_user(self.sales_manager).create(
            {"pricelist_id": self.vip.id, "compute_price": "fixed", "fixed_price": 7.0}
        )
        self.assertEqual(self.vip.name, "Test VIP 2")
        self.assertEqual(len(self.vip.item_ids), 2)
