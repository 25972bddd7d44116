# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invariant 2 under real concurrency: separate OS processes, each with its own committed
transactions against PostgreSQL, reserve the same products at once."""

import logging

import odoo
from odoo.fields import Command
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import config

from .concurrency_worker import run_workers

WORKERS = 8
BATCHES_PER_WORKER = 10
STOCK = 96  # 32 batches of 3 fit exactly; 80 are asked for

_logger = logging.getLogger(__name__)


def reserve_batch(env, batch):
    """One worker's job: reserve a batch (run in a worker process, see concurrency_worker)."""
    env["jxc.stock.reservation"]._reserve(batch)


@tagged("post_install", "-at_install")
class TestConcurrentReservations(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = get_db_name()
        cls.registry = odoo.modules.registry.Registry(cls.db)
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
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
            cls.picking_id = picking.id

    @classmethod
    def tearDownClass(cls):
        with cls.registry.cursor() as cr:
            # Test data only: the ledger is append-only for the application, so clean in SQL.
            for table, column in (
                ("jxc_stock_reservation", "warehouse_id"),
                ("jxc_stock_move", "warehouse_id"),
                ("jxc_stock_period_balance", "warehouse_id"),
                ("jxc_stock_quant", "warehouse_id"),
            ):
                cr.execute(f"DELETE FROM {table} WHERE {column} = %s", [cls.warehouse_id])
            cr.execute(
                "DELETE FROM jxc_stock_valuation WHERE product_id = ANY(%s)", [cls.product_ids]
            )
            cr.execute("DELETE FROM jxc_stock_picking WHERE id = %s", [cls.picking_id])
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
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
