# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scale-out on Odoo's own engine: a streaming replica, two servers, 32 clients (issue #17).

Usage: python bench/scale_test.py ODOO_CONF DB [--clients 32] [--rounds 6] [--workers 2]

``make scale-test`` runs it on ``jxc_scale`` (JXC without demo data, created when missing). It
starts a streaming replica of the project's PostgreSQL (``tools/pg.sh replica-start``:
``pg_basebackup -R``), then two Odoo servers with ``--workers`` each against the primary, both
with ``db_replica_host`` / ``db_replica_port`` naming the replica: Odoo 18 runs read-only calls
(``@api.readonly`` methods, ``search_read``, ``web_search_read``, ``read_group`` …) on it and
everything else on the primary. The clients, OS processes with their own HTTP sessions, are
spread over both servers, and per eight of them:

- six 销售 + 库存 clerks each place ``--rounds`` orders of the 10 popular products of
  ``bench_load.py`` (create, 确认, 一键出库; orders short of stock are refused: counted, not
  errors);
- one cashier (财务) posts ``--rounds`` customer receipts (收款单, settled oldest due first);
- one report reader (报表 + 成本) opens the 进销存汇总 and the 库存估值 of the warehouse
  ``--rounds`` times: the wizard is created on the primary, Show and the list run on the replica.

Then it waits until the replica has replayed everything the primary wrote, reads both reports,
the ledger's count and the receipts' totals through the servers (the replica) and compares them
with the same read on the primary, and checks the stock (no oversell, quants equal to the
ledger, 账实核对 clean, every delivered order's reservations consumed) and the receipts (each
posted, settled plus prepayment equal to its amount). It prints throughput, p50 / p95 / p99
per call, the replica's replay lag while the clients ran and how long it took to catch up, and
what the servers logged; it stops what it started (servers and replica) whatever happens.

Exit status 1 when a client got an error, the stock or the receipts are wrong, the replica's
reports differ from the primary's, the replica served nothing, or a server logged an error or a
warning. There is no speed target: the figures are printed for the README.
"""

import argparse
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter

import odoo
from odoo.tools import config

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools")
)
import bench_load as load
import jxcdb

ROOT = load.ROOT
PG_SH = os.path.join(ROOT, "tools", "pg.sh")
# Per eight clients: six clerks, a cashier, a report reader.
ROLE_CYCLE = ("seller",) * 6 + ("cashier", "reader")
CALLS = (
    *("create", "confirm", "confirm_short", "deliver", "order"),
    *("receipt", "summary", "valuation"),
)
SUMMARY = "jxc.report.stock.summary"
VALUATION = "jxc.report.stock.valuation"
REPORTS = (("summary", SUMMARY), ("valuation", VALUATION))
# The receipts' totals by state, read the same way on the primary and through a server.
RECEIPT_SUMS = ["amount:sum", "amount_settled:sum", "amount_unsettled:sum"]


def roles(clients):
    return [ROLE_CYCLE[i % len(ROLE_CYCLE)] for i in range(clients)]


# ----------------------------------------------------------------------
# The database and its data
# ----------------------------------------------------------------------
def ensure_database(conf, db):
    """JXC's five addons without demo data, installed once."""
    if jxcdb.exists(db, conf):
        return
    core = "jxc_bench_core"
    jxcdb.ensure_core(core, conf)
    jxcdb.copy(core, db, conf)
    log = os.path.join(ROOT, ".run", f"install-{db}.log")
    code = jxcdb.run_odoo(
        "-d", db, "-i", ",".join(jxcdb.JXC_ADDONS), "--without-demo=all", logfile=log, conf=conf
    )
    if code:
        jxcdb.drop(db, conf)
        sys.exit(f"[jxc] installing JXC into {db} failed; see {log}")


