#!/usr/bin/env bash
# `make backup`, `make restore`, `make status`, `make upgrade`: see tools/ops.py and README.md,
# "Backup and restore" and "Upgrading".
source "$(dirname "$0")/env.sh"

case "${1:-}" in
    status)
        # Reads what runs; starts nothing.
        [ -f "$RUN/odoo.conf" ] || die "no .run/odoo.conf: run 'make run' first"
        exec "$PY" "$ROOT/tools/ops.py" status "$RUN/odoo.conf" "$JXC_DB"
        ;;
    backup)
        "$ROOT/tools/pg.sh" start
        "$ROOT/tools/odoo.sh" conf
        "$ROOT/tools/odoo.sh" exists "$JXC_DB" || die "no database $JXC_DB"
        exec "$PY" "$ROOT/tools/ops.py" backup "$RUN/odoo.conf" "$JXC_DB" ${DIR:+"$DIR"}
        ;;
    restore)
        [ -n "${FILE:-}" ] || die "usage: make restore FILE=backup.zip [DB=new_name] [FORCE=1]"
        "$ROOT/tools/pg.sh" start
        "$ROOT/tools/odoo.sh" conf
        exec "$PY" "$ROOT/tools/ops.py" restore "$RUN/odoo.conf" "$FILE" ${DB:+"$DB"} \
            ${FORCE:+--force}
        ;;
    upgrade)
        # A backup, then `-u` of every JXC addon (their migrations/ run), then 账实核对.
        pidfile="$RUN/odoo.pid"
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            die "Odoo is running (pid $(cat "$pidfile")): 'make stop' first, then 'make upgrade'"
        fi
        "$ROOT/tools/pg.sh" start
        "$ROOT/tools/odoo.sh" conf
        "$ROOT/tools/odoo.sh" exists "$JXC_DB" || die "no database $JXC_DB"
        "$PY" "$ROOT/tools/ops.py" backup "$RUN/odoo.conf" "$JXC_DB" ${DIR:+"$DIR"} >/dev/null
        logfile="$RUN/upgrade-$JXC_DB.log"
        : > "$logfile"
        log "upgrading $JXC_ADDONS in $JXC_DB (log $logfile)"
        "$ROOT/tools/odoo.sh" bin -d "$JXC_DB" -u "$JXC_ADDONS" --stop-after-init --no-http \
            --logfile="$logfile" || die "the upgrade failed; see $logfile (the backup above is intact)"
        if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$logfile"; then
            die "the upgrade logged the warnings / errors above; see $logfile"
        fi
        exec "$PY" "$ROOT/tools/ops.py" check "$RUN/odoo.conf" "$JXC_DB"
        ;;
    *) die "usage: tools/ops.sh status|backup|restore|upgrade" ;;
esac
