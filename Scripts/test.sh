#!/usr/bin/env bash
# Installs what is missing, builds sapu, and runs the whole test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Debian packages: the C libraries and font sapu builds against, plus the independent tools the tests check against.
packages=(
    pkg-config libqrencode-dev libpng-dev libjpeg62-turbo-dev libzbar-dev libcairo2-dev libfreetype-dev fonts-dejavu-core
    zbar-tools poppler-utils qrencode sqlite3 strace file coreutils time openssl tzdata
    cups cups-client)
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
echo "== running tests"
cd "$SAPU_ROOT"
set +e
swift test 2>&1 | grep -Ev "^\[[0-9]+/[0-9]+\]|^(Compiling|Building|Write|Emitting|Linking)"
status=${PIPESTATUS[0]}
exit "$status"
