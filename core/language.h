// Is a text English? A cheap check on function words, for refusing articles
// the English models would only turn into noise.
#pragma once

#include <string>
#include <string_view>

namespace ng {

struct LanguageCheck {
  bool english = true;   // false only with enough evidence against
  size_t words = 0;      // lower-case words looked at (names do not count; at most 2,000)
  size_t function = 0;   // of them, English function words ("the", "of", "and", "said")
  size_t latin = 0;      // letters in the Latin script among the first 20,000 bytes
  size_t letters = 0;    // letters in any script among them
  // "3% of its 412 words are English function words" / "most letters are not Latin".
  std::string reason() const;
};

// English news has about 35-45% function words; other languages written in
// Latin letters have under 10% of these (the shared ones: "a", "in", "die"...
// are not counted). Only words in lower case count, so a list of names is
// no evidence. A text is judged not English when it has at least 20 such
// words and under 12% of them are English function words, or when most of
// its letters are not Latin. Shorter texts are English (no evidence).
LanguageCheck check_english(std::string_view text);

}  // namespace ng
