#!/usr/bin/env bash
# Benchmarks, each printed beside a reference measured in the same run.
# Uses a release build; all files go to a fresh temporary directory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Debian packages: the C libraries and font sapu builds against, plus the reference tools the benchmarks run beside sapu
# (wrk drives the web app).
packages=(
    pkg-config libqrencode-dev libpng-dev libjpeg62-turbo-dev libzbar-dev libcairo2-dev libfreetype-dev fonts-dejavu-core
    zbar-tools poppler-utils qrencode sqlite3 bc python3 file libjpeg-turbo-progs wrk)
missing=$(sapu_missing_packages "${packages[@]}")
if [[ -n "$missing" ]]; then
    echo "== installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not installed (expected at /opt/swift)"; exit 1; }
sapu_build -c release --scratch-path "$SAPU_ROOT/.build-release"

BENCH="$(mktemp -d /tmp/sapu-bench.XXXXXX)"
cd "$BENCH"
export SAPU_DB="$BENCH/sapu.sqlite" SAPU_STATION=bench
SAPU="$SAPU_BIN"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
row() { printf '%-58s %12s   %s\n' "$1" "$2" "$3"; }
ms() { printf '%.1f ms' "$(echo "$1 * 1000" | bc -l)"; }
sec() { printf '%.2f s' "$1"; }

"$SAPU" init --site PWT --name "Bench" >/dev/null
"$SAPU" maker add M001 >/dev/null
BATCH=$("$SAPU" batch create --product LIDI --date 2025-11-21)

echo "sapu benchmarks ($(nproc) cores, release build), files in $BENCH"
printf '%-58s %12s   %s\n' "measure" "sapu" "reference (same run)"

# --- Foundation: inspection and start-up -------------------------------------------
t0=$(now); "$SAPU" inspect --batch "$BATCH" --maker M001 --pass --grade A --count 10000 --yes >/dev/null; t1=$(now)
insert=$(elapsed "$t0" "$t1")
sqlite3 "$BENCH/ref.sqlite" "CREATE TABLE b(id TEXT PRIMARY KEY, x TEXT); CREATE TABLE e(seq INTEGER PRIMARY KEY, b TEXT, m TEXT);" 
t0=$(now)
{ echo "PRAGMA synchronous=FULL; PRAGMA journal_mode=WAL; BEGIN;"
  for i in $(seq 10000); do echo "INSERT INTO b VALUES ('B$i','A'); INSERT INTO e(b,m) VALUES ('B$i','inspect');"; done
  echo "COMMIT;"; } | sqlite3 "$BENCH/ref.sqlite" >/dev/null
t1=$(now)
row "inspect 10,000 bundles in one command" "$(sec "$insert")" "sqlite3 CLI, same rows in one transaction: $(sec "$(elapsed "$t0" "$t1")")"

t0=$(now); for i in $(seq 200); do "$SAPU" stock >/dev/null; done; t1=$(now)
percall=$(echo "$(elapsed "$t0" "$t1") / 200" | bc -l)
t0=$(now); for i in $(seq 200); do sqlite3 "$SAPU_DB" "SELECT product, grade, state, COUNT(*) FROM bundle GROUP BY 1,2,3" >/dev/null; done; t1=$(now)
refcall=$(echo "$(elapsed "$t0" "$t1") / 200" | bc -l)
row "per call, 200 separate 'sapu stock' calls (start-up)" "$(ms "$percall")" "sqlite3 CLI, same query: $(ms "$refcall")"

t0=$(now); for i in $(seq 200); do "$SAPU" inspect --batch "$BATCH" --maker M001 --pass --grade B >/dev/null; done; t1=$(now)
row "per call, 200 separate 'sapu inspect' (durable write)" "$(ms "$(echo "$(elapsed "$t0" "$t1") / 200" | bc -l)")" ""


# --- Further sections: one file per capability, sharing the helpers above ----------
# A section that cannot measure what it should sets BENCH_FAILED=1 (after saying why, on stderr).
BENCH_FAILED=0
for section in "$SAPU_ROOT"/Scripts/bench/*.sh; do
    [[ -e "$section" ]] && source "$section"
done
echo "files in $BENCH"
exit "$BENCH_FAILED"
