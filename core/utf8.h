// UTF-8 helpers. All text inside newsgraph is valid UTF-8; input is checked
// once, at the door (io/), with validate_utf8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ng {

// Returns the byte offset of the first invalid UTF-8 sequence in s, or
// std::string_view::npos when s is valid (overlong forms, surrogates and
// code points above U+10FFFF are invalid).
size_t find_invalid_utf8(std::string_view s);

// Replaces every invalid sequence by U+FFFD; returns the number replaced.
size_t repair_utf8(std::string& s);

// Decodes the code point starting at s[i] and advances i past it. Precondition:
// s is valid UTF-8 and i < s.size().
char32_t next_code_point(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of cp to out.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in s (valid UTF-8).
size_t code_point_count(std::string_view s);

// Simple Unicode-aware classification used by the tokenizer and the rules.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);
bool is_space(char32_t cp);  // includes NBSP and other Unicode spaces

// Lower-cases ASCII and the Latin-1/Latin Extended-A/Greek/Cyrillic letters.
std::string to_lower(std::string_view s);
// Strips Latin diacritics ("Erdoğan" -> "Erdogan") where a base letter exists.
std::string fold_accents(std::string_view s);

}  // namespace ng
