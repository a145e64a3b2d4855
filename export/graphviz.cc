// The only file that includes boost/graph/graphviz.hpp and graphml.hpp
// (they are heavy to compile).
#include "export/graphviz.h"

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <sstream>

#include "core/utf8.h"
#include "rdf/quads.h"
#include "graph/boost_graph.h"
#include "graph/iri.h"

namespace ng {

namespace {

using graph_internal::Adjacency;
using graph_internal::EdgeKind;
using Vertex = boost::graph_traits<Adjacency>::vertex_descriptor;
using Edge = boost::graph_traits<Adjacency>::edge_descriptor;

struct NodeStyle {
  const char* shape;
  const char* fill;
  const char* extra;
};

NodeStyle style_of(const GraphNode& n) {
  switch (n.kind) {
    case NodeKind::Literal: return {"note", "#f1f3f5", "fontsize=10, fontcolor=\"#495057\""};
    case NodeKind::Article: return {"tab", "#ffffff", ""};
    case NodeKind::Event:
      if (n.cls == "ng:Meeting") return {"diamond", "#ff8a8a", "color=\"#c00000\", penwidth=2"};
      return {"diamond", "#ffe08a", ""};
    case NodeKind::Entity: break;
  }
  switch (n.entity_type) {
    case EntityType::Person: return {"ellipse", "#cfe2ff", ""};
    case EntityType::Org: return {"box", "#ffd8a8", "style=\"filled,rounded\""};
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac: return {"octagon", "#c3e6cb", ""};
    case EntityType::Event: return {"hexagon", "#f8d7da", ""};
    case EntityType::Norp: return {"ellipse", "#dee2e6", ""};
    default: return {"ellipse", "#ffffff", ""};
  }
}

struct VertexWriter {
  const KnowledgeGraph* g;
  const DotOptions* options;
  template <typename V>
  void operator()(std::ostream& out, const V& v) const {
    const GraphNode& n = g->node(static_cast<int>(v));
    NodeStyle s = style_of(n);
    std::string label = n.label;
    bool hedged = false;  // an event reported as not (yet) having happened
    if (n.kind == NodeKind::Event && n.event >= 0) {
      Modality m = g->events()[static_cast<size_t>(n.event)].provenance.modality;
      if (m != Modality::Asserted) {
        hedged = true;
        label += " (" + std::string(to_string(m)) + ")";
      }
    }
    out << " [label=" << dot_quote(shorten(label, options->max_label)) << ", shape=" << s.shape;
    if (hedged) {
      out << ", style=\"filled,dashed\", fillcolor=\"#f1f3f5\", color=\"#868e96\"";
    } else {
      out << ", fillcolor=\"" << s.fill << "\"";
      if (*s.extra) out << ", " << s.extra;
    }
    out << ", tooltip=" << dot_quote(n.iri.empty() ? n.label : n.iri) << "]";
  }
};

struct EdgeWriter {
  const KnowledgeGraph* g;
  const Adjacency* adj;
  template <typename E>
  void operator()(std::ostream& out, const E& e) const {
    const graph_internal::EdgeProps& p = (*adj)[e];
    std::string label(local_name(p.predicate));
    switch (p.kind) {
      case EdgeKind::Met:
        out << " [label=\"met\", color=\"#c00000\", fontcolor=\"#c00000\", penwidth=3, "
               "style=bold, dir=none]";
        return;
      case EdgeKind::Role: {
        bool asserted = g->events()[static_cast<size_t>(p.index)].provenance.modality ==
                        Modality::Asserted;
        const char* colour = asserted ? "#e03131" : "#868e96";
        out << " [label=" << dot_quote(label) << ", color=\"" << colour << "\", fontcolor=\""
            << colour << "\", style=dashed]";
        return;
      }
      case EdgeKind::Location:
        out << " [label=\"location\", color=\"#2b8a3e\", fontcolor=\"#2b8a3e\", style=dotted]";
        return;
      case EdgeKind::Publisher:
        out << " [label=\"publisher\", color=\"#868e96\"]";
        return;
      case EdgeKind::Fact: break;
    }
    const GraphStatement& st = g->statements()[static_cast<size_t>(p.index)];
    if (st.provenance.modality != Modality::Asserted) {
      label += " (" + std::string(to_string(st.provenance.modality)) + ")";
      out << " [label=" << dot_quote(label)
          << ", style=dashed, color=\"#868e96\", fontcolor=\"#868e96\"]";
      return;
    }
    out << " [label=" << dot_quote(label) << "]";
  }
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", overlap=false];\n"
           "node [style=filled, fontname=\"Helvetica\"];\n"
           "edge [fontname=\"Helvetica\", fontsize=10];\n";
  }
};

// Articles (and their publisher edges) are left out, literals on request, and
// so is every node that would be left without an edge.
bool drawable(const KnowledgeGraph& g, Vertex v, bool literals) {
  const GraphNode& n = g.node(static_cast<int>(v));
  if (n.kind == NodeKind::Article) return false;
  return literals || n.kind != NodeKind::Literal;
}

struct KeepEdge {
  const KnowledgeGraph* g = nullptr;
  bool literals = true;
  bool operator()(Edge e) const {
    const Adjacency& adj = g->boost_graph().g;
    return adj[e].kind != EdgeKind::Publisher && drawable(*g, source(e, adj), literals) &&
           drawable(*g, target(e, adj), literals);
  }
};

struct KeepVertex {
  const std::vector<char>* keep = nullptr;
  bool operator()(Vertex v) const { return (*keep)[v] != 0; }
};

const char* kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::Entity: return "entity";
    case NodeKind::Article: return "article";
    case NodeKind::Event: return "event";
    case NodeKind::Literal: return "literal";
  }
  return "entity";
}

