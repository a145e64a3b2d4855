#include "rdf/jsonld.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/sample_documents.h"

TEST_CASE("JSON-LD has a context and one named graph per article", "[rdf][jsonld][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::hostile_article());
  auto j = nlohmann::json::parse(ng::to_jsonld(g));
  CHECK(j["@context"]["ng"] == "https://w3id.org/newsgraph/ontology#");
  REQUIRE(j["@graph"].size() == 2);
  CHECK(j["@graph"][0]["@id"] == g.articles()[0].graph);
  CHECK(j["@graph"][1]["@id"] == g.articles()[1].graph);
  bool article_typed = false;
  for (const auto& node : j["@graph"][0]["@graph"])
    if (node["@id"] == g.articles()[0].iri)
      article_typed = node["@type"] == nlohmann::json::array({"schema:NewsArticle"});
  CHECK(article_typed);
}
