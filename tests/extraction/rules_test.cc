#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "extraction/rules.h"
#include "tests/test_support.h"

namespace {

std::string bad(const char* name) {
  return (ng::test::source_dir() / "tests/data/bad" / name).string();
}

bool declared(const std::string& curie) { return curie == "ng:met" || curie == "ng:Meeting"; }

}  // namespace

TEST_CASE("parse_path reads steps, constraints, '^' and '.'", "[extract][rules][unit]") {
  auto p = ng::parse_path("obl[case=with|at]/nmod[lemma=talk]/^/.");
  REQUIRE(p.size() == 4);
  CHECK(p[0].deprel == "obl");
  CHECK(p[0].case_lemmas == std::vector<std::string>{"with", "at"});
  CHECK(p[1].lemmas == std::vector<std::string>{"talk"});
  CHECK(p[2].up);
  CHECK(p[3].self);
  CHECK(ng::parse_path("nsubj:pass")[0].deprel == "nsubj:pass");
  for (const char* badp : {"", "obl[case=with", "obl[foo=bar]", "nsubjj", "obj/", "obl[case=]"}) {
    INFO(badp);
    CHECK_THROWS_AS(ng::parse_path(badp), ng::Error);
  }
}

TEST_CASE("bad rule files fail loudly with file, line and rule id", "[extract][rules][unit]") {
  struct Case { const char* file; std::vector<std::string> expect; };
  const Case cases[] = {
      {"rule_unknown_key.yaml", {"rule_unknown_key.yaml:6:", "test.bad_key", "confidance"}},
      {"rule_bad_path.yaml", {"rule_bad_path.yaml:11:", "test.bad_path", "nsubjj"}},
      {"rule_undeclared_predicate.yaml", {":5:", "test.undeclared", "ng:shookHandsWith", "ontology"}},
      {"rule_undefined_slot.yaml", {"test.slot", "undefined slot 'b'"}},
      {"rule_not_yaml.yaml", {"rule_not_yaml.yaml:", "invalid YAML"}},
      {"rule_no_output.yaml", {"test.nothing", "produces nothing"}},
      {"does_not_exist.yaml", {"does_not_exist.yaml", "cannot open"}},
      // Numbers: NaN, infinite, out of range (1e300 used to overflow the int).
      {"rule_nan_confidence.yaml", {"rule_nan_confidence.yaml:6:", "test.nan", "finite"}},
      {"rule_confidence_out_of_range.yaml", {"rule_confidence_out_of_range.yaml:6:", "test.two", "(0, 1]"}},
      {"rule_huge_min_participants.yaml", {"rule_huge_min_participants.yaml:5:", "test.huge", "whole number"}},
      {"rule_negative_min_participants.yaml", {"rule_negative_min_participants.yaml:5:", "test.neg", "whole number"}},
      // yaml-cpp conversion errors: file, line and rule, not "internal error".
      {"rule_complex_key.yaml", {"rule_complex_key.yaml:6:", "test.complex", "unexpected value"}},
      {"rule_list_as_name.yaml", {"rule_list_as_name.yaml:5:", "test.seq", "unexpected value"}},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    try {
      ng::load_rules(bad(c.file), declared);
      FAIL("bad rule file accepted");
    } catch (const ng::Error& e) {
      for (const auto& s : c.expect) CHECK_THAT(e.what(), Catch::Contains(s));
    }
  }
}

TEST_CASE("the bundled rule files load and every rule has a trigger and output",
          "[extract][rules][unit]") {
  auto rules = ng::load_rules((ng::test::source_dir() / "extraction/rules/news.yaml").string(), nullptr);
  CHECK(rules.size() >= 20);
  for (const auto& r : rules) {
    INFO(r.id);
    CHECK(!r.lemmas.empty());
    CHECK((!r.facts.empty() || !r.events.empty()));
    CHECK(r.line > 0);
  }
}

TEST_CASE("paths: '^' takes constraints on the head", "[extract][rules][unit]") {
  auto p = ng::parse_path("^[lemma=attend|hold]/nsubj");
  REQUIRE(p.size() == 2);
  CHECK(p[0].up);
  CHECK(p[0].lemmas == std::vector<std::string>{"attend", "hold"});
  CHECK(p[1].deprel == "nsubj");
  CHECK_THROWS_AS(ng::parse_path("^x"), ng::Error);
}

TEST_CASE("slots: known_place, known_region and complete are read", "[extract][rules][unit]") {
  auto rules = ng::load_rules((ng::test::source_dir() / "extraction/rules/news.yaml").string(), nullptr);
  const auto r = std::find_if(rules.begin(), rules.end(),
                              [](const ng::Rule& x) { return x.id == "place.part_of"; });
  REQUIRE(r != rules.end());
  REQUIRE(r->slots.size() == 2);
  CHECK(r->slots[0].known_place);
  CHECK_FALSE(r->slots[0].known_region);
  CHECK(r->slots[1].known_region);
  const auto say = std::find_if(rules.begin(), rules.end(),
                                [](const ng::Rule& x) { return x.id == "speech.say"; });
  REQUIRE(say != rules.end());
  CHECK(say->slots[1].complete);
}

