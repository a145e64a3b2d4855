// The graph commands end to end: build, query, who-met, render. The query and
// who-met cases on graph files use hand-built Documents (no extractor); the
// article cases need the trained models and say so when they are missing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rdf/rdf.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

using ng::test::run_cli;
using ng::test::TempDir;

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// A graph file built from the hand-made sample articles.
std::filesystem::path sample_graph_file(const TempDir& tmp, ng::RdfFormat format,
                                        const char* name) {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  g.add(ng::test::hostile_article());
  return tmp.write(name, ng::to_rdf(g, format));
}

const char* kArticles =
    "{\"id\":\"one\",\"date\":\"2024-05-06\",\"text\":\"President Anna Kowalski received Prime "
    "Minister Peter Lindqvist in Springfield on Monday. Kowalski presented Lindqvist with a "
    "medal.\"}\n"
    "{\"id\":\"two\",\"text\":\"Peter Lindqvist met Carl Berg in Oslo on Tuesday. Berg thanked "
    "Lindqvist.\"}\n";

// True when `newsgraph build` works on articles (models trained and present).
bool extractor_ready(const TempDir& tmp) {
  auto f = tmp.write("probe.jsonl", kArticles);
  auto r = run_cli("build --jsonl " + q(f) + " --format ntriples");
  if (r.status == 0) return true;
  WARN("skipped: `newsgraph build` cannot run the extractor yet: " << r.err);
  return false;
}

}  // namespace

TEST_CASE("query finds people by label in every graph format", "[cli][query]") {
  TempDir tmp;
  struct Case {
    ng::RdfFormat format;
    const char* file;
  };
  const Case cases[] = {{ng::RdfFormat::Turtle, "g.ttl"},
                        {ng::RdfFormat::NTriples, "g.nt"},
                        {ng::RdfFormat::NQuads, "g.nq"},
                        {ng::RdfFormat::RdfXml, "g.rdf"}};
  auto query =
      tmp.write("q.rq",
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                "PREFIX schema: <http://schema.org/>\n"
                "SELECT DISTINCT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name . "
                "FILTER(?name = \"Zoë Ålström\" || ?name = \"Carl Berg\") } ORDER BY ?name\n");
  for (const auto& c : cases) {
    INFO(c.file);
    auto g = sample_graph_file(tmp, c.format, c.file);
    auto r = run_cli("query " + q(g) + " --sparql @" + query.string());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out ==
          "p\tname\n"
          "https://w3id.org/newsgraph/id/entity/carl_berg\tCarl Berg\n"
          "https://w3id.org/newsgraph/id/entity/zoe_alstrom\tZoë Ålström\n");
  }
}

