// CoNLL 2018 scoring of tags, lemmas and trees. See syntax_eval.h.
#include "eval/syntax_eval.h"

#include "core/error.h"

namespace ng {

void SyntaxScore::add(const SyntaxScore& o) {
  gold_words += o.gold_words;
  system_words += o.system_words;
  aligned += o.aligned;
  upos += o.upos;
  xpos += o.xpos;
  lemma += o.lemma;
  uas += o.uas;
  las += o.las;
}

std::string_view universal_deprel(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

void score_aligned(const std::vector<Token>& gold, const std::vector<Token>& system,
                   const std::vector<std::pair<int, int>>& aligned, SyntaxScore& score) {
  const int ng = static_cast<int>(gold.size()), ns = static_cast<int>(system.size());
  std::vector<int> gold_of(ns, -1);  // system word -> aligned gold word
  for (const auto& [g, s] : aligned) {
    if (g < 0 || g >= ng || s < 0 || s >= ns)
      throw Error("score_aligned: pair (" + std::to_string(g) + ", " + std::to_string(s) +
                  ") outside " + std::to_string(ng) + " gold / " + std::to_string(ns) +
                  " system words");
    gold_of[s] = g;
  }
  score.gold_words += ng;
  score.system_words += ns;
  for (const auto& [g, s] : aligned) {
    const Token& gw = gold[g];
    const Token& sw = system[s];
    ++score.aligned;
    score.upos += gw.upos == sw.upos;
    score.xpos += gw.xpos == sw.xpos;
    score.lemma += gw.lemma == "_" || gw.lemma == sw.lemma;
    const bool gold_root = gw.head < 0 || gw.head >= ng;
    const bool sys_root = sw.head < 0 || sw.head >= ns;
    bool head_ok;
    if (gold_root || sys_root)
      head_ok = gold_root && sys_root;
    else
      head_ok = gold_of[sw.head] == gw.head;
    if (head_ok) {
      ++score.uas;
      score.las += universal_deprel(gw.deprel) == universal_deprel(sw.deprel);
    }
  }
}

void score_same_tokens(const std::vector<Token>& gold, const std::vector<Token>& system,
                       SyntaxScore& score) {
  if (gold.size() != system.size())
    throw Error("score_same_tokens: " + std::to_string(gold.size()) + " gold words but " +
                std::to_string(system.size()) + " system words");
  std::vector<std::pair<int, int>> pairs(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) pairs[i] = {static_cast<int>(i), static_cast<int>(i)};
  score_aligned(gold, system, pairs, score);
}

}  // namespace ng
