// Coreference on hand-built Documents (tokens, tags and trees set by hand,
// names added as NER would), so the tests do not depend on the models.
// People and places are invented.
#include "entities/coref.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.h"
#include "core/utf8.h"
#include "entities/ner.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {

using ng::Document;
using ng::EntityType;

using ng::test::add_name;
// One word: form, UPOS, head (1-based in its sentence, 0 = root), relation;
// its lemma is its lower-cased form.
using W = ng::test::ParsedWord;

// A Document "test" of the given sentences (see tests/doc_builder.h).
Document make_doc(const std::vector<std::vector<W>>& sentences) {
  Document d;
  d.id = "test";
  for (const auto& s : sentences) ng::test::add_parsed_sentence(d, s);
  return d;
}

const ng::Coreference& coref() {
  static const ng::Coreference c(ng::test::source_dir() / "lexicon");
  return c;
}

// The entity holding the mention that starts at token `first` (a name
// first, else the longest), or -1.
int entity_at(const Document& d, int first) {
  for (const auto& m : d.mentions)
    if (m.first == first && m.kind == ng::MentionKind::Name) return m.entity;
  for (const auto& m : d.mentions)
    if (m.first == first) return m.entity;
  return -1;
}

// Entity of a name by its canonical name, or -1.
int entity_named(const Document& d, const std::string& n) {
  for (size_t e = 0; e < d.entities.size(); ++e)
    if (d.entities[e].name == n) return static_cast<int>(e);
  return -1;
}

}  // namespace

TEST_CASE("coref: apposition title, role descriptions and a pronoun", "[coref][unit]") {
  // Karl Brenner , Governor of the Varnovsk Oblast , met Otto Lang .
  // The governor of the Varnovsk Region praised the head of state .
  // He presented Lang with a book .
  // Otto Lang , President of Germany , thanked him .
  Document d = make_doc({
      {{"Karl", "PROPN", 9, "nsubj"},
       {"Brenner", "PROPN", 1, "flat"},
       {",", "PUNCT", 4, "punct"},
       {"Governor", "PROPN", 1, "appos"},
       {"of", "ADP", 8, "case"},
       {"the", "DET", 8, "det"},
       {"Varnovsk", "PROPN", 8, "compound"},
       {"Oblast", "PROPN", 4, "nmod"},
       {",", "PUNCT", 4, "punct"},
       {"met", "VERB", 0, "root"},
       {"Otto", "PROPN", 10, "obj"},
       {"Lang", "PROPN", 11, "flat"},
       {".", "PUNCT", 10, "punct"}},
      {{"The", "DET", 2, "det"},
       {"governor", "NOUN", 7, "nsubj"},
       {"of", "ADP", 6, "case"},
       {"the", "DET", 6, "det"},
       {"Varnovsk", "PROPN", 6, "compound"},
       {"Region", "PROPN", 2, "nmod"},
       {"praised", "VERB", 0, "root"},
       {"the", "DET", 9, "det"},
       {"head", "NOUN", 7, "obj"},
       {"of", "ADP", 11, "case"},
       {"state", "NOUN", 9, "nmod"},
       {".", "PUNCT", 7, "punct"}},
      {{"He", "PRON", 2, "nsubj"},
       {"presented", "VERB", 0, "root"},
       {"Lang", "PROPN", 2, "obj"},
       {"with", "ADP", 6, "case"},
       {"a", "DET", 6, "det"},
       {"book", "NOUN", 2, "obl"},
       {".", "PUNCT", 2, "punct"}},
      {{"Otto", "PROPN", 8, "nsubj"},
       {"Lang", "PROPN", 1, "flat"},
       {",", "PUNCT", 4, "punct"},
       {"President", "PROPN", 1, "appos"},
       {"of", "ADP", 6, "case"},
       {"Germany", "PROPN", 4, "nmod"},
       {",", "PUNCT", 4, "punct"},
       {"thanked", "VERB", 0, "root"},
       {"him", "PRON", 8, "obj"},
       {".", "PUNCT", 8, "punct"}},
  });
  add_name(d, 0, 2, EntityType::Person);    // Karl Brenner
  add_name(d, 6, 8, EntityType::Gpe);       // Varnovsk Oblast
  add_name(d, 10, 12, EntityType::Person);  // Otto Lang
  add_name(d, 17, 19, EntityType::Gpe);     // Varnovsk Region
  add_name(d, 27, 28, EntityType::Person);  // Lang
  add_name(d, 32, 34, EntityType::Person);  // Otto Lang
  add_name(d, 37, 38, EntityType::Gpe);     // Germany
  coref().process(d);

  const int karl = entity_named(d, "Karl Brenner");
  const int otto = entity_named(d, "Otto Lang");
  const int region = entity_at(d, 6);
  REQUIRE(karl >= 0);
  REQUIRE(otto >= 0);
  REQUIRE(karl != otto);
  CHECK(entity_at(d, 3) == karl);     // "Governor of the Varnovsk Oblast" (apposition)
  CHECK(entity_at(d, 13) == karl);    // "The governor of the Varnovsk Region"
  CHECK(entity_at(d, 17) == region);  // Region = Oblast: one place
  CHECK(entity_at(d, 20) == otto);    // "the head of state": the one president
  CHECK(entity_at(d, 25) == karl);    // "He": the subject of the previous sentence
  CHECK(entity_at(d, 27) == otto);    // "Lang": partial name
  CHECK(entity_at(d, 35) == otto);    // "President of Germany" (apposition)
  CHECK(entity_at(d, 40) == karl);    // "him" cannot be Otto Lang, the subject of "thanked"
  // Roles with what they are "of".
  const auto& roles = d.entities[karl].roles;
  REQUIRE(!roles.empty());
  CHECK(roles[0].title == "Governor");
  CHECK(roles[0].of == region);
  REQUIRE(!d.entities[otto].roles.empty());
  CHECK(d.entities[otto].roles[0].title == "President");
  CHECK(d.entities[otto].roles[0].of == entity_named(d, "Germany"));
  // Every merge is explained.
  CHECK(!d.entities[karl].merged_by.empty());
}

