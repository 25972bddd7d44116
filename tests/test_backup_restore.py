"""A backup restores into a new database with the same data (README, "Backup and restore").

`make backup` dumps the test database (all five addons and their demo data: documents in every
state, posted ledger, receivables and payables) in Odoo's own format; `make restore` restores it
under a new name while the original stays (and the test's Odoo server keeps serving it). The
restored database has the same row count in every jxc_* table, the same documents per state,
ledger, quants, finance entries, 进销存汇总 and aging, and a clean 账实核对.
"""

import configparser
import json
import os
import subprocess
import sys
import zipfile

import jxcdb

DB = os.environ.get("JXC_TEST_DB", "jxc_test")
RESTORED = f"{DB}_restored"
HERE = os.path.dirname(os.path.abspath(__file__))
OPS = os.path.join(jxcdb.ROOT, "tools", "ops.py")


def probe(db, command="snapshot", conf=jxcdb.CONF):
    log = os.path.join(jxcdb.ROOT, ".run", f"probe-{db}.log")
    if os.path.exists(log):
        os.unlink(log)
    run = subprocess.run(
        [sys.executable, os.path.join(HERE, "ops_probe.py"), conf, db, log, command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, f"ops_probe {command} on {db} failed:\n{run.stderr[-3000:]}"
    return json.loads(run.stdout.strip().splitlines()[-1]), jxcdb.bad_log_lines(log)


def filestore(db):
    root = os.path.join(jxcdb.ROOT, ".run", "data", "filestore", db)
    return {
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, files in os.walk(root)
        for name in files
    }


def ops(*args):
    return subprocess.run([sys.executable, OPS, *args], capture_output=True, text=True, check=False)


def test_backup_restores_under_a_new_name_with_the_same_figures(tmp_path):
    jxcdb.drop(RESTORED)
    before, _bad = probe(DB)
    # Documents in every state, or the comparison proves little.
    assert {"draft", "confirmed", "done", "cancel"} <= set(before["states"]["jxc.sale.order"])
    assert {"draft", "done", "cancel"} <= set(before["states"]["jxc.stock.picking"])
    assert before["finance"] and before["stock_summary"] and before["ledger"][0]

    backup = ops("backup", jxcdb.CONF, DB, str(tmp_path))
    assert backup.returncode == 0, backup.stderr[-3000:]
    path = backup.stdout.strip().splitlines()[-1]
    assert os.path.dirname(path) == str(tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert json.loads(archive.read("manifest.json"))["db_name"] == DB
    assert {"dump.sql", "manifest.json"} <= names
    assert any(name.startswith("filestore/") for name in names)

    try:
        restore = ops("restore", jxcdb.CONF, path, RESTORED)
        assert restore.returncode == 0, restore.stderr[-3000:]
        after, bad = probe(RESTORED)
        assert not bad, "\n".join(bad)
        assert not after["mismatches"]
        for key in before:
            assert after[key] == before[key], key
        # The restored database has its own filestore, with the original's files.
        assert filestore(RESTORED) == filestore(DB)

        # An existing database is not overwritten unless asked (FORCE=1).
        again = ops("restore", jxcdb.CONF, path, RESTORED)
        assert again.returncode != 0
        assert f"database {RESTORED} exists" in again.stderr
        assert probe(RESTORED)[0]["tables"] == before["tables"]
    finally:
        jxcdb.drop(RESTORED)


def test_status_shows_what_runs_and_the_last_backup(tmp_path):
    """`make status`: PostgreSQL up, Odoo (not started by the tests), no replica or the
    replica's state, and the newest backup of the database in the folder odoo.conf names."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(jxcdb.CONF, encoding="utf-8")
    parser["options"]["jxc_backup_dir"] = str(tmp_path)
    conf = tmp_path / "odoo.conf"
    with open(conf, "w", encoding="utf-8") as f:
        parser.write(f)
    folder = tmp_path / DB
    folder.mkdir()
    for name in (f"{DB}_2026-01-01_02-00-00.zip", f"{DB}_2026-01-02_02-00-00.zip", "x.zip"):
        (folder / name).write_bytes(b"0" * 2048)

    status = ops("status", str(conf), DB)

    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[0].startswith("PostgreSQL  up ")
    assert lines[1].startswith("Odoo ")
    assert lines[2] == "Replica     no replica (db_replica_host not set)"
    assert lines[3].startswith(f"Last backup {folder / f'{DB}_2026-01-02_02-00-00.zip'}  (")
    assert lines[3].endswith(", 2.0 KB)")

    # A replica setting naming a server that is not a standby says so.
    parser["options"]["db_replica_host"] = parser["options"]["db_host"]
    parser["options"]["db_replica_port"] = parser["options"]["db_port"]
    with open(conf, "w", encoding="utf-8") as f:
        parser.write(f)
    assert "is not a standby" in ops("status", str(conf), DB).stdout.splitlines()[2]
