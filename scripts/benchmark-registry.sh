#!/usr/bin/env bash
# Registry files in batch (docs/benchmarks.md, "Registry files"): 100,000 rows of CSV derived end to end (read,
# decide, write) from the command line and over HTTP, and 1,000,000 rows from the command line with -Xmx512m, its
# heap after each collection from the GC log. Run it under the build lock on a shared machine:
#   flock /tmp/reglament-build.lock bash scripts/benchmark-registry.sh
# RUNS (default 3) runs of each; REGLAMENT_BENCH_DIR keeps the files (default: a temporary folder, removed).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
JAR=$(ls target/reglament-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q package -DskipTests
  JAR=$(ls target/reglament-*.jar | head -1)
fi
WORK=${REGLAMENT_BENCH_DIR:-$(mktemp -d)}
[ -n "${REGLAMENT_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
echo "jar: $JAR ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), java: $(java -version 2>&1 | head -1), $(nproc) cores"
python3 scripts/registry-benchmark-data.py 100000 "$WORK/registry-100k.csv"
python3 scripts/registry-benchmark-data.py 1000000 "$WORK/registry-1m.csv"
ls -l "$WORK"/registry-*.csv | awk '{print $5, $9}'

echo "== command line, 100,000 rows (java -jar … registry), $RUNS runs"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "  wall %e s, max RSS %M KB, CPU %P" \
    java -jar "$JAR" registry --in "$WORK/registry-100k.csv" --out "$WORK/matrix-100k.csv" --as-of 2018-10-01 \
    | grep -E "^(services|written)" | sed 's/^/  /'
done

# JDK 25's AOT cache from a training run of 20,000 rows (the classes loaded and linked, and the methods' profiles, kept
# for the next runs: docs/benchmarks.md), with the serial collector; the jar extracted, as the cache needs. Skipped
# where there is no JDK 25 (REGLAMENT_BENCH_JDK25, default Temurin's Debian path).
JAVA25=${REGLAMENT_BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
if [ -x "$JAVA25" ]; then
  echo "== command line, 100,000 rows, JDK 25 with an AOT cache from a training run and -XX:+UseSerialGC, $RUNS runs"
  python3 scripts/registry-benchmark-data.py 20000 "$WORK/registry-20k.csv"
  rm -rf "$WORK/app" && java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
  EXTRACTED=$(ls "$WORK"/app/*.jar | head -1)
  "$JAVA25" -XX:+UseSerialGC -XX:AOTCacheOutput="$WORK/app/registry.aot" -jar "$EXTRACTED" registry \
    --in "$WORK/registry-20k.csv" --out "$WORK/matrix-20k.csv" --as-of 2018-10-01 > "$WORK/training.log" 2>&1
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "  wall %e s, max RSS %M KB, CPU %P" \
      "$JAVA25" -XX:+UseSerialGC -XX:AOTCache="$WORK/app/registry.aot" -jar "$EXTRACTED" registry \
      --in "$WORK/registry-100k.csv" --out "$WORK/matrix-100k-aot.csv" --as-of 2018-10-01 \
      | grep -E "^(services|written)" | sed 's/^/  /'
  done
  cmp -s "$WORK/matrix-100k-aot.csv" "$WORK/matrix-100k.csv" && echo "  the answer is byte for byte the plain command's" \
    || echo "  the answer differs from the plain command's"
fi

echo "== command line, 1,000,000 rows, -Xmx512m"
/usr/bin/time -f "  wall %e s, max RSS %M KB, CPU %P" \
  java -Xmx512m -Xlog:gc:file="$WORK/gc-1m.log" -jar "$JAR" registry --in "$WORK/registry-1m.csv" \
  --out "$WORK/matrix-1m.csv" --as-of 2018-10-01 | grep -E "^(services|written)" | sed 's/^/  /'
python3 - "$WORK/gc-1m.log" <<'PY'
import re, sys
pauses = []
for line in open(sys.argv[1]):
    m = re.search(r"\[([\d.]+)s\].*GC\(\d+\) (Pause [A-Za-z]+).*?(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        pauses.append((float(m.group(1)), m.group(2), int(m.group(4)), int(m.group(5))))
if not pauses:
    print("  no collections logged"); sys.exit()
full = sum(1 for p in pauses if p[1] == "Pause Full")
print(f"  {len(pauses)} collections ({full} full); heap committed at most {max(p[3] for p in pauses)} MB")
third = max(len(pauses) // 3, 1)
for name, part in (("first third", pauses[:third]), ("middle third", pauses[third:2 * third]), ("last third", pauses[2 * third:])):
    values = [p[2] for p in part] or [0]
    print(f"  heap after collection, {name}: min {min(values)} MB, max {max(values)} MB")
PY

echo "== HTTP, 100,000 rows (POST /api/v1/registries/action-matrix, CSV in and out), the server's first batch and $RUNS more"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The local profile for its example keys (the service refuses to start without keys elsewhere), as benchmark-http.sh.
java -jar "$JAR" --spring.profiles.active=local --server.port="$PORT" --server.address=127.0.0.1 \
  --reglament.data-directory="$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -n "${REGLAMENT_BENCH_DIR:-}" ] || rm -rf "$WORK"' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
for i in $(seq 0 "$RUNS"); do
  curl -s -o "$WORK/matrix-http.csv" -w "  run $i: HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" \
    -X POST -H "X-API-Key: local-decider-key" -H "Content-Type: text/csv" --data-binary @"$WORK/registry-100k.csv" \
    "http://127.0.0.1:$PORT/api/v1/registries/action-matrix?asOf=2018-10-01"
done
cmp -s <(tail -c +1 "$WORK/matrix-http.csv") "$WORK/matrix-100k.csv" && echo "  the answer over HTTP is byte for byte the command line's" \
  || echo "  the answer over HTTP differs from the command line's"
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
