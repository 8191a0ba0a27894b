# Reports on a large history: two years of a busy workshop, generated into its own database.
# Sourced by Scripts/bench.sh, which provides $SAPU, $BENCH and now/elapsed/row/ms/sec.
# SAPU_BENCH_BUNDLES sets the size (default 1,000,000 bundles).

REPORTS_DIR="$BENCH/reports"
REPORTS_DB="$REPORTS_DIR/sapu.sqlite"
REPORTS_BUNDLES="${SAPU_BENCH_BUNDLES:-1000000}"
mkdir -p "$REPORTS_DIR"

reports_sapu() { SAPU_DB="$REPORTS_DB" "$SAPU" "$@"; }

# Best of three runs of a command, in seconds: the first one also warms the page cache.
reports_best() {
    local best="" t0 t1 took
    for _ in 1 2 3; do
        t0=$(now); "$@" >/dev/null; t1=$(now)
        took=$(elapsed "$t0" "$t1")
        if [[ -z "$best" ]] || (( $(echo "$took < $best" | bc -l) )); then best=$took; fi
    done
    echo "$best"
}

reports_sql() { sqlite3 "$REPORTS_DB" "$1"; }

echo
echo "reports on a generated history of $REPORTS_BUNDLES bundles (best of 3 runs; reference: one run of the sqlite3 CLI on the same file)"
reports_sapu init --site PWT --name "Bench" >/dev/null
t0=$(now); reports_sapu report generate --bundles "$REPORTS_BUNDLES" 2>/dev/null >/dev/null; t1=$(now)
events=$(reports_sql "SELECT COUNT(*) FROM event")
shipments=$(reports_sql "SELECT COUNT(*) FROM shipment")
size=$(( $(stat -c %s "$REPORTS_DB") / 1048576 ))
row "report generate: 2 years, $REPORTS_BUNDLES bundles" "$(sec "$(elapsed "$t0" "$t1")")" \
    "$events events, $shipments shipments, $size MB file"

year_ago=$(date -d "1 year ago" +%F)
last_day=$(date +%F)
quarter=$(date -d "3 months ago" +%F)

replay_sql() {
    echo "WITH last AS (SELECT bundle, state, ROW_NUMBER() OVER (PARTITION BY bundle ORDER BY at_unix DESC, seq DESC) n
                       FROM event WHERE at_unix < $1)
          SELECT state, COUNT(*) FROM last WHERE n = 1 GROUP BY 1"
}
report_row() {
    local label="$1" reference_label="$2" reference_sql="$3"
    shift 3
    local took reference
    took=$(reports_best reports_sapu report "$@")
    local t0 t1
    t0=$(now); reports_sql "$reference_sql" >/dev/null; t1=$(now)
    reference=$(elapsed "$t0" "$t1")
    row "$label" "$(ms "$took")" "$reference_label: $(ms "$reference")"
}

report_row "report stock" "GROUP BY product, grade, state" \
    "SELECT product, grade, state, COUNT(*) FROM bundle GROUP BY 1, 2, 3" stock
report_row "report stock --at (a year ago, replayed)" "window replay of every event" \
    "$(replay_sql "$(date -d "$year_ago + 1 day" +%s)")" stock --at "$year_ago"
report_row "report stock --at (yesterday, replayed)" "window replay of every event" \
    "$(replay_sql "$(date -d "$last_day" +%s)")" stock --at "$(date -d "1 day ago" +%F)"
report_row "report qc (all history, by batch)" "inspection events GROUP BY batch, move, result" \
    "SELECT substr(bundle, 1, instr(bundle, '-') - 1), move, result, COUNT(*) FROM event
     WHERE result IS NOT NULL GROUP BY 1, 2, 3" qc
report_row "report qc --by maker" "inspect events JOIN bundle GROUP BY maker, result" \
    "SELECT b.maker, e.result, COUNT(*) FROM event e JOIN bundle b ON b.id = e.bundle
     WHERE e.move = 'inspect' GROUP BY 1, 2" qc --by maker
report_row "report qc --by day --from (last quarter)" "inspection events GROUP BY day, result" \
    "SELECT substr(at, 1, 10), result, COUNT(*) FROM event
     WHERE result IS NOT NULL AND at_unix >= $(date -d "$quarter" +%s) GROUP BY 1, 2" qc --by day --from "$quarter"
report_row "report makers (all history)" "inspect events JOIN bundle GROUP BY maker, product, result" \
    "SELECT b.maker, b.product, e.result, COUNT(*) FROM event e JOIN bundle b ON b.id = e.bundle
     WHERE e.move = 'inspect' GROUP BY 1, 2, 3" makers
report_row "report shipments (all history)" "events GROUP BY shipment, move" \
    "SELECT shipment, move, COUNT(*) FROM event WHERE shipment IS NOT NULL GROUP BY 1, 2" shipments
report_row "report qc --format html (charts, all history)" "same as report qc" \
    "SELECT substr(bundle, 1, instr(bundle, '-') - 1), move, result, COUNT(*) FROM event
     WHERE result IS NOT NULL GROUP BY 1, 2, 3" qc --format html --out "$REPORTS_DIR/qc.html"
