// `push` and `build --push` against a fake Graph Store (python3) that
// answers as told: retries on 5xx, clear errors on 401/403 and on a
// connection dropped mid-request, never a success reported for a graph the
// store did not take.
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

#include "tests/test_support.h"

namespace {

using ng::test::run_cli;
using ng::test::run_shell;

const char* kTwoGraphs =
    "<https://example.org/s1> <https://example.org/p> \"one\" "
    "<https://example.org/graph/a> .\n"
    "<https://example.org/s2> <https://example.org/p> \"two\" "
    "<https://example.org/graph/b> .\n"
    "<https://example.org/s3> <https://example.org/p> <https://example.org/o> "
    "<https://example.org/graph/a> .\n";

// The fake store of tests/store/fake_store.py, stopped at destruction.
class FakeStore {
 public:
  FakeStore(const ng::test::TempDir& dir, const std::string& answers) : dir_(dir.path()) {
    auto r = run_shell("/usr/bin/python3 " +
                       (ng::test::source_dir() / "tests/store/fake_store.py").string() + " " +
                       answers + " " + dir_.string() + " >/dev/null 2>&1 & echo $!");
    pid_ = std::stoi(r.out);
    for (int i = 0; i < 100 && !std::filesystem::exists(dir_ / "port"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    port_ = ng::test::read_file(dir_ / "port");
  }
  ~FakeStore() { ::kill(pid_, SIGTERM); }
  std::string url() const { return "http://127.0.0.1:" + port_ + "/store"; }
  std::string log() const {
    return std::filesystem::exists(dir_ / "log") ? ng::test::read_file(dir_ / "log") : "";
  }

 private:
  std::filesystem::path dir_;
  int pid_ = 0;
  std::string port_;
};

}  // namespace

TEST_CASE("push retries a 503 and then stores each named graph with one PUT", "[tool]") {
  ng::test::TempDir d;
  auto nq = d.write("g.nq", kTwoGraphs);
  FakeStore store(d, "503,201");
  auto r = run_cli("push --attempts 3 --store " + store.url() + " " + nq.string());
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.find("HTTP 503") != std::string::npos);
  CHECK(r.err.find("retrying") != std::string::npos);
  CHECK(r.err.find("pushed 2 graphs (3 triples)") != std::string::npos);
  const std::string log = store.log();
  INFO(log);
  // The graph IRI is the ?graph= parameter; graph a has 2 triples, b has 1.
  CHECK(log.find("graph=https%3A%2F%2Fexample.org%2Fgraph%2Fa 2 -> 503") != std::string::npos);
  CHECK(log.find("graph=https%3A%2F%2Fexample.org%2Fgraph%2Fa 2 -> 201") != std::string::npos);
  CHECK(log.find("graph=https%3A%2F%2Fexample.org%2Fgraph%2Fb 1 -> 201") != std::string::npos);
}

TEST_CASE("push stops with a clear error when the store refuses (401, 403)", "[tool]") {
  for (const std::string status : {"401", "403"}) {
    ng::test::TempDir d;
    auto nq = d.write("g.nq", kTwoGraphs);
    FakeStore store(d, status);
    auto r = run_cli("push --store " + store.url() + " --user u --password p " + nq.string());
    INFO(status << ": " << r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("HTTP " + status + ": no: test refusal") != std::string::npos);
    CHECK(r.err.find("graph <https://example.org/graph/a>") != std::string::npos);
    CHECK(r.err.find("pushed") == std::string::npos);
    // A refusal is not retried.
    CHECK(store.log().find("graph%2Fb") == std::string::npos);
  }
}

TEST_CASE("push reports a connection dropped mid-request as an error, not as done", "[tool]") {
  ng::test::TempDir d;
  auto nq = d.write("g.nq", kTwoGraphs);
  FakeStore store(d, "drop");
  auto r = run_cli("push --attempts 2 --store " + store.url() + " " + nq.string());
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("did not take graph <https://example.org/graph/a>") != std::string::npos);
  CHECK(r.err.find("gave up after 2 attempts") != std::string::npos);
  CHECK(r.err.find("pushed") == std::string::npos);
}

TEST_CASE("push refuses triples without a graph name and a URL that is not http", "[tool]") {
  ng::test::TempDir d;
  auto nt = d.write("g.nt", "<https://example.org/s> <https://example.org/p> \"x\" .\n");
  auto r = run_cli("push --store http://127.0.0.1:9/store " + nt.string());
  CHECK(r.status == 1);
  CHECK(r.err.find("outside a named graph") != std::string::npos);
  r = run_cli("push --store ftp://example.org/x " + nt.string());
  CHECK(r.status == 1);
  CHECK(r.err.find("must start with http:// or https://") != std::string::npos);
}

TEST_CASE("build --push stops at a refusal, says what was stored and writes no file", "[tool]") {
  ng::test::TempDir d;
  FakeStore store(d, "403");
  const auto example = ng::test::source_dir() / "examples/article.txt";
  const auto out = d.path() / "out.nq";
  auto r = run_cli("build --progress --format nquads -o " + out.string() + " --push " +
                   store.url() + " " + example.string());
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("graph <https://w3id.org/newsgraph/id/graph/article.txt>: HTTP 403") !=
        std::string::npos);
  CHECK(r.err.find("0 article graphs were stored before it") != std::string::npos);
  CHECK(r.err.find("built") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}
