#include "lexicon/word_clusters.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "lexicon/fingerprint_table.h"

namespace ng {

namespace {

constexpr char kClustersMagic[4] = {'N', 'G', 'W', 'C'};
constexpr uint32_t kClustersVersion = 2;

}  // namespace

uint32_t WordClusters::fingerprint(std::string_view word) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a, folded to 32 bits
  for (unsigned char c : word) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<uint32_t>(h ^ (h >> 32));
}

WordClusters WordClusters::load(const std::filesystem::path& path) {
  FingerprintFile f = read_fingerprint_file(path, kClustersMagic, kClustersVersion, 3, "word clusters",
                                            "not a word-cluster file (no NGWC header)");
  WordClusters c;
  c.paths_.resize(f.keys.size());
  const auto* p = reinterpret_cast<const unsigned char*>(f.values.data());
  for (size_t i = 0; i < f.keys.size(); ++i, p += 3) {
    c.paths_[i] = {static_cast<uint16_t>(p[1] | (p[2] << 8)), p[0]};
    if (p[0] == 0 || p[0] > kMaxDepth)
      throw Error("word clusters '" + path.string() + "': bad path length");
  }
  c.keys_.assign(std::move(f.keys));
  return c;
}

ClusterPath WordClusters::find(std::string_view w) const {
  const int64_t i = keys_.find(fingerprint(w));
  return i < 0 ? ClusterPath{} : paths_[static_cast<size_t>(i)];
}

void WordClusters::prefix_string(ClusterPath p, int prefix, std::string& out) {
  out.clear();
  const int n = std::min<int>(prefix, p.length);
  for (int k = 0; k < n; ++k) out.push_back((p.bits >> (15 - k)) & 1 ? '1' : '0');
}

size_t WordClusters::save(const std::filesystem::path& path,
                          const std::vector<std::pair<std::string, ClusterPath>>& words) {
  std::map<uint32_t, std::string> table;
  size_t dropped = 0;
  for (const auto& [w, p] : words) {
    if (p.length == 0 || p.length > kMaxDepth)
      throw Error("word clusters: bad path length for '" + w + "'");
    const char bytes[3] = {static_cast<char>(p.length), static_cast<char>(p.bits & 0xff),
                           static_cast<char>(p.bits >> 8)};
    if (!table.emplace(fingerprint(w), std::string(bytes, 3)).second) ++dropped;
  }
  write_fingerprint_file(path, kClustersMagic, kClustersVersion, table, "word clusters");
  return dropped;
}

}  // namespace ng
