// Word clusters (models/clusters.bin): each word of a large English
// vocabulary has a path in a binary tree of clusters, derived by bisecting
// k-means from distributional word vectors (see train/cluster_train.h and
// scripts/train-clusters.sh). Words that are used alike (cities, given names,
// company names, verbs of saying) share long path prefixes, so a feature over
// a prefix generalises from the treebanks' words to words they never saw, as
// Brown-cluster prefixes do.
//
// File: "NGWC", u32 version (1), u32 payload size, u32 word count, then the
// zlib-compressed payload: u32 count; count records of (u8 path length, u16
// path bits, MSB first, little endian); the words, lower-cased and
// accent-folded, each ended by '\n', in byte order. Loading inflates it once
// and indexes the word starts; a lookup is a binary search.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

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
  size_t size() const { return paths_.size(); }
  bool empty() const { return paths_.empty(); }

  // Writes a table (words must be unique; any order) in the format above.
  static void save(const std::filesystem::path& path,
                   std::vector<std::pair<std::string, ClusterPath>> words);

 private:
  std::string text_;               // the words, each ended by '\n', sorted
  std::vector<uint32_t> starts_;   // offset of each word in text_, plus text_.size()
  std::vector<ClusterPath> paths_;
  std::string_view word(size_t i) const {
    return std::string_view(text_).substr(starts_[i], starts_[i + 1] - starts_[i] - 1);
  }
};

}  // namespace ng
