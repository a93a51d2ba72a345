#!/usr/bin/env python3
"""Does the decision log serialise the replicas? Action-matrix throughput through HAProxy with one, two and three
replicas of the packaged jar on one PostgreSQL log (issue 13, point 3).

    ./mvnw -q package -DskipTests && bash .ci/postgres.sh && bash .ci/haproxy.sh && apt-get install -y wrk
    flock /tmp/reglament-build.lock env REGLAMENT_BENCH_WARM_EACH=80 REGLAMENT_BENCH_WARMUP=0 \
        REGLAMENT_BENCH_ARGS=--reglament.audit.log.commit-interval-ms=10 python3 scripts/benchmark-replicas.py

Three replicas are started once and warmed up (REGLAMENT_BENCH_WARM_EACH seconds each straight to its own port, then
REGLAMENT_BENCH_WARMUP seconds all three through the balancer); then they are measured in alternating windows,
1, 2, 3, 1, 2, 3, ..., with the balancer sending to the first n of them (the others set to maintenance through
HAProxy's runtime API, idle), so that whatever else the machine does falls on every configuration alike.
Reported: the median throughput of each configuration and its ratio to one replica. Everything runs on loopback;
the load generator (wrk) shares the machine's cores with the replicas, PostgreSQL and HAProxy.

Each window prints where the two cores went per 1000 decisions (replica threads by kind, PostgreSQL, HAProxy, wrk),
context switches per decision, PostgreSQL's commits per second and receipts per commit, and each replica's JIT
compilations during the window.

Knobs (environment): REGLAMENT_BENCH_JAR, REGLAMENT_BENCH_CONNECTIONS (32), REGLAMENT_BENCH_WARM_EACH (0 s),
REGLAMENT_BENCH_WARMUP (120 s), REGLAMENT_BENCH_JAVA_OPTS (-Xmx512m), REGLAMENT_BENCH_CPU_LIMIT (cores per replica, a
cgroup v1 CFS quota entered before the JVM starts; 0: none),
REGLAMENT_BENCH_WINDOWS (3 rounds), REGLAMENT_BENCH_SECONDS (10 per window), REGLAMENT_BENCH_ARGS (more arguments
for every replica, e.g. --reglament.audit.log.enabled=false to see what the machine does without the log),
REGLAMENT_TEST_POSTGRES_URL (and _USER, _PASSWORD; default the .ci/postgres.sh database), REGLAMENT_BENCH_KEEP_SCHEMA
(true: the run's log is left in its schema; by default the schema is dropped at the end).
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
JAVA_OPTIONS = os.environ.get("REGLAMENT_BENCH_JAVA_OPTS", "-Xmx512m").split()
WARM_EACH = int(os.environ.get("REGLAMENT_BENCH_WARM_EACH", "0"))
CPU_LIMIT = float(os.environ.get("REGLAMENT_BENCH_CPU_LIMIT", "0"))
CGROUP = "/sys/fs/cgroup/cpu"  # cgroup v1, as on these machines
PORTS = [18101, 18102, 18103]
MANAGEMENT = [18201, 18202, 18203]
BALANCER = 18100


def replica(work, schema, n, create_key):
    url = PG_URL + ("&" if "?" in PG_URL else "?") + "currentSchema=" + schema
    log = open(os.path.join(work, f"replica-{n}.log"), "w")
    limit = []
    if CPU_LIMIT:
        # As a pod's limits.cpu: a CFS quota on the replica's own cgroup, entered before the JVM starts so that it
        # sizes itself for the cores it may use.
        group = os.path.join(CGROUP, f"{os.path.basename(work)}-{n}")
        os.makedirs(group, exist_ok=True)
        with open(os.path.join(group, "cpu.cfs_period_us"), "w") as f:
            f.write("100000")
        with open(os.path.join(group, "cpu.cfs_quota_us"), "w") as f:
            f.write(str(int(CPU_LIMIT * 100000)))
        limit = ["sh", "-c", f'echo $$ > {group}/cgroup.procs && exec "$@"', "replica"]
    return subprocess.Popen(limit + [
        "java", *JAVA_OPTIONS, "-jar", JAR, f"--server.port={PORTS[n - 1]}", f"--management.server.port={MANAGEMENT[n - 1]}",
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


def process_ticks(name):
    """Clock ticks (user + system) used so far by every process of that name (e.g. postgres, haproxy)."""
    ticks = 0
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)
            if fields[0].endswith("(" + name):
                rest = fields[1].split()
                ticks += int(rest[11]) + int(rest[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks


# What a replica's CPU goes to, by its threads' names (Linux keeps the first 15 characters).
THREAD_KINDS = [("jit", ("C1 CompilerThre", "C2 CompilerThre")),
                ("gc", ("GC Thread", "G1 ", "VM Thread", "VM Periodic")),
                ("requests", ("http-nio-",)), ("writer", ("decision-log-wr",))]


def replica_ticks(pid):
    """Clock ticks used so far by one JVM, by kind of thread (threads that ended are not counted)."""
    ticks = {kind: 0 for kind, _ in THREAD_KINDS} | {"other": 0}
    for stat in glob.glob(f"/proc/{pid}/task/[0-9]*/stat"):
        try:
            with open(stat) as f:
                text = f.read()
            name = text[text.index("(") + 1:text.rindex(")")]
            rest = text[text.rindex(")") + 1:].split()
        except (OSError, ValueError):
            continue
        kind = next((k for k, prefixes in THREAD_KINDS if name.startswith(prefixes)), "other")
        ticks[kind] += int(rest[11]) + int(rest[12])
    return ticks


def jvm_counter(pid, name):
    """A long counter of a running JVM from its hsperfdata file (what jstat reads), without starting a JVM."""
    import struct
    try:
        with open(glob.glob(f"/tmp/hsperfdata_*/{pid}")[0], "rb") as f:
            data = f.read()
    except (OSError, IndexError):
        return 0
    order = "<" if data[4] == 1 else ">"
    entry, count = struct.unpack_from(order + "ii", data, 24)
    for _ in range(count):
        length, name_at, _vector, kind, _flags, _units, _variability, data_at = struct.unpack_from(
            order + "iiibbbbi", data, entry)
        entry_name = data[entry + name_at:data.index(b"\0", entry + name_at)].decode()
        if entry_name == name and kind == ord("J"):
            return struct.unpack_from(order + "q", data, entry + data_at)[0]
        entry += length
    return 0


def machine():
    """/proc/stat: busy and stolen ticks of all cores, context switches."""
    with open("/proc/stat") as f:
        lines = f.read().splitlines()
    cpu = [int(x) for x in lines[0].split()[1:]]
    ctxt = next(int(line.split()[1]) for line in lines if line.startswith("ctxt "))
    return {"busy": cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6], "idle": cpu[3] + cpu[4], "steal": cpu[7],
            "ctxt": ctxt}


def psql(sql):
    database = PG_URL.rsplit("/", 1)[1].split("?")[0]
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", PG_USER, "-d", database, "-tAc", sql],
                          env=os.environ | {"PGPASSWORD": PG_PASSWORD}, capture_output=True, text=True)


def postgres_commits():
    """Transactions committed in the benchmark's database so far (pg_stat_database, updated within a second)."""
    out = psql("select pg_stat_force_next_flush(); select xact_commit from pg_stat_database "
               "where datname = current_database()")
    try:
        return int(out.stdout.split()[-1])
    except (ValueError, IndexError):
        return 0


