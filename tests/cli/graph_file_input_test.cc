// Graph files given where articles are expected are refused with a message
// naming the file, like any other bad input: alone they end the run with
// status 1; in a batch they are reported and skipped.
#include <catch2/catch.hpp>

#include "rdf/rdf.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string sample_nquads() {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  return ng::to_rdf(g, ng::RdfFormat::NQuads);
}

}  // namespace

TEST_CASE("build, triples and entities refuse a graph file as an article, render draws it",
          "[cli][graph-file]") {
  TempDir tmp;
  auto nq = tmp.write("a.nq", sample_nquads());
  for (const std::string& cmd :
       {std::string("build"), std::string("triples"), std::string("entities")}) {
    INFO(cmd);
    auto r = run_cli(cmd + " " + q(nq));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(nq.string() +
                                      " looks like an RDF graph file (N-Quads) written by "
                                      "newsgraph build; give it to who-met or query"));
    CHECK(r.out.empty());
  }
  // render draws graph files given alone (with articles, they are read for
  // the owl:sameAs links of `link`); a graph file with no entity is refused.
  auto r = run_cli("render -o - " + q(nq));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("label=\"Anna Kowalski\\nPresident\"") &&
                        Catch::Contains("met \xC2\xB7 2024-05-06 \xC2\xB7 Springfield") &&
                        Catch::Contains("Leaders meet in Springfield"));
  auto empty = tmp.write("empty.nq", "");
  auto none = run_cli("render -o " + q(tmp.path() / "d.svg") + " " + q(empty));
  CHECK(none.status == 1);
  CHECK_THAT(none.err, Catch::Contains("no articles among the inputs"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "d.svg"));
  // From standard input, recognised by its content.
  auto in = run_cli("triples -", sample_nquads());
  CHECK(in.status == 1);
  CHECK_THAT(in.err, Catch::Contains("<stdin> looks like an RDF graph file (N-Quads)"));
  // build's non-RDF exports too, without their extension.
  auto json = tmp.write("graph-out", "{\"nodes\": [], \"edges\": [], \"events\": [], \"articles\": []}\n");
  auto rj = run_cli("build " + q(json));
  CHECK(rj.status == 1);
  CHECK_THAT(rj.err, Catch::Contains("graph-out looks like a newsgraph JSON graph"));
}

TEST_CASE("a graph file in a batch of articles is reported and skipped", "[cli][graph-file]") {
  TempDir tmp;
  auto nq = tmp.write("g.nq", sample_nquads());
  auto article = tmp.write("a.txt", "Ann Lee met Bob Ray in Rome on Monday.\n");
  auto prefix = tmp.write("p.txt", "Prefix changes were announced on Monday. Ann Lee met Bob Ray.\n");
  auto r = run_cli("triples " + q(nq) + " " + q(article) + " " + q(prefix));
  CHECK(r.status == 1);  // one bad input
  CHECK_THAT(r.err, Catch::Contains("g.nq looks like an RDF graph file (N-Quads)"));
  CHECK_THAT(r.err, !Catch::Contains("p.txt"));
  CHECK_THAT(r.out, Catch::Contains("\na.txt\t1\t") && Catch::Contains("\np.txt\t"));
  auto strict = run_cli("triples --strict " + q(article) + " " + q(nq));
  CHECK(strict.status == 1);
  CHECK_THAT(strict.err, Catch::Contains("g.nq looks like"));
}
