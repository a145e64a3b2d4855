// Versioned binary model files (tagger, parser, NER, lemmatizer), used as they
// lie on disk.
//
// Container format 2 (what ModelWriter::save writes), little-endian:
//   magic "NGMODEL\0", u32 container version (2), u32 kind length, kind
//   ("tagger"), u32 kind version, u64 meta size, u64 data offset, u64 data
//   size, u32 FNV-1a hash of the meta bytes, the meta bytes, zero padding, the
//   data (at `data offset`, a multiple of 64; the file ends at data offset +
//   data size).
// The meta part is a stream of small fields written/read in order with
// ModelWriter / ModelReader (LEB128 varints, length-prefixed strings, f32). Big
// tables are arrays: ModelWriter::array puts the raw elements in the data part,
// 64-byte aligned, and writes (element size, count, offset) into the meta
// stream; ModelReader::array returns a ModelArray that views them in the
// memory-mapped file, so loading a model builds nothing. Sizes and offsets are
// checked when reading: a truncated or corrupt file is an ng::Error naming the
// file, never a crash (lookups that follow offsets stored in arrays clamp them).
//
// Container format 1 (the former one: one zlib-compressed varint payload, no
// arrays) is still read; `legacy()` tells the model loaders to decode it the
// old way. `newsgraph convert-model IN [OUT]` rewrites such a file in
// format 2.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.h"

namespace ng {

// A read-only array that either owns its elements (a model built in memory,
// e.g. by a trainer: the vector-like mutators below) or views elements in a
// mapped model file (kept alive by the array). Mutating a mapped array first
// copies it.
template <class T>
class ModelArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ModelArray() = default;
  ModelArray(const ModelArray& o) { *this = o; }
  ModelArray(ModelArray&& o) noexcept { *this = std::move(o); }
  ModelArray& operator=(const ModelArray& o) {
    if (this == &o) return *this;
    own_ = o.own_;
    keep_ = o.keep_;
    p_ = keep_ ? o.p_ : own_.data();
    n_ = o.n_;
    return *this;
  }
  ModelArray& operator=(ModelArray&& o) noexcept {
    own_ = std::move(o.own_);
    keep_ = std::move(o.keep_);
    p_ = keep_ ? o.p_ : own_.data();
    n_ = o.n_;
    o.p_ = nullptr;
    o.n_ = 0;
    return *this;
  }
  // A view of n elements at p, which stay valid while keep lives.
  static ModelArray view(const T* p, size_t n, std::shared_ptr<const void> keep) {
    ModelArray a;
    a.p_ = p;
    a.n_ = n;
    a.keep_ = std::move(keep);
    return a;
  }

