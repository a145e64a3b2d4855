// newsgraph query cannot hurt: refusals with advice, a time limit enforced on
// the engine's child process (no partial output), CONSTRUCT as RDF.
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>

#include "tests/test_support.h"

namespace {

using ng::test::run_cli;
using ng::test::TempDir;

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// n subjects, each with a label: a cross product of three patterns over them
// runs for minutes.
std::filesystem::path generated_graph(const TempDir& tmp, int n) {
  std::string nt;
  for (int i = 0; i < n; ++i)
    nt += "<http://x/s" + std::to_string(i) + "> <http://x/label> \"v" + std::to_string(i) +
          "\" .\n";
  return tmp.write("gen.nt", nt);
}

}  // namespace

TEST_CASE("query times out on a slow cross product with no partial output", "[cli][query]") {
  TempDir tmp;
  auto g = generated_graph(tmp, 3000);
  auto out = tmp.path() / "out.tsv";
  auto query = tmp.write("slow.rq",
                         "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
  const auto start = std::chrono::steady_clock::now();
  auto r = run_cli("query " + q(g) + " --timeout 0.5 --sparql @" + query.string() + " -o " +
                   q(out));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("timed out after 0.5 s") && Catch::Contains("--timeout"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.out.empty());
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(seconds < 20);
  // The same graph answers a quick query within the default limit.
  auto ok = run_cli("query " + q(g) + " --sparql 'ASK { <http://x/s7> ?p \"v7\" }'");
  CHECK(ok.status == 0);
  CHECK(ok.out == "boolean\ntrue\n");
}

TEST_CASE("query refuses unsafe and wrongly answered forms with advice", "[cli][query]") {
  TempDir tmp;
  auto g = generated_graph(tmp, 5);
  struct Bad {
    std::string query;
    const char* message;
  };
  const Bad bad[] = {
      {"SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "--allow-service"},
      {"SELECT (CONCAT(LCASE(?o), \"x\") AS ?y) WHERE { ?s ?p ?o }", "BIND the inner call"},
      {"SELECT (STRAFTER(STR(?s), \"/\") AS ?y) WHERE { ?s ?p ?o }", "BIND the inner call"},
      {"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }", "COUNT(DISTINCT"},
      {"SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?q ?r } } }", "OPTIONAL inside GRAPH"},
      {"DESCRIBE <http://x/s1>", "CONSTRUCT"},
      {"ASK { ?s ?p ?o } #" + std::string(70000, 'x'), "64 KB"},
      {"SELECT ?s WHERE { { ?s ?p 0 }" + [] {
         std::string u;
         for (int i = 0; i < 201; ++i) u += " UNION { ?s ?p 1 }";
         return u;
       }() + " }",
       "UNIONs"},
      {"SELECT ?s WHERE { ?s ?p \"ends in a backslash\\", "SPARQL syntax error"},
  };
  for (const auto& b : bad) {
    INFO(b.query.substr(0, 200));
    auto f = tmp.write("bad.rq", b.query);
    auto r = run_cli("query " + q(g) + " --sparql @" + f.string());
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(b.message));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.empty());
  }
}

TEST_CASE("query writes CONSTRUCT results as N-Triples or Turtle", "[cli][query]") {
  TempDir tmp;
  auto g = generated_graph(tmp, 3);
  const std::string construct =
      " --sparql 'CONSTRUCT { ?s <http://x/name> ?l } WHERE { ?s <http://x/label> ?l "
      "FILTER(?l = \"v1\") }'";
  auto nt = run_cli("query " + q(g) + construct);
  INFO(nt.err);
  REQUIRE(nt.status == 0);
  CHECK(nt.out == "<http://x/s1> <http://x/name> \"v1\" .\n");
  auto ttl = run_cli("query " + q(g) + " --format turtle" + construct);
  REQUIRE(ttl.status == 0);
  CHECK_THAT(ttl.out, Catch::Contains("<http://x/s1>") && Catch::Contains("\"v1\" ."));
  auto json = run_cli("query " + q(g) + " --format json" + construct);
  CHECK(json.status == 1);
  CHECK_THAT(json.err, Catch::Contains("--format ntriples or turtle"));
  auto table = run_cli("query " + q(g) + " --format ntriples --sparql 'SELECT ?s WHERE { ?s ?p ?o }'");
  CHECK(table.status == 1);
  CHECK_THAT(table.err, Catch::Contains("tsv or json"));
}
