// The pipeline: an ordered list of stages, built from the stage table and
// checked when built, that turns Documents into tokens, a parse, entities,
// coreference, facts and events.
//
//   tokenizer -> tagger -> lemmatizer -> parser -> ner_tagger -> coreference
//   -> relation_extractor
//
// Each stage declares the Document layers it requires and provides (the
// table in pipeline.cc, one line per stage). A pipeline can start anywhere:
// given documents that already hold a parse (analysed CoNLL-U), it runs only
// the stages after it. Built once (loading models, lexicons and rules), then
// process() is const and thread-safe, so many documents run in parallel.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/stage.h"

namespace ng {

struct PipelineOptions {
  Layers input = kTextLayers;       // what the documents already hold
  Layer goal = Layer::Facts;        // run up to the stage that provides this
  // Stage names to run, in order ("" = the stages of the table that provide
  // something between `input` and `goal`).
  std::vector<std::string> stages;
  std::vector<std::string> extra_rules;  // user rule files (--rules)
  bool open_extraction = true;           // generic clause facts for unmatched clauses
  bool keep_unresolved = false;          // RelationExtractorOptions::keep_unresolved
  // Whether the ontology declares a CURIE (rules naming undeclared terms are
  // rejected at load); nullptr = no check.
  std::function<bool(const std::string&)> is_declared;
  // Rule trace (RelationExtractorOptions::trace); not thread-safe: run one
  // thread when set.
  std::ostream* trace_rules = nullptr;
};

// One line of the stage table: a stage's name and contract.
struct StageInfo {
  std::string_view name;  // = Stage::name() of the stage it makes
  Layers required;        // layers the stage reads (a precondition)
  Layers provided;        // layers the stage adds
  std::unique_ptr<Stage> (*make)(const PipelineOptions&);  // loads models, lexicons, rules
};

// Every stage, in the order of the flow.
const std::vector<StageInfo>& stage_table();

class Pipeline {
 public:
  // Picks the stages (options.stages, or the table between options.input and
  // options.goal), checks that each one's required layers are in the input
  // or provided by a stage before it, and loads them. Throws ng::Error
  // naming the stage and the missing layers, an unknown stage name, or the
  // file when a model, lexicon or rule file is missing or invalid.
  explicit Pipeline(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  // Runs every stage on doc, in order.
  void process(Document& doc) const;
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }
  // The layers documents hold after process(): the input and what the stages add.
  Layers output() const { return output_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
  Layers output_;
};

// Runs `pipeline` over documents on `threads` worker threads (0 = hardware
// concurrency), preserving order. A document whose processing throws is
// reported through on_error and dropped.
void process_all(const Pipeline& pipeline, std::vector<Document>& documents, unsigned threads,
                 const std::function<void(const std::string&)>& on_error);

}  // namespace ng
