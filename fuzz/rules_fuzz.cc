// Fuzz target: the YAML rule loader (load_rules) on the input written to a
// temp .yaml file, with the ontology check on. Invalid files must end in
// ng::Error naming the file. Inputs over 8 KB are skipped.
#include "core/error.h"
#include "extraction/rules.h"
#include "fuzz/fuzz_support.h"
#include "rdf/ontology.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return -1;
  static const bool ontology_ready = ng::ontology_declares("ng:met") || true;
  (void)ontology_ready;
  ng::fuzz::TempFile file(ng::fuzz::as_text(data, size), ".yaml");
  try {
    (void)ng::load_rules(file.path(), ng::ontology_declares);
  } catch (const ng::Error&) {
  }
  return 0;
}
