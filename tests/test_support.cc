#include "tests/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace ng::test {

std::filesystem::path source_dir() { return NEWSGRAPH_SOURCE_DIR; }

std::filesystem::path shared_dir() {
  const char* env = std::getenv("NEWSGRAPH_SHARED");
  std::filesystem::path p = env ? env : NEWSGRAPH_SHARED_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) return std::filesystem::weakly_canonical(p);
  return {};
}

std::filesystem::path require_shared(const std::string& relative) {
  const std::filesystem::path shared = shared_dir();
  const std::filesystem::path p = relative.empty() || shared.empty() ? shared : shared / relative;
  std::error_code ec;
  if (!shared.empty() && std::filesystem::exists(p, ec)) return p;
  const char* env = std::getenv("NEWSGRAPH_SHARED");
  const std::string where = shared.empty() ? std::string(env ? env : NEWSGRAPH_SHARED_DIR)
                                           : p.string();
  const std::string why = "skipped: needs the evaluation data (../shared" +
                          (relative.empty() ? "" : "/" + relative) + "), not found at " + where +
                          " (set NEWSGRAPH_SHARED to its location)";
  if (const char* code = std::getenv("NEWSGRAPH_SKIP_CODE")) {
    std::cout << why << std::endl;
    std::exit(std::atoi(code));
  }
  WARN(why);
  return {};
}

std::string binary() { return NEWSGRAPH_BINARY; }

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TempDir::TempDir() {
  std::random_device rd;
  for (int i = 0; i < 100; ++i) {
    auto p = std::filesystem::temp_directory_path() /
             ("newsgraph-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
  auto p = path_ / name;
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

RunResult run_shell(const std::string& command, const std::string& stdin_text) {
  TempDir tmp;
  auto in = tmp.write("stdin", stdin_text);
  auto out = tmp.path() / "stdout";
  auto err = tmp.path() / "stderr";
  std::string cmd = "(" + command + ") <'" + in.string() + "' >'" + out.string() + "' 2>'" +
                    err.string() + "'";
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

RunResult run_cli(const std::string& args, const std::string& stdin_text) {
  return run_shell("'" + binary() + "' " + args, stdin_text);
}

}  // namespace ng::test
