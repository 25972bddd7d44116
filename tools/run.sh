#!/usr/bin/env bash
# `make run`: everything from a fresh machine to a served JXC on http://localhost:8069.
source "$(dirname "$0")/env.sh"

"$ROOT/tools/setup.sh"
"$ROOT/tools/pg.sh" start
"$ROOT/tools/odoo.sh" conf
qt_runtime_dir

if ! "$ROOT/tools/odoo.sh" exists "$JXC_DB"; then
    "$ROOT/tools/odoo.sh" createdb "$JXC_DB" "$JXC_ADDONS" --load-language=zh_CN \
        --logfile="$RUN/install-$JXC_DB.log" \
        || die "installing JXC into database $JXC_DB failed; see $RUN/install-$JXC_DB.log"
    "$PY" "$ROOT/tools/set_admin_lang.py" "$RUN/odoo.conf" "$JXC_DB"
elif ! "$PY" "$ROOT/tools/ops.py" behind "$RUN/odoo.conf" "$JXC_DB"; then
    # Serving older data with newer code is what Odoo does until told to upgrade.
    log "the code is newer: 'make stop && make upgrade DB=$JXC_DB' backs up and upgrades it"
fi

pidfile="$RUN/odoo.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "Odoo is already running (pid $(cat "$pidfile"))"
else
    log "starting Odoo (log: $RUN/odoo.log)"
    nohup "$PY" "$(odoo_src)/odoo-bin" -c "$RUN/odoo.conf" -d "$JXC_DB" --db-filter="^$JXC_DB\$" \
        --logfile="$RUN/odoo.log" >/dev/null 2>&1 &
    echo $! > "$pidfile"
fi

url="http://localhost:$JXC_HTTP_PORT"
for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$url/web/login"; then
        log "JXC is running: $url  (login admin / admin; 'make stop' stops it)"
        exit 0
    fi
    kill -0 "$(cat "$pidfile")" 2>/dev/null || die "Odoo exited; see $RUN/odoo.log"
    sleep 1
done
die "Odoo did not answer on $url within 2 minutes; see $RUN/odoo.log"
