#!/usr/bin/env bash
# Two jars side by side on the command line's 100,000 rows (docs/benchmarks.md, "Registry files"), alternating, so that
# a shared machine's drift falls on both: wall and CPU seconds of each run, then whether the answers are byte for byte
# the same. Run it under the build lock:
#   N=5 flock /tmp/reglament-build.lock bash scripts/benchmark-registry-ab.sh before.jar after.jar
# N (default 4) runs of each; REGLAMENT_BENCH_DIR keeps the files (default: a temporary folder, removed).
# REGLAMENT_BENCH_AOT=1 runs each jar as the README's JDK 25 form does instead: extracted, with an AOT cache of its own
# from a training run of 20,000 rows, and the serial collector (REGLAMENT_BENCH_JDK25, default Temurin's Debian path).
# REGLAMENT_BENCH_HTTP=1 measures the HTTP endpoint instead: each run starts the jar's server (local profile), posts the
# 100,000 rows twice (the server's first batch, then a second) and stops it.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 before.jar after.jar" >&2; exit 2; }
JARS=("" "$(realpath "$1")" "$(realpath "$2")")
cd "$(dirname "$0")/.."
N=${N:-4}
WORK=${REGLAMENT_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
WORK=$(realpath "$WORK")
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
  if [ -z "${REGLAMENT_BENCH_DIR:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
[ -f "$WORK/registry-100k.csv" ] || python3 scripts/registry-benchmark-data.py 100000 "$WORK/registry-100k.csv"

same_answers() {
  if cmp -s "$WORK/out-1.csv" "$WORK/out-2.csv"; then echo "answers: byte for byte the same"; else echo "answers: DIFFER"; exit 1; fi
}

if [ "${REGLAMENT_BENCH_HTTP:-0}" = 1 ]; then
  echo "java: $(java -version 2>&1 | head -1), the server's first and second batch after its start"
  echo "$(nproc) cores, $(date -u +%H:%M) UTC"
  for i in $(seq "$N"); do
    for side in 1 2; do
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      rm -rf "$WORK/data-$side"
      java -jar "${JARS[$side]}" --spring.profiles.active=local --server.port="$port" --server.address=127.0.0.1 \
        --reglament.data-directory="$WORK/data-$side" > "$WORK/server-$side.log" 2>&1 &
      SERVER=$!
      ready=false
      for _ in $(seq 120); do
        if curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; then ready=true; break; fi
        kill -0 "$SERVER" 2>/dev/null || break
        sleep 1
      done
      if [ "$ready" != true ]; then echo "the server did not start:" >&2; tail -20 "$WORK/server-$side.log" >&2; exit 1; fi
      times=""
      for batch in first second; do
        answer=$(curl -s -o "$WORK/out-$side.csv" -w "%{http_code} %{time_total}" -X POST \
          -H "X-API-Key: local-decider-key" -H "Content-Type: text/csv" --data-binary @"$WORK/registry-100k.csv" \
          "http://127.0.0.1:$port/api/v1/registries/action-matrix?asOf=2018-10-01") || answer="failed -"
        read -r code seconds <<< "$answer"
        if [ "$code" != 200 ]; then echo "the $batch batch was answered $code" >&2; exit 1; fi
        times="$times $batch $seconds s,"
      done
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
      SERVER=""
      echo "$(basename "${JARS[$side]}"):$times load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  same_answers
  exit 0
fi

# The command of each side, as an array: ${RUN_1[@]} and ${RUN_2[@]}.
if [ "${REGLAMENT_BENCH_AOT:-0}" = 1 ]; then
  JAVA25=${REGLAMENT_BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
  [ -f "$WORK/registry-20k.csv" ] || python3 scripts/registry-benchmark-data.py 20000 "$WORK/registry-20k.csv"
  echo "java: $("$JAVA25" -version 2>&1 | head -1), AOT cache per jar, serial collector"
  for side in 1 2; do
    app="$WORK/app-$side"
    rm -rf "$app" && java -Djarmode=tools -jar "${JARS[$side]}" extract --destination "$app" > /dev/null
    extracted=$(ls "$app"/*.jar | head -1)
    "$JAVA25" -XX:+UseSerialGC -XX:AOTCacheOutput="$app/registry.aot" -jar "$extracted" registry \
      --in "$WORK/registry-20k.csv" --out "$WORK/training-$side.csv" --as-of 2018-10-01 > "$app/training.log" 2>&1
    declare -a "RUN_$side"
    eval "RUN_$side=(\"\$JAVA25\" -XX:+UseSerialGC \"-XX:AOTCache=\$app/registry.aot\" -jar \"\$extracted\")"
  done
else
  echo "java: $(java -version 2>&1 | head -1)"
  RUN_1=(java -jar "${JARS[1]}")
  RUN_2=(java -jar "${JARS[2]}")
fi
echo "$(nproc) cores, $(date -u +%H:%M) UTC"
for i in $(seq "$N"); do
  for side in 1 2; do
    run="RUN_$side[@]"
    /usr/bin/time -o "$WORK/time" -f "%e %U %S" "${!run}" registry --in "$WORK/registry-100k.csv" \
      --out "$WORK/out-$side.csv" --as-of 2018-10-01 > /dev/null
    read -r wall user sys < "$WORK/time"
    echo "$(basename "${JARS[$side]}"): wall $wall s, CPU $(awk "BEGIN { print $user + $sys }") s, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
same_answers
