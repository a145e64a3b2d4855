// What the RDF view states directly and what it only reifies.
#include "rdf/quads.h"

#include <catch2/catch.hpp>

#include "tests/doc_builder.h"

namespace {

ng::Document open_fact_document() {
  ng::test::DocBuilder b("o1");
  int s = b.sentence("Anna Kowalski praised the new bridge.");
  int anna = b.entity("Anna Kowalski", ng::EntityType::Person);
  b.fact(s, b.ent(anna), "ng:relation", b.lit("the new bridge"), "open.svo", 0.7);
  return std::move(b.doc());
}

bool states_direct_relation(const std::string& ntriples) {
  return ntriples.find("/entity/anna_kowalski> <https://w3id.org/newsgraph/ontology#relation> \"") !=
         std::string::npos;
}

}  // namespace

TEST_CASE("open-extraction text facts are reified, direct triples only on request",
          "[rdf][unit]") {
  ng::KnowledgeGraph g;
  g.add(open_fact_document());
  const std::string plain = ng::to_ntriples(g, false);
  CHECK_FALSE(states_direct_relation(plain));
  CHECK(plain.find("\"the new bridge\"") != std::string::npos);  // the ng:Fact record keeps it
  g.set_direct_open_facts(true);
  CHECK(states_direct_relation(ng::to_ntriples(g, false)));
}
