#include "syntax/model_io.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/error.h"

namespace ng {

static constexpr char kMagic[8] = {'N', 'G', 'M', 'O', 'D', 'E', 'L', 0};
static constexpr uint32_t kFormatVersion = 1;

static void put_u32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
static void put_u64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

ModelWriter::ModelWriter(std::string kind, uint32_t version)
    : kind_(std::move(kind)), version_(version) {}

void ModelWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    buf_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  buf_.push_back(static_cast<char>(v));
}

void ModelWriter::f32(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  put_u32(buf_, u);
}

void ModelWriter::str(std::string_view s) {
  varint(s.size());
  buf_.append(s);
}

void ModelWriter::save(const std::string& path) const {
  std::string header(kMagic, 8);
  put_u32(header, kFormatVersion);
  put_u32(header, static_cast<uint32_t>(kind_.size()));
  header += kind_;
  put_u32(header, version_);
  put_u64(header, buf_.size());
  uLongf clen = compressBound(buf_.size());
  std::string comp(clen, '\0');
  if (compress2(reinterpret_cast<Bytef*>(comp.data()), &clen,
                reinterpret_cast<const Bytef*>(buf_.data()), buf_.size(), 9) != Z_OK)
    throw Error("cannot compress model for '" + path + "'");
  comp.resize(clen);
  namespace fs = std::filesystem;
  fs::path target(path);
  std::random_device rd;
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(rd());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << header << comp;
    if (!out) throw Error("cannot write model '" + path + "'");
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("cannot write model '" + path + "': " + ec.message());
  }
}

ModelReader::ModelReader(const std::string& path, std::string_view kind, uint32_t version)
    : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open model '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string file = ss.str();
  auto bad = [&](const std::string& why) { return Error("model '" + path + "': " + why); };
  size_t p = 0;
  auto get_u32 = [&]() {
    if (p + 4 > file.size()) throw bad("truncated header");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(file[p + i])) << (8 * i);
    p += 4;
    return v;
  };
  if (file.size() < 8 || std::memcmp(file.data(), kMagic, 8) != 0)
    throw bad("not a newsgraph model file (bad magic)");
  p = 8;
  if (uint32_t fv = get_u32(); fv != kFormatVersion)
    throw bad("container version " + std::to_string(fv) + ", expected " + std::to_string(kFormatVersion));
  uint32_t klen = get_u32();
  if (p + klen > file.size()) throw bad("truncated header");
  std::string k = file.substr(p, klen);
  p += klen;
  if (k != kind) throw bad("holds a '" + k + "' model, expected '" + std::string(kind) + "'");
  if (uint32_t v = get_u32(); v != version)
    throw bad("'" + k + "' format version " + std::to_string(v) + ", this build reads " +
              std::to_string(version) + " (retrain or update the model)");
  uint64_t size = static_cast<uint64_t>(get_u32());
  size |= static_cast<uint64_t>(get_u32()) << 32;
  buf_.resize(size);
  uLongf dlen = size;
  if (uncompress(reinterpret_cast<Bytef*>(buf_.data()), &dlen,
                 reinterpret_cast<const Bytef*>(file.data() + p), file.size() - p) != Z_OK ||
      dlen != size)
    throw bad("corrupt payload");
}

void ModelReader::need(size_t n) {
  if (pos_ + n > buf_.size()) throw Error("model '" + path_ + "': truncated payload");
}

uint8_t ModelReader::u8() {
  need(1);
  return static_cast<uint8_t>(buf_[pos_++]);
}

uint64_t ModelReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  throw Error("model '" + path_ + "': bad varint");
}

float ModelReader::f32() {
  need(4);
  uint32_t u = 0;
  for (int i = 0; i < 4; ++i) u |= static_cast<uint32_t>(static_cast<unsigned char>(buf_[pos_ + i])) << (8 * i);
  pos_ += 4;
  float v;
  std::memcpy(&v, &u, 4);
  return v;
}

std::string ModelReader::str() {
  uint64_t n = varint();
  need(n);
  std::string s = buf_.substr(pos_, n);
  pos_ += n;
  return s;
}

void ModelReader::bytes(void* out, size_t n) {
  need(n);
  std::memcpy(out, buf_.data() + pos_, n);
  pos_ += n;
}

}  // namespace ng
