// Sentence numbers are 1-based in every output: triples TSV and JSON and
// build --format json agree on the sentence of a fact.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/test_support.h"

using ng::test::run_cli;

TEST_CASE("triples and build --format json number sentences from 1", "[cli][sentence]") {
  ng::test::TempDir tmp;
  auto f = tmp.write("s.txt",
                     "The weather was calm. Ann Lee met Bob Ray in Rome on Monday. "
                     "Ray thanked Lee.\n");
  auto tsv = run_cli("triples '" + f.string() + "'");
  INFO(tsv.err);
  REQUIRE(tsv.status == 0);
  auto tj = run_cli("triples --format json '" + f.string() + "'");
  REQUIRE(tj.status == 0);
  auto bj = run_cli("build --format json '" + f.string() + "'");
  REQUIRE(bj.status == 0);

  // sentence_text -> number, from each output; every output agrees.
  std::set<std::pair<long, std::string>> from_tsv, from_triples_json, from_build;
  std::istringstream in(tsv.out);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    from_tsv.emplace(std::stol(line.substr(a + 1, b - a - 1)), line.substr(line.rfind('\t') + 1));
  }
  auto t = nlohmann::json::parse(tj.out.substr(0, tj.out.find('\n')));
  for (const auto& fact : t["facts"])
    from_triples_json.emplace(fact["sentence"].get<long>(), fact["sentence_text"].get<std::string>());
  auto g = nlohmann::json::parse(bj.out);
  for (const auto& e : g["edges"])
    if (!e["sentence"].is_null() && !e["sentence_text"].get<std::string>().empty())
      from_build.emplace(e["sentence"].get<long>(), e["sentence_text"].get<std::string>());
  for (const auto& e : g["events"])
    from_build.emplace(e["sentence"].get<long>(), e["sentence_text"].get<std::string>());

  const std::pair<long, std::string> met{2, "Ann Lee met Bob Ray in Rome on Monday."};
  CHECK(from_tsv.count(met) == 1);
  CHECK(from_triples_json.count(met) == 1);
  CHECK(from_build.count(met) == 1);
  for (const auto& s : {from_tsv, from_triples_json, from_build})
    for (const auto& [n, text] : s) {
      INFO(n << " " << text);
      CHECK(n >= 1);
      if (text.rfind("The weather", 0) == 0) CHECK(n == 1);
      if (text.rfind("Ann Lee met", 0) == 0) CHECK(n == 2);
      if (text.rfind("Ray thanked", 0) == 0) CHECK(n == 3);
    }
}
