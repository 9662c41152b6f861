#!/usr/bin/env bash
# Signaling benchmark: the same open-loop relay workload against Parley's two signaling instances and, in the same
# run, against socket.io 4 with @socket.io/redis-adapter as two processes (benchmarks/peers/socketio), both relaying
# through the devstack's Redis. Then 10,000 idle sockets on one Parley instance and its RSS per connection.
# Needs the platform: ./parley up --signaling-instances 2 (in another shell). See README.md.
#   PAIRS=500 RATES=1000,2000,5000,10000,20000 SECONDS_PER_RATE=10 IDLE=10000 benchmarks/signaling/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEER="$HERE/../peers/socketio"
ROOT="$(cd "$HERE/../.." && pwd)"
PAIRS=${PAIRS:-500}
RATES=${RATES:-1000,2000,5000,7500,10000,15000,20000}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-10}
IDLE=${IDLE:-10000}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}

command -v node >/dev/null || { echo "run.sh: node is missing (Debian: apt-get install -y nodejs npm)" >&2; exit 1; }
for dir in "$HERE" "$PEER"; do
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
signaling_pid() { # the pid of the devstack's signaling instance listening on port $1
  ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
pid_a=$(signaling_pid 8081)
[ -n "$pid_a" ] && [ -n "$(signaling_pid 8086)" ] || {
  echo "run.sh: no signaling instances on 8081 and 8086; start ./parley up --signaling-instances 2 first" >&2; exit 1; }

PORT=9101 node "$PEER/server.js" & peer1=$!
PORT=9102 node "$PEER/server.js" & peer2=$!
trap 'kill $peer1 $peer2 2>/dev/null' EXIT
sleep 2

cd "$HERE"
echo "== Parley: two signaling instances, every message relayed through Redis"
node loadgen.js --target parley --pairs "$PAIRS" --rates "$RATES" --seconds "$SECONDS_PER_RATE" --warmup "$WARMUP_SECONDS"
echo "== socket.io 4.8 + @socket.io/redis-adapter: two processes, same Redis"
node loadgen.js --target socketio --pairs "$PAIRS" --rates "$RATES" --seconds "$SECONDS_PER_RATE" --warmup "$WARMUP_SECONDS"
echo "== $IDLE idle sockets on one Parley instance (pid $pid_a)"
node loadgen.js --target parley --idle "$IDLE" --pid "$pid_a"
