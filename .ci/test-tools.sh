#!/usr/bin/env bash
# Installs the Debian packages whose programs the deployment tests run besides HAProxy (.ci/haproxy.sh): prometheus
# (a scrape of a started server) and kubectl (kubernetes-client: `kubectl kustomize k8s/`, offline). Only what is
# missing; a kubectl already on the PATH is kept. The prometheus package's own service is not started: the tests
# start their own server on a free loopback port, so nothing is left holding 9090. Safe to run again.
set -euo pipefail
missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d answering 101 tells the package's scripts not to start its service.
  guard=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && guard=yes
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || apt-get install -y -qq --no-install-recommends "${missing[@]}"
  [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d
fi
# Should the service have been started all the same, stop it through its own init script.
if [ -x /etc/init.d/prometheus ] && /etc/init.d/prometheus status >/dev/null 2>&1; then
  /etc/init.d/prometheus stop >/dev/null
fi
echo "test tools: $(prometheus --version 2>&1 | head -1 | cut -d' ' -f1-3);" \
  "kubectl $(kubectl version --client 2>/dev/null | head -1 | grep -o 'v[0-9][0-9.]*' | head -1)"
