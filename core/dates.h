// Recognising and normalising dates in news text to ISO 8601
// ("2024-05-06", "2024-05", "2024"), and resolving relative expressions
// ("on Monday", "yesterday", "last week") against the article's date.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

// Parses a whole date expression: "2024-05-06", "May 6, 2024", "6 May 2024",
// "Friday, January 4, 2019", "May 2024", "2024", "05/06/2024" (US order).
// Returns the ISO form, or nullopt when s is not (only) a date.
std::optional<std::string> parse_date(std::string_view s);

// Finds the first date expression inside a line such as
// " date 2024-05-06 + ↺ − 16 px"; returns its ISO form.
std::optional<std::string> find_date(std::string_view s);

// The month names in full, lower case, January first, and the weekday names,
// Monday first. Every other list of calendar words (the abbreviations dates
// accept, NER's month words, the tokenizer's calendar words) derives from these.
inline constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
inline constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Month number 1..12 for "January", "Jan", "Jan." (case-insensitive; a
// month's first three letters, "Sept" too, with or without a period); 0 if none.
int month_number(std::string_view word);

// Weekday 0..6 (Monday = 0) for "Monday"... (case-insensitive, in full); -1 if none.
int weekday_number(std::string_view word);

// The number a lower-case word writes: digits ("74"), or 1..99 in words
// ("two", "seventeen", "seventy", "seventy-four"); 0 if none.
int cardinal(std::string_view lower);

// Resolves a weekday mentioned in past-tense news ("on Monday") against the
// article date (ISO yyyy-mm-dd): the most recent such day on or before the
// article date. Returns "" when the article date is not a full date.
std::string resolve_weekday(const std::string& article_date, int weekday);

// Adds days to an ISO yyyy-mm-dd date ("" when the date is not full).
std::string add_days(const std::string& iso_date, int days);

// The tense of the clause a time expression belongs to: a bare weekday or
// month points back from the article date in past-tense news ("met on
// Monday") and forward in future-tense news ("will meet on Monday").
enum class Tense : unsigned char { Past, Future };

// Reads a time expression that starts at words[i] (token forms, lower
// case) and normalises it to ISO 8601 against `anchor` (the article date,
// yyyy-mm-dd) and the clause's tense. Recognised: full and partial dates
// ("May 6, 2024", "6 May", "May 6", "May" and a year after "in/since/
// during/early/late/mid"), weekdays, "last/next/this" + weekday, week,
// month or year, "yesterday/today/tonight/tomorrow", "N days/weeks/months/
// years ago". A day range ("19-20 November") gives its month; a week gives
// its month when it lies in one. Sets `consumed` to the words read. Returns
// nullopt when no time expression starts at i, or when it needs an anchor
// that is not a full date.
std::optional<std::string> time_expression_at(const std::vector<std::string>& words, size_t i,
                                              const std::string& anchor, Tense tense,
                                              size_t& consumed);

}  // namespace ng