TEST_CASE("paths: [upos=...] constrains the part of speech of the word reached",
          "[extract][rules][unit]") {
  auto p = ng::parse_path("obj[upos=VERB|AUX]");
  REQUIRE(p.size() == 1);
  CHECK(p[0].deprel == "obj");
  CHECK(p[0].upos == std::vector<std::string>{"VERB", "AUX"});
  CHECK_THROWS_AS(ng::parse_path("obj[upos=VERBAL]"), ng::Error);
  CHECK_THROWS_AS(ng::parse_path("obj[upos=]"), ng::Error);
}

TEST_CASE("slot sides and focus events are read and checked", "[extract][rules][unit]") {
  auto dir = std::filesystem::temp_directory_path() / "ng_rules_side_test";
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) {
    auto p = dir / name;
    std::ofstream(p) << text;
    return p.string();
  };
  auto ok = write("ok.yaml",
                  "- id: t.side\n"
                  "  trigger: {lemma: [gather]}\n"
                  "  slots:\n"
                  "    p: {side: before, type: [PERSON]}\n"
                  "    q: {path: [obj], side: after, optional: true}\n"
                  "  event: {class: \"ng:Meeting\", roles: {p: \"ng:participant\"}, focus: true}\n");
  auto rules = ng::load_rules(ok, nullptr);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].slots[0].side == ng::Slot::Side::Before);
  CHECK(rules[0].slots[0].paths.empty());
  CHECK(rules[0].slots[1].side == ng::Slot::Side::After);
  CHECK(rules[0].slots[1].paths.size() == 1);
  REQUIRE(rules[0].events.size() == 1);
  CHECK(rules[0].events[0].focus);
  auto bad_side = write("bad.yaml",
                        "- id: t.bad_side\n"
                        "  trigger: {lemma: [gather]}\n"
                        "  slots:\n"
                        "    p: {side: left}\n"
                        "  event: {class: \"ng:Meeting\", roles: {p: \"ng:participant\"}}\n");
  try {
    ng::load_rules(bad_side, nullptr);
    FAIL("a bad side was accepted");
  } catch (const ng::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("bad.yaml:4:"));
    CHECK_THAT(e.what(), Catch::Contains("t.bad_side"));
    CHECK_THAT(e.what(), Catch::Contains("before' or 'after"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("modalities and entity types are read into their enums, with the same messages",
          "[extract][rules][unit]") {
  ng::test::TempDir dir;
  auto ok = dir.write("ok.yaml",
                      "- id: t.typed\n"
                      "  trigger: {lemma: [meet], type: [GPE], modality: [asserted, future]}\n"
                      "  slots:\n"
                      "    p: {path: [nsubj], type: [PER, LOCATION]}\n"
                      "  event: {class: \"ng:Meeting\", roles: {p: \"ng:participant\"}}\n");
  auto rules = ng::load_rules(ok.string(), nullptr);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].modality == std::vector<ng::Modality>{ng::Modality::Asserted, ng::Modality::Future});
  CHECK(rules[0].trigger_types == std::vector<ng::EntityType>{ng::EntityType::Gpe});
  CHECK(rules[0].slots[0].types == std::vector<ng::EntityType>{ng::EntityType::Person, ng::EntityType::Loc});
  CHECK(rules[0].slots[0].side == ng::Slot::Side::None);
  struct Case { const char* trigger; const char* slot; const char* expect; };
  const Case cases[] = {
      {"{lemma: [meet], modality: [maybe]}", "{path: [nsubj]}",
       "unknown modality 'maybe' (asserted, negated, future, hypothetical)"},
      {"{lemma: [meet], type: [PLANET]}", "{path: [nsubj]}", "unknown entity type 'PLANET'"},
      {"{lemma: [meet]}", "{path: [nsubj], type: [PLANET]}", "slot 'p': unknown entity type 'PLANET'"},
  };
  for (const auto& c : cases) {
    INFO(c.expect);
    auto bad = dir.write("bad.yaml", std::string("- id: t.bad\n  trigger: ") + c.trigger +
                                         "\n  slots:\n    p: " + c.slot +
                                         "\n  event: {class: \"ng:Meeting\", roles: {p: \"ng:participant\"}}\n");
    try {
      ng::load_rules(bad.string(), nullptr);
      FAIL("accepted");
    } catch (const ng::Error& e) {
      CHECK_THAT(e.what(), Catch::Contains("rule 't.bad':"));
      CHECK_THAT(e.what(), Catch::Contains(c.expect));
    }
  }
}

TEST_CASE("fuzz regressions: a rule file with a non-scalar key is an error naming file and line",
          "[extraction][rules][unit]") {
  for (const char* name : {"complex_key_found.yaml", "minimal_non_scalar_key.yaml"}) {
    const auto path = ng::test::source_dir() / "fuzz" / "regressions" / "rules_fuzz" / name;
    INFO(path.string());
    try {
      ng::load_rules(path.string(), nullptr);
      FAIL("accepted");
    } catch (const ng::Error& e) {
      CHECK(std::string(e.what()).find(path.string() + ":") != std::string::npos);
    }
  }
}
