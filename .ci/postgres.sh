#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the approval store's tests (the host module) and prints its JDBC URL.
# Idempotent: installs Debian's server only when missing, reuses a cluster already running on the port.
# Usage: eval "$(.ci/postgres.sh)"   → exports ATOMEMO4J_TEST_POSTGRES_URL
set -euo pipefail
port="${ATOMEMO4J_PG_PORT:-55432}"
data="${ATOMEMO4J_PG_DATA:-/tmp/atomemo4j-pg-$port}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
# The server refuses to run as root: run it as the postgres account the package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && { [ "$(id -u)" != 0 ] || chown postgres "$data"; }
    as_pg "'$bin/initdb' -D '$data' -U postgres --auth=trust" >/dev/null
  fi
  as_pg "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1\" start" >&2
fi
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='atomemo4j_test'" \
  | grep -q 1 || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres atomemo4j_test
echo "export ATOMEMO4J_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/atomemo4j_test?user=postgres'"
