// RDF output and RDF graph files, through Redland (librdf/raptor). This header
// does not expose librdf; rdf/redland.h (internal) does.
//
// Formats: Turtle, N-Triples and RDF/XML carry all triples without graph
// names (each distinct triple once); N-Quads carry one named graph per article.
// The quads are those of rdf/quads.h.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"
#include "rdf/quads.h"

namespace ng {

enum class RdfFormat { Turtle, NTriples, NQuads, RdfXml };

// "turtle", "ntriples", "nquads", "rdfxml": also the raptor syntax names. The
// views are of string literals, so data() is NUL-terminated.
std::string_view to_string(RdfFormat f);
// Accepts the names above (and "ttl", "nt", "nq", "xml", "rdf"); false otherwise.
bool parse_rdf_format(std::string_view name, RdfFormat& out);

// Serializes the graph: Turtle and RDF/XML through Redland's writers
// (rdfxml-abbrev), N-Triples and N-Quads directly (to_ntriples in
// rdf/quads.h, much faster). Throws ng::Error with Redland's message if a
// serializer fails.
std::string to_rdf(const KnowledgeGraph& graph, RdfFormat format);

// Named graph that holds the triples read from a file without graph names
// (Turtle, N-Triples, RDF/XML, graph-less N-Quads lines).
inline constexpr std::string_view kDefaultGraphIri = "urn:x-newsgraph:default-graph";

// A Redland model in memory (storage "hashes", contexts and predicate index
// on). Every statement sits in a context: the article graph, or
// kDefaultGraphIri for triples loaded without one (in a hashes store with
// contexts, statements added without a context make adding quadratic).
// Not thread-safe: use one model per thread. Owns its librdf world.
class RdfModel {
 public:
  RdfModel();
  ~RdfModel();
  RdfModel(RdfModel&&) noexcept;
  RdfModel& operator=(RdfModel&&) noexcept;

  // Adds the graph's quads, one context (named graph) per article.
  void add(const KnowledgeGraph& graph);
  // Adds the statements of a graph file written by `newsgraph build` ("-" =
  // standard input), in any RDF format: Turtle, TriG, N-Triples, N-Quads
  // (graph names kept), RDF/XML or JSON-LD (read by rdf/jsonld.h, named
  // graphs kept). The format comes from the extension or, without one, from
  // the content (detect_graph_file, io/graph_file.h). Throws ng::Error naming
  // the file (and line) on a missing file or a syntax error, and saying what
  // to do for build's non-RDF exports (JSON, DOT, GraphML).
  void load_file(const std::string& path);
  // Same for the text of a graph file; `name` gives the extension and is used
  // in messages and as base IRI.
  void load_text(std::string_view text, const std::string& name);
  // Adds text of a known RDF syntax; `name` is used in messages and as base IRI.
  void parse(std::string_view text, RdfFormat syntax, const std::string& name);

  // Calls f for every statement held with its graph (kDefaultGraphIri for
  // triples read without one), graph by graph in no particular order.
  void for_each_quad(const std::function<void(const RdfTerm& graph, const RdfTerm& s,
                                              const RdfTerm& p, const RdfTerm& o)>& f) const;

  // Number of statements (quads) held, duplicates across contexts included.
  size_t size() const;
  // Serializes the model as format (triples deduplicated for the triple formats).
  std::string serialize(RdfFormat format) const;

  struct Impl;  // rdf/redland.h
  Impl& impl() const { return *impl_; }

 private:
  void parse_syntax(std::string_view text, const char* raptor_syntax, const std::string& name);
  void parse_jsonld(std::string_view text, const std::string& name);
  std::unique_ptr<Impl> impl_;
};

// True when path is an RDF graph file (Turtle, TriG, N-Triples, N-Quads,
// RDF/XML, JSON-LD) by detect_graph_file (io/graph_file.h): its extension or,
// without one, a parse of its whole content. False when unreadable.
bool is_rdf_file(const std::string& path);

}  // namespace ng
