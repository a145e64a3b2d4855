#include "pipeline/pipeline.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "entities/coref.h"
#include "syntax/lemmatizer.h"
#include "entities/ner.h"
#include "syntax/parser.h"
#include "extraction/relation_extractor.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"

namespace ng {

Pipeline::Pipeline(const PipelineOptions& options) {
  using Depth = PipelineOptions::Depth;
  stages_.push_back(std::make_unique<Tokenizer>());
  if (options.depth >= Depth::Syntax) {
    stages_.push_back(std::make_unique<Tagger>());
    stages_.push_back(std::make_unique<Lemmatizer>());
    stages_.push_back(std::make_unique<Parser>());
  }
  if (options.depth >= Depth::Entities) {
    stages_.push_back(std::make_unique<NerTagger>());
    stages_.push_back(std::make_unique<Coreference>());
  }
  if (options.depth >= Depth::Facts) {
    RelationExtractorOptions ro;
    ro.rule_files = default_rule_files();
    ro.rule_files.insert(ro.rule_files.end(), options.extra_rules.begin(), options.extra_rules.end());
    ro.open_extraction = options.open_extraction;
    ro.is_declared = options.is_declared;
    ro.trace = options.trace_rules;
    stages_.push_back(std::make_unique<RelationExtractor>(std::move(ro)));
  }
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

void Pipeline::process(Document& doc) const {
  for (const auto& stage : stages_) stage->process(doc);
}

void process_all(const Pipeline& pipeline, std::vector<Document>& documents, unsigned threads,
                 const std::function<void(const std::string&)>& on_error) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<size_t>(1, documents.size()));
  std::vector<char> failed(documents.size(), 0);
  std::vector<std::string> errors(documents.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < documents.size(); i = next++) {
      try {
        pipeline.process(documents[i]);
      } catch (const std::exception& e) {
        failed[i] = 1;
        errors[i] = documents[i].id + ": " + e.what();
      }
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  size_t out = 0;
  for (size_t i = 0; i < documents.size(); ++i) {
    if (failed[i]) {
      on_error(errors[i]);
      continue;
    }
    if (out != i) documents[out] = std::move(documents[i]);
    ++out;
  }
  documents.resize(out);
}

}  // namespace ng
