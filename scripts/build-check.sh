#!/usr/bin/env bash
# Builds the checking build in build-check/ (incremental; uses ccache): clang-14
# with AddressSanitizer + UndefinedBehaviorSanitizer on everything, plus
# libFuzzer's coverage hooks, so that one build serves both
# scripts/sanitize.sh (the test suite) and scripts/fuzz.sh (the fuzz targets).
# -O1 with line tables only, sources merged into unity files: the cold build
# takes about half as long as a plain -O2 one of each kind.
# Needs the Debian packages clang-14 and libclang-rt-14-dev (installed here
# when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${JOBS:-$(nproc)}
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "build-check: need root to install ${missing[*]} (run with sudo)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=1
CXX=${CHECK_CXX:-clang++-14} cmake -S . -B build-check -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSGRAPH_SANITIZE=ON -DNEWSGRAPH_FUZZ=ON -DCMAKE_UNITY_BUILD=ON \
  -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
cmake --build build-check -j"$jobs" "$@"
