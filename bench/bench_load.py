# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Many clients: 32 JSON-RPC clients sell 10 popular products through a 4-worker server.

Usage: python bench/bench_load.py ODOO_CONF DB [--clients 32] [--orders 8] [--workers 4]
                                  [--port PORT] [--keep]

DB is a benchmark database without demo data (tools/benchdb.py). The script adds a warehouse,
10 products with limited stock, customers and one restricted user per client (销售 + 库存
user: confirms orders and posts deliveries; neither administrator nor superuser), commits,
then starts a real server (``--workers``, its own HTTP and gevent ports) and runs ``--clients``
OS processes, each with its own HTTP session (/web/session/authenticate, then
/web/dataset/call_kw as the form's buttons do). Each client places ``--orders`` orders of 2 to
4 lines of the popular products: create, 确认 (``action_confirm``), then 一键出库
(``action_post_open_pickings``: the delivery's 审核). The stock covers about two thirds of
what is ordered, so later orders run short: the company blocks them
(``jxc_sale_shortage_policy`` = block), and that refusal (a UserError naming the short
products) is counted, not an error.

While it runs, pg_stat_activity is sampled for lock waits. Afterwards the server log is read
for Odoo's retries of serialization failures and deadlocks, and the stock is checked: no
oversell (on hand ≥ 0 and reserved ≤ on hand), quants equal to the ledger (账实核对 finds
nothing), what was delivered equal to what the ledger's sale rows took out, and every
reservation of a delivered order consumed.

Target (issue #16): p95 of confirm and of deliver < 1.5 s, 0 oversell. Prints orders/s,
p50/p95/p99 per call and per order, errors, PASS / FAIL; exits with 1 on a stock problem. The
clients do not pause between calls (a rush of orders): each call's latency is then the queue
of the 4 workers as much as its own work. The data it adds stays in DB (one new warehouse per
run).
"""

import argparse
import json
import multiprocessing
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter

import requests

import odoo
from odoo.fields import Command
from odoo.tools import config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRODUCTS = 10
PASSWORD = "bench-load-pw"
TARGET_P95 = 1.5
CALLS = ("create", "confirm", "deliver")


# ----------------------------------------------------------------------
# Data (in-process, committed before the server starts)
# ----------------------------------------------------------------------
def setup(db, clients, orders):
    """Warehouse, products with limited stock, customers, one user per client; returns the
    ids the clients need."""
    registry = odoo.modules.registry.Registry(db)
    run = int(time.time())
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.company
        company.jxc_allow_negative_stock = False
        company.jxc_sale_shortage_policy = "block"
        warehouse = env["jxc.stock.warehouse"].create(
            {"name": f"Bench Load {run}", "code": f"L{run % 100000}"}
        )
        products = env["product.product"].create(
            [
                {"name": f"Bench Load {run} {i}", "type": "consu", "list_price": 10.0}
                for i in range(PRODUCTS)
            ]
        )
        # Each order asks for 3 lines × 3 units on average, spread over 10 products: the stock
        # covers about two thirds of it.
        demand = clients * orders * 3 * 3 / PRODUCTS
        stock = int(demand * 2 / 3)
        env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": warehouse.id,
                "line_ids": [
                    Command.create({"product_id": p.id, "quantity": stock, "unit_cost": 4.0})
                    for p in products
                ],
            }
        ).action_done()
        customers = env["res.partner"].create(
            [{"name": f"Bench Load Customer {run} {i}", "is_company": True} for i in range(8)]
        )
        groups = [
            env.ref("base.group_user").id,
            env.ref("jxc_sales.group_jxc_sales_user").id,
            env.ref("jxc_stock.group_jxc_stock_user").id,
        ]
        users = env["res.users"].with_context(no_reset_password=True)
        logins = []
        for i in range(clients):
            login = f"bench_load_{i}"
            user = users.search([("login", "=", login)])
            if not user:
                user = users.create(
                    {"name": f"Bench Load Clerk {i}", "login": login, "groups_id": [(6, 0, groups)]}
                )
            user.write({"password": PASSWORD, "groups_id": [(6, 0, groups)]})
            user.company_ids = [(4, company.id)]
            logins.append(login)
        return {
            "warehouse_id": warehouse.id,
            "product_ids": products.ids,
            "customer_ids": customers.ids,
            "logins": logins,
            "stock": stock,
        }


# ----------------------------------------------------------------------
# The server
# ----------------------------------------------------------------------
def free_port(preferred):
    for port in [preferred, 0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return s.getsockname()[1]
            except OSError:
                continue
    raise RuntimeError("no free port")


# The prefork server as odoo-bin runs it, except for its websocket (gevent) process, which no
# JSON-RPC client uses: where gevent cannot start (its plugins need a zope.interface that
# pkg_resources does not find), Odoo would start it again every second, a Python and Odoo
# import each time on a machine of 2 cores. A sleeping process stands in for it.
LAUNCHER = """
import subprocess, sys
import odoo
from odoo.service import server

def long_polling_spawn(self):
    # It ends with the server (its parent), even one killed outright.
    sleeper = [
        sys.executable,
        "-c",
        "import os, time\\nparent = os.getppid()\\nwhile os.getppid() == parent: time.sleep(1)",
    ]
    self.long_polling_pid = subprocess.Popen(sleeper).pid

server.PreforkServer.long_polling_spawn = long_polling_spawn
sys.argv[0] = "odoo-bin"
odoo.cli.main()
"""


def start_server(conf, db, workers, port, logfile, extra=()):
    gevent_port = free_port(port + 1 if port else 0)
    cmd = [
        sys.executable,
        "-c",
        LAUNCHER,
        "-c",
        conf,
        "-d",
        db,
        f"--db-filter=^{re.escape(db)}$",
        f"--workers={workers}",
        "--max-cron-threads=0",
        f"--http-port={port}",
        f"--gevent-port={gevent_port}",
        "--http-interface=127.0.0.1",
        "--log-level=info",
        f"--logfile={logfile}",
        "--limit-time-real=600",
        "--limit-time-cpu=600",
        *extra,
    ]
    proc = subprocess.Popen(cmd, start_new_session=True)  # its own group, stopped as one
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {proc.returncode}); see {logfile}")
        try:
            if requests.get(f"{url}/web/webclient/version_info", timeout=2).status_code < 500:
                break
        except requests.RequestException:
            pass
        time.sleep(0.5)
    else:
        stop_server(proc)
        raise RuntimeError(f"the server did not answer within 120 s; see {logfile}")
    return proc, url


def stop_server(proc):
    """Stop the server's process group: its master, workers and stand-in, whatever is left of
    them (a test may have killed the master)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


# ----------------------------------------------------------------------
# A client (its own OS process and HTTP session)
# ----------------------------------------------------------------------
class RpcError(Exception):
    def __init__(self, error, status):
        data = error.get("data") or {}
        self.name = data.get("name") or error.get("message") or "?"
        self.message = data.get("message") or error.get("message") or ""
        self.status = status
        super().__init__(f"{self.name}: {self.message}")


class Rpc:
    """A web client's HTTP session: JSON-RPC calls as the form's buttons make them."""

    def __init__(self, url, seed=0):
        self.url = url
        self.session = requests.Session()
        self.rng = random.Random(seed)

    def rpc(self, path, params):
        response = self.session.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": self.rng.random()},
            timeout=600,
        )
        if response.status_code >= 500:
            raise RpcError({"message": f"HTTP {response.status_code}"}, response.status_code)
        try:
            body = response.json()
        except ValueError:
            kind = response.headers.get("Content-Type", "?").split(";")[0]
            message = f"HTTP {response.status_code}: {kind}, not a JSON-RPC answer"
            raise RpcError({"message": message}, response.status_code) from None
        if body.get("error"):
            raise RpcError(body["error"], response.status_code)
        return body["result"]

    def call(self, model, method, args, kwargs=None):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def login(self, db, login, password=PASSWORD):
        params = {"db": db, "login": login, "password": password}
        return self.rpc("/web/session/authenticate", params)


def sell(rpc, data, record):
    """One order of 2 to 4 lines of the popular products: create, 确认, then 一键出库 (the
    order's ``action_post_open_pickings``, which posts its delivery as 审核 does). Fills
    ``record`` (times per call, outcome: ok / short); RpcError for anything else."""
    rng = rpc.rng
    lines = rng.sample(data["product_ids"], rng.randint(2, 4))
    begin = time.perf_counter()
    t = time.perf_counter()
    order_id = rpc.call(
        "jxc.sale.order",
        "create",
        [
            {
                "partner_id": rng.choice(data["customer_ids"]),
                "warehouse_id": data["warehouse_id"],
                "line_ids": [
                    [0, 0, {"product_id": p, "quantity": rng.randint(1, 5)}] for p in lines
                ],
            }
        ],
    )
    record["times"]["create"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        rpc.call("jxc.sale.order", "action_confirm", [[order_id]])
    except RpcError as error:
        if "UserError" in error.name and "Not enough stock" in error.message:
            record["times"]["confirm_short"] = time.perf_counter() - t
            record["outcome"] = "short"
            return
        raise
    record["times"]["confirm"] = time.perf_counter() - t
    t = time.perf_counter()
    rpc.call("jxc.sale.order", "action_post_open_pickings", [[order_id]])
    record["times"]["deliver"] = time.perf_counter() - t
    record["times"]["order"] = time.perf_counter() - begin
    record["order_id"] = order_id


def guarded(record, step):
    """Run ``step()``; an RPC or HTTP failure is recorded as the record's error."""
    try:
        step()
    except RpcError as error:
        record["outcome"] = "error"
        record["error"] = str(error)[:300]
        record["status"] = error.status
    except requests.RequestException as error:
        record["outcome"] = "error"
        record["error"] = f"HTTP: {error}"[:300]
        record["status"] = 0


def client(url, db, login, data, orders, seed, queue, start_at):
    rpc = Rpc(url, seed)
    rpc.login(db, login)
    while time.time() < start_at:
        time.sleep(0.01)
    for n in range(orders):
        record = {"client": login, "order": n, "times": {}, "outcome": "ok"}
        guarded(record, lambda record=record: sell(rpc, data, record))
        queue.put(record)
    queue.put(None)


def run_clients(target, arguments):
    """Run ``target(*args, queue, start_at)`` for each of ``arguments`` in its own OS process,
    all starting at once (after every client logged in); each puts a record per call in the
    queue, then None. Returns (records, seconds from the start to the last record)."""
    queue = multiprocessing.Queue()
    start_at = time.time() + 3 + len(arguments) * 0.05
    procs = [multiprocessing.Process(target=target, args=(*a, queue, start_at)) for a in arguments]
    for proc in procs:
        proc.start()
    records, done = [], 0
    while done < len(procs):
        record = queue.get(timeout=1200)
        if record is None:
            done += 1
        else:
            records.append(record)
    elapsed = time.time() - start_at
    for proc in procs:
        proc.join()
    return records, elapsed


# ----------------------------------------------------------------------
# Lock-wait sampling (pg_stat_activity) while the clients run
# ----------------------------------------------------------------------
def sample_locks(db, stop, samples):
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        while not stop.is_set():
            cr.execute(
                """
                SELECT wait_event_type, wait_event, state, left(query, 60)
                  FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()
                   AND backend_type = 'client backend'
                """
            )
            samples.append(cr.fetchall())
            cr.rollback()
            time.sleep(0.1)


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))]


