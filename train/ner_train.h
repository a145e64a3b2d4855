// Training the NER model (entities/ner.h) from GUM and UNER.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "entities/ner.h"

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
  std::filesystem::path word_types;          // "" = data_path("models/word_types.bin")
  std::string output;                        // model file to write
  int epochs = 8;
  uint32_t seed = 1;  // shuffling seed (training is deterministic)
  // Runs averaged into the model, with seeds seed, seed + 1, ... (their mean
  // is a model that depends less on one sentence order).
  int ensemble = 1;
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

// Fills o.gum, o.uner (when both are empty) and o.uner_conllu (when empty)
// with train-ner's default files under data_dir: GUM train and dev, UNER EWT
// dev and its EWT CoNLL-U (never a test split). Throws ng::Error when a GUM
// file is missing.
void default_ner_data(NerTrainOptions& o, const std::filesystem::path& data_dir);

// A training sentence of train-ner: its words and gold names (PER, ORG,
// PLACE, EVENT as ner_internal::SpanType).
struct GoldSentence {
  std::vector<std::string> forms;
  std::vector<ner_internal::LabelSpan> names;
};

// The sentences train-ner learns from (o.gum and o.uner, documents with
// o.exclude_prefix left out), as it reads them. Throws ng::Error for
// unreadable input.
std::vector<GoldSentence> read_ner_training(const NerTrainOptions& o, std::ostream& log);

// Trains and saves the NER model; progress lines go to log. Deterministic for
// given inputs and seed. Throws ng::Error for unreadable input.
void train_ner(const NerTrainOptions& options, std::ostream& log);

}  // namespace ng
