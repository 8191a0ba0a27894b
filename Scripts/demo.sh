#!/usr/bin/env bash
# Installs what is missing, builds sapu, and runs a realistic day at the workshop
# on a local SQLite file in a fresh temporary directory; then serves the web app on the
# day's database (and the partner's) with demo users until Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Debian packages: the C libraries and font sapu builds against, plus what the demo uses to read labels back, its time zone, and Python to find free ports.
packages=(
    pkg-config libqrencode-dev libpng-dev libjpeg62-turbo-dev libzbar-dev libcairo2-dev libfreetype-dev fonts-dejavu-core
    zbar-tools poppler-utils tzdata python3)
missing=$(sapu_missing_packages "${packages[@]}")
if [[ -n "$missing" ]]; then
    echo "== installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not installed (expected at /opt/swift)"; exit 1; }
sapu_build

DEMO="$(mktemp -d /tmp/sapu-demo.XXXXXX)"
cd "$DEMO"
export SAPU_DB="$DEMO/workshop/sapu.sqlite"
export SAPU_STATION="meja-qc-1"
# No TZ needed: the site keeps its own time zone (sapu init --time-zone, default Asia/Jakarta, WIB).
mkdir -p workshop
sapu() { echo "\$ sapu $*" >&2; "$SAPU_BIN" "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "Morning: set up the workshop (Lapas Kelas IIA Purwokerto)"
sapu init --site PWT --name "Lapas Kelas IIA Purwokerto"
for maker in M041 M042 M043 M044; do sapu maker add "$maker" >/dev/null; done
sapu maker add M045 --name "Nama lokal, tidak pernah keluar dari lokasi"
sapu maker list
sapu product list
sapu defect list

step "Two batches: sapu lidi and sapu glagah"
LIDI=$(sapu batch create --product LIDI)
GLAGAH=$(sapu batch create --product GLAGAH)
echo "batch lidi: $LIDI, batch glagah: $GLAGAH"

step "QC inspector records 40 bundles, some failing"
sapu inspect --batch "$LIDI" --maker M041 --pass --grade A --count 10 --inspector QC1 >/dev/null
sapu inspect --batch "$LIDI" --maker M042 --pass --grade A --count 6 --inspector QC1 >/dev/null
sapu inspect --batch "$LIDI" --maker M042 --pass --grade B --count 3 --inspector QC1 >/dev/null
sapu inspect --batch "$LIDI" --maker M043 --fail --defect LOOSE --count 2 --inspector QC1
sapu inspect --batch "$LIDI" --maker M043 --fail --defect DAMP,DIRTY --inspector QC1
sapu inspect --batch "$GLAGAH" --maker M044 --pass --grade A --count 9 --inspector QC2 >/dev/null
sapu inspect --batch "$GLAGAH" --maker M045 --pass --grade B --count 6 --inspector QC2 >/dev/null
sapu inspect --batch "$GLAGAH" --maker M045 --fail --defect SHORT,BROKEN --count 2 --inspector QC2
sapu inspect --batch "$GLAGAH" --maker M044 --fail --defect UNDER --inspector QC2
FIRST_FAIL="$LIDI-0020"  # the first failed lidi bundle

step "A mistyped count (22 instead of 2): refused unless confirmed; the 20 bundles never made are voided"
sapu inspect --batch "$GLAGAH" --maker M044 --pass --grade A --count 22 --inspector QC2 || true
sapu inspect --batch "$GLAGAH" --maker M044 --pass --grade A --count 22 --yes --inspector QC2 >/dev/null
sapu bundle void --batch "$GLAGAH" --from 21 --to 40 --reason "salah ketik jumlah: 22, bukan 2" --yes | tail -1

step "A damp bundle dried in the sun and re-inspected after rework"
sapu inspect "$FIRST_FAIL" --pass --grade B --inspector QC1
sapu bundle show "$FIRST_FAIL"
sapu batch show "$LIDI"

step "QC writes label files: thermal PNGs (203 dpi), an A4 sticker sheet, ZPL and TSPL for the thermal printers"
sapu label --batch "$LIDI" --out labels/thermal | tail -1
sapu label --batch "$GLAGAH" --out labels/thermal | tail -1
sapu label --batch "$LIDI" --out labels/thermal   # again by mistake: nothing is written twice
sapu label "$FIRST_FAIL" --again --out labels/thermal   # a torn label, deliberately written again: same revision, a reprint event
sapu label --batch "$GLAGAH" --again --template a4-3x8 --format pdf --out labels/sheet
sapu label --batch "$LIDI" --again --template thermal-60x40 --format zpl --out labels/zpl
sapu label --batch "$LIDI" --again --format tspl --out labels/tspl   # the TSC / Xprinter roll printer's language
sapu label commands --out labels
sapu label templates
step "The office printer shifts sticker sheets a little: a calibration page, then the measured shift is stored"
sapu label calibrate --template a4-3x8 --out labels | head -1
sapu label calibrate --template a4-3x8 --offset-x 0.5 --offset-y -0.5

step "A bundle already labelled is re-graded (a few loose sticks): its next label is revision 2; the R1 sticker stays on the bundle by mistake"
REGRADED="$LIDI-0005"
zbarimg --raw -q -Sdisable -Sqrcode.enable labels/thermal/"$REGRADED".png 2>/dev/null > old-label-R1.txt
sapu inspect "$REGRADED" --pass --grade B --inspector QC1
sapu label "$REGRADED" --out labels/thermal

step "Warehouse clerk receives the LIDI bundles from label photos (failed ones are refused)"
sapu scan --mode receive --station gudang-1 --operator G01 --image labels/thermal/"$LIDI"-*.png
step "... and the GLAGAH sticker sheet from one phone photo (JPEG) of the whole page"
pdftoppm -r 150 -jpeg -jpegopt quality=70 -f 1 -l 1 labels/sheet/*.pdf photo
sapu scan --mode receive --station gudang-1 --operator G01 --image photo-1.jpg | tail -3
step "Failed bundles went into quarantine when they failed; a passed one found damaged is set aside (ids typed by hand), garbage is shrugged off"
printf '%s\n' "$LIDI-0021" "8991234567895" "$LIDI-0019" | sapu scan --mode quarantine --station gudang-1

step "Stock after receiving"
sapu stock

step "The partner (CV. Pusat Handicraft) sets up its own site once and sends its public key; the workshop registers it"
mkdir -p partner/own
(export SAPU_DB="$DEMO/partner/own/phc.sqlite"; sapu init --site PHC --name "CV. Pusat Handicraft")
# The clerk reads the printed fingerprint to the partner over the phone before accepting its receipts.
sapu partner add PHC --name "CV. Pusat Handicraft" --address "Jl. Raya Kroya, Cilacap" --key partner/own/PHC.pub
sapu partner list

step "Shipment to CV. Pusat Handicraft: open, pack 20 bundles by scanning, close, ship"
SJ=$(sapu shipment create --partner PHC --vehicle "Colt Diesel R 8123 KB" --driver "Pak Darto")
echo "surat jalan: $SJ"
zbarimg --raw -q -Sdisable -Sqrcode.enable labels/thermal/"$LIDI"-00{01..16}.png labels/thermal/"$GLAGAH"-000{1..4}.png 2>/dev/null > packed.txt
sapu scan --mode pack --shipment "$SJ" --station gudang-1 < packed.txt | tail -2
sapu shipment close "$SJ" --out shipment
sapu shipment ship "$SJ"
STEM=${SJ//\//-}

step "Partner (CV. Pusat Handicraft): only the manifest and the workshop's public key"
cp shipment/"$STEM".manifest.json shipment/"$STEM".manifest.sig workshop/PWT.pub partner/
(
    cd partner
    export SAPU_DB="$DEMO/partner/own/phc.sqlite"
    # 19 of the 20 arrive: 18 labels scan, one torn label's id is typed by hand; the 20th bundle
    # is missing and a forged label claims to be it; one bundle is scanned twice.
    head -n 18 ../packed.txt > arrived.txt
    typed=$(sed -n 19p ../packed.txt | awk '{ print substr($4, 2) "-" substr($5, 2) }')
    forged=$(sed -n 20p ../packed.txt | sed 's/ QA R1 / QB R1 /')
    # The re-graded bundle still carries its old R1 sticker: scanned first it is "old label" and
    # the bundle counts once its R2 label is scanned; scanned again at the end it is ignored.
    { cat ../old-label-R1.txt arrived.txt; echo "$typed"; echo "$forged"; sed -n 3p ../packed.txt; cat ../old-label-R1.txt; } |
        sapu verify --manifest "$STEM".manifest.json --key PWT.pub
    sapu verify --manifest "$STEM".manifest.json --key PWT.pub --finish
    cp "$STEM".receipt.json first.receipt.json
    cp "$STEM".receipt.sig first.receipt.sig
)

step "Workshop applies the partner's signed receipt (only a key registered for PHC is accepted)"
sapu shipment reconcile partner/"$STEM".receipt.json
sapu shipment reconcile partner/"$STEM".receipt.json
sapu shipment list

step "Later the partner finds the missing bundle: a corrected receipt supersedes the first, which is kept"
sleep 1  # receipts are ordered by the second they were finished
(
    cd partner
    export SAPU_DB="$DEMO/partner/own/phc.sqlite"
    sed -n 20p ../packed.txt | sapu verify --manifest "$STEM".manifest.json --key PWT.pub
    sapu verify --manifest "$STEM".manifest.json --key PWT.pub --finish >/dev/null
)
sapu shipment reconcile partner/"$STEM".receipt.json
sapu shipment reconcile partner/first.receipt.json || echo "(the older receipt is refused, as it should be)"
sapu shipment list

step "Stock at the end of the day (the voided bundles count nowhere)"
sapu stock
sapu bundle show "$LIDI-0016"
sapu batch show "$GLAGAH"

step "Management: QC, output per maker and shipments (names only on request, on site)"
mkdir -p reports
sapu report qc --by maker
sapu report makers --names
sapu report shipments
sapu report qc --format html --out reports/qc.html
sapu report makers --format csv --out reports/makers.csv

step "Evening: the workshop sends its log to the hub, beside a second Lapas (docs/hub.md)"
# The hub is a PostgreSQL 15 database; here a throwaway cluster on a Unix socket, stopped at once after.
source "$SAPU_ROOT/Scripts/pg.sh"
hub_cluster=""
stop_hub() { if [[ -n "$hub_cluster" ]]; then sapu_pg_stop "$hub_cluster" 2>/dev/null || true; hub_cluster=""; fi; }
trap stop_hub EXIT
if sapu_pg_start 2>/dev/null; then
    hub_cluster="$SAPU_PG_DIR"
    "$SAPU_PG_BIN/psql" -X -q -d "$SAPU_TEST_PG" -c "CREATE DATABASE sapu_hub"
    HUB=$(sed -E "s#/postgres\?#/sapu_hub?#" <<<"$SAPU_TEST_PG")
    sapu hub init --url "$HUB"
    sapu key export --out workshop/PWT.pub >/dev/null
    sapu hub site add PWT --key workshop/PWT.pub --url "$HUB"
    sapu sync --hub "$HUB"
    sapu sync --hub "$HUB"
    # A second workshop, Lapas Nusakambangan, with a small day of its own, on its own PC.
    (
        export SAPU_DB="$DEMO/nkb/sapu.sqlite" SAPU_STATION="meja-qc-nkb"
        mkdir -p "$DEMO/nkb"
        sapu init --site NKB --name "Lapas Nusakambangan" >/dev/null
        sapu maker add N007 --name "Agus" >/dev/null
        nkb_batch=$(sapu batch create --product LIDI --date "$(date +%F)")
        sapu inspect --batch "$nkb_batch" --maker N007 --pass --grade A --count 12 --yes >/dev/null
        sapu inspect --batch "$nkb_batch" --maker N007 --fail --defect BROKEN --count 2 >/dev/null
        sapu key export --out "$DEMO/nkb/NKB.pub" >/dev/null
        sapu hub site add NKB --key "$DEMO/nkb/NKB.pub" --url "$HUB"
        sapu sync --hub "$HUB"
    )
    sapu hub site list --url "$HUB"
    sapu report stock --hub "$HUB"
    sapu report qc --hub "$HUB" --site PWT --by maker
    sapu hub check --url "$HUB"
    stop_hub
else
    echo "(PostgreSQL 15 could not be started here; the hub part is skipped)"
fi

printf '\nDemo files are in %s\n' "$DEMO"
echo "  database:     $SAPU_DB"
echo "  keys:         $DEMO/workshop/PWT.key (private, owner only), $DEMO/workshop/PWT.pub"
echo "  labels:       $DEMO/labels (thermal PNGs, A4 sheet PDF, ZPL, TSPL, command sheet, calibration page)"
echo "  shipment:     $DEMO/shipment (manifest, signature, CSV, surat jalan PDF)"
echo "  partner side: $DEMO/partner (manifest, public key, verification state, signed receipts; its own site in own/)"
echo "  reports:      $DEMO/reports (QC report as HTML with charts, makers as CSV)"

# --- The web app on the day's database -------------------------------------------------
# The workshop's `sapu serve` (admin, QC desk, store room) and the partner's own (its
# receiving clerk), each on its own database, as on two PCs. SAPU_DEMO_SERVE=0 skips this.
[[ "${SAPU_DEMO_SERVE:-1}" == 0 ]] && exit 0
step "The web app: the workshop's and the partner's sapu serve, with demo users (stop with Ctrl-C)"
DEMO_PASSWORD="sapu-demo-123"
for user in ADMIN:admin QC1:qc GUDANG1:gudang; do
    printf '%s\n' "$DEMO_PASSWORD" | sapu user add "${user%%:*}" --role "${user##*:}" --password-stdin
done
printf '%s\n' "$DEMO_PASSWORD" | SAPU_DB="$DEMO/partner/own/phc.sqlite" sapu user add MITRA1 --role mitra --password-stdin
# 8080 and 8081 when free, else any free port.
free_port() {
    python3 -c 'import socket, sys
for port in (int(sys.argv[1]), 0):
    try:
        s = socket.socket(); s.bind(("127.0.0.1", port)); print(s.getsockname()[1]); break
    except OSError: pass' "$1"
}
server_pids=()
stop_servers() {
    trap - INT TERM EXIT
    local pid
    for pid in "${server_pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    server_pids=()
}
trap 'stop_servers; exit 0' INT TERM
trap 'stop_servers; stop_hub' EXIT
# Starts a server and sets SERVED_URL to the URL it printed once it listens (its output goes on in the log).
serve() {
    local log=$1 db=$2 port pid
    port=$(free_port "$3")
    "$SAPU_BIN" serve --listen "127.0.0.1:$port" --db "$db" > "$log" 2>&1 &
    pid=$!
    server_pids+=("$pid")
    SERVED_URL=""
    for _ in $(seq 600); do
        SERVED_URL=$(grep -o 'http://[^ ]*/' "$log" 2>/dev/null || true)
        [[ -n "$SERVED_URL" ]] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "sapu serve did not start: $(cat "$log")" >&2
    exit 1
}
serve "$DEMO/workshop/serve.log" "$SAPU_DB" 8080
WORKSHOP_URL=$SERVED_URL
serve "$DEMO/partner/serve.log" "$DEMO/partner/own/phc.sqlite" 8081
PARTNER_URL=$SERVED_URL
cat <<TEXT

Sapu is running (every password: $DEMO_PASSWORD)
  workshop (Lapas Kelas IIA Purwokerto): $WORKSHOP_URL
      ADMIN    admin: everything, makers' names, users, keys
      QC1      qc: inspection and labels
      GUDANG1  gudang: scanning station, shipments ($SJ is delivered)
  partner (CV. Pusat Handicraft, its own database): $PARTNER_URL
      MITRA1   mitra: verification; upload $DEMO/shipment/$STEM.manifest.json,
               its .manifest.sig and $DEMO/workshop/PWT.pub
Logs: $DEMO/workshop/serve.log, $DEMO/partner/serve.log. Stop with Ctrl-C.
TEXT
wait "${server_pids[@]}" || true
