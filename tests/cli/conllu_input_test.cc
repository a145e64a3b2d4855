// Every command can start mid-pipeline from analysed CoNLL-U (--conllu): the
// stages after the parser run on the file's tags and trees.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

TEST_CASE("triples and entities from analysed CoNLL-U equal those from the text", "[cli]") {
  TempDir dir;
  auto text = dir.write("a.txt",
                        "Prime Minister Lena Varga received Mayor Tomas Berg in Vienna. "
                        "Varga thanked him for the visit.\n");
  auto analysed = run_cli("analyze --format conllu '" + text.string() + "'");
  REQUIRE(analysed.status == 0);
  auto conllu = dir.write("a.conllu", analysed.out);
  for (const char* cmd : {"triples --format tsv", "entities --format json"}) {
    INFO(cmd);
    auto from_text = run_cli(std::string(cmd) + " '" + text.string() + "'");
    auto from_conllu = run_cli(std::string(cmd) + " --conllu '" + conllu.string() + "'");
    REQUIRE(from_text.status == 0);
    REQUIRE(from_conllu.status == 0);
    CHECK(from_conllu.out == from_text.out);
  }
}

TEST_CASE("a malformed CoNLL-U file in a batch is reported and skipped", "[cli]") {
  TempDir dir;
  auto bad = dir.write("bad.conllu", "1\tonly two\n");
  auto good = dir.write("good.conllu", "# newdoc id = g\n1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n");
  auto r = run_cli("entities --conllu '" + bad.string() + "' '" + good.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.err.find("bad.conllu:1:") != std::string::npos);
  CHECK(r.err.find("10 tab-separated columns") != std::string::npos);
  CHECK(r.out.find("\"doc\":\"g\"") != std::string::npos);
}
