#include "rdf/sparql.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/text.h"
#include "tests/sample_documents.h"

namespace {

const std::string kPrefixes =
    "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX schema: <http://schema.org/>\n";

ng::RdfModel sample_model() {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  g.add(ng::test::hostile_article());
  ng::RdfModel m;
  m.add(g);
  return m;
}

}  // namespace

TEST_CASE("queries rasqal crashes on are rejected with advice", "[rdf][sparql][unit]") {
  struct Case {
    const char* query;
    const char* message;
  };
  const Case cases[] = {
      {"SELECT ?p WHERE { ?s ?p ?o } VALUES ?p { <http://a> <http://b> }", "VALUES (?p)"},
      {"SELECT * WHERE { ?s ?p ?o VALUES $p { 1 } }", "VALUES ($p)"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met/ng:met ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met+ ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met* ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met? ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ^ng:met ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met|ng:received ?b }", "property paths"},
      {"SELECT ?b WHERE { ?a <http://x/p>/<http://x/q> ?b }", "property paths"},
      {"PREFIX ng: <x:> SELECT ?b WHERE { ?a !ng:met ?b }", "property paths"},
      {"SELECT ?a WHERE { ?a ?p ?o FILTER EXISTS { ?a ?q ?r } }", "EXISTS"},
      {"SELECT ?a WHERE { ?a ?p ?o FILTER NOT EXISTS { ?a ?q ?r } }", "NOT EXISTS"},
      {"select ?a where { ?a ?p ?o filter not exists { ?a ?q ?r } }", "EXISTS"},
      {"SELECT ?a WHERE { ?a ?p ?o MINUS { ?a ?q ?r } }", "MINUS"},
      {"SELECT ?x WHERE { ?a ?p ?o BIND(CONCAT(STR(?a), \"x\") AS ?x) }", "BIND(STR(...) AS ?v)"},
      {"SELECT ?x WHERE { ?a ?p ?o BIND(concat(\"x\", UCASE(str(?a))) AS ?x) }", "concat(UCASE(...))"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK_THROWS_WITH(ng::check_query_supported(c.query), Catch::Contains(c.message));
  }
  ng::RdfModel m = sample_model();
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK_THROWS_AS(ng::run_query(m, c.query), ng::Error);
  }
}

TEST_CASE("look-alikes of unsupported forms are accepted", "[rdf][sparql][unit]") {
  const char* ok[] = {
      "SELECT * WHERE { ?s ?p ?o }",
      "SELECT ?p WHERE { ?s ?p ?o } VALUES (?p) { (<http://a>) (<http://b>) }",
      "SELECT ?x WHERE { ?s ?p ?o FILTER(?o / 2 > 1 && ?o * 3 < 9 || !BOUND(?s)) }",
      "SELECT ?x WHERE { ?s ?p \"a/b|c^d EXISTS MINUS\" }",
      "SELECT ?x WHERE { ?s <http://x/a/b?c=d> ?o } # ng:met/ng:met EXISTS",
      "SELECT ?x WHERE { ?s ?p ?o FILTER(?o != \"x\"^^<http://www.w3.org/2001/XMLSchema#string>) }",
      "SELECT ?minus ?exists WHERE { ?minus ?exists ?o }",
      "SELECT ?x WHERE { ?s ?p ?o BIND(STR(?o) AS ?x) BIND(CONCAT(?x, \"!\") AS ?y) }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
      "PREFIX ng: <x:> SELECT ?b WHERE { ?a ng:met ?b ; ng:said ?c . }",
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?b WHERE { ?a ?p ?b "
      "FILTER(xsd:integer(?b) / 2 > 1) }",
  };
  for (const char* q : ok) {
    INFO(q);
    CHECK_NOTHROW(ng::check_query_supported(q));
  }
}

TEST_CASE("syntax errors carry rasqal's message and do not crash", "[rdf][sparql][unit]") {
  ng::RdfModel m = sample_model();
  const char* bad[] = {"SELECT ?x WHERE { ?x ?p }", "SELEC ?x WHERE { ?x ?p ?o }",
                       "SELECT ?x WHERE { ?x undefined:p ?o }", "", "}}}}"};
  for (const char* q : bad) {
    INFO(q);
    CHECK_THROWS_WITH(ng::run_query(m, q), Catch::Contains("SPARQL"));
  }
}

TEST_CASE("queries find people by label and return typed values", "[rdf][sparql][unit]") {
  ng::RdfModel m = sample_model();
  ng::QueryTable t = ng::run_query(m, kPrefixes + R"(
    SELECT DISTINCT ?p ?date WHERE {
      ?p rdfs:label "Anna Kowalski" .
      ?e ng:host ?p ; schema:startDate ?date .
    })");
  REQUIRE(t.variables == std::vector<std::string>{"p", "date"});
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][0].kind == ng::RdfTerm::Kind::Iri);
  CHECK(t.rows[0][0].value == "https://w3id.org/newsgraph/id/entity/anna_kowalski");
  CHECK(t.rows[0][1].value == "2024-05-06");
  CHECK(t.rows[0][1].datatype == "http://www.w3.org/2001/XMLSchema#date");

  ng::QueryTable ask = ng::run_query(m, kPrefixes + "ASK { ?p rdfs:label \"Carl Berg\" }");
  CHECK(ask.is_boolean);
  CHECK(ask.boolean);
  CHECK(ng::to_tsv(ask) == "boolean\ntrue\n");

  ng::QueryTable none =
      ng::run_query(m, kPrefixes + "SELECT ?p WHERE { ?p rdfs:label \"Nobody\" }");
  CHECK(none.rows.empty());
  CHECK(ng::to_tsv(none) == "p\n");
}

