#include "core/text.h"

#include <catch2/catch.hpp>

TEST_CASE("clean_name strips invisible characters and stray punctuation at the ends",
          "[text][unit]") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"((Anthony Boccaletti", "Anthony Boccaletti"},
      {"Daily Xtra\u200d", "Daily Xtra"},
      {"Arabia\u200d", "Arabia"},
      {"\u200bZoë  Ålström ", "Zoë Ålström"},
      {"Washington D.C.", "Washington D.C."},
      {"Mahamat Idriss Déby (Itno)", "Mahamat Idriss Déby (Itno)"},
      {"\"The Times\"", "The Times"},
      {"-Daneshavari", "Daneshavari"},
      {"@DrAmyActon", "DrAmyActon"},
      {"((", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(ng::clean_name(c.in) == c.out);
  }
}

TEST_CASE("usable_name wants two letters or digits", "[text][unit]") {
  CHECK(ng::usable_name("UN"));
  CHECK(ng::usable_name("G7"));
  CHECK(ng::usable_name("Zoë"));
  CHECK_FALSE(ng::usable_name("B"));
  CHECK_FALSE(ng::usable_name(""));
  CHECK_FALSE(ng::usable_name("É"));
}

TEST_CASE("one_line turns control characters and line separators into spaces", "[text][unit]") {
  CHECK(ng::one_line("a\tb\nc\rd") == "a b c d");
  CHECK(ng::one_line(std::string("a\0b\x7f" "c", 5)) == "a b c");
  CHECK(ng::one_line("x\xc2\x85y") == "x y");          // U+0085 NEL
  CHECK(ng::one_line("x\xe2\x80\xa8y\xe2\x80\xa9z") == "x y z");  // U+2028, U+2029
  CHECK(ng::one_line("Zürich – Genève") == "Zürich – Genève");
  CHECK(ng::one_line("bad \xc2") == "bad \xc2");       // truncated UTF-8 kept as is
}

TEST_CASE("cut_text cuts long text at a word boundary with a marker", "[text][unit]") {
  CHECK(ng::cut_text("short text", 20) == "short text");
  std::string words;
  for (int i = 0; i < 200; ++i) words += "said that ";
  auto cut = ng::cut_text(words);
  CHECK(cut.size() <= ng::kMaxLiteralBytes);
  CHECK(cut.size() > ng::kMaxLiteralBytes / 2);
  CHECK_THAT(cut, Catch::EndsWith("that\xe2\x80\xa6") || Catch::EndsWith("said\xe2\x80\xa6"));
  // No space to cut at: cut between code points, never inside one.
  std::string accents;
  for (int i = 0; i < 300; ++i) accents += "\xc3\xa9";  // "é"
  auto c2 = ng::cut_text(accents, 100);
  CHECK(c2.size() <= 100);
  CHECK(ng::find_invalid_utf8(c2) == std::string_view::npos);
}

TEST_CASE("starts_upper and starts_lower read the first code point", "[text][unit]") {
  CHECK(ng::starts_upper("Élysée"));
  CHECK_FALSE(ng::starts_upper("élysée"));
  CHECK(ng::starts_lower("backed"));
  CHECK(ng::starts_lower("été"));  // a lower-case letter outside ASCII
  CHECK_FALSE(ng::starts_lower("Backed"));
  CHECK_FALSE(ng::starts_lower("-led"));
  CHECK_FALSE(ng::starts_lower(""));
}
