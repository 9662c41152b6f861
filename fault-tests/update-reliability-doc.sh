#!/usr/bin/env bash
# Runs the fault-injection suite and copies the figures it wrote (fault-tests/target/reliability.md) into
# docs/reliability.md, between the "figures" markers. With --no-run it copies the figures of the last run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
figures="$root/fault-tests/target/reliability.md"
doc="$root/docs/reliability.md"
if [[ "${1:-}" != "--no-run" ]]; then
  (cd "$root" && ./mvnw -B -ntp -pl fault-tests verify)
fi
[[ -f "$figures" ]] || { echo "no $figures: run the suite first" >&2; exit 1; }
tmp="$(mktemp)"
awk -v figures="$figures" '
  /<!-- figures:start -->/ { print; print ""; while ((getline line < figures) > 0) print line; print ""; skip = 1; next }
  /<!-- figures:end -->/ { skip = 0 }
  !skip { print }
' "$doc" > "$tmp"
mv "$tmp" "$doc"
echo "docs/reliability.md: figures of $(date -u -r "$figures" '+%Y-%m-%d %H:%M UTC')"
