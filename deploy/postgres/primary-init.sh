#!/bin/bash
# Runs once, when the primary's data folder is created (docker-entrypoint-initdb.d):
# a role for the replica's base backup and streaming, and the line that lets it connect.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD//\'/\'\'}'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
