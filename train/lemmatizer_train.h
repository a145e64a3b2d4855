// Training the lemmatizer (syntax/lemmatizer.h) from CoNLL-U treebanks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>


namespace ng {

struct LemmatizerTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U training treebanks
  std::vector<std::string> dev_files;    // CoNLL-U dev treebanks (reported only)
  std::string out;                       // where to save the model
  int max_suffix = 7;                    // longest suffix context, in code points
  int min_types = 2;                     // distinct words a suffix context needs
  int rules_per_context = 3;             // rules kept per suffix context
};

// Learns the case policy, rules and exceptions from the gold lemmas and tags
// of the training files, prints dev accuracy with gold tags to log, saves the
// model. Deterministic. Throws ng::Error when a file cannot be read/written.
void train_lemmatizer(const LemmatizerTrainOptions& opts, std::ostream& log);

}  // namespace ng
