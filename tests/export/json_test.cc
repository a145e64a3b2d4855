#include "export/json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/sample_documents.h"

TEST_CASE("the plain JSON graph has nodes, edges, events and articles", "[export][json][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  auto j = nlohmann::json::parse(ng::to_json(g));
  REQUIRE(j["nodes"].is_array());
  const std::string peter = "https://w3id.org/newsgraph/id/entity/peter_lindqvist";
  bool found = false;
  for (const auto& n : j["nodes"]) {
    if (n["id"] != peter) continue;
    found = true;
    CHECK(n["label"] == "Peter Lindqvist");
    CHECK(n["type"] == "schema:Person");
    CHECK(n["entity_type"] == "PERSON");
    CHECK(n["docs"] == nlohmann::json::array({"a1", "b2"}));
  }
  CHECK(found);
  int met = 0, presented = 0;
  for (const auto& e : j["edges"]) {
    if (e["predicate"] == "ng:met" && e.value("derived", false)) ++met;
    if (e["predicate"] == "ng:presented") {
      ++presented;
      CHECK(e["value"] == "a medal");
      CHECK(e["doc"] == "a1");
      CHECK(e["sentence"] == 2);  // 1-based: the second sentence
      CHECK(e["rule"] == "give.present");
      CHECK(e["extra"]["ng:recipient"][0] == peter);
    }
  }
  CHECK(met == 2);
  CHECK(presented == 1);
  REQUIRE(j["events"].size() == 3);
  CHECK(j["events"][0]["class"] == "ng:Meeting");
  CHECK(j["events"][0]["date"] == "2024-05-06");
  CHECK(j["events"][0]["sentence"] == 1);
  CHECK(j["events"][1]["modality"] == "negated");
  CHECK(j["events"][1]["date"].is_null());
  CHECK(j["articles"][0]["doc"] == "a1");
}
