#!/usr/bin/env bash
# `make stop`: stops the Odoo server and the PostgreSQL cluster that `make run` started.
source "$(dirname "$0")/env.sh"
pidfile="$RUN/odoo.pid"
if [ -f "$pidfile" ]; then
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping Odoo (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
fi
"$ROOT/tools/pg.sh" stop
