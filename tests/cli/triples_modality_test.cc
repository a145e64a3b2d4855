// The triples TSV has a modality column: "did not meet" does not read like "met".
#include <catch2/catch.hpp>

#include "tests/test_support.h"

using ng::test::run_cli;

TEST_CASE("triples TSV tells negated and future facts from asserted ones", "[cli][modality]") {
  auto r = run_cli("triples --no-open -",
                   "Ann Lee did not meet Bob Ray in Rome. Carl Berg will visit Dan Ek next week. "
                   "Eva Moe met Finn Lund.\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("doc\tsentence\tconfidence\tmodality\t", 0) == 0);
  CHECK_THAT(r.out, Catch::Contains("\t1\t0.900\tnegated\tAnn Lee\tdid not meet\tBob Ray\t"));
  CHECK_THAT(r.out, Catch::Contains("\tfuture\tCarl Berg\twill visit\tDan Ek\t"));
  CHECK_THAT(r.out, Catch::Contains("\tasserted\tEva Moe\tmet\tFinn Lund\t"));
}

TEST_CASE("a conjunct clause of its own or after 'but' keeps its modality, 'went on to say' is past, 'not ... until' is no negation",
          "[cli][modality]") {
  auto r = run_cli("triples --no-open -",
                   "The Tarsk Press Agency did not mention casualties, but said exports were "
                   "continuing. Judge Ana Ruiz went on to say the sentence was fair. Lea Marchetti "
                   "did not meet Jan Novak until 2019.\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  // The modality column of the line whose object is `object`.
  auto modality_of = [&](const std::string& object) {
    const size_t at = r.out.find("\t" + object + "\t");
    if (at == std::string::npos) return std::string("(no fact)");
    const size_t line = r.out.rfind('\n', at) + 1;
    std::string cols[4];
    size_t p = line;
    for (auto& c : cols) {
      const size_t tab = r.out.find('\t', p);
      c = r.out.substr(p, tab - p);
      p = tab + 1;
    }
    return cols[3];
  };
  CHECK(modality_of("exports were continuing") == "asserted");
  CHECK(modality_of("the sentence was fair") == "asserted");
  CHECK(modality_of("Jan Novak") == "asserted");  // "did not meet ... until": they met
}

TEST_CASE("'were unable to meet' and 'declined to meet' are negated", "[cli][modality]") {
  auto r = run_cli("triples --no-open -",
                   "Ann Lee was unable to meet Bob Ray in Rome. Carl Berg declined to meet Dan Ek. "
                   "Eva Moe was able to meet Finn Lund.\n");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\tnegated\tAnn Lee\t"));
  CHECK_THAT(r.out, Catch::Contains("\tnegated\tCarl Berg\t"));
  CHECK_THAT(r.out, !Catch::Contains("\tnegated\tEva Moe\t"));
}

TEST_CASE("'would not' and 'neither ... nor ... would' are negated, 'would later say' is past",
          "[cli][modality]") {
  auto r = run_cli("triples --no-open -",
                   "Ann Lee would not meet Bob Ray in Rome. Neither Carl Berg nor Dan Ek would meet "
                   "Eva Moe. Judge Ana Ruiz would later say the sentence was fair.\n");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\tnegated\tAnn Lee\t"));
  CHECK_THAT(r.out, Catch::Contains("\tnegated\tCarl Berg\t"));
  CHECK_THAT(r.out, Catch::Contains("\tasserted\tJudge Ana Ruiz\twould say\t"));
}

TEST_CASE("said content is the quotation, not narration glued to a second one or an inner clause's marker cut",
          "[cli][modality]") {
  auto r = run_cli("triples --no-open -",
                   "Minister Ana Ruiz said, \"As far as I know, this is the first case\", adding, \"It is "
                   "serious\". Governor Jan Novak said, \"If the Senate confirms me, I will stay until "
                   "2020.\"\n");
  INFO(r.err << r.out);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\tsaid\tAs far as I know, this is the first case\t"));
  CHECK_THAT(r.out, Catch::Contains("\tsaid\tIf the Senate confirms me, I will stay until 2020\t"));
}
