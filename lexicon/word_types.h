// Word-type prior (models/word_types.bin): for each word of a large English
// vocabulary, the kind of name it most likely belongs to (a person's, an
// organisation's, a place's, or none) and how sure of it a classifier over
// its distributional word vector was (see train/word_type_train.h and
// scripts/train-word-types.sh). The NER reads it after its model, for
// names the model left untyped or typed by a gazetteer word alone
// (ner_internal::type_by_word_prior, type_by_given_name): a surname the
// treebanks never saw gets the type of the words its vector resembles,
// which word clusters (grouping by topic) do not give.
//
// Stored like the word clusters (lexicon/word_clusters.h): 32-bit
// fingerprints of the words (WordClusters::fingerprint), sorted and
// delta-coded, and one byte per word; 150,000 words take about 0.5 MB.
//
// File: "NGWT", u32 version (1), u32 payload size, u32 word count, then the
// payload: the count fingerprints in increasing order, each as the LEB128
// varint of its difference from the previous one; then per word (same order)
// one byte: bits 0-1 the type (0 none, 1 person, 2 organisation, 3 place),
// bits 2-5 the confidence (the classifier's probability of that type, in
// sixteenths, rounded down, at most 15), bits 6-7 zero. Integers little endian.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/fingerprint_table.h"

namespace ng {

struct WordType {
  enum Kind : uint8_t { None = 0, Person = 1, Org = 2, Place = 3 };
  uint8_t kind = None;
  uint8_t confidence = 0;  // 0..15: probability of kind in sixteenths
  bool known = false;      // false: the word is not in the table
};

class WordTypes {
 public:
  WordTypes() = default;
  // Reads path (the format above). Throws ng::Error naming the file when it
  // cannot be read or is malformed.
  static WordTypes load(const std::filesystem::path& path);
  // The type of a lower-cased, accent-folded word; known = false when unknown.
  WordType find(std::string_view word) const;
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  // One letter per kind: '-' none, 'P' person, 'O' organisation, 'L' place.
  static char letter(uint8_t kind) { return "-POL"[kind & 3]; }

  // Writes a table in the format above (known is ignored). words must be
  // unique; when two share a fingerprint, the first is kept (put the frequent
  // words first). Returns the number of words dropped so.
  static size_t save(const std::filesystem::path& path,
                     const std::vector<std::pair<std::string, WordType>>& words);

 private:
  FingerprintKeys keys_;           // sorted fingerprints (lexicon/fingerprint_table.h)
  std::vector<uint8_t> values_;    // values_[i]: the byte of key i
};

}  // namespace ng
