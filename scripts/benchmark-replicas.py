#!/usr/bin/env python3
"""Does the decision log serialise the replicas? Action-matrix throughput through HAProxy with one, two and three
replicas of the packaged jar on one PostgreSQL log (issue 13, point 3).

    ./mvnw -q package -DskipTests && bash .ci/postgres.sh && bash .ci/haproxy.sh && apt-get install -y wrk
    python3 scripts/benchmark-replicas.py

Three replicas are started once and warmed up together through the balancer; then they are measured in alternating
windows, 1, 2, 3, 1, 2, 3, ..., with the balancer sending to the first n of them (the others set to maintenance
through HAProxy's runtime API, idle), so that whatever else the machine does falls on every configuration alike.
Reported: the median throughput of each configuration and its ratio to one replica. Everything runs on loopback;
the load generator (wrk) shares the machine's cores with the replicas, PostgreSQL and HAProxy.

Knobs (environment): REGLAMENT_BENCH_JAR, REGLAMENT_BENCH_CONNECTIONS (32), REGLAMENT_BENCH_WARMUP (120 s),
REGLAMENT_BENCH_WINDOWS (3 rounds), REGLAMENT_BENCH_SECONDS (10 per window), REGLAMENT_BENCH_ARGS (more arguments
for every replica, e.g. --reglament.audit.log.enabled=false to see what the machine does without the log),
REGLAMENT_TEST_POSTGRES_URL (and _USER, _PASSWORD; default the .ci/postgres.sh database).
"""
import glob
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("REGLAMENT_BENCH_JAR") or next(
    j for j in sorted(glob.glob(os.path.join(ROOT, "target", "reglament-*.jar"))) if "plain" not in j)
CONNECTIONS = int(os.environ.get("REGLAMENT_BENCH_CONNECTIONS", "32"))
WARMUP = int(os.environ.get("REGLAMENT_BENCH_WARMUP", "120"))
ROUNDS = int(os.environ.get("REGLAMENT_BENCH_WINDOWS", "3"))
SECONDS = int(os.environ.get("REGLAMENT_BENCH_SECONDS", "10"))
PG_URL = os.environ.get("REGLAMENT_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/reglament_test")
PG_USER = os.environ.get("REGLAMENT_TEST_POSTGRES_USER", "reglament")
PG_PASSWORD = os.environ.get("REGLAMENT_TEST_POSTGRES_PASSWORD", "reglament")
DECIDER = "bench-decider-" + uuid.uuid4().hex
AUDITOR = "bench-auditor-" + uuid.uuid4().hex
PORTS = [18101, 18102, 18103]
MANAGEMENT = [18201, 18202, 18203]
BALANCER = 18100


def replica(work, schema, n, create_key):
    url = PG_URL + ("&" if "?" in PG_URL else "?") + "currentSchema=" + schema
    log = open(os.path.join(work, f"replica-{n}.log"), "w")
    return subprocess.Popen([
        "java", "-Xmx512m", "-jar", JAR, f"--server.port={PORTS[n - 1]}", f"--management.server.port={MANAGEMENT[n - 1]}",
        f"--spring.datasource.url={url}", f"--spring.datasource.username={PG_USER}",
        f"--spring.datasource.password={PG_PASSWORD}", f"--spring.flyway.default-schema={schema}",
        "--spring.flyway.create-schemas=true", f"--reglament.instance-name=bench-{n}",
        f"--reglament.data-directory={work}/data-{n}", f"--reglament.audit.log.signing-key={work}/key/signing-key.pem",
        f"--reglament.audit.log.create-signing-key={'true' if create_key else 'false'}",
        "--reglament.security.api-keys[0].name=bench", f"--reglament.security.api-keys[0].key={DECIDER}",
        "--reglament.security.api-keys[0].roles=DECIDER", "--reglament.security.api-keys[1].name=bench-auditor",
        f"--reglament.security.api-keys[1].key={AUDITOR}", "--reglament.security.api-keys[1].roles=AUDITOR"]
        + os.environ.get("REGLAMENT_BENCH_ARGS", "").split(),
        stdout=log, stderr=subprocess.STDOUT)


def ready(n):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{MANAGEMENT[n - 1]}/actuator/health/readiness",
                                      timeout=2).status == 200
    except OSError:
        return False


