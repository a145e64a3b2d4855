// Scoring a system's tags, lemmas and dependency trees against gold, with the
// definitions of the CoNLL 2018 shared task (conll18_ud_eval.py):
//  - every word counts, punctuation included;
//  - scores are F1 over aligned words: 2 * correct / (gold words + system
//    words); with gold tokenization the word sets coincide and F1 = accuracy;
//  - UPOS, XPOS: exact tag match; LEMMA: exact (case-sensitive) match, a gold
//    lemma "_" accepts any lemma;
//  - UAS: the system head of the word is aligned to the gold head (or both are
//    the root); LAS: UAS and the same universal relation — only the part of
//    DEPREL before ':' is compared ("obl:tmod" == "obl").
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace ng {

struct SyntaxScore {
  long gold_words = 0;    // words in the gold standard
  long system_words = 0;  // words the system produced
  long aligned = 0;       // aligned (gold, system) word pairs
  long upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // correct aligned words

  // F1 of a correct count, in percent (0 when there are no words).
  double f1(long correct) const {
    const long d = gold_words + system_words;
    return d ? 200.0 * static_cast<double>(correct) / static_cast<double>(d) : 0.0;
  }
  void add(const SyntaxScore& o);
};

// "obl:tmod" -> "obl".
std::string_view universal_deprel(std::string_view deprel);

// Scores system tokens against gold tokens. Both vectors hold words in order
// with Token::head as an index into the same vector (-1 = root); aligned
// lists (gold index, system index) pairs, each index at most once. Adds to
// score (gold_words += gold.size(), system_words += system.size()).
void score_aligned(const std::vector<Token>& gold, const std::vector<Token>& system,
                   const std::vector<std::pair<int, int>>& aligned, SyntaxScore& score);

// Gold tokenization: system[i] is the analysis of gold[i] (same sizes).
void score_same_tokens(const std::vector<Token>& gold, const std::vector<Token>& system,
                       SyntaxScore& score);

}  // namespace ng