TEST_CASE("coref: two people sharing a surname stay apart, a bare surname is left alone",
          "[coref][unit]") {
  // Karl Brenner met Otto Brenner . Brenner spoke .
  Document d = make_doc({
      {{"Karl", "PROPN", 3, "nsubj"},
       {"Brenner", "PROPN", 1, "flat"},
       {"met", "VERB", 0, "root"},
       {"Otto", "PROPN", 3, "obj"},
       {"Brenner", "PROPN", 4, "flat"},
       {".", "PUNCT", 3, "punct"}},
      {{"Brenner", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}, {".", "PUNCT", 2, "punct"}},
  });
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 3, 5, EntityType::Person);
  add_name(d, 6, 7, EntityType::Person);
  coref().process(d);
  CHECK(entity_at(d, 0) != entity_at(d, 3));
  CHECK(entity_at(d, 6) != entity_at(d, 0));
  CHECK(entity_at(d, 6) != entity_at(d, 3));
  CHECK(d.entities.size() == 3);
}

TEST_CASE("coref: particles inside a person's name stay in its canonical name",
          "[coref][unit]") {
  // Ana von der Brenner spoke .  (the tagger read "der" as a noun)
  Document d = make_doc({{{"Ana", "PROPN", 5, "nsubj"},
                          {"von", "PROPN", 1, "flat"},
                          {"der", "NOUN", 1, "flat"},
                          {"Brenner", "PROPN", 1, "flat"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 5, "punct"}}});
  add_name(d, 0, 4, EntityType::Person);
  coref().process(d);
  CHECK(entity_named(d, "Ana von der Brenner") >= 0);
}

TEST_CASE("coref: a surname shared with a relative named later is the person named first",
          "[coref][unit]") {
  // Karl Brenner won . His wife Ute Brenner cried . Crowds cheered . Brenner spoke .
  Document d = make_doc({
      {{"Karl", "PROPN", 3, "nsubj"}, {"Brenner", "PROPN", 1, "flat"}, {"won", "VERB", 0, "root"},
       {".", "PUNCT", 3, "punct"}},
      {{"His", "PRON", 2, "nmod:poss"},
       {"wife", "NOUN", 5, "nsubj"},
       {"Ute", "PROPN", 2, "appos"},
       {"Brenner", "PROPN", 3, "flat"},
       {"cried", "VERB", 0, "root"},
       {".", "PUNCT", 5, "punct"}},
      {{"Crowds", "NOUN", 2, "nsubj"}, {"cheered", "VERB", 0, "root"}, {".", "PUNCT", 2, "punct"}},
      {{"Brenner", "PROPN", 2, "nsubj"}, {"spoke", "VERB", 0, "root"}, {".", "PUNCT", 2, "punct"}},
  });
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 6, 8, EntityType::Person);
  add_name(d, 13, 14, EntityType::Person);
  coref().process(d);
  CHECK(entity_at(d, 0) != entity_at(d, 6));
  CHECK(entity_at(d, 13) == entity_at(d, 0));
}

TEST_CASE("coref: a surname before a suffix, the first of two surnames, not 'himself'",
          "[coref][unit]") {
  struct Case {
    std::vector<const char*> full;  // the full name, then "spoke ."
    std::vector<const char*> part;  // the later name, then "left ."
    bool same;
  } cases[] = {
      {{"Karl", "Brenner", "Jr."}, {"Brenner"}, true},
      {{"Ana", "Lopes", "Garced"}, {"Lopes"}, true},
      {{"Ana", "Maria", "Garced"}, {"Maria"}, false},  // a given name in the middle
      {{"Karl", "Brenner"}, {"Brenner", "himself"}, true},
  };
  for (const Case& c : cases) {
    std::vector<W> s1, s2;
    const int n1 = static_cast<int>(c.full.size()), n2 = static_cast<int>(c.part.size());
    for (int k = 0; k < n1; ++k) s1.push_back({c.full[k], "PROPN", k ? 1 : n1 + 1, k ? "flat" : "nsubj"});
    s1.push_back({"spoke", "VERB", 0, "root"});
    s1.push_back({".", "PUNCT", n1 + 1, "punct"});
    for (int k = 0; k < n2; ++k) s2.push_back({c.part[k], k ? "PRON" : "PROPN", k ? 1 : n2 + 1, k ? "nmod:npmod" : "nsubj"});
    s2.push_back({"left", "VERB", 0, "root"});
    s2.push_back({".", "PUNCT", n2 + 1, "punct"});
    Document d = make_doc({s1, s2});
    add_name(d, 0, n1, EntityType::Person);
    add_name(d, n1 + 2, n1 + 2 + n2, EntityType::Person);
    coref().process(d);
    INFO(c.part[0]);
    CHECK((entity_at(d, n1 + 2) == entity_at(d, 0)) == c.same);
  }
}

