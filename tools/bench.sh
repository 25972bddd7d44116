#!/usr/bin/env bash
# `make bench`: benchmark scripts in bench/ against a fresh database `jxc_bench` (no demo data),
# then the reports benchmark against `jxc_bench_reports` (10,000,000 ledger rows), which is
# generated once and kept between runs (updated when the addons change).
source "$(dirname "$0")/env.sh"
"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
"$PY" "$ROOT/tools/benchdb.py" "$RUN/odoo.conf" jxc_bench
log "bench_stock.py"
"$PY" "$ROOT/bench/bench_stock.py" "$RUN/odoo.conf" jxc_bench
log "bench_golive.py"
"$PY" "$ROOT/bench/bench_golive.py" "$RUN/odoo.conf" jxc_bench
log "bench_load.py (a 4-worker server, 32 JSON-RPC clients)"
"$PY" "$ROOT/bench/bench_load.py" "$RUN/odoo.conf" jxc_bench
log "bench_sales.py"
"$PY" "$ROOT/bench/bench_sales.py" "$RUN/odoo.conf" jxc_bench jxc_bench_odoo jxc_bench_sales
log "bench_forecast.py (10,000 weekly series fed to the forecasting core)"
"$PY" "$ROOT/bench/bench_forecast.py" 10000
log "gen_reports.py (jxc_bench_reports, only when missing or out of date)"
"$PY" "$ROOT/bench/gen_reports.py" --if-needed "$RUN/odoo.conf" jxc_bench_reports
log "bench_reports.py"
"$PY" "$ROOT/bench/bench_reports.py" "$RUN/odoo.conf" jxc_bench_reports
log "bench_forecast_odoo.py (the weekly forecasts through Odoo on jxc_bench_reports)"
"$PY" "$ROOT/bench/bench_forecast_odoo.py" "$RUN/odoo.conf" jxc_bench_reports
