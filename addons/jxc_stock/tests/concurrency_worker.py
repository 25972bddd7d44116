# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run a job in several OS processes at once, each with its own committed transactions.

The concurrency tests (jxc_stock reservations, jxc_sales confirmations) use
:func:`run_workers`. Each worker process runs this file as a script:

    python concurrency_worker.py ODOO_CONF DB MODULE:FUNCTION JSON_BATCHES

It loads the registry, writes "ready", waits for a line on stdin (so all start together),
then calls ``FUNCTION(env, batch)`` for each batch in its own transaction, retrying
serialization failures (jxc_stock.utils.run_with_retry). A ``UserError`` counts as refused.
It writes one JSON line: {"done": n, "refused": n, "retries": n, "deadlocks": n}.
"""

import importlib
import json
import os
import subprocess
import sys

import psycopg2.errors


def run_workers(conf, db, job, batches_per_worker, timeout=600):
    """Start one worker per entry of ``batches_per_worker``, release them together and return
    their result dicts."""
    procs = [
        subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), conf, db, job, json.dumps(batches)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for batches in batches_per_worker
    ]
    for proc in procs:
        line = proc.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"a worker did not start: {line!r}")
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _err = proc.communicate(timeout=timeout)
        if proc.returncode:
            raise RuntimeError(f"a worker failed with exit code {proc.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def main(conf, db, job, batches_json):
    import odoo
    from odoo.exceptions import UserError
    from odoo.tools import config, mute_logger

    config.parse_config(["-c", conf, "--log-level=warn"])
    # This file runs as a script (its own process), so it cannot import relatively.
    from odoo.addons.jxc_stock.utils import (  # pylint: disable=odoo-addons-relative-import
        run_with_retry,
    )

    module_name, function_name = job.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    registry = odoo.modules.registry.Registry(db)
    batches = json.loads(batches_json)
    result = {"done": 0, "refused": 0, "retries": 0, "deadlocks": 0}
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()

    def count_retry(error):
        if isinstance(error, psycopg2.errors.DeadlockDetected):
            result["deadlocks"] += 1
        else:
            result["retries"] += 1

    for batch in batches:
        try:
            # Serialization failures are expected here and retried: keep them out of the log.
            with mute_logger("odoo.sql_db"):
                run_with_retry(
                    registry,
                    lambda env, b=batch: function(env, b),
                    tries=200,
                    on_retry=count_retry,
                )
            result["done"] += 1
        except UserError:
            result["refused"] += 1
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(*sys.argv[1:5])
