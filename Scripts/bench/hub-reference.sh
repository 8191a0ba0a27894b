#!/usr/bin/env bash
# The reference figures the hub benchmark is compared with: what this machine's PostgreSQL does with
# the same rows when nobody but psql and pgbench stands in between.
#   (a) 1,000,000 event-shaped rows in one COPY (the rows generated beforehand, sent over the socket),
#   (b) the same rows as 500 transactions of one 2,000-row INSERT ... SELECT each (a sync's shape),
#   (c) pgbench's simple-update run (-N) on a scale-10 database, one client, 10 s.
# Uses the cluster named by SAPU_TEST_PG, or starts a throwaway one with Scripts/pg.sh and stops it.
# Run it alone (`Scripts/bench/hub-reference.sh`) or let Scripts/bench.sh source it as a section.
# Sets HUB_REFERENCE_COPY_RPS, HUB_REFERENCE_INSERT_RPS and HUB_REFERENCE_PGBENCH_TPS for later sections.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
fi
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/pg.sh"

HUB_REFERENCE_ROWS=1000000
HUB_REFERENCE_BATCH=2000
hub_reference_own_cluster=""
hub_reference_db="sapu_reference_$$"
hub_reference_scratch=""

hub_reference_now() { date +%s.%N; }
hub_reference_elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
hub_reference_rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
hub_reference_psql() { "$SAPU_PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

hub_reference_cleanup() {
    if [[ -n "${hub_reference_server:-}" ]]; then
        hub_reference_psql -d "$hub_reference_server" -c "DROP DATABASE IF EXISTS $hub_reference_db WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    [[ -n "$hub_reference_scratch" ]] && rm -rf "$hub_reference_scratch"
    hub_reference_scratch=""
    if [[ -n "$hub_reference_own_cluster" ]]; then
        sapu_pg_stop "$hub_reference_own_cluster" || true
        hub_reference_own_cluster=""
    fi
}

# One event row per g: one site, sequence numbers from 1, codes and texts as wide as real ones.
hub_reference_rows_sql() {
    cat <<EOF
SELECT 'PWT', g, g, 'PWT25K' || lpad(g::text, 7, '0'), 'PWT-20251121-LIDI-' || (g / 5000), 'LIDI',
       'M' || lpad((g % 50)::text, 3, '0'), 'inspect', 'passed', '2025-11-21T08:00:00+07:00', 1763686800 + g,
       'qc-01', 'station-1', 'A', 1, NULL, false, NULL
FROM generate_series($1, $2) AS g
EOF
}

hub_reference_table_sql() {
    cat <<EOF
CREATE TABLE $1 (
    site text NOT NULL, seq bigint NOT NULL, log_seq bigint NOT NULL, bundle text, batch text, product text,
    maker text, move text, state text, at text, at_unix bigint, operator text, station text, result text,
    label_revision int, shipment text, manual boolean, reason text,
    PRIMARY KEY (site, seq));
EOF
}

hub_reference_run() {
    local t0 t1 took url
    if [[ -z "${SAPU_TEST_PG:-}" ]]; then
        sapu_pg_start || { echo "hub reference: PostgreSQL did not start" >&2; return 1; }
        hub_reference_own_cluster="$SAPU_PG_DIR"
    fi
    hub_reference_server="$SAPU_TEST_PG"
    # The same URL with our database instead of the one named in SAPU_TEST_PG.
    url=$(sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$hub_reference_db#" <<<"$SAPU_TEST_PG")
    hub_reference_scratch=$(mktemp -d /tmp/sapu-hub-reference.XXXXXX) || return 1
    hub_reference_psql -d "$hub_reference_server" -c "CREATE DATABASE $hub_reference_db" >/dev/null || return 1
    hub_reference_psql -d "$url" -c "$(hub_reference_table_sql event_copy)" -c "$(hub_reference_table_sql event_insert)" || return 1

    echo
    echo "hub reference figures: PostgreSQL $("$SAPU_PG_BIN/postgres" --version | awk '{print $3}') on this machine ($(nproc) cores), psql and pgbench only"

    # (a) One COPY of rows that already exist as text: the server's parse, insert and index cost.
    hub_reference_psql -d "$url" -c "COPY ($(hub_reference_rows_sql 1 "$HUB_REFERENCE_ROWS")) TO STDOUT" >"$hub_reference_scratch/rows.tsv" || return 1
    t0=$(hub_reference_now)
    hub_reference_psql -d "$url" -c "COPY event_copy FROM STDIN" <"$hub_reference_scratch/rows.tsv" || return 1
    t1=$(hub_reference_now)
    took=$(hub_reference_elapsed "$t0" "$t1")
    HUB_REFERENCE_COPY_RPS=$(hub_reference_rate "$HUB_REFERENCE_ROWS" "$took")
    echo "reference: COPY $HUB_REFERENCE_ROWS rows: $HUB_REFERENCE_COPY_RPS rows/s ($took s)"
    rm -f "$hub_reference_scratch/rows.tsv"

    # (b) Committed batches, one INSERT ... SELECT each, all through one connection.
    local first batches=$((HUB_REFERENCE_ROWS / HUB_REFERENCE_BATCH))
    for ((first = 1; first <= HUB_REFERENCE_ROWS; first += HUB_REFERENCE_BATCH)); do
        echo "BEGIN;"
        echo "INSERT INTO event_insert $(hub_reference_rows_sql "$first" $((first + HUB_REFERENCE_BATCH - 1)));"
        echo "COMMIT;"
    done >"$hub_reference_scratch/batches.sql"
    t0=$(hub_reference_now)
    hub_reference_psql -d "$url" -f "$hub_reference_scratch/batches.sql" || return 1
    t1=$(hub_reference_now)
    took=$(hub_reference_elapsed "$t0" "$t1")
    HUB_REFERENCE_INSERT_RPS=$(hub_reference_rate "$HUB_REFERENCE_ROWS" "$took")
    echo "reference: INSERT $HUB_REFERENCE_ROWS rows as $batches transactions of $HUB_REFERENCE_BATCH: $HUB_REFERENCE_INSERT_RPS rows/s ($took s)"
    local count
    count=$(hub_reference_psql -d "$url" -c "SELECT (SELECT count(*) FROM event_copy) + (SELECT count(*) FROM event_insert)") || return 1
    if [[ "$count" != $((2 * HUB_REFERENCE_ROWS)) ]]; then
        echo "hub reference: expected $((2 * HUB_REFERENCE_ROWS)) rows, found $count" >&2
        return 1
    fi

    # (c) pgbench's own baseline of this machine's PostgreSQL.
    "$SAPU_PG_BIN/pgbench" -i -q -s 10 "$url" >"$hub_reference_scratch/pgbench-init.log" 2>&1 ||
        { cat "$hub_reference_scratch/pgbench-init.log" >&2; return 1; }
    "$SAPU_PG_BIN/pgbench" -n -c 1 -T 10 -N "$url" >"$hub_reference_scratch/pgbench.log" 2>&1 ||
        { cat "$hub_reference_scratch/pgbench.log" >&2; return 1; }
    HUB_REFERENCE_PGBENCH_TPS=$(awk '/^tps = / { printf "%.0f", $3; exit }' "$hub_reference_scratch/pgbench.log")
    echo "reference: pgbench -s 10 -c 1 -T 10 -N (simple update): $HUB_REFERENCE_PGBENCH_TPS tps"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    trap hub_reference_cleanup EXIT
    trap 'hub_reference_cleanup; exit 130' INT
    trap 'hub_reference_cleanup; exit 143' TERM
    hub_reference_run
else
    # A section of Scripts/bench.sh: clean up here, whatever the outcome; a failure marks the bench failed.
    if ! hub_reference_run; then
        echo "hub reference figures could not be measured" >&2
        BENCH_FAILED=1
    fi
    hub_reference_cleanup
fi
