// Training the part-of-speech tagger (syntax/tagger.h) from CoNLL-U
// treebanks: averaged perceptron, pass 1 then pass 2 on jackknifed pass-1 tags,
// model selection on the dev sets. Deterministic for a given seed (sentence
// order is shuffled with a seeded generator; no other randomness, no threads).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace ng {

struct TaggerTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U training treebanks
  std::vector<std::string> dev_files;    // CoNLL-U dev treebanks (model selection)
  std::string out;                       // where to save the best model
  int iterations = 15;                   // maximum passes over the training data per model
  int patience = 3;                      // stop after this many passes without dev gain
  uint64_t seed = 1;                     // sentence shuffling
  bool two_pass = true;                  // train pass 2 (right context from pass-1 tags)
  int folds = 4;                         // jackknife folds for the pass-1 tags of pass 2
  int lexicon_min_count = 2;             // words seen this often get an ambiguity class
  double lexicon_min_share = 0.01;       // tags below this share of a word are ignored
  std::string clusters;                  // word-cluster table ("" = models/clusters.bin)
};

struct TaggerTrainResult {
  double dev_upos = 0, dev_xpos = 0;     // dev accuracy (percent) of the saved model
  size_t features = 0;                   // features kept in the saved model (both passes)
};

// Trains, printing progress lines to log, and saves the best model to
// opts.out. Throws ng::Error when a file cannot be read or written or has no
// usable sentences.
TaggerTrainResult train_tagger(const TaggerTrainOptions& opts, std::ostream& log);

}  // namespace ng
