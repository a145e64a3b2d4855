// The SPARQL pre-check (rdf/query_guard.h), CONSTRUCT output, and the child
// process that runs the engine under limits (rdf/query_child.h).
#include <catch2/catch.hpp>
#include <csignal>
#include <cstring>
#include <memory>
#include <thread>

#include "core/error.h"
#include "rdf/query_child.h"
#include "rdf/query_guard.h"
#include "rdf/rdf.h"
#include "rdf/sparql.h"

namespace {

// A small graph: s1..s3 with a label and a link each.
ng::RdfModel small_model() {
  std::string nt;
  for (int i = 1; i <= 3; ++i) {
    std::string s = "<http://x/s" + std::to_string(i) + ">";
    nt += s + " <http://x/label> \"Val" + std::to_string(i) + "\" .\n";
    nt += s + " <http://x/link> <http://x/o" + std::to_string(i) + "> .\n";
  }
  ng::RdfModel m;
  m.parse(nt, ng::RdfFormat::NTriples, "small.nt");
  return m;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("the pre-check reads nothing past a query ending in a backslash", "[rdf][sparql][unit]") {
  // Each query sits in a heap buffer of exactly its size (no terminating NUL),
  // so AddressSanitizer reports any read past its end.
  const char* queries[] = {"SELECT * WHERE { ?s ?p \"\\", "ASK { ?s ?p '\\",
                           "ASK { ?s ?p \"\"\"\\", "ASK { ?s ?p \"ab\\", "\"\\", "\\",
                           "ASK { <http://x", "ASK { ?s ?p ?o } # comment", "?", "\"", "'''"};
  for (const char* q : queries) {
    INFO(q);
    const size_t n = std::strlen(q);
    std::unique_ptr<char[]> buf(new char[n]);
    std::memcpy(buf.get(), q, n);
    const std::string_view view(buf.get(), n);
    auto tokens = ng::tokenize_sparql(view);
    CHECK_FALSE(tokens.empty());
    try {
      ng::check_query_supported(view);  // a refusal is fine; a read past the end is not
    } catch (const ng::Error&) {
    }
  }
  auto t = ng::tokenize_sparql("ASK { ?s ?p \"a\\");
  REQUIRE(t.back().kind == ng::QueryToken::String);
  CHECK(t.back().text == "\"a\\");
}

TEST_CASE("keywords inside strings, IRIs and comments do not trigger refusals", "[rdf][sparql][unit]") {
  const char* ok[] = {
      "SELECT ?s WHERE { ?s ?p \"SERVICE <http://evil> { } COUNT(DISTINCT ?x)\" }",
      "SELECT ?s WHERE { ?s <http://x/SERVICE> ?o } # SERVICE <http://evil> { }",
      "SELECT ?service WHERE { ?service ?p 'GRAPH ?g { OPTIONAL { } }' }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(CONCAT(\"LCASE(\", ?o) AS ?y) }",
      "SELECT ?s WHERE { ?s ?p \"\"\"multi \" line UNION { { { \"\"\" }",
      "PREFIX ex: <http://x/> SELECT ?s WHERE { ?s ex:DESCRIBE ?o }",
      "SELECT ?s WHERE { ?s ?p \"escaped \\\" SERVICE\" }",
  };
  for (const char* q : ok) {
    INFO(q);
    CHECK_NOTHROW(ng::check_query_supported(q));
  }
}

TEST_CASE("string functions applied to function calls are refused with BIND advice",
          "[rdf][sparql][unit]") {
  const char* bad[] = {
      "SELECT (CONCAT(LCASE(?o), \"x\") AS ?y) WHERE { ?s ?p ?o }",
      "SELECT (STRAFTER(STR(?s), \"/\") AS ?y) WHERE { ?s ?p ?o }",
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
      "SELECT (CONCAT(xsd:string(?s), \"x\") AS ?y) WHERE { ?s ?p ?o }",
      "SELECT (<http://www.w3.org/2001/XMLSchema#string>(UCASE(?o)) AS ?y) WHERE { ?s ?p ?o }",
      "SELECT (ucase(substr(?o, 2)) AS ?y) WHERE { ?s ?p ?o }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(REPLACE(STR(?s), \"a\", \"b\") AS ?y) }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(ENCODE_FOR_URI(LCASE(?o)) AS ?y) }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(STRBEFORE(CONCAT(?o, \"/\"), \"/\") AS ?y) }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(concat(\"x\", (UCASE(str(?s)))) AS ?y) }",
  };
  for (const char* q : bad) {
    INFO(q);
    CHECK_THROWS_WITH(ng::check_query_supported(q),
                      Catch::Contains("read freed memory") &&
                          Catch::Contains("BIND the inner call to a variable first"));
  }
  // The rewrites: each inner call bound to a variable first (clean under
  // valgrind with rasqal 0.9.33), and calls rasqal handles.
  const char* ok[] = {
      "SELECT ?y WHERE { ?s ?p ?o BIND(LCASE(?o) AS ?l) BIND(CONCAT(?l, \"x\") AS ?y) }",
      "SELECT ?y WHERE { ?s ?p ?o BIND(STR(?s) AS ?t) BIND(STRAFTER(?t, \"/\") AS ?y) }",
      "SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(?o), \"v\")) }",
      "SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?s), \"s1\")) }",
      "SELECT (CONCAT(?o, \"x\", (?o)) AS ?y) WHERE { ?s ?p ?o }",
  };
  for (const char* q : ok) {
    INFO(q);
    CHECK_NOTHROW(ng::check_query_supported(q));
  }
  ng::RdfModel m = small_model();
  ng::QueryTable t = ng::run_query(
      m, "SELECT ?y WHERE { ?s <http://x/label> ?o BIND(LCASE(?o) AS ?l) "
         "BIND(CONCAT(?l, \"x\") AS ?y) BIND(STR(?s) AS ?t) BIND(STRAFTER(?t, \"x/\") AS ?a) "
         "FILTER(?a = \"s2\") }");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][0].value == "val2x");
}

