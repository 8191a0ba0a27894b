#!/usr/bin/env bash
# Installs what is missing, builds sapu, and runs the whole test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
sapu_install_packages
sapu_build
echo "== running tests"
cd "$SAPU_ROOT"
set +e
swift test 2>&1 | grep -Ev "^\[[0-9]+/[0-9]+\]|^(Compiling|Building|Write|Emitting|Linking)"
status=${PIPESTATUS[0]}
exit "$status"
