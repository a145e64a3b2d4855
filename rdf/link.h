// Cross-article identity links in RDF: reading what each article graph says
// about the entities it mentions (the input of graph/link.h), writing the
// decisions as owl:sameAs in a named graph of their own, and applying them.
//
// The links graph (base + "graph/links") holds, per decision:
//
//   <variant> owl:sameAs <canonical> .
//   <canonical> rdfs:label "canonical name" .
//   <base/link/<variant's name>> a ng:IdentityLink, rdf:Statement ;
//       rdf:subject <variant> ; rdf:predicate owl:sameAs ; rdf:object <canonical> ;
//       ng:rule "surname-in-article" ; ng:evidence "surname-only form 'Varga' in ..." ;
//       prov:wasDerivedFrom <article> ... .
//
// Not thread-safe (RdfModel is not); separate models on separate threads are fine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/link.h"
#include "rdf/rdf.h"

namespace ng {

// For every named graph of model and every `?article schema:mentions ?entity`
// in it: the entity's rdfs:label, skos:altLabel, rdf:type and
// schema:jobTitle statements in that graph and the article's ng:docId. Graphs holding owl:sameAs
// statements (earlier links) are skipped. Sorted by graph, then entity IRI.
// Triples read without a graph name (Turtle, N-Triples) count one article
// per article IRI, each with all the names the file gives an entity: N-Quads
// keep each article's own names, which the surname rules rely on.
std::vector<EntitySighting> read_sightings(const RdfModel& model);

// base + "graph/links". base must pass check_base_iri.
std::string links_graph_iri(std::string_view base);

// The decisions as N-Quads in links_graph_iri(base), sorted, one statement
// a line (deterministic: the same decisions give the same bytes).
std::string links_nquads(const std::vector<LinkDecision>& links, std::string_view base);

// The owl:sameAs statements of model (any graph): variant -> canonical, with
// chains followed to their end (a cycle keeps the smallest IRI), and the
// canonical names stated by rdfs:label in the graphs holding the links.
SameAsLinks read_same_as(const RdfModel& model);

// When model holds owl:sameAs statements, rewrites every other statement so
// that each variant IRI (subject or object) becomes its canonical IRI, in
// the same named graph: a variant's rdfs:label becomes a skos:altLabel of the
// canonical, which gets its canonical rdfs:label in that graph (so each
// person has one name). The owl:sameAs statements and the ng:IdentityLink
// nodes are left as they are. Returns the number of statements rewritten
// (0 and no change without links). Used by who-met and query so that they
// answer about people rather than names.
size_t apply_links(RdfModel& model);

}  // namespace ng
