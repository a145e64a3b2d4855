#include "lexicon/word_clusters.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>

#include "core/error.h"

namespace ng {

namespace {

constexpr char kMagic[4] = {'N', 'G', 'W', 'C'};
constexpr uint32_t kVersion = 2;
constexpr size_t kBuckets = 1u << 16;

uint32_t get_u32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(s[at + k]);
  return v;
}

void put_u32(std::string& s, uint32_t v) {
  for (int k = 0; k < 4; ++k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}

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
  auto bad = [&](const std::string& why) {
    return Error("word clusters '" + path.string() + "': " + why);
  };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw bad("cannot read the file");
  std::string file(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(file.data(), static_cast<std::streamsize>(file.size())))
    throw bad("cannot read the file");
  if (file.size() < 16 || std::memcmp(file.data(), kMagic, 4) != 0)
    throw bad("not a word-cluster file (no NGWC header)");
  if (get_u32(file, 4) != kVersion) throw bad("unsupported version");
  const uint32_t raw_size = get_u32(file, 8), count = get_u32(file, 12);
  if (file.size() - 16 != raw_size || raw_size < 3ull * count)
    throw bad("truncated or corrupt payload");
  const std::string_view raw = std::string_view(file).substr(16);
  WordClusters c;
  c.keys_.resize(count);
  c.paths_.resize(count);
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const unsigned char* end = p + raw_size;
  uint64_t key = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t delta = 0;
    for (int shift = 0;; shift += 7) {
      if (p == end || shift > 28) throw bad("corrupt key list");
      delta |= uint64_t(*p & 0x7f) << shift;
      if (!(*p++ & 0x80)) break;
    }
    key += delta;
    if (key > 0xffffffffull || (i > 0 && delta == 0)) throw bad("keys out of order");
    c.keys_[i] = static_cast<uint32_t>(key);
  }
  if (static_cast<size_t>(end - p) != 3ull * count)
    throw bad("word count does not match the header");
  for (uint32_t i = 0; i < count; ++i, p += 3) {
    c.paths_[i] = {static_cast<uint16_t>(p[1] | (p[2] << 8)), p[0]};
    if (p[0] == 0 || p[0] > kMaxDepth) throw bad("bad path length");
  }
  c.bucket_.assign(kBuckets + 1, 0);
  for (uint32_t k : c.keys_) ++c.bucket_[(k >> 16) + 1];
  for (size_t b = 0; b < kBuckets; ++b) c.bucket_[b + 1] += c.bucket_[b];
  return c;
}

ClusterPath WordClusters::find(std::string_view w) const {
  if (keys_.empty()) return {};
  const uint32_t k = fingerprint(w);
  for (uint32_t i = bucket_[k >> 16], e = bucket_[(k >> 16) + 1]; i < e; ++i)
    if (keys_[i] == k) return paths_[i];
  return {};
}

void WordClusters::prefix_string(ClusterPath p, int prefix, std::string& out) {
  out.clear();
  const int n = std::min<int>(prefix, p.length);
  for (int k = 0; k < n; ++k) out.push_back((p.bits >> (15 - k)) & 1 ? '1' : '0');
}

size_t WordClusters::save(const std::filesystem::path& path,
                          const std::vector<std::pair<std::string, ClusterPath>>& words) {
  std::map<uint32_t, ClusterPath> table;
  size_t dropped = 0;
  for (const auto& [w, p] : words) {
    if (p.length == 0 || p.length > kMaxDepth)
      throw Error("word clusters: bad path length for '" + w + "'");
    if (!table.emplace(fingerprint(w), p).second) ++dropped;
  }
  std::string raw;
  uint32_t prev = 0;
  for (const auto& [k, p] : table) {
    for (uint32_t d = k - prev;; d >>= 7) {
      raw.push_back(static_cast<char>((d & 0x7f) | (d >= 0x80 ? 0x80 : 0)));
      if (d < 0x80) break;
    }
    prev = k;
  }
  for (const auto& [k, p] : table) {
    raw.push_back(static_cast<char>(p.length));
    raw.push_back(static_cast<char>(p.bits & 0xff));
    raw.push_back(static_cast<char>(p.bits >> 8));
  }
  std::string file(kMagic, 4);
  put_u32(file, kVersion);
  put_u32(file, static_cast<uint32_t>(raw.size()));
  put_u32(file, static_cast<uint32_t>(table.size()));
  file += raw;
  std::ofstream out(path, std::ios::binary);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) throw Error("word clusters: cannot write '" + path.string() + "'");
  return dropped;
}

}  // namespace ng
