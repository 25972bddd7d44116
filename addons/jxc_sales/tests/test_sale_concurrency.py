# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invariant 2 through sales: 8 OS processes confirm orders for the same products at once."""

import odoo
from odoo.fields import Command
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import config

from odoo.addons.jxc_stock.tests.concurrency_worker import run_workers

WORKERS = 8
ORDERS_PER_WORKER = 6
STOCK = 60  # 30 orders of 2 fit; 48 are placed


def confirm_order(env, batch):
    """One worker's job: create and confirm a sale order (its lines in the batch's order)."""
    order = env["jxc.sale.order"].create(
        {
            "partner_id": batch["partner_id"],
            "warehouse_id": batch["warehouse_id"],
            "line_ids": [
                Command.create({"product_id": p, "quantity": 2.0}) for p in batch["products"]
            ],
        }
    )
    order.action_confirm()


@tagged("post_install", "-at_install")
class TestConcurrentSaleConfirmation(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = get_db_name()
        cls.registry = odoo.modules.registry.Registry(cls.db)
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env.company.jxc_allow_negative_stock = False
            env.company.jxc_sale_shortage_policy = "block"
            cls.warehouse_id = (
                env["jxc.stock.warehouse"].create({"name": "Sale Concurrency", "code": "SCONC"}).id
            )
            cls.partner_id = env["res.partner"].create({"name": "Concurrency Customer"}).id
            products = env["product.product"].create(
                [{"name": f"Sale Concurrency {x}", "type": "consu"} for x in "AB"]
            )
            cls.product_ids = products.ids
            picking = env["jxc.stock.picking"].create(
                {
                    "picking_type": "in",
                    "warehouse_id": cls.warehouse_id,
                    "line_ids": [
                        Command.create({"product_id": p, "quantity": STOCK, "unit_cost": 1.0})
                        for p in cls.product_ids
                    ],
                }
            )
            picking.action_done()

    @classmethod
    def tearDownClass(cls):
        with cls.registry.cursor() as cr:
            # Test data only: the ledger is append-only for the application, so clean in SQL
            # (ledger rows first: the documents they name cannot go before them).
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
                    [cls.warehouse_id],
                )
            for table in (
                "jxc_stock_reservation",
                "jxc_stock_move",
                "jxc_stock_period_balance",
                "jxc_stock_quant",
            ):
                cr.execute(f"DELETE FROM {table} WHERE warehouse_id = %s", [cls.warehouse_id])
            cr.execute("DELETE FROM jxc_stock_picking WHERE warehouse_id = %s", [cls.warehouse_id])
            cr.execute("DELETE FROM jxc_sale_order WHERE warehouse_id = %s", [cls.warehouse_id])
            cr.execute(
                "DELETE FROM jxc_stock_valuation WHERE product_id = ANY(%s)", [cls.product_ids]
            )
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
            # Other addons (finance) may have posted records for it: archive, do not delete.
            env["res.partner"].browse(cls.partner_id).active = False
        super().tearDownClass()

    def test_parallel_confirmations_never_oversell(self):
        a, b = self.product_ids
        batches = [
            [
                {
                    "partner_id": self.partner_id,
                    "warehouse_id": self.warehouse_id,
                    "products": [a, b] if w % 2 else [b, a],
                }
                for _n in range(ORDERS_PER_WORKER)
            ]
            for w in range(WORKERS)
        ]
        results = run_workers(config.rcfile, self.db, f"{__name__}:confirm_order", batches)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        self.assertEqual(sum(r["done"] for r in results), STOCK // 2)
        self.assertEqual(
            sum(r["refused"] for r in results), WORKERS * ORDERS_PER_WORKER - STOCK // 2
        )
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            orders = env["jxc.sale.order"].search([("warehouse_id", "=", self.warehouse_id)])
            confirmed = orders.filtered(lambda o: o.state == "confirmed")
            self.assertEqual(len(confirmed), STOCK // 2)
            self.assertFalse(orders - confirmed, "refused orders roll back entirely")
            quants = env["jxc.stock.quant"].search([("warehouse_id", "=", self.warehouse_id)])
            self.assertEqual(sorted(quants.mapped("available_quantity")), [0, 0])
            self.assertEqual(len(confirmed.picking_ids), STOCK // 2)
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])
