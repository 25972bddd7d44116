# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales analysis's monthly sums under concurrent postings: OS processes deliver orders
of the same month, warehouse, category and salesperson (the same row of sums) at once."""

import odoo
from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import config

from odoo.addons.jxc_sales.tests.common import SaleConcurrencyCase
from odoo.addons.jxc_stock.tests.concurrency_worker import run_workers

WORKERS = 4
ORDERS_PER_WORKER = 4  # an order takes 1 of each product: 16 of the STOCK in the warehouse


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
class TestConcurrentSalePeriods(SaleConcurrencyCase):
    _code = "PCONC"

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
