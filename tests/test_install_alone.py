"""Each addon installs alone (with only its dependencies) in a fresh database, log clean.

The fresh databases are copies of a database holding only the Odoo core modules JXC depends on
(created once by `make test`), so each check installs just the JXC addons it names.
"""

import os

import jxcdb
import pytest

CORE = os.environ.get("JXC_TEST_DB", "jxc_test") + "_core"


@pytest.fixture(scope="module")
def core_db():
    jxcdb.ensure_core(CORE)
    return CORE


@pytest.mark.parametrize("addon", jxcdb.JXC_ADDONS)
def test_addon_installs_alone_without_warnings(core_db, addon):
    db = f"{core_db}_{addon}"
    jxcdb.copy(core_db, db)
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{db}.log")
    try:
        code, bad = jxcdb.install(db, addon, log)
        assert code == 0, f"installing {addon} alone failed; see {log}"
        assert not bad, f"installing {addon} alone logged:\n" + "\n".join(bad)
    finally:
        jxcdb.drop(db)
