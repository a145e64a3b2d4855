// Word clusters (models/clusters.bin): each word of a large English
// vocabulary has a path in a binary tree of clusters, derived by bisecting
// k-means from distributional word vectors (see train/cluster_train.h and
// scripts/train-clusters.sh). Words that are used alike (cities, given names,
// company names, verbs of saying) share long path prefixes, so a feature over
// a prefix generalises from the treebanks' words to words they never saw, as
// Brown-cluster prefixes do.
//
// The table holds 32-bit fingerprints of the words, not the words, delta-
// coded: 150,000 words take 0.9 MB, loading is one read and one pass over
// the keys (a few ms, no inflating), and a lookup is a hash, an index into
// 65,536 buckets and a short scan. A word outside the vocabulary shares a
// fingerprint with one inside it about once in 30,000 lookups (it then gets
// that word's cluster: a wrong feature, no error).
//
// File: "NGWC", u32 version (2), u32 payload size, u32 word count, then the
// payload: the count fingerprints in increasing order, each as the LEB128
// varint of its difference from the previous one; then per word (same order)
// u8 path length and u16 path bits (MSB first, little endian). All integers
// little endian.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/fingerprint_table.h"

namespace ng {

// A word's place in the cluster tree: the first `length` bits of `bits`
// (from the most significant one) are the left/right turns from the root.
struct ClusterPath {
  uint16_t bits = 0;
  uint8_t length = 0;  // 0 = the word is not in the table
};

class WordClusters {
 public:
  static constexpr int kMaxDepth = 16;
  WordClusters() = default;
  // Reads path (the format above). Throws ng::Error naming the file when it
  // cannot be read or is malformed.
  static WordClusters load(const std::filesystem::path& path);
  // The path of a lower-cased, accent-folded word; length 0 when unknown.
  ClusterPath find(std::string_view word) const;
  // The first min(prefix, length) bits of p as '0'/'1' characters into out
  // (cleared first); "" for an unknown word.
  static void prefix_string(ClusterPath p, int prefix, std::string& out);
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  // The fingerprint the table stores for a word.
  static uint32_t fingerprint(std::string_view word);

  // Writes a table in the format above. words must be unique; when two
  // share a fingerprint, the one that comes first in the vector is kept (put
  // the frequent words first). Returns the number of words dropped so.
  static size_t save(const std::filesystem::path& path,
                     const std::vector<std::pair<std::string, ClusterPath>>& words);

 private:
  FingerprintKeys keys_;              // sorted fingerprints (lexicon/fingerprint_table.h)
  std::vector<ClusterPath> paths_;    // paths_[i] belongs to key i
};

}  // namespace ng
