#include "export/diagram.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/error.h"
#include "core/utf8.h"
#include "export/graphviz.h"
#include "rdf/ontology.h"

namespace ng {

namespace {

constexpr const char* kMiddleDot = " \xC2\xB7 ";  // " · "

DiagramKind kind_of(const GraphNode& n) {
  if (n.kind == NodeKind::Literal) return DiagramKind::Literal;
  switch (n.entity_type) {
    case EntityType::Person: return DiagramKind::Person;
    case EntityType::Org: return DiagramKind::Organisation;
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac: return DiagramKind::Place;
    case EntityType::Norp: return DiagramKind::Group;
    default: return DiagramKind::Other;
  }
}

struct KindStyle {
  const char* name;   // legend text
  const char* shape;
  const char* fill;
  const char* extra;  // more DOT attributes, or ""
};

KindStyle style_of(DiagramKind k) {
  switch (k) {
    case DiagramKind::Person: return {"person", "ellipse", "#cfe2ff", ""};
    case DiagramKind::Organisation:
      return {"organisation", "box", "#ffd8a8", "style=\"filled,rounded\""};
    case DiagramKind::Place: return {"place", "octagon", "#c3e6cb", ""};
    case DiagramKind::Group: return {"group of people", "ellipse", "#dee2e6", ""};
    case DiagramKind::Other: return {"other", "ellipse", "#ffffff", ""};
    case DiagramKind::Literal:
      return {"value (title, quote)", "note", "#f1f3f5", "fontsize=10, fontcolor=\"#495057\""};
  }
  return {"other", "ellipse", "#ffffff", ""};
}

// Words of s on lines of at most `width` code points; a word longer than
// that is split. Lines joined by '\n'.
std::string wrap(std::string_view s, size_t width) {
  std::vector<std::string> lines(1);
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string word(s.substr(i, j - i));
    i = j + 1;
    if (word.empty()) continue;
    while (code_point_count(word) > width) {
      if (!lines.back().empty()) lines.emplace_back();
      size_t cut = 0;
      for (size_t k = 0; k < width; ++k) next_code_point(word, cut);
      lines.back() = word.substr(0, cut);
      lines.emplace_back();
      word = word.substr(cut);
    }
    std::string& line = lines.back();
    if (!line.empty() && code_point_count(line) + 1 + code_point_count(word) > width)
      lines.push_back(word);
    else
      line += (line.empty() ? "" : " ") + word;
  }
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// An edge of the source, equal ones merged (count).
struct Candidate {
  int a = -1, b = -1;  // source node indices
  std::string label;
  bool meeting = false;
  bool hedged = false;
  size_t count = 1;
};

std::string hedge_suffix(Modality m) {
  return m == Modality::Asserted ? "" : " (" + std::string(to_string(m)) + ")";
}

bool drawable_fact(const KnowledgeGraph& g, const GraphStatement& st, bool literals) {
  const GraphNode& s = g.node(st.subject);
  const GraphNode& o = g.node(st.object);
  if (s.kind != NodeKind::Entity || st.subject == st.object) return false;
  if (o.kind == NodeKind::Literal) return literals && st.predicate != "schema:jobTitle";
  if (o.kind != NodeKind::Entity) return false;
  return literals || st.predicate != "ng:relation";
}

// The graph's entities (and literals with `literals`), meetings and facts.
struct SourceBuilder {
  const KnowledgeGraph& g;
  DiagramSource source;
  std::map<int, int> index;  // graph node -> source node

  explicit SourceBuilder(const KnowledgeGraph& graph) : g(graph) {}

  int node(int v) {
    auto [it, fresh] = index.try_emplace(v, static_cast<int>(source.nodes.size()));
    if (fresh) {
      const GraphNode& n = g.node(v);
      source.nodes.push_back({n.label, n.iri, n.aliases, kind_of(n), ""});
    }
    return it->second;
  }

