#!/usr/bin/env bash
# Does Prometheus scrape the service's metrics in both deployment modes (docs/security.md, "Metrics")? With the
# packaged jar and Prometheus 2.42 (Debian package "prometheus"), on loopback, about 40 seconds:
#   ./mvnw -q package -DskipTests && bash scripts/prometheus-scrape.sh
# 1. the main port: /actuator/prometheus needs a key with role METRICS; Prometheus cannot send X-API-Key, so its
#    scrape configuration sends "authorization: {type: ApiKey, credentials_file: …}" (Authorization: ApiKey <key>);
#    without it, or with the key as a bearer token, the target is down (401);
# 2. a management port of its own (management.server.port): no key there, and no actuator on the main port.
# Exits non-zero when any of these does not hold.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/reglament-*.jar | grep -v plain | head -1)
command -v prometheus >/dev/null || { echo "prometheus is needed: apt-get install prometheus" >&2; exit 1; }
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
failed=0

serve() { # $1: port to wait on; then server arguments (the local profile: its example metrics key)
  local wait_port=$1; shift
  mkdir -p "$work/data-$wait_port"
  java -jar "$jar" --spring.profiles.active=local --reglament.data-directory="$work/data-$wait_port" "$@" \
    > "$work/server-$wait_port.log" 2>&1 &
  server=$!
  pids+=("$server")
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$wait_port/actuator/health" >/dev/null 2>&1 && return; sleep 1; done
  echo "the server did not start" >&2; tail -20 "$work/server-$wait_port.log" >&2; exit 1
}

scrape() { # $1: what, $2: target port, $3: expected health (up/down), $4: authorization block (YAML) or ""
  local dir="$work/prometheus-$RANDOM" port
  mkdir -p "$dir"
  printf '%s\n' "local-metrics-key" > "$dir/metrics-key"
  cat > "$dir/prometheus.yml" <<YAML
global: {scrape_interval: 1s}
scrape_configs:
  - job_name: reglament
    metrics_path: /actuator/prometheus
${4//@KEYFILE@/$dir/metrics-key}
    static_configs: [{targets: ['127.0.0.1:$2']}]
YAML
  port=$(free_port)
  prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" > "$dir/prometheus.log" 2>&1 &
  local prometheus=$!
  pids+=("$prometheus")
  local health=""
  for _ in $(seq 1 20); do
    sleep 1
    health=$(curl -s "http://127.0.0.1:$port/api/v1/targets" | python3 -c '
import json, sys
targets = json.load(sys.stdin)["data"]["activeTargets"]
print((targets[0]["health"] + " " + targets[0]["lastError"]).strip() if targets else "")' || true)
    case $health in up*|down*) break ;; esac
  done
  kill "$prometheus"; wait "$prometheus" 2>/dev/null || true
  if [ "${health%% *}" = "$3" ]; then echo "ok   $1: $health"; else echo "FAIL $1: $health (expected $3)"; failed=1; fi
}

main=$(free_port)
serve "$main" --server.port="$main"
scrape "main port, Authorization: ApiKey with the METRICS key" "$main" up \
  "    authorization: {type: ApiKey, credentials_file: @KEYFILE@}"
scrape "main port, no credentials" "$main" down ""
scrape "main port, the key as a bearer token" "$main" down "    authorization: {credentials_file: @KEYFILE@}"
kill "$server"; wait "$server" 2>/dev/null || true

main=$(free_port); management=$(free_port)
serve "$management" --server.port="$main" --management.server.port="$management" --management.server.address=127.0.0.1
scrape "management port, no credentials" "$management" up ""
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$main/actuator/prometheus")
if [ "$status" = 404 ]; then echo "ok   main port with a management port: /actuator/prometheus 404"
else echo "FAIL main port with a management port: /actuator/prometheus $status"; failed=1; fi
exit $failed
