// Deterministic IRIs for everything newsgraph puts in a graph, and the
// vocabulary namespaces. The same entity found in two articles, on two
// machines, gets the same IRI, so merging graphs is a set union.
//
//   entity     base + "entity/" + normalised canonical name; the type is no
//              part of it (an rdf:type statement instead), so an entity typed
//              differently by two articles is still one IRI
//              ("https://w3id.org/newsgraph/id/entity/ilham_aliyev")
//   graph      base + "graph/" + percent-encoded document id: the named graph
//              holding what was read from the article; re-building an edited
//              article replaces it (Graph Store PUT)
//   article    base + "article/" + percent-encoded document id + "/" +
//              hash(text): the version of the article that was read
//   event      article IRI + "/event/" + n  (n = index in Document::events)
//   statement  article IRI + "/fact/" + n   (n = index in Document::facts)
//   unnamed    article IRI + "/entity/" + normalised description: a role
//              holder the article never names ("the President") is its own
//              node in each article
//
// So the same article built twice gets the same IRIs, and two different
// texts never share an article, fact or event IRI, whatever their ids.
//
// All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace ng {

inline constexpr std::string_view kDefaultBaseIri = "https://w3id.org/newsgraph/id/";
inline constexpr std::string_view kNgNamespace = "https://w3id.org/newsgraph/ontology#";

// The prefixes newsgraph writes and understands in CURIEs.
struct Namespace {
  std::string_view prefix;  // "schema"
  std::string_view iri;     // "http://schema.org/"
};
// ng, schema, prov, rdfs, rdf, skos, owl, xsd, in that order.
const Namespace* namespaces_begin();
const Namespace* namespaces_end();

// Characters an IRI may not hold as they are (RDF 1.1 IRIREF): controls,
// space, DEL and <>"{}|\^`. Writers escape them; checks refuse them.
bool iri_char_forbidden(unsigned char c);

// Expands "schema:Person" to "http://schema.org/Person". An absolute IRI
// (containing "://") is returned unchanged. Throws ng::Error quoting the CURIE
// for an unknown prefix, an empty local name or characters not allowed in an IRI.
std::string expand_curie(std::string_view curie);
// Shortens an IRI to a CURIE when it starts with a known namespace and the rest
// is a plain local name (letters, digits, '_', '-'; not starting with a digit
// or '-', so the CURIE is also a Turtle prefixed name); otherwise returns the
// IRI unchanged.
std::string compact_iri(std::string_view iri);
// The part of an IRI or CURIE after the last '#', '/' or ':' ("ng:met" -> "met").
std::string_view local_name(std::string_view iri_or_curie);

// Checks a user-given base IRI: absolute ("scheme://"), ending in '/' or '#',
// without spaces or the characters <>"{}|\^`. Throws ng::Error quoting it.
void check_base_iri(std::string_view base);

// Canonical name -> IRI path segment: accents folded, lower-cased, runs of
// whitespace -> "_", every byte outside [a-z0-9_.-] percent-encoded (%XX,
// upper-case hex), a leading '.' encoded too (no "." / ".." segments).
// "Zoë Ålström" -> "zoe_alstrom"; "" -> "_".
std::string normalise_name(std::string_view name);

// Percent-encodes every byte outside [A-Za-z0-9_.~-] (and a leading '.'):
// used for document ids, which stay case-sensitive.
std::string percent_encode(std::string_view s);


// The IRIs described at the top of this file. base must pass check_base_iri.
std::string entity_iri(std::string_view base, std::string_view canonical_name);
// An entity the article names only by a title or description ("the
// President"): article IRI + "/entity/" + normalised description, so it is
// never shared with another article.
std::string unnamed_entity_iri(std::string_view article_iri, std::string_view description);
std::string graph_iri(std::string_view base, std::string_view doc_id);
std::string article_iri(std::string_view base, std::string_view doc_id, std::string_view text);
std::string event_iri(std::string_view article_iri, int n);
std::string statement_iri(std::string_view article_iri, int n);

}  // namespace ng
