// Every term newsgraph emits must be declared in ontology/newsgraph.ttl:
// the terms the exporters write, and every CURIE the rule files use.
#include "rdf/ontology.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "core/error.h"
#include "rdf/quads.h"
#include "graph/iri.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

std::string ontology_path() { return (ng::test::source_dir() / "ontology/newsgraph.ttl").string(); }

// Terms in our vocabularies (not instance IRIs, not XSD datatypes).
bool is_vocabulary(const std::string& iri) {
  for (const char* ns :
       {"https://w3id.org/newsgraph/ontology#", "http://schema.org/", "http://www.w3.org/ns/prov#",
        "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2004/02/skos/core#"})
    if (iri.rfind(ns, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("the ontology parses and documents every ng: term", "[rdf][ontology][unit]") {
  ng::Ontology o = ng::Ontology::load(ontology_path());
  CHECK(o.declares("ng:met"));
  CHECK(o.declares("ng:Meeting"));
  CHECK(o.declares("schema:Person"));
  CHECK(o.declares("https://w3id.org/newsgraph/ontology#received"));
  CHECK_FALSE(o.declares("ng:noSuchTerm"));
  CHECK_FALSE(o.declares("bogus:met"));
  for (const auto& iri : o.terms()) {
    INFO(iri);
    CHECK(o.documented(iri));
  }
  // The terms the brief and the rules rely on.
  for (const char* t : {"ng:met",
                        "ng:received",
                        "ng:visited",
                        "ng:hosted",
                        "ng:presented",
                        "ng:recipient",
                        "ng:congratulated",
                        "ng:thanked",
                        "ng:praised",
                        "ng:criticised",
                        "ng:said",
                        "ng:announced",
                        "ng:noted",
                        "ng:emphasized",
                        "ng:expressedGratitude",
                        "ng:expressedConcern",
                        "ng:reported",
                        "ng:signed",
                        "ng:agreedWith",
                        "ng:appointed",
                        "ng:elected",
                        "ng:attacked",
                        "ng:accused",
                        "ng:sanctioned",
                        "ng:holdsOfficeIn",
                        "ng:partOf",
                        "ng:locatedIn",
                        "ng:relation",
                        "ng:Meeting",
                        "ng:Visit",
                        "ng:Statement",
                        "ng:Fact",
                        "ng:participant",
                        "ng:host",
                        "ng:guest",
                        "ng:modality",
                        "ng:sentenceText",
                        "ng:startOffset",
                        "ng:endOffset",
                        "ng:rule",
                        "ng:confidence",
                        "ng:docId",
                        "ng:relationText",
                        "ng:IdentityLink",
                        "ng:evidence",
                        "owl:sameAs",
                        "schema:Organization",
                        "schema:Place",
                        "schema:Country",
                        "schema:Event",
                        "schema:NewsArticle",
                        "schema:jobTitle",
                        "schema:startDate",
                        "schema:location",
                        "schema:publisher",
                        "schema:datePublished",
                        "schema:headline",
                        "schema:url"}) {
    INFO(t);
    CHECK(o.declares(t));
  }
}

TEST_CASE("every term the exporters emit is declared", "[rdf][ontology][unit]") {
  ng::Ontology o = ng::Ontology::load(ontology_path());
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  g.add(ng::test::hostile_article());
  std::set<std::string> used;
  const std::string type = ng::expand_curie("rdf:type");
  ng::emit_quads(
      g, [&](const std::string&, const ng::RdfTerm&, const ng::RdfTerm& p, const ng::RdfTerm& obj) {
        used.insert(p.value);
        if (p.value == type) used.insert(obj.value);
      });
  CHECK(used.size() > 30);
  for (const auto& iri : used) {
    if (!is_vocabulary(iri)) continue;
    INFO(iri);
    CHECK(o.declares(iri));
  }
}

TEST_CASE("every CURIE in the rule files is declared", "[rdf][ontology][unit]") {
  ng::Ontology o = ng::Ontology::load(ontology_path());
  auto dir = ng::test::source_dir() / "extraction/rules";
  if (!std::filesystem::is_directory(dir)) {
    WARN("skipped: no rule directory " << dir);
    return;
  }
  const std::regex curie("[\"' \\[{,]((ng|schema|prov|rdfs|skos):[A-Za-z][A-Za-z0-9_]*)");
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml" && entry.path().extension() != ".yml") continue;
    std::string text = ng::test::read_file(entry.path());
    size_t line_no = 0, pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? text.size() : nl + 1;
      ++line_no;
      // Drop comments ("# ..." at the start of a line or after a space).
      size_t hash = line.find('#');
      while (hash != std::string::npos && hash > 0 && line[hash - 1] != ' ')
        hash = line.find('#', hash + 1);
      if (hash != std::string::npos) line.resize(hash);
      for (std::sregex_iterator it(line.begin(), line.end(), curie), end; it != end; ++it) {
        INFO(entry.path().filename().string() << ":" << line_no << ": " << (*it)[1].str());
        CHECK(o.declares((*it)[1].str()));
        ++checked;
      }
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("a broken or missing ontology is an error naming the file", "[rdf][ontology][unit]") {
  ng::test::TempDir tmp;
  auto bad =
      tmp.write("bad.ttl", "@prefix ng: <https://w3id.org/newsgraph/ontology#> .\nng:met a .\n");
  CHECK_THROWS_WITH(ng::Ontology::load(bad.string()), Catch::Contains("bad.ttl"));
  CHECK_THROWS_WITH(ng::Ontology::load((tmp.path() / "none.ttl").string()),
                    Catch::Contains("none.ttl"));
  auto partial = tmp.write("partial.ttl",
                           "@prefix ng: <https://w3id.org/newsgraph/ontology#> .\n"
                           "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                           "ng:met a owl:ObjectProperty .\n");
  ng::Ontology o = ng::Ontology::load(partial.string());
  CHECK(o.declares("ng:met"));
  CHECK_FALSE(o.declares("ng:received"));
}
