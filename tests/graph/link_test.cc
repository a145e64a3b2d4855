// Cross-article identity (graph/link.h, rdf/link.h) on small hand-made
// article graphs: which IRIs are linked, which never are, the evidence, the
// entity table, and the RDF the links are written as and applied from.
#include "graph/link.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <map>

#include "graph/iri.h"
#include "rdf/link.h"
#include "rdf/ontology.h"
#include "rdf/rdf.h"
#include "rdf/sparql.h"
#include "tests/test_support.h"

namespace {

const std::string kBase = "https://w3id.org/newsgraph/id/";
const std::string kPerson = "http://schema.org/Person";
const std::string kPlace = "http://schema.org/Place";
const std::string kOrganization = "http://schema.org/Organization";

// One entity as an article states it: its name there, other names, type.
struct Named {
  std::string name;
  std::vector<std::string> aliases = {};
  std::string type = kPerson;
  std::vector<std::string> titles = {};
};

// A tiny corpus: articles by doc id, each with the entities it mentions.
struct Corpus {
  std::vector<ng::EntitySighting> sightings;
  Corpus& article(const std::string& doc, std::initializer_list<Named> entities) {
    for (const auto& e : entities) {
      ng::EntitySighting s;
      s.iri = ng::entity_iri(kBase, e.name);
      s.graph = ng::graph_iri(kBase, doc);
      s.article = ng::article_iri(kBase, doc, doc);
      s.doc_id = doc;
      s.label = e.name;
      s.aliases = e.aliases;
      s.type = e.type;
      s.titles = e.titles;
      sightings.push_back(std::move(s));
    }
    return *this;
  }
};

// The word lists the rules need, small and explicit.
ng::LinkLexicon lexicon() {
  ng::LinkLexicon lex;
  for (const char* w : {"president", "vice", "minister", "prime", "queen", "senator", "secretary",
                        "state", "mr", "mr.", "governor"})
    lex.role_words.insert(w);
  for (const char* w : {"vermont", "russian", "ruritania", "ruritanian", "united", "states"})
    lex.place_words.insert(w);
  return lex;
}

std::string iri(const std::string& name) { return ng::entity_iri(kBase, name); }

// variant IRI -> decision
std::map<std::string, ng::LinkDecision> decide(const Corpus& c) {
  std::map<std::string, ng::LinkDecision> out;
  for (auto& d : ng::link_entities(c.sightings, lexicon())) out[d.variant] = d;
  return out;
}

bool involves(const std::map<std::string, ng::LinkDecision>& links, const std::string& iri) {
  for (const auto& [v, d] : links)
    if (v == iri || d.canonical == iri) return true;
  return false;
}

}  // namespace

TEST_CASE("link: a surname-only form in an article naming the full name links to it",
          "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Lena Varga"}, {"Tomas Berg"}})
      .article("a2", {{"Lena Varga"}, {"Varga"}, {"Karl Weiss"}})
      .article("a3", {{"President Varga"}, {"Lena Varga"}});
  auto links = decide(c);
  REQUIRE(links.count(iri("Varga")));
  const auto& d = links[iri("Varga")];
  CHECK(d.canonical == iri("Lena Varga"));
  CHECK(d.rule == "surname-in-article");
  CHECK_THAT(d.evidence, Catch::Contains("'Varga' in article a2") &&
                             Catch::Contains("Lena Varga") &&
                             Catch::Contains("no other person named Varga"));
  CHECK(d.articles == std::vector<std::string>{ng::article_iri(kBase, "a2", "a2")});
  // The titled form too, with its title named in the rule and evidence.
  REQUIRE(links.count(iri("President Varga")));
  CHECK(links[iri("President Varga")].canonical == iri("Lena Varga"));
  CHECK(links[iri("President Varga")].rule == "titled-form+surname-in-article");
  // Nothing else: distinct full names stay as they are.
  CHECK(links.size() == 2);
}