def snapshot(replicas, haproxy):
    import resource
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"replicas": [replica_ticks(p.pid) for p in replicas], "postgres": process_ticks("postgres"),
            "haproxy": process_ticks("haproxy"), "machine": machine(), "commits": postgres_commits(),
            "compiles": [jvm_counter(p.pid, "sun.ci.totalCompiles") for p in replicas],
            "wrk": children.ru_utime + children.ru_stime, "time": time.monotonic()}


def window_report(before, after, rate, n):
    """One window's figures: where the two cores went, per 1000 decisions, and what the log's commits looked like."""
    hz = os.sysconf("SC_CLK_TCK")
    decisions = rate * (after["time"] - before["time"])
    per_k = lambda seconds: seconds / decisions * 1000 * 1000  # ms of CPU per 1000 decisions
    kinds = {}
    for b, a in zip(before["replicas"][:n], after["replicas"][:n]):
        for kind in a:
            kinds[kind] = kinds.get(kind, 0) + (a[kind] - b.get(kind, 0)) / hz
    m = {k: after["machine"][k] - before["machine"][k] for k in after["machine"]}
    commits = after["commits"] - before["commits"]
    return {
        "rate": rate,
        "replica_ms": {k: per_k(v) for k, v in kinds.items()},
        "replicas_idle_ms": per_k(sum((a[k] - b.get(k, 0)) / hz for a, b in
                                      zip(after["replicas"][n:], before["replicas"][n:]) for k in a)),
        "postgres_ms": per_k((after["postgres"] - before["postgres"]) / hz),
        "haproxy_ms": per_k((after["haproxy"] - before["haproxy"]) / hz),
        "wrk_ms": per_k(after["wrk"] - before["wrk"]),
        "busy": m["busy"] / (m["busy"] + m["idle"] + m["steal"]) * 2,
        "steal": m["steal"] / (m["busy"] + m["idle"] + m["steal"]) * 2,
        "ctxt_per_decision": m["ctxt"] / decisions,
        "commits_per_s": commits / (after["time"] - before["time"]),
        "receipts_per_commit": decisions / commits if commits else float("nan"),
        "compiles": [a - b for a, b in zip(after["compiles"][:n], before["compiles"][:n])],
    }


