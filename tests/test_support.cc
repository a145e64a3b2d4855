#include "tests/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace ng::test {

std::filesystem::path source_dir() { return NEWSGRAPH_SOURCE_DIR; }

std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("NEWSGRAPH_SHARED")) return env;
  std::filesystem::path p = NEWSGRAPH_SHARED_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) return std::filesystem::weakly_canonical(p);
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
