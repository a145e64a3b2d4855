#include "core/dates.h"

#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <vector>

namespace ng {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string iso(int y, int m, int d) {
  char buf[16];
  if (m == 0) std::snprintf(buf, sizeof buf, "%04d", y);
  else if (d == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : dm[m - 1];
}

bool valid(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Words of s: runs of letters/digits, plus separators recorded as their own
// one-character items ('-', '/', ',').
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> w;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += c;
    } else {
      if (!cur.empty()) w.push_back(cur), cur.clear();
      if (c == '-' || c == '/' || c == ',' || c == '.') w.emplace_back(1, c);
    }
  }
  if (!cur.empty()) w.push_back(cur);
  return w;
}

// Days since 1970-01-01 (proleptic Gregorian).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
}

bool split_iso(const std::string& s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s.substr(0, 4)) || !is_digits(s.substr(5, 2)) || !is_digits(s.substr(8, 2)))
    return false;
  y = to_int(s.substr(0, 4));
  m = to_int(s.substr(5, 2));
  d = to_int(s.substr(8, 2));
  return valid(y, m, d);
}

// Tries to read a date starting at words[i]; on success sets `consumed`.
std::optional<std::string> date_at(const std::vector<std::string>& w, size_t i, size_t& consumed) {
  auto at = [&](size_t k) -> std::string_view { return k < w.size() ? std::string_view(w[k]) : ""; };
  size_t j = i;
  if (weekday_number(at(j)) >= 0) {  // "Friday, January 4, 2019"
    ++j;
    if (at(j) == ",") ++j;
  }
  // ISO 2024-05-06
  if (is_digits(at(j)) && at(j).size() == 4 && at(j + 1) == "-" && is_digits(at(j + 2)) &&
      at(j + 3) == "-" && is_digits(at(j + 4))) {
    int y = to_int(at(j)), m = to_int(at(j + 2)), d = to_int(at(j + 4));
    if (valid(y, m, d)) { consumed = j + 5 - i; return iso(y, m, d); }
  }
  // US 05/06/2024
  if (is_digits(at(j)) && at(j + 1) == "/" && is_digits(at(j + 2)) && at(j + 3) == "/" &&
      is_digits(at(j + 4)) && at(j + 4).size() == 4) {
    int m = to_int(at(j)), d = to_int(at(j + 2)), y = to_int(at(j + 4));
    if (valid(y, m, d)) { consumed = j + 5 - i; return iso(y, m, d); }
  }
  // Month D, YYYY | Month YYYY
  if (int m = month_number(at(j)); m > 0) {
    size_t k = j + 1;
    if (at(k) == ".") ++k;
    if (is_digits(at(k)) && at(k).size() <= 2) {
      int d = to_int(at(k));
      size_t k2 = k + 1;
      if (at(k2) == ",") ++k2;
      if (is_digits(at(k2)) && at(k2).size() == 4 && valid(to_int(at(k2)), m, d)) {
        consumed = k2 + 1 - i;
        return iso(to_int(at(k2)), m, d);
      }
    } else if (is_digits(at(k)) && at(k).size() == 4) {
      consumed = k + 1 - i;
      return iso(to_int(at(k)), m, 0);
    }
  }
  // D Month YYYY
  if (is_digits(at(j)) && at(j).size() <= 2) {
    if (int m = month_number(at(j + 1)); m > 0) {
      size_t k = j + 2;
      if (at(k) == ".") ++k;
      if (at(k) == ",") ++k;
      if (is_digits(at(k)) && at(k).size() == 4 && valid(to_int(at(k)), m, to_int(at(j)))) {
        consumed = k + 1 - i;
        return iso(to_int(at(k)), m, to_int(at(j)));
      }
    }
  }
  return std::nullopt;
}

}  // namespace

