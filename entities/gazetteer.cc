#include "entities/gazetteer.h"

#include <algorithm>
#include <fstream>

#include "core/error.h"
#include "core/utf8.h"

namespace ng {

std::string gazetteer_key(std::string_view phrase) {
  std::string folded = to_lower(fold_accents(phrase));
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

std::string gazetteer_key(const Document& doc, int first, int last) {
  std::string raw;
  for (int t = first; t < last; ++t) {
    raw += doc.tokens[t].form;
    if (t + 1 < last && doc.tokens[t].space_after) raw.push_back(' ');
  }
  return gazetteer_key(raw);
}

const Gazetteer::Place* Gazetteer::place(std::string_view key) const {
  auto it = places.find(std::string(key));
  return it == places.end() ? nullptr : &it->second;
}

namespace {

// Splits s at tab characters.
std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = s.find('\t', start);
    out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::vector<std::string> split_bars(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string::npos) bar = s.size();
    if (bar > start) out.push_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

// Reads a TSV lexicon: skips blank and '#' lines; calls row(fields, line_no)
// for each other line after checking it has at least min_fields fields.
template <class F>
void read_tsv(const std::filesystem::path& path, size_t min_fields, F row) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read lexicon '" + path.string() + "'");
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    if (f.size() < min_fields || f[0].empty())
      throw Error(path.string() + ":" + std::to_string(no) + ": expected " +
                  std::to_string(min_fields) + " tab-separated fields in '" + line + "'");
    row(f, no);
  }
}

// Records the proper prefixes of key that end before a space or a hyphen
// (text tokens may split there).
void add_prefixes(Gazetteer& g, const std::string& key) {
  for (size_t i = 1; i < key.size(); ++i)
    if (key[i] == ' ' || key[i] == '-' || key[i] == '.' || key[i] == '\'') {
      g.prefixes.emplace(key.substr(0, i), 1);
      if (key[i] != ' ') g.prefixes.emplace(key.substr(0, i + 1), 1);
    }
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
  Gazetteer g;
  auto add_place = [&](const std::string& name, const std::string& canonical, uint8_t kind) {
    std::string key = gazetteer_key(name);
    if (key.empty()) return;
    auto& p = g.places[key];
    if (p.canonical.empty()) p.canonical = canonical;
    p.kinds |= kind;
    g.longest_key = std::max(g.longest_key, key.size());
    add_prefixes(g, key);
  };
  read_tsv(dir / "countries.tsv", 1, [&](const std::vector<std::string>& f, int) {
    const std::string& name = f[0];
    add_place(name, name, Country);
    if (f.size() > 1)
      for (auto& a : split_bars(f[1])) add_place(a, name, Country);
    if (f.size() > 2)
      for (auto& d : split_bars(f[2])) g.demonyms.emplace(gazetteer_key(d), name);
    if (f.size() > 3)
      for (auto& c : split_bars(f[3])) add_place(c, c, City);
  });
  read_tsv(dir / "cities.tsv", 2,
           [&](const std::vector<std::string>& f, int) { add_place(f[0], f[0], City); });
  const auto regions = dir / "regions.tsv";
  read_tsv(regions, 2, [&](const std::vector<std::string>& f, int no) {
    uint8_t kind = f[1] == "region"                        ? Region
                   : f[1] == "continent" || f[1] == "area" ? Continent
                   : f[1] == "water"                       ? Water
                                                           : 0;
    if (!kind)
      throw Error(regions.string() + ":" + std::to_string(no) + ": unknown kind '" + f[1] +
                  "' (expected region, continent, area or water)");
    add_place(f[0], f[0], kind);
  });
  read_tsv(dir / "region_words.tsv", 3, [&](const std::vector<std::string>& f, int) {
    g.region_words.emplace(gazetteer_key(f[0]), f[1] + (f[2] == "geo" ? "\tgeo" : ""));
  });
  const auto orgs = dir / "org_words.tsv";
  read_tsv(orgs, 2, [&](const std::vector<std::string>& f, int no) {
    if (f[1] != "ORG" && f[1] != "FAC" && f[1] != "EVENT")
      throw Error(orgs.string() + ":" + std::to_string(no) + ": unknown type '" + f[1] +
                  "' (expected ORG, FAC or EVENT)");
    g.org_words.emplace(gazetteer_key(f[0]), f[1]);
  });
  read_tsv(dir / "honorifics.tsv", 2, [&](const std::vector<std::string>& f, int) {
    g.honorifics.emplace(gazetteer_key(f[0]), f[1]);
  });
  const auto nominals = dir / "nominals.tsv";
  read_tsv(nominals, 2, [&](const std::vector<std::string>& f, int no) {
    EntityType t;
    if (!parse_entity_type(f[1], t))
      throw Error(nominals.string() + ":" + std::to_string(no) + ": unknown entity type '" + f[1] +
                  "'");
    g.nominals.emplace(gazetteer_key(f[0]), f[1] + "\t" + (f.size() > 2 ? f[2] : "-"));
  });
  read_tsv(dir / "groups.tsv", 2, [&](const std::vector<std::string>& f, int) {
    g.groups.emplace(gazetteer_key(f[0]), f[1]);
  });
  const auto sports = dir / "sports.tsv";
  read_tsv(sports, 2, [&](const std::vector<std::string>& f, int no) {
    const uint8_t kind = f[1] == "action"    ? SportAction
                         : f[1] == "member"  ? SportMember
                         : f[1] == "context" ? SportContext
                                             : 0;
    if (!kind)
      throw Error(sports.string() + ":" + std::to_string(no) + ": unknown kind '" + f[1] +
                  "' (expected action, member or context)");
    g.sports[gazetteer_key(f[0])] |= kind;
  });
  read_tsv(dir / "titles.tsv", 3, [&](const std::vector<std::string>& f, int) {
    std::string key = gazetteer_key(f[0]);
    g.titles.emplace(key, f[1]);
    g.longest_key = std::max(g.longest_key, key.size());
    add_prefixes(g, key);
  });
  return g;
}

}  // namespace ng