# ----------------------------------------------------------------------
# Checks after the run
# ----------------------------------------------------------------------
def check_stock(db, data, delivered_orders):
    """[problems]: oversell, quants against the ledger, deliveries against the orders."""
    registry = odoo.modules.registry.Registry(db)
    problems = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        wh, products = data["warehouse_id"], data["product_ids"]
        cr.execute(
            """
            SELECT product_id, quantity, reserved_quantity FROM jxc_stock_quant
             WHERE warehouse_id = %s AND product_id = ANY(%s)
            """,
            [wh, products],
        )
        on_hand = {}
        for product_id, qty, reserved in cr.fetchall():
            on_hand[product_id] = float(qty)
            if qty < 0:
                problems.append(f"product {product_id}: on hand {qty} < 0 (oversold)")
            if reserved > qty:
                problems.append(f"product {product_id}: reserved {reserved} > on hand {qty}")
        cr.execute(
            """
            SELECT product_id, SUM(quantity),
                   -SUM(quantity) FILTER (WHERE move_type = 'sale_out')
              FROM jxc_stock_move WHERE warehouse_id = %s AND product_id = ANY(%s)
             GROUP BY product_id
            """,
            [wh, products],
        )
        shipped_ledger = {}
        for product_id, total, shipped in cr.fetchall():
            shipped_ledger[product_id] = float(shipped or 0)
            if abs(float(total) - on_hand.get(product_id, 0.0)) > 1e-6:
                problems.append(
                    f"product {product_id}: quant {on_hand.get(product_id)} != ledger {total}"
                )
            if float(total) + float(shipped or 0) != data["stock"]:
                problems.append(f"product {product_id}: received {data['stock']} != ledger")
        # What the orders say was delivered, per product, equals what the ledger took out.
        cr.execute(
            """
            SELECT l.product_id, SUM(l.quantity) FROM jxc_sale_order_line l
              JOIN jxc_sale_order o ON o.id = l.order_id
             WHERE o.id = ANY(%s) GROUP BY l.product_id
            """,
            [list(delivered_orders) or [0]],
        )
        ordered = {p: float(q) for p, q in cr.fetchall()}
        for product_id in products:
            if abs(ordered.get(product_id, 0.0) - shipped_ledger.get(product_id, 0.0)) > 1e-6:
                problems.append(
                    f"product {product_id}: delivered orders {ordered.get(product_id, 0.0)} != "
                    f"ledger sale_out {shipped_ledger.get(product_id, 0.0)}"
                )
        cr.execute(
            """
            SELECT count(*) FROM jxc_stock_reservation r
              JOIN jxc_sale_order_line l ON l.id = r.res_id AND r.res_model = 'jxc.sale.order.line'
             WHERE l.order_id = ANY(%s) AND r.state = 'open'
            """,
            [list(delivered_orders) or [0]],
        )
        if cr.fetchone()[0]:
            problems.append("delivered orders still hold open reservations")
        mismatches = env["jxc.stock.integrity"]._find_mismatches()
        problems += [f"账实核对: {line}" for line in mismatches]
        cr.rollback()
    return problems


