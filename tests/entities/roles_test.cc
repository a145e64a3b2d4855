// Titles and roles (entities/roles.h) on hand-built Documents: tokens, tags,
// trees and NER names set by hand. People and places are invented.
#include "entities/roles.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.h"
#include "core/utf8.h"
#include "entities/ner.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {

using ng::Document;
using ng::EntityType;

// One word: form, UPOS, head (1-based in the sentence, 0 = root), relation;
// `len` > 0 starts a NER name of `len` words and type `type` at this word.
struct W {
  const char* form;
  const char* upos;
  int head;
  const char* rel;
  int len = 0;
  EntityType type = EntityType::Other;
};

// A Document of one sentence with its names (see tests/doc_builder.h; lemmas
// are lower-cased forms).
Document make_doc(const std::vector<W>& words) {
  Document d;
  std::vector<ng::test::ParsedWord> parsed;
  for (const W& w : words) parsed.push_back({w.form, w.upos, w.head, w.rel});
  ng::test::add_parsed_sentence(d, parsed);
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].len)
      ng::test::add_name(d, static_cast<int>(i), static_cast<int>(i) + words[i].len,
                         words[i].type);
  return d;
}

const ng::RoleLexicon& lexicon() {
  static const ng::RoleLexicon l =
      ng::RoleLexicon::load(ng::test::source_dir() / "lexicon");
  return l;
}

std::string mention_text(const Document& d, int m) {
  return m < 0 ? "" : std::string(d.tokens_text(d.mentions[m].first, d.mentions[m].last));
}

constexpr EntityType P = EntityType::Person, G = EntityType::Gpe, O = EntityType::Org;

}  // namespace

TEST_CASE("roles: who holds a title and what it is of", "[roles][unit]") {
  struct Case {
    const char* what;
    std::vector<W> words;
    const char* title;
    const char* holder;  // text of the holder's name ("" = none)
    const char* of;      // text of the place/org ("" = none)
    bool description;
  };
  const std::vector<Case> cases = {
      {"apposition",
       {{"Karl", "PROPN", 9, "nsubj", 2, P},
        {"Brenner", "PROPN", 1, "flat"},
        {",", "PUNCT", 4, "punct"},
        {"President", "PROPN", 1, "appos"},
        {"of", "ADP", 8, "case"},
        {"the", "DET", 8, "det"},
        {"Republic", "PROPN", 4, "nmod", 3, G},
        {"of", "ADP", 8, "case"},
        {"Tarsk", "PROPN", 7, "nmod"},
        {"spoke", "VERB", 0, "root"}},
       "President",
       "Karl Brenner",
       "Republic of Tarsk",
       false},
      {"title before the name, chained of",
       {{"Governor", "PROPN", 11, "compound"},
        {"of", "ADP", 5, "case"},
        {"the", "DET", 5, "det"},
        {"Varnovsk", "PROPN", 5, "compound", 2, G},
        {"Oblast", "PROPN", 1, "nmod"},
        {"of", "ADP", 9, "case"},
        {"the", "DET", 9, "det"},
        {"Ruritanian", "PROPN", 9, "amod", 2, G},
        {"Federation", "PROPN", 5, "nmod"},
        {"Otto", "PROPN", 12, "nsubj", 2, P},
        {"Lang", "PROPN", 10, "flat"},
        {"spoke", "VERB", 0, "root"}},
       "Governor",
       "Otto Lang",
       "Varnovsk Oblast",
       false},
      {"possessive owner",
       {{"Tarsk", "PROPN", 3, "nmod:poss", 1, G},
        {"'s", "PART", 1, "case"},
        {"Governor", "PROPN", 4, "compound"},
        {"Otto", "PROPN", 6, "nsubj", 2, P},
        {"Lang", "PROPN", 4, "flat"},
        {"spoke", "VERB", 0, "root"}},
       "Governor",
       "Otto Lang",
       "Tarsk",
       false},
      {"title inside the name",
       {{"President", "PROPN", 2, "compound", 3, P},
        {"Karl", "PROPN", 4, "nsubj"},
        {"Brenner", "PROPN", 2, "flat"},
        {"spoke", "VERB", 0, "root"}},
       "President",
       "President Karl Brenner",
       "",
       false},
      {"predicate nominative",
       {{"Karl", "PROPN", 5, "nsubj", 2, P},
        {"Brenner", "PROPN", 1, "flat"},
        {"is", "AUX", 5, "cop"},
        {"the", "DET", 5, "det"},
        {"chairman", "NOUN", 0, "root"},
        {"of", "ADP", 7, "case"},
        {"Lumo", "PROPN", 5, "nmod", 1, O}},
       "Chairman",
       "Karl Brenner",
       "Lumo",
       false},
      {"description with a place",
       {{"The", "DET", 2, "det"},
        {"governor", "NOUN", 7, "nsubj"},
        {"of", "ADP", 6, "case"},
        {"the", "DET", 6, "det"},
        {"Varnovsk", "PROPN", 6, "compound", 2, G},
        {"Region", "PROPN", 2, "nmod"},
        {"spoke", "VERB", 0, "root"}},
       "Governor",
       "",
       "Varnovsk Region",
       true},
      {"a lower rank keeps its word",
       {{"Karl", "PROPN", 8, "nsubj", 2, P},
        {"Brenner", "PROPN", 1, "flat"},
        {",", "PUNCT", 5, "punct"},
        {"deputy", "ADJ", 5, "amod"},
        {"director", "NOUN", 1, "appos"},
        {"of", "ADP", 7, "case"},
        {"Lumo", "PROPN", 5, "nmod", 1, O},
        {"spoke", "VERB", 0, "root"}},
       "Deputy Director",
       "Karl Brenner",
       "Lumo",
       false},
      {"a place after the holder's name",
       {{"President", "PROPN", 2, "compound"},
        {"Karl", "PROPN", 6, "nsubj", 2, P},
        {"Brenner", "PROPN", 2, "flat"},
        {"of", "ADP", 5, "case"},
        {"Tarsk", "PROPN", 2, "nmod", 1, G},
        {"spoke", "VERB", 0, "root"}},
       "President",
       "Karl Brenner",
       "Tarsk",
       false},
      {"after the name, an organisation's title is not of a place",
       {{"Chairman", "PROPN", 2, "compound"},
        {"Karl", "PROPN", 6, "nsubj", 2, P},
        {"Brenner", "PROPN", 2, "flat"},
        {"of", "ADP", 5, "case"},
        {"Tarsk", "PROPN", 2, "nmod", 1, G},
        {"spoke", "VERB", 0, "root"}},
       "Chairman",
       "Karl Brenner",
       "",
       false},
      {"bare description",
       {{"The", "DET", 2, "det"},
        {"head", "NOUN", 5, "nsubj"},
        {"of", "ADP", 4, "case"},
        {"state", "NOUN", 2, "nmod"},
        {"spoke", "VERB", 0, "root"}},
       "Head of State",
       "",
       "",
       true},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Document d = make_doc(c.words);
    auto roles = ng::find_roles(d, lexicon());
    REQUIRE(roles.size() == 1);
    CHECK(roles[0].title == c.title);
    CHECK(mention_text(d, roles[0].holder) == c.holder);
    CHECK(mention_text(d, roles[0].of) == c.of);
    CHECK(roles[0].description == c.description);
  }
}

