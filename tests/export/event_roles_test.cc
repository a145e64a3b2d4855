// An event lists each (role, node) once: a rule slot can hold the same entity
// twice (a name and its apposition: "received Bob Ray, Governor of Astra"),
// and two entities of one article can be the same graph node. Diagrams then
// drew two "guest" arrows and the JSON listed the guest twice.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/graphviz.h"
#include "export/json.h"
#include "rdf/rdf.h"
#include "tests/sample_documents.h"

namespace {

ng::Document doubled_guest() {
  using ng::EntityType;
  ng::test::DocBuilder b("roles1", "", "2024-05-06");
  int s0 = b.sentence("Ann Lee received Bob Ray, Governor of Astra, in Rome.");
  int ann = b.entity("Ann Lee", EntityType::Person);
  int bob = b.entity("Bob Ray", EntityType::Person);
  int bob_again = b.entity("Bob Ray", EntityType::Person);  // same name, same node
  int rome = b.entity("Rome", EntityType::Gpe);
  b.event(s0, "ng:Meeting",
          {{"ng:host", b.ent(ann)},
           {"ng:guest", b.ent(bob)},
           {"ng:guest", b.ent(bob)},
           {"ng:guest", b.ent(bob_again)},
           {"ng:participant", b.ent(bob)}},
          "2024-05-06", b.ent(rome));
  return std::move(b.doc());
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("an event lists each role and node once", "[export][roles][unit]") {
  ng::KnowledgeGraph g;
  g.add(doubled_guest());
  REQUIRE(g.events().size() == 1);
  const auto& ev = g.events()[0];
  // host, guest, and the guest again under another role (kept: a different role).
  REQUIRE(ev.roles.size() == 3);
  CHECK(ev.roles[0].first == "ng:host");
  CHECK(ev.roles[1].first == "ng:guest");
  CHECK(ev.roles[2].first == "ng:participant");
  CHECK(ev.roles[1].second == ev.roles[2].second);
  CHECK(ev.participants.size() == 2);
  CHECK(g.met_links().size() == 1);

  auto j = nlohmann::json::parse(ng::to_json(g));
  size_t guests = 0;
  for (const auto& r : j["events"][0]["roles"]) guests += r["role"] == "ng:guest";
  CHECK(guests == 1);

  // One guest arrow in the diagram, one guest triple in the RDF.
  std::string dot = ng::to_dot(g);
  CHECK(count(dot, "label=\"guest\"") == 1);
  std::string nt = ng::to_rdf(g, ng::RdfFormat::NTriples);
  CHECK(count(nt, "#guest> ") == 1);
}
