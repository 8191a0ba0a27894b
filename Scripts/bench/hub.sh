#!/usr/bin/env bash
# The hub (docs/hub.md): `sapu sync` into PostgreSQL 15, and the reports across sites.
# Sourced by Scripts/bench.sh after hub-reference.sh, which measured the same inserts done directly
# with psql (HUB_REFERENCE_COPY_RPS, HUB_REFERENCE_INSERT_RPS) and pgbench (HUB_REFERENCE_PGBENCH_TPS).
# Provides nothing; uses $SAPU, $BENCH and the now/elapsed/row/ms/sec helpers of bench.sh.
#   1. one site with about 1,000,000 events pushed to an empty hub: events per second;
#   2. an incremental sync of 1,000 new events;
#   3. each hub report over HUB_SITES sites x HUB_BUNDLES bundles (default 10 x 100,000), for all
#      sites and for one, beside the same report made by that site itself from its SQLite file,
#      and beside psql running the stock report's grouping directly on the hub's tables.
# SAPU_BENCH_HUB_EVENTS_BUNDLES (default 166,000: about 1,000,000 events), SAPU_BENCH_HUB_SITES and
# SAPU_BENCH_HUB_BUNDLES make it smaller.

source "$SAPU_ROOT/Scripts/pg.sh"
HUB_DIR="$BENCH/hub"
HUB_PUSH_BUNDLES="${SAPU_BENCH_HUB_EVENTS_BUNDLES:-166000}"
HUB_SITES="${SAPU_BENCH_HUB_SITES:-10}"
HUB_BUNDLES="${SAPU_BENCH_HUB_BUNDLES:-100000}"
hub_own_cluster=""
hub_psql() { "$SAPU_PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
hub_stop() {
    if [[ -n "$hub_own_cluster" ]]; then sapu_pg_stop "$hub_own_cluster" || true; hub_own_cluster=""; fi
}
hub_fail() { echo "hub benchmark: $1" >&2; BENCH_FAILED=1; hub_stop; }
hub_rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

hub_section() {
    mkdir -p "$HUB_DIR"
    if [[ -z "${SAPU_TEST_PG:-}" ]]; then
        sapu_pg_start || { hub_fail "PostgreSQL did not start"; return 1; }
        hub_own_cluster="$SAPU_PG_DIR"
    fi
    local server="$SAPU_TEST_PG" hub t0 t1 took events
    # The same server, another database: postgres://USER@HOST/DB?host=DIR.
    hub_url() { sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$1#" <<<"$server"; }
    hub_psql -d "$server" -c "CREATE DATABASE sapu_bench_push" -c "CREATE DATABASE sapu_bench_reports" || { hub_fail "no database"; return 1; }

    echo
    echo "hub (sapu sync into PostgreSQL $("$SAPU_PG_BIN/postgres" --version | awk '{print $3}') on a Unix socket, release build)"

    # --- 1. About a million events from one site into an empty hub ------------------------------
    hub=$(hub_url sapu_bench_push)
    local site="$HUB_DIR/push.sqlite"
    SAPU_DB="$site" "$SAPU" init --site PWT --name "Bench" >/dev/null
    SAPU_DB="$site" "$SAPU" report generate --bundles "$HUB_PUSH_BUNDLES" >/dev/null 2>&1 || { hub_fail "generate failed"; return 1; }
    SAPU_DB="$site" "$SAPU" key export --out "$HUB_DIR/PWT.pub" >/dev/null
    "$SAPU" hub init --url "$hub" >/dev/null && "$SAPU" hub site add PWT --key "$HUB_DIR/PWT.pub" --url "$hub" >/dev/null ||
        { hub_fail "hub init failed"; return 1; }
    events=$(sqlite3 "$site" "SELECT COUNT(*) FROM event")
    t0=$(now); SAPU_DB="$site" "$SAPU" sync --hub "$hub" >/dev/null 2>&1 || { hub_fail "sync failed"; return 1; }; t1=$(now)
    took=$(elapsed "$t0" "$t1")
    [[ "$(hub_psql -d "$hub" -c "SELECT events FROM site WHERE code = 'PWT'")" == "$events" ]] ||
        { hub_fail "the hub does not hold the site's $events events"; return 1; }
    row "sync $events events to an empty hub (signed batches)" "$(hub_rate "$events" "$took") ev/s" \
        "psql: batched INSERT ${HUB_REFERENCE_INSERT_RPS:-?} rows/s, COPY ${HUB_REFERENCE_COPY_RPS:-?} rows/s"
    echo "    ($(sec "$took") in all: each batch read, signed, verified, stored with its projection in one transaction)"

    # --- 2. An incremental sync of 1,000 new events ----------------------------------------------
    local batch
    batch=$(SAPU_DB="$site" "$SAPU" batch create --product LIDI --date "$(date +%F)")
    SAPU_DB="$site" "$SAPU" maker add MBENCH >/dev/null
    SAPU_DB="$site" "$SAPU" inspect --batch "$batch" --maker MBENCH --pass --grade A --count 1000 --yes >/dev/null
    t0=$(now); SAPU_DB="$site" "$SAPU" sync --hub "$hub" >/dev/null 2>&1 || { hub_fail "incremental sync failed"; return 1; }; t1=$(now)
    took=$(elapsed "$t0" "$t1")
    [[ "$(hub_psql -d "$hub" -c "SELECT events FROM site WHERE code = 'PWT'")" == "$((events + 1000))" ]] ||
        { hub_fail "the incremental sync did not arrive whole"; return 1; }
    hub_psql -d "$hub" -c "CREATE TABLE reference_event (LIKE event INCLUDING ALL)"
    t0=$(now)
    hub_psql -d "$hub" -c "INSERT INTO reference_event SELECT * FROM event WHERE site = 'PWT' ORDER BY seq DESC LIMIT 1000"
    t1=$(now)
    row "incremental sync of 1,000 new events" "$(ms "$took")" "psql: the same 1,000 rows in one INSERT: $(ms "$(elapsed "$t0" "$t1")")"

    # --- 3. Reports over many sites ----------------------------------------------------------------
    hub=$(hub_url sapu_bench_reports)
    "$SAPU" hub init --url "$hub" >/dev/null
    local codes=(LPA LPB LPC LPD LPE LPF LPG LPH LPI LPJ LPK LPL) code total=0 pushed=0
    t0=$(now)
    for code in "${codes[@]:0:$HUB_SITES}"; do
        SAPU_DB="$HUB_DIR/$code.sqlite" "$SAPU" init --site "$code" --name "Lapas $code" >/dev/null
        SAPU_DB="$HUB_DIR/$code.sqlite" "$SAPU" report generate --bundles "$HUB_BUNDLES" >/dev/null 2>&1 ||
            { hub_fail "generate $code failed"; return 1; }
        SAPU_DB="$HUB_DIR/$code.sqlite" "$SAPU" key export --out "$HUB_DIR/$code.pub" >/dev/null
        "$SAPU" hub site add "$code" --key "$HUB_DIR/$code.pub" --url "$hub" >/dev/null
        local s0 s1
        s0=$(now); SAPU_DB="$HUB_DIR/$code.sqlite" "$SAPU" sync --hub "$hub" >/dev/null 2>&1 || { hub_fail "sync $code failed"; return 1; }; s1=$(now)
        pushed=$(echo "$pushed + $(elapsed "$s0" "$s1")" | bc -l)
        total=$((total + $(sqlite3 "$HUB_DIR/$code.sqlite" "SELECT COUNT(*) FROM event")))
    done
    t1=$(now)
    echo "    ($HUB_SITES sites x $HUB_BUNDLES bundles, $total events at the hub; their syncs took $(sec "$pushed"), $(hub_rate "$total" "$pushed") ev/s)"
    local first="${codes[0]}" kind options
    for kind in stock qc makers shipments; do
        options=()
        [[ "$kind" == "qc" ]] && options=(--by batch)
        t0=$(now); "$SAPU" report "$kind" --hub "$hub" --format csv "${options[@]}" >"$HUB_DIR/$kind-all.csv" 2>&1 ||
            { hub_fail "report $kind --hub failed: $(head -1 "$HUB_DIR/$kind-all.csv")"; return 1; }; t1=$(now)
        local all one own
        all=$(elapsed "$t0" "$t1")
        t0=$(now); "$SAPU" report "$kind" --hub "$hub" --site "$first" --format csv "${options[@]}" >"$HUB_DIR/$kind-one.csv"; t1=$(now)
        one=$(elapsed "$t0" "$t1")
        t0=$(now); SAPU_DB="$HUB_DIR/$first.sqlite" "$SAPU" report "$kind" --format csv "${options[@]}" >"$HUB_DIR/$kind-own.csv"; t1=$(now)
        own=$(elapsed "$t0" "$t1")
        cmp -s "$HUB_DIR/$kind-one.csv" "$HUB_DIR/$kind-own.csv" ||
            { hub_fail "report $kind --site $first differs from the site's own"; return 1; }
        row "report $kind --hub, all $HUB_SITES sites" "$(ms "$all")" "one site at the hub: $(ms "$one"); the site itself (SQLite): $(ms "$own")"
    done
    t0=$(now)
    hub_psql -d "$hub" -c "SELECT site, product, COALESCE(grade, 'FAIL'), state, COUNT(*) FROM bundle WHERE state <> 'voided' GROUP BY 1, 2, 3, 4" >/dev/null
    t1=$(now)
    row "  reference: psql, the stock grouping over all sites" "" "$(ms "$(elapsed "$t0" "$t1")")"
    hub_psql -d "$server" -c "DROP DATABASE sapu_bench_push WITH (FORCE)" -c "DROP DATABASE sapu_bench_reports WITH (FORCE)" || true
    hub_stop
}

hub_section || true
