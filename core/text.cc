#include "core/text.h"

namespace ng {

namespace {

bool format_or_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) ||
         cp == 0x2060 || cp == 0xfeff || cp == 0x00ad;
}

bool word_char(char32_t cp) { return is_letter(cp) || (cp >= '0' && cp <= '9'); }

// Code points of s, with the byte offset where each starts.
std::vector<std::pair<size_t, char32_t>> code_points(std::string_view s) {
  std::vector<std::pair<size_t, char32_t>> out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    out.emplace_back(at, next_code_point(s, i));
  }
  return out;
}

}  // namespace

void append_one_line(std::string& out, std::string_view s) {
  size_t plain = 0;  // s[plain..i) is copied unchanged, in one append
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t skip = 0;  // bytes after s[i] replaced with it by one space
    if (c < 0x20 || c == 0x7f) {
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9f &&
               static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      skip = 1;  // C1 control U+0080-U+009F (NEL among them)
    } else if (c == 0xe2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
               (s[i + 2] == '\xa8' || s[i + 2] == '\xa9')) {
      skip = 2;  // U+2028, U+2029
    } else {
      continue;
    }
    out.append(s.data() + plain, i - plain);
    out += ' ';
    i += skip;
    plain = i + 1;
  }
  out.append(s.data() + plain, s.size() - plain);
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_one_line(out, s);
  return out;
}

std::string cut_text(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  constexpr std::string_view kMarker = "\u2026";  // "…", 3 bytes
  size_t end = max_bytes - kMarker.size();
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xc0) == 0x80) --end;
  size_t space = s.rfind(' ', end);
  if (space != std::string_view::npos && space > end / 2) end = space;
  while (end > 0 && s[end - 1] == ' ') --end;
  return std::string(s.substr(0, end)) + std::string(kMarker);
}

std::string clean_name(std::string_view name) {
  std::string kept;
  for (size_t i = 0; i < name.size();) {
    size_t at = i;
    char32_t cp = next_code_point(name, i);
    // Editors' square brackets ("[Prime Minister Narendra] Modi") go.
    if (!format_or_control(cp) && cp != '[' && cp != ']') kept.append(name.substr(at, i - at));
  }
  const auto cps = code_points(kept);
  size_t first = 0, last = cps.size();
  while (first < last && !word_char(cps[first].second)) ++first;
  while (last > first && !word_char(cps[last - 1].second)) {
    const char32_t c = cps[last - 1].second;
    const bool abbreviation = c == '.' && last >= 3 && cps[last - 3].second == '.';
    const bool closes_inner = c == ')' && kept.find('(', cps[first].first) < cps[last - 1].first;
    if (abbreviation || closes_inner) break;
    --last;
  }
  if (first >= last) return "";
  const size_t begin = cps[first].first;
  const size_t end = last < cps.size() ? cps[last].first : kept.size();
  std::string out = kept.substr(begin, end - begin);
  // Runs of white space become one space.
  std::string folded;
  for (char c : out) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded += space ? ' ' : c;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

bool usable_name(std::string_view cleaned) {
  int n = 0;
  for (size_t i = 0; i < cleaned.size() && n < 2;)
    if (word_char(next_code_point(cleaned, i))) ++n;
  return n >= 2;
}

}  // namespace ng
