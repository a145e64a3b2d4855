#include <catch2/catch.hpp>

#include "core/dates.h"

#include <cctype>
#include <string>
#include <vector>

using ng::parse_date;

TEST_CASE("parse_date normalises whole date expressions to ISO", "[core][dates][unit]") {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"2024-05-06", "2024-05-06"},
      {"May 6, 2024", "2024-05-06"},
      {"6 May 2024", "2024-05-06"},
      {"Friday, January 4, 2019", "2019-01-04"},
      {"Jan. 4, 2019", "2019-01-04"},
      {"Sept 30, 2020", "2020-09-30"},
      {"March 2021", "2021-03"},
      {"2014", "2014"},
      {"05/06/2024", "2024-05-06"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    auto d = parse_date(c.in);
    REQUIRE(d);
    CHECK(*d == c.out);
  }
}

TEST_CASE("parse_date rejects non-dates and impossible dates", "[core][dates][unit]") {
  for (const char* s : {"", "hello", "February 30, 2020", "2024-13-01", "May", "may be 5",
                        "the 2024 election"}) {
    INFO(s);
    CHECK_FALSE(parse_date(s));
  }
}

TEST_CASE("find_date finds a date inside a metadata line", "[core][dates][unit]") {
  auto d = ng::find_date(" date 2024-05-06 + \xE2\x86\xBA \xE2\x88\x92 16 px");
  REQUIRE(d);
  CHECK(*d == "2024-05-06");
  CHECK_FALSE(ng::find_date("no date here, only 16 px"));
}

TEST_CASE("weekdays resolve to the most recent such day", "[core][dates][unit]") {
  // 2019-01-04 was a Friday.
  CHECK(ng::resolve_weekday("2019-01-04", ng::weekday_number("Monday")) == "2018-12-31");
  CHECK(ng::resolve_weekday("2019-01-04", ng::weekday_number("Friday")) == "2019-01-04");
  CHECK(ng::resolve_weekday("2019", 0).empty());
  CHECK(ng::add_days("2024-03-01", -1) == "2024-02-29");
  CHECK(ng::add_days("2023-12-31", 1) == "2024-01-01");
}

namespace {

// The first time expression in a phrase (split on spaces, lower-cased by
// the caller's convention), normalised against the anchor; "-" for none.
std::string first_time(const std::string& phrase, const std::string& anchor,
                       ng::Tense tense = ng::Tense::Past) {
  std::vector<std::string> words;
  std::string w;
  for (char c : phrase + " ") {
    if (c == ' ') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    size_t used = 0;
    if (auto d = ng::time_expression_at(words, i, anchor, tense, used)) return *d;
  }
  return "-";
}

}  // namespace

TEST_CASE("time_expression_at anchors relative expressions to the article date and tense",
          "[core][dates][unit]") {
  // 2020-01-10 is a Friday.
  const std::string a = "2020-01-10";
  CHECK(first_time("met on Tuesday", a) == "2020-01-07");
  CHECK(first_time("met on Friday", a) == "2020-01-10");
  CHECK(first_time("will meet on Tuesday", a, ng::Tense::Future) == "2020-01-14");
  CHECK(first_time("On last Thursday , they met", a) == "2020-01-02");
  CHECK(first_time("next Monday", a, ng::Tense::Future) == "2020-01-13");
  CHECK(first_time("met yesterday", a) == "2020-01-09");
  CHECK(first_time("today", a) == "2020-01-10");
  CHECK(first_time("tomorrow", a, ng::Tense::Future) == "2020-01-11");
  CHECK(first_time("three days ago", a) == "2020-01-07");
  CHECK(first_time("two years ago", a) == "2018");
  CHECK(first_time("last month", a) == "2019-12");
  CHECK(first_time("last year", a) == "2019");
  CHECK(first_time("this week", a) == "2020-01");
  CHECK(first_time("last week", "2020-01-03") == "2019-12");  // 2019-12-23..29
  CHECK(first_time("last week", "2020-01-08") == "-");  // 2019-12-30..2020-01-05: no one month
}

TEST_CASE("time_expression_at reads dates with and without a year", "[core][dates][unit]") {
  const std::string a = "2020-01-10";
  CHECK(first_time("on January 2", a) == "2020-01-02");
  CHECK(first_time("on December 20", a) == "2019-12-20");  // past: the last December 20
  CHECK(first_time("on December 20", a, ng::Tense::Future) == "2020-12-20");
  CHECK(first_time("on 28 January 2016", a) == "2016-01-28");
  CHECK(first_time("on January 28 , 2016", a) == "2016-01-28");
  CHECK(first_time("on Friday , January 4 , 2019", a) == "2019-01-04");
  CHECK(first_time("on 19 - 20 November 2023", a) == "2023-11");
  CHECK(first_time("in May 2021", a) == "2021-05");
  CHECK(first_time("in March", a) == "2019-03");
  CHECK(first_time("first met in 2014", a) == "2014");
  CHECK(first_time("in early 2024", a) == "2024");
  CHECK(first_time("the 2014 winner", a) == "-");  // a year needs a preposition
  CHECK(first_time("they may meet", a) == "-");    // "may" the verb
  CHECK(first_time("on Monday", "") == "-");       // no anchor: nothing to resolve against
  CHECK(first_time("in 2014", "") == "2014");
}

TEST_CASE("cardinal reads digits and numbers in words up to ninety-nine", "[core][dates][unit]") {
  CHECK(ng::cardinal("74") == 74);
  CHECK(ng::cardinal("two") == 2);
  CHECK(ng::cardinal("seventeen") == 17);
  CHECK(ng::cardinal("seventy") == 70);
  CHECK(ng::cardinal("seventy-four") == 74);
  CHECK(ng::cardinal("seventy-fourteen") == 0);
  CHECK(ng::cardinal("four-seventy") == 0);
  CHECK(ng::cardinal("several") == 0);
  CHECK(ng::cardinal("") == 0);
}