TEST_CASE("query prints SPARQL JSON results and rejects crashing forms", "[cli][query]") {
  TempDir tmp;
  auto g = sample_graph_file(tmp, ng::RdfFormat::NQuads, "g.nq");
  auto r = run_cli("query " + q(g) +
                   " --format json --sparql "
                   "'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                   "SELECT DISTINCT ?l WHERE { ?p rdfs:label ?l . FILTER(?l = \"Carl Berg\") }'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["head"]["vars"] == nlohmann::json::array({"l"}));
  CHECK(j["results"]["bindings"][0]["l"]["value"] == "Carl Berg");

  struct Bad {
    const char* query;
    const char* message;
  };
  const Bad bad[] = {
      {"SELECT ?p WHERE { ?s ?p ?o } VALUES ?p { <http://a> }", "VALUES (?p)"},
      {"SELECT ?o WHERE { ?s <http://a>/<http://b> ?o }", "property paths"},
      {"SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s ?p ?s } }", "EXISTS"},
      {"SELECT ?s WHERE { ?s ?p ?o MINUS { ?s ?p ?s } }", "MINUS"},
      {"SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), \"x\") AS ?x) }", "BIND(STR"},
      {"SELECT ?x WHERE { ?x ?p }", "SPARQL syntax error"},
  };
  for (const auto& b : bad) {
    INFO(b.query);
    auto f = tmp.write("bad.rq", b.query);
    auto rb = run_cli("query " + q(g) + " --sparql @" + f.string());
    CHECK(rb.status == 1);
    CHECK_THAT(rb.err, Catch::Contains(b.message));
    CHECK(std::count(rb.err.begin(), rb.err.end(), '\n') == 1);
  }
  auto missing = run_cli("query " + q(tmp.path() / "none.ttl") + " --sparql 'ASK {}'");
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Contains("none.ttl"));
  auto opt = run_cli("query " + q(g) +
                     " --sparql 'SELECT ?s WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r } } LIMIT 1'");
  CHECK(opt.status == 0);
  CHECK_THAT(opt.err, Catch::Contains("warning") && Catch::Contains("OPTIONAL"));
}

TEST_CASE("who-met reads graph files written by build", "[cli][who-met]") {
  TempDir tmp;
  for (auto [format, name] :
       {std::pair{ng::RdfFormat::NQuads, "g.nq"}, std::pair{ng::RdfFormat::Turtle, "g.ttl"}}) {
    INFO(name);
    auto g = sample_graph_file(tmp, format, name);
    auto r = run_cli("who-met " + q(g));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("a\tb\tdate\tplace\tdoc\tsentence_text\n", 0) == 0);
    CHECK_THAT(r.out,
               Catch::Contains("Anna Kowalski\tPeter Lindqvist\t2024-05-06\tSpringfield\ta1\t"));
    CHECK_THAT(r.out, Catch::Contains("Carl Berg\tPeter Lindqvist\t2024-05\tOslo\tb2\t"));
    CHECK_THAT(r.out, !Catch::Contains("did not meet"));
    // No tab or newline inside a value: every row has six columns.
    size_t rows = 0, pos = 0;
    while ((pos = r.out.find('\n', pos)) != std::string::npos) ++rows, ++pos;
    CHECK(static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\t')) == rows * 5);
    auto all = run_cli("who-met --all " + q(g));
    CHECK(all.out.rfind("a\tb\tdate\tplace\tdoc\tsentence_text\tmodality\n", 0) == 0);
    CHECK_THAT(all.out,
               Catch::Contains(
                   "Zoë Ålström\t\t\tb2\tPeter Lindqvist did not meet Zoë Ålström.\tnegated\n"));
  }
  auto g = sample_graph_file(tmp, ng::RdfFormat::NQuads, "g2.nq");
  auto article = tmp.write("a.txt", "Ann Lee met Bob Ray.\n");
  auto mixed = run_cli("who-met " + q(g) + " " + q(article));
  CHECK(mixed.status == 1);
  CHECK_THAT(mixed.err, Catch::Contains("not both"));
}

TEST_CASE("build rejects unknown formats and bad base IRIs as usage errors", "[cli][build]") {
  TempDir tmp;
  auto f = tmp.write("a.txt", "Ann Lee met Bob Ray.\n");
  auto r = run_cli("build --format trig " + q(f));
  CHECK(r.status == 2);
  CHECK_THAT(r.err,
             Catch::Contains("trig") && Catch::Contains("nquads") && Catch::Contains("graphml"));
  r = run_cli("build --base 'not an iri' " + q(f));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("not an iri"));
}

TEST_CASE("build writes every format from articles, each one valid", "[cli][build]") {
  TempDir tmp;
  if (!extractor_ready(tmp)) return;
  auto in = tmp.write("in.jsonl", kArticles);
  struct Case {
    const char* format;
    const char* file;
    const char* check;
  };
  const Case cases[] = {
      {"turtle", "g.ttl", "rapper -q -i turtle -c"},
      {"ntriples", "g.nt", "rapper -q -i ntriples -c"},
      {"nquads", "g.nq", "rapper -q -i nquads -c"},
      {"rdfxml", "g.rdf", "rapper -q -i rdfxml -c"},
      {"jsonld", "g.jsonld",
       "/usr/bin/python3 -c 'import sys, rdflib; rdflib.ConjunctiveGraph().parse(sys.argv[1], "
       "format=\"json-ld\")'"},
      {"json", "g.json", "/usr/bin/python3 -c 'import sys, json; json.load(open(sys.argv[1]))'"},
      {"dot", "g.dot", "dot -Tsvg -o /dev/null"},
      {"graphml", "g.graphml",
       "/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])'"},
  };
  for (const auto& c : cases) {
    INFO(c.format);
    auto out = tmp.path() / c.file;
    auto r = run_cli("build --jsonl " + q(in) + " --format " + c.format + " -o " + q(out));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto v = ng::test::run_shell(std::string(c.check) + " " + q(out));
    INFO(v.err);
    CHECK(v.status == 0);
    CHECK_THAT(ng::test::read_file(out), Catch::Contains("Lindqvist"));
  }
  // Default: Turtle on stdout, with the base IRI given.
  auto r = run_cli("build --jsonl " + q(in) + " --base http://example.org/kg/");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("<http://example.org/kg/entity/peter_lindqvist>"));
}

TEST_CASE("who-met gives the same rows from articles and from the built graph", "[cli][who-met]") {
  TempDir tmp;
  if (!extractor_ready(tmp)) return;
  auto in = tmp.write("in.jsonl", kArticles);
  auto direct = run_cli("who-met --jsonl " + q(in));
  INFO(direct.err);
  REQUIRE(direct.status == 0);
  auto g = tmp.path() / "g.nq";
  REQUIRE(run_cli("build --jsonl " + q(in) + " --format nquads -o " + q(g)).status == 0);
  auto from_graph = run_cli("who-met " + q(g));
  CHECK(from_graph.out == direct.out);
  CHECK_THAT(direct.out, Catch::Contains("Peter Lindqvist"));
}

TEST_CASE("render draws articles to SVG", "[cli][render]") {
  TempDir tmp;
  if (!extractor_ready(tmp)) return;
  auto in = tmp.write("in.jsonl", kArticles);
  auto svg = tmp.path() / "d.svg";
  auto r = run_cli("render --jsonl " + q(in) + " -o " + q(svg));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(ng::test::read_file(svg), Catch::Contains("<svg") && Catch::Contains("Lindqvist"));
  auto bad = run_cli("render --jsonl " + q(in) + " -o " + q(tmp.path() / "d.gif"));
  CHECK(bad.status == 1);
  CHECK_THAT(bad.err, Catch::Contains(".gif"));
  auto missing =
      ng::test::run_shell("NEWSGRAPH_DOT=/nonexistent/dot '" + ng::test::binary() +
                          "' render --jsonl " + q(in) + " -o " + q(tmp.path() / "f.svg"));
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Contains("not found"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "f.svg"));
}
