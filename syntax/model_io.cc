#include "syntax/model_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace ng {

static constexpr char kMagic[8] = {'N', 'G', 'M', 'O', 'D', 'E', 'L', 0};
static constexpr uint32_t kLegacyVersion = 1;
static constexpr uint32_t kFormatVersion = 2;
static constexpr size_t kAlign = 64;

static void put_u32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
static void put_u64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
static uint32_t fnv1a(const char* p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 16777619u;
  return h;
}
static size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

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

void ModelWriter::raw_array(const void* p, size_t elem, size_t align, size_t n) {
  (void)align;  // every array starts on a 64-byte boundary
  data_.resize(align_up(data_.size(), kAlign), '\0');
  varint(elem);
  varint(n);
  varint(data_.size());
  if (n) data_.append(static_cast<const char*>(p), elem * n);
}

void ModelWriter::save(const std::string& path) const {
  std::string header(kMagic, 8);
  put_u32(header, kFormatVersion);
  put_u32(header, static_cast<uint32_t>(kind_.size()));
  header += kind_;
  put_u32(header, version_);
  const size_t meta_at = header.size() + 3 * 8 + 4;
  const size_t data_at = align_up(meta_at + buf_.size(), kAlign);
  put_u64(header, buf_.size());
  put_u64(header, data_at);
  put_u64(header, data_.size());
  put_u32(header, fnv1a(buf_.data(), buf_.size()));
  header += buf_;
  header.resize(data_at, '\0');
  namespace fs = std::filesystem;
  fs::path target(path);
  std::random_device rd;
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(rd());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << header << data_;
    if (!out) throw Error("cannot write model '" + path + "'");
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("cannot write model '" + path + "': " + ec.message());
  }
}

Error ModelReader::bad(const std::string& why) const {
  return Error("model '" + path_ + "': " + why);
}

