// newsgraph query: SPARQL over a graph file written by `newsgraph build`.
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "core/error.h"
#include "rdf/link.h"
#include "rdf/query_child.h"
#include "rdf/query_guard.h"
#include "rdf/rdf.h"
#include "rdf/sparql.h"

namespace ng::cli {
namespace {

struct QueryOptions {
  std::vector<std::string> graphs;
  std::string sparql;
  std::string format = "tsv";
  std::string output;
  bool allow_service = false;
  double timeout = 60;
  size_t max_memory = 2048;
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

// The result as text in the requested format: a table as TSV or JSON, a
// CONSTRUCT graph as N-Triples (also for the default tsv) or Turtle.
std::string result_text(const QueryTable& table, const std::string& format) {
  if (table.is_graph) {
    if (format == "json")
      throw Error("query: CONSTRUCT gives RDF, not a table: use --format ntriples or turtle");
    return graph_result_text(table, format == "turtle" ? RdfFormat::Turtle : RdfFormat::NTriples);
  }
  if (format == "ntriples" || format == "turtle")
    throw Error("query: --format " + format + " is for CONSTRUCT queries; use tsv or json");
  return format == "json" ? to_sparql_json(table) : to_tsv(table);
}

void run(const QueryOptions& o) {
  std::string query = query_text(o.sparql);
  const QueryPolicy policy{o.allow_service};
  check_query_supported(query, policy);  // before loading a large graph
  for (const auto& w : query_warnings(query))
    std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
  // rasqal can crash or run without end: the graphs are loaded and the query
  // run in a child process under a time and memory limit.
  std::string text = run_in_child(
      [&]() {
        RdfModel model;
        for (const auto& g : o.graphs) model.load_file(g);
        apply_links(model);  // a links file among them: every variant IRI reads as its canonical
        return result_text(run_query(model, query, policy), o.format);
      },
      ChildLimits{o.timeout, o.max_memory});
  write_output(o.output, text);
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
                  "(SPARQL 1.1 results JSON); CONSTRUCT results: ntriples (also for tsv) or "
                  "turtle")
      ->check(CLI::IsMember({"tsv", "json", "ntriples", "turtle"}))
      ->capture_default_str();
  cmd->add_flag("--allow-service", o->allow_service,
                "Let SERVICE <url> make the engine fetch from other hosts (refused by default)");
  cmd->add_option("--timeout", o->timeout,
                  "Stop the query after this many seconds (0 = no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-memory", o->max_memory,
                  "Memory limit in MB for loading and querying (0 = no limit)")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  cmd->footer(
      "The engine is Redland's rasqal: no property paths, EXISTS, MINUS or DESCRIBE; use "
      "DISTINCT, because the default graph repeats a triple once per article graph holding it. "
      "Refused, with advice: string functions applied to function calls (BIND the inner call to "
      "a variable first), OPTIONAL inside GRAPH, COUNT(DISTINCT ...), SERVICE (unless "
      "--allow-service), queries over 64 KB, over 200 UNIONs or nested deeper than 50. The "
      "query runs in a child process: a crash or timeout is an error, never partial output.");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