  const T* data() const { return p_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const T& operator[](size_t i) const { return p_[i]; }
  const T* begin() const { return p_; }
  const T* end() const { return p_ + n_; }
  const T& back() const { return p_[n_ - 1]; }

  // Vector-like building (owning mode). Only operator[] on a non-const array
  // gives write access (and copies a mapped array first); reading goes
  // through the const accessors above.
  T& operator[](size_t i) { return mut()[i]; }
  void clear() {
    edit([](auto& v) { v.clear(); });
  }
  void reserve(size_t n) {
    edit([n](auto& v) { v.reserve(n); });
  }
  void resize(size_t n, const T& x = T()) {
    edit([&](auto& v) { v.resize(n, x); });
  }
  void assign(size_t n, const T& x) {
    edit([&](auto& v) { v.assign(n, x); });
  }
  template <class It>
  void assign(It a, It b) {
    edit([&](auto& v) { v.assign(a, b); });
  }
  void push_back(const T& x) {
    edit([&](auto& v) { v.push_back(x); });
  }
  template <class It>
  void append(It a, It b) {
    edit([&](auto& v) { v.insert(v.end(), a, b); });
  }

 private:
  std::vector<T>& mut() {
    if (keep_) {
      own_.assign(p_, p_ + n_);
      keep_.reset();
      p_ = own_.data();
    }
    return own_;
  }
  template <class F>
  void edit(F f) {
    f(mut());
    p_ = own_.data();
    n_ = own_.size();
  }
  std::vector<T> own_;
  std::shared_ptr<const void> keep_;
  const T* p_ = nullptr;
  size_t n_ = 0;
};

class ModelWriter {
 public:
  // kind: what the model is ("tagger"); version: the kind's own format version.
  ModelWriter(std::string kind, uint32_t version);
  void u8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void varint(uint64_t v);
  void svarint(int64_t v) {
    varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void f32(float v);
  void str(std::string_view s);
  void bytes(const void* data, size_t n) { buf_.append(static_cast<const char*>(data), n); }
  // Stores n elements raw in the data part (64-byte aligned).
  template <class T>
  void array(const T* p, size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    raw_array(p, sizeof(T), alignof(T), n);
  }
  template <class A>
  void array(const A& a) {
    array(a.data(), a.size());
  }
  // Writes the file atomically (temp file + rename). Throws ng::Error when it
  // cannot be written.
  void save(const std::string& path) const;

 private:
  void raw_array(const void* p, size_t elem, size_t align, size_t n);
  std::string kind_;
  uint32_t version_;
  std::string buf_;   // meta stream
  std::string data_;  // arrays
};

class ModelReader {
 public:
  // Maps path (format 2) or loads and inflates it (format 1), checking magic,
  // kind, version and sizes.
  ModelReader(const std::string& path, std::string_view kind, uint32_t version);
  // True for a format-1 file (no arrays; the loader decodes the old payload).
  bool legacy() const { return legacy_; }
  uint8_t u8();
  uint64_t varint();
  int64_t svarint() {
    uint64_t u = varint();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  float f32();
  std::string str();
  void bytes(void* out, size_t n);
  // The next array of the meta stream, viewed in the mapped file. Throws
  // ng::Error naming the file when its element size, alignment or extent is
  // wrong, or when max_count is exceeded.
  template <class T>
  ModelArray<T> array(uint64_t max_count = UINT64_MAX) {
    size_t n = 0;
    const void* p = raw_array(sizeof(T), alignof(T), max_count, n);
    return ModelArray<T>::view(static_cast<const T*>(p), n, keep_);
  }
  bool at_end() const { return pos_ == meta_size_; }
  const std::string& path() const { return path_; }
  // An ng::Error "model '<path>': <why>".
  Error bad(const std::string& why) const;

 private:
  void need(size_t n);
  const void* raw_array(size_t elem, size_t align, uint64_t max_count, size_t& n);
  void open_legacy(const std::string& file, size_t p);
  std::string path_;
  bool legacy_ = false;
  std::shared_ptr<const void> keep_;  // the mapping (or the inflated legacy payload)
  const char* meta_ = nullptr;
  size_t meta_size_ = 0;
  const char* data_ = nullptr;
  size_t data_size_ = 0;
  size_t pos_ = 0;
};

// ---- Resident copies -----------------------------------------------------
//
// Model files are mapped, so starting reads only the pages a text needs. The
// weight tables are then read at random over tens of MB, and with 4 KB pages
// nearly every lookup also misses the TLB (costly in a virtual machine). A
// copy of the big arrays in transparent huge pages (2 MB) removes most of
// those misses but takes 10-20 ms to make, so a stage makes it only once it
// has processed kResidentAfter tokens: short runs start as fast as before.

// Bytes from which an array is worth copying; smaller ones stay mapped.
inline constexpr size_t kResidentMinBytes = size_t{256} << 10;
// Tokens a stage processes with its mapped model before making the copy.
inline constexpr size_t kResidentAfter = 4000;

// n bytes of fresh memory advised for huge pages (plain pages when the kernel
// does not give them), kept alive by keep. Throws ng::Error when out of memory.
void* huge_page_memory(size_t n, std::shared_ptr<const void>& keep);

// A copy of a in huge_page_memory when it has kResidentMinBytes or more,
// else a itself. Same elements, so lookups give the same results.
template <class T>
ModelArray<T> resident_copy(const ModelArray<T>& a) {
  const size_t bytes = a.size() * sizeof(T);
  if (bytes < kResidentMinBytes) return a;
  std::shared_ptr<const void> keep;
  void* p = huge_page_memory(bytes, keep);
  std::memcpy(p, a.data(), bytes);
  return ModelArray<T>::view(static_cast<const T*>(p), a.size(), std::move(keep));
}

// What a stage reads its model from: `*mapped` at first, then, once
// note_use has counted kResidentAfter tokens, the copy made by copy(*mapped)
// (once: a thread calling note_use while another makes the copy waits for
// it; a reader that got `*mapped` before may go on using it, as it stays
// valid). Thread-safe; not movable (hold it by pointer).
template <class T>
class ResidentModel {
 public:
  using CopyFn = std::unique_ptr<const T> (*)(const T&);
  ResidentModel(const T* mapped, CopyFn copy) : mapped_(mapped), copy_fn_(copy), current_(mapped) {}
  ResidentModel(const ResidentModel&) = delete;
  ResidentModel& operator=(const ResidentModel&) = delete;

  const T& get() const { return *current_.load(std::memory_order_acquire); }
  void note_use(size_t tokens) {
    if (done_.load(std::memory_order_relaxed)) return;
    if (used_.fetch_add(tokens, std::memory_order_relaxed) + tokens < kResidentAfter) return;
    std::call_once(once_, [this] {
      copy_ = copy_fn_(*mapped_);
      current_.store(copy_.get(), std::memory_order_release);
      done_.store(true, std::memory_order_relaxed);
    });
  }

 private:
  const T* mapped_;
  CopyFn copy_fn_;
  std::unique_ptr<const T> copy_;
  std::atomic<const T*> current_;
  std::atomic<size_t> used_{0};
  std::atomic<bool> done_{false};
  std::once_flag once_;
};

// A number no other loaded model instance has (1, 2, ...): per-thread
// caches key their entries by it, so a cached result is only reused for the
// very model that made it.
uint64_t next_model_instance_id();

}  // namespace ng
