// Named-entity recognition: the lexicons, the BILOU decoder, the model file
// and, when models/ner.bin is present, the tagger on a hand-built Document.
#include "entities/ner.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/error.h"
#include "core/utf8.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {

using namespace ng::ner_internal;

const ng::Gazetteer& gazetteer() {
  static const ng::Gazetteer g = ng::Gazetteer::load(ng::test::source_dir() / "lexicon");
  return g;
}

// A Document of one sentence from words and their UPOS, with no lemmas and no
// tree (every head -1; see tests/doc_builder.h).
ng::Document make_doc(const std::vector<std::pair<const char*, const char*>>& words) {
  std::vector<ng::test::W> ws;
  for (auto [form, upos] : words) ws.push_back({.form = form, .upos = upos});
  ng::Document d;
  ng::test::add_sentence(d, ws);
  return d;
}

// A Name mention of tokens [first, last) headed by its last token.
ng::Mention mention(int first, int last, ng::EntityType type) {
  ng::Mention m;
  m.first = first;
  m.last = last;
  m.head = last - 1;
  m.type = type;
  m.kind = ng::MentionKind::Name;
  return m;
}

}  // namespace

TEST_CASE("ner: gazetteer keys and lookups", "[ner][unit]") {
  struct Case {
    const char* in;
    const char* key;
  };
  const Case keys[] = {
      {"Erdoğan", "erdogan"},
      {"The  Hague", "hague"},
      {"the United Mexican States", "united mexican states"},
      {"U.S.", "u.s."},
      {"New\tYork", "new york"},
  };
  for (const Case& c : keys) CHECK(ng::gazetteer_key(c.in) == c.key);

  const auto& g = gazetteer();
  struct Place {
    const char* name;
    const char* canonical;
    uint8_t kind;
  };
  const Place places[] = {
      {"the United Mexican States", "Mexico", ng::Gazetteer::Country},
      {"Federal Republic of Germany", "Germany", ng::Gazetteer::Country},
      {"USA", "United States", ng::Gazetteer::Country},
      {"Tokyo", "Tokyo", ng::Gazetteer::City},
      {"Bavaria", "Bavaria", ng::Gazetteer::Region},
      {"Caspian Sea", "Caspian Sea", ng::Gazetteer::Water},
  };
  for (const Place& p : places) {
    INFO(p.name);
    const auto* found = g.place(ng::gazetteer_key(p.name));
    REQUIRE(found);
    CHECK(found->canonical == p.canonical);
    CHECK((found->kinds & p.kind) != 0);
  }
  CHECK(g.place("freedonia") == nullptr);
  CHECK(g.demonyms.at("german") == "Germany");
  CHECK(g.region_words.count("oblast"));
  CHECK(g.org_words.at("ministry") == ng::EntityType::Org);
  CHECK(g.titles.count("prime minister"));
  CHECK(g.groups.at("muslims") == "Islam");
  CHECK((g.sports.at("goal") & ng::Gazetteer::SportContext) != 0);
  CHECK((g.sports.at("goal") & ng::Gazetteer::SportMember) != 0);
  CHECK((g.sports.at("defeat") & ng::Gazetteer::SportAction) != 0);
}

TEST_CASE("ner: a malformed lexicon line is rejected naming file and line", "[ner][unit]") {
  ng::test::TempDir dir;
  for (const char* f : {"countries.tsv", "cities.tsv", "region_words.tsv", "org_words.tsv",
                        "honorifics.tsv", "nominals.tsv", "titles.tsv"})
    std::filesystem::copy_file(ng::test::source_dir() / "lexicon" / f, dir.path() / f);
  dir.write("regions.tsv", "Bavaria\tregion\nAtlantis\tsunken\n");
  try {
    ng::Gazetteer::load(dir.path());
    FAIL("no error");
  } catch (const ng::Error& e) {
    const std::string what = e.what();
    CHECK(what.find("regions.tsv:2") != std::string::npos);
    CHECK(what.find("sunken") != std::string::npos);
  }
}

