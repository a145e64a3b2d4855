#include "lexicon/fingerprint_table.h"

#include <cstring>
#include <fstream>

#include "core/error.h"

namespace ng {

namespace {

constexpr size_t kKeyBuckets = 1u << 16;

uint32_t read_u32_le(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(s[at + k]);
  return v;
}

void append_u32_le(std::string& s, uint32_t v) {
  for (int k = 0; k < 4; ++k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}

}  // namespace

void FingerprintKeys::assign(std::vector<uint32_t> keys) {
  keys_ = std::move(keys);
  bucket_.assign(kKeyBuckets + 1, 0);
  for (uint32_t k : keys_) ++bucket_[(k >> 16) + 1];
  for (size_t b = 0; b < kKeyBuckets; ++b) bucket_[b + 1] += bucket_[b];
}

int64_t FingerprintKeys::find(uint32_t k) const {
  if (keys_.empty()) return -1;
  for (uint32_t i = bucket_[k >> 16], e = bucket_[(k >> 16) + 1]; i < e; ++i)
    if (keys_[i] == k) return i;
  return -1;
}

FingerprintFile read_fingerprint_file(const std::filesystem::path& path, const char (&magic)[4],
                                      uint32_t version, size_t value_bytes, const std::string& what,
                                      const std::string& not_ours) {
  auto bad = [&](const std::string& why) { return Error(what + " '" + path.string() + "': " + why); };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw bad("cannot read the file");
  std::string file(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(file.data(), static_cast<std::streamsize>(file.size()))) throw bad("cannot read the file");
  if (file.size() < 16 || std::memcmp(file.data(), magic, 4) != 0) throw bad(not_ours);
  if (read_u32_le(file, 4) != version) throw bad("unsupported version");
  const uint32_t raw_size = read_u32_le(file, 8), count = read_u32_le(file, 12);
  if (file.size() - 16 != raw_size || raw_size < (value_bytes + 1) * uint64_t{count})
    throw bad("truncated or corrupt payload");
  FingerprintFile f;
  f.keys.resize(count);
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
    f.keys[i] = static_cast<uint32_t>(key);
  }
  if (static_cast<size_t>(end - p) != value_bytes * count) throw bad("word count does not match the header");
  f.values.assign(reinterpret_cast<const char*>(p), static_cast<size_t>(end - p));
  return f;
}

void write_fingerprint_file(const std::filesystem::path& path, const char (&magic)[4], uint32_t version,
                            const std::map<uint32_t, std::string>& table, const std::string& what) {
  std::string raw;
  uint32_t prev = 0;
  for (const auto& [k, v] : table) {
    for (uint32_t d = k - prev;; d >>= 7) {
      raw.push_back(static_cast<char>((d & 0x7f) | (d >= 0x80 ? 0x80 : 0)));
      if (d < 0x80) break;
    }
    prev = k;
  }
  for (const auto& [k, v] : table) raw += v;
  std::string file(magic, 4);
  append_u32_le(file, version);
  append_u32_le(file, static_cast<uint32_t>(raw.size()));
  append_u32_le(file, static_cast<uint32_t>(table.size()));
  file += raw;
  std::ofstream out(path, std::ios::binary);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) throw Error(what + ": cannot write '" + path.string() + "'");
}

}  // namespace ng
