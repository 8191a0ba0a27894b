#!/usr/bin/env bash
# Shared by the README's commands: finds missing Debian packages and builds sapu.
# Sourced, not run: sets SAPU_BIN to the built binary. Each script installs its own packages.
set -euo pipefail

SAPU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"

# Prints the packages among the arguments that are not installed yet.
sapu_missing_packages() {
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$package"
    done
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
