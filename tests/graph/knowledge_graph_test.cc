#include "graph/knowledge_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "core/error.h"
#include "graph/iri.h"
#include "tests/sample_documents.h"

namespace {

using ng::test::DocBuilder;
const std::string kBase = "https://w3id.org/newsgraph/id/";

int count_kind(const ng::KnowledgeGraph& g, ng::NodeKind kind) {
  int n = 0;
  for (size_t i = 0; i < g.node_count(); ++i) n += g.node(static_cast<int>(i)).kind == kind;
  return n;
}

const ng::GraphStatement* find_statement(const ng::KnowledgeGraph& g,
                                         const std::string& subject_label,
                                         const std::string& predicate) {
  for (const auto& st : g.statements())
    if (g.node(st.subject).label == subject_label && st.predicate == predicate) return &st;
  return nullptr;
}

}  // namespace

TEST_CASE("two articles mentioning one person give one node", "[graph][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  int peter = g.find(kBase + "entity/peter_lindqvist");
  REQUIRE(peter >= 0);
  const ng::GraphNode& n = g.node(peter);
  CHECK(n.label == "Peter Lindqvist");
  CHECK(n.cls == "schema:Person");
  REQUIRE(n.mentioned_in.size() == 2);
  CHECK(g.articles()[n.mentioned_in[0].article].doc_id == "a1");
  CHECK(g.articles()[n.mentioned_in[1].article].doc_id == "b2");
  CHECK(n.aliases == std::vector<std::string>{"Lindqvist", "P. Lindqvist"});
  // People: Anna, Peter, Zoë, Carl; places: Springfield, Freedonia, Oslo; two publishers.
  CHECK(count_kind(g, ng::NodeKind::Entity) == 9);
  CHECK(count_kind(g, ng::NodeKind::Article) == 2);
  CHECK(g.articles()[0].graph == kBase + "graph/a1");
  CHECK(g.articles()[0].iri.rfind(kBase + "article/a1/", 0) == 0);
  CHECK(g.node(g.articles()[0].publisher).iri == kBase + "entity/example_news");
}

TEST_CASE("facts keep their provenance", "[graph][unit]") {
  ng::KnowledgeGraph g;
  ng::Document a = ng::test::article_a();
  g.add(a);
  const ng::GraphStatement* st = find_statement(g, "Anna Kowalski", "ng:presented");
  REQUIRE(st);
  CHECK(g.node(st->object).kind == ng::NodeKind::Literal);
  CHECK(g.node(st->object).label == "a medal");
  CHECK(st->provenance.sentence == 1);
  CHECK(st->provenance.sentence_text == "Kowalski presented Lindqvist with a medal.");
  CHECK(a.text.substr(st->provenance.begin, st->provenance.end - st->provenance.begin) ==
        st->provenance.sentence_text);
  CHECK(st->provenance.rule == "give.present");
  CHECK(st->provenance.confidence == Approx(0.8));
  REQUIRE(st->extra.size() == 1);
  CHECK(st->extra[0].first == "ng:recipient");
  CHECK(g.node(st->extra[0].second).label == "Peter Lindqvist");
  CHECK(st->iri == ng::statement_iri(g.articles()[0].iri, 1));
  // The article itself can be a subject.
  const ng::GraphStatement* pub = nullptr;
  for (const auto& s : g.statements())
    if (s.predicate == "schema:publisher") pub = &s;
  REQUIRE(pub);
  CHECK(g.node(pub->subject).kind == ng::NodeKind::Article);
  // ...and a publisher named by a string is the organisation node.
  CHECK(g.node(pub->object).iri == kBase + "entity/example_news");
}

TEST_CASE("role facts come from the document's facts only, once", "[graph][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  const ng::GraphStatement* title = find_statement(g, "Anna Kowalski", "schema:jobTitle");
  REQUIRE(title);
  CHECK(g.node(title->object).label == "President");
  CHECK(title->provenance.rule == "role.title");
  const ng::GraphStatement* office = find_statement(g, "Anna Kowalski", "ng:holdsOfficeIn");
  REQUIRE(office);
  CHECK(g.node(office->object).label == "Freedonia");
  CHECK(office->provenance.rule == "role.office");

  // A role the document states no fact for makes no statement: the graph
  // does not invent facts with a provenance of its own.
  DocBuilder b("c3");
  int s = b.sentence("President Anna Kowalski spoke.");
  int anna = b.entity("Anna Kowalski", ng::EntityType::Person);
  b.role(anna, "President", -1, s);
  ng::KnowledgeGraph g2;
  g2.add(b.doc());
  int titles = 0;
  for (const auto& st : g2.statements()) titles += st.predicate == "schema:jobTitle";
  CHECK(titles == 0);
}

TEST_CASE("meetings give participants and met links only when asserted", "[graph][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  REQUIRE(g.events().size() == 3);
  const ng::GraphEvent& first = g.events()[0];
  CHECK(first.participants.size() == 2);
  CHECK(first.date == "2024-05-06");
  REQUIRE(first.place >= 0);
  CHECK(g.node(first.place).label == "Springfield");
  CHECK(g.node(first.node).iri == ng::event_iri(g.articles()[0].iri, 0));
  CHECK(g.node(first.node).cls == "ng:Meeting");
  // Anna–Peter (a1) and Carl–Peter (b2); the negated Peter–Zoë meeting gives none.
  REQUIRE(g.met_links().size() == 2);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& l : g.met_links()) pairs.emplace_back(g.node(l.a).label, g.node(l.b).label);
  std::sort(pairs.begin(), pairs.end());
  CHECK(pairs[0] == std::make_pair(std::string("Anna Kowalski"), std::string("Peter Lindqvist")));
  CHECK(pairs[1] == std::make_pair(std::string("Carl Berg"), std::string("Peter Lindqvist")));
}

