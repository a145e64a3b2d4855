// newsgraph train-ner: trains the named-entity model (models/ner.bin) from
// GUM (CorefUD Entity= annotations) and UNER EWT dev (never a test split).
// Deterministic for a given --seed; documents whose id starts with --exclude
// (default GUM_news_, the evaluation set) are left out. With no data flags it
// uses ../shared/data. The features read models/clusters.bin, models/word_types.bin
// and lexicon/.
// The shipped model (UPOS from the tagger as at run time, gold trees, which
// measured better than predicted ones) comes from:
//
//   newsgraph train-ner --tagger models/tagger.bin --seed 1 --ensemble 5 --output models/ner.bin
//
// (the mean of five runs, seeds 1-5, so that no one sentence order decides;
// see README "Training").
#include <iostream>

#include "cli/command.h"
#include "core/error.h"
#include "entities/ner.h"
#include "train/ner_train.h"

namespace ng::cli {
namespace {

void setup(CLI::App& app) {
  auto o = std::make_shared<NerTrainOptions>();
  auto shared = std::make_shared<std::string>("../shared/data");
  auto* cmd = app.add_subcommand(
      "train-ner",
      "Train the named-entity model (averaged perceptron, BILOU) from GUM and UNER EWT");
  cmd->add_option("--gum", o->gum,
                  "GUM CoNLL-U files with Entity= annotations "
                  "(default: DATA/gum-cc-by/gum-cc-by-{train,dev}.conllu)");
  cmd->add_option("--uner", o->uner,
                  "UNER IOB2 files (default: DATA/uner-english-ewt/en_ewt-ud-dev.iob2; the test "
                  "split is kept for evaluation)");
  cmd->add_option("--uner-conllu", o->uner_conllu,
                  "EWT CoNLL-U files giving gold UPOS for the UNER sentences "
                  "(default: DATA/ud-english-ewt/en_ewt-ud-dev.conllu)");
  cmd->add_option("--data", *shared, "Directory holding the corpora (default ../shared/data)");
  cmd->add_option("--dev", o->dev, "GUM CoNLL-U files scored after each epoch (not trained on)");
  cmd->add_option("--exclude", o->exclude_prefix,
                  "Leave out documents whose id starts with this prefix (default GUM_news_)");
  cmd->add_option("--tagger", o->tagger_model,
                  "Tagger model: train on its predicted UPOS (as at run time) instead of gold");
  cmd->add_option("--parser", o->parser_model,
                  "Parser model (with --tagger): train on its predicted relations instead of gold");
  cmd->add_option("--lexicons", o->lexicon_dir, "Lexicon directory (default lexicon)");
  cmd->add_option("--clusters", o->clusters,
                  "Word-cluster table (default models/clusters.bin; see train-clusters)");
  cmd->add_option("--word-types", o->word_types,
                  "Word-type prior read by the features (default models/word_types.bin)");
  cmd->add_option("--epochs", o->epochs, "Training epochs (default 8)")->check(CLI::Range(1, 100));
  cmd->add_option("--seed", o->seed, "Shuffling seed (default 1)");
  cmd->add_option("--ensemble", o->ensemble,
                  "Training runs averaged into the model, seeds --seed, --seed + 1, ... (default 1)")
      ->check(CLI::Range(1, 32));
  cmd->add_option("--gum-weight", o->gum_weight,
                  "Times each GUM sentence is seen per epoch (default 2)")
      ->check(CLI::Range(1, 10));
  cmd->add_option("--prune", o->prune,
                  "Drop features whose averaged weights are all below this (default 2)");
  cmd->add_option("-o,--output", o->output, "Model file to write")->required();
  cmd->callback([o, shared]() {
    default_ner_data(*o, *shared);
    train_ner(*o, std::cerr);
  });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
