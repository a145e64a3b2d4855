// who-met on meetings told over several sentences, with dates and places
// from clauses, paragraphs and relative expressions, parties named only by
// a role, and --events (one row per meeting).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

namespace {

// Invented people and places; a Friday article.
const char* kArticle =
    "Friday, January 10, 2020\n\n"
    "Prime Minister Ana Ruiz reaffirmed the plan on Tuesday.\n\n"
    "Later on Tuesday Ruiz met with President Omar Haddad of Portugal at the White House.\n\n"
    "On last Thursday, the delegations of Portugal and Norway had met for their third summit "
    "in Vienna. The meeting was attended by Norwegian foreign minister Jan Novak and President "
    "Omar Haddad of Portugal.\n\n"
    "Ruiz also met the Norwegian envoy.\n\n"
    "Secretary Lea Marchetti held talks in Geneva in 2014.\n";

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("who-met dates and places meetings from their own clause and paragraph",
          "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("paragraphs.txt", kArticle);
  auto r = run_cli("who-met " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  // "Later on Tuesday" (2020-01-07), "at the White House".
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tOmar Haddad\t2020-01-07\tWhite House\t"));
  // "The meeting was attended by" joins the summit of the sentence before: last
  // week's Thursday, in Vienna; Portugal is spoken for by its President.
  CHECK_THAT(r.out, Catch::Contains("Jan Novak\tOmar Haddad\t2020-01-02\tVienna\t"));
  CHECK_THAT(r.out, !Catch::Contains("Portugal\tJan Novak"));
  CHECK_THAT(r.out, !Catch::Contains("Portugal\tOmar Haddad"));
  // A party named only by a role stays out of who-met.
  CHECK_THAT(r.out, !Catch::Contains("envoy"));
  CHECK_THAT(r.out, !Catch::Contains("Envoy"));
}

TEST_CASE("who-met --events lists one row per meeting, with one-party meetings",
          "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("paragraphs.txt", kArticle);
  auto r = run_cli("who-met --events " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("event\tparticipants\tdate\tplace\tmodality\tdoc\tsentence_text\n", 0) == 0);
  CHECK_THAT(r.out, Catch::Contains("\tJan Novak | Omar Haddad\t2020-01-02\tVienna\tasserted\t"));
  CHECK_THAT(r.out, Catch::Contains("\tLea Marchetti\t2014\tGeneva\tasserted\t"));
  // The summit told in two sentences is one event, not two.
  size_t vienna = 0;
  for (size_t p = r.out.find("\tVienna\t"); p != std::string::npos;
       p = r.out.find("\tVienna\t", p + 1))
    ++vienna;
  CHECK(vienna == 1);
}

TEST_CASE("who-met: a meeting someone looks forward to is future, not held", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write(
      "planned.txt",
      "Monday, May 3, 2021\n\nPresident Ana Ruiz looks forward to meeting King Omar Haddad "
      "to the capital on July 19, 2021. Ruiz met Jan Novak in Vienna on Monday.\n");
  auto r = run_cli("who-met " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, !Catch::Contains("Omar Haddad"));
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t2021-05-03\tVienna\t"));
  auto all = run_cli("who-met --all --events " + q(article));
  REQUIRE(all.status == 0);
  CHECK_THAT(all.out, Catch::Contains("\tAna Ruiz | Omar Haddad\t2021-07-19\t"));
  CHECK_THAT(all.out, Catch::Contains("\tfuture\t"));
}

TEST_CASE("who-met: a dateline is a place, never a party", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("wire.txt",
                           "LISBON, March 5 (Example Wire) - Prime Minister Ana Ruiz met "
                           "Chancellor Jan Novak on Tuesday.\n");
  auto r = run_cli("who-met " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t"));
  CHECK_THAT(r.out, Catch::Contains("\tLisbon\twire.txt\t"));
  CHECK_THAT(r.out, !Catch::Contains("LISBON\t"));
  // A hyphen inside a title after capitals is no dateline dash.
  auto title = tmp.write("title.txt",
                         "UN Secretary-General Ana Ruiz met President Jan Novak in Vienna.\n");
  r = run_cli("who-met " + q(title));
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t\tVienna\t"));
}

TEST_CASE("who-met: places from a venue noun and from the sentence before", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write(
      "venues.txt",
      "Friday, January 10, 2020\n\n"
      "Ana Ruiz met officers Jan Novak and Lea Marchetti at an Irish pub on Monday.\n\n"
      "The police carried out the raid at Vienna International Airport on Tuesday. Omar Haddad "
      "was being met by Carl Berg.\n\n"
      "Special Presidential Envoy on Climate Tom Reyes was joined by the envoy.\n\n"
      "During his visit to Hanoi, Chancellor Karl Brenner met President Eva Lind.\n\n"
      "Minister Ida Berg visited Oslo and met King Lars Holm.\n");
  auto r = run_cli("who-met " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t2020-01-06\tIrish pub\t"));
  CHECK_THAT(r.out, Catch::Contains("Carl Berg\tOmar Haddad\t2020-01-07\tVienna"));
  CHECK_THAT(r.out, Catch::Contains("Eva Lind\tKarl Brenner\t\tHanoi\t"));
  CHECK_THAT(r.out, Catch::Contains("Ida Berg\tLars Holm\t\tOslo\t"));
  CHECK_THAT(r.out, !Catch::Contains("Envoy\t"));
  CHECK_THAT(r.out, !Catch::Contains("\tEnvoy"));
}

TEST_CASE("who-met: 'during the meeting' tells the meeting before, not a new one",
          "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write(
      "during.txt",
      "Chancellor Jan Novak received Prime Minister Ana Ruiz in Rome on Monday. During the "
      "meeting, the sides discussed migration.\n\n"
      "Karl Brenner and Eva Lind discussed trade at talks in Oslo.\n");
  auto r = run_cli("who-met " + q(article));
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);  // header + 2 meetings
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t"));
  CHECK_THAT(r.out, Catch::Contains("Eva Lind\tKarl Brenner\t\tOslo\t"));
}

TEST_CASE("who-met: a meeting that was cancelled is not reported as held", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("cancelled.txt",
                           "President Ana Ruiz's meeting with Chancellor Karl Brenner was "
                           "cancelled.\n");
  auto held = run_cli("who-met " + q(article));
  REQUIRE(held.status == 0);
  CHECK_THAT(held.out, !Catch::Contains("Karl Brenner"));
  auto all = run_cli("who-met --all " + q(article));
  CHECK_THAT(all.out, Catch::Contains("\tnegated"));
}

TEST_CASE("who-met: a phone call is no meeting, --all lists it as a call", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("call.txt",
                           "President Ana Ruiz spoke by phone with Chancellor Karl Brenner on "
                           "Monday.\n\nPresident Ana Ruiz telephoned King Lars Holm.\n");
  auto held = run_cli("who-met " + q(article));
  REQUIRE(held.status == 0);
  CHECK(std::count(held.out.begin(), held.out.end(), '\n') == 1);  // the header only
  auto all = run_cli("who-met --all " + q(article));
  CHECK_THAT(all.out, Catch::Contains("Ana Ruiz\tKarl Brenner\t"));
  CHECK_THAT(all.out, Catch::Contains("Ana Ruiz\tLars Holm\t"));
  CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 3);
  CHECK_THAT(all.out, Catch::Contains("\tcall\n"));
  auto events = run_cli("who-met --all --events " + q(article));
  CHECK_THAT(events.out, Catch::Contains("Ana Ruiz | Karl Brenner\t\t\tcall\t"));
}

TEST_CASE("who-met --events: one report, one event, whatever words trigger it", "[cli][who-met]") {
  TempDir tmp;
  auto article = tmp.write("talks.txt",
                           "Monday, May 3, 2021\n\nChinese President Ana Ruiz held talks with "
                           "Russian President Jan Novak in Moscow on Monday.\n");
  auto r = run_cli("who-met --events " + q(article));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\tAna Ruiz | Jan Novak\t2021-05-03\tMoscow\tasserted\t"));
  size_t rows = 0;
  for (char c : r.out) rows += c == '\n';
  CHECK(rows == 2);  // the header and one meeting
}

TEST_CASE("articles that are not English are reported and skipped unless --lang-any",
          "[cli][input]") {
  TempDir tmp;
  auto fr = tmp.write("fr.txt",
                      "Le président de la société a rencontré lundi le maire de la ville, après "
                      "des discussions avec le conseil, en poste depuis 2019. Il a ajouté que le "
                      "projet avait été approuvé et que des emplois suivraient bientôt.\n");
  auto en = tmp.write("en.txt", "President Ana Ruiz met Chancellor Jan Novak in Vienna.\n");
  auto r = run_cli("who-met " + q(fr) + " " + q(en));
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("fr.txt: does not look like English"));
  CHECK_THAT(r.err, Catch::Contains("--lang-any"));
  CHECK_THAT(r.out, Catch::Contains("Ana Ruiz\tJan Novak\t"));
  auto any = run_cli("entities --lang-any " + q(fr));
  CHECK(any.status == 0);
}

TEST_CASE("a coreference chain is capped with a warning naming the article", "[cli][input]") {
  TempDir tmp;
  std::string text = "President Ana Ruiz arrived in Vienna.";
  for (int i = 0; i < 700; ++i) text += " She said it again.";
  auto article = tmp.write("chain.txt", text + "\n");
  auto r = run_cli("entities --lang-any " + q(article));
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: chain.txt: sentence "));
  CHECK_THAT(r.err, Catch::Contains("a coreference chain reached 500 mentions"));
}
