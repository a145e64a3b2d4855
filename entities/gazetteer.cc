#include "entities/gazetteer.h"

#include <algorithm>
#include <cstdlib>

#include "core/utf8.h"
#include "lexicon/lexicon.h"

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

// Records in prefixes the proper prefixes of key that end before a space or
// a hyphen (text tokens may split there).
void add_prefixes(std::unordered_map<std::string, uint8_t>& prefixes, const std::string& key) {
  for (size_t i = 1; i < key.size(); ++i)
    if (key[i] == ' ' || key[i] == '-' || key[i] == '.' || key[i] == '\'') {
      prefixes.emplace(key.substr(0, i), 1);
      if (key[i] != ' ') prefixes.emplace(key.substr(0, i + 1), 1);
    }
}
void add_prefixes(Gazetteer& g, const std::string& key) { add_prefixes(g.prefixes, key); }

void add_place(Gazetteer& g, const std::string& name, const std::string& canonical, uint8_t kind) {
  std::string key = gazetteer_key(name);
  if (key.empty()) return;
  auto& p = g.places[key];
  if (p.canonical.empty()) p.canonical = canonical;
  p.kinds |= kind;
  g.longest_key = std::max(g.longest_key, key.size());
  add_prefixes(g, key);
}

// countries.tsv: name, other names, demonyms, capitals (lists separated by '|');
// cities.tsv: name, country; regions.tsv: name, kind.
void load_places(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "countries.tsv", 1, [&](const LexiconLine& l) {
    const auto& f = l.fields;
    const std::string& name = f[0];
    add_place(g, name, name, Gazetteer::Country);
    if (f.size() > 1)
      for (auto& a : split_bars(f[1])) add_place(g, a, name, Gazetteer::Country);
    if (f.size() > 2)
      for (auto& d : split_bars(f[2])) g.demonyms.emplace(gazetteer_key(d), name);
    if (f.size() > 3)
      for (auto& c : split_bars(f[3])) add_place(g, c, c, Gazetteer::City);
  });
  read_tsv(dir / "cities.tsv", 2,
           [&](const LexiconLine& l) { add_place(g, l.fields[0], l.fields[0], Gazetteer::City); });
  read_tsv(dir / "regions.tsv", 2, [&](const LexiconLine& l) {
    const std::string& k = l.fields[1];
    const uint8_t kind = k == "region"                     ? Gazetteer::Region
                         : k == "continent" || k == "area" ? Gazetteer::Continent
                         : k == "water"                    ? Gazetteer::Water
                                                           : 0;
    if (!kind)
      throw l.error("unknown kind '" + k + "' (expected region, continent, area or water)");
    add_place(g, l.fields[0], l.fields[0], kind);
  });
}

// Words that tell what a name names or who a person is: region_words.tsv,
// org_words.tsv, honorifics.tsv, nominals.tsv, groups.tsv.
void load_kind_words(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "region_words.tsv", 3, [&](const LexiconLine& l) {
    const auto& f = l.fields;
    g.region_words.emplace(gazetteer_key(f[0]), Gazetteer::RegionWord{f[1], f[2] == "geo"});
  });
  read_tsv(dir / "org_words.tsv", 2, [&](const LexiconLine& l) {
    const auto& f = l.fields;
    const EntityType type = f[1] == "ORG"     ? EntityType::Org
                            : f[1] == "FAC"   ? EntityType::Fac
                            : f[1] == "EVENT" ? EntityType::Event
                                              : EntityType::Other;
    if (type == EntityType::Other)
      throw l.error("unknown type '" + f[1] + "' (expected ORG, FAC or EVENT)");
    g.org_words.emplace(gazetteer_key(f[0]), type);
  });
  read_tsv(dir / "honorifics.tsv", 2, [&](const LexiconLine& l) {
    const std::string& gender = l.fields[1];
    g.honorifics.emplace(gazetteer_key(l.fields[0]),
                         gender == "m" || gender == "f" ? gender[0] : '\0');
  });
  read_tsv(dir / "nominals.tsv", 2, [&](const LexiconLine& l) {
    const auto& f = l.fields;
    EntityType t;
    if (!parse_entity_type(f[1], t)) throw l.error("unknown entity type '" + f[1] + "'");
    const char gender = f.size() > 2 && (f[2] == "m" || f[2] == "f") ? f[2][0] : '\0';
    g.nominals.emplace(gazetteer_key(f[0]), Gazetteer::Nominal{t, gender});
  });
  read_tsv(dir / "groups.tsv", 2, [&](const LexiconLine& l) {
    g.groups.emplace(gazetteer_key(l.fields[0]), l.fields[1]);
  });
}

// sports.tsv: lemma, kind.
void load_sports(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "sports.tsv", 2, [&](const LexiconLine& l) {
    const std::string& k = l.fields[1];
    const uint8_t kind = k == "action"    ? Gazetteer::SportAction
                         : k == "member"  ? Gazetteer::SportMember
                         : k == "context" ? Gazetteer::SportContext
                                          : 0;
    if (!kind) throw l.error("unknown kind '" + k + "' (expected action, member or context)");
    g.sports[gazetteer_key(l.fields[0])] |= kind;
  });
}

// titles.tsv: phrase, canonical, ... (the role finder reads the rest).
void load_titles(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "titles.tsv", 3, [&](const LexiconLine& l) {
    std::string key = gazetteer_key(l.fields[0]);
    g.titles.emplace(key, l.fields[1]);
    g.longest_key = std::max(g.longest_key, key.size());
    add_prefixes(g, key);
  });
}

}  // namespace

void load_given_names(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "given_names.tsv", 2, [&](const LexiconLine& l) {
    const std::string& f = l.fields[1];
    if (f != "f" && f != "m" && f != "fm") throw l.error("expected f, m or fm");
    g.given_names[gazetteer_key(l.fields[0])] = f.size() == 2 ? 'b' : f[0];
  });
}

namespace {

// geo_cities.tsv: name, country, population; given_names.tsv: name, f|m|fm.
void load_open_lists(Gazetteer& g, const std::filesystem::path& dir) {
  read_tsv(dir / "geo_cities.tsv", 3, [&](const LexiconLine& l) {
    const std::string key = gazetteer_key(l.fields[0]);
    char* end = nullptr;
    const unsigned long pop = std::strtoul(l.fields[2].c_str(), &end, 10);
    if (l.fields[2].empty() || *end) throw l.error("population is not a number");
    if (key.empty()) return;
    uint32_t& p = g.geo_cities[key];
    p = std::max<uint32_t>(p, static_cast<uint32_t>(pop));
    g.geo_longest_key = std::max(g.geo_longest_key, key.size());
    add_prefixes(g.geo_prefixes, key);
  });
  load_given_names(g, dir);
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& dir, bool open_lists) {
  Gazetteer g;
  load_places(g, dir);
  load_kind_words(g, dir);
  load_sports(g, dir);
  load_titles(g, dir);
  if (open_lists) load_open_lists(g, dir);
  return g;
}

}  // namespace ng
