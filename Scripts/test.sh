#!/usr/bin/env bash
# Installs what is missing, builds sapu and its tests once, runs the whole Swift test suite
# (the hub tests against a throwaway PostgreSQL 15 cluster started here, see pg.sh),
# then the browser tests: headless Chromium driven by Selenium against `sapu serve`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
# Debian packages: the C libraries and font sapu builds against, plus the independent tools the tests check against,
# the browser the web app is tested in (Chromium, its WebDriver, Python for Selenium), and the hub's PostgreSQL.
packages=(
    pkg-config libqrencode-dev libpng-dev libjpeg62-turbo-dev libzbar-dev libcairo2-dev libfreetype-dev fonts-dejavu-core
    zbar-tools poppler-utils qrencode sqlite3 strace file coreutils time openssl tzdata
    cups cups-client
    chromium chromium-driver python3 python3-pip util-linux procps
    postgresql-15 postgresql-client-15)
missing=$(sapu_missing_packages "${packages[@]}")
if [[ -n "$missing" ]]; then
    echo "== installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
fi
# Selenium from PyPI, pinned (the newest cannot be resolved here). Debian's own Python refuses
# pip outside a virtual environment unless told (PEP 668); the tests add nothing else to it.
SELENIUM=4.38.0
if ! python3 -c "import sys, selenium; sys.exit(selenium.__version__ != '$SELENIUM')" 2>/dev/null; then
    echo "== installing: selenium==$SELENIUM (PyPI)"
    python3 -m pip install --quiet --disable-pip-version-check "selenium==$SELENIUM" 2>/dev/null ||
        python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "selenium==$SELENIUM"
fi
command -v swift >/dev/null || { echo "swift is not installed (expected at /opt/swift)"; exit 1; }
# One build: sapu and every test target; `swift test` below only runs them.
sapu_build --build-tests
cd "$SAPU_ROOT"

# The browser tests start two `sapu serve`, chromedriver and Chromium: in a process group of their
# own, so that whatever happens (a failure, Ctrl-C, CI's timeout) none of them outlives this script.
ARTEFACTS="$SAPU_ROOT/.build/browser-artefacts"
browser_pid=""
stop_browser_tests() {
    [[ -n "$browser_pid" ]] || return 0
    if kill -0 "$browser_pid" 2>/dev/null; then
        kill -TERM -- "-$browser_pid" 2>/dev/null || kill -TERM "$browser_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$browser_pid" 2>/dev/null || break; sleep 0.2; done
    fi
    kill -KILL -- "-$browser_pid" 2>/dev/null || true
    browser_pid=""
}
# Whatever ends this script stops the browser tests and the PostgreSQL cluster and removes its directory.
stop_test_services() {
    stop_browser_tests
    sapu_pg_stop || true
}
trap stop_test_services EXIT
trap 'stop_test_services; exit 130' INT
trap 'stop_test_services; exit 143' TERM

sapu_pg_start || { echo "PostgreSQL 15 test cluster did not start"; exit 1; }
echo "== PostgreSQL 15 test cluster: $SAPU_PG_DIR"

echo "== running tests"
set +e
swift test --skip-build 2>&1 | grep -Ev "^\[[0-9]+/[0-9]+\]|^(Compiling|Building|Write|Emitting|Linking)"
swift_status=${PIPESTATUS[0]}
set -e

echo "== running browser tests (headless Chromium, Selenium)"
setsid python3 Tests/browser/run.py --sapu "$SAPU_BIN" --artefacts "$ARTEFACTS" &
browser_pid=$!
set +e
wait "$browser_pid"
browser_status=$?
set -e
stop_browser_tests

echo
echo "== Swift tests: $([[ $swift_status -eq 0 ]] && echo passed || echo "FAILED ($swift_status)")"
echo "== browser tests: $([[ $browser_status -eq 0 ]] && echo passed || echo "FAILED ($browser_status)")"
echo "== browser test artefacts (screenshots of every page, downloads, server logs): $ARTEFACTS"
[[ $swift_status -eq 0 ]] || exit "$swift_status"
exit "$browser_status"
