"""An integrator's addon (tests/integrator/jxc_test_scrap) extends JXC the documented way — a
document type by selection_add, a ledger column filled through the posting hooks, per-type
hooks and an overridden hook calling super() — and its own tests prove that the invariants
still hold for the new type. It is installed with its tests in a fresh copy of the core
database; a failing test, a warning or no test at all fails this one."""

import os
import re

import jxcdb
import pytest

CORE = os.environ.get("JXC_TEST_DB", "jxc_test") + "_core"
INTEGRATOR = os.path.join(jxcdb.ROOT, "tests", "integrator")


@pytest.fixture(scope="module")
def db():
    jxcdb.ensure_core(CORE)
    name = f"{CORE}_integrator"
    jxcdb.copy(CORE, name)
    yield name
    jxcdb.drop(name)


def _addons_path():
    import odoo

    src = os.path.dirname(os.path.dirname(odoo.__file__))
    return ",".join(
        [
            os.path.join(src, "addons"),
            os.path.join(src, "odoo", "addons"),
            os.path.join(jxcdb.ROOT, "addons"),
            INTEGRATOR,
        ]
    )


def test_integrator_addon_keeps_the_invariants(db):
    log = os.path.join(jxcdb.ROOT, ".run", f"install-{db}.log")
    if os.path.exists(log):
        os.unlink(log)
    code = jxcdb.run_odoo(
        "-d",
        db,
        "-i",
        "jxc_test_scrap",
        f"--addons-path={_addons_path()}",
        "--test-enable",
        "--test-tags=/jxc_test_scrap",
        "--log-level=info",
        logfile=log,
    )
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    assert code == 0, f"installing and testing jxc_test_scrap failed; see {log}"
    assert not jxcdb.bad_log_lines(log), "\n".join(jxcdb.bad_log_lines(log))
    ran = [int(n) for n in re.findall(r"(\d+) post-tests in", text)]
    assert ran and ran[0] >= 4, f"the integrator's tests did not run; see {log}"