TEST_CASE("coref: a surname the NER typed as a place is the person's, when also typed a person",
          "[coref][unit]") {
  // Ana La Riva spoke . La Riva left . La Riva said no .
  Document d = make_doc({
      {{"Ana", "PROPN", 4, "nsubj"}, {"La", "PROPN", 1, "flat"}, {"Riva", "PROPN", 1, "flat"},
       {"spoke", "VERB", 0, "root"}, {".", "PUNCT", 4, "punct"}},
      {{"La", "PROPN", 3, "nsubj"}, {"Riva", "PROPN", 1, "flat"}, {"left", "VERB", 0, "root"},
       {".", "PUNCT", 3, "punct"}},
      {{"La", "PROPN", 3, "nsubj"}, {"Riva", "PROPN", 1, "flat"}, {"said", "VERB", 0, "root"},
       {"no", "INTJ", 3, "obj"}, {".", "PUNCT", 3, "punct"}},
  });
  add_name(d, 0, 3, EntityType::Person);
  add_name(d, 5, 7, EntityType::Person);
  add_name(d, 9, 11, EntityType::Gpe);
  coref().process(d);
  CHECK(entity_at(d, 9) == entity_at(d, 0));
  CHECK(d.entities[entity_at(d, 0)].type == EntityType::Person);
  // Without the person-typed "La Riva" the place stays a place.
  Document d2 = make_doc({
      {{"Ana", "PROPN", 4, "nsubj"}, {"La", "PROPN", 1, "flat"}, {"Riva", "PROPN", 1, "flat"},
       {"spoke", "VERB", 0, "root"}, {".", "PUNCT", 4, "punct"}},
      {{"La", "PROPN", 3, "nsubj"}, {"Riva", "PROPN", 1, "flat"}, {"said", "VERB", 0, "root"},
       {"no", "INTJ", 3, "obj"}, {".", "PUNCT", 3, "punct"}},
  });
  add_name(d2, 0, 3, EntityType::Person);
  add_name(d2, 5, 7, EntityType::Gpe);
  coref().process(d2);
  CHECK(entity_at(d2, 5) != entity_at(d2, 0));
}

TEST_CASE("coref: a name cut after an initial, 'incumbent' before a title, a place run into a name",
          "[coref][unit]") {
  // President Karl S. Grant spoke .  (NER: "Karl S."; the tagger: "Grant" a noun)
  Document d = make_doc({{{"President", "PROPN", 2, "nmod:desc"},
                          {"Karl", "PROPN", 5, "nsubj"},
                          {"S.", "PROPN", 2, "flat"},
                          {"Grant", "NOUN", 2, "flat"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 5, "punct"}}});
  add_name(d, 0, 3, EntityType::Person);
  coref().process(d);
  CHECK(entity_named(d, "Karl S. Grant") >= 0);
  // incumbent Governor Karl Weiss spoke .  (NER: all four words)
  Document d1 = make_doc({{{"incumbent", "ADJ", 2, "amod"},
                           {"Governor", "PROPN", 3, "nmod:desc"},
                           {"Karl", "PROPN", 5, "nsubj"},
                           {"Weiss", "PROPN", 3, "flat"},
                           {"spoke", "VERB", 0, "root"},
                           {".", "PUNCT", 5, "punct"}}});
  add_name(d1, 0, 4, EntityType::Person);
  coref().process(d1);
  CHECK(entity_named(d1, "Karl Weiss") >= 0);
  // the United States Karl Weiss spoke .  (NER: one place)
  Document d2 = make_doc({{{"the", "DET", 3, "det"},
                           {"United", "PROPN", 3, "compound"},
                           {"States", "PROPN", 4, "compound"},
                           {"Karl", "PROPN", 6, "nsubj"},
                           {"Weiss", "PROPN", 4, "flat"},
                           {"spoke", "VERB", 0, "root"},
                           {".", "PUNCT", 6, "punct"}}});
  add_name(d2, 0, 5, EntityType::Gpe);
  coref().process(d2);
  const int karl = entity_named(d2, "Karl Weiss");
  REQUIRE(karl >= 0);
  CHECK(d2.entities[karl].type == EntityType::Person);
  CHECK(entity_at(d2, 0) != karl);
}

TEST_CASE("coref: name aliases", "[coref][unit]") {
  struct Case {
    const char* a1;
    const char* a2;
    EntityType type;
    const char* b1;
    const char* b2;
    bool same;
  };
  // "<A> and <B> ." with two names of up to two words each.
  const Case cases[] = {
      {"Germany", "", EntityType::Gpe, "Federal", "Republic", false},  // not the full alias
      {"Varnovsk", "", EntityType::Gpe, "Varnovsk", "Oblast", true},   // region word dropped
      {"Varnovsk", "Krai", EntityType::Gpe, "Varnovsk", "Oblast", true},
      {"Varnovsk", "", EntityType::Gpe, "Tarsk", "Oblast", false},
      {"Karl", "Brenner", EntityType::Person, "Brenner", "", true},
      {"Karl", "Brenner", EntityType::Person, "Otto", "Brenner", false},
      {"Lumo", "Corp.", EntityType::Org, "Lumo", "Corp.", true},
  };
  for (const Case& c : cases) {
    std::vector<W> s;
    s.push_back({c.a1, "PROPN", 0, "root"});
    if (*c.a2) s.push_back({c.a2, "PROPN", 1, "flat"});
    const int a_len = static_cast<int>(s.size());
    s.push_back({"and", "CCONJ", a_len + 2, "cc"});
    s.push_back({c.b1, "PROPN", 1, "conj"});
    if (*c.b2) s.push_back({c.b2, "PROPN", a_len + 2, "flat"});
    s.push_back({".", "PUNCT", 1, "punct"});
    Document d = make_doc({s});
    add_name(d, 0, a_len, c.type);
    add_name(d, a_len + 1, a_len + 2 + (*c.b2 ? 1 : 0), c.type);
    coref().process(d);
    INFO(c.a1 << " " << c.a2 << " / " << c.b1 << " " << c.b2);
    CHECK((entity_at(d, 0) == entity_at(d, a_len + 1)) == c.same);
  }
}

TEST_CASE("coref: country alias from the lexicon", "[coref][unit]") {
  // Germany thanked the Federal Republic of Germany .
  Document d = make_doc({{{"Germany", "PROPN", 2, "nsubj"},
                          {"thanked", "VERB", 0, "root"},
                          {"the", "DET", 5, "det"},
                          {"Federal", "PROPN", 5, "amod"},
                          {"Republic", "PROPN", 2, "obj"},
                          {"of", "ADP", 7, "case"},
                          {"Germany", "PROPN", 5, "nmod"},
                          {".", "PUNCT", 2, "punct"}}});
  add_name(d, 0, 1, EntityType::Gpe);
  add_name(d, 3, 7, EntityType::Gpe);
  coref().process(d);
  CHECK(entity_at(d, 0) == entity_at(d, 3));
  CHECK(d.entities.size() == 1);
  CHECK(d.entities[0].name == "Germany");
}

