#!/usr/bin/env bash
# Cross-article identity figures (not a test): builds the Wikinews corpus in
# one run, links it with `newsgraph link`, and prints what bench/identity.py
# measures: one entity per person of the acceptance list, no title-only
# links, and the share of names held by more than one entity before and
# after the links. Needs ../shared.
#   bench/identity.sh [CORPUS.jsonl] [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/wikinews/articles.jsonl}
bin=build/newsgraph
if [ ! -f "$corpus" ]; then echo "identity: $corpus not found (needs ../shared); skipped"; exit 0; fi
[ -x "$bin" ] || scripts/build.sh --target newsgraph
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
$bin build --jsonl "$corpus" --format nquads -o "$tmp/corpus.nq" --threads 2
s=$(date +%s.%N)
$bin link "$tmp/corpus.nq" -o "$tmp/links.nq" --entities "$tmp/entities.tsv"
e=$(date +%s.%N)
echo "corpus: $corpus; link: $(awk '$2 == "<http://www.w3.org/2002/07/owl#sameAs>"' "$tmp/links.nq" | wc -l) owl:sameAs in $(echo "$e - $s" | bc -l | cut -c1-4) s; $(($(wc -l < "$tmp/entities.tsv") - 1)) entities in the table"
/usr/bin/python3 bench/identity.py "$tmp/corpus.nq" "$tmp/links.nq" lexicon "${@:2}"
