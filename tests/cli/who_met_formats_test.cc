// who-met and query read every RDF format build writes (Turtle, N-Triples,
// N-Quads, RDF/XML, JSON-LD), named or not, from a file or standard input,
// with identical rows; build's JSON, DOT and GraphML are refused with advice.
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Shaped like the seed article (a dateline, a reception with titles and
// appositions, a gift, a source line) with invented people, plus a negated
// and a future meeting for --all.
const char* kSeedLike =
    "Monday, May 6, 2024\n"
    "Anna Kowalski, President of the Republic of Freedonia, received Peter Lindqvist, Governor "
    "of the Northern Oblast of Sylvania, Example News reports.\n"
    "During the meeting, Lindqvist presented Kowalski with a photo album. Kowalski did not meet "
    "Carl Berg. Lindqvist will meet Dan Ek in Oslo next week.\n"
    "Kowalski met Eva Moe in Rome.\n"
    "Example News\n";

}  // namespace

TEST_CASE("who-met gives identical rows from every RDF format build writes", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("seedlike.txt", kSeedLike);
  auto direct = run_cli("who-met --all " + q(article));
  INFO(direct.err);
  REQUIRE(direct.status == 0);
  CHECK_THAT(direct.out, Catch::Contains("Anna Kowalski\tPeter Lindqvist\t2024-05-06\t"));
  CHECK_THAT(direct.out, Catch::Contains("\tnegated\n"));
  auto asserted = run_cli("who-met " + q(article));
  REQUIRE(asserted.status == 0);

  struct Format {
    const char* name;
    const char* ext;
  };
  const Format formats[] = {{"turtle", "ttl"},  {"ntriples", "nt"}, {"nquads", "nq"},
                            {"rdfxml", "rdf"}, {"jsonld", "jsonld"}};
  for (const auto& f : formats) {
    INFO(f.name);
    auto named = tmp.path() / ("g." + std::string(f.ext));
    auto build = run_cli("build --format " + std::string(f.name) + " " + q(article) + " -o " + q(named));
    INFO(build.err);
    REQUIRE(build.status == 0);
    auto bare = tmp.path() / ("graph-" + std::string(f.name));
    std::filesystem::copy_file(named, bare);

    auto r = run_cli("who-met --all " + q(named));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == direct.out);
    auto r2 = run_cli("who-met --all " + q(bare));
    INFO(r2.err);
    CHECK(r2.out == direct.out);
    auto r3 = run_cli("who-met --all -", ng::test::read_file(named));
    INFO(r3.err);
    CHECK(r3.out == direct.out);
    auto r4 = run_cli("who-met " + q(named));
    CHECK(r4.out == asserted.out);

    auto count = run_cli("query " + q(bare) +
                         " --sparql 'SELECT DISTINCT ?n WHERE { ?p a <http://schema.org/Person> ; "
                         "<http://www.w3.org/2000/01/rdf-schema#label> ?n FILTER(?n = \"Eva "
                         "Moe\") }'");
    INFO(count.err);
    CHECK(count.out == "n\nEva Moe\n");
  }
  // An article on standard input is still an article.
  auto from_stdin = run_cli("who-met --all -", kSeedLike);
  CHECK(from_stdin.status == 0);
  CHECK_THAT(from_stdin.out, Catch::Contains("Anna Kowalski\tPeter Lindqvist\t2024-05-06\t"));
}

TEST_CASE("who-met and query refuse build's JSON, DOT and GraphML with advice", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("a.txt", "Ann Lee met Bob Ray in Rome on Monday.\n");
  for (const char* format : {"json", "dot", "graphml"}) {
    INFO(format);
    auto out = tmp.path() / ("g." + std::string(format));
    REQUIRE(run_cli("build --format " + std::string(format) + " " + q(article) + " -o " + q(out))
                .status == 0);
    auto r = run_cli("who-met " + q(out));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(out.string() + " is a newsgraph ") &&
                          Catch::Contains("export, not RDF: build with --format nquads"));
    auto qr = run_cli("query " + q(out) + " --sparql 'ASK { ?s ?p ?o }'");
    CHECK(qr.status == 1);
    CHECK_THAT(qr.err, Catch::Contains("not RDF: build with --format nquads"));
  }
}
