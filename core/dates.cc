#include "core/dates.h"

#include <cctype>
#include <cstdio>
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
