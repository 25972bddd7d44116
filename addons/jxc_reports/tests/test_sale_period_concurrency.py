# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales analysis's monthly sums under concurrent postings: OS processes deliver orders
of the same month, warehouse, category and salesperson (the same row of sums) at once."""

import odoo
from odoo.fields import Command
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import config

from odoo.addons.jxc_sales.tests.common import delete_sale_test_data
from odoo.addons.jxc_stock.tests.concurrency_worker import run_workers

WORKERS = 4
ORDERS_PER_WORKER = 4


def deliver_order(env, batch):
    """One worker's job: create, confirm and deliver a sale order (its lines in the batch's
    order)."""
    order = env["jxc.sale.order"].create(
        {
            "partner_id": batch["partner_id"],
            "warehouse_id": batch["warehouse_id"],
            "user_id": batch["user_id"],
            "line_ids": [
                Command.create({"product_id": p, "quantity": 1.0, "price_unit": 7.0})
                for p in batch["products"]
            ],
        }
    )
    order.action_confirm()
    order.picking_ids.filtered(lambda p: p.state == "draft").action_done()


@tagged("post_install", "-at_install")
class TestConcurrentSalePeriods(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = get_db_name()
        cls.registry = odoo.modules.registry.Registry(cls.db)
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            cls.warehouse_id = (
                env["jxc.stock.warehouse"]
                .create({"name": "Period Concurrency", "code": "PCONC"})
                .id
            )
            cls.partner_id = env["res.partner"].create({"name": "Period Concurrency Customer"}).id
            cls.categ_id = env["product.category"].create({"name": "Period Concurrency"}).id
            products = env["product.product"].create(
                [
                    {"name": f"Period Concurrency {x}", "type": "consu", "categ_id": cls.categ_id}
                    for x in "AB"
                ]
            )
            cls.product_ids = products.ids
            picking = env["jxc.stock.picking"].create(
                {
                    "picking_type": "in",
                    "warehouse_id": cls.warehouse_id,
                    "line_ids": [
                        Command.create({"product_id": p, "quantity": 100, "unit_cost": 2.0})
                        for p in cls.product_ids
                    ],
                }
            )
            picking.action_done()

    @classmethod
    def tearDownClass(cls):
        with cls.registry.cursor() as cr:
            delete_sale_test_data(cr, cls.warehouse_id, cls.product_ids)
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["product.category"].browse(cls.categ_id).unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
            env["res.partner"].browse(cls.partner_id).active = False
        super().tearDownClass()

    def test_parallel_deliveries_keep_the_sums_equal_to_the_ledger(self):
        a, b = self.product_ids
        batches = [
            [
                {
                    "partner_id": self.partner_id,
                    "warehouse_id": self.warehouse_id,
                    "user_id": odoo.SUPERUSER_ID,
                    "products": [a, b] if w % 2 else [b, a],
                }
                for _n in range(ORDERS_PER_WORKER)
            ]
            for w in range(WORKERS)
        ]
        results = run_workers(config.rcfile, self.db, f"{__name__}:deliver_order", batches)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        self.assertEqual(sum(r["done"] for r in results), WORKERS * ORDERS_PER_WORKER)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            Period = env["jxc.report.sale.period"]
            rows = Period.search([("warehouse_id", "=", self.warehouse_id)])
            self.assertEqual(len(rows), 1)  # one month, category and salesperson
            self.assertEqual(rows.quantity, 2 * WORKERS * ORDERS_PER_WORKER)
            self.assertEqual(rows.move_count, 2 * WORKERS * ORDERS_PER_WORKER)
            self.assertFalse([m for m in Period._jxc_mismatches() if m[2] == self.warehouse_id])
