#!/usr/bin/env bash
# Runs the built image without a container engine (none runs on the development machines): unpacks its layers,
# starts its entrypoint under chroot as the image's config says (user, which must not be root; working directory;
# environment), and asks it for a decision and for the audit log's verification. Exits non-zero if any of that fails.
# Where the entrypoint names a class-data archive (train-image.sh), the check also sees the running JVM map it. The
# actuator on a port of its own, as docker/compose.yaml and k8s/ run it; arguments after the image are the service's
# (a PostgreSQL log: --spring.datasource.url=…; an identity provider, with REGLAMENT_CHECK_TOKEN below). Prints the
# time from the start to readiness.
#   sudo bash docker/check-image.sh [target/jib-image.tar [service arguments…]]
set -euo pipefail
image=$(realpath "${1:-target/jib-image.tar}")
[ $# -eq 0 ] || shift
source "$(dirname "$0")/image-rootfs.sh"
port=${REGLAMENT_CHECK_PORT:-$(image_free_port)}
management=$(image_free_port)
work=$(mktemp -d)
root="$work/rootfs"
server=
trap 'image_discard "$work" "$server"' EXIT
# A test's timeout sends SIGTERM: leave through the cleanup, which stops the server and unmounts /proc.
trap 'exit 143' TERM INT

image_unpack "$image" "$work"
uid=$IMAGE_UID gid=$IMAGE_GID workdir=$IMAGE_WORKDIR
# An engine would create a missing working directory owned by root, where the image's user cannot write its log.
[ -d "$root$workdir" ] || { echo "FAIL: the working directory $workdir is not in the image: build it on the base of" \
  "base-image.sh, or give the volume to uid $uid (docker/README.md)" >&2; exit 1; }
mount -t proc proc "$root/proc"
echo "running as uid $uid, gid $gid"
# The local profile: the example auditor key below (the image itself starts only with real keys, docs/security.md).
started=$(date +%s%N)
chroot --userspec="$uid:$gid" "$root" /bin/sh /run.sh --spring.profiles.active=local --server.port="$port" \
  --management.server.port="$management" "$@" >"$work/server.log" 2>&1 &
server=$!

image_await_ready "$management" "$server" || { tail -30 "$work/server.log" >&2; echo "FAIL: not ready" >&2; exit 1; }
echo "ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
! grep -q "Starting AOT-processed" "$work/server.log" || echo "started on Spring's ahead-of-time code"
# chroot, sh and env each exec the next: the server's pid is the JVM's.
archive=$(sed -n 's/.*-XX:SharedArchiveFile=\([^ ]*\).*/\1/p' "$work/run.sh" | tr -d "'")
if [ -n "$archive" ]; then
  grep -q "$archive\$" "/proc/$server/maps" \
    || { echo "FAIL: the JVM does not use the class-data archive $archive its entrypoint names" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  echo "class-data archive in use: $archive"
fi
asked=$(date +%s%N)
answer=$(curl -fs -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/decisions/action-matrix" \
  -d "{\"asOf\":\"2018-10-01\",$IMAGE_SAMPLE_SERVICE}")
echo "first decision answered in $(( ($(date +%s%N) - asked) / 1000000 )) ms"
# With REGLAMENT_CHECK_TOKEN, a bearer token of role AUDITOR from the identity provider the service was given
# (spring.security.oauth2.resourceserver.jwt.*), the log is read with that token instead of the example key, and the
# same token with its signature replaced must be refused with 401.
auditor=(-H 'X-API-Key: local-auditor-key')
if [ -n "${REGLAMENT_CHECK_TOKEN:-}" ]; then
  auditor=(-H "Authorization: Bearer $REGLAMENT_CHECK_TOKEN")
  forged=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${REGLAMENT_CHECK_TOKEN%.*}.AAAA" \
    "http://127.0.0.1:$port/api/v1/audit/verify" || true)
  [ "$forged" = 401 ] || { echo "FAIL: a forged bearer token got $forged, not 401" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  echo "bearer token of the identity provider accepted, a forged one refused with 401"
elif [[ " $* " == *"spring.security.oauth2.resourceserver.jwt."* ]]; then
  # sudo drops the caller's environment unless it is given after sudo: say so rather than check less in silence.
  echo "an identity provider is configured but REGLAMENT_CHECK_TOKEN is not set: its tokens are not checked"
fi
verify=$(curl -fs "${auditor[@]}" "http://127.0.0.1:$port/api/v1/audit/verify") \
  || { echo "FAIL: the log's verification was refused" >&2; tail -30 "$work/server.log" >&2; exit 1; }
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
