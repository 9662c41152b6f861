#!/usr/bin/env bash
# Beacon benchmark: builds the collector jar and this program, then runs it from the repository root.
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx) and redis-server; PostgreSQL (the collector's history)
# comes from the test harness's bundled binaries. Extra arguments go to the program,
# e.g. ./benchmarks/beacons/run.sh --duration 60 --connections 128
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in wrk nginx redis-server; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y wrk nginx redis-server" >&2; exit 1; }
done
./mvnw -B -q -pl metrics-collector -am install -DskipTests
./mvnw -B -q -f benchmarks/beacons/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "benchmarks/beacons/target/classes:$(cat benchmarks/beacons/target/classpath.txt)" \
  io.parley.bench.BeaconBenchmark "$@"
