#!/usr/bin/env bash
# Speed benchmark (not a test): tokens per second of `analyze` (tokenize +
# tag + parse), `entities`, `triples` and `build` (the whole extraction +
# graph + Turtle) on the Wikinews corpus, for 1 and 2 threads, best of 3;
# then wink-nlp's full pipeline (readDoc over every article text,
# bench/wink_speed.js), timed the same way (the whole process, best of 3), and
# the ratio newsgraph/wink of `analyze` and `build` on one thread measured in
# this run (time of wink / time of newsgraph on the same texts). Needs
# ../shared. wink-nlp needs node and npm (Debian nodejs, npm; installed here
# when missing and run as root: for this benchmark only, not a dependency of
# newsgraph); it and its model are fetched once with `npm pack` into
# build/bench-node/ (WINK=0 skips it). Prints figures.
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
declare -A one_thread
for threads in 1 2; do
  base=""
  for cmd in analyze entities triples build; do
    extra=""
    case $cmd in analyze) extra="--format conllu" ;; entities) extra="--format json" ;; esac
    secs=$(time_cmd $bin $cmd --jsonl "$corpus" --threads $threads $extra)
    [ -z "$base" ] && base=$secs
    [ "$threads" = 1 ] && one_thread[$cmd]=$secs
    printf '%-28s %10.2f %14.0f %10.2f\n' "$cmd --threads $threads" "$secs" \
      "$(echo "$tokens / $secs" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  done
done
# wink-nlp (https://winkjs.org/wink-nlp/), versions pinned.
wink_setup() {
  local dir=build/bench-node
  [ -d "$dir/node_modules/wink-eng-lite-web-model" ] && return 0
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "speed: wink-nlp needs node and npm (apt-get install nodejs npm)"; return 1; }
    apt-get install -y nodejs npm >/dev/null || return 1
  fi
  mkdir -p "$dir" && (cd "$dir" && npm pack --silent wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1 >/dev/null) || return 1
  for p in wink-nlp wink-eng-lite-web-model; do
    mkdir -p "$dir/node_modules/$p" && tar xzf "$dir/$p"-*.tgz -C "$dir/node_modules/$p" --strip-components=1
  done
}
if [ "${WINK:-1}" != 0 ] && wink_setup; then
  # Timed like newsgraph: the whole process (start, model load, reading the
  # corpus, the analysis), best of 3; its own figure for readDoc alone is shown.
  wink_run=(env NODE_PATH=build/bench-node/node_modules node bench/wink_speed.js "$corpus")
  wink=$("${wink_run[@]}")
  wtokens=$(echo "$wink" | awk '{print $2}')
  wsecs=$(time_cmd "${wink_run[@]}")
  printf '%-28s %10.2f %14.0f %10s   (%s tokens by its tokenizer; %s)\n' "wink-nlp readDoc" "$wsecs" \
    "$(echo "$wtokens / $wsecs" | bc -l)" "" "$wtokens" "$(echo "$wink" | cut -d' ' -f4-)"
  for cmd in analyze build; do
    printf 'ratio newsgraph/wink, %-8s 1 thread: %.2f (time of wink / time of newsgraph, same texts)\n' \
      "$cmd" "$(echo "$wsecs / ${one_thread[$cmd]}" | bc -l)"
  done
fi
# Model load time: analyze on one short sentence.
secs=$(time_cmd sh -c "echo 'A short sentence.' | $bin analyze --format conllu")
printf '%-28s %10.2f\n' "load + 1 sentence" "$secs"
/usr/bin/time -f "peak memory of analyze, 1 thread: %M KB" $bin analyze --jsonl "$corpus" --threads 1 --format conllu > /dev/null
