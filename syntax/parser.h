// Labelled dependency parser producing Universal Dependencies relations.
//
// Method: greedy transition-based parsing (arc-hybrid system with joint
// labelled transitions), scored by an averaged perceptron over rich feature
// templates (Zhang & Nivre 2011: words/tags of the stack and buffer, their
// leftmost/rightmost children and labels, valency, distance, label sets),
// trained with a dynamic oracle and exploration (Goldberg & Nivre 2013) on
// CoNLL-U treebanks. Features are hashed into a flat weight table; a model is
// a few MB (models/parser.bin, written with model_io).
//
// Input per word: form, upos and xpos (lemma is not used). Output per word: a
// head and a UD deprel. Every parse is a single-rooted tree: exactly one word
// has head -1 and deprel "root"; there are no cycles. Non-projective trees are
// not produced.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/stage.h"
#include "io/conllu.h"

namespace ng {

struct ParserModel;  // weights + label set; defined in parser.cc

class Parser : public Stage {
 public:
  // Loads a model; the default is data_path("models/parser.bin"). Throws
  // ng::Error naming the file when it is missing or not a parser model.
  Parser();
  explicit Parser(const std::string& model_path);
  ~Parser() override;
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;

  std::string_view name() const override { return "parser"; }

  // For each sentence of doc: fills Token::head (document-global index, -1 =
  // root) and Token::deprel, reading Token::form/upos/xpos. Sentences with no
  // tokens are skipped. Const and thread-safe.
  void process(Document& doc) const override;

  // Parses one sentence held in tokens[0..n): sets tokens[i].head to
  // base + (0-based index of the head in the sentence), or -1 for the root,
  // and tokens[i].deprel. process() calls it with base = Sentence::first;
  // evaluation code calls it on a vector<Token> built from a CoNLL-U sentence
  // with base = 0 (so head == ConlluWord::head - 1). Thread-safe.
  void parse(Token* tokens, int n, int base = 0) const;

 private:
  std::unique_ptr<ParserModel> model_;
};

// Repairs of structures UD never has, applied by Parser::parse to its output:
//  - a preposition with dependents ("met on Monday with<-appos- X"): the
//    first noun after it takes the preposition's place (obl under a verb,
//    nmod elsewhere) and the preposition becomes its case marker;
//  - "the visit of X ... was", "the meeting between X and Y lasted" read as
//    a clause marked by "of/between/with" with X as subject: X becomes the
//    noun's modifier and the noun the verb's subject;
//  - a subject or object with a preposition becomes an oblique;
//  - a subordinating conjunction as an argument becomes a marker;
//  - "In a meeting with X, Y said": a subjectless verb after ", Name" hung
//    as an apposition takes that name as its subject.
// tokens[0..n) is one sentence; heads are base-relative as in Parser::parse.
void repair_parse(Token* tokens, int n, int base);

// "Ana M. Ruiz, Jr. spoke": a generational suffix (Jr., Sr., II, III, IV)
// after a comma becomes a flat part of the name before it; when the parser
// took the suffix for a verb's subject and hung that verb under the name,
// the verb takes the name's place and the name the subject role. Same
// arguments as repair_parse.
void repair_name_suffix(Token* tokens, int n, int base);

// "Today, President Ana Ruiz hosted X": a sentence-initial "today",
// "yesterday", "tonight" or "tomorrow" taken for the root, with the verb
// hung under the name after it, gives the root to the verb (the first
// finite verb, or a participle with an object, under the root through
// nominals); the time word becomes its obl:tmod, the root's other
// dependents move to the verb, and the nominal the verb hung on becomes its
// subject when it has none. Same arguments as repair_parse.
void repair_temporal_root(Token* tokens, int n, int base);

// "a meeting between A, claiming to represent X, and B": "and B" hung as a
// conjunct of a word inside the comma-delimited interruption becomes a
// conjunct of A, the noun marked by "between" (which has none). Same
// arguments as repair_parse.
void repair_between_interrupted(Token* tokens, int n, int base);

// "officials from A, B and C met": a list after a preposition, split by
// the parser so that "B and C" became the verb's subject while A stayed in
// the phrase ("officials<-obl- from A", "B<-nsubj- met"): B becomes a
// conjunct of A (with B's own conjuncts), and the noun the phrase modifies
// takes B's place as the subject. Only when that noun hangs on the same
// verb without a preposition of its own, so "In Paris, A and B met" is
// left alone. Same arguments as repair_parse.
void repair_split_list(Token* tokens, int n, int base);

// "President A B and Chinese President C D met": a name hung as a flat
// part or an apposition of the name before it, across a coordinator that
// belongs to it, becomes that name's conjunct. Same arguments as
// repair_parse.
void repair_flat_across_cc(Token* tokens, int n, int base);

// "where on Sunday Presidents A of X and B of Y signed": a weekday that
// took the name after it as its flat part hands its place (subject, object)
// to that name, or, when it is a time oblique of a later verb without a
// subject, makes the name that subject; the weekday becomes a temporal
// oblique of the same head ("on" its case marker). A plural title before
// the name ("Presidents", by its lemma) modifies the name. Same arguments
// as repair_parse.
void repair_weekday_before_name(Token* tokens, int n, int base);

// "A of X and B of Y": a name B with an "of" phrase, hung as a conjunct of
// the place X of the parallel phrase "A of X", becomes A's conjunct. Same
// arguments as repair_parse.
void repair_parallel_of(Token* tokens, int n, int base);

// "claimed the nominee "has a backbone"", "said voters "don't deserve"": a
// verb's noun object right before its finite clausal complement (ccomp)
// that has no subject of its own is that clause's subject. Same arguments
// as repair_parse.
void repair_object_before_clause(Token* tokens, int n, int base);

// Attachment scores, CoNLL 2018 definitions: every word counts (punctuation
// included); LAS compares the universal part of the deprel ("obl:tmod" ==
// "obl"); UAS compares heads only.
struct AttachmentScore {
  long words = 0;          // words scored
  long head_correct = 0;   // words with the right head
  long label_correct = 0;  // words with the right head and universal deprel
  double uas() const { return words ? 100.0 * head_correct / words : 0.0; }
  double las() const { return words ? 100.0 * label_correct / words : 0.0; }
};

// Parses every sentence of gold (gold tokenization) and scores it against the
// gold trees. When tagger is non-null it first retags each sentence (it is
// given a one-sentence Document whose tokens carry only form and offsets into
// a text made of the forms joined by spaces), so the score is with predicted
// tags; otherwise the gold upos/xpos are used.
AttachmentScore evaluate_parser(const Parser& parser, const std::vector<ConlluSentence>& gold,
                                const Stage* tagger = nullptr);


}  // namespace ng