  void meetings() {
    for (const auto& ev : g.events()) {
      if (ev.cls != "ng:Meeting") continue;
      Modality m = ev.provenance.modality;
      std::string label = meeting_label(std::string(to_string(m)), ev.date,
                                        ev.place >= 0 ? g.node(ev.place).label : "");
      for (size_t i = 0; i < ev.participants.size(); ++i)
        for (size_t j = i + 1; j < ev.participants.size(); ++j)
          if (ev.participants[i] != ev.participants[j])
            source.edges.push_back({node(ev.participants[i]), node(ev.participants[j]), label,
                                    true, m != Modality::Asserted});
    }
  }

  void facts(const DiagramOptions& o) {
    for (const auto& st : g.statements()) {
      if (!drawable_fact(g, st, o.literals)) continue;
      std::string label = st.predicate == "ng:relation" && !st.relation_text.empty()
                              ? st.relation_text
                              : term_in_words(st.predicate);
      label = shorten(label, o.max_label) + hedge_suffix(st.provenance.modality);
      source.edges.push_back({node(st.subject), node(st.object), label, false,
                              st.provenance.modality != Modality::Asserted});
    }
  }

  void job_titles() {
    for (const auto& st : g.statements()) {
      auto it = index.find(st.subject);
      if (it == index.end() || st.predicate != "schema:jobTitle" ||
          st.provenance.modality != Modality::Asserted ||
          g.node(st.object).kind != NodeKind::Literal)
        continue;
      DiagramSource::Node& n = source.nodes[static_cast<size_t>(it->second)];
      if (n.kind == DiagramKind::Person && n.job_title.empty())
        n.job_title = g.node(st.object).label;
    }
  }
};

// Every edge the diagram could draw, equal ones merged (count).
std::vector<Candidate> candidates(const DiagramSource& s, const DiagramOptions& o) {
  std::map<std::tuple<int, int, std::string, bool>, Candidate> merged;
  for (const auto& e : s.edges) {
    if (o.meetings_only && !e.meeting) continue;
    if (e.a == e.b) continue;
    Candidate c{e.a, e.b, e.label, e.meeting, e.hedged};
    if (c.meeting && c.b < c.a) std::swap(c.a, c.b);
    auto [it, fresh] = merged.try_emplace({c.a, c.b, c.label, c.meeting}, c);
    if (!fresh) ++it->second.count;
  }
  std::vector<Candidate> out;
  for (auto& [k, c] : merged) out.push_back(std::move(c));
  return out;
}

int find_focus(const DiagramSource& s, const std::string& focus) {
  const std::string want = to_lower(focus);
  int by_alias = -1;
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const DiagramSource::Node& n = s.nodes[i];
    if (n.kind == DiagramKind::Literal) continue;
    if (to_lower(n.label) == want || n.iri == focus) return static_cast<int>(i);
    for (const auto& a : n.aliases)
      if (by_alias < 0 && to_lower(a) == want) by_alias = static_cast<int>(i);
  }
  if (by_alias >= 0) return by_alias;
  throw Error("render: --focus '" + focus + "' names no entity of the graph (give a name as " +
              "`newsgraph entities` prints it)");
}

// Nodes within `depth` edges of `start`.
std::set<int> neighbourhood(const std::vector<Candidate>& edges, int start, int depth) {
  std::set<int> seen = {start};
  std::vector<int> frontier = {start};
  for (int d = 0; d < depth && !frontier.empty(); ++d) {
    std::vector<int> next;
    for (const auto& e : edges) {
      for (auto [x, y] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}})
        if (std::find(frontier.begin(), frontier.end(), x) != frontier.end() &&
            seen.insert(y).second)
          next.push_back(y);
    }
    frontier = std::move(next);
  }
  return seen;
}

std::string node_label(const DiagramSource::Node& n, const DiagramOptions& o) {
  if (n.kind == DiagramKind::Literal) return wrap(shorten(n.label, 3 * o.max_label), o.max_label);
  std::string label = wrap(n.label, o.max_label);
  if (!o.literals && !n.job_title.empty() && code_point_count(n.job_title) <= o.max_label)
    label += "\n" + n.job_title;
  return label;
}

std::string left_out_note(const std::vector<std::string>& names, size_t total) {
  if (names.empty()) return "";
  std::string note = std::to_string(total - names.size()) + " of " + std::to_string(total) +
                     " entities drawn (the most connected); left out: ";
  for (size_t i = 0; i < names.size() && i < 5; ++i) note += (i ? ", " : "") + names[i];
  if (names.size() > 5) note += " and " + std::to_string(names.size() - 5) + " more";
  return note + " (--max-nodes 0 draws all)";
}

