#include "lexicon/lexicon.h"

#include <fstream>

namespace ng {

namespace {

// The blank-separated words of line before any '#'.
std::vector<std::string> words_of(std::string_view line) {
  const std::string_view body = line.substr(0, line.find('#'));
  std::vector<std::string> fields;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    size_t j = i;
    while (j < body.size() && body[j] != ' ' && body[j] != '\t') ++j;
    if (j > i) fields.emplace_back(body.substr(i, j - i));
    i = j;
  }
  return fields;
}

}  // namespace

Error LexiconLine::error(std::string_view why) const {
  return Error(file.string() + ":" + std::to_string(number) + ": " + std::string(why) + ": '" +
               std::string(text) + "'");
}

void read_lexicon(const std::filesystem::path& file, LexiconFormat format,
                  const LexiconEntry& entry) {
  std::ifstream in(file);
  if (!in) throw Error("cannot read lexicon '" + file.string() + "'");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    LexiconLine l{file, number, line, {}};
    if (format == LexiconFormat::Tsv) {
      if (line.empty() || line[0] == '#') continue;
      l.fields = split_at(line, '\t');
    } else {
      l.fields = words_of(line);
      if (l.fields.empty()) continue;
    }
    entry(l);
  }
}

void read_tsv(const std::filesystem::path& file, size_t min_fields, const LexiconEntry& entry) {
  read_lexicon(file, LexiconFormat::Tsv, [&](const LexiconLine& l) {
    if (l.fields.size() < min_fields || l.fields[0].empty())
      throw l.error("expected " + std::to_string(min_fields) + " tab-separated fields");
    entry(l);
  });
}

std::vector<std::string> split_at(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    out.emplace_back(
        s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::vector<std::string> split_bars(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > start) out.emplace_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

}  // namespace ng
