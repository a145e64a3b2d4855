// The one list of month and weekday names (core/dates.h) and the words the
// date parser derives from it.
#include <catch2/catch.hpp>
#include <string>

#include "core/dates.h"

TEST_CASE("dates: month names in full and cut to three letters", "[dates][unit]") {
  for (int i = 0; i < 12; ++i) {
    const std::string name(ng::kMonthNames[i]);
    CHECK(ng::month_number(name) == i + 1);
    CHECK(ng::month_number(name.substr(0, 3)) == i + 1);
    CHECK(ng::month_number(name.substr(0, 3) + ".") == i + 1);
  }
  CHECK(ng::month_number("Sept.") == 9);
  CHECK(ng::month_number("JUNE") == 6);
  CHECK(ng::month_number("ju") == 0);
  CHECK(ng::month_number("janu") == 0);
}

TEST_CASE("dates: weekday names in full only", "[dates][unit]") {
  for (int i = 0; i < 7; ++i) CHECK(ng::weekday_number(ng::kWeekdayNames[i]) == i);
  CHECK(ng::weekday_number("Sunday") == 6);
  CHECK(ng::weekday_number("mon") == -1);
}