TEST_CASE("ner: BILOU transitions", "[ner][unit]") {
  const int b_per = label_of(kPer, 'B'), i_per = label_of(kPer, 'I'), l_per = label_of(kPer, 'L');
  const int u_per = label_of(kPer, 'U'), i_org = label_of(kOrg, 'I'), b_org = label_of(kOrg, 'B');
  struct Case {
    int prev, next;
    bool ok;
  };
  const Case cases[] = {
      {-1, 0, true},         {-1, b_per, true},    {-1, i_per, false},   {-1, l_per, false},
      {-1, u_per, true},     {b_per, i_per, true}, {b_per, l_per, true}, {b_per, 0, false},
      {b_per, i_org, false}, {i_per, -1, false},   {l_per, -1, true},    {l_per, b_org, true},
      {u_per, i_per, false}, {0, l_per, false},    {0, -1, true},
  };
  for (const Case& c : cases) {
    INFO(c.prev << " -> " << c.next);
    CHECK(allowed(c.prev, c.next) == c.ok);
  }
}

TEST_CASE("ner: Viterbi never returns an invalid label sequence", "[ner][unit]") {
  // Emissions that favour I-PER everywhere: the best valid path must start
  // with B and end with L (or use U/O).
  const size_t n = 3;
  std::vector<float> emit(n * kLabels, 0.0f);
  for (size_t i = 0; i < n; ++i) emit[i * kLabels + label_of(kPer, 'I')] = 5.0f;
  emit[0 * kLabels + label_of(kPer, 'B')] = 1.0f;
  emit[2 * kLabels + label_of(kPer, 'L')] = 1.0f;
  float trans[kLabels + 1][kLabels] = {};
  float fin[kLabels] = {};
  std::vector<int> labels;
  viterbi(emit, n, trans, fin, labels);
  REQUIRE(labels.size() == n);
  CHECK(labels[0] == label_of(kPer, 'B'));
  CHECK(labels[1] == label_of(kPer, 'I'));
  CHECK(labels[2] == label_of(kPer, 'L'));
  for (size_t i = 0; i < n; ++i) CHECK(allowed(i ? labels[i - 1] : -1, labels[i]));
  CHECK(allowed(labels[n - 1], -1));
}

TEST_CASE("ner: model file round trip and corrupt files", "[ner][unit]") {
  ng::test::TempDir dir;
  Weights w;
  std::vector<uint64_t> hashes = {42, 7, 1ull << 40};
  w.values.assign(hashes.size() * kLabels, 0.0f);
  w.values[0 * kLabels + 3] = 1.5f;
  w.values[1 * kLabels + 0] = -2.25f;
  w.values[2 * kLabels + kLabels - 1] = 0.125f;
  w.transition[0][1] = -3.0f;
  w.final_[2] = 0.5f;
  w.index(hashes);
  const std::string path = (dir.path() / "ner.bin").string();
  w.save(path);
  Weights r = Weights::load(path);
  REQUIRE(r.find(42));
  CHECK(std::fabs(r.find(42)[3] - 1.5f) < 1e-3);
  CHECK(std::fabs(r.find(7)[0] + 2.25f) < 1e-3);
  CHECK(std::fabs(r.find(1ull << 40)[kLabels - 1] - 0.125f) < 1e-3);
  CHECK(r.find(8) == nullptr);
  CHECK(r.transition[0][1] == -3.0f);
  CHECK(r.final_[2] == 0.5f);

  dir.write("bad.bin", "NGMODEL garbage");
  CHECK_THROWS_AS(Weights::load((dir.path() / "bad.bin").string()), ng::Error);
  CHECK_THROWS_AS(Weights::load((dir.path() / "missing.bin").string()), ng::Error);
}

