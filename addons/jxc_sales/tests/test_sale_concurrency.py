# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invariant 2 through sales: 8 OS processes confirm orders for the same products at once,
retrying serialization failures, or taking turns per product first (as a JSON-RPC call of
action_confirm does) and then never failing; a delivery locks in the posting's order."""

import threading
import time

import odoo
from odoo.fields import Command
from odoo.tests import new_test_user
from odoo.tests.common import tagged
from odoo.tools import config

from odoo.addons.jxc_stock.models.jxc_stock_quant import ADVISORY_LOCK_CLASS
from odoo.addons.jxc_stock.tests.concurrency_worker import run_workers

from .common import STOCK, SaleConcurrencyCase

WORKERS = 8
ORDERS_PER_WORKER = 6


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


def confirm_draft_taking_turns(env, batch):
    """One worker's job, as a request of the salesperson's button: take the turns of the
    order's products in the fresh transaction, then confirm the draft."""
    order = env["jxc.sale.order"].with_user(batch["uid"]).browse(batch["order_id"])
    if not env["jxc.stock.quant"]._take_turn(order.line_ids.product_id):
        raise RuntimeError("a fresh transaction takes its turns")
    order.action_confirm()


@tagged("post_install", "-at_install")
class TestConcurrentSaleConfirmation(SaleConcurrencyCase):
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


@tagged("post_install", "-at_install")
class TestSaleConfirmationTurns(SaleConcurrencyCase):
    _code = "STURN"

    def _draft_orders(self, count, user_id):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            a, b = self.product_ids
            return [
                env["jxc.sale.order"]
                .create(
                    {
                        "partner_id": self.partner_id,
                        "warehouse_id": self.warehouse_id,
                        "user_id": user_id,
                        "line_ids": [
                            Command.create({"product_id": p, "quantity": 2.0})
                            for p in ([a, b] if n % 2 else [b, a])
                        ],
                    }
                )
                .id
                for n in range(count)
            ]

    def _salesperson(self):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            user = env["res.users"].search([("login", "=", "jxc_turn_sales")])
            if not user:
                user = new_test_user(
                    env,
                    login="jxc_turn_sales",
                    email=False,
                    groups="base.group_user,jxc_sales.group_jxc_sales_user",
                )
            return user.id

    def test_turns_confirm_without_serialization_failures(self):
        """8 processes confirm 48 drafts of the same two products as a salesperson: with
        turns taken first, none fails on a serialization error or a deadlock, and still
        exactly what the stock covers is confirmed."""
        uid = self._salesperson()
        orders = self._draft_orders(WORKERS * ORDERS_PER_WORKER, uid)
        batches = [
            [{"order_id": o, "uid": uid} for o in orders[w::WORKERS]] for w in range(WORKERS)
        ]
        results = run_workers(
            config.rcfile, self.db, f"{__name__}:confirm_draft_taking_turns", batches
        )
        self.assertEqual(sum(r["retries"] for r in results), 0)
        self.assertEqual(sum(r["deadlocks"] for r in results), 0)
        self.assertEqual(sum(r["done"] for r in results), STOCK // 2)
        self.assertEqual(sum(r["refused"] for r in results), len(orders) - STOCK // 2)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            records = env["jxc.sale.order"].browse(orders)
            self.assertEqual(
                sorted(set(records.mapped("state"))), ["confirmed", "draft"], "refused: drafts"
            )
            quants = env["jxc.stock.quant"].search([("warehouse_id", "=", self.warehouse_id)])
            self.assertEqual(sorted(quants.mapped("available_quantity")), [0, 0])
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])

    @staticmethod
    def _free(other, product_id):
        """Whether another session could take the product's turn now."""
        other.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_CLASS, product_id])
        free = other.fetchone()[0]
        other.rollback()
        return free

    def test_turns_held_until_the_transaction_ends(self):
        """A turn is a session's until it commits or rolls back; a transaction that has
        written already takes none (it would lose its work) and keeps what it wrote."""
        a, b = self.product_ids
        with self.registry.cursor() as other:
            with self.registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                products = env["product.product"].browse(self.product_ids)
                self.assertTrue(env["jxc.stock.quant"]._take_turn(products))
                self.assertFalse(self._free(other, a), "the turn is held")
            self.assertTrue(self._free(other, a), "released at commit")

            with self.registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                products = env["product.product"].browse(self.product_ids)
                self.assertTrue(env["jxc.stock.quant"]._take_turn(products))
                self.assertFalse(self._free(other, b), "the turn is held")
                cr.rollback()
                self.assertTrue(self._free(other, b), "released at rollback")

                partner = env["res.partner"].create({"name": "Written Before The Turn"})
                self.assertFalse(env["jxc.stock.quant"]._take_turn(products))
                self.assertTrue(partner.exists(), "nothing rolled back")
                self.assertTrue(self._free(other, a), "no turn taken")
                cr.rollback()


@tagged("post_install", "-at_install")
class TestDeliveryLockOrder(SaleConcurrencyCase):
    _code = "SLOCK"

    def test_delivery_locks_averages_before_quants(self):
        """A delivery waiting for a product's average-cost row (held by another posting)
        holds none of its quants yet: the lock order of every posting, so the two cannot
        deadlock."""
        a = self.product_ids[0]
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            order = env["jxc.sale.order"].create(
                {
                    "partner_id": self.partner_id,
                    "warehouse_id": self.warehouse_id,
                    "line_ids": [Command.create({"product_id": a, "quantity": 3.0})],
                }
            )
            order.action_confirm()
            picking_id = order.picking_ids.id
        outcome = {}

        def deliver():
            try:
                with self.registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                    cr.execute("SELECT pg_backend_pid()")
                    outcome["pid"] = cr.fetchone()[0]
                    env["jxc.stock.picking"].browse(picking_id).action_done()
            # Whatever the delivery raises is asserted below, in the test's thread.
            except Exception as error:  # pylint: disable=broad-except
                outcome["error"] = error

        with self.registry.cursor() as posting, self.registry.cursor() as probe:
            # Another posting of the product holds its average-cost row.
            posting.execute(
                "SELECT id FROM jxc_stock_valuation WHERE product_id = %s FOR UPDATE", [a]
            )
            thread = threading.Thread(target=deliver)
            thread.start()
            for _i in range(300):
                probe.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                    [outcome.get("pid") or 0],
                )
                row = probe.fetchone()
                probe.rollback()
                if row and row[0] == "Lock":
                    break
                time.sleep(0.1)
            else:
                self.fail("the delivery never waited for the average-cost row")
            probe.execute(
                "SELECT id FROM jxc_stock_quant WHERE product_id = %s AND warehouse_id = %s "
                "FOR UPDATE SKIP LOCKED",
                [a, self.warehouse_id],
            )
            free = probe.fetchall()
            probe.rollback()
            posting.rollback()
            thread.join(60)
        self.assertTrue(free, "the waiting delivery holds no quant of the product")
        self.assertNotIn("error", outcome)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertEqual(env["jxc.stock.picking"].browse(picking_id).state, "done")
            self.assertEqual(env["jxc.stock.integrity"]._find_mismatches(), [])
