// `newsgraph link` end to end: two articles built in separate runs, linked,
// then who-met, query and render given the links file name each person once.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::run_shell;
using ng::test::TempDir;

namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The first names the person in full and then by surname; the second uses
// the surname only.
const char* kFirst =
    "Prime Minister Lena Varga received Mayor Tomas Berg in Vienna on Monday. Varga said the "
    "talks were useful.\n";
const char* kSecond = "Varga met Senator Karl Weiss in Madrid on Tuesday.\n";

// Distinct values of column `col` (0-based) of a TSV, header skipped.
std::vector<std::string> column(const std::string& tsv, size_t col) {
  std::vector<std::string> out;
  size_t pos = tsv.find('\n') + 1;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    std::string line = tsv.substr(pos, end - pos);
    pos = end == std::string::npos ? tsv.size() : end + 1;
    size_t b = 0;
    for (size_t i = 0; i < col && b != std::string::npos; ++i) b = line.find('\t', b) + 1;
    out.push_back(line.substr(b, line.find('\t', b) - b));
  }
  return out;
}

}  // namespace

TEST_CASE("link: articles built in separate runs, linked, name each person once", "[cli][link]") {
  TempDir dir;
  auto a = dir.write("a.txt", kFirst);
  auto b = dir.write("b.txt", kSecond);
  REQUIRE(run_cli("build --format nquads -o " + q(dir.path() / "a.nq") + " " + q(a)).status == 0);
  REQUIRE(run_cli("build --format nquads -o " + q(dir.path() / "b.nq") + " " + q(b)).status == 0);
  auto graphs = q(dir.path() / "a.nq") + " " + q(dir.path() / "b.nq");

  // Without links the second article's person is "Varga".
  auto before = run_cli("who-met " + graphs);
  REQUIRE(before.status == 0);
  CHECK_THAT(before.out, Catch::Contains("Karl Weiss\tVarga\t"));

  auto links = dir.path() / "links.nq";
  auto entities = dir.path() / "entities.tsv";
  auto r = run_cli("link " + graphs + " -o " + q(links) + " --entities " + q(entities));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::string nq = ng::test::read_file(links);
  CHECK_THAT(nq, Catch::Contains("<https://w3id.org/newsgraph/id/entity/varga> "
                                 "<http://www.w3.org/2002/07/owl#sameAs> "
                                 "<https://w3id.org/newsgraph/id/entity/lena_varga> "
                                 "<https://w3id.org/newsgraph/id/graph/links> ."));
  CHECK_THAT(nq, Catch::Contains("ontology#evidence> \"") && Catch::Contains("a.txt"));

  // who-met with the links file: one name per person.
  auto after = run_cli("who-met " + graphs + " " + q(links));
  INFO(after.err);
  REQUIRE(after.status == 0);
  CHECK_THAT(after.out, Catch::Contains("Karl Weiss\tLena Varga\t\tMadrid\tb.txt\t"));
  CHECK_THAT(after.out, Catch::Contains("Lena Varga\tTomas Berg\t\tVienna\ta.txt\t"));
  auto names = column(after.out, 0), second = column(after.out, 1);
  names.insert(names.end(), second.begin(), second.end());
  CHECK(std::find(names.begin(), names.end(), "Varga") == names.end());

  // query reads the variant as its canonical IRI.
  auto people = run_cli("query " + graphs + " " + q(links) +
                        " --sparql 'SELECT DISTINCT ?e WHERE { ?a <http://schema.org/mentions> ?e "
                        "} ORDER BY ?e'");
  REQUIRE(people.status == 0);
  CHECK_THAT(people.out, Catch::Contains("/entity/lena_varga\n"));
  CHECK_THAT(people.out, !Catch::Contains("/entity/varga\n"));

  // The entity table, after the links.
  std::string table = ng::test::read_file(entities);
  CHECK(table.rfind("iri\tname\ttype\taliases\tarticles\n", 0) == 0);
  CHECK_THAT(table, Catch::Contains("/entity/lena_varga\tLena Varga\tschema:Person\tVarga\t2\n"));
  CHECK_THAT(table, !Catch::Contains("/entity/varga\t"));
  auto tsv = run_cli("link " + graphs + " --format tsv");
  CHECK(tsv.out == table);

  // The same links whatever the order and grouping of the inputs; Turtle too.
  auto merged = dir.write("merged.nq", ng::test::read_file(dir.path() / "b.nq") +
                                           ng::test::read_file(dir.path() / "a.nq"));
  CHECK(run_cli("link " + q(merged)).out == nq);
  auto ttl = run_cli("link " + graphs + " --format turtle");
  REQUIRE(ttl.status == 0);
  CHECK_THAT(ttl.out, Catch::Contains("owl:sameAs"));

  // render, given the articles and the links, draws Lena Varga once and no "Varga".
  if (run_shell("command -v dot").status == 0) {
    auto svg = dir.path() / "g.svg";
    auto drawn = run_cli("render " + q(a) + " " + q(b) + " " + q(links) + " -o " + q(svg));
    INFO(drawn.err);
    REQUIRE(drawn.status == 0);
    std::string text = ng::test::read_file(svg);
    CHECK_THAT(text, Catch::Contains(">Lena Varga<"));
    CHECK_THAT(text, !Catch::Contains(">Varga<"));
  } else {
    WARN("render not checked: GraphViz dot not installed");
  }
}

TEST_CASE("link: bad inputs are errors naming them", "[cli][link]") {
  TempDir dir;
  auto empty = dir.write("empty.nq", "");
  auto r = run_cli("link " + q(empty));
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("schema:mentions"));
  auto missing = run_cli("link " + q(dir.path() / "none.nq"));
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Contains("none.nq"));
  auto usage = run_cli("link " + q(empty) + " --format trig");
  CHECK(usage.status == 2);
  auto render = run_cli("render " + q(empty) + " -o " + q(dir.path() / "x.svg"));
  CHECK(render.status == 1);
  CHECK_THAT(render.err, Catch::Contains("no articles"));
}
