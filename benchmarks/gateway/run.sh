#!/usr/bin/env bash
# Gateway benchmark: the same backend (an nginx server block answering a small JSON body) measured directly, behind
# nginx as a reverse proxy, and behind the Parley gateway (token check, Redis rate limit, circuit breaker, load
# balancer, security headers: everything a request to /api/meetings/... goes through), with wrk, in one run.
# Bars (PLATFORM.md §6): gateway >= 40% of nginx's proxy throughput; p50 overhead < 1 ms. See README.md.
#   benchmarks/gateway/run.sh            CONNECTIONS=64 MEASURE_SECONDS=10 WARMUP_SECONDS=60
#   GATEWAY_ARGS="--parley.gateway.rate-limit.enabled=false" benchmarks/gateway/run.sh   (to see what a feature costs)
#   PROFILE=/tmp/gateway.jfr benchmarks/gateway/run.sh   (JFR profile of the gateway over the middle half of the warm-up)
#   GATEWAY_JAR=/tmp/gateway-before.jar benchmarks/gateway/run.sh     (another build of the gateway, not built here)
#   GATEWAY_JVM_ARGS="-XX:+UseParallelGC" benchmarks/gateway/run.sh   (options for the gateway's JVM)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONNECTIONS=${CONNECTIONS:-64}
SECONDS_MEASURED=${MEASURE_SECONDS:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
PROFILE=${PROFILE:-}

for tool in wrk nginx redis-server redis-cli python3 curl; do
  command -v "$tool" >/dev/null || {
    echo "run.sh: $tool is missing (Debian: apt-get install -y wrk nginx redis-server python3 curl)" >&2; exit 1; }
done
GATEWAY_JAR=${GATEWAY_JAR:-}
if [ -z "$GATEWAY_JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -o -pl gateway -am install -DskipTests)
  GATEWAY_JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar"
fi

WORK=$(mktemp -d /tmp/parley-gateway-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
BACKEND=$(free_port); PROXY=$(free_port); GATEWAY=$(free_port); REDIS=$(free_port); MANAGEMENT=$(free_port)
gateway_pid=""
cleanup() {
  set +e
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  redis-cli -p "$REDIS" shutdown nosave >/dev/null 2>&1
}
trap cleanup EXIT

cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$BACKEND; keepalive 128; }
  server {
    listen 127.0.0.1:$BACKEND;
    location / { default_type application/json; return 200 '{"id":"bench","title":"a meeting"}'; }
  }
  server {
    listen 127.0.0.1:$PROXY;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
redis-server --port "$REDIS" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$WORK/redis.log"

# the limiter runs on every request, as in production, with a budget the benchmark cannot exhaust
java -Xmx512m ${GATEWAY_JVM_ARGS:-} -jar "$GATEWAY_JAR" --server.port="$GATEWAY" --management.server.port="$MANAGEMENT" \
  --spring.data.redis.port="$REDIS" --parley.gateway.services.meeting-service="http://127.0.0.1:$BACKEND" \
  --parley.gateway.rate-limit.replenish-per-second=100000000 --parley.gateway.rate-limit.burst-capacity=100000000 \
  --logging.level.root=WARN ${GATEWAY_ARGS:-} > "$WORK/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 360); do
  curl -sf "http://127.0.0.1:$MANAGEMENT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$gateway_pid" 2>/dev/null || { echo "run.sh: the gateway did not start, see $WORK/gateway.log" >&2; exit 1; }
  sleep 0.5
done
PATH_UNDER_TEST=/api/meetings/bench
curl -sf "http://127.0.0.1:$GATEWAY$PATH_UNDER_TEST" >/dev/null || {
  echo "run.sh: the gateway does not route $PATH_UNDER_TEST to the backend, see $WORK/gateway.log" >&2; exit 1; }

# wrk's Requests/sec and its 50% and 99% latencies, in ms
measure() { # $1 url, $2 connections, $3 seconds
  wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"$3"s --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { errors = $NF } /Socket errors/ { errors = errors " socket:" $0 }
    END { printf "%d %.3f %.3f %s\n", rps, p50, p99, (errors == "" ? "0" : errors) }'
}
# CPU time (user + system) of processes, in clock ticks
cpu_ticks() { local total=0 pid fields; for pid in "$@"; do
  read -r -a fields < <(cut -d')' -f2- "/proc/$pid/stat"); total=$(( total + fields[11] + fields[12] )); done; echo "$total"; }
# microseconds of CPU per request: $1 ticks, $2 requests/s, $3 seconds
per_request() { python3 -c "import sys; t, r, s, hz = map(float, sys.argv[1:]); print(f'{t / hz * 1e6 / (r * s):.0f}' if r else '-')" \
  "$1" "$2" "$3" "$(getconf CLK_TCK)"; }
row() { printf '%-34s %12s %10s %10s %11s   %s\n' "$@"; }

echo "[bench] load average $(cut -d" " -f1-3 /proc/loadavg); warm-up: ${WARMUP_SECONDS} s through the gateway (the JIT compiles its hot paths), 10 s through nginx"
if [ -n "$PROFILE" ]; then
  ( sleep $(( WARMUP_SECONDS / 4 )); jcmd "$gateway_pid" JFR.configure stackdepth=1024 >/dev/null
    jcmd "$gateway_pid" JFR.start settings=profile duration=$(( WARMUP_SECONDS / 2 ))s filename="$PROFILE" >/dev/null ) &
fi
measure "http://127.0.0.1:$GATEWAY$PATH_UNDER_TEST" "$CONNECTIONS" "$WARMUP_SECONDS" >/dev/null
measure "http://127.0.0.1:$PROXY$PATH_UNDER_TEST" "$CONNECTIONS" 10 >/dev/null

echo "[bench] throughput: wrk -t2 -c$CONNECTIONS -d${SECONDS_MEASURED}s; latency: wrk -t1 -c1 (one request at a time)"
# CPU per request: nginx's workers while they answer alone and while they proxy (the proxy's share is the
# difference), the gateway's JVM while it proxies (the backend's share is nginx's, not counted)
mapfile -t nginx_workers < <(pgrep -P "$(cat "$WORK/nginx.pid")")
before=$(cpu_ticks "${nginx_workers[@]}")
read -r direct_rps direct_p50 direct_p99 direct_err < <(measure "http://127.0.0.1:$BACKEND$PATH_UNDER_TEST" "$CONNECTIONS" "$SECONDS_MEASURED")
direct_cpu=$(per_request $(( $(cpu_ticks "${nginx_workers[@]}") - before )) "$direct_rps" "$SECONDS_MEASURED")
before=$(cpu_ticks "${nginx_workers[@]}")
read -r nginx_rps nginx_p50 nginx_p99 nginx_err < <(measure "http://127.0.0.1:$PROXY$PATH_UNDER_TEST" "$CONNECTIONS" "$SECONDS_MEASURED")
nginx_cpu=$(per_request $(( $(cpu_ticks "${nginx_workers[@]}") - before )) "$nginx_rps" "$SECONDS_MEASURED")
before=$(cpu_ticks "$gateway_pid")
read -r gw_rps gw_p50 gw_p99 gw_err < <(measure "http://127.0.0.1:$GATEWAY$PATH_UNDER_TEST" "$CONNECTIONS" "$SECONDS_MEASURED")
gw_cpu=$(per_request $(( $(cpu_ticks "$gateway_pid") - before )) "$gw_rps" "$SECONDS_MEASURED")
read -r direct1_rps direct1_p50 direct1_p99 _ < <(measure "http://127.0.0.1:$BACKEND$PATH_UNDER_TEST" 1 "$SECONDS_MEASURED")
read -r nginx1_rps nginx1_p50 nginx1_p99 _ < <(measure "http://127.0.0.1:$PROXY$PATH_UNDER_TEST" 1 "$SECONDS_MEASURED")
read -r gw1_rps gw1_p50 gw1_p99 _ < <(measure "http://127.0.0.1:$GATEWAY$PATH_UNDER_TEST" 1 "$SECONDS_MEASURED")

echo
python3 - "$gw_rps" "$nginx_rps" "$gw1_p50" "$direct1_p50" "$gw_cpu" "$nginx_cpu" "$direct_cpu" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
gw, nginx, gw_p50, direct_p50 = (float(v) for v in sys.argv[1:5])
gw_cpu, nginx_cpu, direct_cpu, load = sys.argv[5:]
print(f"gateway/nginx: {100 * gw / nginx if nginx else 0:.0f} % ({gw:.0f}/s against {nginx:.0f}/s); "
      f"p50 overhead {gw_p50 - direct_p50:.3f} ms one request at a time; CPU per proxied request: gateway {gw_cpu} us, "
      f"nginx {int(nginx_cpu) - int(direct_cpu)} us; load average {load}")
PY
echo "gateway benchmark: GET $PATH_UNDER_TEST, $(nproc) cores"
row "" "requests/s" "p50 ms" "p99 ms" "CPU us/req" "non-2xx"
row "backend alone (nginx return 200)" "$direct_rps" "$direct_p50" "$direct_p99" "$direct_cpu" "$direct_err"
row "nginx reverse proxy" "$nginx_rps" "$nginx_p50" "$nginx_p99" "$nginx_cpu" "$nginx_err"
row "Parley gateway" "$gw_rps" "$gw_p50" "$gw_p99" "$gw_cpu" "$gw_err"
echo "one connection, one request at a time:"
row "backend alone" "$direct1_rps" "$direct1_p50" "$direct1_p99" "" ""
row "nginx reverse proxy" "$nginx1_rps" "$nginx1_p50" "$nginx1_p99" "" ""
row "Parley gateway" "$gw1_rps" "$gw1_p50" "$gw1_p99" "" ""
echo
python3 - "$gw_rps" "$nginx_rps" "$gw1_p50" "$direct1_p50" "$nginx1_p50" <<'PY'
import sys
gw, nginx, gw_p50, direct_p50, nginx_p50 = (float(v) for v in sys.argv[1:])
share = 100 * gw / nginx if nginx else 0
overhead = gw_p50 - direct_p50
print(f"  [{'met ' if share >= 40 else 'MISS'}] gateway throughput >= 40% of nginx's proxy ({share:.0f}%)")
print(f"  [{'met ' if overhead < 1 else 'MISS'}] gateway p50 overhead < 1 ms ({overhead:.3f} ms over the backend "
      f"alone; nginx's: {nginx_p50 - direct_p50:.3f} ms)")
PY
echo "work directory (logs): $WORK"
