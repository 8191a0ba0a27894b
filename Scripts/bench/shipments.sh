# Sourced by Scripts/bench.sh: closing a 10,000-bundle shipment and verifying it.
# Uses the 10,000 labelled GLAGAH bundles of labels.sh ($LBATCH, $BENCH/payloads.txt).
# --- Shipments -------------------------------------------------------------------------
"$SAPU" scan --mode receive < "$BENCH/payloads.txt" >/dev/null
mkdir -p "$BENCH/partner-site"
SAPU_DB="$BENCH/partner-site/phc.sqlite" "$SAPU" init --site PHC --name "CV. Pusat Handicraft" >/dev/null
"$SAPU" partner add PHC --name "CV. Pusat Handicraft" --address "Kroya, Cilacap" --key "$BENCH/partner-site/PHC.pub" >/dev/null
SJ=$("$SAPU" shipment create --partner PHC)
"$SAPU" scan --mode pack --shipment "$SJ" < "$BENCH/payloads.txt" >/dev/null
t0=$(now); "$SAPU" shipment close "$SJ" --out "$BENCH/shipment" >/dev/null; t1=$(now)
stem=${SJ//\//-}
row "close a 10,000-bundle shipment (manifest+sig, CSV, PDF)" "$(sec "$(elapsed "$t0" "$t1")")" \
    "PDF $(pdfinfo "$BENCH/shipment/$stem.pdf" | awk '/^Pages/ {print $2}') pages; sha256sum of manifest: $(ms "$( t0=$(now); sha256sum "$BENCH/shipment/$stem.manifest.json" >/dev/null; t1=$(now); elapsed "$t0" "$t1")")"
mkdir -p "$BENCH/partner"
cp "$BENCH/shipment/$stem.manifest.json" "$BENCH/shipment/$stem.manifest.sig" "$BENCH/PWT.pub" "$BENCH/partner/"
t0=$(now)
(cd "$BENCH/partner" && SAPU_DB="$BENCH/partner/none.sqlite" "$SAPU" verify --manifest "$stem.manifest.json" --key PWT.pub < "$BENCH/payloads.txt" >/dev/null)
t1=$(now)
verify=$(elapsed "$t0" "$t1")
t0=$(now); python3 -c 'import sys,hashlib; [hashlib.sha256(l).digest() for l in open(sys.argv[1],"rb")]' "$BENCH/payloads.txt"; t1=$(now)
row "verify 10,000 scans against the manifest (partner side)" "$(sec "$verify")" \
    "python3 sha256 of the same lines: $(sec "$(elapsed "$t0" "$t1")")"
