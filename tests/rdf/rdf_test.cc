// RDF output must load anywhere: every format is checked with rapper
// (raptor2-utils) and with an independent parser, Python's rdflib.
#include "rdf/rdf.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/error.h"
#include "rdf/jsonld.h"
#include "rdf/sparql.h"
#include "rdf/quads.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

using ng::test::TempDir;

ng::KnowledgeGraph sample_graph(bool hostile = true) {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  if (hostile) g.add(ng::test::hostile_article());
  return g;
}

struct Expected {
  size_t triples = 0;              // distinct triples
  size_t quads = 0;                // distinct quads
  std::set<std::string> graphs;    // article IRIs
  std::set<std::string> literals;  // plain literal values
};

Expected expected(const ng::KnowledgeGraph& g) {
  Expected e;
  std::set<std::string> triples;
  ng::emit_quads(g, [&](const std::string& graph, const ng::RdfTerm& s, const ng::RdfTerm& p,
                        const ng::RdfTerm& o) {
    ++e.quads;
    e.graphs.insert(graph);
    triples.insert(s.value + '\x1f' + p.value + '\x1f' + o.value + '\x1f' + o.datatype +
                   (o.kind == ng::RdfTerm::Kind::Iri ? "I" : "L"));
    if (o.kind == ng::RdfTerm::Kind::Literal && o.datatype.empty()) e.literals.insert(o.value);
  });
  e.triples = triples.size();
  return e;
}

// "rapper: Parsing returned N triples" -> N; -1 when rapper failed.
long rapper_count(const std::string& syntax, const std::string& path, std::string* err = nullptr) {
  auto r = ng::test::run_shell("rapper -i " + syntax + " -c '" + path + "'");
  if (err) *err = r.err;
  std::smatch m;
  if (r.status == 0 &&
      std::regex_search(r.err, m, std::regex("returned (\\d+) (triples|statements|quads)")))
    return std::stol(m[1]);
  return -1;
}

const char* kRdflibScript = R"PY(
import json, sys
import rdflib
fmt, path = sys.argv[1], sys.argv[2]
if fmt in ("nquads", "json-ld"):
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format=fmt)
    contexts = sorted(str(c.identifier) for c in g.contexts()
                      if len(c) > 0 and isinstance(c.identifier, rdflib.URIRef)
                      and "/graph/" in str(c.identifier))
    triples = set(g.triples((None, None, None)))
else:
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    contexts = []
    triples = set(g)
if fmt == "nt":
    # rdflib 6.1's N-Triples parser decodes an escaped backslash followed by
    # "n" or "u0041" as a newline or "A"; N-Triples is a subset of Turtle,
    # whose parser gets it right.
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    triples = set(g)
literals = sorted({str(o) for (_, _, o) in triples
                   if isinstance(o, rdflib.Literal) and o.datatype is None and o.language is None})
print(json.dumps({"triples": len(triples), "contexts": contexts, "literals": literals}))
)PY";

