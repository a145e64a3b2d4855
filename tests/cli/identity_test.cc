// Graphs built in separate runs merge by set union without inventing facts:
// IRIs come from the document id and a hash of its text (graph/iri.h).
#include <catch2/catch.hpp>
#include <algorithm>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::run_shell;
using ng::test::TempDir;

namespace {

const char* kFirst =
    "Prime Minister Lena Varga received Mayor Tomas Berg in Vienna on Monday.\n";
const char* kSecond =
    "Foreign Minister Ana Lopes met Senator Karl Weiss in Madrid on Tuesday.\n";

}  // namespace

TEST_CASE("two articles from standard input, built in separate runs, merge without mixing",
          "[cli]") {
  TempDir dir;
  auto one = run_cli("build --format nquads -", kFirst);
  auto two = run_cli("build --format nquads -", kSecond);
  REQUIRE(one.status == 0);
  REQUIRE(two.status == 0);
  auto merged = dir.write("merged.nq", one.out + two.out);
  auto met = run_cli("who-met '" + merged.string() + "'");
  REQUIRE(met.status == 0);
  CHECK(met.out.find("Lena Varga") != std::string::npos);
  CHECK(met.out.find("Ana Lopes") != std::string::npos);
  // Exactly the two meetings: header + one row each, no pair across articles.
  CHECK(std::count(met.out.begin(), met.out.end(), '\n') == 3);
  CHECK(met.out.find("Varga\tKarl") == std::string::npos);
  // The same text built twice gives the same quads.
  CHECK(run_cli("build --format nquads -", kFirst).out == one.out);
}

TEST_CASE("a plain-text article takes --doc-id and stdin ids come from the content", "[cli]") {
  auto named = run_cli("triples --format tsv --doc-id my-article -", kFirst);
  REQUIRE(named.status == 0);
  CHECK(named.out.find("\nmy-article\t") != std::string::npos);
  auto a = run_cli("triples --format tsv -", kFirst);
  auto b = run_cli("triples --format tsv -", kSecond);
  CHECK(a.out.find("\nstdin-") != std::string::npos);
  CHECK(a.out.substr(a.out.find("\nstdin-"), 20) != b.out.substr(b.out.find("\nstdin-"), 20));
  auto bad = run_cli("triples --doc-id x --jsonl -", "{\"id\":\"a\",\"text\":\"Hi.\"}\n");
  CHECK(bad.status != 0);
  CHECK(bad.err.find("--doc-id") != std::string::npos);
}
