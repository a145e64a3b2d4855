// Fuzz target: the graph-file readers. The first byte picks the file name
// (its extension steers detect_graph_file and load_text); the rest is the
// content, given to detect_graph_file, RdfModel::load_text and read_jsonld.
// Each must return or throw ng::Error. Inputs over 8 KB are skipped.
#include <array>

#include "core/error.h"
#include "fuzz/fuzz_support.h"
#include "io/graph_file.h"
#include "rdf/jsonld.h"
#include "rdf/rdf.h"

namespace {

const std::array<const char*, 8> kNames = {"-", "g", "g.nq", "g.ttl",
                                           "g.jsonld", "g.json", "g.rdf", "g.trig"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 8192) return -1;
  const std::string name = kNames[data[0] % kNames.size()];
  const auto text = ng::fuzz::as_text(data + 1, size - 1);
  (void)ng::detect_graph_file(name, text);
  try {
    ng::RdfModel model;
    model.load_text(text, name);
  } catch (const ng::Error&) {
  }
  try {
    ng::read_jsonld(text, name, [](const ng::RdfTerm&, const ng::RdfTerm&, const ng::RdfTerm&,
                                   const ng::RdfTerm&) {});
  } catch (const ng::Error&) {
  }
  return 0;
}
