#!/usr/bin/env bash
# Set-up command 1: installs what is missing, builds newsgraph, and runs the
# main job on the bundled example article: the knowledge graph as Turtle
# (build/example.ttl), a diagram (build/example.svg) and "who met whom".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target newsgraph
build/newsgraph build examples/article.txt -o build/example.ttl
build/newsgraph render examples/article.txt -o build/example.svg
echo "== knowledge graph: build/example.ttl ($(wc -l < build/example.ttl) lines); diagram: build/example.svg"
echo "== who met whom in examples/article.txt:"
build/newsgraph who-met examples/article.txt