TEST_CASE("ner: the shipped model finds people, places and organisations", "[ner][model]") {
  const auto model = ng::test::source_dir() / "models/ner.bin";
  if (!std::filesystem::exists(model)) {
    WARN("skipped: " << model << " not found (train it with `newsgraph train-ner`)");
    return;
  }
  ng::NerTagger ner(model, ng::test::source_dir() / "lexicon");
  ng::Document d = make_doc({{"Chancellor", "PROPN"},
                             {"Karl", "PROPN"},
                             {"Brenner", "PROPN"},
                             {"met", "VERB"},
                             {"the", "DET"},
                             {"head", "NOUN"},
                             {"of", "ADP"},
                             {"the", "DET"},
                             {"World", "PROPN"},
                             {"Health", "PROPN"},
                             {"Organization", "PROPN"},
                             {"in", "ADP"},
                             {"Paris", "PROPN"},
                             {"on", "ADP"},
                             {"Monday", "PROPN"},
                             {".", "PUNCT"}});
  ner.process(d);
  std::string found;
  for (const auto& m : d.mentions)
    found += "[" + std::string(d.span_text(m.begin, m.end)) + "/" +
             std::string(ng::to_string(m.type)) + "] ";
  INFO("found: " << found);
  auto find = [&](const char* text) -> const ng::Mention* {
    for (const auto& m : d.mentions)
      if (d.span_text(m.begin, m.end) == text) return &m;
    return nullptr;
  };
  const ng::Mention* paris = find("Paris");
  REQUIRE(paris);
  CHECK(paris->type == ng::EntityType::Gpe);
  const ng::Mention* who = find("World Health Organization");
  REQUIRE(who);
  CHECK(who->type == ng::EntityType::Org);
  bool person = false;
  for (const auto& m : d.mentions)
    person = person || (m.type == ng::EntityType::Person && m.first <= 2 && m.last >= 3);
  CHECK(person);
  for (const auto& m : d.mentions) {
    CHECK(m.kind == ng::MentionKind::Name);
    CHECK(m.entity == -1);
    CHECK(m.begin == d.tokens[m.first].begin);
    CHECK(m.end == d.tokens[m.last - 1].end);
  }
}

TEST_CASE("ner: a name repeated where the model missed it is found again", "[ner][unit]") {
  // Karl Brenner arrived . On Tuesday Brenner met Lumo Corp and Lumo Corp left .
  ng::Document d = make_doc({{"Karl", "PROPN"},  {"Brenner", "PROPN"}, {"arrived", "VERB"},
                             {"On", "ADP"},      {"Tuesday", "PROPN"}, {"Brenner", "PROPN"},
                             {"met", "VERB"},    {"Lumo", "PROPN"},    {"Corp", "PROPN"},
                             {"and", "CCONJ"},   {"Lumo", "PROPN"},    {"Corp", "PROPN"},
                             {"left", "VERB"},   {"brenner", "NOUN"}});
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Person),
                                    mention(4, 5, ng::EntityType::Date),
                                    mention(7, 9, ng::EntityType::Org)};
  ng::ner_internal::add_repeated_names(d, found);
  std::set<std::pair<int, int>> spans;
  for (const auto& m : found) spans.insert({m.first, m.last});
  CHECK(spans.count({5, 6}));    // the surname alone
  CHECK(spans.count({10, 12}));  // the whole organisation name again
  CHECK(!spans.count({13, 14})); // a lower-case common noun is not a name
  CHECK(found.size() == 5);
  for (const auto& m : found)
    if (m.first == 5) CHECK(m.type == ng::EntityType::Person);
}

TEST_CASE("ner: a name with a noun for people in apposition is a person's, and so is its surname",
          "[ner][unit]") {
  // Lena Brenner , a local woman , spoke . Brenner left .  (the name typed ORG,
  // "Brenner" nested as a place, the lone "Brenner" a place)
  ng::Document d;
  ng::test::add_sentence(d, {{.form = "Lena", .upos = "PROPN", .head = 8, .deprel = "nsubj"},
                             {.form = "Brenner", .upos = "PROPN", .head = 1, .deprel = "flat"},
                             {.form = ",", .upos = "PUNCT", .head = 6, .deprel = "punct"},
                             {.form = "a", .upos = "DET", .head = 6, .deprel = "det"},
                             {.form = "local", .upos = "ADJ", .head = 6, .deprel = "amod"},
                             {.form = "woman", .lemma = "woman", .upos = "NOUN", .head = 1, .deprel = "appos"},
                             {.form = ",", .upos = "PUNCT", .head = 6, .deprel = "punct"},
                             {.form = "spoke", .upos = "VERB", .head = 0, .deprel = "root"},
                             {.form = ".", .upos = "PUNCT", .head = 8, .deprel = "punct"}});
  ng::test::add_sentence(d, {{.form = "Brenner", .upos = "PROPN", .head = 2, .deprel = "nsubj"},
                             {.form = "left", .upos = "VERB", .head = 0, .deprel = "root"},
                             {.form = ".", .upos = "PUNCT", .head = 2, .deprel = "punct"}});
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Org),
                                    mention(1, 2, ng::EntityType::Gpe),
                                    mention(9, 10, ng::EntityType::Gpe)};
  found[0].head = 0;
  found[2].sentence = 1;
  ng::ner_internal::type_by_apposition(d, gazetteer(), found);
  REQUIRE(found.size() == 2);  // the place nested in the person's name is gone
  CHECK(found[0].type == ng::EntityType::Person);
  ng::ner_internal::add_repeated_names(d, found, &gazetteer());
  CHECK(found[1].type == ng::EntityType::Person);  // "Brenner left": the woman

  // Without the apposition the name keeps its type.
  std::vector<ng::Mention> plain = {mention(0, 2, ng::EntityType::Org)};
  d.tokens[5].deprel = "conj";
  ng::ner_internal::type_by_apposition(d, gazetteer(), plain);
  CHECK(plain[0].type == ng::EntityType::Org);
}

