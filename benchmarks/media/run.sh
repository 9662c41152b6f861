#!/usr/bin/env bash
# Media benchmark (issue 23): per-client uplink and CPU in a mesh against the SFU (Janus) for 2..6 participants, each
# participant a headless Chromium with a fake camera and microphone in a meeting forced to `mesh` or `sfu`; Janus's
# CPU per forwarded track beside it. The ratio of client uplink SFU/mesh at the largest count is printed last.
# Needs the platform with Janus: ./parley up (in another shell). Writes nothing into the tree but node_modules/.
#   COUNTS=2,4,6 MODES=mesh,sfu WARMUP_SECONDS=10 MEASURE_SECONDS=20 benchmarks/media/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GATEWAY=${GATEWAY:-http://localhost:8080}

command -v node >/dev/null || { echo "run.sh: node is missing (Debian: apt-get install -y nodejs npm)" >&2; exit 1; }
[ -x /usr/bin/chromium ] || {
  echo "run.sh: /usr/bin/chromium is missing (Debian: apt-get install -y chromium)" >&2; exit 1; }
[ -d "$HERE/node_modules" ] || (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
curl -fsS -o /dev/null "$GATEWAY/api" || {
  echo "run.sh: no gateway at $GATEWAY; start ./parley up first" >&2; exit 1; }

cd "$HERE"
exec node media.js --gateway "$GATEWAY" --counts "${COUNTS:-2,4,6}" --modes "${MODES:-mesh,sfu}" \
  --warmup "${WARMUP_SECONDS:-10}" --seconds "${MEASURE_SECONDS:-20}" "$@"