const char* kind_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::Fact: return "fact";
    case EdgeKind::Role: return "role";
    case EdgeKind::Location: return "location";
    case EdgeKind::Met: return "met";
    case EdgeKind::Publisher: return "publisher";
  }
  return "fact";
}

}  // namespace

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
        else out += c;
    }
  }
  out += '"';
  return out;
}

std::string shorten(std::string_view s, size_t max) {
  if (max == 0 || code_point_count(s) <= max) return std::string(s);
  size_t i = 0;
  for (size_t k = 0; k + 1 < max && i < s.size(); ++k) next_code_point(s, i);
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

std::string to_dot(const KnowledgeGraph& graph, const DotOptions& options) {
  const Adjacency& g = graph.boost_graph().g;
  KeepEdge ke{&graph, options.literals};
  std::vector<char> keep(boost::num_vertices(g), 0);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (!ke(*it)) continue;
    keep[source(*it, g)] = 1;
    keep[target(*it, g)] = 1;
  }
  KeepVertex kv{&keep};
  boost::filtered_graph<Adjacency, KeepEdge, KeepVertex> fg(g, ke, kv);
  std::ostringstream out;
  boost::write_graphviz(out, fg, VertexWriter{&graph, &options}, EdgeWriter{&graph, &g},
                        GraphWriter{}, get(boost::vertex_index, g));
  return out.str();
}

std::string to_graphml(const KnowledgeGraph& graph) {
  const Adjacency& g = graph.boost_graph().g;
  boost::dynamic_properties dp;
  auto vertex_prop = [&](const char* name, std::string (*fn)(const GraphNode&)) {
    dp.property(name, boost::make_function_property_map<Vertex, std::string>(
                          [&graph, fn](Vertex v) {
                            return clean_literal(fn(graph.node(static_cast<int>(v))));
                          }));
  };
  vertex_prop("kind", [](const GraphNode& n) { return std::string(kind_name(n.kind)); });
  vertex_prop("label", [](const GraphNode& n) { return n.label; });
  vertex_prop("type", [](const GraphNode& n) { return n.cls; });
  vertex_prop("iri", [](const GraphNode& n) { return n.iri; });
  using EdgeFn = std::string (*)(const KnowledgeGraph&, const graph_internal::EdgeProps&);
  auto edge_prop = [&](const char* name, EdgeFn fn) {
    dp.property(name, boost::make_function_property_map<Edge, std::string>(
                          [&graph, &g, fn](Edge e) { return clean_literal(fn(graph, g[e])); }));
  };
  // Provenance of a fact edge, or of the event behind a role/location/met edge.
  static const auto provenance = [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p)
      -> const Provenance* {
    switch (p.kind) {
      case EdgeKind::Fact: return &kg.statements()[static_cast<size_t>(p.index)].provenance;
      case EdgeKind::Role:
      case EdgeKind::Location: return &kg.events()[static_cast<size_t>(p.index)].provenance;
      case EdgeKind::Met: {
        const MetLink& link = kg.met_links()[static_cast<size_t>(p.index)];
        return &kg.events()[static_cast<size_t>(link.event)].provenance;
      }
      case EdgeKind::Publisher: return nullptr;
    }
    return nullptr;
  };
  edge_prop("kind", [](const KnowledgeGraph&, const graph_internal::EdgeProps& p) {
    return std::string(kind_name(p.kind));
  });
  edge_prop("predicate", [](const KnowledgeGraph&, const graph_internal::EdgeProps& p) {
    return p.predicate;
  });
  edge_prop("label", [](const KnowledgeGraph&, const graph_internal::EdgeProps& p) {
    return std::string(local_name(p.predicate));
  });
  edge_prop("doc", [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p) {
    const Provenance* pr = provenance(kg, p);
    if (pr) return kg.articles()[static_cast<size_t>(pr->article)].doc_id;
    return kg.articles()[static_cast<size_t>(p.index)].doc_id;
  });
  edge_prop("confidence", [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p) {
    const Provenance* pr = provenance(kg, p);
    return pr ? format_decimal(pr->confidence) : std::string();
  });
  edge_prop("modality", [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p) {
    const Provenance* pr = provenance(kg, p);
    return pr ? std::string(to_string(pr->modality)) : std::string();
  });
  edge_prop("rule", [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p) {
    const Provenance* pr = provenance(kg, p);
    return pr ? pr->rule : std::string();
  });
  edge_prop("sentence", [](const KnowledgeGraph& kg, const graph_internal::EdgeProps& p) {
    const Provenance* pr = provenance(kg, p);
    return pr ? pr->sentence_text : std::string();
  });
  std::ostringstream out;
  boost::write_graphml(out, g, get(boost::vertex_index, g), dp, true);
  return out.str();
}

}  // namespace ng
