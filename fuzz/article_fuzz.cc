// Fuzz target: one article's raw text through document_from_text and the
// whole pipeline (tokenizer .. relation extraction), then into a
// KnowledgeGraph and its N-Quads and JSON exports. Inputs over 4 KB are
// skipped (the models make each run slow enough already).
#include <memory>

#include "core/error.h"
#include "export/json.h"
#include "fuzz/fuzz_support.h"
#include "graph/knowledge_graph.h"
#include "io/article_reader.h"
#include "pipeline/pipeline.h"
#include "rdf/ontology.h"
#include "rdf/quads.h"

namespace {

const ng::Pipeline& pipeline() {
  static const auto p = [] {
    ng::PipelineOptions options;
    options.is_declared = ng::ontology_declares;
    return std::make_unique<ng::Pipeline>(options);
  }();
  return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return -1;  // -1: not added to the corpus
  const auto& p = pipeline();
  ng::Document doc;
  try {
    doc = ng::document_from_text("fuzz.txt", std::string(ng::fuzz::as_text(data, size)),
                                 (size & 1) != 0);
  } catch (const ng::Error&) {
    return 0;  // empty, binary or invalid UTF-8: refused at the door
  }
  p.process(doc);
  ng::KnowledgeGraph graph;
  graph.add(doc);
  (void)ng::to_ntriples(graph, true);
  (void)ng::to_json(graph);
  return 0;
}
