#!/usr/bin/env bash
# Runs every quality scorer of ../shared against the current build and prints
# their last lines: syntax (EWT test, GUM dev), entities (GUM news), open IE
# (CaRB dev), who met whom (meet-dev, meet-wh), named entities (Universal NER
# EWT dev, evaluate-ner). Not a test: prints figures.
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
      # meet-dev (Wikinews) and meet-wh (White House readouts), each whole and
      # in two halves (gold file order: A = first half, B = second half), so
      # a change developed on one half is checked on the other; then the date
      # and place of the meetings found.
      $py - "$shared" "$tmp" <<'PY'
import json, sys
shared, tmp = sys.argv[1:3]
sets = {"dev": (f"{shared}/eval/meet-dev/gold.jsonl", f"{shared}/corpus/wikinews/articles.jsonl"),
        "wh": (f"{shared}/eval/meet-wh/gold.jsonl", f"{shared}/eval/meet-wh/articles.jsonl")}
for name, (gold, corpus) in sets.items():
    lines = open(gold).read().splitlines()
    ids = [json.loads(l)["id"] for l in lines]
    half = (len(lines) + 1) // 2
    for part, sel in (("", lines), ("A", lines[:half]), ("B", lines[half:])):
        open(f"{tmp}/gold-{name}{part}.jsonl", "w").write("".join(l + "\n" for l in sel))
    with open(f"{tmp}/in-{name}.jsonl", "w") as out:
        for l in open(corpus):
            if json.loads(l)["id"] in ids:
                out.write(l)
PY
      for set in dev wh; do
        $bin who-met --jsonl "$tmp/in-$set.jsonl" > "$tmp/meet-$set.tsv"
        for part in "" A B; do
          echo "meet-$set${part:+ half $part}: $($py "$shared/eval/meet-dev/score.py" "$tmp/gold-$set$part.jsonl" "$tmp/meet-$set.tsv" | tail -1)"
        done
        echo "meet-$set when/where: $($py "$shared/tools/score_meet_when_where.py" "$tmp/gold-$set.jsonl" "$tmp/meet-$set.tsv" | tail -1)"
      done ;;
    ner)
      echo "ner uner-english-ewt dev: $($bin evaluate-ner "$shared/data/uner-english-ewt/en_ewt-ud-dev.iob2" | tail -1)" ;;
    *) echo "eval: unknown part '$w' (syntax, entities, carb, meet, ner)" >&2; exit 2 ;;
  esac
done
