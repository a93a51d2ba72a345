#!/usr/bin/env bash
# What the durable decision log costs: action-matrix throughput over HTTP with the log off and on, on the packaged
# jar, with wrk (Debian package "wrk") on loopback.
#   ./mvnw -q package -DskipTests && bash scripts/benchmark-log.sh
#
# Two servers run side by side, one with the log off and one with it on. Each is warmed up first (the JIT needs
# minutes on two cores: throughput still doubles after the first minute), then they are measured in alternating
# windows, so that whatever else the machine does falls on both alike. Reported: the median throughput of each,
# the cost, the CPU time each server spent per decision (in all, and by thread: request threads, the log's writer,
# garbage collector, JIT compiler), and the log's group commits (size and time).
# Knobs: REGLAMENT_BENCH_CONNECTIONS (16), REGLAMENT_BENCH_WARMUP (150 s each, then 10-s probes until the
# JIT compiler is done, at most REGLAMENT_BENCH_WARM_PROBES: 30), REGLAMENT_BENCH_WINDOWS (5),
# REGLAMENT_BENCH_SECONDS (10 per window), REGLAMENT_BENCH_LOG_ARGS (more arguments for the server with the log on,
# e.g. a PostgreSQL datasource: see docs/benchmarks.md), REGLAMENT_BENCH_JAR (another build than target/).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${REGLAMENT_BENCH_JAR:-$(ls target/reglament-*.jar | grep -v plain | head -1)}
connections=${REGLAMENT_BENCH_CONNECTIONS:-16}
warmup=${REGLAMENT_BENCH_WARMUP:-150}
warm_probes=${REGLAMENT_BENCH_WARM_PROBES:-30}
windows=${REGLAMENT_BENCH_WINDOWS:-5}
seconds=${REGLAMENT_BENCH_SECONDS:-10}
off_port=18091
on_port=18092
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

start() { # $1: port, $2: log enabled, then more arguments
  mkdir -p "$work/$1"
  java -jar "$jar" --spring.profiles.active=local --server.port="$1" --reglament.data-directory="$work/$1" --reglament.audit.log.enabled="$2" "${@:3}" \
    > "$work/$1/server.log" 2>&1 &
  pids+=($!)
  echo $! > "$work/$1/pid"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(cat "$work/$1/pid")/stat"; }
thread_ticks() { # user + system clock ticks of each thread of the server on port $1: "id name ticks" lines, sorted
  local task
  for task in /proc/"$(cat "$work/$1/pid")"/task/*; do
    echo "${task##*/} $(tr ' ' '_' < "$task/comm") $(awk '{print $14 + $15}' "$task/stat")"
  done 2>/dev/null | LC_ALL=C sort
}
load() { # $1: port, $2: seconds
  wrk -t2 -c"$connections" -d"$2s" -s scripts/benchmark-log.lua "http://127.0.0.1:$1"
}

start $off_port false
# shellcheck disable=SC2086 # the extra arguments are words on purpose
start $on_port true ${REGLAMENT_BENCH_LOG_ARGS:-}
for port in $off_port $on_port; do
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
done
jit_ticks() { # clock ticks the JIT compiler threads of the server on port $1 have used
  thread_ticks "$1" | awk '$2 ~ /Compiler/ { t += $3 } END { print t + 0 }'
}
warm() { # $1: port. After the fixed warm-up, load the server in 10-s probes until its JIT compiler takes at most
  # 10 µs per decision (a server still compiling runs part of its code unoptimized), for at most $warm_probes probes.
  local probe before after requests
  load "$1" "$warmup" >/dev/null
  for probe in $(seq 1 "$warm_probes"); do
    before=$(jit_ticks "$1")
    requests=$(load "$1" 10 | awk '/requests in/ {print $1}')
    after=$(jit_ticks "$1")
    if [ $(( (after - before) * 10000 / requests )) -le 10 ]; then
      echo "port $1 warm after $warmup s and $probe probes of 10 s" >&2
      return
    fi
  done
  echo "port $1 still compiling after $warmup s and $warm_probes probes of 10 s" >&2
}
for port in $off_port $on_port; do warm $port; done

