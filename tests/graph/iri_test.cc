#include "graph/iri.h"
#include "core/text.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace {

const std::string kBase = "https://w3id.org/newsgraph/id/";

bool only_iri_safe(const std::string& s) {
  for (unsigned char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == '-' || c == '%' || (c >= 'A' && c <= 'F');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("normalise_name folds accents, lower-cases and percent-encodes", "[graph][iri][unit]") {
  struct Case {
    const char* name;
    const char* slug;
  };
  const Case cases[] = {
      {"Ilham Aliyev", "ilham_aliyev"},
      {"Zoë Ålström", "zoe_alstrom"},
      {"Recep Tayyip Erdoğan", "recep_tayyip_erdogan"},
      {"  Multiple \t  spaces\n here ", "multiple_spaces_here"},
      {"AT&T", "at%26t"},
      {"!!!", "%21%21%21"},
      {"..", "%2E."},
      {".hidden", "%2Ehidden"},
      {"St. Petersburg", "st._petersburg"},
      {"100% Sure", "100%25_sure"},
      {"a/b", "a%2Fb"},
      {"", "_"},
      {"   ", "_"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(ng::normalise_name(c.name) == c.slug);
  }
}

TEST_CASE("normalise_name output stays inside the IRI-safe alphabet", "[graph][iri][unit]") {
  const char* hostile[] = {"Ǆ",          "😀 emoji",   "<script>",
                           "\"quoted\"", "{braces}",  "back\\slash",
                           "日本語",     "tab\there", "semi;colon#hash?query"};
  for (const char* h : hostile) {
    INFO(h);
    std::string slug = ng::normalise_name(h);
    CHECK(only_iri_safe(slug));
    CHECK(ng::normalise_name(h) == slug);  // deterministic
  }
}

TEST_CASE("entity IRIs are deterministic and hold no type", "[graph][iri][unit]") {
  CHECK(ng::entity_iri(kBase, "Ilham Aliyev") == kBase + "entity/ilham_aliyev");
  CHECK(ng::entity_iri(kBase, "United Nations") == kBase + "entity/united_nations");
  // Do not over-merge: different names, different IRIs.
  CHECK(ng::entity_iri(kBase, "Ilham Aliyev") != ng::entity_iri(kBase, "Heydar Aliyev"));
  CHECK(ng::entity_iri("http://example.org/x#", "A") == "http://example.org/x#entity/a");
}

TEST_CASE("graph, article, event and statement IRIs", "[graph][iri][unit]") {
  CHECK(ng::graph_iri(kBase, "wikinews:Cairo_summit") == kBase + "graph/wikinews%3ACairo_summit");
  CHECK(ng::graph_iri(kBase, "a b/\"c\"") == kBase + "graph/a%20b%2F%22c%22");
  // The article IRI is the id plus a hash of the text: the same text gives the
  // same IRI, another text under the same id another one.
  const std::string a1 = ng::article_iri(kBase, "doc1", "Text one.");
  CHECK(a1 == kBase + "article/doc1/" + ng::stable_hash("Text one."));
  CHECK(a1 == ng::article_iri(kBase, "doc1", "Text one."));
  CHECK(a1 != ng::article_iri(kBase, "doc1", "Text two."));
  CHECK(ng::event_iri(a1, 3) == a1 + "/event/3");
  CHECK(ng::statement_iri(a1, 0) == a1 + "/fact/0");
  // FNV-1a 64 of "" and "a": fixed forever (IRIs must not change between versions).
  CHECK(ng::stable_hash("") == "cbf29ce484222325");
  CHECK(ng::stable_hash("a") == "af63dc4c8601ec8c");
}

TEST_CASE("CURIEs expand and compact", "[graph][iri][unit]") {
  CHECK(ng::expand_curie("ng:met") == "https://w3id.org/newsgraph/ontology#met");
  CHECK(ng::expand_curie("schema:Person") == "http://schema.org/Person");
  CHECK(ng::expand_curie("xsd:date") == "http://www.w3.org/2001/XMLSchema#date");
  CHECK(ng::expand_curie("http://example.org/p") == "http://example.org/p");
  CHECK(ng::compact_iri("http://schema.org/Person") == "schema:Person");
  CHECK(ng::compact_iri("http://example.org/p") == "http://example.org/p");
  CHECK(ng::local_name("ng:met") == "met");
  CHECK(ng::local_name("http://schema.org/jobTitle") == "jobTitle");
  const char* bad[] = {"foo:bar", "met", "ng:", "ng:has space", "ng:a<b"};
  for (const char* b : bad) {
    INFO(b);
    CHECK_THROWS_AS(ng::expand_curie(b), ng::Error);
  }
}

TEST_CASE("base IRIs are checked", "[graph][iri][unit]") {
  CHECK_NOTHROW(ng::check_base_iri("https://w3id.org/newsgraph/id/"));
  const char* bad[] = {"",
                       "example.org/",
                       "https://example.org/id",
                       "https://exa mple.org/",
                       "https://example.org/<x>/",
                       "1http://x/"};
  for (const char* b : bad) {
    INFO(b);
    CHECK_THROWS_AS(ng::check_base_iri(b), ng::Error);
  }
}
