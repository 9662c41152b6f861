#!/usr/bin/env bash
# People (sign-in) benchmark: sign-ins/s and p50/p99 through people-service (POST /api/session, HTTP keep-alive,
# fixed concurrency, driven by wrk) on a fresh PostgreSQL, redis-server and Kafka broker; the service's CPU per
# sign-in and the share of it its Argon2id hash takes; and beside it the floor: the same Argon2id verification in a
# plain loop on 2 threads. See README.md.
#   benchmarks/people/run.sh [-Dbench.concurrency=8] [-Dbench.accounts=200] [-Dbench.warmup=10] [-Dbench.duration=20]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

for tool in wrk redis-server; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (Debian: apt-get install -y wrk redis-server)" >&2; exit 1; }
done

# the service jar and the harness it is measured with
(cd "$ROOT" && ./mvnw -B -q -pl people-service -am install -DskipTests)
(cd "$HERE" && "$ROOT/mvnw" -B -q -f "$HERE/pom.xml" package)

exec java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  -Dbench.serviceJar="$ROOT/people-service/target/people-service-0.1.0-SNAPSHOT.jar" \
  -Dbench.wrkScript="$HERE/sign-in.lua" \
  "$@" io.parley.bench.PeopleSignInBenchmark
