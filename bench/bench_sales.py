# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""jxc_sales benchmark against Odoo's own sale_stock flow, in the same run.

Usage: python bench/bench_sales.py ODOO_CONF JXC_DB ODOO_DB [JXC_SALES_DB]
JXC_DB has the five JXC addons (jxc_finance included: confirming posts the receivable);
JXC_SALES_DB, when given, only jxc_stock and jxc_sales. Each system creates, confirms and
delivers sale orders of 10 lines (and of 100 lines); the systems take turns, round after
round (who goes first alternates), so that all see the same load on a shared machine. Prints
lines/s per system and round, the median ratio JXC / Odoo for 10-line orders, the queries of
an order per step (create, confirm, deliver) for 10 and 100 lines, and the cost of a 100-line
order relative to a 10-line one. All databases are rolled back afterwards.
Targets (issue #16): JXC ≥ 20× Odoo's lines/s for 10-line orders (≥ 15× with jxc_finance);
queries per order independent of the number of lines; a 100-line order costs at most 12× a
10-line order.
"""

import statistics
import sys
import time

import odoo
from odoo.fields import Command
from odoo.tools import config

ROUNDS = 5
ORDERS = {10: 10, 100: 1}  # lines per order: orders per round
STEPS = ("create", "confirm", "deliver")


class Flow:
    """One system's database, kept open for the whole run, and its order flow."""

    def __init__(self, name, db, setup):
        self.name = name
        self.cr = odoo.modules.registry.Registry(db).cursor()
        self.env = odoo.api.Environment(self.cr, odoo.SUPERUSER_ID, {})
        self.steps = setup(self.env)
        self.times = {size: [] for size in ORDERS}  # seconds per order, one entry per round
        self.queries = {}  # size: {step: queries}

    def run(self, size, count):
        """``count`` orders of ``size`` lines; the seconds per order; queries per step."""
        env, cr = self.env, self.cr
        env.flush_all()
        queries = dict.fromkeys(STEPS, 0)
        start = time.perf_counter()
        for _i in range(count):
            record = None
            for step, func in zip(STEPS, self.steps, strict=True):
                before = cr.sql_log_count
                record = func(size, record) if record is not None else func(size)
                env.flush_all()
                queries[step] += cr.sql_log_count - before
        seconds = (time.perf_counter() - start) / count
        self.times[size].append(seconds)
        self.queries[size] = {step: n / count for step, n in queries.items()}
        return seconds

    def close(self):
        self.cr.rollback()
        self.cr.close()


def setup_jxc(env):
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

    def create(lines):
        return env["jxc.sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": warehouse.id,
                "line_ids": [
                    Command.create({"product_id": p.id, "quantity": 1.0}) for p in products[:lines]
                ],
            }
        )

    def confirm(_lines, order):
        order.action_confirm()
        return order

    def deliver(_lines, order):
        order.picking_ids.action_done()
        return order

    return create, confirm, deliver


def setup_odoo(env):
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

    def create(lines):
        return env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1.0})
                    for p in products[:lines]
                ],
            }
        )

    def confirm(_lines, order):
        order.action_confirm()
        return order

    def deliver(_lines, order):
        for picking in order.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking.button_validate()
        return order

    return create, confirm, deliver


def main(conf, jxc_db, odoo_db, jxc_sales_db=None):
    config.parse_config(["-c", conf, "--log-level=warn"])
    flows = [Flow("Odoo sale_stock", odoo_db, setup_odoo)]
    if jxc_sales_db:
        flows.append(Flow("JXC", jxc_sales_db, setup_jxc))
    flows.append(Flow("JXC + finance", jxc_db, setup_jxc))
    odoo_flow, jxc_flows = flows[0], flows[1:]
    try:
        for flow in flows:  # warm-up
            flow.run(10, 1)
            flow.times[10].clear()
        for round_ in range(ROUNDS):
            turn = flows if round_ % 2 == 0 else flows[::-1]
            for size, count in ORDERS.items():
                for flow in turn:
                    flow.run(size, count)
            print(
                f"round {round_ + 1}: "
                + ", ".join(f"{flow.name} {10 / flow.times[10][-1]:.1f}" for flow in flows)
                + " lines/s (10-line orders)",
                flush=True,
            )
    finally:
        for flow in flows:
            flow.close()
    for flow in flows:
        for size, count in ORDERS.items():
            times = flow.times[size]
            speeds = sorted(size / t for t in times)
            queries = flow.queries[size]
            print(
                f"{flow.name:>16}: {size:>3}-line orders ({count * ROUNDS} orders): "
                f"{speeds[0]:.1f}–{speeds[-1]:.1f} lines/s, median "
                f"{size / statistics.median(times):.1f} ({statistics.median(times):.3f} s/order); "
                f"{sum(queries.values()):.0f} queries per order ("
                + ", ".join(f"{step} {queries[step]:.0f}" for step in STEPS)
                + ")"
            )
    for flow in jxc_flows:
        ratios = [o / j for j, o in zip(flow.times[10], odoo_flow.times[10], strict=True)]
        target = 15 if "finance" in flow.name else 20
        print(
            f"{flow.name} / Odoo lines/s for 10-line orders: median ×"
            f"{statistics.median(ratios):.1f} (rounds ×{min(ratios):.1f}–×{max(ratios):.1f}; "
            f"target ≥ {target})"
        )
    for flow in flows:
        per_order = {size: statistics.median(times) for size, times in flow.times.items()}
        grows = sum(flow.queries[100].values()) - sum(flow.queries[10].values())
        print(
            f"{flow.name:>16}: a 100-line order costs ×{per_order[100] / per_order[10]:.1f} "
            f"a 10-line order (target ≤ 12), {grows:+.0f} queries"
        )


if __name__ == "__main__":
    main(*sys.argv[1:5])