: > "$work/windows"
for window in $(seq 1 "$windows"); do
  for port in $off_port $on_port; do
    before=$(cpu_ticks $port)
    thread_ticks $port > "$work/threads-before"
    out=$(load $port "$seconds")
    after=$(cpu_ticks $port)
    thread_ticks $port > "$work/threads-after"
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    [ -z "$errors" ] || { echo "errors on port $port: $errors" >&2; exit 1; }
    echo "$port $rps $requests $((after - before))" >> "$work/windows"
    # CPU by kind of thread, summed over the window: the thread names tell what a thread does.
    LC_ALL=C join "$work/threads-before" "$work/threads-after" \
      | awk -v port=$port -v n="$requests" '{
          k = $2 ~ /^http-nio/ ? "requests" : $2 ~ /^decision-log-w/ ? "log-writer" \
            : $2 ~ /^decision-log-c/ ? "log-catch-up" : $2 ~ /^GC|^G1/ ? "gc" \
            : $2 ~ /Compiler/ ? "jit" : "other"
          t[k] += $5 - $3 }
        END { for (k in t) print port, k, t[k], n }' >> "$work/threads"
  done
done
curl -fs "http://127.0.0.1:$on_port/actuator/prometheus" | grep -E '^reglament_decision_log_(batch|commit_seconds)_(sum|count)' \
  > "$work/log-metrics"

python3 - "$work/windows" "$work/log-metrics" "$off_port" "$on_port" "$connections" "$work/threads" <<'PY'
import collections, statistics, sys
windows, metrics, off_port, on_port, connections, threads = sys.argv[1:7]
runs = {off_port: [], on_port: []}
for line in open(windows):
    port, rps, requests, ticks = line.split()
    runs[port].append((float(rps), int(ticks) * 10 / int(requests)))  # clock ticks are 10 ms
m = {line.split()[0]: float(line.split()[1]) for line in open(metrics)}
off = statistics.median(r for r, _ in runs[off_port])
on = statistics.median(r for r, _ in runs[on_port])
cost = 1 - on / off
print(f"{connections} connections, windows (req/s) off: {[round(r) for r, _ in runs[off_port]]}, "
      f"on: {[round(r) for r, _ in runs[on_port]]}")
print(f"CPU per decision: off {statistics.median(c for _, c in runs[off_port]):.3f} ms, "
      f"on {statistics.median(c for _, c in runs[on_port]):.3f} ms")
ticks, decisions = collections.Counter(), collections.Counter()
for line in open(threads):
    port, kind, t, n = line.split()
    ticks[port, kind] += int(t)
    decisions[port, kind] += int(n)
for port, name in ((off_port, "off"), (on_port, "on")):
    kinds = sorted({k for p, k in ticks if p == port}, key=lambda k: -ticks[port, k])
    print(f"  {name:3} by thread (µs per decision): " + ", ".join(
        f"{k} {10000 * ticks[port, k] / decisions[port, k]:.0f}" for k in kinds))
batches = m["reglament_decision_log_batch_count"]
print(f"log (whole run): {m['reglament_decision_log_batch_sum'] / batches:.1f} receipts per commit, "
      f"{1000 * m['reglament_decision_log_commit_seconds_sum'] / batches:.2f} ms per commit")
print(f"log off: {off:.0f} req/s; log on: {on:.0f} req/s; cost of the durable log: {cost:.1%} (target: at most 30%)")
# A server whose JIT compiler still works in the windows was not warm: its windows climb through the run, and the
# cost measured is the warm-up's as much as the log's (docs/benchmarks.md, fifth session).
for port, name in ((off_port, "off"), (on_port, "on")):
    jit = 10000 * ticks[port, "jit"] / decisions[port, "jit"] if decisions[port, "jit"] else 0
    if jit > 20:
        print(f"warning: the log-{name} server was still compiling ({jit:.0f} µs of JIT per decision): not warm; "
              f"run again with a longer REGLAMENT_BENCH_WARMUP")
sys.exit(0 if cost <= 0.30 else 1)
PY