TEST_CASE("ner: proper nouns no name covers become untyped names", "[ner][unit]") {
  // Karl Brenner left Glorpism for Russian Zentix in May .
  ng::Document d = make_doc({{"Karl", "PROPN"},
                             {"Brenner", "PROPN"},
                             {"left", "VERB"},
                             {"Glorpism", "PROPN"},
                             {"for", "ADP"},
                             {"Russian", "PROPN"},
                             {"Zentix", "PROPN"},
                             {"in", "ADP"},
                             {"May", "PROPN"},
                             {".", "PUNCT"}});
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Person)};
  ng::ner_internal::add_untyped_names(d, gazetteer(), found);
  std::set<std::pair<int, int>> spans;
  for (const auto& m : found) {
    spans.insert({m.first, m.last});
    if (m.first != 0) CHECK(m.type == ng::EntityType::Other);
  }
  CHECK(spans.count({3, 4}));    // "Glorpism"
  CHECK(spans.count({6, 7}));    // "Zentix", without the nationality
  CHECK(!spans.count({8, 9}));   // a month is no name
  CHECK(found.size() == 3);
}

TEST_CASE("ner: an untyped name takes the capitalised adjective before it", "[ner][unit]") {
  // Users left Red Glorp for Russian Zentix .   ("Russian": a nationality)
  std::vector<ng::test::W> ws = {
      {.form = "Users", .upos = "NOUN", .head = 2, .deprel = "nsubj"},
      {.form = "left", .upos = "VERB", .head = 0, .deprel = "root"},
      {.form = "Red", .upos = "ADJ", .head = 4, .deprel = "amod"},
      {.form = "Glorp", .upos = "PROPN", .head = 2, .deprel = "obj"},
      {.form = "for", .upos = "ADP", .head = 7, .deprel = "case"},
      {.form = "Russian", .upos = "ADJ", .head = 7, .deprel = "amod"},
      {.form = "Zentix", .upos = "PROPN", .head = 2, .deprel = "obl"},
      {.form = ".", .upos = "PUNCT", .head = 2, .deprel = "punct"}};
  ng::Document d;
  ng::test::add_sentence(d, ws);
  std::vector<ng::Mention> found;
  ng::ner_internal::add_untyped_names(d, gazetteer(), found);
  std::set<std::pair<int, int>> spans;
  for (const auto& m : found) spans.insert({m.first, m.last});
  CHECK(spans.count({2, 4}));  // "Red Glorp"
  CHECK(spans.count({6, 7}));  // "Zentix", without the nationality
  CHECK(found.size() == 2);
}

TEST_CASE("ner: a person named in full inside another name gets a nested mention", "[ner][unit]") {
  // Karl Brenner founded the Karl Brenner Trust and the Brenner Hall .
  ng::Document d = make_doc({{"Karl", "PROPN"},  {"Brenner", "PROPN"}, {"founded", "VERB"},
                             {"the", "DET"},     {"Karl", "PROPN"},    {"Brenner", "PROPN"},
                             {"Trust", "PROPN"}, {"and", "CCONJ"},     {"the", "DET"},
                             {"Brenner", "PROPN"}, {"Hall", "PROPN"},  {".", "PUNCT"}});
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Person),
                                    mention(3, 7, ng::EntityType::Org),
                                    mention(8, 11, ng::EntityType::Fac)};
  ng::ner_internal::add_repeated_names(d, found);
  std::set<std::tuple<int, int, ng::EntityType>> spans;
  for (const auto& m : found) spans.insert({m.first, m.last, m.type});
  CHECK(spans.count({4, 6, ng::EntityType::Person}));   // inside "the Karl Brenner Trust"
  CHECK(!spans.count({9, 10, ng::EntityType::Person})); // a surname alone stays part of the hall
  CHECK(found.size() == 4);
}

