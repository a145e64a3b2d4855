#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/*_fuzz.cc, built with ASan and UBSan in
# build-check/ by scripts/build-check.sh) for SECONDS each (default 60), one
# after the other, starting from the seeds in fuzz/corpus/<target>/ with the
# dictionary fuzz/<target>.dict. New inputs go to build-check/corpus/<target>/
# (the seeds in the tree are not touched).
# Fails on the first crash, sanitizer report, leak or timeout and prints the
# path of the input that caused it (build-check/artifacts/<target>/...);
# replay it with: build-check/fuzz/<target> <that file>.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(article_fuzz jsonl_fuzz rules_fuzz graph_fuzz sparql_fuzz)
scripts/build-check.sh --target fuzzers

# Input size caps, as in each target (larger inputs are skipped there).
declare -A max_len=([article_fuzz]=4096 [jsonl_fuzz]=16384 [rules_fuzz]=8192
                    [graph_fuzz]=8192 [sparql_fuzz]=4096)
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
status=0
for t in "${targets[@]}"; do
  work=build-check/corpus/$t
  artifacts=build-check/artifacts/$t/
  mkdir -p "$work" "$artifacts"
  log=build-check/$t.log
  echo "== $t: ${seconds}s (log: $log)"
  if build-check/fuzz/$t -max_total_time="$seconds" -max_len="${max_len[$t]}" \
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
