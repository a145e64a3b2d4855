// The diagram people read (`newsgraph render`): a selection of the knowledge
// graph drawn for a reader, not a dump of it.
//
// By default it holds the entities and the typed relations between them
// (predicates in words from the ontology's rdfs:label: "holds office in"),
// meetings as red edges labelled "met · 2024-05-06 · Baku" (one per meeting and
// pair), at most max_nodes entities (most connected first, meeting
// participants before others) and a caption: the title (the article's
// headline, else its source and date), a legend of the node kinds drawn and a
// note of what was left out. Literal values (titles, quotes) and open
// extraction's untyped "relation" edges come back with `literals`. No label is
// cut: names over max_label code points are wrapped onto lines.
//
// `focus` keeps the entities within `depth` edges of the entity so named
// (its name, an alias or its IRI; case-insensitive); `meetings_only` keeps
// meeting edges only. Both are meant for corpora.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace ng {

struct DiagramOptions {
  bool literals = false;       // literal values and untyped relations as well
  size_t max_nodes = 20;       // most entities drawn; 0 = all
  std::string focus;           // "" = the whole graph
  int depth = 1;               // with focus: how many edges away
  bool meetings_only = false;  // only meetings (and who took part)
  size_t max_label = 40;       // longest label line, in code points
};

// Node kinds, shown in the legend in this order.
enum class DiagramKind { Person, Organisation, Place, Group, Other, Literal };

// What a diagram is drawn from: the nodes it may show and every edge it could
// draw (equal edges are merged when drawn). Made from a KnowledgeGraph by
// make_diagram, or from a graph file (export/diagram_rdf.h).
struct DiagramSource {
  struct Node {
    std::string label;
    std::string iri;                   // "" for a literal value
    std::vector<std::string> aliases;  // other names (for --focus)
    DiagramKind kind = DiagramKind::Other;
    std::string job_title;             // people: drawn as a second line; "" = none
  };
  struct Edge {
    int a = -1, b = -1;                // indices into nodes; a -> b
    std::string label;                 // "holds office in", "met · 2024-05-06 · Moscow"
    bool meeting = false;              // drawn undirected, red
    bool hedged = false;               // not asserted: dashed
  };
  std::string title;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// "met", plus " (future)" for a modality other than "asserted", " · date" and
// " · place" when known.
std::string meeting_label(const std::string& modality, const std::string& date,
                          const std::string& place);

struct DiagramNode {
  int node = -1;           // index into DiagramSource::nodes
  std::string label;       // lines joined by '\n', none over max_label
  std::string tooltip;     // full name, IRI
  DiagramKind kind = DiagramKind::Other;
  size_t degree = 0;       // edges in the candidate diagram (before the limit)
};

struct DiagramEdge {
  int from = -1, to = -1;  // indices into Diagram::nodes
  std::string label;       // "holds office in", "met · 2024-05-06 · Moscow"
  bool meeting = false;
  bool hedged = false;     // not asserted (negated, future, hypothetical): dashed
  size_t count = 1;        // facts merged into this edge
};

struct Diagram {
  std::string title;                 // one line
  std::string note;                  // what was left out; "" = nothing
  std::vector<DiagramNode> nodes;    // the kept ones, most connected first
  std::vector<DiagramEdge> edges;
};

// Throws ng::Error when `focus` names no entity of the graph.
Diagram make_diagram(const KnowledgeGraph& graph, const DiagramOptions& options);
Diagram make_diagram(const DiagramSource& source, const DiagramOptions& options);

// DOT of the diagram: the caption (title, legend, note) is the graph's own
// HTML-like label, so every DOT node is an entity (or a literal).
std::string diagram_to_dot(const Diagram& diagram);

// The title of a set of articles: one article's headline, else its source and
// date ("News.Az · 2024-05-06"), else its document id; for several, "N
// articles" with their date range.
std::string graph_title(const KnowledgeGraph& graph);

// s with &, <, >, " and ' as HTML character references.
std::string html_escape(std::string_view s);

}  // namespace ng
