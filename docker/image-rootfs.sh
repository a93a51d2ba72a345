# Sourced by check-image.sh and train-image.sh: an image tar (`docker save` layout, as jib:buildTar writes it) unpacked
# into a root file system that chroot can run, since no container engine runs on the development machines. After
# `image_unpack <image.tar> <work>`:
#   <work>/image/    the tar's files (manifest.json, the config, the layers)
#   <work>/rootfs/   the layers applied in order, /proc ready to be mounted, /tmp writable by anyone
#   <work>/run.sh    the image's entrypoint as its config says (working directory, environment cleared to the image's);
#                    JVM options in IMAGE_JVM_OPTIONS go right after `java` (for a training start, or a log switch)
# and IMAGE_UID, IMAGE_GID are the user the config names, resolved in the image's /etc/passwd if it is a name, and
# IMAGE_WORKDIR its working directory (which a base such as eclipse-temurin does not have: the caller decides).
# Fails when the image would run as root.

image_unpack() {
  local tar=$1 work=$2
  mkdir -p "$work/image" "$work/rootfs"
  tar -C "$work/image" -xf "$tar"
  python3 - "$work/image" "$work" <<'PY'
import json, shlex, sys
image, work = sys.argv[1:3]
manifest = json.load(open(f"{image}/manifest.json"))[0]
with open(f"{work}/layers", "w") as out:
    out.writelines(layer + "\n" for layer in manifest["Layers"])
config = json.load(open(f"{image}/{manifest['Config']}"))["config"]
command = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
if not command or command[0] != "java":
    sys.exit(f"FAIL: the entrypoint does not start with java: {command}")
with open(f"{work}/run.sh", "w") as out:
    out.write("cd " + shlex.quote(config.get("WorkingDir") or "/") + "\n")
    # IMAGE_JVM_OPTIONS is read before the environment is cleared, and split on spaces on purpose.
    out.write("exec env -i " + " ".join(shlex.quote(e) for e in config.get("Env", [])) + " java ${IMAGE_JVM_OPTIONS-} "
              + " ".join(shlex.quote(c) for c in command[1:]) + ' "$@"\n')
with open(f"{work}/user", "w") as out:
    out.write((config.get("User") or "") + "\n")
with open(f"{work}/workdir", "w") as out:
    out.write((config.get("WorkingDir") or "/") + "\n")
print("entrypoint:", " ".join(command), "| working directory:", config.get("WorkingDir"),
      "| user:", config.get("User"), "| ports:", list(config.get("ExposedPorts", {})),
      "| volumes:", list(config.get("Volumes", {})))
PY
  local layer
  while read -r layer; do
    tar --warning=no-unknown-keyword -C "$work/rootfs" -xf "$work/image/$layer"
  done <"$work/layers"
  mkdir -p "$work/rootfs/proc" "$work/rootfs/tmp"
  chmod 1777 "$work/rootfs/tmp"
  cp "$work/run.sh" "$work/rootfs/run.sh"

  # The image must say it runs as a user other than root: numeric uid[:gid], or a name the image's passwd knows.
  local user uid gid entry
  user=$(cat "$work/user")
  uid=${user%%:*}
  gid=${user#*:}; [ "$gid" != "$user" ] || gid=
  if [ -n "$uid" ] && ! [[ "$uid" =~ ^[0-9]+$ ]]; then
    entry=$(awk -F: -v u="$uid" '$1 == u {print $3":"$4}' "$work/rootfs/etc/passwd")
    [ -n "$entry" ] || { echo "FAIL: the image's user $uid is not in its /etc/passwd" >&2; return 1; }
    uid=${entry%%:*}; [ -n "$gid" ] || gid=${entry#*:}
  fi
  if [ -z "$uid" ] || [ "$uid" = 0 ]; then echo "FAIL: the image runs as root (config User: '${user}')" >&2; return 1; fi
  IMAGE_UID=$uid
  IMAGE_GID=${gid:-$uid}
  IMAGE_WORKDIR=$(cat "$work/workdir")
}

# Stops what runs in the unpacked tree (the pid given, if any), unmounts its /proc and deletes <work>: never through a
# proc still mounted.
image_discard() {
  local work=$1 pid=${2:-}
  [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  umount "$work/rootfs/proc" 2>/dev/null || true
  if mountpoint -q "$work/rootfs/proc"; then echo "left $work: its rootfs/proc is still mounted" >&2; else rm -rf "$work"; fi
}

# Waits up to 120 s for the readiness probe on the management port given; fails at once if the pid given has ended.
image_await_ready() {
  local management=$1 pid=$2
  for _ in $(seq 1 2400); do
    curl -fs "http://127.0.0.1:$management/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# The service both scripts ask about: the guidelines' example row, every fact given.
IMAGE_SAMPLE_SERVICE='"service":{"registryId":"41000000000001","name":"Услуга","category":"REGIONAL",
  "applicationsPerYear":101,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,
  "providedViaMfc":true}'

# A free TCP port on loopback.
image_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
