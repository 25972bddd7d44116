#!/bin/bash
# Entrypoint of db-replica (docker compose --profile scale): a hot standby of the primary `db`
# that Odoo's read-only cursors use (db_replica_host in deploy/odoo-scale.conf).
# First start (empty data directory): wait for the primary, copy it with pg_basebackup -R
# (which writes standby.signal and primary_conninfo), then start PostgreSQL through the
# image's own entrypoint. Later starts only start it; the standby streams on from where it
# stopped. To build it anew: docker compose rm -sf db-replica, remove its volume
# (jxc-db-replica), start it again.
# Environment: PRIMARY_HOST (db), PRIMARY_PORT (5432), PRIMARY_USER (odoo), PGPASSWORD (the
# primary's POSTGRES_PASSWORD); arguments: the command, as for the image (postgres -c ...).
set -euo pipefail
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
primary_host="${PRIMARY_HOST:-db}"
primary_port="${PRIMARY_PORT:-5432}"
primary_user="${PRIMARY_USER:-odoo}"
: "${PGPASSWORD:?must be the password of the primary (POSTGRES_PASSWORD of db)}"
export PGPASSWORD
if [ "$#" -eq 0 ]; then
    set -- postgres
fi

if [ -z "$(ls -A "$PGDATA" 2>/dev/null)" ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 0700 "$PGDATA"
    until pg_isready -q -h "$primary_host" -p "$primary_port" -U "$primary_user"; do
        echo "db-replica: waiting for the primary ${primary_host}:${primary_port}"
        sleep 2
    done
    echo "db-replica: copying the primary ${primary_host}:${primary_port} (pg_basebackup)"
    gosu postgres pg_basebackup -h "$primary_host" -p "$primary_port" -U "$primary_user" \
        -D "$PGDATA" -R -X stream --checkpoint=fast
    chown -R postgres:postgres "$PGDATA"
    chmod 0700 "$PGDATA"
elif [ ! -f "$PGDATA/standby.signal" ]; then
    # Promoted, or a volume of another server: serving it as the replica would show Odoo's
    # reports data the primary does not have.
    echo "db-replica: $PGDATA is not a standby (no standby.signal); build it anew" >&2
    exit 1
fi
exec docker-entrypoint.sh "$@"
