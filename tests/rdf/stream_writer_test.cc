// StreamingRdfWriter: the article-by-article writers say what the
// whole-batch writers say (N-Quads and N-Triples byte for byte, Turtle the
// same triples).
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "rdf/quads.h"
#include "rdf/rdf.h"
#include "tests/sample_documents.h"

namespace {

// An article naming a new person before one article a1 named: the batch
// writers list a1's person first (seen first in the batch).
ng::Document article_c() {
  ng::test::DocBuilder b("c3", "Visit", "2024-05-08");
  int s0 = b.sentence("Nina Holt met Anna Kowalski in Springfield.");
  int nina = b.entity("Nina Holt", ng::EntityType::Person);
  int anna = b.entity("Anna Kowalski", ng::EntityType::Person);
  b.fact(s0, b.ent(nina), "ng:met", b.ent(anna), "meet.verb", 0.85);
  b.event(s0, "ng:Meeting", {{"ng:participant", b.ent(nina)}, {"ng:participant", b.ent(anna)}},
          "2024-05-08", {});
  return std::move(b.doc());
}

std::vector<ng::Document> batch() {
  return {ng::test::article_a(), ng::test::article_b(), article_c(), ng::test::hostile_article()};
}

std::string streamed(ng::RdfFormat format) {
  ng::StreamingRdfWriter writer(format);
  std::string out = writer.header();
  for (const auto& doc : batch()) {
    ng::KnowledgeGraph one;
    one.add(doc);
    writer.write(one, out);
  }
  return out;
}

std::vector<std::string> sorted_triples(const std::string& turtle) {
  ng::RdfModel m;
  m.parse(turtle, ng::RdfFormat::Turtle, "test.ttl");
  std::istringstream in(m.serialize(ng::RdfFormat::NTriples));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("streamed N-Quads, N-Triples and Turtle equal the whole-batch writers", "[unit]") {
  ng::KnowledgeGraph all;
  for (const auto& doc : batch()) all.add(doc);
  const std::string nquads = streamed(ng::RdfFormat::NQuads);
  CHECK(nquads == ng::to_ntriples(all, true));
  CHECK(streamed(ng::RdfFormat::NTriples) == ng::to_ntriples(all, false));
  const std::string turtle = streamed(ng::RdfFormat::Turtle);
  CHECK(sorted_triples(turtle) == sorted_triples(ng::to_turtle(all)));
  // Anna's label, said by a1 and c3, is written once.
  const std::string label =
      "<https://w3id.org/newsgraph/id/entity/anna_kowalski> "
      "<http://www.w3.org/2000/01/rdf-schema#label> \"Anna Kowalski\" .";
  const std::string nt = streamed(ng::RdfFormat::NTriples);
  CHECK(nt.find(label) != std::string::npos);
  CHECK(nt.find(label) == nt.rfind(label));
  CHECK_THROWS(ng::StreamingRdfWriter(ng::RdfFormat::RdfXml));
}
