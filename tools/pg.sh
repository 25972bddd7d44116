#!/usr/bin/env bash
# A project-local PostgreSQL cluster under .run/ (Unix socket only, its own port number), so the
# project never touches the machine's own server. Skipped when PG* variables name a server.
# Usage: tools/pg.sh start|stop|restart|replica-start|replica-stop
#   restart        stop (fast: open transactions are rolled back) and start the cluster again
#   replica-start  a streaming replica of the cluster (pg_basebackup -R) on JXC_PG_REPLICA_PORT
#                  (default: JXC_PG_PORT + 1), its socket beside the cluster's; prints
#                  "<socket directory> <port>"
#   replica-stop   stop the replica and delete it
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

restart() {
    [ -f "$RUN/pg.dir" ] || die "PostgreSQL was not started by tools/pg.sh start"
    local dir; dir="$(cat "$RUN/pg.dir")"
    log "restarting PostgreSQL"
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -m fast -w -t 60 restart \
        >/dev/null || die "PostgreSQL did not restart; see $dir/postgresql.log"
}

# The replica lives beside the cluster (…/pg-replica), from a base backup streamed over the
# cluster's socket: initdb's pg_hba (--auth=trust) lets local replication connections in, and
# PostgreSQL's defaults (wal_level = replica, max_wal_senders = 10) allow them. -R writes
# standby.signal and primary_conninfo: it starts as a hot standby that follows the primary.
replica_start() {
    external_pg && die "the replica is built from the project's own cluster, not a PG* server"
    [ -f "$RUN/pg.dir" ] || die "start the cluster first (tools/pg.sh start)"
    local dir rdir port
    dir="$(cat "$RUN/pg.dir")"
    rdir="$dir-replica"
    port="${JXC_PG_REPLICA_PORT:-$((JXC_PG_PORT + 1))}"
    replica_stop
    mkdir -p "$rdir/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$rdir"
    chmod 700 "$rdir"
    log "streaming a base backup of the cluster into $rdir (pg_basebackup)"
    as_owner "$PGBIN/pg_basebackup" -h "$dir/socket" -p "$JXC_PG_PORT" -U odoo -D "$rdir/data" \
        -R -X stream -c fast >/dev/null || die "pg_basebackup failed"
    log "starting the replica (socket $rdir/socket, port $port)"
    as_owner "$PGBIN/pg_ctl" -D "$rdir/data" -l "$rdir/postgresql.log" -w -t 120 \
        -o "-p $port -k $rdir/socket" start >/dev/null \
        || die "the replica did not start; see $rdir/postgresql.log"
    printf '%s\n' "$rdir" > "$RUN/pg-replica.dir"
    printf '%s %s\n' "$rdir/socket" "$port"
}

replica_stop() {
    local rdir
    if [ -f "$RUN/pg-replica.dir" ]; then
        rdir="$(cat "$RUN/pg-replica.dir")"
    elif [ -f "$RUN/pg.dir" ]; then
        rdir="$(cat "$RUN/pg.dir")-replica"
    else
        return 0
    fi
    if [ -f "$rdir/data/PG_VERSION" ] \
        && as_owner "$PGBIN/pg_ctl" -D "$rdir/data" status >/dev/null 2>&1; then
        log "stopping the replica"
        as_owner "$PGBIN/pg_ctl" -D "$rdir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$rdir" "$RUN/pg-replica.dir"
}

case "${1:-}" in
    start) start ;;
    stop) replica_stop; stop ;;
    restart) restart ;;
    replica-start) replica_start ;;
    replica-stop) replica_stop ;;
    *) die "usage: tools/pg.sh start|stop|restart|replica-start|replica-stop" ;;
esac