TEST_CASE("coref: pronoun agreement", "[coref][unit]") {
  struct Case {
    const char* pronoun;
    const char* upos;
    int expect;  // token of the antecedent's first word; -1 = unresolved
  };
  // Anna Weber visited Lumo Corp. . <pronoun> ... ("Anna" is a woman's
  // name: "He" is someone else)
  const Case cases[] = {
      {"She", "PRON", 0},
      {"Its", "PRON", 3},
      {"It", "PRON", 3},
      {"He", "PRON", -1},
  };
  for (const Case& c : cases) {
    Document d = make_doc({
        {{"Anna", "PROPN", 3, "nsubj"},
         {"Weber", "PROPN", 1, "flat"},
         {"visited", "VERB", 0, "root"},
         {"Lumo", "PROPN", 3, "obj"},
         {"Corp.", "PROPN", 4, "flat"},
         {".", "PUNCT", 3, "punct"}},
        {{c.pronoun, c.upos, 2, "nsubj"}, {"grew", "VERB", 0, "root"}, {".", "PUNCT", 2, "punct"}},
    });
    add_name(d, 0, 2, EntityType::Person);
    add_name(d, 3, 5, EntityType::Org);
    coref().process(d);
    INFO(c.pronoun);
    if (c.expect < 0)
      CHECK(entity_at(d, 6) == -1);
    else
      CHECK(entity_at(d, 6) == entity_at(d, c.expect));
  }
}

TEST_CASE("coref: every name gets an entity, unresolved pronouns are dropped", "[coref][unit]") {
  Document d = make_doc({{{"It", "PRON", 2, "nsubj"},
                          {"rained", "VERB", 0, "root"},
                          {"in", "ADP", 4, "case"},
                          {"Tarsk", "PROPN", 2, "obl"},
                          {".", "PUNCT", 2, "punct"}}});
  add_name(d, 3, 4, EntityType::Gpe);
  coref().process(d);
  REQUIRE(d.entities.size() == 1);
  REQUIRE(d.mentions.size() == 1);
  CHECK(d.mentions[0].entity == 0);
  CHECK(d.entities[0].mentions == std::vector<int>{0});
  CHECK(d.entities[0].type == EntityType::Gpe);
}

// The article the project started from (../shared/seeds), end to end. The
// checks find the mentions by structure ("the head of state", the word
// before "Oblast"), so no name from the article appears here.
TEST_CASE("coref: the seed article's people, titles and place", "[coref][seed][shared]") {
  const auto seed = ng::test::require_shared("seeds/000_022af1c9c7a0144b.txt");
  if (seed.empty()) return;  // skipped
  for (const char* model : {"models/tagger.bin", "models/parser.bin", "models/ner.bin"})
    if (!std::filesystem::exists(ng::test::source_dir() / model)) {
      WARN("skipped: " << model << " not built yet");
      return;
    }
  const std::string text = ng::test::read_file(seed);
  auto r = ng::test::run_cli("entities '" + seed.string() + "' --format json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  struct M {
    size_t start, end;
    std::string text;
    int entity;
    std::string type;
  };
  std::vector<M> ms;
  for (size_t e = 0; e < j["entities"].size(); ++e)
    for (const auto& m : j["entities"][e]["mentions"])
      ms.push_back({m["start"].get<size_t>(), m["end"].get<size_t>(), m["text"].get<std::string>(),
                    static_cast<int>(e), j["entities"][e]["type"].get<std::string>()});
  auto lower = [](std::string s) { return ng::to_lower(s); };
  auto starts = [&](const std::string& s, const std::string& p) {
    return lower(s).rfind(p, 0) == 0;
  };
  // The first two people named: the president and the governor.
  std::vector<int> people;
  for (size_t e = 0; e < j["entities"].size() && people.size() < 2; ++e)
    if (j["entities"][e]["type"] == "PERSON") people.push_back(static_cast<int>(e));
  REQUIRE(people.size() == 2);
  const int president = people[0], governor = people[1];

  int heads = 0, of_country = 0, governors = 0;
  for (const M& m : ms) {
    if (lower(m.text) == "the head of state") {
      ++heads;
      CHECK(m.entity == president);
    }
    if (starts(m.text, "the president of ")) {
      ++of_country;
      CHECK(m.entity == president);
    }
    if (starts(m.text, "the governor of ")) {
      ++governors;
      CHECK(m.entity == governor);
    }
  }
  CHECK(heads >= 2);
  CHECK(of_country == 1);
  CHECK(governors >= 1);
  // "He presented ...": the governor.
  const size_t he = text.find("He presented");
  REQUIRE(he != std::string::npos);
  bool he_found = false;
  for (const M& m : ms)
    if (m.start == he) {
      he_found = true;
      CHECK(m.entity == governor);
    }
  CHECK(he_found);
  // The person after "National Leader " is someone else.
  const std::string nl = "National Leader ";
  const size_t after = text.find(nl + "H") != std::string::npos ? text.find(nl) : text.find(nl);
  bool other = false;
  for (size_t p = text.find(nl); p != std::string::npos; p = text.find(nl, p + 1))
    for (const M& m : ms)
      if (m.end > p + nl.size() && m.start <= p + nl.size() && m.type == "PERSON") {
        other = true;
        CHECK(m.entity != president);
      }
  (void)after;
  CHECK(other);
  // The place before "Oblast" is one entity however it is named.
  const size_t oblast = text.find(" Oblast");
  REQUIRE(oblast != std::string::npos);
  const size_t word = text.rfind(' ', oblast - 1) + 1;
  const std::string place = text.substr(word, oblast - word);
  std::set<int> place_entities;
  int place_mentions = 0;
  for (const M& m : ms) {
    const std::string t = lower(m.text);
    const std::string p = lower(place);
    if (t == p || t == p + " oblast" || t == p + " region" || t == "the " + p + " region" ||
        t == "the " + p + " oblast") {
      ++place_mentions;
      place_entities.insert(m.entity);
    }
  }
  CHECK(place_mentions >= 3);
  CHECK(place_entities.size() == 1);
}

