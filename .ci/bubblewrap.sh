#!/usr/bin/env bash
# Installs Debian's bubblewrap (bwrap) and util-linux's prlimit: candidate knowledge bases are compiled and run
# only in a worker confined by them, and the candidate tests need both. Safe to run again.
set -euo pipefail
if ! command -v bwrap >/dev/null 2>&1 || ! command -v prlimit >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq bubblewrap util-linux >/dev/null
fi
# The worker needs a network and a PID namespace of its own; say so here if this machine cannot give them.
if ! bwrap --ro-bind / / --dev /dev --proc /proc --unshare-net --unshare-pid --die-with-parent --cap-drop ALL true; then
  echo "bubblewrap is installed but cannot create namespaces here: candidate knowledge bases will be refused (503)" >&2
  exit 1
fi
echo "bubblewrap $(bwrap --version | awk '{print $2}') ready"
