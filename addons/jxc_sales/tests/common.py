# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.jxc_stock.tests.common import (
    JxcCommittedCase,
    JxcStockCommon,
    delete_stock_test_data,
)


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


def delete_sale_test_data(cr, warehouse_id, product_ids):
    """Clean up after a test that committed sales in its own warehouse (concurrency tests run
    in separate processes, so their data is committed): the ledger, its sums and the
    receivables are append-only for the application, so delete in SQL — ledger rows before
    the documents they name. The caller then unlinks the products, warehouse and partners."""
    cr.execute("SELECT to_regclass('jxc_finance_entry') IS NOT NULL")
    if cr.fetchone()[0]:
        # jxc_finance installed: the orders' receivables go with them.
        cr.execute(
            """
            WITH entries AS (
                SELECT e.id FROM jxc_finance_entry e
                  JOIN jxc_sale_order o ON o.id = e.res_id
                 WHERE e.res_model = 'jxc.sale.order' AND o.warehouse_id = %s
            ), lines AS (
                DELETE FROM jxc_finance_payment_line
                 WHERE entry_id IN (SELECT id FROM entries)
                    OR credit_entry_id IN (SELECT id FROM entries)
            )
            DELETE FROM jxc_finance_entry WHERE id IN (SELECT id FROM entries)
            """,
            [warehouse_id],
        )
    cr.execute("SELECT to_regclass('jxc_report_sale_period') IS NOT NULL")
    before = ["jxc_report_sale_period"] if cr.fetchone()[0] else []
    delete_stock_test_data(cr, warehouse_id, product_ids, before=before, after=["jxc_sale_order"])


# Stock of each product in SaleConcurrencyCase's warehouse: 30 orders of 2 fit.
STOCK = 60


class SaleConcurrencyCase(JxcCommittedCase):
    """A warehouse with STOCK units of two products, committed (the workers are other
    processes), and removed afterwards. Other addons' concurrency tests build on it."""

    _code = "SCONC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._committed_env() as env:
            env.company.jxc_allow_negative_stock = False
            env.company.jxc_sale_shortage_policy = "block"
            cls.warehouse_id = (
                env["jxc.stock.warehouse"]
                .create({"name": f"Sale Concurrency {cls._code}", "code": cls._code})
                .id
            )
            cls.partner_id = env["res.partner"].create({"name": "Concurrency Customer"}).id
            products = env["product.product"].create(
                [
                    {"name": f"Sale Concurrency {cls._code} {x}", "type": "consu", "list_price": 5}
                    for x in "AB"
                ]
            )
            cls.product_ids = products.ids
            cls._receive_committed(env, cls.warehouse_id, cls.product_ids, STOCK)

    @classmethod
    def tearDownClass(cls):
        with cls._committed_env() as env:
            delete_sale_test_data(env.cr, cls.warehouse_id, cls.product_ids)
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
            # Other addons (finance) may have posted records for it: archive, do not delete.
            env["res.partner"].browse(cls.partner_id).active = False
        super().tearDownClass()