TEST_CASE("coref: 'the sides' are the two people of the meeting", "[coref][unit]") {
  // Karl Brenner received Otto Lang . The sides praised the talks . They left .
  Document d = make_doc({
      {{"Karl", "PROPN", 3, "nsubj"},
       {"Brenner", "PROPN", 1, "flat"},
       {"received", "VERB", 0, "root"},
       {"Otto", "PROPN", 3, "obj"},
       {"Lang", "PROPN", 4, "flat"},
       {".", "PUNCT", 3, "punct"}},
      {{"The", "DET", 2, "det"},
       {"sides", "NOUN", 3, "nsubj"},
       {"praised", "VERB", 0, "root"},
       {"the", "DET", 5, "det"},
       {"talks", "NOUN", 3, "obj"},
       {".", "PUNCT", 3, "punct"}},
      {{"They", "PRON", 2, "nsubj"}, {"left", "VERB", 0, "root"}, {".", "PUNCT", 2, "punct"}},
  });
  d.tokens[7].xpos = "NNS";
  d.tokens[7].lemma = "side";
  d.tokens[2].lemma = "receive";
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 3, 5, EntityType::Person);
  coref().process(d);
  const int sides = entity_at(d, 6);
  REQUIRE(sides >= 0);
  CHECK(d.entities[sides].type == EntityType::Other);
  CHECK(d.entities[sides].name == "Karl Brenner and Otto Lang");
  CHECK(sides != entity_at(d, 0));
  CHECK(sides != entity_at(d, 3));
  CHECK(entity_at(d, 12) == sides);  // "They"
}

TEST_CASE("coref: a person's name is the proper-noun core of the mention", "[coref][unit]") {
  // Economy minister Ana Ruiz met President of Tarsk Karl Brenner .
  Document d = make_doc({{{"Economy", "NOUN", 2, "compound"},
                          {"minister", "NOUN", 3, "nmod:desc"},
                          {"Ana", "PROPN", 5, "nsubj"},
                          {"Ruiz", "PROPN", 3, "flat"},
                          {"met", "VERB", 0, "root"},
                          {"President", "PROPN", 9, "nmod:desc"},
                          {"of", "ADP", 8, "case"},
                          {"Tarsk", "PROPN", 6, "nmod"},
                          {"Karl", "PROPN", 5, "obj"},
                          {"Brenner", "PROPN", 9, "flat"},
                          {".", "PUNCT", 5, "punct"}}});
  add_name(d, 0, 4, EntityType::Person);
  add_name(d, 5, 10, EntityType::Person);
  add_name(d, 7, 8, EntityType::Gpe);
  coref().process(d);
  CHECK(entity_named(d, "Ana Ruiz") >= 0);
  const int karl = entity_named(d, "Karl Brenner");
  REQUIRE(karl >= 0);
  REQUIRE(!d.entities[karl].roles.empty());
  CHECK(d.entities[karl].roles[0].title == "President");
  CHECK(d.entities[karl].roles[0].of == entity_named(d, "Tarsk"));
}

TEST_CASE("coref: a title tagged as a name keeps its determiner in the mention", "[coref][unit]") {
  // Ana Ruiz , President of Tarsk , spoke . The President of Tarsk left .
  Document d = make_doc({{{"Ana", "PROPN", 7, "nsubj"},
                          {"Ruiz", "PROPN", 1, "flat"},
                          {",", "PUNCT", 4, "punct"},
                          {"President", "PROPN", 1, "appos"},
                          {"of", "ADP", 6, "case"},
                          {"Tarsk", "PROPN", 4, "nmod"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 7, "punct"}},
                         {{"The", "DET", 2, "det"},
                          {"President", "PROPN", 5, "nsubj"},
                          {"of", "ADP", 4, "case"},
                          {"Tarsk", "PROPN", 2, "nmod"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 5, "punct"}}});
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 5, 6, EntityType::Gpe);
  add_name(d, 9, 12, EntityType::Person);  // NER tagged "President of Tarsk"
  add_name(d, 11, 12, EntityType::Gpe);
  coref().process(d);
  bool found = false;
  for (const auto& m : d.mentions)
    if (d.span_text(m.begin, m.end) == "The President of Tarsk") {
      found = true;
      CHECK(m.entity == entity_named(d, "Ana Ruiz"));
    }
  CHECK(found);
}

TEST_CASE("coref: 'City, Country' is the city, not the country", "[coref][unit]") {
  // Tarsk , Ruritania grew . Ruritania voted .
  Document d = make_doc({{{"Tarsk", "PROPN", 4, "nsubj"},
                          {",", "PUNCT", 3, "punct"},
                          {"Ruritania", "PROPN", 1, "appos"},
                          {"grew", "VERB", 0, "root"},
                          {".", "PUNCT", 4, "punct"}},
                         {{"Ruritania", "PROPN", 2, "nsubj"},
                          {"voted", "VERB", 0, "root"},
                          {".", "PUNCT", 2, "punct"}}});
  add_name(d, 0, 3, EntityType::Gpe);  // "Tarsk, Ruritania" as one place
  add_name(d, 2, 3, EntityType::Gpe);  // the country inside it
  add_name(d, 5, 6, EntityType::Gpe);
  coref().process(d);
  CHECK(entity_at(d, 2) == entity_at(d, 5));
  CHECK(entity_at(d, 0) != entity_at(d, 5));
  CHECK(entity_named(d, "Ruritania") >= 0);
}