def describe(w):
    r = w["replica_ms"]
    return (f"cores busy {w['busy']:.2f} (steal {w['steal']:.2f}); CPU ms per 1000 decisions: replicas "
            f"{sum(r.values()):.0f} (requests {r['requests']:.0f}, writer {r['writer']:.0f}, jit {r['jit']:.0f}, "
            f"gc {r['gc']:.0f}, other {r['other']:.0f}; idle replicas {w['replicas_idle_ms']:.0f}), "
            f"postgres {w['postgres_ms']:.0f}, haproxy {w['haproxy_ms']:.0f}, wrk {w['wrk_ms']:.0f}; "
            f"{w['ctxt_per_decision']:.1f} context switches per decision; {w['commits_per_s']:.0f} commits/s, "
            f"{w['receipts_per_commit']:.1f} receipts per commit; compilations {w['compiles']}")


def wrk(seconds, port=BALANCER):
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", f"X-API-Key: {DECIDER}",
                          "-s", os.path.join(ROOT, "scripts", "benchmark-log.lua"), f"http://127.0.0.1:{port}"],
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
        replicas, balancer = processes[:3], processes[3]
        print(f"jar {os.path.basename(JAR)}; java {' '.join(JAVA_OPTIONS)}; replica arguments "
              f"{os.environ.get('REGLAMENT_BENCH_ARGS', '') or '(none)'}; CPU limit per replica "
              f"{CPU_LIMIT or 'none'}; {CONNECTIONS} connections", flush=True)
        if WARM_EACH:
            # Each replica on its own port with the whole machine, so each compiles what one replica alone would.
            for n in (1, 2, 3):
                before = snapshot(replicas, balancer)
                wrk(WARM_EACH, PORTS[n - 1])
                after = snapshot(replicas, balancer)
                print(f"warmed replica {n} directly for {WARM_EACH} s; compilations in it "
                      f"{after['compiles'][n - 1] - before['compiles'][n - 1]}", flush=True)
        if WARMUP:
            print(f"warming all three through the balancer for {WARMUP} s", flush=True)
            serve_with(work, 3)
            wrk(WARMUP)
        rates = {1: [], 2: [], 3: []}
        windows = {1: [], 2: [], 3: []}
        errors = 0
        for r in range(ROUNDS):
            order = [1, 2, 3][r % 3:] + [1, 2, 3][:r % 3]
            for n in order:
                serve_with(work, n)
                before = snapshot(replicas, balancer)
                rate, failed = wrk(SECONDS)
                window = window_report(before, snapshot(replicas, balancer), rate, n)
                errors += failed
                rates[n].append(rate)
                windows[n].append(window)
                print(f"round {r + 1}: {n} replica(s) {rate:8.0f} decisions/s; {describe(window)}", flush=True)
        one = statistics.median(rates[1])
        print()
        for n in (1, 2, 3):
            median = statistics.median(rates[n])
            print(f"{n} replica(s): median {median:8.0f} decisions/s, {median / one:.2f}x one replica "
                  f"(windows: {', '.join(f'{x:.0f}' for x in rates[n])})")
            middle = sorted(windows[n], key=lambda w: w["rate"])[len(windows[n]) // 2]
            print(f"    median window: {describe(middle)}")
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
        for group in glob.glob(os.path.join(CGROUP, os.path.basename(work) + "-*")):
            try:
                os.rmdir(group)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)
        # A run leaves a million receipts or more (about 1 GB); REGLAMENT_BENCH_KEEP_SCHEMA=true keeps them to look at.
        if os.environ.get("REGLAMENT_BENCH_KEEP_SCHEMA") != "true":
            psql(f"drop schema if exists {schema} cascade")
        else:
            print(f"the log is kept in schema {schema}")


if __name__ == "__main__":
    sys.exit(main())
