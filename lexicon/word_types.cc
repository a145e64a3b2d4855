#include "lexicon/word_types.h"

#include <cstring>
#include <fstream>
#include <map>

#include "core/error.h"
#include "lexicon/word_clusters.h"

namespace ng {

namespace {

constexpr char kMagic[4] = {'N', 'G', 'W', 'T'};
constexpr uint32_t kVersion = 1;
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

WordTypes WordTypes::load(const std::filesystem::path& path) {
  auto bad = [&](const std::string& why) {
    return Error("word types '" + path.string() + "': " + why);
  };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw bad("cannot read the file");
  std::string file(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(file.data(), static_cast<std::streamsize>(file.size())))
    throw bad("cannot read the file");
  if (file.size() < 16 || std::memcmp(file.data(), kMagic, 4) != 0)
    throw bad("not a word-type file (no NGWT header)");
  if (get_u32(file, 4) != kVersion) throw bad("unsupported version");
  const uint32_t raw_size = get_u32(file, 8), count = get_u32(file, 12);
  if (file.size() - 16 != raw_size || raw_size < 2ull * count)
    throw bad("truncated or corrupt payload");
  WordTypes t;
  t.keys_.resize(count);
  const auto* p = reinterpret_cast<const unsigned char*>(file.data() + 16);
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
    t.keys_[i] = static_cast<uint32_t>(key);
  }
  if (static_cast<size_t>(end - p) != count) throw bad("word count does not match the header");
  t.values_.assign(p, end);
  for (uint8_t v : t.values_)
    if (v >> 6) throw bad("bad type byte");
  t.bucket_.assign(kBuckets + 1, 0);
  for (uint32_t k : t.keys_) ++t.bucket_[(k >> 16) + 1];
  for (size_t b = 0; b < kBuckets; ++b) t.bucket_[b + 1] += t.bucket_[b];
  return t;
}

WordType WordTypes::find(std::string_view w) const {
  if (keys_.empty()) return {};
  const uint32_t k = WordClusters::fingerprint(w);
  for (uint32_t i = bucket_[k >> 16], e = bucket_[(k >> 16) + 1]; i < e; ++i)
    if (keys_[i] == k)
      return {static_cast<uint8_t>(values_[i] & 3), static_cast<uint8_t>(values_[i] >> 2), true};
  return {};
}

size_t WordTypes::save(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, WordType>>& words) {
  std::map<uint32_t, uint8_t> table;
  size_t dropped = 0;
  for (const auto& [w, t] : words) {
    if (t.kind > 3 || t.confidence > 15) throw Error("word types: bad type for '" + w + "'");
    const uint8_t byte = static_cast<uint8_t>(t.kind | (t.confidence << 2));
    if (!table.emplace(WordClusters::fingerprint(w), byte).second) ++dropped;
  }
  std::string raw;
  uint32_t prev = 0;
  for (const auto& [k, v] : table) {
    for (uint32_t d = k - prev;; d >>= 7) {
      raw.push_back(static_cast<char>((d & 0x7f) | (d >= 0x80 ? 0x80 : 0)));
      if (d < 0x80) break;
    }
    prev = k;
  }
  for (const auto& [k, v] : table) raw.push_back(static_cast<char>(v));
  std::string file(kMagic, 4);
  put_u32(file, kVersion);
  put_u32(file, static_cast<uint32_t>(raw.size()));
  put_u32(file, static_cast<uint32_t>(table.size()));
  file += raw;
  std::ofstream out(path, std::ios::binary);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) throw Error("word types: cannot write '" + path.string() + "'");
  return dropped;
}

}  // namespace ng
