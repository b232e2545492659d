#!/usr/bin/env bash
# Probe benchmark: requests sent and wall time per test app (tests/apps), release build.
#   bench/probe.sh [--python PATH]          (PROBE_ARGS="--rate 0" for no rate limit)
# Every app is started on 127.0.0.1, probed with --source and --active, and stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
py="${FLASKGUARD_TEST_PYTHON:-}"
if [ "${1:-}" = "--python" ]; then py="$2"; fi
if [ -z "$py" ]; then py="$(scripts/test-apps-venv.sh)"; fi
cargo build --release --quiet
bin=target/release/flaskguard
printf "%-16s %8s %9s %9s %s\n" app requests wall_s findings "probe findings by code"
for app in vulnerable_app hardened_app api_only_app soft404_app; do
  out=$(mktemp)
  "$py" "tests/apps/$app.py" > "$out" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 600); do grep -q LISTENING "$out" && break; sleep 0.05; done
  url=$(cut -d' ' -f2 "$out")
  login=()
  if [ "$app" = vulnerable_app ] || [ "$app" = hardened_app ]; then
    login=(--login /login --login-field username=alice --login-field password=wonderland)
  elif [ "$app" = api_only_app ]; then
    login=(--login /api/v1/login --login-json --login-field username=alice --login-field password=wonderland)
  fi
  start=$(date +%s.%N)
  "$bin" probe "$url" --source "tests/apps/$app.py" --active "${login[@]}" \
    --no-progress --output-format json --exit-zero ${PROBE_ARGS:-} > "$out.json"
  end=$(date +%s.%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  python3 - "$out.json" "$app" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
probe = [f for f in r["findings"] if f.get("evidence")]
codes = sorted({f["code"] for f in probe})
print(f"{sys.argv[2]:<16} {r['stats']['requests']:>8} {float(sys.argv[4]) - float(sys.argv[3]):>9.2f} {len(probe):>9} {' '.join(codes)}")
PY
  rm -f "$out" "$out.json"
done
