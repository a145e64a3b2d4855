// CoNLL-U reading and writing (https://universaldependencies.org/format.html),
// and the one conversion of CoNLL-U sentences into Documents. Used for
// training and evaluating the tagger, lemmatizer and parser, by `newsgraph
// analyze --format conllu`, and by every command given --conllu (analysed
// CoNLL-U as input: the pipeline then starts after the parser).
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
// The same from a stream; `name` stands for the file in messages.
std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& name);

// The sentence's words as Tokens: form, lemma, tags and relation copied,
// head made 0-based within the sentence (-1 = root); no byte offsets.
std::vector<Token> tokens_from_conllu(const ConlluSentence& sentence);

// The sentence's text as CoNLL 2018 rebuilds it: the forms of its tokens
// (a multiword token's surface form for its words), a space after each
// except where MISC says SpaceAfter=No and after the last.
std::string text_from_forms(const ConlluSentence& sentence);

// How CoNLL-U sentences become a Document.
struct ConlluConversion {
  // true: the text follows SpaceAfter and multiword tokens (text_from_forms;
  // a multiword token's words share its byte range unless their forms spell
  // it); false: every word is followed by one space (gold tokenization for
  // scoring, whatever the original spacing).
  bool space_after = true;
  // true: copy lemma, tags, heads and relations (analysed or gold input);
  // false: forms only, for the stages to analyse.
  bool annotation = true;
};

// Appends the sentence to doc as one Sentence ("\n" between sentences),
// with tokens whose offsets point into doc.text and document-global heads;
// updates doc.body_end.
void append_conllu_sentence(Document& doc, const ConlluSentence& sentence,
                            const ConlluConversion& how);

// The sentences as Documents: a new one at every "# newdoc" (id = its
// "newdoc id", else fallback_id), or all in one when split_documents is
// false (id = fallback_id). The documents hold Layer::Text, Tokens and
// Sentences, plus Tags, Lemmas and Parse when how.annotation.
std::vector<Document> documents_from_conllu(const std::vector<ConlluSentence>& sentences,
                                            const std::string& fallback_id,
                                            const ConlluConversion& how = {},
                                            bool split_documents = true);

// Writes doc's sentences as CoNLL-U: "# newdoc id", "# sent_id", "# text",
// one line per token, heads converted to sentence-relative 1-based ids; MISC
// carries "TokenRange=begin:end" (UTF-8 byte offsets into doc.text) and
// "SpaceAfter=No" where applicable.
void write_conllu(const Document& doc, std::ostream& out);

}  // namespace ng
