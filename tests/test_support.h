// Helpers shared by the tests: where the repo, the built binary and
// ../shared are, running the CLI, temporary files.
#pragma once

#include <filesystem>
#include <string>

namespace ng::test {

// Repository root (the source dir CMake saw).
std::filesystem::path source_dir();
// The evaluation data: $NEWSGRAPH_SHARED when set, else ../shared next to the
// repository; "" when that is not a directory.
std::filesystem::path shared_dir();
// For a test tagged [shared]: the file or directory `relative` inside
// shared_dir() (shared_dir() itself for ""). When it is absent the test
// cannot run: require_shared prints why and, under ctest (one test case per
// process, with NEWSGRAPH_SKIP_CODE set by CMake on the [shared] tests, which
// have it as SKIP_RETURN_CODE), ends the process with that code so that ctest
// reports the test as skipped; otherwise (all tests in one process) it WARNs
// and returns "", and the caller returns.
std::filesystem::path require_shared(const std::string& relative = "");
// The newsgraph binary under test.
std::string binary();

struct RunResult {
  int status = -1;       // exit status
  std::string out;       // stdout
  std::string err;       // stderr
};
// Runs `newsgraph <args>` through /bin/sh (args are passed verbatim, so quote
// them), optionally feeding stdin_text.
RunResult run_cli(const std::string& args, const std::string& stdin_text = "");
// Runs an arbitrary shell command, capturing stdout and stderr.
RunResult run_shell(const std::string& command, const std::string& stdin_text = "");

// A fresh temporary directory, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;
 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);

}  // namespace ng::test