TEST_CASE("ner: a surname typed as a place is the person, another first name is not",
          "[ner][unit]") {
  // Vera Paris left . Paris said it . She flew to Paris . Ana Paris stayed .
  // They met with Paris .
  ng::Document d = make_doc({{"Vera", "PROPN"},  {"Paris", "PROPN"}, {"left", "VERB"},
                             {"Paris", "PROPN"}, {"said", "VERB"},  {"it", "PRON"},
                             {"She", "PRON"},    {"flew", "VERB"},  {"to", "ADP"},
                             {"Paris", "PROPN"}, {"Ana", "PROPN"},  {"Paris", "PROPN"},
                             {"stayed", "VERB"}, {"They", "PRON"},  {"met", "VERB"},
                             {"with", "ADP"},    {"Paris", "PROPN"}});
  for (auto& t : d.tokens) t.head = -1;
  d.tokens[3].head = 4;
  d.tokens[3].deprel = "nsubj";
  d.tokens[8].head = 9;
  d.tokens[8].deprel = "case";
  d.tokens[9].head = 7;
  d.tokens[9].deprel = "obl";
  d.tokens[9].deprel = "obl";
  d.tokens[15].head = 16;
  d.tokens[15].deprel = "case";
  d.tokens[16].head = 14;
  d.tokens[16].deprel = "obl";
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Person),
                                    mention(3, 4, ng::EntityType::Gpe),
                                    mention(9, 10, ng::EntityType::Gpe),
                                    mention(16, 17, ng::EntityType::Gpe)};
  ng::ner_internal::add_repeated_names(d, found);
  CHECK(found[1].type == ng::EntityType::Person);  // "Paris said"
  CHECK(found[2].type == ng::EntityType::Gpe);     // "to Paris"
  CHECK(found[3].type == ng::EntityType::Person);  // "met with Paris"
  for (const auto& m : found) CHECK(m.first != 11);  // "Ana Paris" is not Vera Paris
}

TEST_CASE("ner: a surname typed as an organisation is the person of that surname",
          "[ner][unit]") {
  // Brenner 's prints . Karl Brenner painted . the Brenner Trust paid .
  ng::Document d = make_doc({{"Brenner", "PROPN"}, {"'s", "PART"},      {"prints", "NOUN"},
                             {"Karl", "PROPN"},    {"Brenner", "PROPN"}, {"painted", "VERB"},
                             {"the", "DET"},       {"Brenner", "PROPN"}, {"Trust", "PROPN"},
                             {"paid", "VERB"}});
  for (auto& t : d.tokens) t.head = -1;
  d.tokens[0].head = 2;
  d.tokens[0].deprel = "nmod:poss";
  std::vector<ng::Mention> found = {mention(0, 1, ng::EntityType::Org),
                                    mention(3, 5, ng::EntityType::Person),
                                    mention(6, 9, ng::EntityType::Org)};
  ng::ner_internal::add_repeated_names(d, found);
  CHECK(found[0].type == ng::EntityType::Person);  // "Brenner's prints"
  CHECK(found[2].type == ng::EntityType::Org);     // the trust keeps its type
}

TEST_CASE("ner: an untyped name after a person noun or ending in a known surname is a person",
          "[ner][unit]") {
  // Karl Brenner met singer Jo Vant and Ida Brenner .
  ng::Document d = make_doc({{"Karl", "PROPN"}, {"Brenner", "PROPN"}, {"met", "VERB"},
                             {"singer", "NOUN"}, {"Jo", "PROPN"},     {"Vant", "PROPN"},
                             {"and", "CCONJ"},   {"Ida", "PROPN"},    {"Brenner", "PROPN"},
                             {".", "PUNCT"}});
  std::vector<ng::Mention> found = {mention(0, 2, ng::EntityType::Person)};
  ng::ner_internal::add_untyped_names(d, gazetteer(), found);
  REQUIRE(found.size() == 3);
  for (const auto& m : found) CHECK(m.type == ng::EntityType::Person);
}

