// Reading JSON-LD back (rdf/jsonld.h read_jsonld, RdfModel::load_file): the
// JSON-LD build writes gives exactly the quads of its N-Quads, hostile
// strings included; the context's prefixes and @graph named graphs are
// honoured; what the reader does not support is refused naming the file.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "core/error.h"
#include "export/graphviz.h"
#include "export/json.h"
#include "rdf/jsonld.h"
#include "rdf/rdf.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

using ng::test::TempDir;

std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.insert(line);
  return out;
}

// Every quad of a model loaded from `text` (named `name`), as sorted N-Quads lines.
std::set<std::string> quads_of(const std::string& text, const std::string& name) {
  ng::RdfModel m;
  m.load_text(text, name);
  return lines(m.serialize(ng::RdfFormat::NQuads));
}

struct Quad {
  std::string g, s, p, o;
};

std::vector<Quad> read(const std::string& text) {
  std::vector<Quad> out;
  ng::read_jsonld(text, "t.jsonld",
                  [&](const ng::RdfTerm& g, const ng::RdfTerm& s, const ng::RdfTerm& p,
                      const ng::RdfTerm& o) {
                    auto show = [](const ng::RdfTerm& t) {
                      switch (t.kind) {
                        case ng::RdfTerm::Kind::Iri: return "<" + t.value + ">";
                        case ng::RdfTerm::Kind::Blank: return "_:" + t.value;
                        case ng::RdfTerm::Kind::Literal:
                          return "\"" + t.value + "\"" +
                                 (t.datatype.empty() ? "" : "^^<" + t.datatype + ">") +
                                 (t.language.empty() ? "" : "@" + t.language);
                        case ng::RdfTerm::Kind::None: break;
                      }
                      return std::string("-");
                    };
                    out.push_back({show(g), show(s), show(p), show(o)});
                  });
  return out;
}

}  // namespace

TEST_CASE("JSON-LD written by build reads back as the same quads as N-Quads", "[rdf][jsonld][unit]") {
  ng::KnowledgeGraph g = ng::test::sample_graph();
  auto from_nquads = quads_of(ng::to_rdf(g, ng::RdfFormat::NQuads), "g.nq");
  auto from_jsonld = quads_of(ng::to_jsonld(g), "g.jsonld");
  REQUIRE(from_nquads.size() > 100);
  CHECK(from_jsonld == from_nquads);
  // Without its extension too (recognised by content).
  CHECK(quads_of(ng::to_jsonld(g), "graph-output") == from_nquads);
}

TEST_CASE("JSON-LD: context prefixes, @vocab, named graphs, values", "[rdf][jsonld][unit]") {
  auto q = read(R"({
    "@context": [{"ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
                 {"@vocab": "http://vocab.org/", "name": {"@id": "ex:name"}}],
    "@graph": [
      {"@id": "ex:g1", "@graph": [
        {"@id": "ex:a", "@type": ["ex:Person", "Thing"], "name": [{"@value": "Ann", "@language": "en"}],
         "ex:age": {"@value": "42", "@type": "xsd:integer"}, "ex:knows": {"@id": "http://other.org/b"},
         "ex:score": 1.5, "ex:ok": true, "ex:note": "plain",
         "ex:friend": {"ex:nick": "Bo"}}
      ]},
      {"@id": "_:x", "ex:p": {"@id": "_:y"}}
    ]})");
  auto has = [&](const std::string& g, const std::string& s, const std::string& p,
                 const std::string& o) {
    for (const auto& x : q)
      if (x.g == g && x.s == s && x.p == p && x.o == o) return true;
    return false;
  };
  const std::string g1 = "<http://example.org/g1>", a = "<http://example.org/a>";
  const std::string type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  CHECK(has(g1, a, type, "<http://example.org/Person>"));
  CHECK(has(g1, a, type, "<http://vocab.org/Thing>"));
  CHECK(has(g1, a, "<http://example.org/name>", "\"Ann\"@en"));
  CHECK(has(g1, a, "<http://example.org/age>",
            "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
  CHECK(has(g1, a, "<http://example.org/knows>", "<http://other.org/b>"));
  CHECK(has(g1, a, "<http://example.org/score>",
            "\"1.5\"^^<http://www.w3.org/2001/XMLSchema#double>"));
  CHECK(has(g1, a, "<http://example.org/ok>",
            "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"));
  CHECK(has(g1, a, "<http://example.org/note>", "\"plain\""));
  CHECK(has("-", "_:x", "<http://example.org/p>", "_:y"));  // default graph
  // The embedded node gets a blank node, in the same graph.
  bool embedded = false;
  for (const auto& x : q)
    if (x.s == a && x.p == "<http://example.org/friend>" && x.o.rfind("_:", 0) == 0)
      embedded = has(g1, x.o, "<http://example.org/nick>", "\"Bo\"");
  CHECK(embedded);
  CHECK(q.size() == 11);
}

TEST_CASE("JSON-LD the reader does not support is refused naming the file", "[rdf][jsonld][unit]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"{\"@context\": \"https://schema.org/\", \"@id\": \"http://a\"}", "remote contexts"},
      {"{\"@context\": {\"ex\": \"http://e/\"}, \"@id\": \"ex:a\", \"ex:l\": {\"@list\": [1]}}",
       "@list"},
      {"{\"@context\": {\"ex\": {\"@id\": \"http://e/\", \"@type\": \"@id\"}}}", "@type"},
      {"{\"@id\": \"http://a\", \"p\": \"x\"}", "cannot expand 'p'"},
      {"{\"@graph\": [{\"@id\": \"http://g\", \"@graph\": [{\"@id\": \"http://h\", \"@graph\": []}]}]}",
       "named graphs inside named graphs"},
      {"{\"@graph\": [1]}", "not an object"},
      {"{\"@context\": {}, \"@graph\": [", "invalid JSON"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH(read(c.text), Catch::Contains("t.jsonld") && Catch::Contains(c.message));
  }
}

TEST_CASE("load_file reads every RDF format and refuses build's other exports", "[rdf][jsonld][unit]") {
  ng::KnowledgeGraph g = ng::test::sample_graph();
  TempDir tmp;
  auto want = quads_of(ng::to_rdf(g, ng::RdfFormat::NQuads), "g.nq");
  {
    ng::RdfModel m;
    m.load_file(tmp.write("g.jsonld", ng::to_jsonld(g)).string());
    CHECK(lines(m.serialize(ng::RdfFormat::NQuads)) == want);
  }
  struct Bad {
    std::string file, content, message;
  };
  const Bad bad[] = {
      {"g.json", ng::to_json(g), "g.json is a newsgraph JSON export, not RDF: build with --format nquads"},
      {"g.dot", ng::to_dot(g), "g.dot is a newsgraph DOT export, not RDF: build with --format nquads"},
      {"g.graphml", ng::to_graphml(g),
       "g.graphml is a newsgraph GraphML export, not RDF: build with --format nquads"},
      {"noext", ng::to_json(g), "noext is a newsgraph JSON export, not RDF"},
      {"article.txt", "Ann Lee met Bob Ray.\n", "cannot read"},
      {"bad.jsonld", "{\"@graph\": [", "bad.jsonld"},
  };
  for (const auto& b : bad) {
    INFO(b.file);
    ng::RdfModel m;
    auto path = tmp.write(b.file, b.content);
    CHECK_THROWS_WITH(m.load_file(path.string()), Catch::Contains(b.message));
  }
}
