#!/usr/bin/env bash
# Installs HAProxy (Debian package) for the replicas test (ReplicasIT starts its own on loopback). Safe to run again.
set -euo pipefail
if ! command -v haproxy >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq haproxy >/dev/null
fi
# The package's own service is not wanted: the test starts HAProxy with a configuration of its own.
if command -v service >/dev/null 2>&1; then service haproxy stop >/dev/null 2>&1 || true; fi
echo "HAProxy $(haproxy -v | head -1 | awk '{print $3}') ready"
