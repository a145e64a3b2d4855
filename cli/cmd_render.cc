// newsgraph render: articles -> knowledge graph -> a GraphViz diagram (SVG/PNG/PDF).
#include "cli/command.h"
#include "core/error.h"
#include "export/graphviz.h"
#include "export/render.h"
#include "pipeline/pipeline.h"
#include "graph/knowledge_graph.h"
#include "graph/link.h"
#include "rdf/link.h"
#include "rdf/rdf.h"

namespace ng::cli {
namespace {

struct RenderOptions {
  InputOptions input;
  std::string output;
  std::vector<std::string> rules;
  unsigned threads = 0;
  bool no_literals = false;
};

void run(const RenderOptions& o) {
  PipelineOptions po = pipeline_options(o.input, Layer::Facts);
  po.extra_rules = o.rules;
  Pipeline pipeline(po);
  // Graph files among the inputs are links written by `newsgraph link`:
  // every linked entity is drawn once, under its canonical name.
  InputOptions articles = o.input;
  RdfModel links;
  articles.files.clear();
  for (const auto& f : o.input.files) {
    if (f != "-" && is_rdf_file(f))
      links.load_file(f);
    else
      articles.files.push_back(f);
  }
  if (articles.files.empty() && !o.input.files.empty())
    throw Error("render: no articles among the inputs (graph files are read only for their "
                "owl:sameAs links)");
  auto docs = read_inputs(articles);
  process_inputs(pipeline, docs, o.threads);
  apply_links(read_same_as(links), docs);
  KnowledgeGraph graph;
  add_to_graph(graph, docs, o.input);
  DotOptions dot;
  dot.literals = !o.no_literals;
  render_dot(to_dot(graph, dot), o.output);
}

void setup(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand(
      "render", "Draw the knowledge graph of articles as an SVG, PNG or PDF (needs GraphViz dot)");
  add_input_options(cmd, o->input);
  cmd->footer("Give the links file written by `newsgraph link` among the inputs to draw each "
              "linked person once.");
  cmd->add_option("-o,--output", o->output, "Image file: .svg, .png or .pdf")->required();
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->add_flag("--no-literals", o->no_literals, "Leave out literal values (titles, quotes)");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