TEST_CASE("roles: ordinary words are not titles", "[roles][unit]") {
  // "the head of the queue" has no title ("head" is weak and "of" names no
  // place), and "a leader" without a holder is no description.
  Document d = make_doc(
      {{"A", "DET", 2, "det"}, {"leader", "NOUN", 3, "nsubj"}, {"spoke", "VERB", 0, "root"}});
  CHECK(ng::find_roles(d, lexicon()).empty());
}

TEST_CASE("roles: implied titles", "[roles][unit]") {
  CHECK(lexicon().satisfies("President", "Head of State"));
  CHECK(lexicon().satisfies("Prime Minister", "Head of Government"));
  CHECK(lexicon().satisfies("Governor", "Governor"));
  CHECK_FALSE(lexicon().satisfies("Governor", "Head of State"));
}

TEST_CASE("roles: a malformed titles.tsv is rejected naming file and line", "[roles][unit]") {
  ng::test::TempDir dir;
  dir.write("titles.tsv", "# header\npresident\tPresident\tgpe\n\ngovernor\tGovernor\tplanet\n");
  try {
    ng::RoleLexicon::load(dir.path());
    FAIL("no error");
  } catch (const ng::Error& e) {
    const std::string what = e.what();
    CHECK(what.find("titles.tsv:4") != std::string::npos);
    CHECK(what.find("planet") != std::string::npos);
  }
}

