// Small word tests shared by the stages (one copy each). Pure functions,
// thread-safe.
#pragma once

#include <algorithm>
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

// Whether s equals one of the words of list (exact, case-sensitive).
inline bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace ng
