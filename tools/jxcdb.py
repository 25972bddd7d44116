"""Database helpers for the JXC test tooling: fresh databases, copies, installs with log checks.

Odoo runs in a subprocess (``odoo-bin --stop-after-init``) so every install starts from a clean
registry, exactly as an administrator's install would.
"""

import configparser
import contextlib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, ".run", "odoo.conf")
CORE_MODULES = "base,web,mail,product,uom"
JXC_ADDONS = ["jxc_stock", "jxc_purchase", "jxc_sales", "jxc_finance", "jxc_reports"]
# A log line of Odoo's format, and one at WARNING level or above.
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ [A-Z]+ ")
BAD_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ")


def manifest_version(addon):
    """The version of ``addon`` in this checkout's manifest."""
    import ast

    with open(os.path.join(ROOT, "addons", addon, "__manifest__.py"), encoding="utf-8") as f:
        return ast.literal_eval(f.read())["version"]


def run_odoo(*args, logfile=None, conf=CONF):
    import odoo

    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    cmd = [sys.executable, odoo_bin, "-c", conf, "--stop-after-init", "--no-http", *args]
    if logfile:
        cmd.append(f"--logfile={logfile}")
    return subprocess.run(cmd, check=False).returncode


def connect(db="postgres", conf=CONF, host=None, port=None):
    """An autocommit connection to ``db`` on the server Odoo's config names (or on ``host``
    and ``port``, with its user: a replica)."""
    import psycopg2

    parser = configparser.ConfigParser()
    parser.read(conf, encoding="utf-8")
    opts = parser["options"]
    params = {
        "dbname": db,
        "host": host or opts.get("db_host") or None,
        "port": port or opts.get("db_port") or None,
        "user": opts.get("db_user") or None,
        "password": opts.get("db_password") or None,
    }
    cnx = psycopg2.connect(**{k: v for k, v in params.items() if v})
    cnx.autocommit = True
    return cnx


@contextlib.contextmanager
def _admin_cursor(conf=CONF):
    """An autocommit cursor on the server's `postgres` database, as Odoo's config names it."""
    cnx = connect("postgres", conf)
    try:
        with cnx.cursor() as cr:
            yield cr
    finally:
        cnx.close()


def exists(db, conf=CONF):
    with _admin_cursor(conf) as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        return bool(cr.fetchone())


def drop(db, conf=CONF):
    with _admin_cursor(conf) as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [db]
        )
        cr.execute(f'DROP DATABASE IF EXISTS "{db}"')
    filestore = os.path.join(ROOT, ".run", "data", "filestore", db)
    if os.path.isdir(filestore):
        subprocess.run(["rm", "-rf", filestore], check=True)


def copy(src, dst, conf=CONF):
    """A copy of database ``src`` (and its filestore) named ``dst``. This process's idle
    connections to ``src`` (Odoo's pool: the test run's own registry) are closed first, as
    PostgreSQL copies only a database nobody is connected to."""
    if "odoo" in sys.modules:
        sys.modules["odoo"].sql_db.close_db(src)
    drop(dst, conf)
    with _admin_cursor(conf) as cr:
        cr.execute(f'CREATE DATABASE "{dst}" ENCODING \'unicode\' TEMPLATE "{src}"')
    store = os.path.join(ROOT, ".run", "data", "filestore")
    if os.path.isdir(os.path.join(store, src)):
        subprocess.run(["cp", "-a", os.path.join(store, src), os.path.join(store, dst)], check=True)


def bad_log_lines(logfile):
    with open(logfile, encoding="utf-8", errors="replace") as f:
        return [line.rstrip() for line in f if BAD_LOG_LINE.match(line)]


def install(db, modules, logfile, conf=CONF):
    """Install ``modules`` (comma-separated) in ``db``; return (exit code, bad log lines)."""
    if os.path.exists(logfile):
        os.unlink(logfile)
    code = run_odoo("-d", db, "-i", modules, "--log-level=info", logfile=logfile, conf=conf)
    return code, bad_log_lines(logfile)


def ensure_core(db, conf=CONF):
    """A database with only the Odoo core modules JXC builds on: a template."""
    if exists(db, conf):
        return
    log = os.path.join(ROOT, ".run", f"install-{db}.log")
    code, _bad = install(db, CORE_MODULES, log, conf)
    if code:
        drop(db, conf)
        raise RuntimeError(f"installing Odoo core modules into {db} failed; see {log}")


if __name__ == "__main__":
    # Shell entry point: `jxcdb.py exists DB` exits 0 when the database exists.
    if sys.argv[1:2] == ["exists"]:
        sys.exit(0 if exists(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else CONF) else 1)
    sys.exit("usage: jxcdb.py exists DB [ODOO_CONF]")
