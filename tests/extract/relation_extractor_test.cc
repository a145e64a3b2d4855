#include <catch2/catch.hpp>

#include "extract/relation_extractor.h"
#include "tests/extract/doc_builder.h"
#include "tests/test_support.h"

using namespace ng;
using ng::test::W;

namespace {

RelationExtractor news_rules() {
  RelationExtractorOptions o;
  o.rule_files = {(test::source_dir() / "extract/rules/news.yaml").string()};
  return RelationExtractor(o);
}

std::string name_of(const Document& d, const Argument& a) {
  return a.entity >= 0 ? d.entities[a.entity].name : a.literal;
}

bool has_fact(const Document& d, const std::string& s, const std::string& p, const std::string& o) {
  for (const auto& f : d.facts)
    if (name_of(d, f.subject) == s && f.predicate == p && name_of(d, f.object) == o) return true;
  return false;
}

}  // namespace

TEST_CASE("receive: host, guest, place, date and a meeting event", "[extract][rules]") {
  Document d;
  d.date = "2019-01-04";  // a Friday
  // Mary Smith received John Doe in Paris on Monday .
  test::add_sentence(d, {{"Mary", "Mary", "PROPN", 3, "nsubj"},
                         {"Smith", "Smith", "PROPN", 1, "flat"},
                         {"received", "receive", "VERB", 0, "root"},
                         {"John", "John", "PROPN", 3, "obj"},
                         {"Doe", "Doe", "PROPN", 4, "flat"},
                         {"in", "in", "ADP", 7, "case"},
                         {"Paris", "Paris", "PROPN", 3, "obl"},
                         {"on", "on", "ADP", 9, "case"},
                         {"Monday", "Monday", "PROPN", 3, "obl"},
                         {".", ".", "PUNCT", 3, "punct"}});
  test::add_mention(d, 0, 2, 0, EntityType::Person);
  test::add_mention(d, 3, 5, 3, EntityType::Person);
  test::add_mention(d, 6, 7, 6, EntityType::Gpe);
  news_rules().process(d);
  CHECK(has_fact(d, "Mary Smith", "ng:received", "John Doe"));
  REQUIRE(d.events.size() == 1);
  const Event& e = d.events[0];
  CHECK(e.cls == "ng:Meeting");
  CHECK(e.modality == Modality::Asserted);
  CHECK(e.date == "2018-12-31");
  CHECK(name_of(d, e.place) == "Paris");
  CHECK(e.rule == "meet.receive");
}

TEST_CASE("negated and future meetings keep their modality", "[extract][rules]") {
  struct Case { bool future; Modality expect; };
  for (auto c : {Case{false, Modality::Negated}, Case{true, Modality::Future}}) {
    Document d;
    if (c.future) {
      // Ann will meet Bob .
      test::add_sentence(d, {{"Ann", "Ann", "PROPN", 3, "nsubj"},
                             {"will", "will", "AUX", 3, "aux"},
                             {"meet", "meet", "VERB", 0, "root"},
                             {"Bob", "Bob", "PROPN", 3, "obj"},
                             {".", ".", "PUNCT", 3, "punct"}});
    } else {
      // Ann did not meet Bob .
      test::add_sentence(d, {{"Ann", "Ann", "PROPN", 4, "nsubj"},
                             {"did", "do", "AUX", 4, "aux"},
                             {"not", "not", "PART", 4, "advmod"},
                             {"meet", "meet", "VERB", 0, "root"},
                             {"Bob", "Bob", "PROPN", 4, "obj"},
                             {".", ".", "PUNCT", 4, "punct"}});
    }
    int bob = c.future ? 3 : 4;
    test::add_mention(d, 0, 1, 0, EntityType::Person);
    test::add_mention(d, bob, bob + 1, bob, EntityType::Person);
    news_rules().process(d);
    REQUIRE(d.events.size() == 1);
    CHECK(d.events[0].modality == c.expect);
  }
}

TEST_CASE("conjoined subjects: 'X and Y met' gives one event with both", "[extract][rules]") {
  Document d;
  // Ann and Bob met .
  test::add_sentence(d, {{"Ann", "Ann", "PROPN", 4, "nsubj"},
                         {"and", "and", "CCONJ", 3, "cc"},
                         {"Bob", "Bob", "PROPN", 1, "conj"},
                         {"met", "meet", "VERB", 0, "root"},
                         {".", ".", "PUNCT", 4, "punct"}});
  test::add_mention(d, 0, 1, 0, EntityType::Person);
  test::add_mention(d, 2, 3, 2, EntityType::Person);
  news_rules().process(d);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].roles.size() == 2);
}

TEST_CASE("present ... with: giver, thing and recipient", "[extract][rules]") {
  Document d;
  // He presented Ann with an album .   (He already resolved to Bob)
  test::add_sentence(d, {{"Bob", "Bob", "PROPN", 2, "nsubj"},
                         {"arrived", "arrive", "VERB", 0, "root"},
                         {".", ".", "PUNCT", 2, "punct"}});
  test::add_sentence(d, {{"He", "he", "PRON", 2, "nsubj"},
                         {"presented", "present", "VERB", 0, "root"},
                         {"Ann", "Ann", "PROPN", 2, "obj"},
                         {"with", "with", "ADP", 6, "case"},
                         {"an", "a", "DET", 6, "det"},
                         {"album", "album", "NOUN", 2, "obl"},
                         {".", ".", "PUNCT", 2, "punct"}});
  int bob = test::add_mention(d, 0, 1, 0, EntityType::Person);
  test::add_mention(d, 3, 4, 3, EntityType::Person, MentionKind::Pronoun, bob);
  test::add_mention(d, 5, 6, 5, EntityType::Person);
  news_rules().process(d);
  const Fact* found = nullptr;
  for (const auto& f : d.facts)
    if (f.predicate == "ng:presented") found = &f;
  REQUIRE(found);
  CHECK(name_of(d, found->subject) == "Bob");
  CHECK(found->subject.text == "He");
  CHECK(found->object.literal == "an album");
  REQUIRE(found->extra.size() == 1);
  CHECK(found->extra[0].first == "ng:recipient");
  CHECK(name_of(d, found->extra[0].second) == "Ann");
  CHECK(found->rule == "give.present_with");
}