int month_number(std::string_view word) {
  std::string w = lower_ascii(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    std::string_view n = kMonthNames[i];
    if (w == n || (w.size() == 3 && n.substr(0, 3) == w)) return i + 1;
  }
  return 0;
}

int cardinal(std::string_view w) {
  if (is_digits(w)) return w.size() <= 9 ? to_int(w) : 0;
  static const char* kUnits[] = {"one",     "two",     "three",    "four",     "five",
                                 "six",     "seven",   "eight",    "nine",     "ten",
                                 "eleven",  "twelve",  "thirteen", "fourteen", "fifteen",
                                 "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char* kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  const size_t dash = w.find('-');
  const std::string_view head = w.substr(0, dash);
  for (int k = 0; k < 19; ++k)
    if (dash == std::string_view::npos && head == kUnits[k]) return k + 1;
  for (int k = 0; k < 8; ++k) {
    if (head != kTens[k]) continue;
    if (dash == std::string_view::npos) return 20 + 10 * k;
    const int unit = cardinal(w.substr(dash + 1));
    return unit >= 1 && unit <= 9 && !is_digits(w.substr(dash + 1)) ? 20 + 10 * k + unit : 0;
  }
  return 0;
}

int weekday_number(std::string_view word) {
  std::string w = lower_ascii(word);
  for (int i = 0; i < 7; ++i)
    if (w == kWeekdayNames[i]) return i;
  return -1;
}

std::optional<std::string> parse_date(std::string_view s) {
  auto w = words_of(s);
  if (w.empty()) return std::nullopt;
  size_t consumed = 0;
  auto d = date_at(w, 0, consumed);
  if (d && consumed == w.size()) return d;
  if (d && consumed + 1 == w.size() && (w.back() == "." || w.back() == ",")) return d;
  if (w.size() == 1 && is_digits(w[0]) && w[0].size() == 4) {
    int y = to_int(w[0]);
    if (y >= 1000 && y <= 2999) return w[0];
  }
  return std::nullopt;
}

std::optional<std::string> find_date(std::string_view s) {
  auto w = words_of(s);
  for (size_t i = 0; i < w.size(); ++i) {
    size_t consumed = 0;
    if (auto d = date_at(w, i, consumed)) return d;
  }
  return std::nullopt;
}

std::string add_days(const std::string& iso_date, int days) {
  int y, m, d;
  if (!split_iso(iso_date, y, m, d)) return "";
  civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
  return iso(y, m, d);
}

std::string resolve_weekday(const std::string& article_date, int weekday) {
  int y, m, d;
  if (weekday < 0 || !split_iso(article_date, y, m, d)) return "";
  long z = days_from_civil(y, m, d);
  int wd = static_cast<int>(((z % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
  int back = (wd - weekday + 7) % 7;
  return add_days(article_date, -back);
}

}  // namespace ng

// ---------------------------------------------------------------- time expressions

namespace ng {
namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

long day_number(const Ymd& a) { return days_from_civil(a.y, a.m, a.d); }

Ymd from_day_number(long z) {
  Ymd r;
  civil_from_days(z, r.y, r.m, r.d);
  return r;
}

int weekday_of(long z) { return static_cast<int>(((z % 7) + 7 + 3) % 7); }  // Monday = 0

// "6", "6th", "21st" -> 6, 21; 0 when not a day number.
int day_of(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const int d = to_int(w.substr(0, n));
  return d >= 1 && d <= 31 ? d : 0;
}

int year_of(std::string_view w) {
  if (w.size() != 4 || !is_digits(w)) return 0;
  const int y = to_int(w);
  return y >= 1000 && y <= 2999 ? y : 0;
}

int count_word(std::string_view w) {
  if (w == "a" || w == "an") return 1;
  if (is_digits(w)) return w.size() <= 3 ? to_int(w) : 0;
  const int n = cardinal(w);
  return n <= 12 ? n : 0;
}

bool one_of_words(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

// A month (and day) without a year: the year that puts it on the tense's
// side of the anchor.
std::string complete_year(const Ymd& anchor, int m, int d, Tense tense) {
  int y = anchor.y;
  const int md = m * 100 + (d ? d : (tense == Tense::Past ? 1 : 31));
  const int amd = anchor.m * 100 + anchor.d;
  if (tense == Tense::Past && md > amd) --y;
  if (tense == Tense::Future && md < amd) ++y;
  if (d && !valid(y, m, d)) return "";
  return iso(y, m, d);
}

// A span of days as the most precise ISO form that holds it: the day, the
// month, or the year.
std::string span_iso(long first, long last) {
  Ymd a = from_day_number(first), b = from_day_number(last);
  if (first == last) return iso(a.y, a.m, a.d);
  if (a.y == b.y && a.m == b.m) return iso(a.y, a.m, 0);
  if (a.y == b.y) return iso(a.y, 0, 0);
  return "";
}

struct TimeReader {
  const std::vector<std::string>& w;
  const Ymd anchor;
  const bool anchored;
  const Tense tense;
  size_t& consumed;

  std::string_view at(size_t k) const { return k < w.size() ? std::string_view(w[k]) : ""; }
  long today() const { return day_number(anchor); }

  std::optional<std::string> done(size_t i, size_t end, std::string value) const {
    if (value.empty()) return std::nullopt;
    consumed = end - i;
    return value;
  }

  // "May 6, 2024", "May 6", "May 19-20", "May 2024", "May" (after a preposition).
  std::optional<std::string> month_first(size_t i, size_t j, bool after_preposition) const {
    const int m = month_number(at(j));
    if (m == 0 || (at(j) == "may" && !after_preposition && !day_of(at(j + 1)))) return std::nullopt;
    size_t k = j + 1;
    if (at(k) == ".") ++k;
    if (const int d = day_of(at(k))) {
      size_t e = k + 1;
      const bool range = (at(e) == "-" || at(e) == "–") && day_of(at(e + 1));
      if (range) e += 2;
      size_t e2 = at(e) == "," ? e + 1 : e;
      if (const int y = year_of(at(e2)))
        return done(i, e2 + 1, range ? iso(y, m, 0) : (valid(y, m, d) ? iso(y, m, d) : ""));
      if (!anchored) return std::nullopt;
      return done(i, e, complete_year(anchor, m, range ? 0 : d, tense));
    }
    if (const int y = year_of(at(k))) return done(i, k + 1, iso(y, m, 0));
    if (!after_preposition || !anchored) return std::nullopt;
    return done(i, j + 1, complete_year(anchor, m, 0, tense));
  }

  // "6 May 2024", "6 May", "19-20 November 2023".
  std::optional<std::string> day_first(size_t i) const {
    const int d = day_of(at(i));
    if (!d) return std::nullopt;
    size_t k = i + 1;
    const bool range = (at(k) == "-" || at(k) == "–") && day_of(at(k + 1));
    if (range) k += 2;
    if (at(k) == "of") ++k;
    const int m = month_number(at(k));
    if (!m || (at(k) == "may" && !year_of(at(k + 1)))) return std::nullopt;
    size_t e = k + 1;
    if (at(e) == ",") ++e;
    if (const int y = year_of(at(e)))
      return done(i, e + 1, range ? iso(y, m, 0) : (valid(y, m, d) ? iso(y, m, d) : ""));
    if (!anchored) return std::nullopt;
    return done(i, k + 1, complete_year(anchor, m, range ? 0 : d, tense));
  }

  // A weekday on its own: the nearest one on the tense's side of the anchor.
  std::optional<std::string> weekday(size_t i, int wd) const {
    if (!anchored) return std::nullopt;
    const int now = weekday_of(today());
    const long z = tense == Tense::Past ? today() - (now - wd + 7) % 7
                                        : today() + ((wd - now + 6) % 7 + 1);
    return done(i, i + 1, span_iso(z, z));
  }

  // "last/next/this" + weekday, week, month or year.
  std::optional<std::string> deictic(size_t i) const {
    const std::string_view dir = at(i), unit = at(i + 1);
    const int step = dir == "last" || dir == "past" ? -1 : dir == "next" ? 1 : 0;
    if (!anchored) return std::nullopt;
    const long monday = today() - weekday_of(today());
    if (const int wd = weekday_number(unit); wd >= 0)
      return done(i, i + 2, span_iso(monday + 7 * step + wd, monday + 7 * step + wd));
    if (unit == "week") return done(i, i + 2, span_iso(monday + 7 * step, monday + 7 * step + 6));
    if (unit == "month") {
      int y = anchor.y, m = anchor.m + step;
      if (m == 0) m = 12, --y;
      if (m == 13) m = 1, ++y;
      return done(i, i + 2, iso(y, m, 0));
    }
    if (unit == "year") return done(i, i + 2, iso(anchor.y + step, 0, 0));
    return std::nullopt;
  }

  // "three days ago", "a week ago", "two years ago".
  std::optional<std::string> ago(size_t i) const {
    const int n = count_word(at(i));
    std::string_view unit = at(i + 1);
    if (!n || at(i + 2) != "ago" || !anchored) return std::nullopt;
    if (unit.size() > 1 && unit.back() == 's') unit.remove_suffix(1);
    if (unit == "day") return done(i, i + 3, span_iso(today() - n, today() - n));
    if (unit == "week") {
      const long z = today() - 7L * n;
      return done(i, i + 3, span_iso(z - weekday_of(z), z - weekday_of(z) + 6));
    }
    if (unit == "month") {
      int months = anchor.y * 12 + (anchor.m - 1) - n;
      return done(i, i + 3, iso(months / 12, months % 12 + 1, 0));
    }
    if (unit == "year") return done(i, i + 3, iso(anchor.y - n, 0, 0));
    return std::nullopt;
  }

  std::optional<std::string> read(size_t i) const {
    const std::string_view w0 = at(i), before = i ? at(i - 1) : "";
    const bool prep = one_of_words(before, {"in", "since", "during", "early", "late", "mid",
                                            "until", "by", "of", "from", "before", "after"});
    if (auto d = parse_date(w0); d && d->size() > 4) return done(i, i + 1, *d);
    if (const int y = year_of(w0); y && prep && !month_number(before)) return done(i, i + 1, iso(y, 0, 0));
    if (one_of_words(w0, {"last", "past", "next", "this"})) return deictic(i);
    if (anchored && one_of_words(w0, {"yesterday", "today", "tonight", "tomorrow"})) {
      const int off = w0 == "yesterday" ? -1 : w0 == "tomorrow" ? 1 : 0;
      return done(i, i + 1, span_iso(today() + off, today() + off));
    }
    size_t j = i;
    if (weekday_number(w0) >= 0 && (at(i + 1) == "," ? month_number(at(i + 2)) || day_of(at(i + 2))
                                                      : month_number(at(i + 1)) || day_of(at(i + 1))))
      j = at(i + 1) == "," ? i + 2 : i + 1;  // "Friday, January 4"
    else if (const int wd = weekday_number(w0); wd >= 0)
      return weekday(i, wd);
    if (auto d = month_first(i, j, prep)) return d;
    if (auto d = day_first(j)) {
      consumed += j - i;
      return d;
    }
    return ago(i);
  }
};

}  // namespace

std::optional<std::string> time_expression_at(const std::vector<std::string>& words, size_t i,
                                              const std::string& anchor, Tense tense,
                                              size_t& consumed) {
  Ymd a;
  const bool anchored = split_iso(anchor, a.y, a.m, a.d);
  consumed = 0;
  if (i >= words.size()) return std::nullopt;
  return TimeReader{words, a, anchored, tense, consumed}.read(i);
}

}  // namespace ng
