#!/usr/bin/env bash
# The image made quick to start (issue 17, point 4: a replica that takes 8 s to be ready is a poor fit for autoscaling
# and rolling restarts): one training start of the image's own JVM on its own class path, inside its own root file
# system, writes a dynamic class-data archive of every class the start and a few decisions loaded
# (-XX:ArchiveClassesAtExit), and the archive is added to the image as a layer of its own, with the
# entrypoint starting from it. The archive is valid only for exactly that JVM and class path, which is why it is made
# in the image and not beside the build; were it ever stale, the JVM would start without it (-Xshare:auto), as slowly
# as before, never wrongly.
# It also starts on Spring's ahead-of-time code (-Dspring.aot.enabled=true; pom.xml, process-aot: the bean definitions
# generated at build time, about a second less), and the training start does too, so that the archive holds the
# classes of that start. That code was made with the actuator on a port of its own, so the trained image starts only
# with one set (MANAGEMENT_SERVER_PORT=9091, as compose.yaml and k8s/ set it; otherwise it stops with a message
# saying so: AheadOfTimeStartCheck). Not set in the image itself: the management port answers without a key, so it is
# for the deployment to place it (management.server.address), not a default every `docker run` would open.
# Everything else the service reads at start as before, API keys and an identity provider's JWT settings included.
#
#   sudo bash docker/train-image.sh [target/jib-image.tar [target/reglament-image.tar]]
#
# Needs root for chroot (no container engine runs on the development machines: docker/README.md). The result is a
# `docker save` style tar: `docker load -i target/reglament-image.tar`, then tag and push it where a registry is.
set -euo pipefail
image=$(realpath "${1:-target/jib-image.tar}")
out=$(realpath -m "${2:-$(dirname "$image")/reglament-image.tar}")
source "$(dirname "$0")/image-rootfs.sh"
archive=/app/reglament.jsa
work=$(mktemp -d)
root="$work/rootfs"
training=
trap 'image_discard "$work" "$training"' EXIT
trap 'exit 143' TERM INT

image_unpack "$image" "$work"
if grep -q -- "-XX:SharedArchiveFile" "$work/run.sh"; then
  echo "FAIL: $image already starts from a class-data archive" >&2; exit 1
fi
mount -t proc proc "$root/proc"
# The training start: as the image's user, in its working directory (made in the unpacked tree where the base has
# none, as on eclipse-temurin), the local profile for its example keys (the classes are the same as with real ones),
# its log in /tmp of the unpacked tree, which is not kept: only the archive leaves it. Once ready it answers a few
# decisions of the kinds replicas answer most (the matrix derived and checked, a period), so that the classes of the
# decision path are in the archive too and a new replica's first answers do not wait for them; then SIGTERM, and the
# JVM writes the archive as it exits. Its memory is pinned: above a 32 GB heap (75 % of a large build host) the JVM
# would drop compressed references and make an archive that no replica of a normal size could use.
[ -d "$root$IMAGE_WORKDIR" ] || install -d -o "$IMAGE_UID" -g "$IMAGE_GID" "$root$IMAGE_WORKDIR"
training_log="$work/training.log"
started=$(date +%s)
port=$(image_free_port)
management=$(image_free_port)
IMAGE_JVM_OPTIONS="-XX:MaxRAM=2g -XX:ArchiveClassesAtExit=/tmp/reglament.jsa -Dspring.aot.enabled=true" \
  chroot --userspec="$IMAGE_UID:$IMAGE_GID" "$root" /bin/sh /run.sh --spring.profiles.active=local \
  --server.port="$port" --management.server.port="$management" \
  --reglament.data-directory=/tmp/training-data >"$training_log" 2>&1 &
training=$!
failed() { grep -v "Preload Warning\|Skipping\|Pre JDK 6" "$training_log" | tail -30 >&2; echo "FAIL: the training start $1" >&2; exit 1; }
image_await_ready "$management" "$training" || failed "did not get ready"
api="http://127.0.0.1:$port/api/v1/decisions"
service=$IMAGE_SAMPLE_SERVICE
curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' "$api/action-matrix" \
  -d "{\"asOf\":\"2018-10-01\",$service}" || failed "did not answer a decision"
curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' "$api/action-matrix/check" \
  -d "{\"asOf\":\"2018-10-01\",$service,\"proposal\":{\"cells\":[\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"],
       \"explanatoryNoteAttached\":false}}" || failed "did not answer a check"
curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' "$api/period" -d '{"asOf":"2018-04-27",
  "jurisdiction":"RU","eventDate":"2018-04-27","count":14,"unit":"working-days","direction":"after"}' \
  || failed "did not answer a period"
kill -TERM "$training"
# Waited for, not run in the foreground, so that a SIGTERM to this script stops it through the cleanup at once.
wait "$training" || [ $? -eq 143 ] || failed "did not stop cleanly"
training=
[ -s "$root/tmp/reglament.jsa" ] || { tail -30 "$training_log" >&2; echo "FAIL: the training start wrote no archive" >&2; exit 1; }
echo "training start: $(( $(date +%s) - started )) s, archive $(( $(stat -c %s "$root/tmp/reglament.jsa") / 1048576 )) MB"

python3 - "$work/image" "$root/tmp/reglament.jsa" "$archive" "$out" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
image, made, archive, out = sys.argv[1:5]
manifest = json.load(open(f"{image}/manifest.json"))
config = json.load(open(f"{image}/{manifest[0]['Config']}"))

# The layer: the archive alone, root's and read-only (the JVM maps it; the root file system may be read-only),
# with jib's fixed timestamps so that the same archive gives the same layer.
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    parts = archive.strip("/").split("/")
    for depth in range(1, len(parts)):
        entry = tarfile.TarInfo("/".join(parts[:depth]))
        entry.type, entry.mode, entry.mtime = tarfile.DIRTYPE, 0o755, 1
        tar.addfile(entry)
    entry = tarfile.TarInfo("/".join(parts))
    entry.size, entry.mode, entry.mtime = os.path.getsize(made), 0o444, 1
    with open(made, "rb") as data:
        tar.addfile(entry, data)
diff_id = "sha256:" + hashlib.sha256(layer.getvalue()).hexdigest()
compressed = gzip.compress(layer.getvalue(), compresslevel=6, mtime=0)
layer_name = hashlib.sha256(compressed).hexdigest() + ".tar.gz"

command = config["config"]["Entrypoint"]
config["config"]["Entrypoint"] = [command[0], f"-XX:SharedArchiveFile={archive}", "-Dspring.aot.enabled=true"] + command[1:]
config["rootfs"]["diff_ids"].append(diff_id)
config.setdefault("history", []).append({
    "created": config.get("created", "1970-01-01T00:00:00Z"), "created_by": "docker/train-image.sh",
    "comment": "class-data archive of a training start; the entrypoint starts from it, on Spring's AOT code"})
config_bytes = json.dumps(config, separators=(",", ":")).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest[0]["Config"] = config_name
manifest[0]["Layers"].append(layer_name)

os.makedirs(os.path.dirname(out), exist_ok=True)
with tarfile.open(out, "w") as tar:
    def add(name, data):
        entry = tarfile.TarInfo(name)
        entry.size, entry.mode = len(data), 0o644
        tar.addfile(entry, io.BytesIO(data))
    add("manifest.json", json.dumps(manifest).encode())
    add(config_name, config_bytes)
    for name in manifest[0]["Layers"][:-1]:
        tar.add(f"{image}/{name}", arcname=name)
    add(layer_name, compressed)
print(f"{out}: entrypoint {' '.join(config['config']['Entrypoint'])}")
PY
