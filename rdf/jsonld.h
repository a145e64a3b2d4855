// JSON-LD output (Redland has no JSON-LD writer): the quads of
// rdf/quads.h as {"@context": prefixes, "@graph": [one named graph per
// article: {"@id": article IRI, "@graph": [node objects]}]}. Properties and
// classes are written as CURIEs of the context's prefixes; values as
// {"@id": iri} or {"@value": v, "@type": datatype}.
//
// And reading it back: read_jsonld turns that shape into quads again, so
// who-met and query read every RDF format `build` writes. It is not a
// general JSON-LD processor: the context must be inline (an object, or an
// array of objects) of prefixes ("ex": "http://...") and simple term
// definitions ({"@id": ...}), plus @vocab and @base; @list, @set, @reverse,
// @included, @nest and remote contexts are refused with a message.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"
#include "rdf/quads.h"

namespace ng {

std::string to_jsonld(const KnowledgeGraph& graph);

// Receives one quad read from JSON-LD; graph.kind is None for the default graph.
using JsonLdSink = std::function<void(const RdfTerm& graph, const RdfTerm& subject,
                                      const RdfTerm& predicate, const RdfTerm& object)>;

// Parses JSON-LD text (as written by to_jsonld: top-level @context, @graph of
// named graphs {"@id", "@graph"} or node objects) and calls sink per quad.
// Node objects without @id get fresh blank nodes. Throws ng::Error naming
// `name` (and the place in the document) on invalid JSON or an unsupported
// construct.
void read_jsonld(std::string_view text, const std::string& name, const JsonLdSink& sink);

}  // namespace ng
