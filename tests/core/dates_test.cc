#include <catch2/catch.hpp>

#include "core/dates.h"

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
