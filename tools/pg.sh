#!/usr/bin/env bash
# A project-local PostgreSQL cluster under .run/ (Unix socket only, its own port number), so the
# project never touches the machine's own server. Skipped when PG* variables name a server.
# Usage: tools/pg.sh start|stop|env
source "$(dirname "$0")/env.sh"

PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$PGBIN" ] || PGBIN="$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")"

# PostgreSQL refuses to run as root: as root the cluster belongs to the 'postgres' system user.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster_dir() {
    local dir="$RUN/pg"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$RUN" 2>/dev/null; then
        # The checkout is not reachable by 'postgres' (e.g. under /root): keep the cluster in /tmp.
        dir="/tmp/jxc-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-12)"
    fi
    printf '%s\n' "$dir"
}

start() {
    external_pg && { log "using the PostgreSQL server named by PG* variables"; return 0; }
    [ -x "$PGBIN/pg_ctl" ] || die "PostgreSQL server binaries not found (apt-get install postgresql-15)."
    mkdir -p "$RUN"; chmod 755 "$RUN"
    local dir; dir="$(cluster_dir)"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        log "creating PostgreSQL cluster in $dir"
        mkdir -p "$dir/data" "$dir/socket"
        [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
        as_owner "$PGBIN/initdb" -D "$dir/data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $JXC_PG_PORT
unix_socket_directories = '$dir/socket'
max_connections = 200
shared_buffers = 512MB
work_mem = 32MB
synchronous_commit = off
CONF
    fi
    # Report aggregates run faster without JIT compilation (it costs more than it saves).
    local reload=""
    if ! grep -q '^jit = off' "$dir/data/postgresql.conf" 2>/dev/null; then
        as_owner sh -c "echo 'jit = off' >> '$dir/data/postgresql.conf'"
        reload=1
    fi
    if ! as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        log "starting PostgreSQL (socket $dir/socket, port $JXC_PG_PORT)"
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start >/dev/null \
            || die "PostgreSQL did not start; see $dir/postgresql.log"
    elif [ -n "$reload" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" reload >/dev/null
    fi
    printf '%s\n' "$dir" > "$RUN/pg.dir"
}

stop() {
    [ -f "$RUN/pg.dir" ] || return 0
    local dir; dir="$(cat "$RUN/pg.dir")"
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        log "stopping PostgreSQL"
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) die "usage: tools/pg.sh start|stop" ;;
esac