def setup(db, clients, rounds):
    """bench_load's warehouse, products, customers and clerks; a bank account, cashiers and
    report readers (restricted users, each with the groups of their job)."""
    kinds = roles(clients)
    data = load.setup(db, kinds.count("seller"), rounds)
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.company
        data["account_id"] = (
            env["jxc.finance.account"]
            .create({"name": f"Scale Bank {int(time.time())}", "account_type": "bank"})
            .id
        )
        groups = {
            "cashier": ["jxc_finance.group_jxc_finance_user"],
            "reader": ["jxc_reports.group_jxc_reports_user", "jxc_stock.group_jxc_cost"],
        }
        groups = {
            kind: [env.ref(xmlid).id for xmlid in ["base.group_user", *xmlids]]
            for kind, xmlids in groups.items()
        }
        users = env["res.users"].with_context(no_reset_password=True)
        sellers = iter(data["logins"])
        data["clients"], data["reader_uid"] = [], None
        for i, kind in enumerate(kinds):
            if kind == "seller":
                data["clients"].append((kind, next(sellers)))
                continue
            login = f"scale_{kind}_{i}"
            user = users.search([("login", "=", login)])
            if not user:
                user = users.create({"name": f"Scale {kind} {i}", "login": login})
            user.write({"password": load.PASSWORD, "groups_id": [(6, 0, groups[kind])]})
            user.company_ids = [(4, company.id)]
            data["clients"].append((kind, login))
            if kind == "reader":
                data["reader_uid"] = user.id
        # The numbers of each report that the reader may see (the values: 成本 group).
        reader = env(user=data["reader_uid"])
        data["fields"] = {
            name: [
                f
                for f in reader[name]._jxc_numeric_fields()
                if reader[name]._fields[f].is_accessible(reader)
            ]
            for name in (SUMMARY, VALUATION)
        }
    return data