TEST_CASE("link: an article calling the person by the surname is evidence too", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Lena Varga", {"Varga"}}}).article("a2", {{"Varga"}, {"Karl Weiss"}});
  auto links = decide(c);
  REQUIRE(links.count(iri("Varga")));
  CHECK(links[iri("Varga")].rule == "surname-alias");
  CHECK_THAT(links[iri("Varga")].evidence, Catch::Contains("a1 calls Lena Varga 'Varga'"));
}

TEST_CASE("link: people who merely share a surname are never one", "[graph][link][unit]") {
  SECTION("two full names, the bare surname in articles pointing to each: neither") {
    Corpus c;
    c.article("a1", {{"Ilham Aliyev"}, {"Aliyev"}})
        .article("a2", {{"Heydar Aliyev"}, {"Aliyev"}})
        .article("a3", {{"Aliyev"}});
    auto links = decide(c);
    CHECK(links.empty());
  }
  SECTION("an article naming both gives no evidence; one naming only one does") {
    Corpus c;
    c.article("a1", {{"Ilham Aliyev"}, {"Heydar Aliyev"}, {"Aliyev"}})
        .article("a2", {{"Ilham Aliyev"}, {"Aliyev"}});
    auto links = decide(c);
    REQUIRE(links.size() == 1);
    CHECK(links[iri("Aliyev")].canonical == iri("Ilham Aliyev"));
    CHECK(links[iri("Aliyev")].articles ==
          std::vector<std::string>{ng::article_iri(kBase, "a2", "a2")});
  }
  SECTION("without any article, a shared surname links to no one") {
    Corpus c;
    c.article("a1", {{"Ilham Aliyev", {}, kPerson, {"President"}}})
        .article("a2", {{"Heydar Aliyev", {}, kPerson, {"President"}}})
        .article("a3", {{"Aliyev", {}, kPerson, {"President"}}});
    CHECK(decide(c).empty());
  }
  SECTION("a surname that is someone's given name here is no evidence") {
    Corpus c;
    c.article("a1", {{"Karl Weiss"}, {"Weiss Anders"}, {"Weiss"}});
    CHECK(decide(c).empty());
  }
}

TEST_CASE("link: a surname alone in the corpus links only with a shared job title",
          "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Lena Varga", {}, kPerson, {"Prime Minister"}}})
      .article("a2", {{"Varga", {}, kPerson, {"Prime Minister"}}})
      .article("a3", {{"Tomas Berg"}})
      .article("a4", {{"Berg"}});
  auto links = decide(c);
  REQUIRE(links.count(iri("Varga")));
  CHECK(links[iri("Varga")].rule == "unique-surname");
  CHECK_THAT(links[iri("Varga")].evidence, Catch::Contains("Prime Minister"));
  CHECK_FALSE(links.count(iri("Berg")));  // same surname, same newspaper: not enough
}

TEST_CASE("link: spelling variants of one person's name", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Anna Kowalsky"}})
      .article("a2", {{"Anna Kowalsky"}})
      .article("a3", {{"Anna Kowalskyy"}})
      .article("a4", {{"Jan Novak"}})
      .article("a5", {{"Jan Nowik"}})                     // two edits on a short name
      .article("a6", {{"Lee Soo-min"}, {"Lee Soo-jin"}})  // never link names of one article
      .article("a7", {{"Piotr Zielinski"}})
      .article("a8", {{"Piotr Zielinsky", {}, kPlace}});  // not both persons
  auto links = decide(c);
  REQUIRE(links.count(iri("Anna Kowalskyy")));
  CHECK(links[iri("Anna Kowalskyy")].canonical == iri("Anna Kowalsky"));  // more articles
  CHECK(links[iri("Anna Kowalskyy")].rule == "spelling-variant");
  CHECK_FALSE(involves(links, iri("Jan Nowik")));
  CHECK_FALSE(involves(links, iri("Lee Soo-jin")));
  CHECK_FALSE(involves(links, iri("Piotr Zielinsky")));
  CHECK(links.size() == 1);
}

