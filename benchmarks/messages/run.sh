#!/usr/bin/env bash
# Direct messages and ring latency (PEOPLE.md §7) through the real stack: PostgreSQL, Redis and Kafka from the test
# harness; the gateway, people-service, meeting-service and two signaling instances from the jars their modules
# packaged, all on free ports. Messages go by HTTP through the gateway to people-service and arrive on the
# recipient's user socket on the other signaling instance; beside them the floor, single-row INSERT commits/s on the
# same PostgreSQL at the same concurrency (pgbench). Then calls ring a callee's three devices on both instances and
# one answers. Prints the figures; writes nothing but build output (target/) into the tree. See README.md.
#   benchmarks/messages/run.sh [-Dbench.levels=4,16,64] [-Dbench.duration=15] [-Dbench.warmup=20] [-Dbench.calls=50]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

for tool in pgbench redis-server; do
  command -v "$tool" >/dev/null || {
    echo "run.sh: $tool is missing (Debian: apt-get install -y postgresql-client redis-server)" >&2; exit 1; }
done
missing=()
for module in gateway people-service meeting-service signaling-service; do
  ls "$ROOT/$module/target/$module"-*.jar >/dev/null 2>&1 || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  modules=$(IFS=,; echo "${missing[*]}")
  echo "run.sh: packaging $modules (no jar in target/)" >&2
  (cd "$ROOT" && ./mvnw -B -q -o -pl "$modules" package -DskipTests)
fi

# only this project is built: the services run from the jars already packaged (copied first; others build here too)
(cd "$HERE" && "$ROOT/mvnw" -B -q -o -f "$HERE/pom.xml" package)

exec java -Xmx512m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  -Dbench.root="$ROOT" -Dbench.dir="$HERE" \
  "$@" io.parley.bench.messages.MessagesBenchmark