# ----------------------------------------------------------------------
# The replica
# ----------------------------------------------------------------------
def pg_sh(*args):
    done = subprocess.run(["bash", PG_SH, *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"tools/pg.sh {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def fetch_one(cnx, query, params=None):
    with cnx.cursor() as cr:
        cr.execute(query, params)
        return cr.fetchone()


def replica_transactions(replica, db):
    """Transactions the replica has served on ``db`` (its own statistics: a standby counts
    what it runs, not what it replays)."""
    with replica.cursor() as cr:
        cr.execute("SELECT pg_stat_clear_snapshot()")
        cr.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", [db]
        )
        return cr.fetchone()[0]


def sample_lag(primary, stop, samples):
    """The replica's replay lag as the primary sees it (pg_stat_replication), every 0.2 s."""
    while not stop.is_set():
        row = fetch_one(
            primary,
            """SELECT EXTRACT(EPOCH FROM replay_lag), pg_wal_lsn_diff(sent_lsn, replay_lsn)
                 FROM pg_stat_replication ORDER BY replay_lsn LIMIT 1""",
        )
        if row:
            samples.append((float(row[0] or 0.0), float(row[1] or 0.0)))
        time.sleep(0.2)


def catch_up(primary, replica, timeout=120):
    """Wait until the replica has replayed what the primary has written; the seconds it took."""
    target = fetch_one(primary, "SELECT pg_current_wal_lsn()")[0]
    begin = time.time()
    while time.time() - begin < timeout:
        behind = fetch_one(
            replica, "SELECT pg_wal_lsn_diff(%s, pg_last_wal_replay_lsn())", [target]
        )
        if behind[0] is not None and behind[0] <= 0:
            return time.time() - begin
        time.sleep(0.05)
    raise RuntimeError(f"the replica did not catch up within {timeout} s")


# ----------------------------------------------------------------------
# The clients
# ----------------------------------------------------------------------
def report_rows(rpc, wizard_model, rows_model, vals, fields):
    """A report as its screen reads it: create the wizard, Show (read-only), the list's page."""
    wizard_id = rpc.call(wizard_model, "create", [vals])
    action = rpc.call(wizard_model, "action_compute", [[wizard_id]])
    result = rpc.call(
        rows_model,
        "web_search_read",
        [],
        {
            "domain": action["domain"],
            "specification": {"product_id": {}, **{name: {} for name in fields}},
            "limit": 80,
            "context": action["context"],
        },
    )
    return result["records"]


def read_reports(rpc, data, record=None):
    """{report: {product_id: (numbers…)}} of the warehouse, read as the reader's screens do;
    the time each took goes into ``record``, when given."""
    vals = {"warehouse_ids": [(6, 0, [data["warehouse_id"]])]}
    reports = {}
    for name, rows_model in REPORTS:
        fields = data["fields"][rows_model]
        t = time.perf_counter()
        records = report_rows(rpc, f"{rows_model}.wizard", rows_model, vals, fields)
        if record is not None:
            record["times"][name] = time.perf_counter() - t
        reports[name] = {
            r["product_id"]: tuple(round(r[f] or 0.0, 6) for f in fields) for r in records
        }
    return reports


def receipt(rpc, data, record):
    rng = rpc.rng
    t = time.perf_counter()
    payment_id = rpc.call(
        "jxc.finance.payment",
        "create",
        [
            {
                "payment_type": "inbound",
                "partner_id": rng.choice(data["customer_ids"]),
                "account_id": data["account_id"],
                "amount": rng.randint(10, 60),
            }
        ],
    )
    rpc.call("jxc.finance.payment", "action_post", [[payment_id]])
    record["times"]["receipt"] = time.perf_counter() - t
    record["payment_id"] = payment_id


def client(url, db, kind, login, data, rounds, seed, queue, start_at):
    rpc = load.Rpc(url, seed)
    rpc.login(db, login)
    step = {"seller": load.sell, "cashier": receipt, "reader": read_reports}[kind]
    while time.time() < start_at:
        time.sleep(0.01)
    for n in range(rounds):
        record = {"client": login, "kind": kind, "round": n, "times": {}, "outcome": "ok"}
        load.guarded(record, lambda record=record: step(rpc, data, record))
        queue.put(record)
    queue.put(None)


def run_clients(urls, db, data, rounds):
    """The clients spread over the servers, in turn."""
    return load.run_clients(
        client,
        [
            (urls[i % len(urls)], db, kind, login, data, rounds, i)
            for i, (kind, login) in enumerate(data["clients"])
        ],
    )


# ----------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------
def primary_figures(db, data):
    """The reports, the ledger's count and the receipts' totals, read on the primary as the
    reader (the reports) and as the superuser (the rest)."""
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, data["reader_uid"], {})
        figures = {}
        for name, rows_model in REPORTS:
            wizard = env[f"{rows_model}.wizard"].create(
                {"warehouse_ids": [(6, 0, [data["warehouse_id"]])]}
            )
            fields = data["fields"][rows_model]
            figures[name] = {
                row.product_id.id: tuple(round(row[f] or 0.0, 6) for f in fields)
                for row in wizard._rows()
            }
        su = env(user=odoo.SUPERUSER_ID)
        figures["moves"] = su["jxc.stock.move"].search_count(
            [("warehouse_id", "=", data["warehouse_id"])]
        )
        figures["receipts"] = receipt_totals(
            su["jxc.finance.payment"].read_group(
                [("account_id", "=", data["account_id"])], RECEIPT_SUMS, ["state"]
            )
        )
        cr.rollback()
    return figures


def receipt_totals(groups):
    """{state: (count, amount, settled, prepayment)} of the receipts' read_group by state."""
    return {
        g["state"]: (g["state_count"], g["amount"], g["amount_settled"], g["amount_unsettled"])
        for g in groups
    }


def replica_figures(url, db, data, admin_login, admin_password):
    """The same figures read through a server: read-only calls, so on the replica."""
    reader = load.Rpc(url)
    reader.login(db, next(login for kind, login in data["clients"] if kind == "reader"))
    figures = read_reports(reader, data)
    admin = load.Rpc(url)
    admin.login(db, admin_login, admin_password)
    figures["moves"] = admin.call(
        "jxc.stock.move", "search_count", [[("warehouse_id", "=", data["warehouse_id"])]]
    )
    figures["receipts"] = receipt_totals(
        admin.call(
            "jxc.finance.payment",
            "read_group",
            [[("account_id", "=", data["account_id"])]],
            {"fields": RECEIPT_SUMS, "groupby": ["state"]},
        )
    )
    return figures