TEST_CASE("link: a title alone is never linked across articles", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Lena Varga"}, {"President", {"Varga"}}, {"Queen"}, {"Russian President"}})
      .article("a2", {{"President"}, {"Vice President"}, {"Queen"}, {"Karl Weiss"}})
      .article("a3", {{"Russian President"}, {"Karl Weiss", {"President"}}});
  auto links = decide(c);
  for (const char* t : {"President", "Queen", "Russian President", "Vice President"}) {
    INFO(t);
    CHECK_FALSE(involves(links, iri(t)));
  }
  CHECK(links.empty());
}

TEST_CASE("link: place and title words glued before a full name", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Tom Berg"}})
      .article("a2", {{"Tom Berg"}})
      .article("a3", {{"Vermont Tom Berg"}})
      .article("a4", {{"United States Tom Berg", {}, kPlace}})  // mistyped, place words
      .article("a5", {{"Secretary of State Tom Berg"}})
      .article("a6", {{"Ann Smith"}, {"Mary Jones"}})
      .article("a7", {{"Mary Ann Smith"}});  // "Mary" is a given name in the corpus
  auto links = decide(c);
  for (const char* v :
       {"Vermont Tom Berg", "United States Tom Berg", "Secretary of State Tom Berg"}) {
    INFO(v);
    REQUIRE(links.count(iri(v)));
    CHECK(links[iri(v)].canonical == iri("Tom Berg"));
  }
  CHECK(links[iri("Vermont Tom Berg")].rule == "glued-prefix");
  CHECK_THAT(links[iri("Vermont Tom Berg")].evidence, Catch::Contains("'Vermont'"));
  CHECK(links[iri("Secretary of State Tom Berg")].rule == "titled-form");
  CHECK_FALSE(involves(links, iri("Mary Ann Smith")));
}

TEST_CASE("link: titled forms without a plain one link to the name they share", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Minister Karl Weiss"}}).article("a2", {{"Vermont Karl Weiss"}});
  auto links = decide(c);
  REQUIRE(links.size() == 2);
  CHECK(links[iri("Minister Karl Weiss")].canonical == iri("Karl Weiss"));
  CHECK(links[iri("Minister Karl Weiss")].canonical_name == "Karl Weiss");
  CHECK(links[iri("Vermont Karl Weiss")].canonical == iri("Karl Weiss"));
}

TEST_CASE("link: middle initials and mistyped surnames", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Brian T. Carroll"}, {"Carroll", {}, kOrganization}})
      .article("a2", {{"Brian Carroll"}})
      .article("a3", {{"Brian T. Carroll", {"Carroll"}}, {"Carroll", {}, kOrganization}})
      .article("a4", {{"Gloria Morgan Vanderbilt"}})
      .article("a5", {{"Gloria Vanderbilt"}});  // a whole middle name: maybe another person
  auto links = decide(c);
  CHECK(links[iri("Brian Carroll")].canonical == iri("Brian T. Carroll"));
  CHECK(links[iri("Brian Carroll")].rule == "middle-initial");
  // Typed an organisation by the NER, but every article using it names
  // Brian T. Carroll... and a1 does not call him "Carroll": no link.
  CHECK_FALSE(links.count(iri("Carroll")));
  CHECK_FALSE(involves(links, iri("Gloria Vanderbilt")));
  Corpus d;
  d.article("a1", {{"Brian T. Carroll", {"Carroll"}}, {"Carroll", {}, kOrganization}});
  auto more = decide(d);
  REQUIRE(more.count(iri("Carroll")));
  CHECK_THAT(more[iri("Carroll")].evidence, Catch::Contains("typed schema:Organization"));
}

TEST_CASE("link: the entity table counts articles after the links", "[graph][link][unit]") {
  Corpus c;
  c.article("a1", {{"Lena Varga"}, {"Vienna", {}, kPlace}})
      .article("a2", {{"Lena Varga", {"Varga"}}, {"Varga"}})
      .article("a3", {{"Varga"}, {"Vienna", {}, kPlace}});
  auto links = ng::link_entities(c.sightings, lexicon());
  auto rows = ng::entity_table(c.sightings, links);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].iri == iri("Lena Varga"));
  CHECK(rows[0].name == "Lena Varga");
  CHECK(rows[0].type == "schema:Person");
  CHECK(rows[0].aliases == std::vector<std::string>{"Varga"});
  CHECK(rows[0].articles == 3);
  CHECK(rows[1].name == "Vienna");
  CHECK(rows[1].type == "schema:Place");
  CHECK(rows[1].articles == 2);
  std::string tsv = ng::entity_table_tsv(rows);
  CHECK(tsv.rfind("iri\tname\ttype\taliases\tarticles\n", 0) == 0);
  CHECK_THAT(tsv, Catch::Contains(iri("Lena Varga") + "\tLena Varga\tschema:Person\tVarga\t3\n"));
}

