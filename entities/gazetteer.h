// The gazetteer: the general-knowledge word lists of lexicon/ as NER, the
// role finder and coreference look them up, and the lookup key they share.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/document.h"

namespace ng {

// The general-knowledge word lists of lexicon/*.tsv that the NER
// features, the role finder and coreference share. Immutable after load();
// lookups are thread-safe. Keys are lower-cased, accent-folded phrases with
// single spaces between tokens ("united kingdom").
struct Gazetteer {
  enum PlaceKind : uint8_t { Country = 1, City = 2, Region = 4, Continent = 8, Water = 16 };
  struct Place {
    std::string canonical;  // canonical name ("Germany" for "the Federal Republic of Germany")
    uint8_t kinds = 0;      // PlaceKind bits
  };
  std::unordered_map<std::string, Place> places;              // countries, cities, regions...
  std::unordered_map<std::string, std::string> demonyms;      // "chilean" -> "Chile"
  // Words that name a kind of region ("oblast" -> {"Oblast", false}); a
  // geographic one ("valley") makes a LOC, an administrative one a GPE.
  struct RegionWord {
    std::string display;      // as written in names ("Oblast")
    bool geographic = false;  // a geographic unit, not an administrative one
  };
  std::unordered_map<std::string, RegionWord> region_words;
  // Words that end (or start) names, with the type of what they name: "ministry"
  // -> Org, "airport" -> Fac, "summit" -> Event (only these three).
  std::unordered_map<std::string, EntityType> org_words;
  // Honorifics with the gender they tell: 'm', 'f', or 0 ("dr.").
  std::unordered_map<std::string, char> honorifics;  // "mr." -> 'm', "mrs." -> 'f'

  // Members of religions and camps, used like demonyms ("muslims" -> "Islam").
  std::unordered_map<std::string, std::string> groups;
  // Team-sport words (sports.tsv) by lemma: SportAction | SportMember | SportContext bits.
  enum SportKind : uint8_t { SportAction = 1, SportMember = 2, SportContext = 4 };
  std::unordered_map<std::string, uint8_t> sports;
  // Common nouns that head nominal mentions ("company" -> ORG, "country" ->
  // GPE), with the entity type they denote and the gender they tell.
  struct Nominal {
    EntityType type = EntityType::Other;
    char gender = 0;  // 'm', 'f', or 0 = none ("minister")
  };
  std::unordered_map<std::string, Nominal> nominals;
  // Title words and phrases of titles.tsv ("president", "prime minister").
  std::unordered_map<std::string, std::string> titles;
  // Open-data lists read as NER features only (no rule types a name by them):
  // populated places (geo_cities.tsv, GeoNames; key -> population) and
  // English given names (given_names.tsv; key -> 'f', 'm' or 'b' = both).
  std::unordered_map<std::string, uint32_t> geo_cities;
  std::unordered_map<std::string, uint8_t> geo_prefixes;  // proper word-prefixes of geo_cities keys
  size_t geo_longest_key = 1;
  std::unordered_map<std::string, char> given_names;
  size_t longest_key = 1;  // bytes in the longest multi-word key (places, titles)
  // Every proper word-prefix of a multi-word place or title key ("united",
  // "united arab"): a longer match is only tried while the words so far are one.
  std::unordered_map<std::string, uint8_t> prefixes;

  // Loads every list from dir (countries.tsv, cities.tsv, regions.tsv,
  // region_words.tsv, org_words.tsv, honorifics.tsv, nominals.tsv, titles.tsv,
  // groups.tsv, sports.tsv, and with open_lists geo_cities.tsv and
  // given_names.tsv, which only the NER reads: 5 ms of the 6 it takes). Throws
  // ng::Error "FILE:LINE: ..." quoting a malformed line, or naming a missing file.
  static Gazetteer load(const std::filesystem::path& dir, bool open_lists = true);
  const Place* place(std::string_view key) const;
};

// Reads given_names.tsv into g.given_names (Gazetteer::load does with
// open_lists; coreference, which tells a person's gender by it, without).
// Throws ng::Error "FILE:LINE: ..." quoting a malformed line.
void load_given_names(Gazetteer& g, const std::filesystem::path& dir);

// Lower-cased, accent-folded lookup key of a word or phrase ("Erdoğan" ->
// "erdogan"); runs of whitespace become one space, a leading "the " is dropped.
std::string gazetteer_key(std::string_view phrase);
// The key of tokens [first, last) of doc: forms joined by one space where
// the text has whitespace (so "Guinea-Bissau" matches however it was split).
std::string gazetteer_key(const Document& doc, int first, int last);

}  // namespace ng