TEST_CASE("coref: cataphora, 'During his visit, X opened ...'", "[coref][unit]") {
  // During his visit , Karl Brenner opened a school .
  Document d = make_doc({{{"During", "ADP", 3, "case"},
                          {"his", "PRON", 3, "nmod:poss"},
                          {"visit", "NOUN", 8, "obl"},
                          {",", "PUNCT", 8, "punct"},
                          {"Karl", "PROPN", 8, "nsubj"},
                          {"Brenner", "PROPN", 5, "flat"},
                          {"soon", "ADV", 8, "advmod"},
                          {"opened", "VERB", 0, "root"},
                          {"a", "DET", 10, "det"},
                          {"school", "NOUN", 8, "obj"},
                          {".", "PUNCT", 8, "punct"}}});
  add_name(d, 4, 6, EntityType::Person);
  coref().process(d);
  CHECK(entity_at(d, 1) == entity_at(d, 4));
}

TEST_CASE("coref: 'the X Oblast of Y' is named after the oblast", "[coref][unit]") {
  // Floods hit the Tarsk Oblast of Ruritania .
  Document d = make_doc({{{"Floods", "NOUN", 2, "nsubj"},
                          {"hit", "VERB", 0, "root"},
                          {"the", "DET", 5, "det"},
                          {"Tarsk", "PROPN", 5, "compound"},
                          {"Oblast", "PROPN", 2, "obj"},
                          {"of", "ADP", 7, "case"},
                          {"Ruritania", "PROPN", 5, "nmod"},
                          {".", "PUNCT", 2, "punct"}}});
  add_name(d, 2, 7, EntityType::Gpe);
  add_name(d, 6, 7, EntityType::Gpe);
  coref().process(d);
  CHECK(entity_named(d, "Tarsk Oblast") >= 0);
  CHECK(entity_named(d, "Ruritania") >= 0);
  CHECK(entity_at(d, 2) != entity_at(d, 6));
}

TEST_CASE("coref: a name's mention extent takes its modifiers, not clauses or commas",
          "[coref][unit]") {
  // Party leader Karl Brenner of the Green League , who won , spoke in Tarsk .
  Document d = make_doc({{{"Party", "NOUN", 2, "compound"},
                          {"leader", "NOUN", 3, "compound"},
                          {"Karl", "PROPN", 13, "nsubj"},
                          {"Brenner", "PROPN", 3, "flat"},
                          {"of", "ADP", 8, "case"},
                          {"the", "DET", 8, "det"},
                          {"Green", "PROPN", 8, "compound"},
                          {"League", "PROPN", 3, "nmod"},
                          {",", "PUNCT", 11, "punct"},
                          {"who", "PRON", 11, "nsubj"},
                          {"won", "VERB", 3, "acl:relcl"},
                          {",", "PUNCT", 11, "punct"},
                          {"spoke", "VERB", 0, "root"},
                          {"in", "ADP", 15, "case"},
                          {"Tarsk", "PROPN", 13, "obl"},
                          {".", "PUNCT", 13, "punct"}}});
  add_name(d, 2, 4, EntityType::Person);
  add_name(d, 5, 8, EntityType::Org);
  add_name(d, 14, 15, EntityType::Gpe);
  coref().process(d);
  auto extent = [&](int first) {
    for (const auto& m : d.mentions)
      if (m.first == first && m.kind == ng::MentionKind::Name)
        return std::string(d.span_text(m.extent_begin, m.extent_end));
    return std::string();
  };
  CHECK(extent(2) == "Party leader Karl Brenner of the Green League");
  CHECK(extent(5) == "the Green League");
  CHECK(extent(14) == "Tarsk");  // not "in Tarsk"

  // A name hanging on the noun before it: "Tarsk student Ana Ruiz spoke".
  Document st = make_doc({{{"Tarsk", "PROPN", 2, "compound"},
                           {"student", "NOUN", 5, "nsubj"},
                           {"Ana", "PROPN", 2, "flat"},
                           {"Ruiz", "PROPN", 3, "flat"},
                           {"spoke", "VERB", 0, "root"}}});
  add_name(st, 2, 4, EntityType::Person);
  coref().process(st);
  for (const auto& m : st.mentions)
    if (m.kind == ng::MentionKind::Name && m.first == 2)
      CHECK(st.span_text(m.extent_begin, m.extent_end) == "Tarsk student Ana Ruiz");

  // An abbreviation's period that ends the sentence: "in Tarsk D.C."
  Document dc = make_doc({{{"It", "PRON", 2, "nsubj"},
                           {"opened", "VERB", 0, "root"},
                           {"in", "ADP", 5, "case"},
                           {"Tarsk", "PROPN", 5, "compound"},
                           {"D.C", "PROPN", 2, "obl"},
                           {".", "PUNCT", 2, "punct"}}});
  dc.tokens[4].space_after = false;
  add_name(dc, 3, 5, EntityType::Gpe);
  coref().process(dc);
  for (const auto& m : dc.mentions)
    if (m.kind == ng::MentionKind::Name)
      CHECK(dc.span_text(m.extent_begin, m.extent_end) == "Tarsk D.C .");
  // The entity keeps the bare name.
  CHECK(entity_named(d, "Karl Brenner") >= 0);
}

