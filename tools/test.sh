#!/usr/bin/env bash
# `make test`: set-up, a throwaway database with all five addons (demo data on, log checked for
# warnings), then the whole suite through pytest-odoo: addon tests and tests/ (which also install
# each addon alone in a fresh database). Extra arguments go to pytest.
source "$(dirname "$0")/env.sh"

"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
qt_runtime_dir

export JXC_TEST_DB="${JXC_TEST_DB:-jxc_test}"
"$PY" "$ROOT/tools/testdb.py" "$RUN/odoo.conf" "$JXC_TEST_DB"

cd "$ROOT"
[ $# -gt 0 ] || set -- addons tests
exec "$PY" -m pytest --odoo-config="$RUN/odoo.conf" --odoo-database="$JXC_TEST_DB" "$@"
