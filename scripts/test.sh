#!/usr/bin/env bash
# Set-up command 2: installs what is missing, builds everything and runs all
# tests (unit, CLI, rule examples; tests that need ../shared skip without it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j"${JOBS:-$(nproc)}" "$@"