// The nodes to draw, most connected first: the focus, then meeting
// participants and by weighted degree (a meeting counts 3), then by name.
std::vector<int> ranked_nodes(const DiagramSource& s, const std::vector<Candidate>& edges,
                              std::map<int, size_t>& degree, int focus) {
  std::map<int, size_t> weight;
  for (const auto& e : edges) {
    for (int v : {e.a, e.b}) {
      degree[v] += 1;
      weight[v] += e.meeting ? 3 : 1;
    }
  }
  std::vector<int> order;
  for (const auto& [v, w] : weight) order.push_back(v);
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    if ((x == focus) != (y == focus)) return x == focus;
    if (weight[x] != weight[y]) return weight[x] > weight[y];
    return s.nodes[static_cast<size_t>(x)].label < s.nodes[static_cast<size_t>(y)].label;
  });
  return order;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string graph_title(const KnowledgeGraph& g) {
  const auto& arts = g.articles();
  if (arts.empty()) return "newsgraph";
  if (arts.size() == 1) {
    const GraphArticle& a = arts[0];
    if (!a.title.empty()) return a.title;
    std::string source = a.publisher >= 0 ? g.node(a.publisher).label : a.doc_id;
    return a.date.empty() ? source : source + kMiddleDot + a.date;
  }
  std::string first, last;
  for (const auto& a : arts) {
    if (a.date.empty()) continue;
    if (first.empty() || a.date < first) first = a.date;
    if (last.empty() || a.date > last) last = a.date;
  }
  std::string title = std::to_string(arts.size()) + " articles";
  if (!first.empty()) title += ", " + first + (first == last ? "" : " to " + last);
  return title;
}

std::string meeting_label(const std::string& modality, const std::string& date,
                          const std::string& place) {
  std::string label = "met";
  if (!modality.empty() && modality != "asserted") label += " (" + modality + ")";
  if (!date.empty()) label += kMiddleDot + date;
  if (!place.empty()) label += kMiddleDot + place;
  return label;
}

Diagram make_diagram(const KnowledgeGraph& g, const DiagramOptions& o) {
  SourceBuilder b(g);
  b.meetings();
  if (!o.meetings_only) b.facts(o);
  b.job_titles();
  b.source.title = graph_title(g);
  return make_diagram(b.source, o);
}

Diagram make_diagram(const DiagramSource& s, const DiagramOptions& o) {
  std::vector<Candidate> edges = candidates(s, o);
  int focus = o.focus.empty() ? -1 : find_focus(s, o.focus);
  if (focus >= 0) {
    std::set<int> near = neighbourhood(edges, focus, std::max(o.depth, 0));
    std::erase_if(edges, [&](const Candidate& e) { return !near.count(e.a) || !near.count(e.b); });
  }
  std::map<int, size_t> degree;
  std::vector<int> order = ranked_nodes(s, edges, degree, focus);
  size_t limit = o.max_nodes == 0 ? order.size() : std::min(o.max_nodes, order.size());
  std::map<int, int> index;  // source node -> diagram node
  for (size_t i = 0; i < limit; ++i) index[order[i]] = static_cast<int>(i);
  Diagram d;
  d.title = s.title;
  if (o.meetings_only) d.title += std::string(kMiddleDot) + "meetings";
  if (focus >= 0) d.title += std::string(kMiddleDot) + "around " + s.nodes[focus].label;
  std::vector<char> used(limit, 0);
  for (const auto& e : edges) {
    auto a = index.find(e.a), b = index.find(e.b);
    if (a == index.end() || b == index.end()) continue;
    d.edges.push_back({a->second, b->second, e.label, e.meeting, e.hedged, e.count});
    if (e.count > 1 && !e.meeting) d.edges.back().label += " (" + std::to_string(e.count) + "×)";
    used[a->second] = used[b->second] = 1;
  }
  std::vector<int> remap(limit, -1);
  std::vector<std::string> left_out;
  size_t entities = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const DiagramSource::Node& n = s.nodes[static_cast<size_t>(order[i])];
    bool entity = n.kind != DiagramKind::Literal;
    entities += entity;
    if (i >= limit || !used[i]) {
      if (entity) left_out.push_back(n.label);
      continue;
    }
    remap[i] = static_cast<int>(d.nodes.size());
    std::string tooltip = n.iri.empty() ? n.label : n.label + " <" + n.iri + ">";
    d.nodes.push_back({order[i], node_label(n, o), tooltip, n.kind, degree[order[i]]});
  }
  for (auto& e : d.edges) e.from = remap[e.from], e.to = remap[e.to];
  d.note = left_out_note(left_out, entities);
  return d;
}

