// newsgraph who-met: who met whom, from articles or from a graph file. Both
// paths run the same SPARQL query (rdf/who_met.h) over a Redland model.
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "io/graph_file.h"
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
  bool events = false;
};

// Standard input read once, to tell a graph from an article; put back in
// std::cin (for read_inputs) when it is an article.
struct StdinText {
  bool read = false;
  std::string text;
  std::istringstream again;
  std::streambuf* saved = nullptr;
  const std::string& get() {
    if (!read) {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
      read = true;
    }
    return text;
  }
  void put_back() {
    if (!read) return;
    again.str(text);
    saved = std::cin.rdbuf(again.rdbuf());
  }
  ~StdinText() {
    if (saved) std::cin.rdbuf(saved);
  }
};

void run(const WhoMetOptions& o) {
  std::vector<std::string> files = o.input.files;
  if (files.empty()) files.push_back("-");
  StdinText in;
  // Graph files (io/graph_file.h: by extension, or by parsing the content).
  size_t graph_files = 0;
  for (const auto& f : files)
    graph_files += (f == "-" ? detect_graph_file(std::string_view(), in.get())
                             : detect_graph_file(f)) != GraphFileKind::None;
  if (graph_files && graph_files != files.size())
    throw Error(
        "who-met: give either articles or graph files written by build (.ttl, .nt, .nq, .rdf, "
        ".jsonld), not both");
  RdfModel model;
  if (graph_files) {
    for (const auto& f : files)
      if (f == "-")
        model.load_text(in.get(), "<stdin>");
      else
        model.load_file(f);
    apply_links(model);  // a links file among them: one name per person
  } else {
    in.put_back();
    PipelineOptions po = pipeline_options(o.input, Layer::Facts);
    po.extra_rules = o.rules;
    Pipeline pipeline(po);
    auto docs = read_inputs(o.input);
    process_inputs(pipeline, docs, o.threads);
    KnowledgeGraph graph;
    add_to_graph(graph, docs, o.input);
    model.add(graph);
  }
  write_output(o.output, o.events ? meeting_events_tsv(meeting_events(model, o.all))
                                  : who_met_tsv(who_met(model, o.all), o.all));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<WhoMetOptions>();
  auto* cmd = app.add_subcommand(
      "who-met",
      "List who met whom (TSV: a, b, date, place, doc, sentence_text), from articles or from "
      "graph files written by `newsgraph build` in any RDF format (Turtle, N-Triples, N-Quads, "
      "RDF/XML, JSON-LD; '-' = standard input); with the links of `newsgraph link` among them, "
      "one name per person");
  add_input_options(cmd, o->input);
  cmd->add_flag("--all", o->all,
                "Also negated, future and hypothetical meetings, with a modality column");
  cmd->add_flag("--events", o->events,
                "One row per meeting event instead of per pair (TSV: event, participants joined "
                "by ' | ', date, place, modality, doc, sentence_text); a meeting with one named "
                "participant is listed too");
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
