#!/bin/bash
# The read replica: on first start, a base backup of the primary with `pg_basebackup -R`
# (which writes primary_conninfo and standby.signal); then PostgreSQL as a hot standby,
# streaming from the primary. The same steps tests/support/pg-replica.ts takes.
set -euo pipefail
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
until pg_isready -h "$PRIMARY_HOST" -U replicator -d postgres -q; do sleep 1; done
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" \
    pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream
fi
exec gosu postgres postgres -c hot_standby=on -c hot_standby_feedback=on
