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
