#!/usr/bin/env bash
# Bounded work on hostile input (not a test: prints figures). For each kind of
# input, builds a graph from sizes N, 2N and 4N and prints the seconds and the
# ratios t(2N)/t(N) and t(4N)/t(2N): about 2 means linear, 4 quadratic.
#   bench/bounded.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
bin=build/newsgraph
[ -x "$bin" ] || scripts/build.sh --target newsgraph
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
make_input() {  # kind size file
  $py - "$1" "$2" > "$3" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
first = ["Ana", "Jan", "Lea", "Omar", "Carl", "Eva", "Tom", "Lisa"]
last = ["Ruiz", "Novak", "Marchetti", "Haddad", "Berg", "Moe", "Reyes", "Tran"]
name = lambda i: f"{first[i % 8]} {last[(i // 8) % 8]}{i}"
if kind == "list":        # one sentence naming n people
    print("President Ana Ruiz met " + ", ".join(name(i) for i in range(n)) + " and Tom Tran.")
elif kind == "sentence":  # one sentence of n words, no full stop
    print(" ".join(["the", "minister", "said", "that"] * (n // 4)) + ".")
elif kind == "nesting":   # n nested brackets and quotes
    print("Ana Ruiz said " + "(\"" * (n // 2) + "yes" + "\")" * (n // 2) + ".")
elif kind == "chain":     # a coreference chain of n mentions
    print("President Ana Ruiz arrived. " + " ".join("She met Jan Novak." for _ in range(n)))
elif kind == "token":     # one token of n characters
    print("Ana Ruiz met " + "x" * (n * 10) + ".")
PY
}
printf '%-10s %8s %8s %8s %8s %8s\n' input "t(N)" "t(2N)" "t(4N)" "2N/N" "4N/2N"
for kind in list sentence nesting chain token; do
  times=()
  for m in 1 2 4; do
    make_input "$kind" $((n * m)) "$tmp/in.txt"
    s=$(date +%s.%N)
    "$bin" build --lang-any "$tmp/in.txt" --format nquads -o /dev/null 2>"$tmp/err" || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%-10s %8.2f %8.2f %8.2f %8.2f %8.2f\n' "$kind" "${times[0]}" "${times[1]}" "${times[2]}" \
    "$(echo "${times[1]} / ${times[0]}" | bc -l)" "$(echo "${times[2]} / ${times[1]}" | bc -l)"
done
