#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang-14, ASan and UBSan
# into build-fuzz/ (cmake -DNEWSGRAPH_FUZZ=ON) and runs each for SECONDS
# (default 60), one after the other, starting from the seeds in
# fuzz/corpus/<target>/ with the dictionary fuzz/<target>.dict. New inputs
# go to build-fuzz/corpus/<target>/ (the seeds in the tree are not touched).
# Fails on the first crash, sanitizer report, leak or timeout and prints the
# path of the input that caused it (build-fuzz/artifacts/<target>/...);
# replay it with: build-fuzz/fuzz/<target> <that file>.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(article_fuzz jsonl_fuzz rules_fuzz graph_fuzz sparql_fuzz)
jobs=${JOBS:-$(nproc)}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=1
CXX=${FUZZ_CXX:-clang++-14} cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzzers

# Input size caps, as in each target (larger inputs are skipped there).
declare -A max_len=([article_fuzz]=4096 [jsonl_fuzz]=16384 [rules_fuzz]=8192
                    [graph_fuzz]=8192 [sparql_fuzz]=4096)
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
status=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  artifacts=build-fuzz/artifacts/$t/
  mkdir -p "$work" "$artifacts"
  log=build-fuzz/$t.log
  echo "== $t: ${seconds}s (log: $log)"
  if build-fuzz/fuzz/$t -max_total_time="$seconds" -max_len="${max_len[$t]}" \
       -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
       -dict="fuzz/$t.dict" -artifact_prefix="$artifacts" \
       "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done' "$log" || true
  else
    status=1
    echo "fuzz: $t FAILED; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    grep -E 'Test unit written to|artifact_prefix' "$log" | sed 's/^/fuzz: crash input: /' >&2 || true
    break
  fi
done
exit $status
