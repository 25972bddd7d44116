# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Backups in Odoo's own dump format: the zip of Odoo's database manager (``dump.sql``,
``filestore/``, ``manifest.json``), made and restored by ``odoo.service.db``.

Odoo's ``dump_db`` / ``restore_db`` refuse to run when the database manager is off
(``list_db = False``): they check that process-wide option. Switching it on in a process that
serves requests would open the database manager to every request for as long as a dump runs,
so dumps and restores run in a process of their own: ``tools/backup.py`` (``make backup`` /
``make restore``) and, for the scheduled backup, this file run as a script by
``jxc.backup._backup()``.
"""

import json
import os
import re
import sys
import time

# <db>_<UTC time>[_<n>].zip: the name the database manager gives a download, with a counter
# when two backups fall in the same second.
STAMP = "%Y-%m-%d_%H-%M-%S"


def default_folder(config, db):
    """``<jxc_backup_dir>/<db>`` when odoo.conf names a ``jxc_backup_dir``, else
    ``<data_dir>/backups/<db>``."""
    root = config.get("jxc_backup_dir") or os.path.join(config["data_dir"], "backups")
    return os.path.join(root, db)


def _pattern(db):
    return re.compile(rf"^{re.escape(db)}_(\d{{4}}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:_(\d+))?\.zip$")


def list_backups(folder, db):
    """Paths of the backups of ``db`` in ``folder``, oldest first (by the time in their names);
    files of other databases and other files are not listed."""
    if not os.path.isdir(folder):
        return []
    pattern = _pattern(db)
    found = []
    for name in os.listdir(folder):
        match = pattern.match(name)
        if match:
            found.append(((match[1], int(match[2] or 0)), os.path.join(folder, name)))
    return [path for _key, path in sorted(found)]


def prune(folder, db, keep):
    """Delete all but the newest ``keep`` backups of ``db``; return the deleted paths."""
    old = list_backups(folder, db)[: -max(keep, 1)]
    for path in old:
        os.unlink(path)
    return old


def _new_path(folder, db):
    base = os.path.join(folder, f"{db}_{time.strftime(STAMP, time.gmtime())}")
    path, n = f"{base}.zip", 0
    while os.path.exists(path):
        n += 1
        path = f"{base}_{n}.zip"
    return path


def dump(db, folder):
    """Write a backup of ``db`` into ``folder``; return (path, size in bytes).

    The zip is written to a hidden temporary file in the same folder and renamed once complete:
    a backup that fails half-way leaves no file a restore could take for a backup.
    Only call it in a process that serves no requests (see the module's docstring).
    """
    from odoo.service import db as odoo_db
    from odoo.tools import config

    config["list_db"] = True
    os.makedirs(folder, exist_ok=True)
    path = _new_path(folder, db)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.part")
    try:
        with open(tmp, "wb") as stream:
            odoo_db.dump_db(db, stream, "zip")
            stream.flush()
            os.fsync(stream.fileno())
        os.rename(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path, os.path.getsize(path)


def restore(db, path, copy=True):
    """Restore the backup ``path`` as the new database ``db`` (Odoo's ``restore_db``: the
    database and its filestore). ``copy``: a copy gets a new database UUID, as the database
    manager's "This database is a copy". Only in a process that serves no requests."""
    from odoo.service import db as odoo_db
    from odoo.tools import config

    config["list_db"] = True
    odoo_db.restore_db(db, path, copy=copy)


def _child():
    """``python backup.py DB FOLDER KEEP`` with Odoo's options as JSON on stdin (the password
    stays off the command line): back up, prune, print the result as JSON."""
    from odoo.tools import config

    db, folder, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for key, value in json.load(sys.stdin).items():
        config[key] = value
    path, size = dump(db, folder)
    removed = prune(folder, db, keep)
    sys.stdout.write(json.dumps({"path": path, "size": size, "removed": removed}) + "\n")


if __name__ == "__main__":
    _child()
