"""Operations on the local JXC: ``make backup``, ``make restore``, ``make status``.

    ops.py backup ODOO_CONF DB [DIR]          back up DB (database + filestore) into DIR
    ops.py restore ODOO_CONF FILE [DB] [--force]
    ops.py status ODOO_CONF DB
    ops.py check ODOO_CONF DB                 账实核对 (the integrity check): exit 1 on a mismatch
    ops.py behind ODOO_CONF DB                exit 1 naming the JXC addons older in DB than here

Backups are Odoo's own dump format (the database manager's zip) made by
``odoo.service.db.dump_db`` and restored by ``odoo.service.db.restore_db`` through
``addons/jxc_stock/backup.py``, the module the scheduled backup uses; this script is a process
of its own, so it may switch Odoo's database manager functions on (see that module).
"""

import configparser
import importlib.util
import json
import os
import subprocess
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jxcdb

ROOT = jxcdb.ROOT
RUN = os.path.join(ROOT, ".run")


def _backup_module():
    path = os.path.join(ROOT, "addons", "jxc_stock", "backup.py")
    spec = importlib.util.spec_from_file_location("jxc_backup_cli", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


backup = _backup_module()


def _odoo(conf, logfile):
    """Odoo's configuration from ``conf``, its log in ``logfile``."""
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", conf, f"--logfile={logfile}", "--log-level=info"])
    odoo.netsvc.init_logger()
    return config


def _connect(options, db, host=None, port=None):
    """A connection to ``db`` with Odoo's options (a mapping of odoo.conf's)."""
    import psycopg2

    params = {
        "dbname": db,
        "host": host or options.get("db_host") or None,
        "port": port or options.get("db_port") or None,
        "user": options.get("db_user") or None,
        "password": options.get("db_password") or None,
        "connect_timeout": 3,
    }
    return psycopg2.connect(**{k: v for k, v in params.items() if v})


def _db_param(options, db, key):
    """An ir.config_parameter of ``db``, or None (no database, no table, no server)."""
    import psycopg2

    try:
        cnx = _connect(options, db)
    except psycopg2.Error:
        return None
    try:
        with cnx.cursor() as cr:
            cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [key])
            row = cr.fetchone()
            return row and row[0]
    except psycopg2.Error:
        return None
    finally:
        cnx.close()


def backup_folder(config, db):
    """The folder the scheduled backup of ``db`` writes to: its setting, else odoo.conf's."""
    return _db_param(config, db, "jxc_stock.backup_dir") or backup.default_folder(config, db)


def _size(size):
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def cmd_backup(conf, db, folder=None):
    config = _odoo(conf, os.path.join(RUN, f"backup-{db}.log"))
    folder = folder or backup_folder(config, db)
    print(f"[jxc] backing up {db} into {folder}", file=sys.stderr)
    path, size = backup.dump(db, folder)
    print(f"[jxc] backup written: {path} ({_size(size)})", file=sys.stderr)
    print(path)


def cmd_restore(conf, path, db=None, force=False):
    from odoo.service import db as odoo_db

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    db = db or manifest["db_name"]
    config = _odoo(conf, os.path.join(RUN, f"restore-{db}.log"))
    if odoo_db.exp_db_exist(db):
        if not force:
            sys.exit(
                f"[jxc] database {db} exists: restore under another name (DB=new_name), "
                "or drop it first (FORCE=1 drops it; stop Odoo first if it serves it)."
            )
        print(f"[jxc] dropping the existing database {db} (FORCE=1)", file=sys.stderr)
        config["list_db"] = True
        odoo_db.exp_drop(db)
    # A database restored under another name is a copy: it gets its own UUID.
    copy = db != manifest["db_name"]
    print(f"[jxc] restoring {path} as {db}{' (a copy)' if copy else ''}", file=sys.stderr)
    backup.restore(db, path, copy=copy)
    print(f"[jxc] restored {db}; log {config['logfile']}", file=sys.stderr)


def _conf(conf):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(conf, encoding="utf-8")
    return parser["options"] if parser.has_section("options") else {}


def _pg_lines(options):
    """The project's PostgreSQL: port, data directory, up or down (``pg_isready``)."""
    host, port = options.get("db_host") or "localhost", options.get("db_port") or "5432"
    pg_dir_file = os.path.join(RUN, "pg.dir")
    data = None
    if os.path.exists(pg_dir_file):
        with open(pg_dir_file, encoding="utf-8") as f:
            data = os.path.join(f.read().strip(), "data")
    ready = subprocess.run(
        ["pg_isready", "-q", "-h", host, "-p", str(port), "-t", "3"], check=False
    ).returncode
    state = "up" if ready == 0 else "down"
    where = f"data {data}" if data else "external server (PG* variables)"
    return state, [f"PostgreSQL  {state:<5} port {port}, {where}, socket/host {host}"]


