// newsgraph render: articles -> knowledge graph -> a diagram people read
// (export/diagram.h) drawn by GraphViz (SVG/PNG/PDF/DOT), or the interactive
// HTML viewer (export/html.h).
#include "cli/command.h"
#include "core/error.h"
#include "export/diagram.h"
#include "export/diagram_rdf.h"
#include "export/html.h"
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
  DiagramOptions diagram;
  bool no_literals = false;  // the old default's opt-out, kept so scripts still run
};

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

// DOT text to .dot, .gv or standard output; otherwise drawn by GraphViz.
void write_diagram(const std::string& dot, const std::string& output) {
  if (ends_with(output, ".dot") || ends_with(output, ".gv") || output == "-")
    write_output(output, dot);
  else
    render_dot(dot, output);
}

// Graph files alone (written by `build`, with or without the links of `link`):
// the diagram is read from them through SPARQL.
void render_graph_files(RdfModel& model, const RenderOptions& o) {
  if (ends_with(o.output, ".html") || ends_with(o.output, ".htm"))
    throw Error("render: the HTML viewer is made from articles, not from a graph file (give "
                "the articles, or run `newsgraph build --format html` on them)");
  apply_links(model);
  DiagramSource source = diagram_source(model);
  if (source.nodes.empty())
    throw Error("render: no articles among the inputs, and the graph files hold no entity to "
                "draw");
  DiagramOptions d = o.diagram;
  d.literals = false;
  write_diagram(diagram_to_dot(make_diagram(source, d)), o.output);
}

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
  if (articles.files.empty() && !o.input.files.empty()) {
    render_graph_files(links, o);
    return;
  }
  auto docs = read_inputs(articles);
  process_inputs(pipeline, docs, o.threads);
  apply_links(read_same_as(links), docs);
  KnowledgeGraph graph;
  add_to_graph(graph, docs, o.input);
  if (ends_with(o.output, ".html") || ends_with(o.output, ".htm")) {
    write_output(o.output, to_html(graph));
    return;
  }
  DiagramOptions d = o.diagram;
  if (o.no_literals) d.literals = false;
  write_diagram(diagram_to_dot(make_diagram(graph, d)), o.output);
}

void setup(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand(
      "render", "Draw the knowledge graph of articles: a diagram (SVG, PNG, PDF through GraphViz "
                "dot, or DOT) or an interactive HTML page");
  add_input_options(cmd, o->input);
  cmd->footer("Give the links file written by `newsgraph link` among the inputs to draw each "
              "linked person once. Given only graph files written by `build` (.nq, .ttl...), "
              "it draws them (entities, relations, meetings; no literal values).");
  cmd->add_option("-o,--output", o->output,
                  "Output file: .svg, .png, .pdf (needs GraphViz dot), .dot or - (DOT text), "
                  ".html (interactive viewer, works offline)")
      ->required();
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->add_flag("--literals", o->diagram.literals,
                "Also draw literal values (titles, quotes, dates) and untyped open-extraction "
                "relations");
  cmd->add_flag("--no-literals", o->no_literals, "Leave out literal values (the default)");
  cmd->add_option("--max-nodes", o->diagram.max_nodes,
                  "Most entities drawn, the most connected first (0 = all)")
      ->capture_default_str();
  cmd->add_option("--focus", o->diagram.focus,
                  "Draw only what is around this entity (name, alias or IRI)");
  cmd->add_option("--depth", o->diagram.depth, "With --focus: how many edges away")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_flag("--meetings", o->diagram.meetings_only, "Draw only meetings: who met whom");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
