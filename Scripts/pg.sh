#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the hub tests and benchmarks: initdb in a fresh temporary
# directory, a superuser `sapu` with trust authentication, listening only on a Unix socket in that
# directory (no TCP port is opened), the server log in DIR/postgres.log.
#
# From a shell (a developer):
#     eval "$(Scripts/pg.sh start)"      # exports SAPU_TEST_PG and SAPU_PG_DIR
#     psql "$SAPU_TEST_PG"
#     Scripts/pg.sh stop "$SAPU_PG_DIR"  # stops the server and removes the directory
#
# From a script: `source Scripts/pg.sh`, then `sapu_pg_start` and, in a trap, `sapu_pg_stop`.
# SAPU_TEST_PG is postgres://sapu@localhost:PORT/postgres?host=DIR (libpq and PostgresNIO both read
# `host=` as the socket directory; PORT only names the socket file DIR/.s.PGSQL.PORT).
#
# PostgreSQL refuses to run as root: as root the cluster belongs to Debian's `postgres` account.

SAPU_PG_BIN=/usr/lib/postgresql/15/bin

# Runs a PostgreSQL server program as the cluster's owner, from a directory that owner can enter.
_sapu_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Installs the server and psql when missing (Debian packages), quietly.
_sapu_pg_install() {
    local package missing=""
    for package in postgresql-15 postgresql-client-15; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+="$package "
    done
    [[ -z "$missing" ]] && return 0
    echo "== installing: $missing" >&2
    [[ $(id -u) -eq 0 ]] || { echo "pg.sh: $missing missing; install them as root" >&2; return 1; }
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# Starts a new cluster; exports SAPU_TEST_PG and SAPU_PG_DIR. On failure prints the end of the
# server log, removes what it made and returns non-zero.
sapu_pg_start() {
    _sapu_pg_install || return 1
    local dir port
    # /tmp, not a long TMPDIR: a Unix socket path must stay under 108 bytes.
    dir=$(mktemp -d /tmp/sapu-pg.XXXXXXXX) || return 1
    # The marker lets sapu_pg_stop refuse to remove a directory this script did not make.
    : >"$dir/.sapu-pg"
    export SAPU_PG_DIR="$dir"
    port=$((20000 + RANDOM % 40000))
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir" || { sapu_pg_stop "$dir"; return 1; }
    fi
    if ! _sapu_pg_as_owner "$SAPU_PG_BIN/initdb" -D "$dir/data" -A trust -U sapu -E UTF8 --locale=C \
        --no-instructions >"$dir/initdb.log" 2>&1; then
        echo "pg.sh: initdb failed:" >&2
        tail -n 30 "$dir/initdb.log" >&2
        sapu_pg_stop "$dir"
        return 1
    fi
    cat >>"$dir/data/postgresql.conf" <<EOF
# sapu test cluster: Unix socket only, in its own directory
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
EOF
    if ! _sapu_pg_as_owner "$SAPU_PG_BIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/postgres.log" >/dev/null 2>&1; then
        echo "pg.sh: PostgreSQL did not start; end of $dir/postgres.log:" >&2
        tail -n 30 "$dir/postgres.log" >&2
        sapu_pg_stop "$dir"
        return 1
    fi
    export SAPU_TEST_PG="postgres://sapu@localhost:$port/postgres?host=$dir"
}

# Stops the cluster in DIR (default SAPU_PG_DIR) and removes DIR. Safe to call twice, and after a
# start that failed halfway.
sapu_pg_stop() {
    local dir="${1:-${SAPU_PG_DIR:-}}" pid
    [[ -n "$dir" ]] || return 0
    if [[ -d "$dir" ]]; then
        if [[ ! -e "$dir/.sapu-pg" ]]; then
            echo "pg.sh: $dir is not a cluster made by pg.sh; not removing it" >&2
            return 1
        fi
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            _sapu_pg_as_owner "$SAPU_PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >/dev/null 2>&1 ||
                _sapu_pg_as_owner "$SAPU_PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 10 >/dev/null 2>&1 || true
        fi
        # Last resort: the postmaster's process id is the first line of postmaster.pid.
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
                for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            fi
        fi
        rm -rf "$dir"
    fi
    if [[ "${SAPU_PG_DIR:-}" == "$dir" ]]; then
        unset SAPU_PG_DIR SAPU_TEST_PG
    fi
    return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    case "${1:-}" in
    start)
        sapu_pg_start
        printf 'export SAPU_TEST_PG=%q; export SAPU_PG_DIR=%q\n' "$SAPU_TEST_PG" "$SAPU_PG_DIR"
        ;;
    stop)
        [[ -n "${2:-}" ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }
        sapu_pg_stop "$2"
        ;;
    *)
        echo "usage: $0 start | $0 stop DIR" >&2
        exit 2
        ;;
    esac
fi
