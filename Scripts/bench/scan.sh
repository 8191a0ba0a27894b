# Scanning station: throughput, per-scan latency and a scanner's stored memory.
# Sourced by Scripts/bench.sh, which provides $SAPU, $BENCH, $BATCH (10,000+ inspected
# bundles), $SAPU_DB and the now/elapsed/row/ms/sec helpers. Each sapu figure is printed
# beside the same database work done by SQLite directly, in the same run.

# The reference: SQLite in WAL mode with synchronous=FULL, as Sapu's store is, doing per scan
# what a scan does (one UPDATE of the bundle, one INSERT of its event), committing every
# CHUNK scans. Prints the seconds it took. Usage: scan_reference FILE COUNT CHUNK
scan_reference() {
    local file=$1 count=$2 chunk=$3
    rm -f "$file" "$file-wal" "$file-shm"
    sqlite3 "$file" "PRAGMA journal_mode=WAL;
        CREATE TABLE bundle (id TEXT PRIMARY KEY NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE event (seq INTEGER PRIMARY KEY AUTOINCREMENT, bundle TEXT NOT NULL, move TEXT NOT NULL,
                            state TEXT NOT NULL, at TEXT NOT NULL, station TEXT NOT NULL, manual INTEGER NOT NULL);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
        INSERT INTO bundle SELECT printf('B%06d', i), 'inspected', '' FROM n;" >/dev/null
    awk -v count="$count" -v chunk="$chunk" 'BEGIN {
        print "PRAGMA synchronous=FULL;"
        for (i = 1; i <= count; i++) {
            if ((i - 1) % chunk == 0) print "BEGIN IMMEDIATE;"
            printf "UPDATE bundle SET state = '\''in-stock'\'', updated_at = '\''2025-11-21T08:00:00+07:00'\'' WHERE id = '\''B%06d'\'';\n", i
            printf "INSERT INTO event (bundle, move, state, at, station, manual) VALUES ('\''B%06d'\'', '\''receive'\'', '\''in-stock'\'', '\''2025-11-21T08:00:00+07:00'\'', '\''bench'\'', 1);\n", i
            if (i % chunk == 0 || i == count) print "COMMIT;"
        }
    }' > "$file.sql"
    local t0 t1
    t0=$(now); sqlite3 "$file" < "$file.sql" >/dev/null; t1=$(now)
    elapsed "$t0" "$t1"
}

# How many scans a run acknowledged as accepted, from its final --json summary.
scan_accepted() { tail -n 1 "$1" | grep -o '"accepted":[0-9]*' | cut -d: -f2; }

# Warns (without stopping the benchmarks) when a run did not accept every scan.
scan_expect() {
    local got=$1 want=$2 what=$3
    [[ "$got" == "$want" ]] || echo "!! $what: $got of $want scans accepted; the figure above is not comparable" >&2
}

# --- 1. A stream of 10,000 scans piped in at once ----------------------------------
# Receiving needs a printed label; ZPL is the cheapest way to print a whole batch.
"$SAPU" label --batch "$BATCH" --format zpl --out "$BENCH/scan-zpl" >/dev/null
seq -f "$BATCH-%04.0f" 1 10000 > "$BENCH/scan-stream.txt"
t0=$(now); "$SAPU" scan --mode receive --json < "$BENCH/scan-stream.txt" > "$BENCH/scan-stream.out"; t1=$(now)
scan_expect "$(scan_accepted "$BENCH/scan-stream.out")" 10000 "stream of 10,000"
stream=$(elapsed "$t0" "$t1")
reference=$(scan_reference "$BENCH/scan-ref.sqlite" 10000 500)
row "scans/s, a stream of 10,000 piped in (typed ids, receive)" \
    "$(printf '%.0f /s' "$(echo "10000 / $stream" | bc -l)")" \
    "sqlite3, same writes, commit per 500: $(printf '%.0f /s' "$(echo "10000 / $reference" | bc -l)")"

# --- 2. One scan at a time: from the line written to its answer ---------------------
# Real signed labels (PNG, read back with zbarimg), so each answer includes verifying the signature.
SCAN_LATENCY_BATCH=$("$SAPU" batch create --product LIDI --date 2025-11-23)
"$SAPU" inspect --batch "$SCAN_LATENCY_BATCH" --maker M001 --pass --grade A --count 1000 --yes >/dev/null
"$SAPU" label --batch "$SCAN_LATENCY_BATCH" --out "$BENCH/scan-png" >/dev/null
find "$BENCH/scan-png" -name '*.png' -print0 | xargs -0 -n 100 -P "$(nproc)" zbarimg --raw -q -Sdisable -Sqrcode.enable 2>/dev/null \
    > "$BENCH/scan-labels.txt" || true