TEST_CASE("ner: a word of letters and digits is no person or place", "[ner][model]") {
  const auto model = ng::test::source_dir() / "models/ner.bin";
  if (!std::filesystem::exists(model)) {
    WARN("skipped: " << model << " not found (train it with `newsgraph train-ner`)");
    return;
  }
  ng::NerTagger ner(model, ng::test::source_dir() / "lexicon");
  // Users in Tarsk moved from XR7 to XR9 , and XR9 users praised it .
  ng::Document d = make_doc({{"Users", "NOUN"}, {"in", "ADP"},    {"Tarsk", "PROPN"},
                             {"moved", "VERB"}, {"from", "ADP"},  {"XR7", "PROPN"},
                             {"to", "ADP"},     {"XR9", "PROPN"}, {",", "PUNCT"},
                             {"and", "CCONJ"},  {"XR9", "PROPN"}, {"users", "NOUN"},
                             {"praised", "VERB"}, {"it", "PRON"}, {".", "PUNCT"}});
  ner.process(d);
  for (const auto& m : d.mentions) {
    INFO(d.span_text(m.begin, m.end));
    if (d.tokens[m.first].form.rfind("XR", 0) == 0)
      CHECK((m.type != ng::EntityType::Person && m.type != ng::EntityType::Gpe &&
             m.type != ng::EntityType::Loc));
  }
}

TEST_CASE("ner: a place and a title before a given name make a person's name", "[ner][unit]") {
  // Northern Ireland First Minister Arlene Varga
  ng::Document d = make_doc({{"Northern", "PROPN"},
                             {"Ireland", "PROPN"},
                             {"First", "PROPN"},
                             {"Minister", "PROPN"},
                             {"Arlene", "PROPN"},
                             {"Varga", "PROPN"}});
  CHECK(titled_person(d, gazetteer(), {0, 6, ng::ner_internal::kPlace}));
  CHECK(titled_person(d, gazetteer(), {2, 6, ng::ner_internal::kOrg}));
  CHECK_FALSE(titled_person(d, gazetteer(), {0, 2, ng::ner_internal::kPlace}));  // no title
  CHECK_FALSE(titled_person(d, gazetteer(), {0, 4, ng::ner_internal::kPlace}));  // no name after it
  // The Prime Minister Office: no given name after the title.
  ng::Document o = make_doc({{"Prime", "PROPN"}, {"Minister", "PROPN"}, {"Office", "PROPN"}});
  CHECK_FALSE(titled_person(o, gazetteer(), {0, 3, ng::ner_internal::kOrg}));
  // President Ana Hospital: an organisation word after the given name.
  ng::Document h = make_doc({{"President", "PROPN"}, {"Ana", "PROPN"}, {"Hospital", "PROPN"}});
  CHECK_FALSE(titled_person(h, gazetteer(), {0, 3, ng::ner_internal::kOrg}));
}

TEST_CASE("ner: a surname hung flat on a given name goes back from the place span after it",
          "[ner][unit]") {
  // Advisor Karl [Brenner of the Republic of Tarsk] spoke .   (no person span)
  ng::Document d;
  ng::test::add_sentence(d, {{.form = "Advisor", .upos = "NOUN", .head = 9, .deprel = "nsubj"},
                             {.form = "Karl", .upos = "PROPN", .head = 1, .deprel = "flat"},
                             {.form = "Brenner", .upos = "PROPN", .head = 2, .deprel = "flat"},
                             {.form = "of", .upos = "ADP", .head = 5, .deprel = "case"},
                             {.form = "the", .upos = "DET", .head = 5, .deprel = "det"},
                             {.form = "Republic", .upos = "PROPN", .head = 2, .deprel = "nmod"},
                             {.form = "of", .upos = "ADP", .head = 8, .deprel = "case"},
                             {.form = "Tarsk", .upos = "PROPN", .head = 6, .deprel = "nmod"},
                             {.form = "spoke", .upos = "VERB", .head = 0, .deprel = "root"},
                             {.form = ".", .upos = "PUNCT", .head = 9, .deprel = "punct"}});
  using ng::ner_internal::LabelSpan;
  std::vector<LabelSpan> spans = {{2, 8, ng::ner_internal::kPlace}};
  ng::ner_internal::split_flat_surname(d, gazetteer(), d.sentences[0], spans, 0);
  REQUIRE(spans.size() == 2);
  CHECK((spans[0].first == 1 && spans[0].last == 3 && spans[0].type == ng::ner_internal::kPer));
  CHECK((spans[1].first == 5 && spans[1].last == 8 && spans[1].type == ng::ner_internal::kPlace));

  // Not when the word before is no given name ("Advisor Lumo [Brenner of ...]").
  d.tokens[1].form = "Lumo";
  std::vector<LabelSpan> kept = {{2, 8, ng::ner_internal::kPlace}};
  ng::ner_internal::split_flat_surname(d, gazetteer(), d.sentences[0], kept, 0);
  CHECK(kept.size() == 1);
}

