# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common import JxcStockCommon


class JxcSalesCommon(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.jxc_sale_shortage_policy = "block"
        cls.customer = cls.env["res.partner"].create({"name": "Test Customer", "is_company": True})
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Test Retail",
                "currency_id": cls.currency.id,
                "company_id": cls.company.id,
            }
        )
        cls.customer.property_product_pricelist = cls.pricelist
        cls.product.list_price = 10.0
        cls.product2.list_price = 4.0
        cls.sales_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_sales_user",
            groups="base.group_user,jxc_sales.group_jxc_sales_user",
        )
        cls.sales_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_sales_manager",
            groups="base.group_user,jxc_sales.group_jxc_sales_manager",
        )

    @classmethod
    def _make_order(cls, lines, partner=None, **vals):
        """A quotation; ``lines`` are (product, quantity) / (product, quantity, price) / dicts."""
        commands = []
        for line in lines:
            if isinstance(line, dict):
                commands.append(Command.create(line))
                continue
            values = {"product_id": line[0].id, "quantity": line[1]}
            if len(line) > 2:
                values["price_unit"] = line[2]
            commands.append(Command.create(values))
        return cls.env["jxc.sale.order"].create(
            dict(
                {
                    "partner_id": (partner or cls.customer).id,
                    "warehouse_id": cls.wh1.id,
                    "line_ids": commands,
                },
                **vals,
            )
        )

    @staticmethod
    def _delivery(order):
        return order.picking_ids.filtered(
            lambda p: p.picking_type == "sale_out" and p.state == "draft"
        )