TEST_CASE("the SPARQL escaper survives hostile strings", "[rdf][sparql][unit]") {
  ng::RdfModel m = sample_model();
  for (const auto& hostile : ng::test::hostile_names()) {
    // Labels are cleaned names (core/text.h clean_name): what is left of the
    // hostile string still has quotes, braces and angle brackets inside.
    const std::string name = ng::clean_name(hostile);
    INFO(name);
    if (!ng::usable_name(name)) continue;
    std::string q =
        kPrefixes + "SELECT DISTINCT ?p WHERE { ?p rdfs:label " + ng::sparql_string(name) + " }";
    ng::QueryTable t = ng::run_query(m, q);
    REQUIRE(t.rows.size() == 1);
    std::string iri = t.rows[0][0].value;
    // And back: the IRI as a SPARQL IRI reference finds the label.
    ng::QueryTable back = ng::run_query(
        m, kPrefixes + "SELECT DISTINCT ?l WHERE { " + ng::sparql_iri(iri) + " rdfs:label ?l }");
    REQUIRE(back.rows.size() == 1);
    CHECK(back.rows[0][0].value == name);
  }
  CHECK(ng::sparql_string("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd\\te\"");
  CHECK(ng::sparql_iri("http://x/a b<c>") == "<http://x/a%20b%3Cc%3E>");
}

TEST_CASE("results print as TSV and SPARQL JSON", "[rdf][sparql][unit]") {
  ng::QueryTable t;
  t.variables = {"s", "label"};
  t.rows.push_back({ng::RdfTerm::iri("http://x/a"), ng::RdfTerm::literal("tab\there\nnl")});
  t.rows.push_back({ng::RdfTerm::iri("http://x/b"), ng::RdfTerm{}});
  CHECK(ng::to_tsv(t) == "s\tlabel\nhttp://x/a\ttab here nl\nhttp://x/b\t\n");
  auto j = nlohmann::json::parse(ng::to_sparql_json(t));
  CHECK(j["head"]["vars"] == nlohmann::json::array({"s", "label"}));
  CHECK(j["results"]["bindings"][0]["s"]["type"] == "uri");
  CHECK(j["results"]["bindings"][0]["label"]["value"] == "tab\there\nnl");
  CHECK_FALSE(j["results"]["bindings"][1].contains("label"));
}
