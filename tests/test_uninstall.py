"""Uninstalling an addon built on jxc_stock keeps the stock ledger and the stock documents.

A database with all five addons and their demo data (posted receipts, deliveries, returns,
reversals, counts) is built once from the Odoo core template; each case uninstalls one addon
from its own copy, as the Apps menu does, and compares what is posted before and after: ledger
rows (row by row, and per product and warehouse), documents and their lines, finance entries,
and the integrity check (账实核对).

jxc_finance depends on jxc_purchase and jxc_sales, and jxc_reports on jxc_finance: Odoo
uninstalls them along, and the receivable / payable sub-ledger (jxc_finance's own tables) goes
with jxc_finance. The stock ledger stays whatever goes.
"""

import json
import os
import subprocess
import sys

import jxcdb
import pytest

DB = os.environ.get("JXC_TEST_DB", "jxc_test")
CORE = f"{DB}_core"
TEMPLATE = f"{DB}_uninstall"
PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ledger_probe.py")

# The core type that moves goods the same way, by the type an uninstalled addon added.
KEPT_AS = {"sale_out": "out", "sale_return": "in", "purchase_in": "in", "purchase_return": "out"}
KEPT_PARTNER = """ odoo.sql_db: bad query: b'DELETE FROM "res_partner" WHERE id IN ("""
ADDED_BY = {
    "jxc_sales": {"sale_out", "sale_return"},
    "jxc_purchase": {"purchase_in", "purchase_return"},
}


def probe(db, *args):
    log = os.path.join(jxcdb.ROOT, ".run", f"probe-{db}.log")
    if os.path.exists(log):
        os.unlink(log)
    out = subprocess.run(
        [sys.executable, PROBE, jxcdb.CONF, db, log, *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1]), jxcdb.bad_log_lines(log)


@pytest.fixture(scope="module")
def template():
    """The database every case copies, and its snapshot."""
    jxcdb.ensure_core(CORE)
    jxcdb.copy(CORE, TEMPLATE)
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{TEMPLATE}.log")
    code, bad = jxcdb.install(TEMPLATE, ",".join(jxcdb.JXC_ADDONS), log)
    assert code == 0 and not bad, f"installing JXC failed; see {log}"
    before, _bad = probe(TEMPLATE, "snapshot")
    yield before
    jxcdb.drop(TEMPLATE)


def test_demo_data_posts_every_document_type(template):
    """The cases below are only meaningful if there is something of each type to keep."""
    assert template["modules"] == sorted(jxcdb.JXC_ADDONS)
    assert not template["mismatches"]
    assert set(KEPT_AS) <= set(template["move_types"].values())
    assert set(KEPT_AS) <= set(template["picking_types"].values())
    assert template["finance_entries"]
    assert template["open_reservations"].get("jxc.sale.order.line")


@pytest.mark.parametrize(
    "addon, removed",
    [
        ("jxc_reports", ["jxc_reports"]),
        ("jxc_finance", ["jxc_finance", "jxc_reports"]),
        ("jxc_sales", ["jxc_finance", "jxc_reports", "jxc_sales"]),
        ("jxc_purchase", ["jxc_finance", "jxc_purchase", "jxc_reports"]),
    ],
)
def test_uninstall_keeps_ledger_and_documents(template, addon, removed):
    db = f"{DB}_uninstall_{addon}"
    jxcdb.copy(TEMPLATE, db)
    try:
        uninstalled, bad = probe(db, "uninstall", addon)
        after, _bad = probe(db, "snapshot")
    finally:
        jxcdb.drop(db)
    before = template
    assert uninstalled == removed

    assert after["modules"] == sorted(set(jxcdb.JXC_ADDONS) - set(removed))
    # The ledger: the same rows, quantities, values and sums per product and warehouse.
    assert after["ledger_totals"] == before["ledger_totals"]
    assert after["ledger_rows"] == before["ledger_rows"]
    assert not after["mismatches"]
    # The documents and their lines, with their quantities and values.
    assert after["pickings"] == before["pickings"]
    assert after["picking_lines"] == before["picking_lines"]
    # The types of an uninstalled addon become the core types that move goods the same way.
    gone = set().union(*(ADDED_BY.get(module, set()) for module in removed))
    for key in ("move_types", "picking_types"):
        expected = {i: KEPT_AS[t] if t in gone else t for i, t in before[key].items()}
        assert after[key] == expected
    assert not after["unknown_types"]
    assert not after["stale_line_types"]
    assert not after["wrong_direction"]
    # What the sale orders held is free again when they go; other demands keep theirs.
    expected = dict(before["open_reservations"])
    if "jxc_sales" in removed:
        expected.pop("jxc.sale.order.line")
    assert after["open_reservations"] == expected
    # The finance sub-ledger stays unless jxc_finance itself goes.
    if "jxc_finance" in removed:
        assert "finance_entries" not in after
    else:
        assert after["finance_entries"] == before["finance_entries"]
    # Odoo also deletes the demo partners of an uninstalled addon; those that documents name
    # stay (their foreign keys restrict), which Odoo's SQL layer logs while it tries.
    bad = [line for line in bad if KEPT_PARTNER not in line]
    assert not bad, f"uninstalling {addon} logged:\n" + "\n".join(bad)
