#!/usr/bin/env bash
# Stream-limit benchmark: admission decisions/s and p50/p99 through stream-limit-service (HTTP, keep-alive, fixed
# concurrency, driven by wrk) side by side with redis-benchmark running the same Lua script unpipelined at the same
# concurrency, on a fresh redis-server and Kafka broker. See README.md.
#   benchmarks/stream-limit/run.sh [-Dbench.concurrency=64] [-Dbench.duration=10] [-Dbench.users=10000] ...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

for tool in wrk redis-server redis-benchmark redis-cli; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (Debian: apt-get install -y wrk redis-server redis-tools)" >&2; exit 1; }
done

# the service jar and the harness it is measured with
(cd "$ROOT" && ./mvnw -B -q -pl stream-limit-service -am install -DskipTests)
(cd "$HERE" && "$ROOT/mvnw" -B -q -f "$HERE/pom.xml" package)

exec java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  -Dbench.serviceJar="$ROOT/stream-limit-service/target/stream-limit-service-0.1.0-SNAPSHOT.jar" \
  -Dbench.script="$ROOT/stream-limit-service/src/main/resources/scripts/acquire-v2.lua" \
  -Dbench.wrkScript="$HERE/start-streams.lua" \
  "$@" io.parley.bench.StreamLimitBenchmark
