#include <catch2/catch.hpp>

#include "core/error.h"
#include "extract/rules.h"
#include "tests/test_support.h"

namespace {

std::string bad(const char* name) {
  return (ng::test::source_dir() / "tests/data/bad" / name).string();
}

bool declared(const std::string& curie) { return curie == "ng:met" || curie == "ng:Meeting"; }

}  // namespace

TEST_CASE("parse_path reads steps, constraints, '^' and '.'", "[extract][rules]") {
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

TEST_CASE("bad rule files fail loudly with file, line and rule id", "[extract][rules]") {
  struct Case { const char* file; std::vector<std::string> expect; };
  const Case cases[] = {
      {"rule_unknown_key.yaml", {"rule_unknown_key.yaml:6:", "test.bad_key", "confidance"}},
      {"rule_bad_path.yaml", {"rule_bad_path.yaml:11:", "test.bad_path", "nsubjj"}},
      {"rule_undeclared_predicate.yaml", {":5:", "test.undeclared", "ng:shookHandsWith", "ontology"}},
      {"rule_undefined_slot.yaml", {"test.slot", "undefined slot 'b'"}},
      {"rule_not_yaml.yaml", {"rule_not_yaml.yaml:", "invalid YAML"}},
      {"rule_no_output.yaml", {"test.nothing", "produces nothing"}},
      {"does_not_exist.yaml", {"does_not_exist.yaml", "cannot open"}},
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

TEST_CASE("the bundled rule files load and every rule has a trigger and output", "[extract][rules]") {
  auto rules = ng::load_rules((ng::test::source_dir() / "extract/rules/news.yaml").string(), nullptr);
  CHECK(rules.size() >= 20);
  for (const auto& r : rules) {
    INFO(r.id);
    CHECK(!r.lemmas.empty());
    CHECK((!r.facts.empty() || !r.events.empty()));
    CHECK(r.line > 0);
  }
}
