// Compact, versioned binary model files (tagger, parser, NER...).
//
// Layout: 8-byte magic "NGMODEL\0", u32 format version, a kind string
// ("tagger"), u32 kind version, u64 uncompressed payload size, then the
// payload compressed with zlib. The payload is written/read field by field with
// ModelWriter / ModelReader (little-endian, LEB128 varints, length-prefixed
// strings). A reader that sees a wrong magic, kind or version, or a truncated
// payload, throws ng::Error naming the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

class ModelWriter {
 public:
  // kind: what the model is ("tagger"); version: the kind's own format version.
  ModelWriter(std::string kind, uint32_t version);
  void u8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void varint(uint64_t v);
  void svarint(int64_t v) { varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void f32(float v);
  void str(std::string_view s);
  void bytes(const void* data, size_t n) { buf_.append(static_cast<const char*>(data), n); }
  // Compresses and writes the file atomically (temp file + rename). Throws
  // ng::Error when it cannot be written.
  void save(const std::string& path) const;

 private:
  std::string kind_;
  uint32_t version_;
  std::string buf_;
};

class ModelReader {
 public:
  // Loads and decompresses path, checking magic, kind and version.
  ModelReader(const std::string& path, std::string_view kind, uint32_t version);
  uint8_t u8();
  uint64_t varint();
  int64_t svarint() {
    uint64_t u = varint();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  float f32();
  std::string str();
  void bytes(void* out, size_t n);
  bool at_end() const { return pos_ == buf_.size(); }
  const std::string& path() const { return path_; }

 private:
  void need(size_t n);
  std::string path_;
  std::string buf_;
  size_t pos_ = 0;
};

}  // namespace ng
