// The RDF view of a KnowledgeGraph as plain quads, shared by every RDF
// writer (rdf/rdf.cc through librdf, rdf/jsonld.cc) so they say exactly
// the same thing. One named graph per article (the article IRI) holds
// everything read from that article:
//
//   article    a schema:NewsArticle; ng:docId; schema:headline; schema:datePublished;
//              schema:url; schema:publisher; schema:mentions each entity
//   entity     a <class>; rdfs:label; skos:altLabel (names that article used)
//   fact       the direct triple "subject predicate object" when asserted (for
//              an open-extraction fact with a text object only when
//              KnowledgeGraph::direct_open_facts()), and
//              always a statement node: a rdf:Statement, ng:Fact; rdf:subject,
//              rdf:predicate, rdf:object; prov:wasDerivedFrom the article;
//              ng:sentenceText; ng:startOffset/ng:endOffset (sentence byte
//              offsets); ng:rule; ng:confidence; ng:modality; ng:relationText;
//              extra roles (ng:recipient...)
//   event      a <class>; rdfs:label; the role properties; ng:participant for
//              every participant/host/guest entity; schema:startDate;
//              schema:location; prov:wasDerivedFrom; ng:sentenceText; offsets;
//              ng:triggerText; ng:rule; ng:confidence; ng:modality
//   met        for an asserted ng:Meeting, "a ng:met b" and "b ng:met a" for
//              every pair of participants (ng:met is symmetric)
//
// Literal values: CR and CRLF become LF (raptor's Turtle writer puts a raw CR
// in a short string, which is invalid Turtle, and XML parsers turn CR into LF
// anyway); other control characters except tab become U+FFFD (not allowed in
// XML). Typed values use the datatype's full IRI.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "graph/knowledge_graph.h"

namespace ng {
enum class RdfFormat;  // rdf/rdf.h
}

namespace ng {

struct RdfTerm {
  enum class Kind : uint8_t { None, Iri, Literal, Blank };
  Kind kind = Kind::None;   // None = unbound (query results)
  std::string value;        // IRI, lexical value, or blank node id
  std::string datatype;     // literal datatype IRI; "" = plain string
  std::string language;     // literal language tag; "" = none
  static RdfTerm iri(std::string v) { return {Kind::Iri, std::move(v), {}, {}}; }
  static RdfTerm literal(std::string v, std::string datatype_iri = {}) {
    return {Kind::Literal, std::move(v), std::move(datatype_iri), {}};
  }
  bool operator==(const RdfTerm& o) const {
    return kind == o.kind && value == o.value && datatype == o.datatype && language == o.language;
  }
};

// Receives one quad: graph is the article IRI.
using QuadSink = std::function<void(const std::string& graph, const RdfTerm& subject,
                                    const RdfTerm& predicate, const RdfTerm& object)>;

// Orders the entities within an article's quads: the rank of an entity node
// (smaller first). Unset = node index, i.e. first seen in the batch first.
using EntityRank = std::function<size_t(int node)>;

// Calls sink once per distinct quad, article by article, in a deterministic
// order. Throws nothing beyond std::bad_alloc and what sink throws.
void emit_quads(const KnowledgeGraph& graph, const QuadSink& sink, const EntityRank& rank = {});

// N-Triples (with_graphs = false: each distinct triple once) or N-Quads
// (with_graphs = true: one named graph per article) written directly from the
// quads, without Redland: about 20 times faster than librdf's writers, which
// matters for a year of news. Follows the N-Triples / N-Quads 1.1 grammar
// (checked by rapper and rdflib in tests/rdf/rdf_test.cc).
std::string to_ntriples(const KnowledgeGraph& graph, bool with_graphs);

// Turtle 1.1 written directly the same way: the known prefixes, then each
// subject once with its distinct statements ("a" for rdf:type, prefixed
// names where the local part is plain, full IRIs otherwise). Same triples as
// to_ntriples(graph, false). Measured on the 295 Wikinews articles, librdf's
// Turtle serializer took 3.3 s of a 9.1 s `build` (this writer: ~0.1 s).
// RDF/XML still goes through librdf.
std::string to_turtle(const KnowledgeGraph& graph);

// Writes N-Quads, N-Triples or Turtle article by article (build streams with
// it), for graphs holding one article each (or a few), given in input
// order. What it writes for a sequence of graphs equals what the whole-batch
// writers write for one graph holding them all:
// - N-Quads and N-Triples: byte for byte (entities keep the order in which
//   the batch first saw them; N-Triples skips triples written before);
// - Turtle: the same triples, but an entity named by several articles gets
//   one subject block per article that adds triples about it (the batch
//   writer groups them in one block, which needs the whole batch).
// Memory: N-Quads keeps the entity order (one IRI per distinct entity);
// N-Triples and Turtle also keep every triple written whose subject belongs
// to no article (entity types, labels, names, met links, facts between
// entities), which is what repeats across articles.
class StreamingRdfWriter {
 public:
  // format: NQuads, NTriples or Turtle; throws ng::Error for another one.
  explicit StreamingRdfWriter(RdfFormat format);
  // What comes before the first article (Turtle's prefixes; "" otherwise).
  std::string header() const;
  // Appends what the articles of `graph` add to the output.
  void write(const KnowledgeGraph& graph, std::string& out);

 private:
  bool seen_before(const std::string& key, size_t subject_length, const std::string& article);
  RdfFormat format_;
  std::unordered_map<std::string, size_t> entity_rank_;  // entity IRI -> first-seen order
  std::unordered_set<std::string> shared_triples_;       // written triples no article owns
};

// Appends t as an N-Triples / N-Quads 1.1 term: <IRI> with forbidden
// characters as \u00XX, "literal" with \" \\ \n \r escaped, then ^^<datatype>
// or @lang; _:id for a blank node.
void append_ntriples_term(std::string& out, const RdfTerm& t);

// CR and CRLF -> LF; control characters other than \t \n (and DEL) -> U+FFFD.
std::string clean_literal(std::string_view s);

}  // namespace ng
