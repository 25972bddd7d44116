# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""jxc_stock benchmark: posting 其他入库 / 其他出库 documents and a reservation burst.

Usage: python bench/bench_stock.py ODOO_CONF DB
Prints lines/s and SQL queries per line for 100-, 1,000- and 5,000-line documents, the cost
ratio, and reservations/s for a burst of 200 orders. Everything runs in one transaction that is
rolled back, so the database is left as it was.
Targets (issue #3): 1,000 lines cost at most 12× 100 lines; at least 500 ledger lines/s.
Target (issue #16): a 5,000-line receipt and a 5,000-line issue each post in under 10 s.
"""

import sys
import time

import odoo
from odoo.fields import Command
from odoo.tools import config


def measure(env, func):
    cr = env.cr
    env.flush_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    func()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - queries


def post(env, warehouse, products, picking_type, cost=None):
    lines = [
        Command.create(
            {"product_id": p.id, "quantity": 5.0, **({"unit_cost": cost} if cost else {})}
        )
        for p in products
    ]
    picking = env["jxc.stock.picking"].create(
        {"picking_type": picking_type, "warehouse_id": warehouse.id, "line_ids": lines}
    )
    return measure(env, picking.action_done)


def post_order_documents(env, warehouse, products):
    """A purchase receipt (采购入库单) and a sale delivery (销售出库单) of ``products``, each
    made by confirming its order and posted as 审核 does."""
    partner = env["res.partner"].create({"name": "Bench Partner"})
    for model, picking_field in (
        ("jxc.purchase.order", "purchase_in"),
        ("jxc.sale.order", "sale_out"),
    ):
        lines = [
            Command.create({"product_id": p.id, "quantity": 2.0, "price_unit": 5.0})
            for p in products
        ]
        order = env[model].create(
            {"partner_id": partner.id, "warehouse_id": warehouse.id, "line_ids": lines}
        )
        order.action_confirm()
        seconds, queries = measure(env, order.picking_ids.action_done)
        print(
            f"{picking_field} {len(products):>5} lines from its order: "
            f"{len(products) / seconds:8.0f} lines/s, {queries} queries, posted in "
            f"{seconds:.2f} s (target < 10 s)"
        )


def main(conf, db):
    config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        warehouse = env["jxc.stock.warehouse"].create({"name": "Bench", "code": "BENCH"})
        products = env["product.product"].create(
            [{"name": f"Bench {i}", "type": "consu"} for i in range(5010)]
        )
        post(env, warehouse, products[5000:5010], "in", 1.0)  # warm the caches up
        results = {}
        for size in (100, 1000, 5000):
            chunk = products[:size]
            for kind, cost in (("in", 3.0), ("out", None)):
                seconds, queries = post(env, warehouse, chunk, kind, cost)
                results[(kind, size)] = (seconds, queries)
                print(
                    f"{kind:>3} {size:>5} lines: {size / seconds:8.0f} lines/s, "
                    f"{queries / size:6.2f} queries/line ({seconds:.2f} s)"
                )
        for kind in ("in", "out"):
            ratio = results[(kind, 1000)][0] / results[(kind, 100)][0]
            qratio = results[(kind, 1000)][1] / results[(kind, 100)][1]
            print(
                f"{kind:>3} cost of 1,000 lines vs 100 lines: time ×{ratio:.1f}, "
                f"queries ×{qratio:.1f} (target ≤ 12)"
            )
        for kind in ("in", "out"):
            print(
                f"{kind:>3} 5,000 lines posted in {results[(kind, 5000)][0]:.2f} s (target < 10 s)"
            )

        if "jxc.purchase.order" in env and "jxc.sale.order" in env:
            post_order_documents(env, warehouse, products[:5000])

        # Reservation burst: 200 orders of 5 lines each, reserved one order at a time.
        receipt_products = products[:250]
        post(env, warehouse, receipt_products, "in", 1.0)
        post(env, warehouse, receipt_products, "in", 1.0)
        Reservation = env["jxc.stock.reservation"]
        orders = [
            [
                {
                    "product_id": receipt_products[(o * 5 + k) % 250].id,
                    "warehouse_id": warehouse.id,
                    "quantity": 1.0,
                    "res_model": "res.partner",
                    "res_id": o,
                    "name": f"order {o}",
                }
                for k in range(5)
            ]
            for o in range(200)
        ]

        def burst():
            for order in orders:
                Reservation._reserve(order)  # the engine, as documents call it

        seconds, queries = measure(env, burst)
        print(
            f"reservation burst: 200 orders × 5 lines in {seconds:.2f} s: "
            f"{200 / seconds:.0f} orders/s, {queries / 200:.1f} queries/order"
        )
        cr.rollback()


if __name__ == "__main__":
    main(*sys.argv[1:3])
