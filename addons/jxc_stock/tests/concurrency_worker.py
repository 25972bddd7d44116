# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One OS process of the reservation concurrency test (see test_concurrency.py).

Usage: python concurrency_worker.py ODOO_CONF DB JSON_BATCHES
Loads the registry, writes "ready", waits for a line on stdin, then reserves each batch in its
own committed transaction, retrying serialization failures as Odoo's RPC layer does. Writes
one JSON line: {"reserved": n_batches_ok, "short": n_refused, "retries": n, "deadlocks": n}.
"""

import json
import random
import sys
import time

import psycopg2.errors


def main(conf, db, batches_json):
    import odoo
    from odoo.exceptions import UserError
    from odoo.tools import config

    config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    batches = json.loads(batches_json)
    result = {"reserved": 0, "short": 0, "retries": 0, "deadlocks": 0}
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    for requests in batches:
        for _attempt in range(200):
            try:
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                    env["jxc.stock.reservation"].reserve(requests)
                result["reserved"] += 1
                break
            except UserError:
                result["short"] += 1
                break
            except psycopg2.errors.DeadlockDetected:
                result["deadlocks"] += 1
                break
            except (psycopg2.errors.SerializationFailure, psycopg2.errors.LockNotAvailable):
                result["retries"] += 1
                time.sleep(random.uniform(0, 0.05))
        else:
            raise RuntimeError("a reservation kept failing to serialize")
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(*sys.argv[1:4])
