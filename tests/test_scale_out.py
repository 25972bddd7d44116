"""`make scale-test`'s topology works here (README, "Scaling"), on a small load.

bench/scale_test.py runs on a copy of the test database (all five addons, demo data) with 8
clients — six clerks, a cashier and a report reader — spread over two Odoo servers, both with
``db_replica_host`` naming a streaming replica of the project's PostgreSQL that the script
builds with ``pg_basebackup -R``. It must pass: no error reached a client, no oversell, quants
equal to the ledger (账实核对 clean), every receipt posted and settled, the 进销存汇总, the
库存估值, the ledger's count and the receipts' totals read through the servers (the replica)
equal to the primary's once it caught up, the replica served read-only calls, and the servers
logged no error or unexpected warning. Afterwards the replica is stopped and deleted.
"""

import os
import re
import subprocess
import sys

import jxcdb

DB = os.environ.get("JXC_TEST_DB", "jxc_test")
SCALE = os.path.join(jxcdb.ROOT, "bench", "scale_test.py")


def test_replica_and_two_servers_serve_clients_without_a_fault():
    db = f"{DB}_scale"
    small = ["--clients", "8", "--rounds", "2", "--workers", "1"]
    jxcdb.copy(DB, db)
    try:
        run = subprocess.run(
            [sys.executable, SCALE, jxcdb.CONF, db, *small],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    finally:
        jxcdb.drop(db)
    output = run.stdout + run.stderr[-3000:]
    assert run.returncode == 0, output
    assert "PASS: 0 problems" in run.stdout, output
    served = re.search(
        r"the replica served (\d+) transactions while the clients ran, (\d+)", output
    )
    assert served and int(served[1]) > 0 and int(served[2]) > 0, output
    assert re.search(r"replica = primary: 进销存汇总 \d+ rows.*: equal", output), output
    summary = re.search(r"(\d+) orders delivered .* (\d+) receipts posted .* (\d+) errors", output)
    assert summary and int(summary[1]) > 0 and int(summary[2]) == 2 and summary[3] == "0", output
    # What it started is gone: the servers (their ports answer no more) and the replica.
    assert not os.path.exists(os.path.join(jxcdb.ROOT, ".run", "pg-replica.dir"))
    pg_dir = open(os.path.join(jxcdb.ROOT, ".run", "pg.dir"), encoding="utf-8").read().strip()
    assert not os.path.exists(f"{pg_dir}-replica")
