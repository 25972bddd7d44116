"""Create the benchmark databases, without demo data: Odoo core plus the five JXC addons
(``DB``), plus jxc_sales alone (``DB_sales``), plus Odoo's sale_stock (``DB_odoo``, kept)."""

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
    # JXC's sales without finance (the sale flow without receivables), for bench_sales.py.
    sales_db = f"{db}_sales"
    jxcdb.copy(core, sales_db, conf)
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{sales_db}.log")
    if jxcdb.run_odoo(
        "-d", sales_db, "-i", "jxc_sales", "--without-demo=all", logfile=log, conf=conf
    ):
        sys.exit(f"[jxc] installing jxc_sales into {sales_db} failed; see {log}")
    # Odoo's own sales and inventory, to compare with (kept between runs: it is slow to build).
    odoo_db = f"{db}_odoo"
    if not jxcdb.exists(odoo_db, conf):
        jxcdb.copy(core, odoo_db, conf)
        log = os.path.join(jxcdb.ROOT, ".run", f"install-{odoo_db}.log")
        print(f"[jxc] installing Odoo's sale_stock into {odoo_db} (once)", file=sys.stderr)
        if jxcdb.run_odoo(
            "-d", odoo_db, "-i", "sale_stock", "--without-demo=all", logfile=log, conf=conf
        ):
            jxcdb.drop(odoo_db, conf)
            sys.exit(f"[jxc] installing sale_stock into {odoo_db} failed; see {log}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