nlohmann::json rdflib_load(const TempDir& tmp, const std::string& format, const std::string& path) {
  auto script = tmp.write("check_rdflib.py", kRdflibScript);
  auto r = ng::test::run_shell("/usr/bin/python3 '" + script.string() + "' " + format + " '" +
                               path + "'");
  INFO("rdflib stderr: " << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

bool have_rdflib() {
  return ng::test::run_shell("/usr/bin/python3 -c 'import rdflib'").status == 0;
}

}  // namespace

TEST_CASE("every RDF format parses with rapper and rdflib, hostile strings included",
          "[rdf][tool]") {
  ng::KnowledgeGraph g = sample_graph();
  Expected want = expected(g);
  REQUIRE(want.graphs.size() == 3);
  TempDir tmp;
  struct Format {
    ng::RdfFormat format;
    const char* file;
    const char* rapper;
    const char* rdflib;
  };
  const Format formats[] = {
      {ng::RdfFormat::Turtle, "g.ttl", "turtle", "turtle"},
      {ng::RdfFormat::NTriples, "g.nt", "ntriples", "nt"},
      {ng::RdfFormat::NQuads, "g.nq", "nquads", "nquads"},
      {ng::RdfFormat::RdfXml, "g.rdf", "rdfxml", "xml"},
  };
  const bool rdflib = have_rdflib();
  if (!rdflib) WARN("skipped the rdflib half: /usr/bin/python3 cannot import rdflib");
  for (const auto& f : formats) {
    INFO("format " << f.rapper);
    std::string text = ng::to_rdf(g, f.format);
    auto path = tmp.write(f.file, text).string();
    std::string err;
    long n = rapper_count(f.rapper, path, &err);
    INFO("rapper: " << err);
    CHECK(n == static_cast<long>(f.format == ng::RdfFormat::NQuads ? want.quads : want.triples));
    if (!rdflib) continue;
    nlohmann::json j = rdflib_load(tmp, f.rdflib, path);
    CHECK(j["triples"].get<size_t>() == want.triples);
    auto literals = j["literals"].get<std::vector<std::string>>();
    std::set<std::string> got(literals.begin(), literals.end()), wanted = want.literals;
    if (f.format == ng::RdfFormat::NQuads) {
      // rdflib's N-Quads parser has the N-Triples escape bug above: compare the
      // literals without a backslash (rapper's count covers the others).
      auto drop_backslashes = [](std::set<std::string>& s) {
        for (auto it = s.begin(); it != s.end();)
          it = it->find('\\') != std::string::npos ? s.erase(it) : std::next(it);
      };
      drop_backslashes(got);
      drop_backslashes(wanted);
      CHECK(wanted.size() > want.literals.size() / 2);
    }
    CHECK(got == wanted);
    if (f.format == ng::RdfFormat::NQuads) {
      auto contexts = j["contexts"].get<std::vector<std::string>>();
      CHECK(std::set<std::string>(contexts.begin(), contexts.end()) == want.graphs);
    }
  }
  if (rdflib) {
    INFO("format json-ld");
    auto path = tmp.write("g.jsonld", ng::to_jsonld(g)).string();
    nlohmann::json j = rdflib_load(tmp, "json-ld", path);
    CHECK(j["triples"].get<size_t>() == want.triples);
    auto contexts = j["contexts"].get<std::vector<std::string>>();
    CHECK(std::set<std::string>(contexts.begin(), contexts.end()) == want.graphs);
    auto literals = j["literals"].get<std::vector<std::string>>();
    CHECK(std::set<std::string>(literals.begin(), literals.end()) == want.literals);
  }
}

TEST_CASE("an independent SPARQL engine finds the met link and the provenance", "[rdf][tool]") {
  if (!have_rdflib()) {
    WARN("skipped: /usr/bin/python3 cannot import rdflib");
    return;
  }
  TempDir tmp;
  auto path = tmp.write("g.ttl", ng::to_rdf(sample_graph(false), ng::RdfFormat::Turtle));
  auto script = tmp.write("q.py", R"PY(
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="turtle")
q = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?la ?lb WHERE { ?a ng:met ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb } ORDER BY ?la ?lb
"""
for row in g.query(q):
    print("met\t%s\t%s" % (row.la, row.lb))
q2 = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?text ?start ?end ?rule ?conf ?doc WHERE {
  ?st rdf:predicate ng:presented ; ng:sentenceText ?text ; ng:startOffset ?start ;
      ng:endOffset ?end ; ng:rule ?rule ; ng:confidence ?conf ; prov:wasDerivedFrom ?a .
  ?a ng:docId ?doc }
"""
for row in g.query(q2):
    print("prov\t%s\t%s\t%s\t%s\t%s\t%s" % (row.text, row.start, row.end, row.rule, row.conf, row.doc))
)PY");
  auto r =
      ng::test::run_shell("/usr/bin/python3 '" + script.string() + "' '" + path.string() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  // Both directions of each asserted meeting; nothing for the negated Peter–Zoë one.
  CHECK(r.out.find("met\tAnna Kowalski\tPeter Lindqvist\n") != std::string::npos);
  CHECK(r.out.find("met\tPeter Lindqvist\tAnna Kowalski\n") != std::string::npos);
  CHECK(r.out.find("met\tCarl Berg\tPeter Lindqvist\n") != std::string::npos);
  CHECK(r.out.find("Zoë") == std::string::npos);
  ng::Document a = ng::test::article_a();
  std::string start = std::to_string(a.sentences[1].begin),
              end = std::to_string(a.sentences[1].end);
  CHECK(r.out.find("prov\tKowalski presented Lindqvist with a medal.\t" + start + "\t" + end +
                   "\tgive.present\t0.8\ta1\n") != std::string::npos);
}

TEST_CASE("only asserted facts get a direct triple, every fact gets a statement node",
          "[rdf][unit]") {
  ng::RdfModel model;
  model.add(sample_graph(false));
  auto rows = [&](const std::string& q) { return ng::run_query(model, q).rows.size(); };
  const std::string prefixes =
      "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";
  // Direct ng:met triples: Peter -> Carl from the fact (asserted); none to Zoë.
  CHECK(rows(prefixes + "SELECT DISTINCT ?b WHERE { ?a rdfs:label \"Peter Lindqvist\" . "
                        "?a ng:met ?b . ?b rdfs:label \"Zoë Ålström\" }") == 0);
  CHECK(rows(prefixes + "SELECT DISTINCT ?st WHERE { ?st rdf:predicate ng:met ; "
                        "ng:modality \"negated\" }") == 1);
  CHECK(rows(prefixes + "SELECT DISTINCT ?st WHERE { ?st a ng:Fact }") ==
        sample_graph(false).statements().size());
}

TEST_CASE("graph files load back with their named graphs", "[rdf][unit]") {
  ng::KnowledgeGraph g = sample_graph();
  Expected want = expected(g);
  TempDir tmp;
  struct Case {
    ng::RdfFormat format;
    const char* file;
  };
  const Case cases[] = {{ng::RdfFormat::NQuads, "g.nq"},   {ng::RdfFormat::Turtle, "g.ttl"},
                        {ng::RdfFormat::NTriples, "g.nt"}, {ng::RdfFormat::RdfXml, "g.rdf"},
                        {ng::RdfFormat::NQuads, "noext"},  {ng::RdfFormat::Turtle, "noext.txt"}};
  for (const auto& c : cases) {
    INFO(c.file);
    auto path = tmp.write(c.file, ng::to_rdf(g, c.format)).string();
    CHECK(ng::is_rdf_file(path));
    ng::RdfModel m;
    m.load_file(path);
    CHECK(m.size() == (c.format == ng::RdfFormat::NQuads ? want.quads : want.triples));
    if (c.format == ng::RdfFormat::NQuads) {
      // Graph names survive (librdf's own parser would drop them).
      std::string nq = m.serialize(ng::RdfFormat::NQuads);
      for (const auto& graph : want.graphs)
        CHECK(nq.find("<" + graph + "> .\n") != std::string::npos);
    }
  }
}

TEST_CASE("bad graph files give errors naming the file", "[rdf][unit]") {
  TempDir tmp;
  ng::RdfModel m;
  CHECK_THROWS_WITH(m.load_file((tmp.path() / "missing.ttl").string()),
                    Catch::Contains("missing.ttl"));
  auto bad = tmp.write(
      "bad.ttl",
      "@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c ;\n ex:d \"unterminated .\n");
  CHECK_THROWS_WITH(m.load_file(bad.string()),
                    Catch::Contains("bad.ttl") && Catch::Contains("line"));
  auto bad_nq =
      tmp.write("bad.nq", "<http://a> <http://b> <http://c> <http://g> <http://extra> .\n");
  CHECK_THROWS_WITH(m.load_file(bad_nq.string()), Catch::Contains("bad.nq"));
  auto text = tmp.write("article.txt", "President Anna Kowalski met Peter Lindqvist.\n");
  CHECK_FALSE(ng::is_rdf_file(text.string()));
  auto html = tmp.write("page.txt", "<html><body>Hi</body></html>\n");
  CHECK_FALSE(ng::is_rdf_file(html.string()));
}

TEST_CASE("format names parse", "[rdf][unit]") {
  ng::RdfFormat f;
  CHECK(ng::parse_rdf_format("turtle", f));
  CHECK(f == ng::RdfFormat::Turtle);
  CHECK(ng::parse_rdf_format("nquads", f));
  CHECK(f == ng::RdfFormat::NQuads);
  CHECK_FALSE(ng::parse_rdf_format("trig", f));
}
