#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer + UndefinedBehaviorSanitizer:
# builds build-check/ (scripts/build-check.sh) and runs ctest there.
# Any ASan error, UBSan finding or leak (outside the third-party leaks listed
# in tests/sanitizers/lsan.supp) aborts the test process, so ctest fails.
# Extra arguments go to ctest. By default the [unit] and [cli] labels run
# (SANITIZE_LABELS='unit|cli'); SANITIZE_LABELS= runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${JOBS:-$(nproc)}
labels=${SANITIZE_LABELS-unit|cli}
scripts/build-check.sh
# fast_unwind_on_malloc=0: Redland's leaks are only recognised by the
# suppressions with full (slow) stacks through its C frames.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
cd build-check
label_args=()
[ -n "$labels" ] && label_args=(-L "$labels")
ctest --output-on-failure -j"$jobs" "${label_args[@]}" "$@"
