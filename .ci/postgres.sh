#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb in a temporary folder, listening only on a Unix socket in that
# folder (no TCP port to collide with), trust authentication, one database "communitycontrol".
#
#   source .ci/postgres.sh          starts it, exports COMMUNITYCONTROL_POSTGRES (an Npgsql connection string) and
#                                   stops it and deletes the folder when the sourcing shell exits (trap EXIT).
#   .ci/postgres.sh start           starts it and prints two lines, COMMUNITYCONTROL_POSTGRES=... and
#                                   COMMUNITYCONTROL_POSTGRES_DIR=... (the test fixture uses this when the variable is unset).
#   .ci/postgres.sh restart DIR     restarts the server started in DIR (fast shutdown: open connections are closed,
#                                   committed transactions kept), for the fault tests.
#   .ci/postgres.sh stop DIR        stops the server started in DIR and deletes DIR.
#
# PostgreSQL's binaries are looked up in /usr/lib/postgresql/*/bin (Debian's layout) or on PATH; when neither has
# initdb and we are root, `apt-get install postgresql` installs them. initdb refuses to run as root, so as root the
# server runs as the `postgres` user (created by the Debian package).

cc_pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$initdb" ] && command -v initdb >/dev/null 2>&1; then initdb=$(command -v initdb); fi
  if [ -z "$initdb" ] && [ "$(id -u)" = 0 ]; then
    echo "postgres.sh: initdb not found; installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -n "$initdb" ] || { echo "postgres.sh: PostgreSQL's initdb was not found (install the postgresql package)" >&2; return 1; }
  dirname "$initdb"
}

cc_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cc_pg_start() {
  local bin dir
  bin=$(cc_pg_bin) || return 1
  dir=$(mktemp -d /tmp/ccpg.XXXXXX) || return 1
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  cc_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  cc_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p 5432 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  "$bin/createdb" -h "$dir" -p 5432 -U postgres communitycontrol || return 1
  CC_PG_DIR=$dir
  CC_PG_CONNECTION="Host=$dir;Port=5432;Username=postgres;Database=communitycontrol"
}

cc_pg_restart() {
  local dir=$1 bin
  bin=$(cc_pg_bin) || return 1
  cc_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null || { tail -n 20 "$dir/server.log" >&2; return 1; }
}

cc_pg_stop() {
  local dir=$1 bin
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  bin=$(cc_pg_bin) || return 0
  cc_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: start, export, stop at exit.
  cc_pg_start || return 1
  export COMMUNITYCONTROL_POSTGRES=$CC_PG_CONNECTION
  trap 'cc_pg_stop "$CC_PG_DIR"' EXIT
  echo "PostgreSQL started on the Unix socket in $CC_PG_DIR"
else
  set -euo pipefail
  case "${1:-}" in
    start)
      cc_pg_start
      echo "COMMUNITYCONTROL_POSTGRES=$CC_PG_CONNECTION"
      echo "COMMUNITYCONTROL_POSTGRES_DIR=$CC_PG_DIR"
      ;;
    restart) cc_pg_restart "${2:?usage: postgres.sh restart DIR}" ;;
    stop) cc_pg_stop "${2:?usage: postgres.sh stop DIR}" ;;
    *) echo "usage: source .ci/postgres.sh | .ci/postgres.sh start | .ci/postgres.sh restart DIR | .ci/postgres.sh stop DIR" >&2; exit 2 ;;
  esac
fi
