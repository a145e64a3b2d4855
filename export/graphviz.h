// GraphViz DOT and GraphML output of the knowledge graph (through Boost.Graph).
//
// DOT styling: people are light-blue ellipses, organisations orange rounded
// boxes, places green octagons, groups grey ellipses, other entities white;
// literal values (titles, quotes, dates) grey notes; meetings red diamonds
// with dashed red role edges to their participants; the derived `met` links
// bold red undirected edges, so meetings stand out at a glance. Fact edges are
// labelled by the predicate's local name ("presented"); facts that are not
// asserted (negated, future, hypothetical) are dashed and grey with the
// modality in the label, and so are such events. Articles, and nodes left
// without any edge, are left out. Every label is escaped
// (quotes, backslashes, newlines; non-ASCII kept as UTF-8) and long ones are
// shortened with an ellipsis; the full IRI is the SVG tooltip.
#pragma once

#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace ng {

struct DotOptions {
  bool literals = true;        // draw literal values (job titles, quotes) as nodes
  size_t max_label = 60;       // longest label in code points before "…"
};

std::string to_dot(const KnowledgeGraph& graph, const DotOptions& options = {});

// GraphML with every node (kind, label, type, iri) and edge (kind,
// predicate, label, doc, confidence, modality, rule).
std::string to_graphml(const KnowledgeGraph& graph);

// s as a DOT double-quoted string: \ and " escaped, a line break as \n,
// other control characters as spaces.
std::string dot_quote(std::string_view s);
// s shortened to at most max code points, the last being "…" when cut.
std::string shorten(std::string_view s, size_t max);

}  // namespace ng
