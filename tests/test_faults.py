"""Faults: a worker killed in the middle of a posting, PostgreSQL restarted in the middle of a
burst of confirmations (README, "Scaling").

Both run against a real server with workers (bench_load's launcher) on a copy of the test
database, through JSON-RPC as the web client calls it:

- a receipt of 1,000 lines is posted (审核) and the worker serving the call is killed with
  SIGKILL once its transaction has written: the client gets a failed call, the document is
  untouched (still a draft, no ledger row, no quant), and posting it again succeeds in full;
- eight clients confirm 160 sale orders while the project's PostgreSQL restarts (``tools/pg.sh
  restart``, fast: open transactions are rolled back): each call is answered — done, or an
  error (a JSON-RPC error, or HTTP 404 when Odoo found the database unusable and closed the
  session, as Odoo does) — never left hanging; every order is either confirmed with all its
  lines reserved or still a draft with nothing reserved; after logging in again, confirming
  the drafts succeeds, and 账实核对 is clean.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

import jxcdb
import pytest
import requests
from test_backup_restore import probe

sys.path.insert(0, os.path.join(jxcdb.ROOT, "bench"))
import bench_load as load

DB = os.environ.get("JXC_TEST_DB", "jxc_test")
FAULT_DB = f"{DB}_fault"
# Confirmed by eight clients while PostgreSQL restarts: enough that the burst outlasts the
# restart (a confirmation takes a few tens of milliseconds).
ORDERS = 160
PG_SH = os.path.join(jxcdb.ROOT, "tools", "pg.sh")


def fetch(query, params=None):
    cnx = jxcdb.connect(FAULT_DB)
    try:
        with cnx.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()
    finally:
        cnx.close()


@pytest.fixture(scope="module")
def fault_db():
    """A copy of the test database, dropped afterwards."""
    jxcdb.copy(DB, FAULT_DB)
    try:
        yield FAULT_DB
    finally:
        jxcdb.drop(FAULT_DB)


@contextlib.contextmanager
def server(tmp_path, workers):
    """A server with ``workers`` on the copy; (url, admin Rpc, a warehouse id, its process)."""
    logfile = str(tmp_path / "server.log")
    port = load.free_port(int(os.environ.get("JXC_HTTP_PORT", "8069")) + 40)
    proc, url = load.start_server(jxcdb.CONF, FAULT_DB, workers, port, logfile)
    try:
        admin = load.Rpc(url)
        admin.login(FAULT_DB, "admin", "admin")
        warehouse = admin.call("jxc.stock.warehouse", "search", [[]], {"limit": 1})[0]
        yield url, admin, warehouse, proc
    finally:
        load.stop_server(proc)


def products(admin, name, count):
    return admin.call(
        "product.product",
        "create",
        [[{"name": f"{name} {i}", "type": "consu", "list_price": 10.0} for i in range(count)]],
    )


def receipt(admin, warehouse, lines):
    """A draft receipt (入库单) of ``lines``: [(product id, quantity)], at 3.00 a unit."""
    return admin.call(
        "jxc.stock.picking",
        "create",
        [
            {
                "picking_type": "in",
                "warehouse_id": warehouse,
                "line_ids": [
                    [0, 0, {"product_id": p, "quantity": q, "unit_cost": 3.0}] for p, q in lines
                ],
            }
        ],
    )


def worker_pid(master):
    """The pid of the server's only worker: a child of the master forked from it (its command
    line is the master's), not the stand-in for the websocket process."""
    children = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    workers = [
        int(pid)
        for pid in children
        if b"odoo.cli.main" in open(f"/proc/{pid}/cmdline", "rb").read()
    ]
    assert len(workers) == 1, f"expected one worker, found {workers}"
    return workers[0]


def wait_for_write(call_running, timeout=120):
    """Wait, while the call runs, until a transaction on FAULT_DB has written (no other
    request runs, and the server has no cron thread: it is the posting's)."""
    deadline = time.time() + timeout
    while time.time() < deadline and call_running.is_set():
        if fetch(
            "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL",
            [FAULT_DB],
        ):
            return
        time.sleep(0.005)
    raise AssertionError("the posting wrote nothing while it ran")


def test_worker_killed_while_posting_1000_lines_leaves_the_document_untouched(fault_db, tmp_path):
    with server(tmp_path, 1) as (url, admin, warehouse, master):
        kill_worker_while_posting(url, admin, warehouse, master)


def kill_worker_while_posting(url, admin, warehouse, master):
    items = products(admin, "Fault Kill", 50)
    picking = receipt(admin, warehouse, [(items[i % 50], 1 + i % 7) for i in range(1000)])
    clerk = load.Rpc(url)
    clerk.login(FAULT_DB, "admin", "admin")
    outcome, started = {}, threading.Event()

    def post():
        started.set()
        try:
            outcome["result"] = clerk.call("jxc.stock.picking", "action_done", [[picking]])
        except (load.RpcError, requests.RequestException) as error:
            outcome["error"] = error
        finally:
            started.clear()

    pid = worker_pid(master)
    caller = threading.Thread(target=post)
    caller.start()
    started.wait(10)
    wait_for_write(started)
    assert caller.is_alive(), "the posting ended before the worker was killed"
    os.kill(pid, signal.SIGKILL)
    caller.join(120)
    assert not caller.is_alive(), "the client hangs after its worker was killed"
    assert "error" in outcome, f"the call succeeded although its worker was killed: {outcome}"

    # PostgreSQL rolls the killed worker's transaction back once it sees the connection close.
    deadline = time.time() + 60
    while fetch(
        "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL",
        [FAULT_DB],
    ):
        assert time.time() < deadline, "the killed worker's transaction is still open"
        time.sleep(0.1)
    assert fetch("SELECT state FROM jxc_stock_picking WHERE id = %s", [picking]) == [("draft",)]
    assert fetch("SELECT COUNT(*) FROM jxc_stock_move WHERE product_id = ANY(%s)", [items]) == [
        (0,)
    ]
    assert fetch(
        "SELECT COUNT(*) FROM jxc_stock_quant WHERE product_id = ANY(%s) AND quantity <> 0",
        [items],
    ) == [(0,)]

    # The server replaced its worker: posting again succeeds, all 1,000 lines.
    again = load.Rpc(url)
    again.login(FAULT_DB, "admin", "admin")
    again.call("jxc.stock.picking", "action_done", [[picking]])
    assert fetch("SELECT state FROM jxc_stock_picking WHERE id = %s", [picking]) == [("done",)]
    expected = sum(1 + i % 7 for i in range(1000))
    assert fetch(
        "SELECT COUNT(*), SUM(quantity) FROM jxc_stock_move WHERE product_id = ANY(%s)", [items]
    ) == [(1000, expected)]
    assert fetch(
        "SELECT SUM(quantity) FROM jxc_stock_quant WHERE product_id = ANY(%s)", [items]
    ) == [(expected,)]


