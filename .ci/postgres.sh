#!/usr/bin/env bash
# Installs (if needed) and starts PostgreSQL 15 on 127.0.0.1 only, creates the test role and database,
# and prints the connection string for the PostgreSql test category as a shell export:
#
#   pg_env="$(bash .ci/postgres.sh)"    # fails the calling script (set -e) if this one fails,
#   eval "$pg_env"                      # which `eval "$(bash .ci/postgres.sh)"` alone would not
#
# Safe to run again: every step checks first. Needs root (Debian 12). Progress goes to stderr, so
# stdout carries only the export line. The same line is also written to $CUSTOMFLOWS_PG_ENV_FILE
# (default /tmp/customflows-pg.env) for scripts that prefer to `source` a file.
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=main
PG_PORT="${CUSTOMFLOWS_PG_PORT:-5432}"
PG_USER=customflows
PG_PASSWORD=customflows
PG_DATABASE=customflows_test
ENV_FILE="${CUSTOMFLOWS_PG_ENV_FILE:-/tmp/customflows-pg.env}"

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (installs packages and starts the cluster)"
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "installing postgresql (Debian 12 ships $PG_VERSION)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "PostgreSQL $PG_VERSION is not installed; this script expects Debian 12"
  exit 1
fi

# A container may install the package without creating the default cluster.
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $PG_VERSION/$PG_CLUSTER"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >&2
fi

# Loopback only: the test database must never be reachable from the network. A drop-in file (Debian's
# postgresql.conf includes conf.d/) leaves the packaged configuration untouched.
conf_dir="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d"
mkdir -p "$conf_dir"
printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT" > "$conf_dir/customflows-ci.conf"

status="$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }')"
if [ "$status" = "online" ]; then
  # Already running (maybe with another listen address): a restart applies the settings above.
  if [ "$(runuser -u postgres -- psql -p "$PG_PORT" -tAc 'SHOW listen_addresses')" != "127.0.0.1" ]; then
    log "restarting cluster to listen on 127.0.0.1 only"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart >&2
  fi
else
  log "starting cluster $PG_VERSION/$PG_CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2

psql_admin() { runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  log "creating role $PG_USER"
  psql_admin -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != "1" ]; then
  log "creating database $PG_DATABASE"
  psql_admin -c "CREATE DATABASE $PG_DATABASE OWNER $PG_USER"
fi

connection="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=$PG_USER;Password=$PG_PASSWORD"
export_line="export CUSTOMFLOWS_PG='$connection'"
echo "$export_line" > "$ENV_FILE"
log "ready: CUSTOMFLOWS_PG written to $ENV_FILE"
echo "$export_line"