TEST_CASE("coref: in a game report a place that plays is its team", "[coref][unit]") {
  // Ruritania defeated Borduria in the match . The goal came late . The stadium was full .
  // Tarsk is a city .
  Document d = make_doc({{{"Ruritania", "PROPN", 2, "nsubj"},
                          {"defeated", "VERB", 0, "root"},
                          {"Borduria", "PROPN", 2, "obj"},
                          {"in", "ADP", 6, "case"},
                          {"the", "DET", 6, "det"},
                          {"match", "NOUN", 2, "obl"},
                          {".", "PUNCT", 2, "punct"}},
                         {{"The", "DET", 2, "det"},
                          {"goal", "NOUN", 3, "nsubj"},
                          {"came", "VERB", 0, "root"},
                          {"late", "ADV", 3, "advmod"},
                          {".", "PUNCT", 3, "punct"}},
                         {{"The", "DET", 2, "det"},
                          {"stadium", "NOUN", 4, "nsubj"},
                          {"was", "AUX", 4, "cop"},
                          {"full", "ADJ", 0, "root"},
                          {"in", "ADP", 6, "case"},
                          {"Tarsk", "PROPN", 4, "obl"},
                          {".", "PUNCT", 4, "punct"}}});
  d.tokens[1].lemma = "defeat";
  add_name(d, 0, 1, EntityType::Gpe);
  add_name(d, 2, 3, EntityType::Gpe);
  add_name(d, 17, 18, EntityType::Gpe);
  coref().process(d);
  CHECK(d.entities[entity_at(d, 0)].type == EntityType::Org);
  CHECK(d.entities[entity_at(d, 2)].type == EntityType::Org);
  CHECK(d.entities[entity_at(d, 17)].type == EntityType::Gpe);  // where it was played

  // The same sentence outside a game report keeps the places.
  Document war = make_doc({{{"Ruritania", "PROPN", 2, "nsubj"},
                            {"defeated", "VERB", 0, "root"},
                            {"Borduria", "PROPN", 2, "obj"},
                            {".", "PUNCT", 2, "punct"}}});
  war.tokens[1].lemma = "defeat";
  add_name(war, 0, 1, EntityType::Gpe);
  add_name(war, 2, 3, EntityType::Gpe);
  coref().process(war);
  CHECK(war.entities[entity_at(war, 0)].type == EntityType::Gpe);
}

TEST_CASE("coref: 'they' is an organisation only when it was just the subject", "[coref][unit]") {
  // Lumo Corp said they would grow .
  Document said = make_doc({{{"Lumo", "PROPN", 2, "compound"},
                             {"Corp", "PROPN", 3, "nsubj"},
                             {"said", "VERB", 0, "root"},
                             {"they", "PRON", 6, "nsubj"},
                             {"would", "AUX", 6, "aux"},
                             {"grow", "VERB", 3, "ccomp"},
                             {".", "PUNCT", 3, "punct"}}});
  add_name(said, 0, 2, EntityType::Org);
  coref().process(said);
  REQUIRE(entity_at(said, 0) >= 0);
  CHECK(entity_at(said, 3) == entity_at(said, 0));

  // Karl Brenner visited Lumo Corp . Later they left .
  Document d = make_doc({{{"Karl", "PROPN", 3, "nsubj"},
                          {"Brenner", "PROPN", 1, "flat"},
                          {"visited", "VERB", 0, "root"},
                          {"Lumo", "PROPN", 5, "compound"},
                          {"Corp", "PROPN", 3, "obj"},
                          {".", "PUNCT", 3, "punct"}},
                         {{"Later", "ADV", 3, "advmod"},
                          {"they", "PRON", 3, "nsubj"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 3, "punct"}}});
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 3, 5, EntityType::Org);
  coref().process(d);
  REQUIRE(entity_at(d, 3) >= 0);
  CHECK(entity_at(d, 7) != entity_at(d, 3));  // not the company visited
}

TEST_CASE("coref: a quoted 'we' is the organisation the speaker stands for", "[coref][unit]") {
  // " We will help , " said Lumo Corp 's chief Karl Brenner .
  Document d = make_doc({{{"\"", "PUNCT", 4, "punct"},
                          {"We", "PRON", 4, "nsubj"},
                          {"will", "AUX", 4, "aux"},
                          {"help", "VERB", 7, "ccomp"},
                          {",", "PUNCT", 4, "punct"},
                          {"\"", "PUNCT", 4, "punct"},
                          {"said", "VERB", 0, "root"},
                          {"Lumo", "PROPN", 9, "compound"},
                          {"Corp", "PROPN", 11, "nmod:poss"},
                          {"'s", "PART", 9, "case"},
                          {"chief", "NOUN", 12, "compound"},
                          {"Karl", "PROPN", 7, "nsubj"},
                          {"Brenner", "PROPN", 12, "flat"},
                          {".", "PUNCT", 7, "punct"}}});
  d.tokens[6].lemma = "say";
  add_name(d, 7, 9, EntityType::Org);
  add_name(d, 11, 13, EntityType::Person);
  coref().process(d);
  REQUIRE(entity_at(d, 7) >= 0);
  CHECK(entity_at(d, 1) == entity_at(d, 7));
  CHECK(entity_at(d, 11) != entity_at(d, 7));
}

TEST_CASE("coref: a speaker whose subject noun has the name in apposition speaks for its team",
          "[coref][unit]") {
  // Tarsk 's coach Karl Brenner said , " We played well . "   (coach: nsubj, Karl: appos)
  Document d = make_doc({{{"Tarsk", "PROPN", 3, "nmod:poss"},
                          {"'s", "PART", 1, "case"},
                          {"coach", "NOUN", 6, "nsubj"},
                          {"Karl", "PROPN", 3, "appos"},
                          {"Brenner", "PROPN", 4, "flat"},
                          {"said", "VERB", 0, "root"},
                          {",", "PUNCT", 10, "punct"},
                          {"\"", "PUNCT", 10, "punct"},
                          {"We", "PRON", 10, "nsubj"},
                          {"played", "VERB", 6, "ccomp"},
                          {"well", "ADV", 10, "advmod"},
                          {".", "PUNCT", 6, "punct"},
                          {"\"", "PUNCT", 6, "punct"}}});
  d.tokens[5].lemma = "say";
  add_name(d, 0, 1, EntityType::Org);
  add_name(d, 3, 5, EntityType::Person);
  coref().process(d);
  const int team = entity_named(d, "Tarsk");
  REQUIRE(team >= 0);
  CHECK(entity_at(d, 8) == team);
}

