// newsgraph build: articles -> extraction -> one knowledge graph -> RDF
// (Turtle, N-Triples, N-Quads, RDF/XML), JSON-LD, JSON, DOT or GraphML.
#include <sstream>

#include "cli/command.h"
#include "core/error.h"
#include "export/graphviz.h"
#include "export/html.h"
#include "export/json.h"
#include "rdf/jsonld.h"
#include "rdf/rdf.h"
#include "pipeline/pipeline.h"
#include "graph/iri.h"
#include "graph/knowledge_graph.h"

namespace ng::cli {
namespace {

struct BuildOptions {
  InputOptions input;
  std::string format = "turtle";
  std::string output;
  std::string base = std::string(kDefaultBaseIri);
  std::vector<std::string> rules;
  unsigned threads = 0;
  bool open_triples = false;  // open-extraction text facts as direct triples too
};

const std::vector<std::string> kFormats = {"turtle", "ntriples", "nquads", "rdfxml",
                                           "jsonld",  "json",     "dot",    "graphml", "html"};

std::string serialize(const KnowledgeGraph& graph, const std::string& format) {
  RdfFormat rdf;
  if (parse_rdf_format(format, rdf)) return to_rdf(graph, rdf);
  if (format == "jsonld") return to_jsonld(graph);
  if (format == "json") return to_json(graph);
  if (format == "dot") return to_dot(graph);
  if (format == "graphml") return to_graphml(graph);
  if (format == "html") return to_html(graph);
  throw Error("unknown --format '" + format + "'");
}

void run(const BuildOptions& o) {
  KnowledgeGraph graph(o.base);
  graph.set_direct_open_facts(o.open_triples);
  PipelineOptions po = pipeline_options(o.input, Layer::Facts);
  po.extra_rules = o.rules;
  Pipeline pipeline(po);
  auto docs = read_inputs(o.input);
  process_inputs(pipeline, docs, o.threads);
  add_to_graph(graph, docs, o.input);
  write_output(o.output, serialize(graph, o.format));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand(
      "build", "Build a knowledge graph from articles and write it as RDF, JSON or a diagram");
  add_input_options(cmd, o->input);
  cmd->add_flag("--open-triples", o->open_triples,
                "Also state open-extraction facts with a text object ('X ng:relation \"...\"') "
                "as direct triples; by default they are only reified ng:Fact records");
  cmd->add_option("--format", o->format,
                  "turtle, ntriples, nquads (one named graph per article), rdfxml, jsonld, json "
                  "(plain nodes/edges/events), dot, graphml or html (interactive viewer, offline)")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to this file (atomically) instead of stdout");
  add_base_option(cmd, o->base, "Base IRI of entity, article and event IRIs");
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
