// Reading the IOB2 files of Universal NER (https://www.universalner.org/):
// per sentence, comment lines ("# newdoc id = ...", "# sent_id = ...",
// "# text = ..."), then one line per token, tab-separated: index, form, BIO tag
// ("O", "B-PER", "I-ORG", ...), then columns that are ignored; a blank line
// ends the sentence.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/document.h"

namespace ng {

struct Iob2Sentence {
  std::string doc_id;              // value of the last "# newdoc id = ..." seen ("" = none)
  bool new_doc = false;            // a "# newdoc" comment precedes this sentence
  std::string sent_id;             // "# sent_id = ..." ("" if absent)
  std::string text;                // "# text = ..." ("" if absent)
  std::vector<std::string> forms;  // the tokens
  std::vector<std::string> tags;   // their BIO tags, as written
};

// Reads a whole file. Throws ng::Error "FILE:LINE: ..." quoting the bad line
// when a token line has fewer than three columns, an empty form, or a tag
// that is not "O", "B-X" or "I-X".
std::vector<Iob2Sentence> read_iob2(const std::string& path);
// The same from a stream; `name` stands for the file in messages.
std::vector<Iob2Sentence> read_iob2(std::istream& in, const std::string& name);

// The sentences as Documents of gold tokens (no re-tokenisation): a new one at
// every "# newdoc" (id = its id, else fallback_id plus a number), each
// sentence one Sentence of its forms joined by single spaces, "\n" between
// sentences. The documents hold Layer::Text, Tokens and Sentences.
// first_sentence (same size as the result) gets the index in sentences of
// each document's first sentence.
std::vector<Document> documents_from_iob2(const std::vector<Iob2Sentence>& sentences,
                                          const std::string& fallback_id,
                                          std::vector<size_t>* first_sentence = nullptr);

}  // namespace ng
