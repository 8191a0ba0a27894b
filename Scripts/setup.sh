#!/usr/bin/env bash
# Shared by the README's commands: installs what is missing, then builds sapu.
# Sourced, not run: sets SAPU_BIN to the built binary.
set -euo pipefail

SAPU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"

# Debian packages Sapu builds against (C libraries, font) and tests with (decoders, PDF tools).
SAPU_PACKAGES=(
    pkg-config libqrencode-dev libpng-dev libzbar-dev libcairo2-dev libfreetype-dev fonts-dejavu-core
    zbar-tools poppler-utils qrencode sqlite3 tzdata bc python3 strace
)

sapu_install_packages() {
    local missing=()
    for package in "${SAPU_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if ((${#missing[@]})); then
        echo "== installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    command -v swift >/dev/null || { echo "swift is not installed (expected at /opt/swift)"; exit 1; }
}

sapu_build() {
    echo "== building sapu"
    local status
    set +e
    (cd "$SAPU_ROOT" && swift build "$@" 2>&1 | grep -Ev "^\[[0-9]+/[0-9]+\]|^(Compiling|Building|Write|Emitting|Linking)")
    status=${PIPESTATUS[0]}
    set -e
    [[ $status -eq 0 ]] || { echo "build failed"; exit "$status"; }
    SAPU_BIN="$(cd "$SAPU_ROOT" && swift build "$@" --show-bin-path)/sapu"
    export SAPU_BIN
    export SAPU_LABELS="$SAPU_ROOT/labels"
}
