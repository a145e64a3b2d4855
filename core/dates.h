// Recognising and normalising dates in news text to ISO 8601
// ("2024-05-06", "2024-05", "2024"), and resolving relative expressions
// ("on Monday", "yesterday", "last week") against the article's date.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

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

// Resolves a weekday mentioned in past-tense news ("on Monday") against the
// article date (ISO yyyy-mm-dd): the most recent such day on or before the
// article date. Returns "" when the article date is not a full date.
std::string resolve_weekday(const std::string& article_date, int weekday);

// Adds days to an ISO yyyy-mm-dd date ("" when the date is not full).
std::string add_days(const std::string& iso_date, int days);

}  // namespace ng