TEST_CASE("SERVICE is refused unless allowed", "[rdf][sparql][unit]") {
  const std::string q = "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }";
  CHECK_THROWS_WITH(ng::check_query_supported(q),
                    Catch::Contains("SERVICE") && Catch::Contains("--allow-service"));
  CHECK_THROWS_WITH(ng::check_query_supported("ASK { service silent <http://h/> { ?s ?p ?o } }"),
                    Catch::Contains("SERVICE"));
  ng::QueryPolicy allow;
  allow.allow_service = true;
  CHECK_NOTHROW(ng::check_query_supported(q, allow));
  ng::RdfModel m = small_model();
  CHECK_THROWS_WITH(ng::run_query(m, q), Catch::Contains("SERVICE"));
}

TEST_CASE("OPTIONAL inside GRAPH, COUNT DISTINCT and DESCRIBE are refused with advice",
          "[rdf][sparql][unit]") {
  CHECK_THROWS_WITH(
      ng::check_query_supported("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?q ?r } } }"),
      Catch::Contains("OPTIONAL inside GRAPH") && Catch::Contains("Fuseki"));
  CHECK_THROWS_WITH(ng::check_query_supported(
                        "SELECT ?s WHERE { GRAPH <http://g> { { ?s ?p ?o } OPTIONAL { ?s ?q ?r } } }"),
                    Catch::Contains("OPTIONAL inside GRAPH"));
  CHECK_THROWS_WITH(
      ng::check_query_supported("SELECT (count ( distinct ?s) AS ?n) WHERE { ?s ?p ?o }"),
      Catch::Contains("COUNT(DISTINCT") && Catch::Contains("Virtuoso"));
  CHECK_THROWS_WITH(ng::check_query_supported("DESCRIBE <http://x/s1>"),
                    Catch::Contains("DESCRIBE") && Catch::Contains("CONSTRUCT"));
  CHECK_NOTHROW(ng::check_query_supported(
      "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?s ?q ?r } }"));
  CHECK_NOTHROW(ng::check_query_supported(
      "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { ?s ?p ?o } }"));
}

