#!/usr/bin/env bash
# `make scale-test`: a streaming replica of the project's PostgreSQL, two Odoo servers with
# workers reading through it, 32 JSON-RPC clients over both (bench/scale_test.py), on the
# database jxc_scale (JXC without demo data, created when missing). Stops what it started.
source "$(dirname "$0")/env.sh"
"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
"$PY" "$ROOT/bench/scale_test.py" "$RUN/odoo.conf" "${SCALE_DB:-jxc_scale}" "$@"