TEST_CASE("ner: a name ending in a plural title is a group of people", "[ner][unit]") {
  struct Case {
    std::vector<std::pair<const char*, const char*>> words;
    bool group;
  };
  const std::vector<Case> cases = {
      {{{"Permanent", "ADJ"}, {"Representatives", "PROPN"}}, true},
      {{{"Republican", "ADJ"}, {"Ministers", "PROPN"}}, true},
      {{{"House", "PROPN"}, {"of", "ADP"}, {"Representatives", "PROPN"}}, false},
      {{{"Representatives", "PROPN"}}, false},          // one word: maybe a place or team
      {{{"Chicago", "PROPN"}, {"Kings", "PROPN"}}, false},     // a place before the title
      {{{"Lumo", "PROPN"}, {"Partners", "PROPN"}}, false},     // no title
  };
  for (const Case& c : cases) {
    ng::Document d = make_doc(c.words);
    INFO(d.text);
    CHECK(ng::ner_internal::plural_title_name(
              d, gazetteer(), mention(0, static_cast<int>(c.words.size()), ng::EntityType::Org)) ==
          c.group);
  }
}

TEST_CASE("ner: a one-word person name that is a known place is the place", "[ner][unit]") {
  // Paris said . Jordan spoke . Karl Jordan left .   (all three typed PERSON)
  ng::Document d = make_doc({{"Paris", "PROPN"}, {"said", "VERB"},   {".", "PUNCT"},
                             {"Jordan", "PROPN"}, {"spoke", "VERB"},  {".", "PUNCT"},
                             {"Karl", "PROPN"},   {"Jordan", "PROPN"}, {"left", "VERB"}});
  std::vector<ng::Mention> found = {mention(0, 1, ng::EntityType::Person),
                                    mention(3, 4, ng::EntityType::Person),
                                    mention(6, 8, ng::EntityType::Person)};
  ng::ner_internal::type_lone_places(d, gazetteer(), found);
  CHECK(found[0].type == ng::EntityType::Gpe);
  CHECK(found[1].type == ng::EntityType::Person);  // the surname of Karl Jordan
  CHECK(found[2].type == ng::EntityType::Person);
}

TEST_CASE("ner: the type of a name the model labelled a person's", "[ner][unit]") {
  struct Case {
    std::vector<std::pair<const char*, const char*>> words;
    ng::EntityType type;
  };
  const std::vector<Case> cases = {
      {{{"Karl", "PROPN"}, {"Brenner", "PROPN"}}, ng::EntityType::Person},
      {{{"Tarsk", "PROPN"}, {"County", "PROPN"}}, ng::EntityType::Gpe},
      {{{"Tarsk", "PROPN"}, {"City", "PROPN"}}, ng::EntityType::Gpe},
      {{{"Governor", "PROPN"}, {"Tarsk", "PROPN"}, {"County", "PROPN"}}, ng::EntityType::Person},
      {{{"Tarsk", "PROPN"}, {"State", "PROPN"}}, ng::EntityType::Person},  // left to later passes
      {{{"Karl", "PROPN"}, {"Lake", "PROPN"}}, ng::EntityType::Person},    // a geographic word
      {{{"Lumo", "PROPN"}, {"Society", "PROPN"}, {"of", "ADP"}, {"Tarsk", "PROPN"}},
       ng::EntityType::Org},
  };
  for (const Case& c : cases) {
    ng::Document d = make_doc(c.words);
    INFO(d.text);
    CHECK(ng::ner_internal::person_name_type(d, gazetteer(), 0, static_cast<int>(c.words.size())) ==
          c.type);
  }
}
