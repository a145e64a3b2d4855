// The file layout and lookup shared by the word tables keyed by 32-bit word
// fingerprints (lexicon/word_clusters.h, lexicon/word_types.h):
//   4-byte magic, u32 version, u32 payload size, u32 word count, then the
//   payload: the count fingerprints in increasing order, each as the LEB128
//   varint of its difference from the previous one, then `value_bytes`
//   bytes per word (same order). Integers little endian.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

// Sorted fingerprints with an index by their top 16 bits.
class FingerprintKeys {
 public:
  // Takes sorted, distinct keys and builds the index.
  void assign(std::vector<uint32_t> keys);
  // The position of key k, or -1.
  int64_t find(uint32_t k) const;
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

 private:
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> bucket_;  // 65,537 offsets into keys_ by the top 16 bits
};

// A table file as read: its keys and the value bytes (value_bytes a word).
struct FingerprintFile {
  std::vector<uint32_t> keys;
  std::string values;
};

// Reads and checks a table file. `what` names the table in errors ("word
// clusters"); `not_ours` is the message for a wrong magic. Throws ng::Error
// "WHAT 'PATH': ..." on any damage.
FingerprintFile read_fingerprint_file(const std::filesystem::path& path, const char (&magic)[4],
                                      uint32_t version, size_t value_bytes, const std::string& what,
                                      const std::string& not_ours);

// Writes a table file: the keys of `table` (fingerprint -> value bytes, all
// of one size) in order. Throws ng::Error "WHAT: cannot write 'PATH'".
void write_fingerprint_file(const std::filesystem::path& path, const char (&magic)[4], uint32_t version,
                            const std::map<uint32_t, std::string>& table, const std::string& what);

}  // namespace ng
