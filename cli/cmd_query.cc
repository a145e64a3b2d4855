// newsgraph query: SPARQL over a graph file written by `newsgraph build`.
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "core/error.h"
#include "rdf/link.h"
#include "rdf/rdf.h"
#include "rdf/sparql.h"

namespace ng::cli {
namespace {

struct QueryOptions {
  std::vector<std::string> graphs;
  std::string sparql;
  std::string format = "tsv";
  std::string output;
};

std::string query_text(const std::string& arg) {
  if (arg.empty() || arg[0] != '@') return arg;
  std::string path = arg.substr(1);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read query file '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void run(const QueryOptions& o) {
  std::string query = query_text(o.sparql);
  check_query_supported(query);  // before loading a large graph
  for (const auto& w : query_warnings(query))
    std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
  RdfModel model;
  for (const auto& g : o.graphs) model.load_file(g);
  apply_links(model);  // a links file among them: every variant IRI reads as its canonical
  QueryTable table = run_query(model, query);
  write_output(o.output, o.format == "json" ? to_sparql_json(table) : to_tsv(table));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  auto* cmd = app.add_subcommand(
      "query",
      "Run a SPARQL query over graph files written by `newsgraph build` (Turtle, N-Triples, "
      "N-Quads, RDF/XML, JSON-LD)");
  cmd->add_option("graph", o->graphs,
                  "Graph file(s), '-' = standard input; the format comes from the extension "
                  "(.ttl .nt .nq .rdf .jsonld) or the content; N-Quads and JSON-LD keep one named "
                  "graph per article. With the links of `newsgraph link` among them, each linked "
                  "IRI is replaced by its canonical one")
      ->required();
  cmd->add_option("--sparql", o->sparql, "The query, or @FILE to read it from a file")->required();
  cmd->add_option("--format", o->format,
                  "tsv (header of variable names; IRIs and literal values as plain text) or json "
                  "(SPARQL 1.1 results JSON)")
      ->check(CLI::IsMember({"tsv", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  cmd->footer(
      "The engine is Redland's rasqal: no property paths, EXISTS or MINUS; use DISTINCT, "
      "because the default graph repeats a triple once per article graph holding it.");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
