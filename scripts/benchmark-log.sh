#!/usr/bin/env bash
# What the durable decision log costs: action-matrix throughput over HTTP with the log on and off, on the
# packaged jar, with wrk (Debian package "wrk") on loopback. Bounded: warm-up and measurement runs of fixed length.
#   ./mvnw -q package -DskipTests && bash scripts/benchmark-log.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/reglament-*.jar | grep -v plain | head -1)
port=${REGLAMENT_BENCH_PORT:-18081}
duration=${REGLAMENT_BENCH_SECONDS:-20}
connections=${REGLAMENT_BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

run() { # $1: label, $2: log enabled
  local data; data=$(mktemp -d)
  java -jar "$jar" --server.port="$port" --reglament.data-directory="$data" --reglament.audit.log.enabled="$2" \
    > "$data/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
  wrk -t2 -c"$connections" -d10s -s scripts/benchmark-log.lua "http://127.0.0.1:$port" >/dev/null   # warm-up (JIT)
  local rps
  rps=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s scripts/benchmark-log.lua "http://127.0.0.1:$port" \
        | tee "$data/wrk.txt" | awk '/Requests\/sec/ {print $2}')
  local p99; p99=$(awk '/ 99%/ {print $2}' "$data/wrk.txt")
  local receipts; receipts=$(curl -fs -H 'X-API-Key: local-auditor-key' "http://127.0.0.1:$port/api/v1/audit/decisions?size=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "$label $rps $p99 $receipts"
}

label=log-off; off=$(run log-off false)
label=log-on;  on=$(run log-on true)
echo "$off"; echo "$on"
python3 - "$off" "$on" <<'PY'
import sys
off, on = (line.split() for line in sys.argv[1:3])
cost = 1 - float(on[1]) / float(off[1])
print(f"log off: {float(off[1]):.0f} req/s (p99 {off[2]}); log on: {float(on[1]):.0f} req/s (p99 {on[2]}, "
      f"{on[3]} receipts); cost of the durable log: {cost:.1%} (target: at most 30%)")
sys.exit(0 if cost <= 0.30 else 1)
PY
