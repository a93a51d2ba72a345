#!/usr/bin/env bash
# The image's base, built from Debian packages: no container registry is reachable on the development machines,
# so jib cannot pull eclipse-temurin (../shared/STACK.md, "Images"). Writes a `docker save` style tar (one layer:
# Debian bookworm minbase with openjdk-17-jre-headless and the user reglament, uid 10001, owning /var/lib/reglament)
# that jib takes as `-Djib.from.image=tar://…`.
#   sudo bash docker/base-image.sh [out.tar]        (debootstrap needs root; Debian package "debootstrap")
set -euo pipefail
out=$(realpath -m "${1:-target/base-image.tar}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
command -v debootstrap >/dev/null || { echo "debootstrap is needed: apt-get install debootstrap" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The user the image runs as (pom.xml: jib <user>10001:10001</user>), and its volume, which it owns: a volume a
# container engine creates is initialised from this directory, ownership included.
chroot "$work/rootfs" groupadd --gid 10001 reglament
chroot "$work/rootfs" useradd --uid 10001 --gid 10001 --home-dir /var/lib/reglament --no-create-home \
  --shell /usr/sbin/nologin reglament
install -d -o 10001 -g 10001 -m 0750 "$work/rootfs/var/lib/reglament"
# What a running service never needs: package caches and lists, documentation.
rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/* \
  "$work/rootfs"/usr/share/doc "$work/rootfs"/usr/share/man "$work/rootfs"/usr/share/info
mkdir -p "$work/image"
tar -C "$work/rootfs" --numeric-owner -cf "$work/image/layer.tar" .

diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
config=$(sha256sum "$work/config.json" | cut -d' ' -f1).json
mv "$work/config.json" "$work/image/$config"
printf '[{"Config":"%s","RepoTags":["reglament-base:bookworm-jre17"],"Layers":["layer.tar"]}]\n' "$config" \
  >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json "$config" layer.tar
echo "$out"
