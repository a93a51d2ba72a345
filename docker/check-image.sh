#!/usr/bin/env bash
# Runs the built image without a container engine (none runs on the development machines): unpacks its layers,
# starts its entrypoint under chroot as the image's config says (user, which must not be root; working directory;
# environment), and asks it for a decision and for the audit log's verification. Exits non-zero if any of that fails.
#   sudo bash docker/check-image.sh [target/jib-image.tar]
set -euo pipefail
image=$(realpath "${1:-target/jib-image.tar}")
port=${REGLAMENT_CHECK_PORT:-18095}
work=$(mktemp -d)
root="$work/rootfs"
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  # Never delete through a proc still mounted.
  if mountpoint -q "$root/proc"; then echo "left $work: $root/proc is still mounted" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

mkdir -p "$work/image" "$root"
tar -C "$work/image" -xf "$image"
# The manifest lists the layers in order; the config holds the entrypoint, working directory and environment.
python3 - "$work/image" "$work" <<'PY'
import json, shlex, sys
image, work = sys.argv[1:3]
manifest = json.load(open(f"{image}/manifest.json"))[0]
with open(f"{work}/layers", "w") as out:
    out.writelines(layer + "\n" for layer in manifest["Layers"])
config = json.load(open(f"{image}/{manifest['Config']}"))["config"]
command = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
with open(f"{work}/run.sh", "w") as out:
    out.write("cd " + shlex.quote(config.get("WorkingDir") or "/") + "\n")
    out.write("exec env -i " + " ".join(shlex.quote(e) for e in config.get("Env", [])) + " "
              + " ".join(shlex.quote(c) for c in command) + ' "$@"\n')
with open(f"{work}/user", "w") as out:
    out.write((config.get("User") or "") + "\n")
print("entrypoint:", " ".join(command), "| working directory:", config.get("WorkingDir"),
      "| user:", config.get("User"), "| ports:", list(config.get("ExposedPorts", {})),
      "| volumes:", list(config.get("Volumes", {})))
PY
while read -r layer; do tar --warning=no-unknown-keyword -C "$root" -xf "$work/image/$layer"; done <"$work/layers"
# The image must say it runs as a user other than root: numeric uid[:gid], or a name the image's passwd knows.
user=$(cat "$work/user")
uid=${user%%:*}
gid=${user#*:}; [ "$gid" != "$user" ] || gid=
if [ -n "$uid" ] && ! [[ "$uid" =~ ^[0-9]+$ ]]; then
  entry=$(awk -F: -v u="$uid" '$1 == u {print $3":"$4}' "$root/etc/passwd")
  [ -n "$entry" ] || { echo "FAIL: the image's user $uid is not in its /etc/passwd" >&2; exit 1; }
  uid=${entry%%:*}; [ -n "$gid" ] || gid=${entry#*:}
fi
if [ -z "$uid" ] || [ "$uid" = 0 ]; then echo "FAIL: the image runs as root (config User: '${user}')" >&2; exit 1; fi
gid=${gid:-$uid}
workdir=$(sed -n 's/^cd //p' "$work/run.sh" | head -1 | tr -d "'")
mkdir -p "$root/proc"
[ -d "$root$workdir" ] || { echo "FAIL: the working directory $workdir is not in the image" >&2; exit 1; }
cp "$work/run.sh" "$root/run.sh"
mount -t proc proc "$root/proc"
echo "running as uid $uid, gid $gid"
# The local profile: the example auditor key below (the image itself starts only with real keys, docs/security.md).
chroot --userspec="$uid:$gid" "$root" /bin/sh /run.sh --spring.profiles.active=local --server.port="$port" >"$work/server.log" 2>&1 &
server=$!

for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
answer=$(curl -fs -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/decisions/action-matrix" \
  -d '{"asOf":"2018-10-01","service":{"registryId":"41000000000001","name":"Услуга","category":"REGIONAL",
       "applicationsPerYear":101,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,
       "feeOrPayment":true,"providedViaMfc":true}}')
verify=$(curl -fs -H 'X-API-Key: local-auditor-key' "http://127.0.0.1:$port/api/v1/audit/verify")
python3 - "$answer" "$verify" <<'PY'
import json, sys
answer, verify = json.loads(sys.argv[1]), json.loads(sys.argv[2])
cell3 = next(c for c in answer["result"]["cells"] if c["action"] == 3)
assert cell3["value"] == "1" and len(answer["digest"]) == 64, answer
assert verify["intact"] and verify["verified"] >= 1, verify
print(f"decision {answer['decisionId']}: action 3 = {cell3['value']} ({cell3['rule']}); "
      f"log verified: {verify['verified']} receipt(s) intact")
PY
owner=$(stat -c %u "$root$workdir/data")
[ "$owner" = "$uid" ] || { echo "FAIL: $workdir/data belongs to uid $owner, not to the image's user $uid" >&2; exit 1; }
echo "decision log in the volume: $workdir/data, written by uid $owner"
echo PASS
