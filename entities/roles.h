// Titles and roles: recognises "President", "Governor", "Foreign Minister",
// "head of state"... (lexicon/titles.tsv) and links each to the
// person who holds it and, where stated, the place or organisation it is
// "of":
//   "X, President of the Republic of Y"     (apposition)
//   "Governor of the Z Oblast of Y W"       (title before the name)
//   "Y's Governor X", "President X"         (premodifier)
//   "X is the president of Y"               (predicate nominative)
// and finds role descriptions without a holder ("the governor", "the head of
// state", "the President of Y") that coreference resolves to the holder.
// Thread-safe after construction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace ng {

// What a title is "of" when the text says so (titles.tsv: gpe, region, city,
// org, any, - = nothing).
enum class TitleOf : uint8_t { Nothing, Gpe, Region, City, Org, Any };

struct TitleInfo {
  std::string canonical;               // "President", "Head of State", "Foreign Minister"
  TitleOf of_kind = TitleOf::Nothing;  // what it is "of"
  char gender = 0;                     // 'm' / 'f' for gendered titles (King, Queen), else 0
  std::vector<std::string> implies;    // canonical titles held by virtue of this one
  bool weak = false;                   // a title only when capitalised or followed by "of"
};

class RoleLexicon {
 public:
  // Loads titles.tsv from dir (columns: phrase, canonical, of, gender,
  // implies, flags; see the file's header) and portfolios.tsv (one word a
  // line).
  // Throws ng::Error "FILE:LINE: ..." quoting a malformed line.
  static RoleLexicon load(const std::filesystem::path& dir);
  // The longest title starting at token t ("Foreign Minister", "head of
  // state"); returns nullptr when none; sets len to its length in tokens.
  const TitleInfo* match(const Document& doc, int t, int& len) const;
  size_t size() const { return titles_.size(); }
  // Whether a holder of title `held` also holds `wanted` (equal, or implied).
  bool satisfies(std::string_view held, std::string_view wanted) const;
  // Whether the lower-cased word names a portfolio or rank written before a
  // title ("commerce" of "Commerce Secretary"; portfolios.tsv).
  bool portfolio(std::string_view key) const { return portfolios_.count(std::string(key)) > 0; }

 private:
  std::unordered_map<std::string, TitleInfo> titles_;                  // lower-cased phrase -> info
  std::unordered_map<std::string, std::vector<std::string>> implies_;  // canonical -> implied
  std::unordered_map<std::string, char> first_words_;  // first word of every title key
  std::unordered_map<std::string, char> portfolios_;   // portfolios.tsv
  size_t longest_ = 1;
};

// One occurrence of a title in the text.
struct RoleMention {
  int first = 0, last = 0;  // tokens of the whole description ("the Governor of the X Oblast")
  int title_first = 0, title_last = 0;  // tokens of the title words only
  int sentence = 0;
  std::string title;         // canonical title
  int holder = -1;           // index into doc.mentions of the named holder; -1 = none stated
  int of = -1;               // index into doc.mentions of the place/org; -1 = none stated
  std::string of_demonym;    // "French President": the place named by a demonym, else ""
  bool description = false;  // a bare description ("the governor") naming no holder
  bool former = false;       // held in the past: "former", "ex-", "then" before the title
  bool former_by_date = false;  // former only because its clause is dated years back
  bool former_then = false;     // former only by "then" ("then-President X": maybe still held)
  bool conjunct = false;  // a plural title's copy for a further name of its list ("Presidents A and [B]")
};

struct Gazetteer;

// Finds the titles in doc and who/what they belong to. Precondition: the
// parse and the Name mentions (NER) are present. Mentions are referred to by
// index into doc.mentions; the result is in text order. With a gazetteer,
// demonyms inside a person's name also give the "of" ("Chilean
// President Ana Ruiz").
std::vector<RoleMention> find_roles(const Document& doc, const RoleLexicon& lexicon,
                                    const Gazetteer* gazetteer = nullptr);

}  // namespace ng
