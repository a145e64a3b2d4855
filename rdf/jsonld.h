// JSON-LD output (Redland has no JSON-LD writer): the quads of
// rdf/quads.h as {"@context": prefixes, "@graph": [one named graph per
// article: {"@id": article IRI, "@graph": [node objects]}]}. Properties and
// classes are written as CURIEs of the context's prefixes; values as
// {"@id": iri} or {"@value": v, "@type": datatype}.
#pragma once

#include <string>

#include "graph/knowledge_graph.h"

namespace ng {

std::string to_jsonld(const KnowledgeGraph& graph);

}  // namespace ng
