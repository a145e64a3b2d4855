#!/usr/bin/env bash
# Runs every quality scorer of ../shared against the current build and prints
# their last lines: syntax (EWT test, GUM dev), entities (GUM news), open IE
# (CaRB dev), who met whom (meet-dev), named entities (Universal NER EWT dev,
# evaluate-ner). Not a test: prints figures.
#   bench/eval.sh [syntax|entities|carb|meet|ner ...]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${NEWSGRAPH_SHARED:-../shared}
bin=${NEWSGRAPH_BIN:-$PWD/build/newsgraph}
py=/usr/bin/python3
if [ ! -d "$shared" ]; then echo "eval: $shared not found; skipped"; exit 0; fi
[ -x "$bin" ] || scripts/build.sh --target newsgraph
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
what=("$@"); [ ${#what[@]} -eq 0 ] && what=(syntax entities carb meet ner)
for w in "${what[@]}"; do
  case $w in
    syntax)
      for f in ud-english-ewt/en_ewt-ud-test.conllu gum-cc-by/gum-cc-by-dev.conllu; do
        echo "syntax $f (gold tokenization): $($bin evaluate-syntax "$shared/data/$f" 2>/dev/null | tail -1)"
        echo "syntax $f (raw text):          $($bin evaluate-syntax --raw "$shared/data/$f" 2>/dev/null | tail -1)"
      done ;;
    entities)
      $py "$shared/tools/score_entities.py" --gold "$shared/eval/gum-news" --make-inputs "$tmp/in" >/dev/null
      mkdir -p "$tmp/out"
      for f in "$tmp"/in/*.txt; do
        $bin entities "$f" --format json > "$tmp/out/$(basename "$f" .txt).json"
      done
      echo "entities: $($py "$shared/tools/score_entities.py" --gold "$shared/eval/gum-news" --system "$tmp/out" | tail -1)" ;;
    carb)
      # CaRB's gold keeps unresolved pronouns as arguments ("it", "they"); the
      # graph and the default listing drop such facts.
      $bin triples --sentences --keep-unresolved --format tsv "$shared/eval/carb-dev/dev.txt" > "$tmp/carb.tsv"
      echo "carb: $($py "$shared/tools/carb_score.py" "$shared/eval/carb-dev/gold_dev.tsv" newsgraph "$tmp/carb.tsv" | tail -1)" ;;
    meet)
      $py - "$shared" > "$tmp/meet.jsonl" <<'PY'
import json, sys
shared = sys.argv[1]
ids = {json.loads(l)["id"] for l in open(f"{shared}/eval/meet-dev/gold.jsonl")}
for l in open(f"{shared}/corpus/wikinews/articles.jsonl"):
    if json.loads(l)["id"] in ids:
        print(l, end="")
PY
      $bin who-met --jsonl "$tmp/meet.jsonl" > "$tmp/meet.tsv"
      echo "meet: $($py "$shared/eval/meet-dev/score.py" "$shared/eval/meet-dev/gold.jsonl" "$tmp/meet.tsv" | tail -1)" ;;
    ner)
      echo "ner uner-english-ewt dev: $($bin evaluate-ner "$shared/data/uner-english-ewt/en_ewt-ud-dev.iob2" | tail -1)" ;;
    *) echo "eval: unknown part '$w' (syntax, entities, carb, meet, ner)" >&2; exit 2 ;;
  esac
done
