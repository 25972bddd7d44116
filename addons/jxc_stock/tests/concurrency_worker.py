# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One OS process of the reservation concurrency test (see test_concurrency.py).

Usage: python concurrency_worker.py ODOO_CONF DB JSON_BATCHES
Loads the registry, writes "ready", waits for a line on stdin, then reserves each batch in its
own committed transaction, retrying serialization failures (jxc_stock.utils.run_with_retry). Writes
one JSON line: {"reserved": n_batches_ok, "short": n_refused, "retries": n, "deadlocks": n}.
"""

import json
import sys

import psycopg2.errors


def main(conf, db, batches_json):
    import odoo
    from odoo.exceptions import UserError
    from odoo.tools import config

    config.parse_config(["-c", conf, "--log-level=warn"])
    # This file runs as a script (its own process), so it cannot import relatively.
    from odoo.addons.jxc_stock.utils import (  # pylint: disable=odoo-addons-relative-import
        run_with_retry,
    )

    registry = odoo.modules.registry.Registry(db)
    batches = json.loads(batches_json)
    result = {"reserved": 0, "short": 0, "retries": 0, "deadlocks": 0}
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()

    def count_retry(error):
        if isinstance(error, psycopg2.errors.DeadlockDetected):
            result["deadlocks"] += 1
        else:
            result["retries"] += 1

    for requests in batches:
        try:
            run_with_retry(
                registry,
                lambda env, r=requests: env["jxc.stock.reservation"].reserve(r),
                tries=200,
                on_retry=count_retry,
            )
            result["reserved"] += 1
        except UserError:
            result["short"] += 1
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(*sys.argv[1:4])