def test_postgresql_restart_during_confirmations_leaves_orders_whole(fault_db, tmp_path):
    with server(tmp_path, 2) as (url, admin, warehouse, _master):
        restart_during_confirmations(url, admin, warehouse)


def restart_during_confirmations(url, admin, warehouse):
    items = products(admin, "Fault Restart", 10)
    stock = receipt(admin, warehouse, [(p, 1000) for p in items])
    admin.call("jxc.stock.picking", "action_done", [[stock]])
    customer = admin.call("res.partner", "create", [{"name": "Fault Customer", "is_company": 1}])
    orders = [
        admin.call(
            "jxc.sale.order",
            "create",
            [
                {
                    "partner_id": customer,
                    "warehouse_id": warehouse,
                    "line_ids": [
                        [0, 0, {"product_id": items[(n + k) % 10], "quantity": 2 + k}]
                        for k in range(3)
                    ],
                }
            ],
        )
        for n in range(ORDERS)
    ]
    results, lock = {}, threading.Lock()

    def confirm(rpc, batch):
        for order in batch:
            try:
                rpc.call("jxc.sale.order", "action_confirm", [[order]])
                outcome = "ok"
            except load.RpcError as error:
                outcome = f"error answer: {error}"[:200]
            except requests.RequestException as error:
                outcome = f"no answer: {error}"[:200]
            with lock:
                results[order] = outcome
            time.sleep(0.05)

    # Every client logs in before any starts: a login while PostgreSQL restarts is not a
    # confirmation (and would end its thread with an error rather than an outcome).
    sessions = [load.Rpc(url) for _i in range(8)]
    for rpc in sessions:
        rpc.login(FAULT_DB, "admin", "admin")
    clients = [threading.Thread(target=confirm, args=(sessions[i], orders[i::8])) for i in range(8)]
    for client in clients:
        client.start()
    while len(results) < 4:
        time.sleep(0.01)
    restart = subprocess.run(
        ["bash", PG_SH, "restart"], capture_output=True, text=True, check=False
    )
    assert restart.returncode == 0, restart.stderr
    assert len(results) < ORDERS, "the confirmations were over before PostgreSQL restarted"
    for client in clients:
        client.join(300)
        assert not client.is_alive(), "a client hangs after PostgreSQL restarted"
    assert len(results) == ORDERS
    failed = [order for order, outcome in results.items() if outcome != "ok"]
    # Each call was answered: done, or an error answer (a JSON-RPC error such as
    # "connection already closed", or HTTP 404 once Odoo found the database unusable and
    # closed the session: the web client shows its login page then).
    assert not [o for o in results.values() if o.startswith("no answer")], results

    def states():
        rows = fetch(
            """
            SELECT o.id, o.state, COUNT(l.id),
                   COUNT(r.id) FILTER (WHERE r.state = 'open'),
                   COALESCE(SUM(r.quantity) FILTER (WHERE r.state = 'open'), 0),
                   SUM(l.quantity)
              FROM jxc_sale_order o
              JOIN jxc_sale_order_line l ON l.order_id = o.id
              LEFT JOIN jxc_stock_reservation r
                     ON r.res_model = 'jxc.sale.order.line' AND r.res_id = l.id
             WHERE o.id = ANY(%s) GROUP BY o.id, o.state
            """,
            [orders],
        )
        return {row[0]: row[1:] for row in rows}

    for order, (state, lines, reservations, reserved, ordered) in states().items():
        if state == "draft":
            assert (reservations, reserved) == (0, 0), f"draft order {order} holds reservations"
        else:
            assert state == "confirmed" and results[order] == "ok", (order, state)
            assert (reservations, reserved) == (lines, ordered), f"order {order} half reserved"
    # A failed confirmation left its order a draft, and confirming it again succeeds.
    retry = load.Rpc(url)
    for attempt in range(30):
        try:
            retry.login(FAULT_DB, "admin", "admin")
            break
        except (load.RpcError, requests.RequestException):
            assert attempt < 29, "the server does not answer after PostgreSQL restarted"
            time.sleep(1)
    drafts = [order for order, row in states().items() if row[0] == "draft"]
    assert sorted(drafts) == sorted(failed)
    for order in drafts:
        retry.call("jxc.sale.order", "action_confirm", [[order]])
    for order, (state, lines, reservations, reserved, ordered) in states().items():
        assert state == "confirmed" and (reservations, reserved) == (lines, ordered), order
    snapshot, bad = probe(FAULT_DB)
    assert snapshot["mismatches"] == [], snapshot["mismatches"]
    assert bad == []
