// Reading the word lists of lexicon/: one reader for every file, so that
// every list skips blank and comment lines the same way and reports a bad
// line the same way, as ng::Error "FILE:LINE: what is wrong: 'the line'".
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ng {

// One line of a word list that holds an entry.
struct LexiconLine {
  const std::filesystem::path& file;
  int number = 0;                   // 1-based line number in file
  std::string_view text;            // the line as written, without its line break
  std::vector<std::string> fields;  // its fields (see LexiconFormat)

  // The error that rejects this line: "FILE:LINE: why: 'TEXT'".
  Error error(std::string_view why) const;
};

enum class LexiconFormat {
  // Fields separated by tabs (empty fields kept); lines that are empty or
  // start with '#' hold no entry.
  Tsv,
  // Fields separated by runs of spaces and tabs; '#' starts a comment
  // anywhere on a line; lines without a field hold no entry.
  Words,
};

using LexiconEntry = std::function<void(const LexiconLine&)>;

// Calls entry(line) for each line of file that holds an entry, in file order
// ("\r\n" line ends are read as "\n"). Throws ng::Error "cannot read lexicon
// 'FILE'" when file cannot be read, and whatever entry throws.
void read_lexicon(const std::filesystem::path& file, LexiconFormat format,
                  const LexiconEntry& entry);

// read_lexicon(file, Tsv, entry) that first rejects a line with fewer than
// min_fields fields or an empty first field: "expected N tab-separated fields".
void read_tsv(const std::filesystem::path& file, size_t min_fields, const LexiconEntry& entry);

// s cut at every sep, empty pieces kept: ("a||b", '|') -> {"a", "", "b"}.
std::vector<std::string> split_at(std::string_view s, char sep);

// The non-empty items of a '|'-separated list: "a||b|" -> {"a", "b"}.
std::vector<std::string> split_bars(std::string_view s);

}  // namespace ng
