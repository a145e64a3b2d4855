// INTERNAL: the Boost adjacency_list behind KnowledgeGraph. Include only from
// graph/*.cc and export/graphviz.cc (Boost.Graph is heavy to compile).
//
// Vertex i is KnowledgeGraph::node(i) (vecS: descriptors are indices).
// Edges, all directed:
//   Fact       subject -> object of statements()[index]
//   Role       event -> participant, predicate = role CURIE, events()[index]
//   Location   event -> place (schema:location), events()[index]
//   Met        a -> b (ng:met), one edge per unordered pair, met_links()[index] is
//              the first meeting that linked them
//   Publisher  article -> organisation (schema:publisher), articles()[index]
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>

#include "graph/knowledge_graph.h"

namespace ng::graph_internal {

enum class EdgeKind : uint8_t { Fact, Role, Location, Met, Publisher };

struct EdgeProps {
  EdgeKind kind = EdgeKind::Fact;
  std::string predicate;  // CURIE ("ng:presented", "ng:participant", "ng:met")
  int index = -1;         // into statements() / events() / met_links() / articles(), by kind
};

using Adjacency = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        GraphNode, EdgeProps>;

struct BoostGraph {
  Adjacency g;
};

}  // namespace ng::graph_internal
