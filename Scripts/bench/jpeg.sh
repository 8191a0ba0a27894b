# Phone photos: the time to read a 12-megapixel JPEG of 20 labels, beside zbarimg on the same file.
# Sourced by Scripts/bench.sh, which provides $SAPU, $BENCH and the now/elapsed/row/ms/sec helpers.
# The photo is an A4 sticker sheet of 20 labels rasterised in colour at 350 dpi (2894 × 4093
# pixels, 11.8 megapixels) and compressed by libjpeg-turbo's cjpeg at quality 70, as a phone does.

JPEG_BATCH=$("$SAPU" batch create --product GLAGAH --date 2025-11-24)
"$SAPU" inspect --batch "$JPEG_BATCH" --maker M001 --pass --grade A --count 20 --yes >/dev/null
"$SAPU" label --batch "$JPEG_BATCH" --format pdf --template a4-3x8 --out "$BENCH/jpeg-sheet" >/dev/null
pdftoppm -r 350 -singlefile "$BENCH"/jpeg-sheet/*.pdf "$BENCH/jpeg-page"
cjpeg -quality 70 -outfile "$BENCH/jpeg-photo.jpg" "$BENCH/jpeg-page.ppm"
rm -f "$BENCH/jpeg-page.ppm"

# The best of three runs of each, so a cold cache does not count. `check` mode only reports:
# the 20 scans change nothing, and every run answers all 20.
jpeg_best() { printf '%s\n' "$@" | sort -g | head -n 1; }
jpeg_sapu=() jpeg_zbar=()
for _ in 1 2 3; do
    t0=$(now); "$SAPU" scan --mode check --json --image "$BENCH/jpeg-photo.jpg" < /dev/null > "$BENCH/jpeg-scan.out"; t1=$(now)
    jpeg_sapu+=("$(elapsed "$t0" "$t1")")
    t0=$(now); zbarimg --raw -q -Sdisable -Sqrcode.enable "$BENCH/jpeg-photo.jpg" > "$BENCH/jpeg-zbarimg.out" 2>/dev/null; t1=$(now)
    jpeg_zbar+=("$(elapsed "$t0" "$t1")")
done
jpeg_found=$(grep -c '"bundle"' "$BENCH/jpeg-scan.out" || true)
jpeg_zbar_found=$(grep -c . "$BENCH/jpeg-zbarimg.out" || true)
[[ "$jpeg_found" == 20 ]] || echo "!! sapu scan --image read $jpeg_found of 20 labels in the JPEG" >&2
row "read a 12 MP JPEG of 20 labels (scan --image, check mode)" \
    "$(sec "$(jpeg_best "${jpeg_sapu[@]}")")" \
    "zbarimg on the same file: $(sec "$(jpeg_best "${jpeg_zbar[@]}")") ($jpeg_zbar_found of 20 codes; sapu $jpeg_found)"
