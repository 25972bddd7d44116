#!/usr/bin/env bash
# `make bench`: benchmark scripts in bench/ against a fresh database `jxc_bench` (no demo data).
source "$(dirname "$0")/env.sh"
"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
"$PY" "$ROOT/tools/benchdb.py" "$RUN/odoo.conf" jxc_bench
for script in "$ROOT"/bench/bench_*.py; do
    log "$(basename "$script")"
    "$PY" "$script" "$RUN/odoo.conf" jxc_bench
done
