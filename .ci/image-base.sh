#!/usr/bin/env bash
# The container image's base for ImageIT (the image built, trained and run under chroot: docker/README.md): Debian
# bookworm with its Java 17 runtime, made with debootstrap (Debian package) from the Debian mirror, since no container
# registry is reachable here. Made once per machine and kept (REGLAMENT_IMAGE_BASE_CACHE); prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${REGLAMENT_IMAGE_BASE_CACHE:-/var/cache/reglament/base-image.tar}
if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi
if [ ! -s "$base" ]; then
  bash docker/base-image.sh "$base.part" >/dev/null
  mv "$base.part" "$base"
fi
echo "$base"