def await_ready(n, process):
    for _ in range(720):
        if ready(n):
            return
        if process.poll() is not None:
            sys.exit(f"replica {n} exited with {process.returncode}")
        time.sleep(0.25)
    sys.exit(f"replica {n} not ready in 180 s")


def haproxy(work):
    config = os.path.join(work, "haproxy.cfg")
    servers = "".join(f"    server replica-{i + 1} 127.0.0.1:{PORTS[i]} check port {MANAGEMENT[i]}\n" for i in range(3))
    with open(config, "w") as f:
        f.write(f"""global
    maxconn 4096
    stats socket {work}/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
frontend reglament
    bind 127.0.0.1:{BALANCER}
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    default-server inter 500ms
{servers}""")
    return subprocess.Popen(["haproxy", "-db", "-f", config], stdout=open(os.path.join(work, "haproxy.log"), "w"),
                            stderr=subprocess.STDOUT)


def runtime(work, command):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(os.path.join(work, "haproxy.sock"))
        s.sendall((command + "\n").encode())
        return s.recv(65536).decode()


def serve_with(work, n):
    for i in range(3):
        runtime(work, f"set server replicas/replica-{i + 1} state {'ready' if i < n else 'maint'}")
    time.sleep(1)


def postgres_ticks():
    """Clock ticks (user + system) used so far by every PostgreSQL process: what the log costs the database."""
    ticks = 0
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)
            if fields[0].endswith("(postgres"):
                rest = fields[1].split()
                ticks += int(rest[11]) + int(rest[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks


def wrk(seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", f"X-API-Key: {DECIDER}",
                          "-s", os.path.join(ROOT, "scripts", "benchmark-log.lua"), f"http://127.0.0.1:{BALANCER}"],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, int(errors.group(1)) if errors else 0


def main():
    if not shutil.which("wrk") or not shutil.which("haproxy"):
        sys.exit("needs wrk and haproxy (Debian packages)")
    work = tempfile.mkdtemp(prefix="reglament-replicas-")
    schema = "bench_" + uuid.uuid4().hex
    processes = []
    try:
        processes.append(replica(work, schema, 1, True))
        await_ready(1, processes[0])
        processes += [replica(work, schema, 2, False), replica(work, schema, 3, False)]
        await_ready(2, processes[1])
        await_ready(3, processes[2])
        processes.append(haproxy(work))
        time.sleep(2)
        print(f"jar {os.path.basename(JAR)}; {CONNECTIONS} connections; warming all three for {WARMUP} s", flush=True)
        serve_with(work, 3)
        wrk(WARMUP)
        rates = {1: [], 2: [], 3: []}
        pg_cpu = []  # PostgreSQL CPU seconds per 1000 receipts, each window
        hz = os.sysconf("SC_CLK_TCK")
        errors = 0
        for r in range(ROUNDS):
            order = [1, 2, 3][r % 3:] + [1, 2, 3][:r % 3]
            for n in order:
                serve_with(work, n)
                before = postgres_ticks()
                rate, failed = wrk(SECONDS)
                pg_cpu.append((postgres_ticks() - before) / hz / (rate * SECONDS) * 1000)
                errors += failed
                rates[n].append(rate)
                print(f"round {r + 1}: {n} replica(s) {rate:8.0f} decisions/s", flush=True)
        one = statistics.median(rates[1])
        print()
        for n in (1, 2, 3):
            median = statistics.median(rates[n])
            print(f"{n} replica(s): median {median:8.0f} decisions/s, {median / one:.2f}x one replica "
                  f"(windows: {', '.join(f'{x:.0f}' for x in rates[n])})")
        per_thousand = statistics.median(pg_cpu)
        print(f"PostgreSQL CPU per 1000 receipts: median {per_thousand * 1000:.0f} ms, so one PostgreSQL core takes about "
              f"{1000 / per_thousand:.0f} receipts/s at this group size")
        print(f"non-2xx answers: {errors}")
        # Straight to a replica: walking every stream takes longer than the balancer's timeout.
        verify = urllib.request.Request(f"http://127.0.0.1:{PORTS[0]}/api/v1/audit/verify", headers={"X-API-Key": AUDITOR})
        started = time.monotonic()
        result = json.loads(urllib.request.urlopen(verify, timeout=600).read().decode())
        intact = result["intact"]
        print(f"afterwards: verify intact {intact}, {result['verified']} receipts in {len(result['streams'])} streams, "
              f"in {time.monotonic() - started:.0f} s")
        return 0 if intact and errors == 0 else 1
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
