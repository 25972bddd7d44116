# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Go-live under real concurrency: separate OS processes post opening stock for the same
warehouse at once (each a different product, so that no quant row serializes them): one
opens the warehouse, the others are refused."""

import logging
import uuid

import odoo
from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import config

from ..utils import internal_context
from .common import JxcCommittedCase
from .concurrency_worker import run_workers

WORKERS = 4

_logger = logging.getLogger(__name__)


def post_opening(env, picking_id):
    """One worker's job: post its opening stock document."""
    env["jxc.stock.picking"].browse(picking_id).action_done()


@tagged("post_install", "-at_install")
class TestConcurrentOpeningStock(JxcCommittedCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._committed_env() as su_env:
            company = su_env["res.company"].create(
                {"name": f"Concurrent go-live {uuid.uuid4().hex[:8]}"}
            )
            env = su_env(context={"allowed_company_ids": company.ids})
            cls.company_id = company.id
            warehouse = env["jxc.stock.warehouse"].create(
                {"name": "Concurrent opening", "code": "CGL", "company_id": company.id}
            )
            cls.warehouse_id = warehouse.id
            products = env["product.product"].create(
                [
                    {"name": f"Concurrent opening {n}", "type": "consu", "company_id": company.id}
                    for n in range(WORKERS)
                ]
            )
            cls.product_ids = products.ids
            cls.golive_id = (
                env["jxc.golive"]
                .create({"company_id": company.id, "cutover_date": "2026-01-01"})
                .id
            )
            pickings = (
                env["jxc.stock.picking"]
                .with_context(**internal_context())
                .create(
                    [
                        {
                            "picking_type": "opening",
                            "company_id": company.id,
                            "warehouse_id": warehouse.id,
                            "line_ids": [
                                Command.create(
                                    {"product_id": product.id, "quantity": 5, "unit_cost": 2}
                                )
                            ],
                        }
                        for product in products
                    ]
                )
            )
            cls.picking_ids = pickings.ids

    @classmethod
    def tearDownClass(cls):
        with cls.registry.cursor() as cr:
            # Test data only: the ledger is append-only for the application, so clean in SQL.
            cr.execute("DELETE FROM jxc_stock_move WHERE warehouse_id = %s", [cls.warehouse_id])
            cr.execute(
                "DELETE FROM jxc_stock_period_balance WHERE warehouse_id = %s", [cls.warehouse_id]
            )
            cr.execute("DELETE FROM jxc_stock_quant WHERE warehouse_id = %s", [cls.warehouse_id])
            cr.execute("DELETE FROM jxc_stock_valuation WHERE company_id = %s", [cls.company_id])
            cr.execute("DELETE FROM jxc_stock_picking WHERE id = ANY(%s)", [cls.picking_ids])
            cr.execute("DELETE FROM jxc_golive WHERE id = %s", [cls.golive_id])
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["product.product"].browse(cls.product_ids).product_tmpl_id.unlink()
            env["jxc.stock.warehouse"].browse(cls.warehouse_id).unlink()
        super().tearDownClass()

    def test_a_warehouse_is_opened_once(self):
        results = run_workers(
            config.rcfile,
            self.db,
            f"{__name__}:post_opening",
            [[picking_id] for picking_id in self.picking_ids],
        )
        _logger.info("concurrent opening workers: %s", results)
        self.assertEqual(sum(r["done"] for r in results), 1)
        self.assertEqual(sum(r["refused"] for r in results), WORKERS - 1)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            pickings = env["jxc.stock.picking"].browse(self.picking_ids)
            self.assertEqual(sorted(pickings.mapped("state")), ["done"] + ["draft"] * 3)
            quants = env["jxc.stock.quant"].search([("warehouse_id", "=", self.warehouse_id)])
            self.assertEqual(quants.mapped("quantity"), [5.0])
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])
