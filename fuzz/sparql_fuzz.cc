// Fuzz target: the SPARQL pre-check that runs before rasqal
// (check_query_supported) and query_warnings. rasqal itself is not run.
// Inputs over 4 KB are skipped.
#include "core/error.h"
#include "fuzz/fuzz_support.h"
#include "rdf/sparql.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return -1;
  const auto query = ng::fuzz::as_text(data, size);
  try {
    ng::check_query_supported(query);
  } catch (const ng::Error&) {
  }
  (void)ng::query_warnings(query);
  return 0;
}
