// Helpers shared by the libFuzzer targets (fuzz/*_fuzz.cc).
//
// Contract of every target: for any input up to its size cap, the function
// under test returns or throws ng::Error; any other exception, a crash, an
// ASan/UBSan report or a leak (outside tests/sanitizers/lsan.supp) is a
// finding. Inputs over the cap are ignored so that each run stays fast.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace ng::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A file in the temp directory, unique to this process, holding `content`
// (the loaders under test read paths). Removed on destruction.
class TempFile {
 public:
  TempFile(std::string_view content, const std::string& suffix) {
    path_ = (std::filesystem::temp_directory_path() /
             ("newsgraph-fuzz-" + std::to_string(::getpid()) + suffix)).string();
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace ng::fuzz
