// newsgraph who-met: who met whom, from articles or from a graph file. Both
// paths run the same SPARQL query (rdf/who_met.h) over a Redland model.
#include "cli/command.h"
#include "core/error.h"
#include "rdf/link.h"
#include "rdf/rdf.h"
#include "rdf/who_met.h"
#include "pipeline/pipeline.h"
#include "graph/knowledge_graph.h"

namespace ng::cli {
namespace {

struct WhoMetOptions {
  InputOptions input;
  std::string output;
  std::vector<std::string> rules;
  unsigned threads = 0;
  bool all = false;
};

void run(const WhoMetOptions& o) {
  size_t graph_files = 0;
  for (const auto& f : o.input.files) graph_files += f != "-" && is_rdf_file(f);
  if (graph_files && graph_files != o.input.files.size())
    throw Error("who-met: give either articles or graph files (.ttl, .nt, .nq, .rdf), not both");
  RdfModel model;
  if (graph_files) {
    for (const auto& f : o.input.files) model.load_file(f);
    apply_links(model);  // a links file among them: one name per person
  } else {
    PipelineOptions po = pipeline_options(o.input, Layer::Facts);
    po.extra_rules = o.rules;
    Pipeline pipeline(po);
    auto docs = read_inputs(o.input);
    process_inputs(pipeline, docs, o.threads);
    KnowledgeGraph graph;
    add_to_graph(graph, docs, o.input);
    model.add(graph);
  }
  write_output(o.output, who_met_tsv(who_met(model, o.all), o.all));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<WhoMetOptions>();
  auto* cmd = app.add_subcommand(
      "who-met",
      "List who met whom (TSV: a, b, date, place, doc, sentence_text), from articles or from "
      "graph files written by `newsgraph build` (with the links of `newsgraph link` among them, "
      "one name per person)");
  add_input_options(cmd, o->input);
  cmd->add_flag("--all", o->all,
                "Also negated, future and hypothetical meetings, with a modality column");
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  cmd->add_option("--rules", o->rules, "Extra rule file(s) (YAML; the language: extraction/rule_language.md)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