TEST_CASE("queries over the size, UNION and nesting limits are refused", "[rdf][sparql][unit]") {
  const std::string big = "ASK { ?s ?p ?o } #" + std::string(ng::kMaxQueryBytes, 'x');
  CHECK_THROWS_WITH(ng::check_query_supported(big), Catch::Contains("KB limit"));
  auto unions = [](int n) {
    return "SELECT ?s WHERE { { ?s ?p 0 }" + repeat(" UNION { ?s ?p 1 }", n) + " }";
  };
  CHECK_NOTHROW(ng::check_query_supported(unions(ng::kMaxUnions)));
  CHECK_THROWS_WITH(ng::check_query_supported(unions(ng::kMaxUnions + 1)), Catch::Contains("UNIONs"));
  auto nested = [](int n) {
    return "SELECT ?s WHERE { ?s ?p ?o " + repeat("OPTIONAL { ?s ?p ?o ", n) + repeat("}", n) +
           " }";
  };
  CHECK_NOTHROW(ng::check_query_supported(nested(ng::kMaxNesting - 1)));
  CHECK_THROWS_WITH(ng::check_query_supported(nested(3000)), Catch::Contains("nested deeper"));
  CHECK_THROWS_WITH(ng::check_query_supported("ASK { FILTER(" + repeat("(", 60) + "1" +
                                              repeat(")", 60) + ") }"),
                    Catch::Contains("nested deeper"));
}

TEST_CASE("CONSTRUCT results are written as N-Triples or Turtle", "[rdf][sparql][unit]") {
  ng::RdfModel m = small_model();
  ng::QueryTable t = ng::run_query(
      m, "CONSTRUCT { ?s <http://x/name> ?o } WHERE { ?s <http://x/label> ?o FILTER(?o = \"Val1\") }");
  REQUIRE(t.is_graph);
  CHECK(ng::graph_result_text(t, ng::RdfFormat::NTriples) ==
        "<http://x/s1> <http://x/name> \"Val1\" .\n");
  std::string ttl = ng::graph_result_text(t, ng::RdfFormat::Turtle);
  CHECK_THAT(ttl, Catch::Contains("<http://x/s1>") && Catch::Contains("\"Val1\""));
  CHECK_THROWS_AS(ng::graph_result_text(t, ng::RdfFormat::NQuads), ng::Error);
  ng::QueryTable table = ng::run_query(m, "SELECT ?s WHERE { ?s ?p ?o }");
  CHECK_FALSE(table.is_graph);
  CHECK_THROWS_AS(ng::graph_result_text(table, ng::RdfFormat::NTriples), ng::Error);
}

TEST_CASE("the engine's child process reports crashes, timeouts and memory as errors",
          "[rdf][sparql][unit]") {
  ng::ChildLimits limits;
  limits.timeout_seconds = 10;
  CHECK(ng::run_in_child([] { return std::string(100000, 'r'); }, limits) ==
        std::string(100000, 'r'));
  CHECK_THROWS_WITH(ng::run_in_child([]() -> std::string { throw ng::Error("no such file"); },
                                     limits),
                    Catch::Equals("no such file"));
  CHECK_THROWS_WITH(ng::run_in_child([]() -> std::string {
                      std::raise(SIGSEGV);
                      return "never";
                    }, limits),
                    Catch::Contains("the SPARQL engine crashed (signal 11) on this query"));
  limits.timeout_seconds = 0.2;
  CHECK_THROWS_WITH(ng::run_in_child([] {
                      std::this_thread::sleep_for(std::chrono::seconds(30));
                      return std::string("late");
                    }, limits),
                    Catch::Contains("timed out after 0.2 s"));
  if (!ng::child_memory_limit_enforced()) return;  // ASan: no address-space limit
  limits.timeout_seconds = 10;
  limits.max_memory_mb = 256;
  CHECK_THROWS_WITH(ng::run_in_child([] {
                      std::string huge(size_t(4) << 30, 'x');
                      return huge.substr(0, 1);
                    }, limits),
                    Catch::Contains("out of memory") && Catch::Contains("--max-memory"));
}
