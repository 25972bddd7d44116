#!/bin/bash
# Lets the scale profile's db-replica stream from this primary (docker-compose.yml mounts it
# into /docker-entrypoint-initdb.d/, so postgres:16 runs it once, when it first creates the
# jxc-db volume; it changes nothing else, so the default profile is unaffected).
# postgres 16 already has wal_level = replica and max_wal_senders = 10; what is missing is a
# pg_hba.conf line for replication connections ("all" in pg_hba's database column does not
# cover them) and WAL kept for a replica that falls behind (instead of a replication slot,
# which would keep WAL without limit while the replica is stopped).
# A jxc-db volume made before this script existed: run it once by hand, idempotent,
#   docker compose exec db bash /docker-entrypoint-initdb.d/10-jxc-replication.sh
# The official entrypoint may source this file instead of running it: no `exit`, no `set -u`.
set -e
jxc_user="${POSTGRES_USER:-postgres}"
jxc_hba="${PGDATA:-/var/lib/postgresql/data}/pg_hba.conf"
jxc_line="host replication ${jxc_user} all scram-sha-256"
if ! grep -qxF "$jxc_line" "$jxc_hba"; then
    printf '%s\n' "# JXC: db-replica (docker compose --profile scale) streams as ${jxc_user}" \
        "$jxc_line" >>"$jxc_hba"
fi
psql -v ON_ERROR_STOP=1 --username "$jxc_user" --dbname postgres <<'SQL'
ALTER SYSTEM SET wal_keep_size = '1GB';
SELECT pg_reload_conf();
SQL
