#!/usr/bin/env bash
# Installs what is missing, builds sapu, and runs a realistic day at the workshop
# on a local SQLite file in a fresh temporary directory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
sapu_install_packages
sapu_build

DEMO="$(mktemp -d /tmp/sapu-demo.XXXXXX)"
cd "$DEMO"
export SAPU_DB="$DEMO/workshop/sapu.sqlite"
export SAPU_STATION="meja-qc-1"
# The workshop keeps Western Indonesian Time (WIB, UTC+7).
[[ -e /usr/share/zoneinfo/Asia/Jakarta ]] && export TZ=Asia/Jakarta
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

step "A damp bundle dried in the sun and re-inspected after rework"
sapu inspect "$FIRST_FAIL" --pass --grade B --inspector QC1
sapu bundle show "$FIRST_FAIL"
sapu batch show "$LIDI"

step "Stock at the end of the day"
sapu stock
sapu --help >/dev/null

printf '\nDemo files are in %s\n' "$DEMO"
echo "  database:    $SAPU_DB"
echo "  keys:        $DEMO/workshop/PWT.key (private, owner only), $DEMO/workshop/PWT.pub"
