# Sourced by Scripts/bench.sh: what the trust and durability fixes cost (issue 9).
# Uses $SAPU, $BENCH, $SAPU_DB (10,000+ bundles by now) and the helpers of bench.sh.
# --- Trust and durability --------------------------------------------------------------

# A scanner that never sends a line end: 40 MB on one line, then one typed id.
head -c 40000000 /dev/zero | tr '\0' 'A' > "$BENCH/long-line.txt"
printf '\n%s-0001\n' "$BATCH" >> "$BENCH/long-line.txt"
t0=$(now); "$SAPU" scan --mode check < "$BENCH/long-line.txt" >/dev/null; t1=$(now)
long=$(elapsed "$t0" "$t1")
t0=$(now); wc -l < "$BENCH/long-line.txt" >/dev/null; t1=$(now)
row "scan: a 40 MB line refused, the next line answered" "$(sec "$long")" "wc -l of the same file: $(sec "$(elapsed "$t0" "$t1")")"

# A small PNG that declares 60000 x 60000 pixels.
python3 - "$BENCH/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
row = b"\0" + b"\0" * 7500  # 60000 one-bit pixels
data = zlib.compress(row * 2000, 9)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 1, 0, 0, 0, 0)) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
t0=$(now); "$SAPU" scan --mode check --image "$BENCH/bomb.png" >/dev/null || true; t1=$(now)
t2=$(now); file "$BENCH/bomb.png" >/dev/null; t3=$(now)
row "scan --image: a 60000 x 60000 PNG refused before decoding" "$(sec "$(elapsed "$t0" "$t1")")" "file(1) reading its header: $(sec "$(elapsed "$t2" "$t3")")"

# Online backup with its integrity check, beside sqlite3's own .backup plus integrity_check.
t0=$(now); "$SAPU" backup --out "$BENCH/backup.sqlite" >/dev/null; t1=$(now)
t2=$(now); sqlite3 "$SAPU_DB" ".backup '$BENCH/ref-backup.sqlite'" && sqlite3 "$BENCH/ref-backup.sqlite" "PRAGMA integrity_check" >/dev/null; t3=$(now)
row "backup (online copy, then its integrity check)" "$(sec "$(elapsed "$t0" "$t1")")" "sqlite3 .backup + integrity_check: $(sec "$(elapsed "$t2" "$t3")")"

# doctor: integrity, keys, every closed shipment against its files.
t0=$(now); "$SAPU" doctor >/dev/null || true; t1=$(now)
t2=$(now); sqlite3 "$SAPU_DB" "PRAGMA integrity_check" >/dev/null; t3=$(now)
row "doctor (integrity, keys, shipments against their files)" "$(sec "$(elapsed "$t0" "$t1")")" "sqlite3 integrity_check alone: $(sec "$(elapsed "$t2" "$t3")")"

# Key rotation: three durable file writes and one transaction.
t0=$(now); "$SAPU" key rotate >/dev/null; t1=$(now)
row "key rotate (key file, database, public file, each synced)" "$(ms "$(elapsed "$t0" "$t1")")" ""
