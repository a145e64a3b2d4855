#include "rdf/who_met.h"

#include <catch2/catch.hpp>

#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

ng::KnowledgeGraph sample_graph() {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  return g;
}

const char* kHeader = "a\tb\tdate\tplace\tdoc\tsentence_text\n";
const std::string kRows =
    "Anna Kowalski\tPeter Lindqvist\t2024-05-06\tSpringfield\ta1\t"
    "President Anna Kowalski received Peter Lindqvist in Springfield on Monday.\n"
    "Carl Berg\tPeter Lindqvist\t2024-05\tOslo\tb2\tLindqvist met Carl Berg in Oslo.\n";

}  // namespace

TEST_CASE("who_met lists asserted meeting pairs", "[rdf][who-met][unit]") {
  ng::RdfModel m;
  m.add(sample_graph());
  CHECK(ng::who_met_tsv(ng::who_met(m), false) == kHeader + kRows);
}

TEST_CASE("who_met --all adds negated meetings with their modality", "[rdf][who-met][unit]") {
  ng::RdfModel m;
  m.add(sample_graph());
  auto rows = ng::who_met(m, true);
  REQUIRE(rows.size() == 3);
  std::string tsv = ng::who_met_tsv(rows, true);
  CHECK(tsv.rfind("a\tb\tdate\tplace\tdoc\tsentence_text\tmodality\n", 0) == 0);
  CHECK(tsv.find("Peter Lindqvist\tZoë Ålström\t\t\tb2\tPeter Lindqvist did not meet Zoë "
                 "Ålström.\tnegated\n") != std::string::npos);
}

TEST_CASE("who_met answers the same from a graph file", "[rdf][who-met][unit]") {
  ng::test::TempDir tmp;
  for (auto format : {ng::RdfFormat::NQuads, ng::RdfFormat::Turtle, ng::RdfFormat::RdfXml}) {
    INFO(ng::to_string(format));
    auto path =
        tmp.write("g." + std::string(ng::to_string(format)), ng::to_rdf(sample_graph(), format));
    ng::RdfModel m;
    m.load_file(path.string());
    CHECK(ng::who_met_tsv(ng::who_met(m), false) == kHeader + kRows);
  }
}

TEST_CASE("a meeting of three gives three pairs, each once", "[rdf][who-met][unit]") {
  ng::test::DocBuilder b("m3");
  int s = b.sentence("Ann, Bob and Cy met in Rome.");
  int ann = b.entity("Ann Ames", ng::EntityType::Person);
  int bob = b.entity("Bob Burr", ng::EntityType::Person);
  int cy = b.entity("Cy Cole", ng::EntityType::Person);
  int rome = b.entity("Rome", ng::EntityType::Gpe);
  b.event(s, "ng:Meeting",
          {{"ng:participant", b.ent(cy)},
           {"ng:participant", b.ent(ann)},
           {"ng:host", b.ent(bob)},
           {"ng:participant", b.ent(bob)}},
          "", b.ent(rome));
  ng::KnowledgeGraph g;
  g.add(b.doc());
  ng::RdfModel m;
  m.add(g);
  auto rows = ng::who_met(m);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].a == "Ann Ames");
  CHECK(rows[0].b == "Bob Burr");
  CHECK(rows[1].a == "Ann Ames");
  CHECK(rows[1].b == "Cy Cole");
  CHECK(rows[2].a == "Bob Burr");
  CHECK(rows[2].b == "Cy Cole");
  CHECK(rows[2].place == "Rome");
}
