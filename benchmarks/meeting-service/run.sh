#!/usr/bin/env bash
# meeting-service benchmark: time to ready and idle RSS, then meetings created/s and joins/s with p50/p99 through
# the service (HTTP, keep-alive, fixed concurrency, driven by wrk) on a fresh redis-server and Kafka broker, and a
# check that every accepted change reached Kafka as an event. See README.md.
#   benchmarks/meeting-service/run.sh [-Dbench.concurrency=32] [-Dbench.duration=10] ...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

for tool in wrk redis-server; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (Debian: apt-get install -y wrk redis-server)" >&2; exit 1; }
done

(cd "$ROOT" && ./mvnw -B -q -pl meeting-service -am install -DskipTests)
(cd "$HERE" && "$ROOT/mvnw" -B -q -f "$HERE/pom.xml" package)

exec java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  -Dbench.serviceJar="$ROOT/meeting-service/target/meeting-service-0.1.0-SNAPSHOT.jar" \
  -Dbench.createScript="$HERE/create.lua" -Dbench.joinScript="$HERE/join.lua" \
  "$@" io.parley.bench.MeetingServiceBenchmark
