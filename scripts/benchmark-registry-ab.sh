#!/usr/bin/env bash
# Two jars side by side on the command line's 100,000 rows (docs/benchmarks.md, "Registry files"), alternating, so that
# a shared machine's drift falls on both: wall and CPU seconds of each run, then whether the answers are byte for byte
# the same. Run it under the build lock:
#   N=5 flock /tmp/reglament-build.lock bash scripts/benchmark-registry-ab.sh before.jar after.jar
# N (default 4) runs of each; REGLAMENT_BENCH_DIR keeps the files (default: a temporary folder, removed).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 before.jar after.jar" >&2; exit 2; }
N=${N:-4}
WORK=${REGLAMENT_BENCH_DIR:-$(mktemp -d)}
[ -n "${REGLAMENT_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
[ -f "$WORK/registry-100k.csv" ] || python3 scripts/registry-benchmark-data.py 100000 "$WORK/registry-100k.csv"
echo "java: $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%H:%M) UTC"
for i in $(seq "$N"); do
  for side in 1 2; do
    jar=${!side}
    /usr/bin/time -o "$WORK/time" -f "%e %U %S" java -jar "$jar" registry --in "$WORK/registry-100k.csv" \
      --out "$WORK/out-$side.csv" --as-of 2018-10-01 > /dev/null
    read -r wall user sys < "$WORK/time"
    echo "$(basename "$jar"): wall $wall s, CPU $(awk "BEGIN { print $user + $sys }") s, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
if cmp -s "$WORK/out-1.csv" "$WORK/out-2.csv"; then echo "answers: byte for byte the same"; else echo "answers: DIFFER"; exit 1; fi
