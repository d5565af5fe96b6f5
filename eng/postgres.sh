#!/usr/bin/env bash
# Starts the private PostgreSQL instance Baton's PostgreSQL tests use, installing PostgreSQL from
# Debian when it is missing. Idempotent, and quick when the instance already runs.
#
#   eng/postgres.sh                 ensure it runs; prints the connection string as the last line
#   source eng/postgres.sh          the same, and exports BATON_TEST_POSTGRES into the shell
#   export BATON_TEST_POSTGRES="$(eng/postgres.sh)"
#
# The instance listens on 127.0.0.1 only (port BATON_POSTGRES_PORT, default 54329), keeps its data
# in BATON_POSTGRES_DATA (default /var/tmp/baton-postgres-<port>) and has role baton (password
# baton) owning database baton_test. It is a throwaway test instance: fsync is off.
# Progress goes to stderr, so stdout carries only the connection string.

baton_postgres_main() {
  set -euo pipefail
  local port="${BATON_POSTGRES_PORT:-54329}"
  local data="${BATON_POSTGRES_DATA:-/var/tmp/baton-postgres-${port}}"
  local conn="Host=127.0.0.1;Port=${port};Username=baton;Password=baton;Database=baton_test"
  say() { echo "postgres.sh: $*" >&2; }

  # Fast path: already running with the role and database in place.
  if command -v psql >/dev/null 2>&1 \
    && PGPASSWORD=baton psql -h 127.0.0.1 -p "$port" -U baton -d baton_test -Atqc 'select 1' >/dev/null 2>&1; then
    echo "$conn"
    return 0
  fi

  # Run a command as the postgres user when root (PostgreSQL refuses to run as root).
  as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
  }

  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" != 0 ]; then
      say "PostgreSQL is not installed and installing it needs root: run 'apt-get install postgresql' as root, then run this script again."
      return 1
    fi
    say "installing PostgreSQL from Debian (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  # A data directory without PG_VERSION is a half-finished initdb: start it over.
  if [ -d "$data" ] && [ ! -f "$data/PG_VERSION" ]; then
    say "removing incomplete data directory $data"
    rm -rf "$data"
  fi

  if [ ! -d "$data" ]; then
    say "creating a PostgreSQL instance in $data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    cat >>"$data/postgresql.conf" <<EOF
# Baton test instance (eng/postgres.sh)
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${data}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  fi

  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:${port}"
    if ! as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null; then
      say "PostgreSQL did not start; its log says:"
      tail -n 20 "$data/server.log" >&2 || true
      say "if port ${port} is taken, set BATON_POSTGRES_PORT to a free port."
      return 1
    fi
  fi

  # The superuser connects over the instance's own socket (trust), so no password is needed.
  as_owner "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baton') THEN
    CREATE ROLE baton LOGIN PASSWORD 'baton';
  ELSE
    ALTER ROLE baton LOGIN PASSWORD 'baton';
  END IF;
END
$$;
SELECT 'CREATE DATABASE baton_test OWNER baton'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'baton_test')\gexec
SQL

  if ! PGPASSWORD=baton "$bin/psql" -h 127.0.0.1 -p "$port" -U baton -d baton_test -Atqc 'select 1' >/dev/null; then
    say "PostgreSQL runs in $data but role baton cannot log in on 127.0.0.1:${port}; is another server on that port? Set BATON_POSTGRES_PORT."
    return 1
  fi

  say "ready: $conn"
  echo "$conn"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: run in a subshell so `set -e` stays out of the caller's shell, then export.
  if BATON_TEST_POSTGRES="$(baton_postgres_main)"; then
    export BATON_TEST_POSTGRES
    echo "$BATON_TEST_POSTGRES"
  else
    return 1
  fi
else
  baton_postgres_main
fi
