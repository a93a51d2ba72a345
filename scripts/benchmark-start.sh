#!/usr/bin/env bash
# How long the packaged jar takes from `java -jar` to ready: the time until /actuator/health/readiness first answers
# 200, polled every 50 ms, in a fresh data directory each time (the first start of a replica: the log's database is
# created). Prints each start, the median, and the knowledge base's line from the server's log.
#   ./mvnw -q package -DskipTests && flock /tmp/reglament-build.lock bash scripts/benchmark-start.sh
#
# REGLAMENT_START_METHOD chooses how the JVM starts (docs/benchmarks.md, "Ready in 4 s"):
#   jar  java -jar target/reglament-*.jar, nothing else (the default)
#   cds  JDK 17 class-data sharing: the jar extracted (java -Djarmode=tools ... extract), a dynamic archive written by
#        one training start (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), then -XX:SharedArchiveFile
#   aot  the same with JDK 25's AOT cache (-XX:AOTCacheOutput in the training start, then -XX:AOTCache); the JDK is
#        REGLAMENT_START_JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
# REGLAMENT_START_SPRING_AOT=true (the default for cds and aot) adds -Dspring.aot.enabled=true: the application
# context from the bean definitions Spring's AOT processing generated at build time (process-aot) instead of
# scanning and evaluating configuration classes at start; false leaves it out.
# Other knobs: REGLAMENT_START_RUNS (5), REGLAMENT_START_JAR (another build than target/), REGLAMENT_START_ARGS (more
# arguments for the server, e.g. --reglament.rules.directory=rules: rules compiled at start),
# REGLAMENT_START_JAVA_OPTS (more JVM options).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${REGLAMENT_START_JAR:-$(ls target/reglament-*.jar | grep -v plain | head -1)}
runs=${REGLAMENT_START_RUNS:-5}
method=${REGLAMENT_START_METHOD:-jar}
java=java
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
management=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# The local profile: its example keys (the service refuses to start without keys elsewhere); the log is on.
server_args=(--spring.profiles.active=local --server.port="$port" --management.server.port="$management"
  --reglament.data-directory="$work/data")
jvm_opts=()
spring_aot=${REGLAMENT_START_SPRING_AOT:-$([ "$method" = jar ] && echo false || echo true)}
[ "$spring_aot" = true ] && jvm_opts=(-Dspring.aot.enabled=true)
case "$method" in
  jar) ;;
  cds|aot)
    [ "$method" = aot ] && java=${REGLAMENT_START_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
    java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
    jar="$work/app/$(basename "$jar")"
    mkdir -p "$work/data"
    if [ "$method" = cds ]; then
      training=(-XX:ArchiveClassesAtExit="$work/app.jsa"); archive=(-XX:SharedArchiveFile="$work/app.jsa")
    else
      training=(-XX:AOTCacheOutput="$work/app.aot"); archive=(-XX:AOTCache="$work/app.aot")
    fi
    training+=("${jvm_opts[@]}"); jvm_opts+=("${archive[@]}")
    started=$(date +%s%N)
    "$java" "${training[@]}" -Dspring.context.exit=onRefresh -jar "$jar" "${server_args[@]}" > "$work/training.log" 2>&1 \
      || { echo "the training start failed:" >&2; tail -20 "$work/training.log" >&2; exit 1; }
    echo "training start ($method, spring aot $spring_aot): $(( ($(date +%s%N) - started) / 1000000 )) ms, archive $(du -h "$work"/app.jsa "$work"/app.aot 2>/dev/null | cut -f1)"
    rm -rf "$work/data"
    ;;
  *) echo "REGLAMENT_START_METHOD is jar, cds or aot" >&2; exit 2 ;;
esac

times=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data" && mkdir -p "$work/data"
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # the extra options and arguments are words on purpose
  "$java" "${jvm_opts[@]}" ${REGLAMENT_START_JAVA_OPTS:-} -jar "$jar" "${server_args[@]}" ${REGLAMENT_START_ARGS:-} \
    > "$work/server.log" 2>&1 &
  pid=$!
  ready=
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$management/actuator/health/readiness"; then
      ready=$(date +%s%N)
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
  if [ -z "$ready" ]; then
    echo "run $run: not ready; the server's log:" >&2
    tail -20 "$work/server.log" >&2
    exit 1
  fi
  ms=$(( (ready - started) / 1000000 ))
  times+=("$ms")
  echo "run $run: ready in $ms ms ($(grep -o 'Knowledge base [^ ]* .* in [0-9]* ms' "$work/server.log" | sed 's/sha256:[0-9a-f]*/…/' || true); $(grep -o 'Started ReglamentApplication in [0-9.]* seconds' "$work/server.log" || true))"
done
printf '%s\n' "${times[@]}" | sort -n | awk -v method="$method, spring aot $spring_aot" '{ t[NR] = $1 } END { printf "%s: median of %d starts: %d ms (fastest %d, slowest %d)\n", method, NR, t[int((NR + 1) / 2)], t[1], t[NR] }'
