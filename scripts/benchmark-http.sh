#!/usr/bin/env bash
# Action-matrix decisions over HTTP with the durable decision log on (the embedded H2 log and its journal, as shipped),
# on the packaged jar, with wrk (Debian package "wrk") on the same two cores (docs/benchmarks.md, "Over HTTP").
#   ./mvnw -q package -DskipTests && flock /tmp/reglament-build.lock bash scripts/benchmark-http.sh
#
# One server; warmed up at 16 connections until its JIT compiler is nearly done; then, for 1, 16 and 64 connections,
# the throughput and latency percentiles of a closed loop (each connection sends its next request when it has the
# answer); then the latency at half the best throughput, each connection pausing between requests (wrk's delay())
# so that the offered load is about half; and the size of one answer as sent plain and with Accept-Encoding: gzip.
# Knobs: REGLAMENT_BENCH_WARMUP (60 s), REGLAMENT_BENCH_SECONDS (15 per measurement), REGLAMENT_BENCH_JAR,
# REGLAMENT_BENCH_ARGS (more server arguments), REGLAMENT_BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${REGLAMENT_BENCH_JAR:-$(ls target/reglament-*.jar | grep -v plain | head -1)}
warmup=${REGLAMENT_BENCH_WARMUP:-60}
seconds=${REGLAMENT_BENCH_SECONDS:-15}
key=local-decider-key
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"

work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
# shellcheck disable=SC2086 # the extra options and arguments are words on purpose
java ${REGLAMENT_BENCH_JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=local --server.port="$port" \
  --reglament.data-directory="$work/data" --reglament.audit.log.enabled=true ${REGLAMENT_BENCH_ARGS:-} \
  > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do curl -fs "$url/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done

jit_ticks() {
  for task in /proc/"$pid"/task/*; do
    if grep -q Compiler "$task/comm" 2>/dev/null; then awk '{print $14 + $15}' "$task/stat"; fi
  done 2>/dev/null | awk '{ t += $1 } END { print t + 0 }'
}
# $1 connections, $2 seconds, $3 pause between a connection's requests in ms (0: none)
load() {
  REGLAMENT_BENCH_PAUSE_MS=$3 wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" --latency -H "X-API-Key: $key" \
    -s scripts/benchmark-log.lua "$url"
}
check() { # no errors, no answers other than 200
  if grep -qE 'Non-2xx|Socket errors' <<<"$1"; then echo "errors: $(grep -E 'Non-2xx|Socket errors' <<<"$1")" >&2; exit 1; fi
}
rate() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
percentile() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }

load 16 "$warmup" 0 > /dev/null
for probe in $(seq 1 20); do
  before=$(jit_ticks)
  out=$(load 16 10 0); check "$out"
  after=$(jit_ticks)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  if [ $(( (after - before) * 10000 / requests )) -le 10 ]; then break; fi
done
echo "warm after $warmup s and $probe probes of 10 s ($(rate "$out") decisions/s in the last)"

# CPU time of each server thread ("task id|user ticks|system ticks") and the Java names of the threads ("id|name").
threads_cpu() { for task in /proc/"$pid"/task/*; do echo "${task##*/}|$(awk '{print $14 "|" $15}' "$task/stat")"; done 2>/dev/null; }
thread_names() {
  jcmd "$pid" Thread.print 2>/dev/null | sed -n 's/^"\([^"]*\)".* nid=\(0x[0-9a-f]*\).*/\2|\1/p' | while IFS='|' read -r nid name; do
    echo "$((nid))|$name"
  done
}

best=0
printf '%-34s %12s %8s %8s %8s\n' "load" "decisions/s" "p50" "p99" "max"
for connections in 1 16 64; do
  if [ "$connections" = 16 ]; then
    thread_names > "$work/names"; threads_cpu > "$work/cpu-before"
    TIMEFORMAT='%U %S'
    { time out=$(load "$connections" "$seconds" 0); } 2> "$work/wrk-cpu"
    threads_cpu > "$work/cpu-after"
  else
    out=$(load "$connections" "$seconds" 0)
  fi
  check "$out"
  [ "$connections" = 16 ] && out16=$out
  printf '%-34s %12s %8s %8s %8s\n' "$connections connections, closed loop" "$(rate "$out")" \
    "$(percentile "$out" 50%)" "$(percentile "$out" 99%)" "$(awk '/Latency/ {print $4; exit}' <<<"$out")"
  best=$(python3 -c "print(max($best, $(rate "$out")))")
done
# Half the best: 16 connections, each pausing so that 16 / (pause + answer time) is about half of it.
half=$(python3 -c "print($best / 2)")
pause=$(python3 -c "print(max(1, round(16 / $half * 1000)))")
out=$(load 16 "$seconds" "$pause"); check "$out"
printf '%-34s %12s %8s %8s %8s\n' "half load (16 conn., ${pause} ms pause)" "$(rate "$out")" \
  "$(percentile "$out" 50%)" "$(percentile "$out" 99%)" "$(awk '/Latency/ {print $4; exit}' <<<"$out")"

# Where the two cores went in the 16-connection run, per decision: the server's threads by kind (the request threads,
# the log's writer and catch-up, the JIT compiler, GC) and wrk, the load generator on the same cores.
python3 - "$work" "$(awk '/requests in/ {print $1}' <<<"$out16")" <<'PY'
import collections, re, sys
work, decisions = sys.argv[1], int(sys.argv[2])
names = dict(line.rstrip('\n').split('|', 1) for line in open(f'{work}/names') if '|' in line)
def ticks(name):
    return {p[0]: (int(p[1]), int(p[2])) for p in (line.strip().split('|') for line in open(f'{work}/{name}')) if len(p) == 3 and p[1]}
before, after = ticks('cpu-before'), ticks('cpu-after')
kinds = collections.Counter()
for task, (user, system) in after.items():
    user0, system0 = before.get(task, (0, 0))
    name = re.sub(r'http-nio-\d+-', 'http-nio-', names.get(task, 'a thread ended or unnamed'))
    kinds[re.sub(r'[-#]?\d+$', '', name)] += user + system - user0 - system0
wrk_user, wrk_system = (float(x) for x in open(f'{work}/wrk-cpu').read().split())
micros = 1e6 / 100 / decisions  # clock ticks (1/100 s) to µs per decision
server = sum(kinds.values()) * micros
print(f'CPU per decision at 16 connections: server {server:.0f} µs, wrk {(wrk_user + wrk_system) * 1e6 / decisions:.0f} µs; '
      'by thread: ' + ', '.join(f'{kind} {t * micros:.0f}' for kind, t in kinds.most_common() if t * micros >= 1))
PY

body='{"asOf":"2018-10-01","service":{"registryId":"41000000000001","name":"Услуга","category":"REGIONAL","applicationsPerYear":120,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}}'
for citations in inline referenced; do
  for encoding in identity gzip; do
    size=$(curl -fs -o /dev/null -w '%{size_download}' -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      -H "Accept-Encoding: $encoding" --data-binary "$body" "$url/api/v1/decisions/action-matrix?citations=$citations")
    echo "one answer, citations=$citations, Accept-Encoding: $encoding: $size bytes"
  done
done
echo "server: $(grep -o 'Knowledge base [^ ]* .* in [0-9]* ms' "$work/server.log" | sed 's/sha256:[0-9a-f]*/…/' | head -1)"
