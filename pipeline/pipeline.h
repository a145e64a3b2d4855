// The extraction pipeline: the ordered list of stages that turn a Document's
// text into tokens, a parse, entities, coreference, facts and events.
//   tokenizer -> tagger -> lemmatizer -> parser -> entities -> coreference -> rules
// Built once (loading models, lexicons and rules), then process() is const and
// thread-safe, so many documents run in parallel.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/stage.h"

namespace ng {

struct PipelineOptions {
  enum class Depth { Tokens, Syntax, Entities, Facts };
  Depth depth = Depth::Facts;            // how far to run
  std::vector<std::string> extra_rules;  // user rule files (--rules)
  bool open_extraction = true;           // generic clause facts for unmatched clauses
  // Whether the ontology declares a CURIE (rules naming undeclared terms are
  // rejected at load); nullptr = no check.
  std::function<bool(const std::string&)> is_declared;
  // Rule trace (RelationExtractorOptions::trace); not thread-safe: run one
  // thread when set.
  std::ostream* trace_rules = nullptr;
};

class Pipeline {
 public:
  // Loads every stage's models and data from the data directory. Throws
  // ng::Error naming the file when one is missing or invalid.
  explicit Pipeline(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  void process(Document& doc) const;
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

// Runs `pipeline` over documents on `threads` worker threads (0 = hardware
// concurrency), preserving order. A document whose processing throws is
// reported through on_error and dropped.
void process_all(const Pipeline& pipeline, std::vector<Document>& documents, unsigned threads,
                 const std::function<void(const std::string&)>& on_error);

}  // namespace ng
