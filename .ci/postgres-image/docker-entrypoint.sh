#!/bin/sh
# The entrypoint of the locally built Postgres image: honours POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB as the official image does, then runs the server in the foreground as postgres.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"

mkdir -p "$PGDATA" /var/run/postgresql
chown -R postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

as_postgres() { su postgres -s /bin/sh -c "$1"; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  chown postgres "$pwfile"
  as_postgres "'$PGBIN/initdb' -D '$PGDATA' -U '$POSTGRES_USER' --pwfile='$pwfile' -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256" >/dev/null
  rm -f "$pwfile"
  printf 'host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != "postgres" ]; then
    # Only on the unix socket while setting up, so that nothing connects before the server is ready.
    as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -o \"-c listen_addresses=''\" -w start" >/dev/null
    as_postgres "'$PGBIN/psql' -v ON_ERROR_STOP=1 -U '$POSTGRES_USER' -d postgres -c 'CREATE DATABASE \"$POSTGRES_DB\"'" >/dev/null
    as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -m fast -w stop" >/dev/null
  fi
  echo "PostgreSQL init process complete; ready for start up."
fi

exec su postgres -s /bin/sh -c "exec '$PGBIN/postgres' -D '$PGDATA' -c listen_addresses='*' $*"
