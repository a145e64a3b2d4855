// The pipeline is built from the stage table and checked when built: stage
// names, the layers each stage requires, and starting mid-pipeline.
#include "pipeline/pipeline.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace {

std::string build_error(const ng::PipelineOptions& options) {
  try {
    ng::Pipeline p(options);
  } catch (const ng::Error& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> stage_names(const ng::Pipeline& p) {
  std::vector<std::string> out;
  for (const auto& s : p.stages()) out.emplace_back(s->name());
  return out;
}

}  // namespace

TEST_CASE("the stage table is in flow order: each stage's needs come before it", "[pipeline][unit]") {
  ng::Layers have = ng::kTextLayers;
  for (const ng::StageInfo& info : ng::stage_table()) {
    INFO(info.name);
    CHECK(have.contains(info.required));
    CHECK_FALSE(info.provided.empty());
    have = have | info.provided;
  }
  CHECK(have.contains(ng::Layer::Facts));
}

TEST_CASE("a pipeline missing a required layer is refused, naming stage and layer",
          "[pipeline][unit]") {
  ng::PipelineOptions o;
  o.stages = {"tokenizer", "coreference"};
  std::string e = build_error(o);
  CHECK(e.find("stage 'coreference' requires") != std::string::npos);
  CHECK(e.find("names") != std::string::npos);
  CHECK(e.find("parse") != std::string::npos);

  o.stages = {"tokenizer", "spellchecker"};
  e = build_error(o);
  CHECK(e.find("unknown stage 'spellchecker'") != std::string::npos);
  CHECK(e.find("ner_tagger") != std::string::npos);  // lists the known stages
}

TEST_CASE("a pipeline starts where its input ends and stops at its goal", "[pipeline][model]") {
  ng::PipelineOptions o;
  o.goal = ng::Layer::Parse;
  ng::Pipeline syntax(o);
  CHECK(stage_names(syntax) ==
        std::vector<std::string>{"tokenizer", "tagger", "lemmatizer", "parser"});
  CHECK(syntax.output().contains(ng::kParsedLayers));

  o.input = ng::kParsedLayers;
  o.goal = ng::Layer::Entities;
  ng::Pipeline entities(o);
  CHECK(stage_names(entities) == std::vector<std::string>{"ner_tagger", "coreference"});

  // Every stage reports the name it has in the table.
  o.input = ng::kTextLayers;
  o.goal = ng::Layer::Facts;
  ng::Pipeline all(o);
  REQUIRE(all.stages().size() == ng::stage_table().size());
  for (size_t i = 0; i < all.stages().size(); ++i)
    CHECK(all.stages()[i]->name() == ng::stage_table()[i].name);
}