TEST_CASE("adding a document twice or with an unknown prefix fails and changes nothing",
          "[graph][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  const size_t nodes = g.node_count(), statements = g.statements().size();
  CHECK_THROWS_WITH(g.add(ng::test::article_a()), Catch::Contains("'a1'"));
  DocBuilder b("bad");
  int s = b.sentence("X frobbed Y.");
  int x = b.entity("X", ng::EntityType::Person), y = b.entity("Y", ng::EntityType::Person);
  b.fact(s, b.ent(x), "foo:frobbed", b.ent(y));
  CHECK_THROWS_WITH(g.add(b.doc()), Catch::Contains("foo:frobbed"));
  CHECK(g.node_count() == nodes);
  CHECK(g.statements().size() == statements);
  CHECK(g.articles().size() == 1);
}

TEST_CASE("unusable arguments are skipped and counted", "[graph][unit]") {
  DocBuilder b("d4");
  int s = b.sentence("Something happened.");
  int x = b.entity("X Person", ng::EntityType::Person);
  int unnamed = b.entity("   ", ng::EntityType::Person);
  b.fact(s, b.lit("a literal"), "ng:said", b.ent(x));  // literal subject
  b.fact(s, b.ent(x), "ng:met", b.ent(unnamed));       // unnamed entity
  b.fact(s, b.ent(x), "ng:met", b.ent(99));            // out of range
  b.fact(99, b.ent(x), "ng:said", b.lit("ok"));        // bad sentence index: kept, no text
  ng::KnowledgeGraph g;
  g.add(b.doc());
  CHECK(g.skipped() == 3);
  REQUIRE(g.statements().size() == 1);
  CHECK(g.statements()[0].provenance.sentence == -1);
  CHECK(g.statements()[0].provenance.sentence_text.empty());
}

TEST_CASE("labels do not depend on the order articles are added", "[graph][unit]") {
  auto doc = [](const std::string& id, const std::string& name) {
    DocBuilder b(id);
    b.sentence(name + " spoke.");
    b.entity(name, ng::EntityType::Person);
    return b.doc();
  };
  ng::KnowledgeGraph g1, g2;
  g1.add(doc("1", "Zoe Alstrom"));
  g1.add(doc("2", "Zoë Ålström"));
  g2.add(doc("2", "Zoë Ålström"));
  g2.add(doc("1", "Zoe Alstrom"));
  int v1 = g1.find(kBase + "entity/zoe_alstrom"), v2 = g2.find(kBase + "entity/zoe_alstrom");
  REQUIRE(v1 >= 0);
  REQUIRE(v2 >= 0);
  CHECK(g1.node(v1).label == "Zoë Ålström");
  CHECK(g2.node(v2).label == "Zoë Ålström");
  CHECK(g1.node(v1).aliases == std::vector<std::string>{"Zoe Alstrom"});
}

TEST_CASE("literal datatypes keep RDF valid", "[graph][unit]") {
  struct Case {
    const char* datatype;
    const char* value;
    const char* expected;
  };
  const Case cases[] = {
      {"", "x", ""},
      {"date", "2024-05-06", "xsd:date"},
      {"date", "2024-05", "xsd:gYearMonth"},
      {"date", "2024", "xsd:gYear"},
      {"date", "2024-13-45", ""},
      {"date", "last Monday", ""},
      {"gYear", "1999", "xsd:gYear"},
      {"xsd:integer", "42", "xsd:integer"},
      {"integer", "4x2", ""},
      {"decimal", "0.5", "xsd:decimal"},
      {"schema:Text", "t", "schema:Text"},
      {"nope:Type", "t", ""},
  };
  for (const auto& c : cases) {
    INFO(c.datatype << " " << c.value);
    CHECK(ng::literal_datatype(c.datatype, c.value) == c.expected);
  }
  CHECK(ng::format_decimal(0.85) == "0.85");
  CHECK(ng::format_decimal(1.0) == "1.0");
  CHECK(ng::format_decimal(0.0) == "0.0");
  CHECK(ng::format_decimal(1.0 / 3) == "0.3333");
}

TEST_CASE("a custom base IRI is used everywhere and checked", "[graph][unit]") {
  ng::KnowledgeGraph g("http://example.org/kg/");
  g.add(ng::test::article_a());
  CHECK(g.find("http://example.org/kg/entity/anna_kowalski") >= 0);
  CHECK(g.articles()[0].iri.rfind("http://example.org/kg/article/a1/", 0) == 0);
  CHECK(g.articles()[0].graph == "http://example.org/kg/graph/a1");
  CHECK_THROWS_AS(ng::KnowledgeGraph("not a base"), ng::Error);
}

TEST_CASE("an untyped name said once and used by no fact is not a node", "[graph][unit]") {
  DocBuilder b("u1", "Range opens", "2024-05-06");
  int s0 = b.sentence("The Range opened and Lumo Corp hired Tarsk Works.");
  b.entity("Range", ng::EntityType::Other);                  // a headline word, once
  int lumo = b.entity("Lumo Corp", ng::EntityType::Org);
  int works = b.entity("Tarsk Works", ng::EntityType::Other);  // untyped but in a fact
  b.fact(s0, b.ent(lumo), "ng:hired", b.ent(works));
  ng::KnowledgeGraph g;
  g.add(b.doc());
  CHECK(g.find(kBase + "thing/range") < 0);
  int n = 0;
  for (size_t i = 0; i < g.node_count(); ++i)
    n += g.node(static_cast<int>(i)).label == "Tarsk Works";
  CHECK(n == 1);
  CHECK(count_kind(g, ng::NodeKind::Entity) == 2);
}
