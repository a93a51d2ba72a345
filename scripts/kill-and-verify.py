#!/usr/bin/env python3
"""Nothing answered is lost: drive decisions at a running Reglament, kill it with SIGKILL mid-load, restart it
on the same decision log, and check that every decision that got an answer is in the log with the same digest
and that every stream of the log verifies.

    ./mvnw -q package -DskipTests && python3 scripts/kill-and-verify.py

Only loopback traffic; bounded in time and count; uses the local auditor key of application-local.properties.
"""
import json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, glob

PORT = int(os.environ.get("REGLAMENT_KILL_TEST_PORT", "18080"))
BASE = f"http://127.0.0.1:{PORT}"
CLIENTS = 8
LOAD_SECONDS = 6            # the server is killed this long after the load starts
MAX_REQUESTS = 200_000      # a bound on the loop, whatever the speed
AUDITOR = {"X-API-Key": "local-auditor-key"}


def start(jar, data):
    log = open(os.path.join(data, "server.log"), "a")
    # The local profile: its example auditor key is the one this script reads the log with.
    return subprocess.Popen(["java", "-jar", jar, "--spring.profiles.active=local", f"--server.port={PORT}",
                             f"--reglament.data-directory={data}"],
                            stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(process, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit("the server exited while starting")
        try:
            with urllib.request.urlopen(BASE + "/actuator/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.5)
    sys.exit("the server did not start in time")


def request(path, body=None, headers=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method="POST" if body is not None else "GET",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read())


def decision(i):
    if i % 3 == 2:
        return "/api/v1/decisions/period", {"asOf": "2018-04-27", "jurisdiction": "RU", "eventDate": "2018-04-27",
                                             "count": 1 + i % 40, "unit": "working-days", "direction": "after"}
    return "/api/v1/decisions/action-matrix", {"asOf": "2018-10-01", "service": {
        "registryId": str(41000000000000 + i % 5000), "name": "Услуга", "category": "REGIONAL",
        "applicationsPerYear": 90 + i % 20, "electronicWithoutOriginals": bool(i % 2), "inPersonReceptionAtAgency": True,
        "feeOrPayment": bool(i % 3), "providedViaMfc": True}}


def main():
    jars = [j for j in glob.glob("target/reglament-*.jar") if not j.endswith("-plain.jar")]
    if not jars:
        sys.exit("build the jar first: ./mvnw -q package -DskipTests")
    data = tempfile.mkdtemp(prefix="reglament-kill-")
    answered, lock, stop, counter = {}, threading.Lock(), threading.Event(), [0]
    server = start(jars[0], data)
    wait_healthy(server)

    def client():
        while not stop.is_set():
            with lock:
                counter[0] += 1
                i = counter[0]
            if i > MAX_REQUESTS:
                return
            path, body = decision(i)
            try:
                status, answer = request(path, body)
                if status == 200:
                    with lock:
                        answered[answer["decisionId"]] = answer["digest"]
            except Exception:
                pass  # the server is being killed: a request without an answer makes no promise

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(LOAD_SECONDS)
    server.send_signal(signal.SIGKILL)
    server.wait()
    killed_at = len(answered)
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join(timeout=15)

    server = start(jars[0], data)
    try:
        wait_healthy(server)
        missing, altered = [], []
        for decision_id, digest in answered.items():
            try:
                _, receipt = request(f"/api/v1/audit/decisions/{decision_id}", headers=AUDITOR)
                if receipt["digest"] != digest:
                    altered.append(decision_id)
            except urllib.error.HTTPError:
                missing.append(decision_id)
        _, verification = request("/api/v1/audit/verify", headers=AUDITOR, timeout=120)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    # With the journal (the embedded default), what the database had not yet taken is written into it at restart.
    with open(os.path.join(data, "server.log")) as log:
        recovered = [line.split("Wrote ")[1].split(" receipts")[0] for line in log if "from the journal into" in line]
    print(f"taken from the journal at restart: {recovered[-1] if recovered else 0} receipts")
    print(f"answered before SIGKILL: {killed_at}; answered in all: {len(answered)}; in the log after restart: "
          f"{len(answered) - len(missing)}; missing: {len(missing)}; digest differs: {len(altered)}; "
          f"log intact: {verification['intact']} ({verification['verified']} receipts verified)")
    shutil.rmtree(data, ignore_errors=True)
    ok = not missing and not altered and verification["intact"] and len(answered) > 0
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
