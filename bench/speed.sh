#!/usr/bin/env bash
# Speed benchmark (not a test): tokens per second of `analyze` (tokenize +
# tag + parse), `entities`, `triples` and `build` (the whole extraction +
# graph + Turtle) on the Wikinews corpus, for 1 and 2 threads, best of 3.
# Needs ../shared; prints figures.
#   bench/speed.sh [CORPUS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/wikinews/articles.jsonl}
bin=build/newsgraph
if [ ! -f "$corpus" ]; then echo "speed: $corpus not found (needs ../shared); skipped"; exit 0; fi
[ -x "$bin" ] || scripts/build.sh --target newsgraph
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Token count = words of the CoNLL-U analysis.
$bin analyze --jsonl "$corpus" --format conllu > "$tmp/a.conllu"
tokens=$(grep -cE '^[0-9]+	' "$tmp/a.conllu")
echo "corpus: $corpus ($tokens tokens)"
time_cmd() {  # prints seconds (best of 3)
  local best=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    best=$(echo "$e - $s" | bc -l | awk -v b="$best" '{print ($1<b)?$1:b}')
  done
  echo "$best"
}
# Each command runs one more stage than the one before it: analyze (tokenize,
# tag, lemmatize, parse), entities (+ NER and coreference), triples (+ rules
# and open extraction), build (+ graph and Turtle). The last column is the
# time relative to analyze with the same threads, measured in this run.
printf '%-28s %10s %14s %10s\n' command seconds tokens/s vs-analyze
for threads in 1 2; do
  base=""
  for cmd in analyze entities triples build; do
    extra=""
    case $cmd in analyze) extra="--format conllu" ;; entities) extra="--format json" ;; esac
    secs=$(time_cmd $bin $cmd --jsonl "$corpus" --threads $threads $extra)
    [ -z "$base" ] && base=$secs
    printf '%-28s %10.2f %14.0f %10.2f\n' "$cmd --threads $threads" "$secs" \
      "$(echo "$tokens / $secs" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  done
done
# Model load time: analyze on one short sentence.
secs=$(time_cmd sh -c "echo 'A short sentence.' | $bin analyze --format conllu")
printf '%-28s %10.2f\n' "load + 1 sentence" "$secs"
/usr/bin/time -f "peak memory of analyze, 1 thread: %M KB" $bin analyze --jsonl "$corpus" --threads 1 --format conllu > /dev/null
