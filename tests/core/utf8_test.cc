#include <catch2/catch.hpp>
#include <string_view>

#include "core/utf8.h"

TEST_CASE("find_invalid_utf8 finds the first bad byte", "[core][utf8][unit]") {
  using namespace std::string_literals;
  struct Case { std::string s; size_t bad; };
  const size_t ok = std::string_view::npos;
  const Case cases[] = {
      {"plain ascii", ok},
      {"Zo\xC3\xAB \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80", ok},
      {"ab\xFF", 2},
      {"\xC3", 0},                  // truncated
      {"x\xC0\xAF", 1},             // overlong '/'
      {"x\xED\xA0\x80", 1},         // surrogate
      {"x\xF4\x90\x80\x80", 1},     // above U+10FFFF
      {"ok\xE2\x80", 2},            // truncated 3-byte
  };
  for (const auto& c : cases) {
    INFO(c.s);
    CHECK(ng::find_invalid_utf8(c.s) == c.bad);
  }
}

TEST_CASE("repair_utf8 replaces bad sequences with U+FFFD", "[core][utf8][unit]") {
  std::string s = "a\xFF" "b\xC3";
  CHECK(ng::repair_utf8(s) == 2);
  CHECK(s == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(ng::find_invalid_utf8(s) == std::string_view::npos);
}

TEST_CASE("case folding and accent folding", "[core][utf8][unit]") {
  CHECK(ng::to_lower("Erdo\xC4\x9F" "an \xC3\x85LSTR\xC3\x96M") == "erdo\xC4\x9F" "an \xC3\xA5lstr\xC3\xB6m");
  CHECK(ng::fold_accents("Erdo\xC4\x9F" "an Zo\xC3\xAB") == "Erdogan Zoe");
  CHECK(ng::code_point_count("Zo\xC3\xAB") == 3);
}
