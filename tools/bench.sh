#!/usr/bin/env bash
# `make bench`: benchmark scripts in bench/ against a fresh database `jxc_bench` (no demo data).
source "$(dirname "$0")/env.sh"
"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
"$PY" "$ROOT/tools/benchdb.py" "$RUN/odoo.conf" jxc_bench
log "bench_stock.py"
"$PY" "$ROOT/bench/bench_stock.py" "$RUN/odoo.conf" jxc_bench
log "bench_sales.py"
"$PY" "$ROOT/bench/bench_sales.py" "$RUN/odoo.conf" jxc_bench jxc_bench_odoo