TEST_CASE("link: the real lexicon keeps titles apart and strips them", "[graph][link][unit]") {
  auto lex = ng::LinkLexicon::load(ng::test::source_dir() / "lexicon");
  CHECK(lex.role_words.count("president"));
  CHECK(lex.place_words.count("vermont"));
  Corpus c;
  c.article("a1", {{"Prime Minister Tom Berg"}, {"Prime Minister"}})
      .article("a2", {{"Tom Berg"}, {"Prime Minister"}});
  auto links = ng::link_entities(c.sightings, lex);
  REQUIRE(links.size() == 1);
  CHECK(links[0].variant == iri("Prime Minister Tom Berg"));
  CHECK(links[0].canonical == iri("Tom Berg"));
}

// ------------------------------------------------------------------ RDF

namespace {

// N-Quads of one article graph as `newsgraph build` writes it.
std::string article_quads(const std::string& doc, std::initializer_list<Named> entities) {
  std::string g = "<" + ng::graph_iri(kBase, doc) + ">";
  std::string a = "<" + ng::article_iri(kBase, doc, doc) + ">";
  std::string out =
      a + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> " +
      g + " .\n";
  out += a + " <https://w3id.org/newsgraph/ontology#docId> \"" + doc + "\" " + g + " .\n";
  for (const auto& e : entities) {
    std::string s = "<" + iri(e.name) + ">";
    out += a + " <http://schema.org/mentions> " + s + " " + g + " .\n";
    out += s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + e.type + "> " + g + " .\n";
    out += s + " <http://www.w3.org/2000/01/rdf-schema#label> \"" + e.name + "\" " + g + " .\n";
    for (const auto& x : e.aliases)
      out += s + " <http://www.w3.org/2004/02/skos/core#altLabel> \"" + x + "\" " + g + " .\n";
  }
  return out;
}

std::string meeting_quads(const std::string& doc, const std::string& a, const std::string& b) {
  std::string g = "<" + ng::graph_iri(kBase, doc) + ">";
  std::string art = ng::article_iri(kBase, doc, doc);
  std::string e = "<" + art + "/event/0>";
  std::string out;
  out += e +
         " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
         "<https://w3id.org/newsgraph/ontology#Meeting> " +
         g + " .\n";
  out += e + " <https://w3id.org/newsgraph/ontology#participant> <" + iri(a) + "> " + g + " .\n";
  out += e + " <https://w3id.org/newsgraph/ontology#participant> <" + iri(b) + "> " + g + " .\n";
  out += e + " <https://w3id.org/newsgraph/ontology#modality> \"asserted\" " + g + " .\n";
  out += e + " <http://www.w3.org/ns/prov#wasDerivedFrom> <" + art + "> " + g + " .\n";
  return out;
}

}  // namespace