def check_receipts(db, payment_ids):
    """[problems]: a receipt not posted, or settled + prepayment not its amount."""
    registry = odoo.modules.registry.Registry(db)
    problems = []
    with registry.cursor() as cr:
        cr.execute(
            """
            SELECT p.name, p.state, p.amount, p.amount_settled, p.amount_unsettled,
                   COALESCE((SELECT SUM(l.amount) FROM jxc_finance_payment_line l
                              WHERE l.payment_id = p.id), 0)
              FROM jxc_finance_payment p WHERE p.id = ANY(%s)
            """,
            [list(payment_ids) or [0]],
        )
        rows = cr.fetchall()
        if len(rows) != len(payment_ids):
            problems.append(f"{len(payment_ids)} receipts made, {len(rows)} found")
        for name, state, amount, settled, unsettled, lines in rows:
            if state != "posted":
                problems.append(f"receipt {name} is {state}, not posted")
            if abs(settled - lines) > 0.005 or abs(settled + unsettled - amount) > 0.005:
                problems.append(
                    f"receipt {name}: amount {amount} != settled {settled} + prepayment "
                    f"{unsettled} (lines {lines})"
                )
    return problems


def log_entries(logfile, offset):
    """The server log's entries from ``offset``: a line of Odoo's format and its continuation."""
    entries = []
    with open(logfile, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        for line in f:
            if jxcdb.LOG_LINE.match(line) or not entries:
                entries.append(line)
            else:
                entries[-1] += line
    return entries


# Logged by Odoo, and not a fault: a refusal the client received as such (odoo.http logs a
# UserError at WARNING; the clients count what they received) and a failed query that Odoo
# runs again (a serialization failure, then its retry). Read-only calls that Odoo ran again
# on the primary (jxc_stock.utils.check_on_replica) are counted apart.
EXPECTED = (
    re.compile(r" WARNING \S+ odoo\.http: "),
    re.compile(r" ERROR \S+ odoo\.sql_db: bad query: .*could not serialize access", re.S),
)


def log_problems(logfile, offset):
    """(errors and warnings, read-only calls run again on the primary) in a server log."""
    bad, again = [], 0
    for entry in log_entries(logfile, offset):
        if not jxcdb.BAD_LOG_LINE.match(entry):
            continue
        if "retrying with a read/write cursor" in entry:
            again += 1
        elif not any(pattern.search(entry) for pattern in EXPECTED):
            bad.append(entry.rstrip())
    return bad, again


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("conf")
    parser.add_argument("db")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=6, help="orders / receipts / reads each")
    parser.add_argument("--workers", type=int, default=2, help="workers of each server")
    parser.add_argument("--admin-password", default="admin")
    args = parser.parse_args()
    if args.clients < len(ROLE_CYCLE):
        parser.error(f"--clients: at least {len(ROLE_CYCLE)} (a reader among them)")
    ensure_database(args.conf, args.db)
    config.parse_config(["-c", args.conf, "--log-level=warn"])

    data = setup(args.db, args.clients, args.rounds)
    odoo.sql_db.close_all()
    kinds = Counter(kind for kind, _login in data["clients"])
    print(
        f"scale_test: {args.clients} clients ({kinds['seller']} clerks, {kinds['cashier']} "
        f"cashiers, {kinds['reader']} report readers) × {args.rounds} rounds over 2 servers × "
        f"{args.workers} workers; {load.PRODUCTS} products × {data['stock']} units in stock"
    )
    socket_dir, port = pg_sh("replica-start").split()[-2:]
    servers, logs = [], []
    stop, lag = threading.Event(), []
    primary = replica = None
    try:
        primary = jxcdb.connect(args.db, args.conf)
        replica = jxcdb.connect(args.db, args.conf, host=socket_dir, port=port)
        print(f"  replica: pg_basebackup -R, socket {socket_dir}, port {port}")
        base_port = int(os.environ.get("JXC_HTTP_PORT", "8069")) + 20
        urls = []
        for n in range(2):
            logfile = os.path.join(ROOT, ".run", f"scale_test-{args.db}-{n}.log")
            logs.append((logfile, os.path.getsize(logfile) if os.path.exists(logfile) else 0))
            proc, url = load.start_server(
                args.conf,
                args.db,
                args.workers,
                load.free_port(base_port + 2 * n),
                logfile,
                extra=[f"--db_replica_host={socket_dir}", f"--db_replica_port={port}"],
            )
            servers.append(proc)
            urls.append(url)
        print(f"  servers: {', '.join(urls)}; logs {', '.join(log for log, _ in logs)}")
        served_before = replica_transactions(replica, args.db)
        sampler = threading.Thread(target=sample_lag, args=(primary, stop, lag))
        sampler.start()
        try:
            records, elapsed = run_clients(urls, args.db, data, args.rounds)
        finally:
            stop.set()
            sampler.join()
        served_during = replica_transactions(replica, args.db) - served_before
        caught_up = catch_up(primary, replica)
        served_before = replica_transactions(replica, args.db)
        from_replica = replica_figures(urls[0], args.db, data, "admin", args.admin_password)
        served_compare = replica_transactions(replica, args.db) - served_before
    finally:
        for proc in servers:
            load.stop_server(proc)
        for cnx in (primary, replica):
            if cnx is not None:
                cnx.close()
        pg_sh("replica-stop")

    outcomes = Counter((r["kind"], r["outcome"]) for r in records)
    delivered = [r["order_id"] for r in records if r["kind"] == "seller" and r["outcome"] == "ok"]
    payments = [r["payment_id"] for r in records if r.get("payment_id")]
    reads = sum(1 for r in records if r["kind"] == "reader" and r["outcome"] == "ok")
    errors = sum(n for (_kind, outcome), n in outcomes.items() if outcome == "error")
    print(
        f"{len(records)} rounds in {elapsed:.1f} s: {len(delivered)} orders delivered "
        f"({len(delivered) / elapsed:.2f}/s), {outcomes['seller', 'short']} refused short of "
        f"stock, {len(payments)} receipts posted ({len(payments) / elapsed:.2f}/s), {reads} "
        f"report reads of 进销存汇总 + 库存估值 ({reads / elapsed:.2f}/s), {errors} errors"
    )
    load.print_latencies(records, CALLS)
    if lag:
        print(
            f"  replica replay lag while the clients ran: max {max(s[0] for s in lag):.3f} s, "
            f"max {max(s[1] for s in lag) / 1024:.0f} kB behind; caught up {caught_up:.2f} s "
            f"after the last client"
        )
    print(
        f"  the replica served {served_during} transactions while the clients ran, "
        f"{served_compare} for the comparison"
    )
    problems = []
    if served_during <= 0 or served_compare <= 0:
        problems.append("the replica served no read-only call")
    from_primary = primary_figures(args.db, data)
    for key in ("summary", "valuation", "moves", "receipts"):
        if from_replica[key] != from_primary[key]:
            problems.append(
                f"{key} through the replica differs from the primary's: "
                f"{from_replica[key]} != {from_primary[key]}"
            )
    print(
        f"  replica = primary: 进销存汇总 {len(from_primary['summary'])} rows, 库存估值 "
        f"{len(from_primary['valuation'])} rows, {from_primary['moves']} ledger rows, receipts "
        f"{from_primary['receipts']}: {'equal' if not problems else 'NOT equal'}"
    )
    problems += load.check_stock(args.db, data, delivered)
    problems += check_receipts(args.db, payments)
    again = 0
    for logfile, offset in logs:
        bad, retried = log_problems(logfile, offset)
        again += retried
        problems += [f"{os.path.basename(logfile)}: {line[:200]}" for line in bad]
    retries = Counter()
    for logfile, offset in logs:
        retries.update(load.server_retries(logfile, offset))
    retries.pop("ERROR lines", None)
    print(
        f"  read-only calls run again on the primary: {again}; Odoo's retries of whole calls: "
        + (", ".join(f"{k} ×{v}" for k, v in sorted(retries.items())) or "none")
    )
    if errors:
        problems.append(f"{errors} errors reached the clients")
    for problem in problems[:30]:
        print(f"  PROBLEM: {problem}")
    print(f"{'PASS' if not problems else 'FAIL'}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
