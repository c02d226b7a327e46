#!/bin/sh
# Creates or upgrades Temporal's schemas in its two PostgreSQL databases, then exits.
# Run by the temporal-admin-tools job (temporalio/admin-tools image) before the server starts.
#
# Idempotent, so it runs on every `docker compose up`: setup-schema only records version 0.0 on a database
# that has no schema yet, and update-schema applies just the versions a database lacks. After raising the
# Temporal image tags it is what migrates the schemas, before the new server starts.
#
# Environment: POSTGRES_SEEDS (host), DB_PORT, POSTGRES_USER, SQL_PASSWORD (read by temporal-sql-tool).
set -eu

: "${POSTGRES_SEEDS:=db}"
: "${DB_PORT:=5432}"
: "${POSTGRES_USER:?POSTGRES_USER is not set}"
: "${SQL_PASSWORD:?SQL_PASSWORD is not set}"
SCHEMA_DIR="${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}"

# sql <database> <temporal-sql-tool command...>
sql() {
  database=$1
  shift
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "$database" "$@"
}

# database name, then its schema folder under $SCHEMA_DIR
for target in temporal:temporal temporal_visibility:visibility; do
  db=${target%%:*}
  schema=${target#*:}
  echo "temporal schema: $db"
  # The db container's init script creates both databases on a fresh volume; this covers a volume
  # initialised without it. "Already exists" is the normal answer; any real problem (host, password)
  # makes setup-schema fail right after, with its own message.
  if sql "$db" create > /dev/null 2>&1; then
    echo "  created database $db"
  fi
  sql "$db" setup-schema -v 0.0
  sql "$db" update-schema -d "$SCHEMA_DIR/$schema/versioned"
done
echo "temporal schema: up to date"
