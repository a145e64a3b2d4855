// Runs the newsgraph binary as a user would: bad inputs, formats, exit codes.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

namespace {

const char* kArticle =
    "Monday, June 2, 2025\n\n"
    "Prime Minister Clara Jensen received Foreign Minister Tomas Berg in Oslo on Monday. "
    "During the meeting, the sides discussed trade. He thanked the prime minister for her "
    "support.\n\nNordic Post\n";

}  // namespace

TEST_CASE("--help for the tool and every command", "[cli]") {
  auto r = run_cli("--help");
  CHECK(r.status == 0);
  for (const char* cmd : {"build", "triples", "who-met", "query", "render", "entities", "analyze",
                          "evaluate-syntax", "evaluate-ner", "convert-model", "train"}) {
    INFO(cmd);
    CHECK_THAT(r.out, Catch::Contains(cmd));
    auto c = run_cli(std::string(cmd) + " --help");
    CHECK(c.status == 0);
    CHECK_THAT(c.out, Catch::Contains("Usage"));
  }
}

TEST_CASE("bad inputs: clear message, non-zero exit, no output file", "[cli]") {
  TempDir dir;
  auto empty = dir.write("empty.txt", "");
  auto binary = dir.write("binary.bin", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  auto badutf8 = dir.write("bad.txt", "Caf\xE9 owner met the mayor.");
  auto good = dir.write("good.txt", kArticle);
  auto out = dir.path() / "out.ttl";
  struct Case { std::string args; std::string expect; };
  const Case cases[] = {
      {"build '" + (dir.path() / "missing.txt").string() + "'", "missing.txt"},
      {"build '" + empty.string() + "'", "empty"},
      {"build '" + binary.string() + "'", "binary"},
      {"build '" + badutf8.string() + "'", "invalid UTF-8 at byte offset 3"},
      {"build --format pdf '" + good.string() + "'", "pdf"},
      {"build '" + good.string() + "' -o /nonexistent-dir/x/out.ttl", "/nonexistent-dir/x/out.ttl"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto r = run_cli(c.args + " -o '" + out.string() + "'");
    if (c.args.find("-o /nonexistent") != std::string::npos) r = run_cli(c.args);
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains(c.expect));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  // --repair-utf8 accepts it with a warning naming the offset.
  auto r = run_cli("triples --repair-utf8 '" + badutf8.string() + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("byte offset 3"));
}

TEST_CASE("a bad article in a batch is reported and skipped", "[cli]") {
  TempDir dir;
  auto good = dir.write("good.txt", kArticle);
  auto empty = dir.write("empty.txt", "  \n");
  auto out = dir.path() / "g.nt";
  auto r = run_cli("build --format ntriples '" + empty.string() + "' '" + good.string() + "' -o '" +
                   out.string() + "'");
  CHECK(r.status == 1);  // something was bad...
  CHECK_THAT(r.err, Catch::Contains("empty.txt"));
  REQUIRE(std::filesystem::exists(out));  // ...but the good article made it
  CHECK_THAT(ng::test::read_file(out), Catch::Contains("Clara Jensen"));

  auto jsonl = dir.write("a.jsonl", std::string("{\"id\":\"a\",\"text\":\"") + "Ann Lee met Bob Ray in Rome." +
                                        "\"}\n{broken\n{\"id\":\"c\",\"text\":\"Bob Ray met Cy Fox.\"}\n");
  r = run_cli("triples --jsonl '" + jsonl.string() + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("a.jsonl:2"));
  CHECK_THAT(r.out, Catch::Contains("\nc\t"));
  CHECK_THAT(r.out, Catch::Contains("\na\t"));
}

TEST_CASE("triples TSV has the documented header and no tabs inside values", "[cli]") {
  TempDir dir;
  auto f = dir.write("a.txt", kArticle);
  auto r = run_cli("triples '" + f.string() + "'");
  REQUIRE(r.status == 0);
  auto nl = r.out.find('\n');
  CHECK(r.out.substr(0, nl) ==
        "doc\tsentence\tconfidence\tmodality\tsubject_text\trelation_text\tobject_text\tsubject\t"
        "predicate\tobject\trule\tsentence_text");
  size_t p = nl + 1, rows = 0;
  while (p < r.out.size()) {
    size_t e = r.out.find('\n', p);
    std::string line = r.out.substr(p, e - p);
    CHECK(std::count(line.begin(), line.end(), '\t') == 11);
    p = e + 1;
    ++rows;
  }
  CHECK(rows >= 3);
  // No pronoun or bare description stays an argument when the article says who.
  CHECK_THAT(r.out, !Catch::Contains("\tHe\thttps"));
  auto s = run_cli("triples --sentences -", "Ann Lee met Bob Ray in Rome.\nThe cat sat on the mat.\n");
  CHECK(s.status == 0);
  CHECK_THAT(s.out, Catch::Contains("\n1\t"));
}

TEST_CASE("triples --trace-rules explains rules on standard error, output unchanged", "[cli]") {
  TempDir dir;
  auto f = dir.write("a.txt", kArticle);
  auto plain = run_cli("triples '" + f.string() + "'");
  auto traced = run_cli("triples --trace-rules '" + f.string() + "'");
  REQUIRE(traced.status == 0);
  CHECK(traced.out == plain.out);
  // doc, sentence, word, rule id, what happened
  CHECK_THAT(traced.err, Catch::Contains("a.txt\t"));
  CHECK_THAT(traced.err, Catch::Contains("\tmeet."));
  CHECK_THAT(traced.err, Catch::Contains("\tfired: "));
}
