#!/usr/bin/env bash
# Runs every benchmark in turn on this machine and assembles docs/benchmarks.md from their reports.
# Usage: bench/run-benchmarks.sh [--quick | --assemble-only]
#   --assemble-only rebuilds docs/benchmarks.md from the reports already in bench/target/reports (e.g. after re-running
#   one benchmark with the command in its section and --report bench/target/reports/<name>.md).
#   MQTT_URL / DB_URL / DB_USER point the ingest and alert benchmarks at external servers as well (e.g. the machine's
#   Mosquitto and PostgreSQL); without them those benchmarks run on the embedded HiveMQ and PostgreSQL only.
# Run it on an otherwise idle machine: every figure is compared with raw limits measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/agri-bench.jar
out=bench/target/reports
[ -f "$jar" ] || mvn -B -q package -DskipUTs=true -DskipITs=true -pl bench -am
mkdir -p "$out" docs
quick=${1:-}
[ "$quick" = --assemble-only ] || rm -f "$out"/*.md

failed=()
run() { # name, then the benchmark's arguments; a failed benchmark's report (saying FAILED) is kept and the rest go on
  local name=$1; shift
  echo "=== $name: java -jar $jar $*" >&2
  java -jar "$jar" "$@" --report "$out/$name.md" || failed+=("$name")
}

external=()
if [ -n "${MQTT_URL:-}" ] && [ -n "${DB_URL:-}" ]; then
  external=(--mqtt-url "$MQTT_URL" --db-url "$DB_URL" --db-user "${DB_USER:-postgres}")
fi

if [ "$quick" = --assemble-only ]; then
  :
elif [ "$quick" = --quick ]; then
  run 1-codec codec --iterations 2 --iteration-time 1
  run 2-ingest-embedded ingest --warmup 3 --duration 10
  run 4-alert-latency-embedded alert-latency --stations 20 --rate 1000 --probes 2 --duration 20 --warmup 5
  run 6-agent-embedded agent --warmup 10s --duration 30s --outage 15s --raw-duration 10s
else
  run 1-codec codec
  run 2-ingest-embedded ingest --stations 200 --readings-per-pack 40 --warmup 10 --duration 30
  [ ${#external[@]} -eq 0 ] || run 3-ingest-external ingest --stations 200 --readings-per-pack 40 --warmup 10 --duration 30 "${external[@]}"
  run 4-alert-latency-embedded alert-latency --stations 50 --rate 3000 --probes 4 --duration 120 --warmup 20
  [ ${#external[@]} -eq 0 ] || run 5-alert-latency-external alert-latency --stations 50 --rate 3000 --probes 4 --duration 120 --warmup 20 "${external[@]}"
  run 6-agent-embedded agent --sensors 50 --interval 1s --warmup 20s --duration 3min --outage 60s --raw-duration 15s --xmx 64m
  [ -z "${MQTT_URL:-}" ] || run 7-agent-external agent --sensors 50 --interval 1s --warmup 20s --duration 3min --outage 60s --raw-duration 15s --xmx 64m --mqtt-url "$MQTT_URL"
fi

{
  echo "# Benchmarks"
  echo
  echo "Every figure below was measured by the \`bench\` module (\`bench/target/agri-bench.jar\`) on the machine named in"
  echo "its section, next to that machine's raw limits measured in the same run. Reproduce everything with"
  echo "\`bench/run-benchmarks.sh\` (after \`mvn -B -DskipTests package\`), or one benchmark with the command shown in its"
  echo "section. Numbers from a 2-core shared development VM: compare ratios to the raw limits more than absolute values."
  echo
  for f in "$out"/*.md; do
    case "$f" in
      *agent-external.md) label="external broker ${MQTT_URL:-}" ;;
      *agent-embedded.md) label="embedded HiveMQ CE" ;;
      *-external.md) label="external servers: ${MQTT_URL:-an external broker} and PostgreSQL" ;;
      *-embedded.md) label="embedded HiveMQ CE and PostgreSQL" ;;
      *) label="" ;;
    esac
    if [ -n "$label" ]; then sed "1s|^## \(.*\)$|## \1 ($label)|" "$f"; else cat "$f"; fi
    echo
  done
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
