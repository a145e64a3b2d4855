// build streams articles: output in input order whatever the threads,
// duplicate ids skipped before analysis and counted, a progress summary, and
// a corpus built in chunks giving exactly the quads of one run.
#include <catch2/catch.hpp>
#include <fstream>

#include "tests/test_support.h"

namespace {

using ng::test::run_cli;
using ng::test::run_shell;

std::string jsonl_line(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}\n";
}

std::string small_batch() {
  return jsonl_line("n1", "Mayor Lena Berg met Governor Omar Haddad in Tromsø on Monday.") +
         jsonl_line("n2", "Governor Omar Haddad received Minister Ines Duarte in Faro.") +
         jsonl_line("n3", "Ines Duarte visited Lisbon. She met Lena Berg there.") +
         jsonl_line("n4", "The council of Tromsø approved the new harbour plan.") +
         jsonl_line("n5", "Lena Berg thanked Omar Haddad for the invitation.");
}

}  // namespace

TEST_CASE("build: streamed output is in input order whatever the number of threads", "[cli]") {
  ng::test::TempDir d;
  auto in = d.write("batch.jsonl", small_batch());
  for (const std::string format : {"nquads", "ntriples", "turtle"}) {
    auto one = run_cli("build -q --threads 1 --format " + format + " --jsonl " + in.string());
    auto three = run_cli("build -q --threads 3 --format " + format + " --jsonl " + in.string());
    REQUIRE(one.status == 0);
    REQUIRE(three.status == 0);
    CHECK(one.out == three.out);
    CHECK((format != "nquads" || one.out.find("/graph/n5>") != std::string::npos));
  }
}

TEST_CASE(
    "build: duplicate ids are skipped before analysis and counted in the "
    "summary",
    "[cli]") {
  ng::test::TempDir d;
  auto in =
      d.write("batch.jsonl", small_batch() + jsonl_line("n2", "A different text under a used id."));
  auto r = run_cli("build --progress --format nquads --jsonl " + in.string());
  INFO(r.err);
  CHECK(r.status == 1);  // a skipped article makes the batch fail, as any bad article does
  CHECK(r.err.find("article id 'n2' repeats an earlier one (skipped: duplicate id)") !=
        std::string::npos);
  CHECK(r.err.find("built 5 articles") != std::string::npos);
  CHECK(r.err.find("skipped 1 (1 duplicate id)") != std::string::npos);
  CHECK(r.out.find("A different text") == std::string::npos);
  // --quiet: no progress and no summary.
  r = run_cli("build -q --format nquads --jsonl " + in.string());
  CHECK(r.err.find("built") == std::string::npos);
}

TEST_CASE("build --progress names the articles built in its summary", "[cli]") {
  ng::test::TempDir d;
  auto in = d.write("batch.jsonl", small_batch());
  auto r = run_cli("build --progress --format json -o " + (d.path() / "g.json").string() +
                   " --jsonl " + in.string());
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.find("newsgraph: built 5 articles, ") != std::string::npos);
  CHECK(r.err.find(" facts, ") != std::string::npos);
  CHECK(r.err.find("skipped 0") != std::string::npos);
  // Without --progress, on a pipe, nothing.
  r = run_cli("build --format json --jsonl " + in.string());
  CHECK(r.err.find("built") == std::string::npos);
}

TEST_CASE(
    "build: the corpus in chunks gives the quads of one run and "
    "--progress counts 295",
    "[shared]") {
  auto corpus = ng::test::require_shared("corpus/wikinews/articles.jsonl");
  if (corpus.empty()) return;
  ng::test::TempDir d;
  const std::string dir = d.path().string();
  auto one = run_cli("build --progress --threads 2 --format nquads --jsonl " + corpus.string() +
                     " -o " + dir + "/one.nq");
  INFO(one.err);
  REQUIRE(one.status == 0);
  CHECK(one.err.find("built 295 articles") != std::string::npos);
  // Four chunks built separately, as `parallel --pipe` would run them.
  auto split = run_shell("cd " + dir + " && split -n l/4 " + corpus.string() + " chunk-");
  REQUIRE(split.status == 0);
  for (const std::string c : {"aa", "ab", "ac", "ad"}) {
    auto r = run_cli("build -q --format nquads --jsonl - < " + dir + "/chunk-" + c + " -o " + dir +
                     "/chunk-" + c + ".nq");
    REQUIRE(r.status == 0);
  }
  auto cmp = run_shell("cd " + dir +
                       " && sort -u one.nq > a && cat chunk-*.nq | sort -u > b && "
                       "wc -l < a && cmp a b");
  INFO(cmp.out << cmp.err);
  CHECK(cmp.status == 0);
  CHECK(std::stoul(cmp.out) > 100000);
}
