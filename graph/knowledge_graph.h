// The knowledge graph: many Documents merged into one graph of entities,
// articles, events and literal values, joined by fact, role and derived
// `met` edges, each edge traceable to its article and sentence.
//
// Identity: entities merge by IRI (graph/iri.h), so the same person found in
// two articles is one node whose aliases are the union of both articles'.
// Provenance: every fact and event keeps the article, the sentence (text and
// byte offsets), the rule that fired, a confidence and a modality.
//
// Storage is a Boost adjacency_list (graph/boost_graph.h, internal). This
// header exposes plain structs indexed by node / statement / event number, so
// exporters need neither Boost nor librdf.
//
// Thread-safety: add() mutates and must not run concurrently with anything
// else; the const accessors are safe to call from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace ng {

namespace graph_internal {
struct BoostGraph;  // graph/boost_graph.h
}

enum class NodeKind : uint8_t {
  Entity,   // a person, organisation, place... (IRI from its type and name)
  Article,  // a schema:NewsArticle (one per added Document)
  Event,    // an n-ary event node (ng:Meeting, ng:Visit...)
  Literal   // a value (a job title, a quote, a date); iri is ""
};

// Where an entity was mentioned: one entry per article.
struct EntityMention {
  int article = -1;                  // index into KnowledgeGraph::articles()
  std::vector<std::string> aliases;  // names that article uses, canonical name included; sorted
  std::string name;                  // the canonical name that article gives it
  EntityType type = EntityType::Other;  // the type that article gives it
};

struct GraphNode {
  NodeKind kind = NodeKind::Entity;
  std::string iri;         // absolute IRI; "" for literals
  // Entities: the canonical name and type most articles give (so they may
  // change as articles are added); each article's own are in mentioned_in.
  std::string label;       // rdfs:label: canonical name / headline / literal lexical value
  std::string cls;         // class CURIE ("schema:Person", "ng:Meeting"); for a literal its
                           // datatype CURIE ("xsd:date"), "" = plain string
  EntityType entity_type = EntityType::Other;  // entities only
  std::vector<std::string> aliases;            // entities: skos:altLabel, all articles; sorted
  std::vector<EntityMention> mentioned_in;     // entities: articles mentioning it, in add order
  int article = -1;  // articles: index into articles(); events: the source article
  int event = -1;    // events: index into events()
};

// Where a fact or event was read.
struct Provenance {
  int article = -1;             // index into KnowledgeGraph::articles()
  int sentence = -1;            // sentence index in the source Document; -1 = unknown
  std::string sentence_text;    // the sentence as written
  uint32_t begin = 0;           // byte offset of the sentence in the Document text
  uint32_t end = 0;             // one past its last byte
  std::string rule;             // id of the rule that fired
  double confidence = 0.0;      // 0..1
  Modality modality = Modality::Asserted;
};

struct GraphArticle {
  int node = -1;            // index of the article node
  std::string iri;          // article IRI (article_iri: id and text hash)
  std::string graph;        // IRI of the named graph of what was read from it (graph_iri)
  std::string doc_id;       // Document::id, kept as ng:docId
  std::string title;        // schema:headline; "" = unknown
  std::string date;         // ISO publication date; "" = unknown
  std::string url;          // schema:url; "" = unknown
  int publisher = -1;       // node of the publishing organisation; -1 = unknown
};

// One extracted fact, subject -predicate-> object.
struct GraphStatement {
  std::string iri;          // IRI of its rdf:Statement node (statement_iri)
  int subject = -1;         // node index
  std::string predicate;    // CURIE ("ng:presented")
  int object = -1;          // node index
  std::string relation_text;  // surface relation words; "" = none
  std::vector<std::pair<std::string, int>> extra;  // role CURIE -> node (e.g. ng:recipient)
  Provenance provenance;
};

struct GraphEvent {
  int node = -1;            // index of the event node (its IRI is there)
  std::string cls;          // class CURIE ("ng:Meeting")
  std::vector<std::pair<std::string, int>> roles;  // role CURIE -> node, as extracted; each pair once
  std::vector<int> participants;  // distinct entity nodes in participant/host/guest roles
  std::string date;         // ISO date, possibly partial; "" = unknown
  int place = -1;           // node of the place; -1 = unknown
  std::string trigger_text; // the trigger words
  Provenance provenance;
};

// A derived symmetric ng:met link from an asserted ng:Meeting.
struct MetLink {
  int a = -1, b = -1;       // entity nodes; label(a) <= label(b)
  int event = -1;           // index into events()
};

class KnowledgeGraph {
 public:
  // base_iri must pass check_base_iri (graph/iri.h); throws ng::Error otherwise.
  explicit KnowledgeGraph(std::string base_iri = "https://w3id.org/newsgraph/id/");
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Merges one Document's entities, facts and events. Facts and events whose
  // arguments are missing or unnamed are skipped (counted in skipped()). The
  // graph states only the document's facts: role facts (schema:jobTitle,
  // ng:holdsOfficeIn) are made once, by the extraction stage, from
  // Entity::roles (extraction/relation_extractor.h). A schema:publisher fact
  // about the article with a name as object points to that organisation. Throws ng::Error, leaving
  // the graph unchanged, when a document with the same id was added before or a
  // predicate/class CURIE cannot be expanded (unknown prefix).
  void add(const Document& doc);

  const std::string& base_iri() const;
  size_t node_count() const;
  const GraphNode& node(int index) const;
  // Node index of an IRI, or -1.
  int find(std::string_view iri) const;

  const std::vector<GraphArticle>& articles() const;
  const std::vector<GraphStatement>& statements() const;
  const std::vector<GraphEvent>& events() const;
  // Derived links, one per unordered pair of participants per asserted ng:Meeting.
  const std::vector<MetLink>& met_links() const;
  // Number of facts and events dropped by add() because an argument was unusable.
  size_t skipped() const;

  // Whether open-extraction facts with a text object ("X ng:relation 'some
  // words'") are also stated as direct triples of the entity graph. Off by
  // default: they stay available as reified ng:Fact records (and in
  // `triples`), so the entity graph holds typed relations between things.
  void set_direct_open_facts(bool on) { direct_open_facts_ = on; }
  bool direct_open_facts() const { return direct_open_facts_; }

  // The Boost graph (vertex i = node(i)); for graph/*.cc and export/graphviz.cc.
  const graph_internal::BoostGraph& boost_graph() const;

  struct Impl;  // the graph's state; defined and used in knowledge_graph.cc only

 private:
  std::unique_ptr<Impl> impl_;
  bool direct_open_facts_ = false;
};

// The class CURIE of an entity type ("schema:Person", "schema:Place" for
// GPE, LOC and FAC, "ng:Group" for NORP, "schema:Thing" for the rest).
std::string_view entity_class(EntityType type);

// "literal value" formatting helpers shared by exporters.
// XSD datatype CURIE for an Argument datatype name ("" -> "", "date" ->
// "xsd:date", "gYear" -> "xsd:gYear", "schema:Text" kept); a date-like value
// whose lexical form does not fit xsd:date is typed by its shape (gYearMonth,
// gYear) or left plain, so the RDF stays valid.
std::string literal_datatype(std::string_view datatype, std::string_view value);
// Shortest decimal form of a confidence ("0.85", "1.0"), for xsd:decimal.
std::string format_decimal(double value);

}  // namespace ng
