// The one reader of the word lists in lexicon/: formats, skipped lines and
// the error that names file and line and quotes the line.
#include "lexicon/lexicon.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace {

struct Read {
  int number;
  std::vector<std::string> fields;
};

std::vector<Read> read_all(const std::filesystem::path& file, ng::LexiconFormat format) {
  std::vector<Read> out;
  ng::read_lexicon(file, format,
                   [&](const ng::LexiconLine& l) { out.push_back({l.number, l.fields}); });
  return out;
}

}  // namespace

TEST_CASE("lexicon: TSV lines keep empty fields, blank and '#' lines hold no entry",
          "[lexicon][unit]") {
  ng::test::TempDir dir;
  auto file = dir.write("list.tsv", "# header\r\n\nrome\tItaly\r\na\t\tc\n#x\ty\n");
  auto rows = read_all(file, ng::LexiconFormat::Tsv);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"rome", "Italy"});
  CHECK(rows[1].number == 4);
  CHECK(rows[1].fields == std::vector<std::string>{"a", "", "c"});
}

TEST_CASE("lexicon: word lines split at blanks, '#' starts a comment anywhere", "[lexicon][unit]") {
  ng::test::TempDir dir;
  auto file = dir.write("list.txt", "# mine\nZz.  # comment\n  \t \nQq.\tfinal\n");
  auto rows = read_all(file, ng::LexiconFormat::Words);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == 2);
  CHECK(rows[0].fields == std::vector<std::string>{"Zz."});
  CHECK(rows[1].fields == std::vector<std::string>{"Qq.", "final"});
}

TEST_CASE("lexicon: errors name file and line and quote the line", "[lexicon][unit]") {
  ng::test::TempDir dir;
  auto file = dir.write("list.tsv", "ok\tfine\nlonely\n");
  try {
    ng::read_tsv(file, 2, [](const ng::LexiconLine&) {});
    FAIL("no error");
  } catch (const ng::Error& e) {
    CHECK_THAT(e.what(), Catch::EndsWith("list.tsv:2: expected 2 tab-separated fields: 'lonely'"));
  }
  try {
    ng::read_tsv(file, 1, [](const ng::LexiconLine& l) {
      if (l.fields[0] == "lonely") throw l.error("no partner");
    });
    FAIL("no error");
  } catch (const ng::Error& e) {
    CHECK_THAT(e.what(), Catch::EndsWith("list.tsv:2: no partner: 'lonely'"));
  }
  CHECK_THROWS_WITH(read_all(dir.path() / "missing.tsv", ng::LexiconFormat::Tsv),
                    Catch::Contains("cannot read lexicon") && Catch::Contains("missing.tsv"));
}

TEST_CASE("lexicon: list splitting", "[lexicon][unit]") {
  CHECK(ng::split_at("a||b", '|') == std::vector<std::string>{"a", "", "b"});
  CHECK(ng::split_at("", '|') == std::vector<std::string>{""});
  CHECK(ng::split_bars("a||b|") == std::vector<std::string>{"a", "b"});
  CHECK(ng::split_bars("").empty());
}
