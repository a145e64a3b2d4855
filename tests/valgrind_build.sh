#!/usr/bin/env bash
# ctest valgrind_build: `newsgraph build` under valgrind's memcheck on the
# bundled example and, when ../shared is beside the checkout, on the seed
# article; fails on any memcheck error (exit 99). Leaks are not checked here.
# Usage: valgrind_build.sh VALGRIND NEWSGRAPH SOURCE_DIR
set -euo pipefail
valgrind=$1 newsgraph=$2 src=$3
inputs=("$src/examples/article.txt")
for seed in "$src"/../shared/seeds/*.txt; do
  [ -f "$seed" ] && inputs+=("$seed")
done
for f in "${inputs[@]}"; do
  echo "valgrind: newsgraph build $f"
  "$valgrind" --quiet --error-exitcode=99 --leak-check=no "$newsgraph" build --format turtle "$f" >/dev/null
done
