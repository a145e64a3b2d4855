// Small word tests shared by the stages (one copy each). Pure functions,
// thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>
#include <initializer_list>
#include <string_view>

#include "core/utf8.h"

namespace ng {

// Whether the first code point of w is an upper-case letter ("Élysée", "X");
// false for "" and for words that start with a digit or punctuation.
inline bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  return is_upper(next_code_point(w, i));
}

// Whether the first code point of w is a lower-case letter ("backed", "été").
inline bool starts_lower(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  return is_lower(next_code_point(w, i));
}

// Whether w has two or more letters and no lower-case one ("NG", "TED"): an acronym.
inline bool acronym(std::string_view w) {
  size_t i = 0, letters = 0;
  while (i < w.size()) {
    const char32_t c = next_code_point(w, i);
    if (is_lower(c)) return false;
    letters += is_upper(c);
  }
  return letters >= 2;
}

// s without ASCII white space (space, tab, CR, LF, FF, VT) at either end.
inline std::string_view trim(std::string_view s) {
  constexpr std::string_view ws = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// Whether s equals one of the words of list (exact, case-sensitive).
inline bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Whether word is a generational suffix of a name, in any case: Jr(.),
// Sr(.), II, III, IV ("Martin Luther King Jr.", "King Abdullah II").
inline bool generational_suffix(std::string_view word) {
  return one_of(to_lower(word), {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"});
}

// Whether word is a lower-case particle inside a person's name, in any
// case: "von der" Leyen, "da" Silva, "bin" Salman, "al"-Assad.
inline bool name_particle(std::string_view word) {
  return one_of(to_lower(word), {"le", "la", "de", "del", "della", "di", "da", "du", "dos", "van",
                                 "von", "der", "den", "ter", "al", "el", "bin", "ibn", "ben",
                                 "bint", "abu", "mac", "o'"});
}

// A name as a label: format characters (zero-width spaces and joiners,
// U+200B-U+200F, U+2060, U+FEFF), control characters and square brackets
// (an editor's, "Narendra] Modi") removed, and
// brackets, quotes and other punctuation stripped from both ends, except a
// final period of an abbreviation ("Washington D.C.") and a closing bracket
// whose opening one is inside ("Mahamat Idriss Déby (Itno)" keeps both).
// "((Anthony Boccaletti" -> "Anthony Boccaletti"; "-elect Harris" -> "elect
// Harris". Returns "" when no letter or digit remains.
std::string clean_name(std::string_view name);

// Whether a cleaned name can name an entity: at least two letters or
// digits ("B", "I", "-" cannot).
bool usable_name(std::string_view cleaned);

// A value made safe for one line of a line-based format (TSV cells, CoNLL-U
// comments, `# id` headers): every control character (U+0000-U+001F, tab,
// CR and LF included, U+007F-U+009F) and the Unicode line and paragraph
// separators (U+2028, U+2029) become one space each; the rest, invalid UTF-8
// bytes included, is copied unchanged. one_line("a\tb\nc") == "a b c".
std::string one_line(std::string_view s);
// Appends one_line(s) to out.
void append_one_line(std::string& out, std::string_view s);

// Longest literal text kept whole (bytes): a clause nesting a chain of
// clauses ("X said that Y said that ...") would otherwise repeat the rest of
// the chain in each literal, output quadratic in the input.
inline constexpr size_t kMaxLiteralBytes = 500;

// s when it has at most max_bytes bytes; else its start, cut at the last
// space in the second half of the allowed length (else at a code point
// boundary), followed by the marker "…": at most max_bytes bytes in all.
// max_bytes must be at least 8.
std::string cut_text(std::string_view s, size_t max_bytes = kMaxLiteralBytes);

// 16 lower-case hex digits of a 64-bit FNV-1a hash of s: stable across
// platforms and runs (used in IRIs and ids; not a cryptographic hash).
inline std::string stable_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace ng