def print_latencies(records, names):
    """Print p50 / p95 / p99 of each call in ``names``, the errors and HTTP 5xx; returns
    {name: p95}."""
    worst = {}
    for name in names:
        values = [r["times"][name] for r in records if name in r["times"]]
        if not values:
            continue
        p50, p95, p99 = (percentile(values, q) for q in (50, 95, 99))
        worst[name] = p95
        print(
            f"  {name:<13} n={len(values):>4}  p50 {p50:6.2f} s  p95 {p95:6.2f} s  "
            f"p99 {p99:6.2f} s  max {max(values):6.2f} s  mean {statistics.mean(values):6.2f} s"
        )
    errors = Counter(r["error"].split("\n")[0][:120] for r in records if r["outcome"] == "error")
    for message, count in errors.most_common(8):
        print(f"  error ×{count}: {message}")
    http500 = sum(1 for r in records if r.get("status", 0) >= 500)
    print(f"  HTTP 5xx: {http500}")
    return worst


def server_retries(logfile, offset):
    counts = Counter()
    with open(logfile, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        for line in f:
            match = re.search(r"INFO \S+ odoo\.service\.model: (\w+), (\d+|maximum)", line)
            if match:
                counts[match.group(1) + (" (gave up)" if match.group(2) == "maximum" else "")] += 1
            elif " ERROR " in line:
                counts["ERROR lines"] += 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("conf")
    parser.add_argument("db")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--orders", type=int, default=8, help="orders per client")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="default: JXC_HTTP_PORT + 10")
    args = parser.parse_args()
    config.parse_config(["-c", args.conf, "--log-level=warn"])
    port = free_port(args.port or int(os.environ.get("JXC_HTTP_PORT", "8069")) + 10)

    data = setup(args.db, args.clients, args.orders)
    odoo.sql_db.close_all()
    logfile = os.path.join(ROOT, ".run", f"bench_load-{args.db}.log")
    offset = os.path.getsize(logfile) if os.path.exists(logfile) else 0
    print(
        f"bench_load: {args.clients} clients × {args.orders} orders, {args.workers} workers, "
        f"{PRODUCTS} products × {data['stock']} units in stock, server log {logfile}"
    )
    server, url = start_server(args.conf, args.db, args.workers, port, logfile)
    stop, samples = threading.Event(), []
    try:
        sampler = threading.Thread(target=sample_locks, args=(args.db, stop, samples))
        sampler.start()
        records, elapsed = run_clients(
            client,
            [(url, args.db, login, data, args.orders, i) for i, login in enumerate(data["logins"])],
        )
    finally:
        stop.set()
        stop_server(server)
    sampler.join()

    outcomes = Counter(r["outcome"] for r in records)
    delivered = [r["order_id"] for r in records if r["outcome"] == "ok"]
    print(
        f"{len(records)} orders in {elapsed:.1f} s: {outcomes['ok']} delivered "
        f"({outcomes['ok'] / elapsed:.2f} orders/s), {outcomes['short']} refused short of stock, "
        f"{outcomes['error']} errors"
    )
    worst = print_latencies(records, ("create", "confirm", "confirm_short", "deliver", "order"))
    retries = server_retries(logfile, offset)
    print(
        "  server retries (whole RPC, Odoo's service.model.retrying): "
        + (", ".join(f"{k} ×{v}" for k, v in sorted(retries.items())) or "none")
    )
    if samples:
        waiting = Counter()
        active = []
        for sample in samples:
            active.append(sum(1 for s in sample if s[2] == "active"))
            for event_type, event, _state, _query in sample:
                if event_type == "Lock":
                    waiting[event] += 1
        print(
            f"  pg_stat_activity, {len(samples)} samples: {statistics.mean(active):.2f} active "
            f"backends on average; lock waits per sample: "
            + (", ".join(f"{k} {v / len(samples):.2f}" for k, v in waiting.most_common()) or "none")
        )
    problems = check_stock(args.db, data, delivered)
    for problem in problems[:20]:
        print(f"  STOCK PROBLEM: {problem}")
    print(f"  oversell / ledger problems: {len(problems)}")
    ok = (
        not problems
        and not outcomes["error"]
        and worst.get("confirm", 99) < TARGET_P95
        and worst.get("deliver", 99) < TARGET_P95
    )
    print(
        f"{'PASS' if ok else 'FAIL'}: p95 confirm {worst.get('confirm', float('nan')):.2f} s, "
        f"deliver {worst.get('deliver', float('nan')):.2f} s (target < {TARGET_P95} s), "
        f"{len(problems)} stock problems, {outcomes['error']} errors (target 0)"
    )
    with open(os.path.join(ROOT, ".run", "bench_load-last.json"), "w", encoding="utf-8") as f:
        json.dump(records, f)
    # Too slow is printed (FAIL); a stock problem is an error of the code: the exit status.
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
