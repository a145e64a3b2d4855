// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
// Used for training and evaluating the tagger, lemmatizer and parser, and by
// `newsgraph analyze --format conllu`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/document.h"

namespace ng {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  int head = 0;            // 1-based index of the head word in the sentence; 0 = root
  std::string deprel;      // basic UD relation ("nsubj", "obl:tmod")
  std::string misc;        // MISC column ("_" when empty)
};

// A multiword token line ("1-2 don't"): words [first, last] (1-based, inclusive).
struct ConlluMultiword {
  int first = 0, last = 0;
  std::string form;
  std::string misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;   // every "# ..." line, without "# "
  std::string text;                    // value of "# text = ..." ("" if absent)
  std::string doc_id;                  // value of the last "# newdoc id = ..." seen
  bool new_doc = false;                // a "# newdoc" comment precedes this sentence
  bool new_par = false;                // a "# newpar" comment precedes this sentence
  std::vector<ConlluWord> words;       // syntactic words (empty nodes "8.1" skipped)
  std::vector<ConlluMultiword> multiwords;
};

// Reads a whole CoNLL-U file. Throws ng::Error "FILE:LINE: ..." quoting the
// bad line when a line does not have 10 columns or has a bad ID/HEAD.
std::vector<ConlluSentence> read_conllu(const std::string& path);

// Writes doc's sentences as CoNLL-U: "# newdoc id", "# sent_id", "# text",
// one line per token, heads converted to sentence-relative 1-based ids; MISC
// carries "TokenRange=begin:end" (UTF-8 byte offsets into doc.text) and
// "SpaceAfter=No" where applicable.
void write_conllu(const Document& doc, std::ostream& out);

}  // namespace ng
