// The diagram of a graph file written by `newsgraph build` (render GRAPH.nq):
// the same selection as for articles (export/diagram.h), read through SPARQL.
#pragma once

#include "export/diagram.h"
#include "rdf/rdf.h"

namespace ng {

// Entities (rdfs:label and an entity class: schema:Person, schema:Organization,
// schema:Place, ng:Group, schema:Thing), their skos:altLabel aliases and
// people's schema:jobTitle, the direct ng: relations between them, and every
// pair of ng:participant of each ng:Meeting (all modalities). Literal values
// are not drawn from a graph file. The title: the one
// article's headline (else its source and date), or "N articles" and their
// date range. Throws ng::Error when a query fails.
DiagramSource diagram_source(const RdfModel& model);

}  // namespace ng