TEST_CASE("coref: 'the Ministry' taken for a name is the ministry named before", "[coref][unit]") {
  // The Ministry of Tarsk spoke . The Ministry left .   (both typed ORG)
  Document d = make_doc({{{"The", "DET", 2, "det"},
                          {"Ministry", "PROPN", 5, "nsubj"},
                          {"of", "ADP", 4, "case"},
                          {"Tarsk", "PROPN", 2, "nmod"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 5, "punct"}},
                         {{"The", "DET", 2, "det"},
                          {"Ministry", "PROPN", 3, "nsubj"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 3, "punct"}}});
  add_name(d, 1, 4, EntityType::Org);
  add_name(d, 7, 8, EntityType::Org);
  coref().process(d);
  REQUIRE(entity_at(d, 1) >= 0);
  CHECK(entity_at(d, 7) == entity_at(d, 1));
}

namespace {

// "Karl Brenner spoke . Brenner left ." and a third sentence whose first
// `third_name` words are a person's name; coreference run.
Document brenner_then(const std::vector<W>& third, int third_name) {
  Document d = make_doc({{{"Karl", "PROPN", 3, "nsubj"},
                          {"Brenner", "PROPN", 1, "flat"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 3, "punct"}},
                         {{"Brenner", "PROPN", 2, "nsubj"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 2, "punct"}},
                         third});
  add_name(d, 0, 2, EntityType::Person);
  add_name(d, 4, 5, EntityType::Person);
  add_name(d, 7, 7 + third_name, EntityType::Person);
  coref().process(d);
  return d;
}

}  // namespace

TEST_CASE("coref: a lone given name joins the person whose surname is used alone too",
          "[coref][unit]") {
  // ... Karl returned .
  const Document d = brenner_then({{"Karl", "PROPN", 2, "nsubj"},
                                   {"returned", "VERB", 0, "root"},
                                   {".", "PUNCT", 2, "punct"}},
                                  1);
  REQUIRE(entity_at(d, 0) >= 0);
  CHECK(entity_at(d, 4) == entity_at(d, 0));
  CHECK(entity_at(d, 7) == entity_at(d, 0));
}

TEST_CASE("coref: a short name is not a person first named in full after it", "[coref][unit]") {
  // ... Brenner Walsh returned .
  const Document d = brenner_then({{"Brenner", "PROPN", 3, "nsubj"},
                                   {"Walsh", "PROPN", 1, "flat"},
                                   {"returned", "VERB", 0, "root"},
                                   {".", "PUNCT", 3, "punct"}},
                                  2);
  REQUIRE(entity_at(d, 0) >= 0);
  CHECK(entity_at(d, 4) == entity_at(d, 0));
  CHECK(entity_at(d, 7) != entity_at(d, 0));
}

TEST_CASE("coref: a surname joins a person named in several ways, whatever the order",
          "[coref][unit]") {
  // Lumoist Karl Brenner spoke . Brenner left . Karl Brenner returned .
  Document d = make_doc({{{"Lumoist", "PROPN", 3, "compound"},
                          {"Karl", "PROPN", 4, "nsubj"},
                          {"Brenner", "PROPN", 2, "flat"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 4, "punct"}},
                         {{"Brenner", "PROPN", 2, "nsubj"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 2, "punct"}},
                         {{"Karl", "PROPN", 3, "nsubj"},
                          {"Brenner", "PROPN", 1, "flat"},
                          {"returned", "VERB", 0, "root"},
                          {".", "PUNCT", 3, "punct"}}});
  add_name(d, 0, 3, EntityType::Person);
  add_name(d, 5, 6, EntityType::Person);
  add_name(d, 8, 10, EntityType::Person);
  coref().process(d);
  CHECK(entity_at(d, 5) == entity_at(d, 0));
  CHECK(entity_at(d, 8) == entity_at(d, 0));
}

TEST_CASE("coref: an organisation named with and without its country is one", "[coref][unit]") {
  // The Portugal Lumo Ministry spoke . The Lumo Ministry left .
  Document d = make_doc({{{"The", "DET", 4, "det"},
                          {"Portugal", "PROPN", 4, "compound"},
                          {"Lumo", "PROPN", 4, "compound"},
                          {"Ministry", "PROPN", 5, "nsubj"},
                          {"spoke", "VERB", 0, "root"},
                          {".", "PUNCT", 5, "punct"}},
                         {{"The", "DET", 3, "det"},
                          {"Lumo", "PROPN", 3, "compound"},
                          {"Ministry", "PROPN", 4, "nsubj"},
                          {"left", "VERB", 0, "root"},
                          {".", "PUNCT", 4, "punct"}}});
  add_name(d, 1, 4, EntityType::Org);
  add_name(d, 1, 2, EntityType::Gpe);
  add_name(d, 7, 9, EntityType::Org);
  coref().process(d);
  CHECK(entity_at(d, 7) == entity_at(d, 1));
  CHECK(entity_named(d, "Portugal") >= 0);
}

TEST_CASE("coref: 'the X organization' is X, and tells an untyped X's type", "[coref][unit]") {
  // Glorpism grew . The Glorpism organization hired staff .
  Document d = make_doc({{{"Glorpism", "PROPN", 2, "nsubj"},
                          {"grew", "VERB", 0, "root"},
                          {".", "PUNCT", 2, "punct"}},
                         {{"The", "DET", 3, "det"},
                          {"Glorpism", "PROPN", 3, "compound"},
                          {"organization", "NOUN", 4, "nsubj"},
                          {"hired", "VERB", 0, "root"},
                          {"staff", "NOUN", 4, "obj"},
                          {".", "PUNCT", 4, "punct"}}});
  add_name(d, 0, 1, EntityType::Other);
  add_name(d, 4, 5, EntityType::Other);
  coref().process(d);
  REQUIRE(entity_at(d, 0) >= 0);
  CHECK(entity_at(d, 3) == entity_at(d, 0));  // the nominal joins the name
  CHECK(d.entities[entity_at(d, 0)].type == EntityType::Org);
}
