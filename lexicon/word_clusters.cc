#include "lexicon/word_clusters.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/error.h"

namespace ng {

namespace {

constexpr char kMagic[4] = {'N', 'G', 'W', 'C'};
constexpr uint32_t kVersion = 1;

uint32_t get_u32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(s[at + k]);
  return v;
}

void put_u32(std::string& s, uint32_t v) {
  for (int k = 0; k < 4; ++k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}

}  // namespace

WordClusters WordClusters::load(const std::filesystem::path& path) {
  auto bad = [&](const std::string& why) {
    return Error("word clusters '" + path.string() + "': " + why);
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad("cannot read the file");
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < 16 || std::memcmp(file.data(), kMagic, 4) != 0)
    throw bad("not a word-cluster file (no NGWC header)");
  if (get_u32(file, 4) != kVersion) throw bad("unsupported version");
  const uint32_t raw_size = get_u32(file, 8), count = get_u32(file, 12);
  WordClusters c;
  std::string raw(raw_size, '\0');
  uLongf dlen = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &dlen,
                 reinterpret_cast<const Bytef*>(file.data() + 16), file.size() - 16) != Z_OK ||
      dlen != raw_size || raw_size < 4 + 3ull * count || get_u32(raw, 0) != count)
    throw bad("corrupt payload");
  c.paths_.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    const size_t at = 4 + 3ull * i;
    c.paths_[i].length = static_cast<uint8_t>(raw[at]);
    c.paths_[i].bits = static_cast<uint16_t>(static_cast<unsigned char>(raw[at + 1]) |
                                             (static_cast<unsigned char>(raw[at + 2]) << 8));
    if (c.paths_[i].length == 0 || c.paths_[i].length > kMaxDepth) throw bad("bad path length");
  }
  c.text_ = raw.substr(4 + 3ull * count);
  c.starts_.reserve(count + 1);
  c.starts_.push_back(0);
  for (size_t i = 0; i < c.text_.size(); ++i)
    if (c.text_[i] == '\n') c.starts_.push_back(static_cast<uint32_t>(i + 1));
  if (c.starts_.size() != count + 1u || (count && c.text_.back() != '\n'))
    throw bad("word count does not match the header");
  return c;
}

ClusterPath WordClusters::find(std::string_view w) const {
  size_t lo = 0, hi = paths_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const int cmp = word(mid).compare(w);
    if (cmp == 0) return paths_[mid];
    if (cmp < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return {};
}

void WordClusters::prefix_string(ClusterPath p, int prefix, std::string& out) {
  out.clear();
  const int n = std::min<int>(prefix, p.length);
  for (int k = 0; k < n; ++k) out.push_back((p.bits >> (15 - k)) & 1 ? '1' : '0');
}

void WordClusters::save(const std::filesystem::path& path,
                        std::vector<std::pair<std::string, ClusterPath>> words) {
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string raw;
  put_u32(raw, static_cast<uint32_t>(words.size()));
  for (const auto& [w, p] : words) {
    raw.push_back(static_cast<char>(p.length));
    raw.push_back(static_cast<char>(p.bits & 0xff));
    raw.push_back(static_cast<char>(p.bits >> 8));
  }
  for (const auto& [w, p] : words) {
    if (w.empty() || w.find('\n') != std::string::npos)
      throw Error("word clusters: bad word '" + w + "'");
    raw += w;
    raw.push_back('\n');
  }
  uLongf clen = compressBound(raw.size());
  std::string comp(clen, '\0');
  if (compress2(reinterpret_cast<Bytef*>(comp.data()), &clen,
                reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9) != Z_OK)
    throw Error("word clusters: cannot compress '" + path.string() + "'");
  std::string file(kMagic, 4);
  put_u32(file, kVersion);
  put_u32(file, static_cast<uint32_t>(raw.size()));
  put_u32(file, static_cast<uint32_t>(words.size()));
  file.append(comp.data(), clen);
  std::ofstream out(path, std::ios::binary);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) throw Error("word clusters: cannot write '" + path.string() + "'");
}

}  // namespace ng
