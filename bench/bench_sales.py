# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""jxc_sales benchmark against Odoo's own sale_stock flow, in the same run.

Usage: python bench/bench_sales.py ODOO_CONF JXC_DB ODOO_DB
For each system: create + confirm + deliver sale orders of 10 lines (and of 100 lines) in one
process and print lines/s; then the ratio JXC / Odoo for 10-line orders and the cost of a
100-line order relative to a 10-line one. Both databases are rolled back afterwards.
Targets (issue #5): JXC ≥ 20× Odoo's lines/s for 10-line orders; a 100-line order costs at
most 12× a 10-line order.
"""

import sys
import time

import odoo
from odoo.fields import Command
from odoo.tools import config

ORDERS = {10: 20, 100: 4}  # lines per order: number of orders


def timed(env, func):
    env.flush_all()
    start = time.perf_counter()
    func()
    env.flush_all()
    return time.perf_counter() - start


def run_jxc(env):
    warehouse = env["jxc.stock.warehouse"].create({"name": "Bench Sales", "code": "BSALE"})
    products = env["product.product"].create(
        [{"name": f"Bench Sale {i}", "type": "consu", "list_price": 10.0} for i in range(100)]
    )
    env["jxc.stock.picking"].create(
        {
            "picking_type": "in",
            "warehouse_id": warehouse.id,
            "line_ids": [
                Command.create({"product_id": p.id, "quantity": 100000.0, "unit_cost": 4.0})
                for p in products
            ],
        }
    ).action_done()
    customer = env["res.partner"].create({"name": "Bench Customer"})

    def flow(lines):
        order = env["jxc.sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": warehouse.id,
                "line_ids": [
                    Command.create({"product_id": p.id, "quantity": 1.0}) for p in products[:lines]
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.action_done()

    flow(10)  # warm-up
    return {
        size: timed(env, lambda s=size, n=count: [flow(s) for _i in range(n)])
        for size, count in ORDERS.items()
    }


def run_odoo(env):
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    products = env["product.product"].create(
        [
            {"name": f"Bench Sale {i}", "type": "consu", "is_storable": True, "list_price": 10.0}
            for i in range(100)
        ]
    )
    for product in products:
        env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100000.0)
    customer = env["res.partner"].create({"name": "Bench Customer"})

    def flow(lines):
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1.0})
                    for p in products[:lines]
                ],
            }
        )
        order.action_confirm()
        for picking in order.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking.button_validate()

    flow(10)  # warm-up
    return {
        size: timed(env, lambda s=size, n=count: [flow(s) for _i in range(n)])
        for size, count in ORDERS.items()
    }


def measure(db, runner):
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            return runner(env)
        finally:
            cr.rollback()


def main(conf, jxc_db, odoo_db):
    config.parse_config(["-c", conf, "--log-level=warn"])
    results = {"JXC": measure(jxc_db, run_jxc), "Odoo sale_stock": measure(odoo_db, run_odoo)}
    speed = {}
    for system, times in results.items():
        for size, seconds in times.items():
            lines = size * ORDERS[size]
            speed[(system, size)] = lines / seconds
            print(
                f"{system:>16}: {ORDERS[size]:>3} orders × {size:>3} lines: "
                f"{lines / seconds:8.1f} lines/s ({seconds / ORDERS[size]:.3f} s/order)"
            )
    print(
        f"JXC / Odoo lines/s for 10-line orders: "
        f"×{speed[('JXC', 10)] / speed[('Odoo sale_stock', 10)]:.1f} (target ≥ 20)"
    )
    for system, times in results.items():
        per_order = {size: seconds / ORDERS[size] for size, seconds in times.items()}
        print(
            f"{system:>16}: a 100-line order costs ×{per_order[100] / per_order[10]:.1f} "
            f"a 10-line order (target ≤ 12)"
        )


if __name__ == "__main__":
    main(*sys.argv[1:4])
