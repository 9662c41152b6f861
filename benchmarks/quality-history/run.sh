#!/usr/bin/env bash
# Call-quality storage (issue 24): how many samples per second metrics-collector's consumer stores from
# parley.quality.samples into PostgreSQL, beside the floor, COPY of the same rows into the same partitioned table on
# the same PostgreSQL in the same run; and the bytes each stored sample takes. Kafka, PostgreSQL and Redis come from
# the test harness on free ports, the collector from the jar its module packaged. Writes nothing but build output
# (target/) into the tree. See README.md.
#   benchmarks/quality-history/run.sh [-Dbench.samples=200000] [-Dbench.meetings=500] [-Dbench.timeout=600]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

command -v redis-server >/dev/null || {
  echo "run.sh: redis-server is missing (Debian: apt-get install -y redis-server)" >&2; exit 1; }
if ! ls "$ROOT"/metrics-collector/target/metrics-collector-*.jar >/dev/null 2>&1; then
  echo "run.sh: packaging metrics-collector (no jar in target/)" >&2
  (cd "$ROOT" && ./mvnw -B -q -o -pl metrics-collector package -DskipTests)
fi

# only this project is built: the collector runs from a copy of the jar already packaged
(cd "$HERE" && "$ROOT/mvnw" -B -q -o -f "$HERE/pom.xml" package)

exec java -Xmx1g -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  -Dbench.root="$ROOT" "$@" io.parley.bench.quality.QualityHistoryBenchmark
