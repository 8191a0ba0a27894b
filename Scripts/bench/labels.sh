# Sourced by Scripts/bench.sh: label printing beside the qrencode command.
# --- Labels ----------------------------------------------------------------------------
LBATCH=$("$SAPU" batch create --product GLAGAH --date 2025-11-22)
"$SAPU" inspect --batch "$LBATCH" --maker M001 --pass --grade A --count 10000 --yes >/dev/null

t0=$(now); "$SAPU" label --batch "$LBATCH" --format png --template thermal-50x30 --out "$BENCH/png" --json > "$BENCH/labels.json"; t1=$(now)
sapu_png=$(elapsed "$t0" "$t1")
python3 -c 'import json,sys; [print(x["payload"]) for x in json.load(open(sys.argv[1]))]' "$BENCH/labels.json" > "$BENCH/payloads.txt"
mkdir -p "$BENCH/qrencode"
t0=$(now)
i=0
while IFS= read -r payload; do
    i=$((i + 1))
    qrencode -l M -s 4 -m 4 -v 8 -o "$BENCH/qrencode/$i.png" "$payload"
done < "$BENCH/payloads.txt"
t1=$(now)
ref_png=$(elapsed "$t0" "$t1")
per_second() { printf '%.0f labels/s' "$(echo "10000 / $1" | bc -l)"; }
ref_rate="shell loop of 'qrencode' (QR only, unsigned): $(per_second "$ref_png")"
row "10,000 PNG labels (QR + text, signed)" "$(per_second "$sapu_png")" \
    "$ref_rate; sapu $(sec "$sapu_png"), $(printf '%.1f' "$(echo "$ref_png / $sapu_png" | bc -l)")x faster"

t0=$(now); "$SAPU" label --batch "$LBATCH" --again --format pdf --template a4-3x8 --out "$BENCH/pdf" >/dev/null; t1=$(now)
sapu_pdf=$(elapsed "$t0" "$t1")
pdf_file=$(ls "$BENCH"/pdf/*.pdf)
row "10,000-label A4 PDF (a4-3x8, $(pdfinfo "$pdf_file" | awk '/^Pages/ {print $2}') pages)" "$(per_second "$sapu_pdf")" \
    "$ref_rate; sapu $(sec "$sapu_pdf"), $(du -h "$pdf_file" | cut -f1) file"
t0=$(now); "$SAPU" label --batch "$LBATCH" --again --format zpl --out "$BENCH/zpl" >/dev/null; t1=$(now)
sapu_zpl=$(elapsed "$t0" "$t1")
row "10,000 labels as ZPL (thermal-50x30)" "$(per_second "$sapu_zpl")" "$ref_rate; sapu $(sec "$sapu_zpl")"
t0=$(now); "$SAPU" label --batch "$LBATCH" --again --format tspl --out "$BENCH/tspl" >/dev/null; t1=$(now)
sapu_tspl=$(elapsed "$t0" "$t1")
row "10,000 labels as TSPL (thermal-50x30)" "$(per_second "$sapu_tspl")" "$ref_rate; sapu $(sec "$sapu_tspl")"
