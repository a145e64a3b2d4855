// Scoring the tokenizer and sentence splitter against gold CoNLL-U, the way
// the CoNLL 2018 shared task did (conll18_ud_eval.py): the gold sentences are
// turned back into raw text, the Tokenizer runs on it, and system words are
// aligned to gold words by character spans. Used by `newsgraph
// evaluate-syntax --raw`, which then scores UPOS/UAS/LAS over the aligned words.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "io/conllu.h"
#include "syntax/tokenizer.h"

namespace ng {

// F1 scores in [0, 1] (CoNLL 2018 definitions).
struct TokenizationScore {
  double tokens_f1 = 0.0;     // surface tokens ("don't" is one) with identical spans
  double sentences_f1 = 0.0;  // sentences with identical spans
  double words_f1 = 0.0;      // syntactic words aligned (see evaluate_tokenization)
};

struct TokenizationEvaluation {
  TokenizationScore score;
  // The raw text (Document::text) with the system's tokens and sentences, so
  // the caller can run the tagger/parser on it. doc.tokens[i] is system word i.
  Document doc;
  // Aligned (gold word index, system word index) pairs in increasing order.
  // Gold words are numbered 0.. across all sentences in file order (empty
  // nodes excluded); gold_first_word says where each gold sentence starts.
  std::vector<std::pair<int, int>> aligned;
  std::vector<int> gold_first_word;  // per gold sentence; plus a final entry = word count
  // Raw counts behind the scores.
  int gold_tokens = 0, system_tokens = 0, matched_tokens = 0;
  int gold_sentences = 0, system_sentences = 0, matched_sentences = 0;
  int gold_words = 0, system_words = 0;  // aligned words: aligned.size()
};

// The raw text of `gold`, built as the CoNLL 2018 task did: each sentence's
// "# text" (or its forms joined by SpaceAfter when "# text" is absent);
// sentences of one paragraph joined by a space; a new paragraph ("# newpar")
// or document ("# newdoc") starts after "\n\n". Files without any newpar
// marker get one paragraph per document.
std::string conll18_raw_text(const std::vector<ConlluSentence>& gold);

// Tokenizes conll18_raw_text(gold) with `tokenizer` and scores it. Gold
// tokens (multiword tokens count once) are located in the raw text in order,
// ignoring white space; a gold word gets the span of its token. System
// tokens are groups of words joined by TokenizedWord::joined_next. Words are
// aligned as conll18_ud_eval.py does: outside multiword tokens by identical
// span; where either side has a multiword token, by the longest common
// subsequence of lower-cased forms over the overlapping region. Throws
// ng::Error naming the sentence (sent_id or number) when a gold form cannot
// be found in its "# text".
TokenizationEvaluation evaluate_tokenization(const std::vector<ConlluSentence>& gold,
                                             const Tokenizer& tokenizer);

}  // namespace ng
