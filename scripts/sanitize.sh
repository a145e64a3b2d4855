#!/usr/bin/env bash
# Builds newsgraph with AddressSanitizer + UndefinedBehaviorSanitizer into
# build-asan/ (cmake -DNEWSGRAPH_SANITIZE=ON, gcc) and runs ctest there.
# Any ASan error, UBSan finding or leak (outside the third-party leaks listed
# in tests/sanitizers/lsan.supp) aborts the test process, so ctest fails.
# Extra arguments go to ctest. By default the [unit] and [cli] labels run
# (SANITIZE_LABELS='unit|cli'); SANITIZE_LABELS= runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${JOBS:-$(nproc)}
labels=${SANITIZE_LABELS-unit|cli}
# Known open finding, excluded until fixed (SANITIZE_EXCLUDE= runs them): LSan
# reports the predicate node made in find_by_predicate (rdf/link.cc) as leaked
# when apply_links/read_same_as run (2 tests). A plain librdf program doing the
# same find_statements does not leak, so it is not suppressed as Redland's.
exclude=${SANITIZE_EXCLUDE-^link: (articles built in separate runs|sightings read from article graphs)}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=1
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# fast_unwind_on_malloc=0: Redland's leaks are only recognised by the
# suppressions with full (slow) stacks through its C frames.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
cd build-asan
label_args=()
[ -n "$labels" ] && label_args=(-L "$labels")
[ -n "$exclude" ] && label_args+=(-E "$exclude")
ctest --output-on-failure -j"$jobs" "${label_args[@]}" "$@"
