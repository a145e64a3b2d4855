#!/usr/bin/env bash
# Set-up command 2: installs what is missing, builds everything and runs all
# tests (ctest labels unit, model, tool, cli, shared; the shared ones are reported
# as skipped without ../shared). Extra arguments go to ctest, e.g. -L unit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j"${JOBS:-$(nproc)}" "$@"