TEST_CASE("link: sightings read from article graphs, links written and applied",
          "[graph][link][rdf][unit]") {
  std::string corpus = article_quads("a1", {{"Lena Varga", {"Varga"}}, {"Tomas Berg"}}) +
                       meeting_quads("a1", "Lena Varga", "Tomas Berg") +
                       article_quads("a2", {{"Varga"}, {"Karl Weiss"}}) +
                       meeting_quads("a2", "Varga", "Karl Weiss");
  ng::RdfModel model;
  model.parse(corpus, ng::RdfFormat::NQuads, "corpus.nq");
  auto sightings = ng::read_sightings(model);
  REQUIRE(sightings.size() == 4);
  auto varga = std::find_if(sightings.begin(), sightings.end(),
                            [](const ng::EntitySighting& s) { return s.iri == iri("Lena Varga"); });
  REQUIRE(varga != sightings.end());
  CHECK(varga->doc_id == "a1");
  CHECK(varga->graph == ng::graph_iri(kBase, "a1"));
  CHECK(varga->aliases == std::vector<std::string>{"Varga"});
  CHECK(varga->type == kPerson);

  auto links = ng::link_entities(sightings, lexicon());
  REQUIRE(links.size() == 1);
  std::string nq = ng::links_nquads(links, kBase);
  CHECK(nq == ng::links_nquads(links, kBase));  // deterministic
  CHECK_THAT(nq, Catch::Contains("<" + iri("Varga") + "> <http://www.w3.org/2002/07/owl#sameAs> <" +
                                 iri("Lena Varga") + "> <" + kBase + "graph/links> .\n"));
  CHECK_THAT(nq,
             Catch::Contains("<https://w3id.org/newsgraph/ontology#evidence> \"article a1 calls "
                             "Lena Varga 'Varga'\""));

  // Every term the links use is declared in the ontology.
  ng::Ontology o = ng::Ontology::load((ng::test::source_dir() / "ontology/newsgraph.ttl").string());
  ng::RdfModel written;
  written.parse(nq, ng::RdfFormat::NQuads, "links.nq");
  auto used =
      ng::run_query(written, "SELECT DISTINCT ?p ?c WHERE { ?s ?p ?o . OPTIONAL { ?s a ?c } }");
  size_t checked = 0;
  for (const auto& row : used.rows)
    for (const auto& t : row)
      if (t.kind == ng::RdfTerm::Kind::Iri) {
        INFO(t.value);
        CHECK(o.declares(t.value));
        ++checked;
      }
  CHECK(checked >= 10);

  // Applied: who met whom names Lena Varga in both articles, once.
  model.parse(nq, ng::RdfFormat::NQuads, "links.nq");
  auto same = ng::read_same_as(model);
  CHECK(same.canonical.at(iri("Varga")) == iri("Lena Varga"));
  CHECK(same.name.at(iri("Lena Varga")) == "Lena Varga");
  CHECK(ng::apply_links(model) > 0);
  auto labels =
      ng::run_query(model, "SELECT ?g ?l WHERE { GRAPH ?g { <" + iri("Lena Varga") +
                               "> <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?g");
  REQUIRE(labels.rows.size() == 3);  // a1, a2 and the links graph, each once
  for (const auto& row : labels.rows) CHECK(row[1].value == "Lena Varga");
  auto left = ng::run_query(model, "SELECT ?p ?o WHERE { <" + iri("Varga") + "> ?p ?o }");
  REQUIRE(left.rows.size() == 1);  // only its owl:sameAs
  CHECK(left.rows[0][0].value == "http://www.w3.org/2002/07/owl#sameAs");
  auto alt = ng::run_query(
      model, "ASK { GRAPH <" + ng::graph_iri(kBase, "a2") + "> { <" + iri("Lena Varga") +
                 "> <http://www.w3.org/2004/02/skos/core#altLabel> \"Varga\" } }");
  CHECK(alt.boolean);
  auto met = ng::run_query(
      model,
      "SELECT DISTINCT ?p WHERE { ?e <https://w3id.org/newsgraph/ontology#participant> ?p }");
  CHECK(met.rows.size() == 3);
  CHECK(ng::apply_links(model) == 0);  // nothing left to rewrite
}

TEST_CASE("link: links rename the entities of articles for render", "[graph][link][unit]") {
  ng::SameAsLinks links;
  links.canonical[iri("Varga")] = iri("Lena Varga");
  links.name[iri("Lena Varga")] = "Lena Varga";
  std::vector<ng::Document> docs(1);
  docs[0].entities.resize(2);
  docs[0].entities[0].name = "Varga";
  docs[0].entities[1].name = "Karl Weiss";
  CHECK(ng::apply_links(links, docs) == 1);
  CHECK(docs[0].entities[0].name == "Lena Varga");
  CHECK(docs[0].entities[0].aliases == std::vector<std::string>{"Varga"});
  CHECK(docs[0].entities[1].name == "Karl Weiss");
}
