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