namespace {

// s with control characters (line breaks too) as spaces.
std::string printable(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return s;
}

// The caption: title, legend of the kinds drawn, note. An HTML-like label.
std::string caption(const Diagram& d) {
  std::set<DiagramKind> kinds;
  bool meetings = false, hedged = false;
  for (const auto& n : d.nodes) kinds.insert(n.kind);
  for (const auto& e : d.edges) meetings |= e.meeting, hedged |= e.hedged;
  std::string legend;
  for (DiagramKind k : kinds) {
    KindStyle s = style_of(k);
    // Fixed size: a legend cell must not stretch to the width of the title.
    size_t width = 16 + 9 * std::string_view(s.name).size();
    legend += std::string("<td border=\"1\" fixedsize=\"true\" height=\"26\" width=\"") +
              std::to_string(width) + "\" bgcolor=\"" + s.fill + "\">" + s.name + "</td>";
  }
  if (meetings) legend += "<td><font color=\"#c00000\"><b>\xE2\x80\x94 met</b></font></td>";
  if (hedged) legend += "<td><font color=\"#868e96\">- - - not (yet) happened</font></td>";
  std::string title;
  for (char c : html_escape(wrap(printable(d.title), 70)))
    title += c == '\n' ? std::string("<br/>") : std::string(1, c);
  std::string out = "<<table border=\"0\" cellspacing=\"4\" cellpadding=\"3\">"
                    "<tr><td align=\"left\"><font point-size=\"18\"><b>" + title +
                    "</b></font></td></tr>"
                    "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"4\"><tr>" + legend +
                    "</tr></table></td></tr>";
  if (!d.note.empty())
    out += "<tr><td align=\"left\"><font point-size=\"10\" color=\"#495057\">" +
           html_escape(printable(d.note)) + "</font></td></tr>";
  return out + "</table>>";
}

}  // namespace

std::string diagram_to_dot(const Diagram& d) {
  std::string out = "digraph newsgraph {\n";
  out += "graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", labelloc=t, "
         "labeljust=l, nodesep=0.35, ranksep=0.7, pad=0.3, label=" + caption(d) + "];\n";
  out += "node [style=filled, fontname=\"Helvetica\", fontsize=12, margin=\"0.15,0.06\"];\n";
  out += "edge [fontname=\"Helvetica\", fontsize=10, color=\"#495057\", fontcolor=\"#343a40\"];\n";
  for (size_t i = 0; i < d.nodes.size(); ++i) {
    const DiagramNode& n = d.nodes[i];
    KindStyle s = style_of(n.kind);
    out += "n" + std::to_string(i) + " [label=" + dot_quote(n.label) + ", shape=" + s.shape +
           ", fillcolor=\"" + s.fill + "\"" + (*s.extra ? std::string(", ") + s.extra : "") +
           ", tooltip=" + dot_quote(n.tooltip) + "];\n";
  }
  for (const auto& e : d.edges) {
    out += "n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) +
           " [label=" + dot_quote(e.label);
    if (e.meeting)
      out += e.hedged ? ", color=\"#e599a0\", fontcolor=\"#c92a2a\", style=dashed, dir=none"
                      : ", color=\"#c00000\", fontcolor=\"#c00000\", penwidth=2.5, dir=none";
    else if (e.hedged)
      out += ", style=dashed, color=\"#868e96\", fontcolor=\"#868e96\"";
    out += "];\n";
  }
  return out + "}\n";
}

}  // namespace ng
