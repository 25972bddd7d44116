"""Create the throwaway test database: Odoo core, then all five JXC addons with demo data.

Usage: testdb.py ODOO_CONF DB. Fails when the install fails or logs a warning or an error.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jxcdb


def main(conf, db):
    core = f"{db}_core"
    jxcdb.drop(core, conf)
    print(f"[jxc] installing Odoo core modules into {core}", file=sys.stderr)
    jxcdb.ensure_core(core, conf)
    jxcdb.copy(core, db, conf)
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{db}.log")
    print(f"[jxc] installing {','.join(jxcdb.JXC_ADDONS)} into {db} (log {log})", file=sys.stderr)
    code, bad = jxcdb.install(db, ",".join(jxcdb.JXC_ADDONS), log, conf)
    if code or bad:
        sys.exit(f"[jxc] installing JXC into {db} failed (exit {code}):\n" + "\n".join(bad[:50]))


if __name__ == "__main__":
    main(*sys.argv[1:3])