def _odoo_lines(options):
    pidfile = os.path.join(RUN, "odoo.pid")
    pid = None
    if os.path.exists(pidfile):
        with open(pidfile, encoding="utf-8") as f:
            pid = f.read().strip()
    running = False
    if pid:
        try:
            os.kill(int(pid), 0)
            running = True
        except (OSError, ValueError):
            running = False
    workers = int(options.get("workers") or 0)
    mode = f"{workers} workers" if workers else "threaded (workers = 0)"
    url = f"http://localhost:{options.get('http_port') or 8069}"
    if running:
        return [f"Odoo        up    pid {pid}, {url}, {mode}"]
    return [f"Odoo        down  ({url} when running, {mode})"]


def _replica_line(options):
    import psycopg2

    if not options.get("db_replica_host") and not options.get("db_replica_port"):
        return "Replica     no replica (db_replica_host not set)"
    host = options.get("db_replica_host") or options.get("db_host")
    port = options.get("db_replica_port") or options.get("db_port")
    try:
        cnx = _connect(options, "postgres", host, port)
    except psycopg2.Error as error:
        return f"Replica     down  {host}:{port} ({str(error).strip().splitlines()[0]})"
    try:
        with cnx.cursor() as cr:
            cr.execute(
                """SELECT pg_is_in_recovery(),
                          EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()),
                          pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"""
            )
            recovering, lag, caught_up = cr.fetchone()
    finally:
        cnx.close()
    if not recovering:
        return f"Replica     {host}:{port} is not a standby (not in recovery)"
    if caught_up:
        return f"Replica     up    {host}:{port}, caught up (lag 0 s)"
    return f"Replica     up    {host}:{port}, lag {lag or 0:.1f} s"


def cmd_status(conf, db):
    options = _conf(conf)
    lines = []
    pg_state, pg_lines = _pg_lines(options)
    lines += pg_lines
    lines += _odoo_lines(options)
    lines.append(_replica_line(options))
    folder = None
    if pg_state == "up":
        folder = _db_param(options, db, "jxc_stock.backup_dir")
    if not folder:
        root = options.get("jxc_backup_dir") or os.path.join(
            options.get("data_dir") or os.path.join(RUN, "data"), "backups"
        )
        folder = os.path.join(root, db)
    found = backup.list_backups(folder, db)
    if found:
        stat = os.stat(found[-1])
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stat.st_mtime))
        lines.append(f"Last backup {found[-1]}  ({when}, {_size(stat.st_size)})")
    else:
        lines.append(f"Last backup none of {db} in {folder}")
    print("\n".join(lines))


def _version(text):
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def cmd_behind(conf, db):
    """Name the JXC addons whose installed version in ``db`` is older than the code's; exit 1
    when there is one (``make run`` says so; ``make upgrade`` upgrades them)."""
    import psycopg2

    options = _conf(conf)
    try:
        cnx = _connect(options, db)
    except psycopg2.Error:
        return
    with cnx, cnx.cursor() as cr:
        cr.execute(
            """SELECT name, latest_version FROM ir_module_module
                WHERE state = 'installed' AND name LIKE 'jxc%%'"""
        )
        installed = dict(cr.fetchall())
    cnx.close()
    behind = [
        f"{addon} {installed[addon]} -> {version}"
        for addon, version in ((a, jxcdb.manifest_version(a)) for a in jxcdb.JXC_ADDONS)
        if addon in installed and _version(installed[addon] or "0") < _version(version)
    ]
    if behind:
        print(f"[jxc] database {db} runs older JXC versions than the code: " + ", ".join(behind))
        sys.exit(1)


def cmd_check(conf, db):
    """账实核对 of ``db``: exit 1 listing the mismatches."""
    import odoo

    config = _odoo(conf, os.path.join(RUN, f"check-{db}.log"))
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        mismatches = env["jxc.stock.integrity"]._find_mismatches()
    if mismatches:
        for line in mismatches:
            print(f"[jxc] 账实核对 mismatch: {line}", file=sys.stderr)
        sys.exit(f"[jxc] 账实核对 of {db}: {len(mismatches)} mismatch(es); log {config['logfile']}")
    print(f"[jxc] 账实核对 of {db}: clean", file=sys.stderr)


def main(argv):
    if len(argv) >= 3 and argv[0] == "backup":
        return cmd_backup(*argv[1:4])
    if len(argv) >= 3 and argv[0] == "restore":
        force = "--force" in argv
        args = [a for a in argv[1:] if a != "--force"]
        return cmd_restore(*args[:3], force=force)
    if len(argv) == 3 and argv[0] == "check":
        return cmd_check(*argv[1:])
    if len(argv) == 3 and argv[0] == "behind":
        return cmd_behind(*argv[1:])
    if len(argv) == 3 and argv[0] == "status":
        return cmd_status(*argv[1:])
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
