#include "lexicon/word_types.h"

#include <map>

#include "core/error.h"
#include "lexicon/fingerprint_table.h"
#include "lexicon/word_clusters.h"

namespace ng {

namespace {

constexpr char kTypesMagic[4] = {'N', 'G', 'W', 'T'};
constexpr uint32_t kTypesVersion = 1;

}  // namespace

WordTypes WordTypes::load(const std::filesystem::path& path) {
  FingerprintFile f = read_fingerprint_file(path, kTypesMagic, kTypesVersion, 1, "word types",
                                            "not a word-type file (no NGWT header)");
  WordTypes t;
  t.values_.assign(f.values.begin(), f.values.end());
  for (uint8_t v : t.values_)
    if (v >> 6) throw Error("word types '" + path.string() + "': bad type byte");
  t.keys_.assign(std::move(f.keys));
  return t;
}

WordType WordTypes::find(std::string_view w) const {
  const int64_t i = keys_.find(WordClusters::fingerprint(w));
  if (i < 0) return {};
  const uint8_t v = values_[static_cast<size_t>(i)];
  return {static_cast<uint8_t>(v & 3), static_cast<uint8_t>(v >> 2), true};
}

size_t WordTypes::save(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, WordType>>& words) {
  std::map<uint32_t, std::string> table;
  size_t dropped = 0;
  for (const auto& [w, t] : words) {
    if (t.kind > 3 || t.confidence > 15) throw Error("word types: bad type for '" + w + "'");
    const char byte = static_cast<char>(t.kind | (t.confidence << 2));
    if (!table.emplace(WordClusters::fingerprint(w), std::string(1, byte)).second) ++dropped;
  }
  write_fingerprint_file(path, kTypesMagic, kTypesVersion, table, "word types");
  return dropped;
}

}  // namespace ng
