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

namespace {

template <class S>
std::unique_ptr<Stage> make(const PipelineOptions&) {
  return std::make_unique<S>();
}

std::unique_ptr<Stage> make_relation_extractor(const PipelineOptions& options) {
  RelationExtractorOptions ro;
  ro.rule_files = default_rule_files();
  ro.rule_files.insert(ro.rule_files.end(), options.extra_rules.begin(), options.extra_rules.end());
  ro.open_extraction = options.open_extraction;
  ro.keep_unresolved = options.keep_unresolved;
  ro.is_declared = options.is_declared;
  ro.trace = options.trace_rules;
  return std::make_unique<RelationExtractor>(std::move(ro));
}

const StageInfo* find_stage(std::string_view name) {
  for (const StageInfo& info : stage_table())
    if (info.name == name) return &info;
  return nullptr;
}

// The stages of the table that add something between `input` and `goal`.
std::vector<const StageInfo*> standard_stages(Layers input, Layer goal) {
  std::vector<const StageInfo*> out;
  Layers have = input;
  for (const StageInfo& info : stage_table()) {
    if (have.contains(goal)) break;
    if (have.contains(info.provided)) continue;  // the input already holds it
    out.push_back(&info);
    have = have | info.provided;
  }
  return out;
}

std::vector<const StageInfo*> chosen_stages(const PipelineOptions& options) {
  if (options.stages.empty()) return standard_stages(options.input, options.goal);
  std::vector<const StageInfo*> out;
  for (const auto& name : options.stages) {
    const StageInfo* info = find_stage(name);
    if (!info) {
      std::string known;
      for (const StageInfo& s : stage_table()) known += (known.empty() ? "" : ", ") + std::string(s.name);
      throw Error("pipeline: unknown stage '" + name + "' (stages: " + known + ")");
    }
    out.push_back(info);
  }
  return out;
}

}  // namespace

// The stage table. Adding a stage = its class plus one line here.
const std::vector<StageInfo>& stage_table() {
  using L = Layer;
  static const std::vector<StageInfo> table = {
      {"tokenizer", L::Text, L::Tokens | L::Sentences, make<Tokenizer>},
      {"tagger", L::Tokens | L::Sentences, L::Tags, make<Tagger>},
      {"lemmatizer", L::Tokens | L::Tags, L::Lemmas, make<Lemmatizer>},
      {"parser", L::Tokens | L::Sentences | L::Tags | L::Lemmas, L::Parse, make<Parser>},
      {"ner_tagger", L::Tokens | L::Sentences | L::Tags | L::Lemmas | L::Parse, L::Names,
       make<NerTagger>},
      {"coreference", L::Names | L::Tags | L::Lemmas | L::Parse, L::Entities, make<Coreference>},
      {"relation_extractor", L::Entities | L::Parse | L::Lemmas, L::Facts,
       make_relation_extractor},
  };
  return table;
}

Pipeline::Pipeline(const PipelineOptions& options) : output_(options.input) {
  for (const StageInfo* info : chosen_stages(options)) {
    if (!output_.contains(info->required))
      throw Error("pipeline: stage '" + std::string(info->name) + "' requires " +
                  (info->required - output_).to_string() +
                  ", which neither the input nor an earlier stage provides");
    stages_.push_back(info->make(options));
    if (stages_.back()->name() != info->name)
      throw Error("internal error: stage table line '" + std::string(info->name) +
                  "' makes stage '" + std::string(stages_.back()->name()) + "'");
    output_ = output_ | info->provided;
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
