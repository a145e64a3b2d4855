// newsgraph push: graph files written by `build` (and `link`) into a triple
// store through the SPARQL 1.1 Graph Store HTTP Protocol, one PUT per named
// graph (rdf/store_push.h).
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "cli/command.h"
#include "core/error.h"
#include "rdf/quads.h"
#include "rdf/rdf.h"
#include "rdf/store_push.h"

namespace ng::cli {
namespace {

struct PushOptions {
  std::vector<std::string> files;
  StoreOptions store;
  bool quiet = false;
};

// One named graph's triples as an N-Triples document.
struct GraphBody {
  std::string iri;
  std::string ntriples;
  size_t triples = 0;
};

// The named graphs of the files, sorted by IRI. Throws ng::Error when
// a file holds triples outside a named graph (a PUT needs a graph name).
std::vector<GraphBody> read_graphs(const std::vector<std::string>& files) {
  std::vector<GraphBody> graphs;
  std::unordered_map<std::string, size_t> index;
  for (const auto& file : files) {
    RdfModel model;
    model.load_file(file);
    model.for_each_quad(
        [&](const RdfTerm& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
          if (g.value == kDefaultGraphIri)
            throw Error("'" + file +
                        "' has triples outside a named graph: push takes N-Quads or "
                        "JSON-LD with one named graph per article (build --format nquads)");
          auto [it, fresh] = index.emplace(g.value, graphs.size());
          if (fresh) graphs.push_back({g.value, {}, 0});
          GraphBody& body = graphs[it->second];
          append_ntriples_term(body.ntriples, s);
          body.ntriples += ' ';
          append_ntriples_term(body.ntriples, p);
          body.ntriples += ' ';
          append_ntriples_term(body.ntriples, o);
          body.ntriples += " .\n";
          ++body.triples;
        });
  }
  std::sort(graphs.begin(), graphs.end(),
            [](const GraphBody& a, const GraphBody& b) { return a.iri < b.iri; });
  return graphs;
}

void run(const PushOptions& o) {
  GraphStoreClient client(o.store);
  std::vector<GraphBody> graphs = read_graphs(o.files);
  size_t triples = 0, stored = 0;
  for (auto& g : graphs) {
    try {
      client.put(g.iri, g.ntriples);
    } catch (const Error& e) {  // say what was stored; nothing else is reported as done
      throw Error(std::string(e.what()) + "; " + std::to_string(stored) + " of " +
                  std::to_string(graphs.size()) + " graphs were stored before it");
    }
    ++stored;
    triples += g.triples;
    std::string().swap(g.ntriples);
  }
  if (!o.quiet)
    std::fprintf(stderr, "newsgraph: pushed %zu graphs (%zu triples) to %s\n", graphs.size(),
                 triples, o.store.url.c_str());
}

void setup(CLI::App& app) {
  auto o = std::make_shared<PushOptions>();
  auto* cmd = app.add_subcommand(
      "push",
      "Put the named graphs of graph files (build --format nquads, link) into a triple store "
      "(SPARQL 1.1 Graph Store protocol: one PUT per graph, replacing it)");
  cmd->add_option("files", o->files, "N-Quads (or JSON-LD) graph files; '-' = standard input")
      ->required();
  add_store_options(cmd, o->store, "--store",
                    "Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth "
                    "(Virtuoso), http://localhost:3030/ds/data (Fuseki), "
                    "http://localhost:7878/store (Oxigraph)");
  cmd->get_option("--store")->required();
  cmd->add_flag("-q,--quiet", o->quiet, "No summary line");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
