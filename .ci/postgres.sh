#!/usr/bin/env bash
# Installs (Debian package), starts and prepares a PostgreSQL server on 127.0.0.1:5432 with an empty
# database reglament_test owned by reglament/reglament. Safe to run again.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  # The server outlives this script, so it must not inherit the caller's descriptors: started under
  # `flock /tmp/reglament-build.lock …`, PostgreSQL would hold the build lock until it stops, and every later build
  # waiting on the lock would wait for ever.
  (
    for fd in $(ls /proc/$BASHPID/fd); do
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    exec pg_ctlcluster "$version" main start
  )
fi
for i in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'reglament'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role reglament login password 'reglament'\""
su postgres -c "psql -qc 'drop database if exists reglament_test'"
su postgres -c "psql -qc 'create database reglament_test owner reglament'"
echo "PostgreSQL $version ready: jdbc:postgresql://127.0.0.1:5432/reglament_test"
