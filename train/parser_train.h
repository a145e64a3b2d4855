// Training the dependency parser (syntax/parser.h) from CoNLL-U treebanks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/stage.h"

namespace ng {

struct ParserTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U training treebanks
  std::vector<std::string> dev_files;    // CoNLL-U dev treebanks (model selection)
  std::string out;                       // where to save the best model
  int iterations = 15;                   // passes over the training data
  uint64_t seed = 1;                     // shuffling and exploration (reproducible)
  // When non-null, the dev sentences are retagged (upos/xpos) with this
  // tagger, and so are the training sentences unless jackknife_folds > 0, so
  // the parser learns from predicted tags as at run time. (Leave null when
  // the files already carry predicted tags.)
  const Stage* tagger = nullptr;
  // > 0: tag the training sentences by jackknifing instead: sentence i is
  // tagged by a one-pass tagger (train_tagger) trained on the sentences of
  // the other folds (i % folds), which makes the training tags as noisy as
  // at run time. Costs `folds` tagger trainings.
  int jackknife_folds = 0;
  int jackknife_iterations = 8;          // passes of each fold tagger (dev-selected)
  // CoNLL-U file caching the jackknifed training tags ("" = no cache): used
  // when it exists and holds the same words, written after jackknifing.
  std::string tag_cache;
  double explore_prob = 0.9;             // prob. of following a wrong prediction once
  int explore_after = 1;                 // iterations with a static path first
  int min_word_count = 2;                // rarer training words are "unknown"
  // Averaged weights with |w| < prune * max |w| are dropped (smaller and
  // faster model; 0.01 loses no measurable accuracy).
  double prune = 0.01;
};

// Trains a parser on opts.train_files, printing one line per iteration with
// the dev UAS/LAS (averaged weights) to log, and saves the model of the best
// dev LAS to opts.out. Deterministic for a given seed. Throws ng::Error when
// a file cannot be read or the model cannot be written.
void train_parser(const ParserTrainOptions& opts, std::ostream& log);

}  // namespace ng
