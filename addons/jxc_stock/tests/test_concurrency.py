# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invariant 2 under real concurrency: separate OS processes, each with its own committed
transactions against PostgreSQL, reserve the same products at once."""

import logging

import odoo
from odoo.tests.common import tagged
from odoo.tools import config

from .common import JxcCommittedCase, delete_stock_test_data
from .concurrency_worker import run_workers

WORKERS = 8
BATCHES_PER_WORKER = 10
STOCK = 96  # 32 batches of 3 fit exactly; 80 are asked for

_logger = logging.getLogger(__name__)


def reserve_batch(env, batch):
    """One worker's job: reserve a batch (run in a worker process, see concurrency_worker)."""
    env["jxc.stock.reservation"]._reserve(batch)


@tagged("post_install", "-at_install")
class TestConcurrentReservations(JxcCommittedCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._committed_env() as env:
            env.company.jxc_allow_negative_stock = False
            cls.warehouse_id = (
                env["jxc.stock.warehouse"].create({"name": "Concurrency", "code": "CONC"}).id
            )
            products = env["product.product"].create(
                [{"name": f"Concurrency {x}", "type": "consu"} for x in "AB"]
            )
            cls.product_ids = products.ids
            # The demand every batch reserves for (reservations of missing demands are a
            # mismatch of the integrity check).
            cls.demand_id = env["res.partner"].create({"name": "Concurrency demand"}).id
            cls._receive_committed(env, cls.warehouse_id, cls.product_ids, STOCK)

    @classmethod
    def tearDownClass(cls):
        with cls._committed_env() as env:
            delete_stock_test_data(env.cr, cls.warehouse_id, cls.product_ids)
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
            env["res.partner"].browse(cls.demand_id).unlink()
        super().tearDownClass()

    def _batches(self, worker):
        a, b = self.product_ids
        # Half the workers list the products in the opposite order: no deadlock either way.
        order = (a, b) if worker % 2 else (b, a)
        return [
            [
                {
                    "product_id": p,
                    "warehouse_id": self.warehouse_id,
                    "quantity": 3.0,
                    "res_model": "res.partner",
                    "res_id": self.demand_id,
                    "name": f"worker {worker} batch {n}",
                }
                for p in order
            ]
            for n in range(BATCHES_PER_WORKER)
        ]

    def test_parallel_reservations_never_oversell(self):
        results = run_workers(
            config.rcfile,
            self.db,
            f"{__name__}:reserve_batch",
            [self._batches(w) for w in range(WORKERS)],
        )
        _logger.info("concurrent reservation workers: %s", results)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        self.assertEqual(sum(r["done"] for r in results), STOCK // 3)
        self.assertEqual(
            sum(r["refused"] for r in results), WORKERS * BATCHES_PER_WORKER - STOCK // 3
        )
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            quants = env["jxc.stock.quant"].search([("warehouse_id", "=", self.warehouse_id)])
            self.assertEqual(sorted(quants.mapped("quantity")), [STOCK, STOCK])
            self.assertEqual(sorted(quants.mapped("reserved_quantity")), [STOCK, STOCK])
            self.assertEqual(sorted(quants.mapped("available_quantity")), [0, 0])
            reservations = env["jxc.stock.reservation"].search(
                [("warehouse_id", "=", self.warehouse_id), ("state", "=", "open")]
            )
            for product_id in self.product_ids:
                held = reservations.filtered(lambda r, p=product_id: r.product_id.id == p)
                self.assertEqual(sum(held.mapped("quantity")), STOCK)
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])