cat > "$BENCH/scan-latency.py" <<'PYTHON'
"""Sends one line at a time and waits for its answer: prints the median and 99th percentile in ms.

  scan-latency.py sapu LINES_FILE -- sapu's answer time, from the line written to the JSON line read
  scan-latency.py sqlite DB_FILE COUNT -- one durable transaction per scan (UPDATE + INSERT), for reference
"""
import sqlite3, statistics, subprocess, sys, time

def report(seconds, accepted, total):
    seconds.sort()
    p99 = seconds[min(len(seconds) - 1, int(round(0.99 * len(seconds))) - 1)]
    print(f"{statistics.median(seconds) * 1000:.1f} {p99 * 1000:.1f} {accepted} {total}")

if sys.argv[1] == "sapu":
    lines = [line.strip() for line in open(sys.argv[2]) if line.strip()]
    scanner = subprocess.Popen(sys.argv[3:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    seconds, accepted = [], 0
    for line in lines:
        start = time.perf_counter()
        scanner.stdin.write((line + "\n").encode())
        scanner.stdin.flush()
        answer = scanner.stdout.readline()
        seconds.append(time.perf_counter() - start)
        accepted += b'"outcome":"accepted"' in answer
    scanner.stdin.close()
    scanner.wait()
    report(seconds, accepted, len(lines))
else:
    path, count = sys.argv[2], int(sys.argv[3])
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=FULL")
    seconds = []
    for i in range(1, count + 1):
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE bundle SET state = 'packed', updated_at = ? WHERE id = ?", ("2025-11-21T09:00:00+07:00", f"B{i:06d}"))
        db.execute("INSERT INTO event (bundle, move, state, at, station, manual) VALUES (?, 'pack', 'packed', ?, 'bench', 0)",
                   (f"B{i:06d}", "2025-11-21T09:00:00+07:00"))
        db.execute("COMMIT")
        seconds.append(time.perf_counter() - start)
    report(seconds, count, count)
PYTHON
read -r scan_median scan_p99 scan_ok scan_total < <(python3 "$BENCH/scan-latency.py" sapu "$BENCH/scan-labels.txt" \
    "$SAPU" scan --mode receive --json) || true
scan_expect "$scan_ok" 1000 "one at a time"
[[ "$scan_total" == 1000 ]] || echo "!! only $scan_total labels were read back for the latency run" >&2
read -r ref_median ref_p99 _ _ < <(python3 "$BENCH/scan-latency.py" sqlite "$BENCH/scan-ref.sqlite" 1000) || true
row "answer time, 1,000 label scans sent one by one: median" "$scan_median ms" \
    "sqlite, 1 durable transaction per scan: $ref_median ms"
row "answer time, one by one: 99th percentile" "$scan_p99 ms" "sqlite, same: $ref_p99 ms"

# --- 3. A scanner's stored memory: 100,000 scans imported in one go ------------------
# Typed ids into quarantine: printing 100,000 labels (needed to receive) would take minutes,
# and a quarantine scan writes exactly what a receive does (the bundle's state and one event).
SCAN_IMPORT_BATCH=$("$SAPU" batch create --product LIDI --date 2025-11-22)
"$SAPU" inspect --batch "$SCAN_IMPORT_BATCH" --maker M001 --pass --grade A --count 100000 --yes >/dev/null
seq -f "$SCAN_IMPORT_BATCH-%04.0f" 1 100000 > "$BENCH/scan-import.txt"
t0=$(now); "$SAPU" scan --mode quarantine --json < "$BENCH/scan-import.txt" > "$BENCH/scan-import.out"; t1=$(now)
scan_expect "$(scan_accepted "$BENCH/scan-import.out")" 100000 "import of 100,000"
reference=$(scan_reference "$BENCH/scan-ref.sqlite" 100000 500)
row "import 100,000 stored scans (typed ids, quarantine mode)" "$(sec "$(elapsed "$t0" "$t1")")" \
    "sqlite3, same writes, commit per 500: $(sec "$reference")"
