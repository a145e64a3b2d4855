// Training the NER model (entities/ner.h) from GUM and UNER.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>


namespace ng {

// Options of `newsgraph train-ner`.
struct NerTrainOptions {
  std::vector<std::string> gum;   // GUM CoNLL-U files with Entity= annotations
  std::vector<std::string> uner;  // UNER IOB2 files (PER/ORG/LOC)
  // EWT CoNLL-U files holding the UNER sentences (matched by sent_id): their
  // UPOS tags are used when no tagger model is given.
  std::vector<std::string> uner_conllu;
  std::string exclude_prefix = "GUM_news_";  // documents left out of training
  std::filesystem::path lexicon_dir;         // "" = data_path("lexicon")
  std::filesystem::path clusters;            // "" = data_path("models/clusters.bin")
  std::string output;                        // model file to write
  int epochs = 8;
  uint32_t seed = 1;  // shuffling seed (training is deterministic)
  // Features whose every averaged weight is below this are dropped (a
  // smaller, faster model).
  float prune = 2.0f;
  // Each GUM sentence is seen this many times per epoch (GUM's conventions
  // are the ones we follow; UNER's differ, e.g. countries are always LOC).
  int gum_weight = 2;
  // Optional tagger model: when set, training uses the tagger's predicted UPOS
  // (as at run time) instead of the gold UPOS.
  std::string tagger_model;
  // Optional parser model (with tagger_model): train on its predicted
  // relations, as at run time, instead of the gold trees.
  std::string parser_model;
  std::vector<std::string> dev;  // CoNLL-U files (GUM format) scored after each epoch
};

// Trains and saves the NER model; progress lines go to log. Deterministic for
// given inputs and seed. Throws ng::Error for unreadable input.
void train_ner(const NerTrainOptions& options, std::ostream& log);

}  // namespace ng
