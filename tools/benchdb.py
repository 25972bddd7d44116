"""Create the benchmark database: Odoo core plus the five JXC addons, without demo data."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jxcdb


def main(conf, db):
    core = "jxc_bench_core"
    jxcdb.ensure_core(core, conf)
    jxcdb.copy(core, db, conf)
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{db}.log")
    code = jxcdb.run_odoo(
        "-d", db, "-i", ",".join(jxcdb.JXC_ADDONS), "--without-demo=all", logfile=log, conf=conf
    )
    if code:
        sys.exit(f"[jxc] installing JXC into {db} failed; see {log}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