void* huge_page_memory(size_t n, std::shared_ptr<const void>& keep) {
  constexpr size_t kHuge = size_t{2} << 20;
  const size_t len = (n + kHuge - 1) / kHuge * kHuge;
  // Over-allocate by one huge page so the region can start on a 2 MB boundary.
  void* raw = mmap(nullptr, len + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw Error("out of memory copying a model (" + std::to_string(n) + " bytes)");
  const auto base = reinterpret_cast<uintptr_t>(raw);
  auto* p = reinterpret_cast<void*>((base + kHuge - 1) / kHuge * kHuge);
#ifdef MADV_HUGEPAGE
  madvise(p, len, MADV_HUGEPAGE);  // advice only: plain pages if refused
#endif
  const size_t total = len + kHuge;
  keep = std::shared_ptr<const void>(raw, [total](const void* r) {
    munmap(const_cast<void*>(r), total);
  });
  return p;
}

namespace {
// A read-only private mapping of a whole file, unmapped on destruction.
struct Mapping {
  void* p = MAP_FAILED;
  size_t n = 0;
  ~Mapping() {
    if (p != MAP_FAILED) munmap(p, n);
  }
};

std::shared_ptr<Mapping> map_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot open model '" + path + "'");
  struct stat st {};
  auto m = std::make_shared<Mapping>();
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    m->n = static_cast<size_t>(st.st_size);
    m->p = mmap(nullptr, m->n, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (m->n > 0 && m->p == MAP_FAILED) throw Error("cannot map model '" + path + "'");
  return m;
}
}  // namespace

ModelReader::ModelReader(const std::string& path, std::string_view kind, uint32_t version)
    : path_(path) {
  auto map = map_file(path);
  const char* file = map->n ? static_cast<const char*>(map->p) : "";
  const size_t size = map->n;
  keep_ = map;
  size_t p = 0;
  auto get = [&](int bytes) {
    if (p + bytes > size) throw bad("truncated header");
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
      v |= static_cast<uint64_t>(static_cast<unsigned char>(file[p + i])) << (8 * i);
    p += bytes;
    return v;
  };
  if (size < 8 || std::memcmp(file, kMagic, 8) != 0)
    throw bad("not a newsgraph model file (bad magic)");
  p = 8;
  const uint32_t fv = static_cast<uint32_t>(get(4));
  if (fv != kFormatVersion && fv != kLegacyVersion)
    throw bad("container version " + std::to_string(fv) + ", expected " +
              std::to_string(kFormatVersion));
  const uint64_t klen = get(4);
  if (klen > size - p) throw bad("truncated header");
  std::string k(file + p, klen);
  p += klen;
  if (k != kind) throw bad("holds a '" + k + "' model, expected '" + std::string(kind) + "'");
  if (uint32_t v = static_cast<uint32_t>(get(4)); v != version)
    throw bad("'" + k + "' format version " + std::to_string(v) + ", this build reads " +
              std::to_string(version) + " (retrain or update the model)");
  if (fv == kLegacyVersion) {
    open_legacy(std::string(file, size), p);
    return;
  }
  const uint64_t meta = get(8), data_at = get(8), data = get(8);
  const uint32_t hash = static_cast<uint32_t>(get(4));
  if (meta > size - p || data_at < p + meta || data_at % kAlign != 0 || data_at > size ||
      data != size - data_at)
    throw bad("truncated or corrupt file (sizes in the header do not match the file size " +
              std::to_string(size) + ")");
  if (fnv1a(file + p, meta) != hash) throw bad("corrupt file (meta checksum mismatch)");
  meta_ = file + p;
  meta_size_ = meta;
  data_ = file + data_at;
  data_size_ = data;
}

void ModelReader::open_legacy(const std::string& file, size_t p) {
  legacy_ = true;
  if (p + 8 > file.size()) throw bad("truncated header");
  uint64_t size = 0;
  for (int i = 0; i < 8; ++i)
    size |= static_cast<uint64_t>(static_cast<unsigned char>(file[p + i])) << (8 * i);
  p += 8;
  if (size > (uint64_t{1} << 34)) throw bad("corrupt payload size");
  auto buf = std::make_shared<std::string>(size, '\0');
  uLongf dlen = size;
  if (uncompress(reinterpret_cast<Bytef*>(buf->data()), &dlen,
                 reinterpret_cast<const Bytef*>(file.data() + p), file.size() - p) != Z_OK ||
      dlen != size)
    throw bad("corrupt payload");
  meta_ = buf->data();
  meta_size_ = buf->size();
  keep_ = buf;
}

void ModelReader::need(size_t n) {
  if (n > meta_size_ - pos_) throw bad("truncated payload");
}

uint8_t ModelReader::u8() {
  need(1);
  return static_cast<uint8_t>(meta_[pos_++]);
}

uint64_t ModelReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  throw bad("bad varint");
}

float ModelReader::f32() {
  need(4);
  uint32_t u = 0;
  for (int i = 0; i < 4; ++i)
    u |= static_cast<uint32_t>(static_cast<unsigned char>(meta_[pos_ + i])) << (8 * i);
  pos_ += 4;
  float v;
  std::memcpy(&v, &u, 4);
  return v;
}

std::string ModelReader::str() {
  uint64_t n = varint();
  need(n);
  std::string s(meta_ + pos_, n);
  pos_ += n;
  return s;
}

void ModelReader::bytes(void* out, size_t n) {
  need(n);
  std::memcpy(out, meta_ + pos_, n);
  pos_ += n;
}

const void* ModelReader::raw_array(size_t elem, size_t align, uint64_t max_count, size_t& n) {
  if (legacy_) throw bad("format-1 file has no arrays");
  const uint64_t e = varint(), count = varint(), off = varint();
  if (e != elem)
    throw bad("array element size " + std::to_string(e) + ", expected " + std::to_string(elem));
  if (count > max_count)
    throw bad("array of " + std::to_string(count) + " elements, at most " +
              std::to_string(max_count));
  if (off % kAlign != 0 || off % align != 0 || off > data_size_ ||
      count > (data_size_ - off) / elem)
    throw bad("truncated or corrupt file (array outside the data)");
  n = static_cast<size_t>(count);
  return data_ + off;
}

uint64_t next_model_instance_id() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

}  // namespace ng
