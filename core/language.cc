#include "core/language.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace ng {
namespace {

// Function words frequent in English and rare as words of other languages
// written in Latin letters (so not "a", "in", "on", "an", "die", "son").
const std::unordered_set<std::string_view>& function_words() {
  static const std::unordered_set<std::string_view> kWords = {
      "the",   "of",    "and",   "to",    "is",     "was",   "that", "for",  "with",  "as",
      "by",    "at",    "from",  "he",    "she",    "it",    "his",  "her",  "they",  "their",
      "this",  "which", "who",   "were",  "are",    "be",    "been", "has",  "have",  "had",
      "said",  "will",  "would", "not",   "but",    "or",    "its",  "after", "also", "about",
      "than",  "more",  "when",  "there", "into",   "over",  "we",   "you",  "him",   "our",
      "what",  "these", "those", "could", "should", "other", "only", "such", "being", "while"};
  return kWords;
}

// Decodes one UTF-8 code point at s[i] (advancing i); U+FFFD on a bad byte.
char32_t next_cp(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : b & (0x7f >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += len;
  return cp;
}

bool latin_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// Any letter: Latin, or a code point of a script block (Greek and beyond)
// that is not punctuation, a symbol or a space (a rough test, enough here).
bool any_letter(char32_t c) {
  if (latin_letter(c)) return true;
  if (c < 0x370) return false;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F))
    return false;
  return !(c >= 0xFF00 && c <= 0xFF20) && !(c >= 0x1F000);
}

}  // namespace

std::string LanguageCheck::reason() const {
  if (letters > 0 && latin * 2 < letters) return "most letters are not Latin";
  const size_t pct = words ? function * 100 / words : 0;
  return std::to_string(pct) + "% of its " + std::to_string(words) +
         " words are English function words";
}

LanguageCheck check_english(std::string_view text) {
  LanguageCheck c;
  const auto& fw = function_words();
  std::string word;
  bool capital = false;  // the word starts with a capital: a name, or a sentence's start
  auto end_word = [&] {
    if (!word.empty() && !capital && c.words < 2000) {
      ++c.words;
      c.function += fw.count(word) ? 1 : 0;
    }
    word.clear();
  };
  const size_t limit = std::min<size_t>(text.size(), 20000);
  for (size_t i = 0; i < limit;) {
    const char32_t cp = next_cp(text, i);
    if (any_letter(cp)) ++c.letters;
    if (latin_letter(cp)) ++c.latin;
    if (latin_letter(cp) && word.empty())
      capital = (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE);
    if (cp < 0x80 && latin_letter(cp))
      word += static_cast<char>(cp | 0x20);  // ASCII lower case
    else if (latin_letter(cp))
      word += '?';  // an accented letter: no English function word has one
    else if (cp != '\'')
      end_word();
  }
  end_word();
  const bool latin_script = c.letters == 0 || c.latin * 2 >= c.letters;
  if (!latin_script && c.letters >= 20) c.english = false;
  else if (c.words >= 20 && c.function * 100 < c.words * 12) c.english = false;
  return c;
}

}  // namespace ng
