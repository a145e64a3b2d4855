// The rule language has one reference, extraction/rule_language.md: every key
// the loader accepts must be described there, in the table of its mapping.
#include <catch2/catch.hpp>

#include <string>

#include "core/document.h"
#include "extraction/rules.h"
#include "tests/test_support.h"

namespace {

std::string reference() {
  return ng::test::read_file(ng::test::source_dir() / "extraction/rule_language.md");
}

// The text of the section headed "## `mapping`..." up to the next "## "
// heading; "" if there is none.
std::string section(const std::string& doc, std::string_view mapping) {
  const std::string heading = "\n## `" + std::string(mapping) + "`";
  size_t start = doc.find(heading);
  if (start == std::string::npos) return "";
  size_t end = doc.find("\n## ", start + heading.size());
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("the rule language reference describes every key the loader accepts",
          "[extract][rules][doc][unit]") {
  const std::string doc = reference();
  REQUIRE(!doc.empty());
  for (const auto& m : ng::rule_file_keys()) {
    const std::string text = section(doc, m.mapping);
    INFO("extraction/rule_language.md, section '## `" << m.mapping << "`'");
    REQUIRE(!text.empty());
    for (std::string_view key : m.keys) {
      INFO("key '" << key << "' needs a table row \"| `" << key << "` | default | meaning |\"");
      CHECK(text.find("| `" + std::string(key) + "` |") != std::string::npos);
    }
  }
}

TEST_CASE("the rule language reference names every value of the enumerated keys",
          "[extract][rules][doc][unit]") {
  const std::string doc = reference();
  const std::string trigger = section(doc, "trigger"), slot = section(doc, "slot");
  for (ng::Modality m : {ng::Modality::Asserted, ng::Modality::Negated, ng::Modality::Future,
                         ng::Modality::Hypothetical})
    CHECK_THAT(trigger, Catch::Contains("`" + std::string(ng::to_string(m)) + "`"));
  for (const char* side : {"`before`", "`after`"}) CHECK_THAT(slot, Catch::Contains(side));
}