TEST_CASE("roles: a title in a clause dated years before the article was held then",
          "[roles][unit]") {
  // In 1983 President Karl Brenner signed the bill .
  auto doc = [](const char* year, const char* date) {
    Document d = make_doc({{"In", "ADP", 2, "case"},
                           {year, "NUM", 6, "obl"},
                           {"President", "PROPN", 4, "nmod:desc"},
                           {"Karl", "PROPN", 6, "nsubj", 2, P},
                           {"Brenner", "PROPN", 4, "flat"},
                           {"signed", "VERB", 0, "root"},
                           {"the", "DET", 8, "det"},
                           {"bill", "NOUN", 6, "obj"},
                           {".", "PUNCT", 6, "punct"}});
    d.tokens[5].xpos = "VBD";
    d.date = date;
    return d;
  };
  auto former = [](const Document& d) {
    for (const auto& r : ng::find_roles(d, lexicon(), nullptr))
      if (r.title == "President") return r.former;
    FAIL("no President role");
    return false;
  };
  CHECK(former(doc("1983", "2020-05-01")));
  CHECK(former(doc("1970s", "2020-05-01")));       // a decade: its last year
  CHECK_FALSE(former(doc("2010s", "2020-05-01")));
  CHECK_FALSE(former(doc("2019", "2020-05-01")));  // last year: may still hold it
  CHECK_FALSE(former(doc("1983", "")));            // no publication date
}

TEST_CASE("roles: a title after a glued 'ex-' is that title, held before", "[roles][unit]") {
  // Ex-Prime Minister Karl Brenner arrived .
  Document d = make_doc({{"Ex-Prime", "PROPN", 2, "compound"},
                         {"Minister", "PROPN", 3, "nmod:desc"},
                         {"Karl", "PROPN", 5, "nsubj", 2, P},
                         {"Brenner", "PROPN", 3, "flat"},
                         {"arrived", "VERB", 0, "root"},
                         {".", "PUNCT", 5, "punct"}});
  const auto roles = ng::find_roles(d, lexicon(), nullptr);
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].title == "Prime Minister");
  CHECK(roles[0].former);
  CHECK(mention_text(d, roles[0].holder) == "Karl Brenner");
}

TEST_CASE("roles: a portfolio or rank before a title stays with it", "[roles][unit]") {
  // Commerce Secretary Karl Brenner arrived .
  Document d = make_doc({{"Commerce", "NOUN", 2, "compound"},
                         {"Secretary", "PROPN", 3, "nmod:desc"},
                         {"Karl", "PROPN", 5, "nsubj", 2, P},
                         {"Brenner", "PROPN", 3, "flat"},
                         {"arrived", "VERB", 0, "root"},
                         {".", "PUNCT", 5, "punct"}});
  auto roles = ng::find_roles(d, lexicon(), nullptr);
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].title == "Commerce Secretary");
  CHECK(mention_text(d, roles[0].holder) == "Karl Brenner");
  // An organisation's name is no portfolio: Acme CEO Karl Brenner arrived .
  d = make_doc({{"Acme", "PROPN", 2, "compound"},
                {"CEO", "PROPN", 3, "nmod:desc"},
                {"Karl", "PROPN", 5, "nsubj", 2, P},
                {"Brenner", "PROPN", 3, "flat"},
                {"arrived", "VERB", 0, "root"},
                {".", "PUNCT", 5, "punct"}});
  roles = ng::find_roles(d, lexicon(), nullptr);
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].title == "CEO");
  // The description "the secretary" still finds the Commerce Secretary; a
  // deputy and a title of the lexicon are others.
  CHECK(lexicon().satisfies("Commerce Secretary", "Secretary"));
  CHECK_FALSE(lexicon().satisfies("Deputy Secretary", "Secretary"));
  CHECK_FALSE(lexicon().satisfies("Senate President", "President"));
}

TEST_CASE("roles: 'Presidents A of X and B of Y' gives each holder the place after the name",
          "[roles][unit]") {
  Document d = make_doc({{"Presidents", "PROPN", 2, "compound"},
                         {"Karl", "PROPN", 11, "nsubj", 2, P},
                         {"Brenner", "PROPN", 2, "flat"},
                         {"of", "ADP", 5, "case"},
                         {"Tarsk", "PROPN", 2, "nmod", 1, G},
                         {"and", "CCONJ", 7, "cc"},
                         {"Otto", "PROPN", 2, "conj", 2, P},
                         {"Lang", "PROPN", 7, "flat"},
                         {"of", "ADP", 10, "case"},
                         {"Varnovsk", "PROPN", 7, "nmod", 1, G},
                         {"spoke", "VERB", 0, "root"}});
  auto roles = ng::find_roles(d, lexicon());
  REQUIRE(roles.size() == 2);
  CHECK(mention_text(d, roles[0].holder) == "Karl Brenner");
  CHECK(mention_text(d, roles[0].of) == "Tarsk");
  CHECK(mention_text(d, roles[1].holder) == "Otto Lang");
  CHECK(mention_text(d, roles[1].of) == "Varnovsk");
}
