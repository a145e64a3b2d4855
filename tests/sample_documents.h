// Hand-built Documents for the graph and export tests (no extractor needed):
// two articles that share a person, and one article full of hostile strings.
#pragma once

#include "graph/knowledge_graph.h"

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "tests/doc_builder.h"

namespace ng::test {

// Article "a1": Anna Kowalski (President of Freedonia) received Peter
// Lindqvist in Springfield; she presented him with a medal.
inline Document article_a() {
  DocBuilder b("a1", "Leaders meet in Springfield", "2024-05-06", "Example News",
               "https://news.example.org/a1");
  int s0 = b.sentence("President Anna Kowalski received Peter Lindqvist in Springfield on Monday.");
  int s1 = b.sentence("Kowalski presented Lindqvist with a medal.");
  int anna = b.entity("Anna Kowalski", EntityType::Person, {"Kowalski"});
  int peter = b.entity("Peter Lindqvist", EntityType::Person, {"Lindqvist"});
  int springfield = b.entity("Springfield", EntityType::Gpe);
  int freedonia = b.entity("Freedonia", EntityType::Gpe);
  b.role(anna, "President", freedonia, s0);
  b.fact(s0, b.ent(anna), "ng:received", b.ent(peter), "meet.receive", 0.9);
  b.fact(s1, b.ent(anna), "ng:presented", b.lit("a medal"), "give.present", 0.8, Modality::Asserted,
         {{"ng:recipient", b.ent(peter)}});
  b.fact(s0, b.article(), "schema:publisher", b.lit("Example News"), "meta.publisher", 1.0);
  // The role's facts, as the extraction stage states them (role.title, role.office).
  b.fact(s0, b.ent(anna), "schema:jobTitle", b.lit("President"), "role.title", 0.9);
  b.fact(s0, b.ent(anna), "ng:holdsOfficeIn", b.ent(freedonia), "role.office", 0.9);
  b.event(s0, "ng:Meeting", {{"ng:host", b.ent(anna)}, {"ng:guest", b.ent(peter)}}, "2024-05-06",
          b.ent(springfield));
  return std::move(b.doc());
}

// Article "b2": Peter Lindqvist did not meet Zoë Ålström; he met Carl Berg in Oslo.
inline Document article_b() {
  DocBuilder b("b2", "Talks in Oslo", "2024-05-07", "Other Wire", "https://wire.example.org/b2");
  int s0 = b.sentence("Peter Lindqvist did not meet Zoë Ålström.");
  int s1 = b.sentence("Lindqvist met Carl Berg in Oslo.");
  int peter = b.entity("Peter Lindqvist", EntityType::Person, {"Lindqvist", "P. Lindqvist"});
  int zoe = b.entity("Zoë Ålström", EntityType::Person);
  int carl = b.entity("Carl Berg", EntityType::Person);
  int oslo = b.entity("Oslo", EntityType::Gpe);
  b.fact(s0, b.ent(peter), "ng:met", b.ent(zoe), "meet.verb", 0.8, Modality::Negated);
  b.fact(s1, b.ent(peter), "ng:met", b.ent(carl), "meet.verb", 0.85);
  b.event(s0, "ng:Meeting", {{"ng:participant", b.ent(peter)}, {"ng:participant", b.ent(zoe)}}, "",
          {}, Modality::Negated);
  b.event(s1, "ng:Meeting", {{"ng:participant", b.ent(peter)}, {"ng:participant", b.ent(carl)}},
          "2024-05", b.ent(oslo));
  return std::move(b.doc());
}

// Strings that break naive writers of Turtle, N-Triples, RDF/XML, JSON, DOT, TSV.
inline const std::vector<std::string>& hostile_names() {
  static const std::vector<std::string> names = {
      "Zoë \"The Hammer\" Ålström",
      "O'Brien <script>{x}</script>",
      "Back\\slash \\n \\u0041 Person",
      "Ǆemal Ǆ",
      "Smiley 😀 Person",
      "!!!",
      "Tab\tand\nNewline Name",
      "..",
      "@prefix ex: <http://evil/> .",
      "a\"\"\"triple quotes'''",
      "#hash and ; semicolon & ampersand ]]>",
  };
  return names;
}

// Article with hostile names, ids, title, URL, sentences and literals, each
// name meeting the next.
inline Document hostile_article() {
  DocBuilder b("weird id/with \"quotes\" <and> {braces} \\ ünïcödé",
               "Title with \"quotes\", <tags>, {braces}, \\backslash\\ and\nnewline", "2024-13-45",
               "News \"Co\" <X>", "https://example.org/a b\"c");
  const auto& names = hostile_names();
  std::vector<int> ids;
  for (const auto& n : names)
    ids.push_back(b.entity(n, EntityType::Person, {n + " alias", "<" + n + ">"}));
  int org = b.entity("Ministry of \"Truth\" & <Love>", EntityType::Org);
  for (size_t i = 0; i < names.size(); ++i) {
    int s = b.sentence("Sentence " + std::to_string(i) + ": " + names[i] +
                       " met someone; control \x01 char, CR \r here, tab \t, quote \" end.");
    b.fact(s, b.ent(ids[i]), "ng:said",
           b.lit("\"Quote\" with <b>tags</b>, {x}, \\ and \n " + names[i]), "speech.say", 0.75);
    b.fact(s, b.ent(ids[i]), "schema:jobTitle", b.lit("Head of <" + names[i] + ">"), "role.title",
           0.7);
    b.fact(s, b.ent(ids[i]), "ng:relation", b.ent(org), "open.ie", 0.5, Modality::Asserted,
           {{"ng:about", b.lit("the {thing} \"about\"")}});
    size_t j = (i + 1) % names.size();
    b.event(s, "ng:Meeting", {{"ng:participant", b.ent(ids[i])}, {"ng:participant", b.ent(ids[j])}},
            i % 2 ? "2024-05-06" : "2024", b.lit("Place \"" + names[i] + "\""));
  }
  return std::move(b.doc());
}

// The graph of articles a1, b2 and the hostile article, as most export and
// RDF tests use it.
inline KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  g.add(article_a());
  g.add(article_b());
  g.add(hostile_article());
  return g;
}

}  // namespace ng::test
