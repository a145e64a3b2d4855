#include "export/html.h"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "export/diagram.h"
#include "rdf/ontology.h"

namespace ng {

namespace assets {
// Generated from the files named in CMakeLists.txt (cmake/embed_assets.cmake).
extern const std::string_view cytoscape_js;       // third_party/cytoscape/cytoscape.min.js
extern const std::string_view cytoscape_license;  // third_party/cytoscape/LICENSE
extern const std::string_view viewer_js;          // export/assets/viewer.js
extern const std::string_view viewer_css;         // export/assets/viewer.css
}  // namespace assets

namespace {

using nlohmann::ordered_json;

const char* kind_name(const GraphNode& n) {
  switch (n.entity_type) {
    case EntityType::Person: return "person";
    case EntityType::Org: return "organisation";
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac: return "place";
    case EntityType::Norp: return "group";
    default: return "other";
  }
}

// Builds the page's data: entities, edges between them with their evidence,
// facts with a literal value, meetings, articles and the sentences they cite
// (each sentence once).
struct DataBuilder {
  explicit DataBuilder(const KnowledgeGraph& graph) : g(graph) {}
  const KnowledgeGraph& g;
  std::map<int, int> entity_index;  // graph node -> index in "nodes"
  std::map<std::string, int> sentence_index;
  ordered_json sentences = ordered_json::array();
  ordered_json nodes = ordered_json::array();
  std::map<std::tuple<int, int, std::string, bool>, ordered_json> edges;
  ordered_json facts = ordered_json::array();
  ordered_json meetings = ordered_json::array();

  int sentence(const std::string& text) {
    auto [it, fresh] = sentence_index.try_emplace(text, static_cast<int>(sentences.size()));
    if (fresh) sentences.push_back(text);
    return it->second;
  }

  ordered_json evidence(const Provenance& p) {
    return {{"article", p.article},
            {"sentence", sentence(p.sentence_text)},
            {"rule", p.rule},
            {"confidence", p.confidence},
            {"modality", std::string(to_string(p.modality))}};
  }

  void add_entities() {
    for (size_t i = 0; i < g.node_count(); ++i) {
      const GraphNode& n = g.node(static_cast<int>(i));
      if (n.kind != NodeKind::Entity) continue;
      ordered_json arts = ordered_json::array();
      for (const auto& m : n.mentioned_in) arts.push_back(m.article);
      entity_index[static_cast<int>(i)] = static_cast<int>(nodes.size());
      nodes.push_back({{"label", n.label},
                       {"kind", kind_name(n)},
                       {"iri", n.iri},
                       {"aliases", n.aliases},
                       {"articles", std::move(arts)}});
    }
  }

  void add_edge(int a, int b, const std::string& label, bool meeting, ordered_json ev) {
    auto key = std::make_tuple(entity_index.at(a), entity_index.at(b), label, meeting);
    auto [it, fresh] = edges.try_emplace(key);
    if (fresh)
      it->second = {{"source", std::get<0>(key)},
                    {"target", std::get<1>(key)},
                    {"label", label},
                    {"meeting", meeting},
                    {"evidence", ordered_json::array()}};
    it->second["evidence"].push_back(std::move(ev));
  }

  void add_facts() {
    for (const auto& st : g.statements()) {
      const GraphNode& s = g.node(st.subject);
      const GraphNode& o = g.node(st.object);
      if (s.kind != NodeKind::Entity) continue;
      std::string label = st.predicate == "ng:relation" && !st.relation_text.empty()
                              ? st.relation_text
                              : term_in_words(st.predicate);
      ordered_json ev = evidence(st.provenance);
      if (o.kind == NodeKind::Entity && st.subject != st.object) {
        add_edge(st.subject, st.object, label, false, std::move(ev));
      } else if (o.kind == NodeKind::Literal) {
        ev["node"] = entity_index.at(st.subject);
        ev["label"] = label;
        ev["value"] = o.label;
        facts.push_back(std::move(ev));
      }
    }
  }

  void add_meetings() {
    for (const auto& e : g.events()) {
      if (e.cls != "ng:Meeting") continue;
      std::string place = e.place >= 0 ? g.node(e.place).label : "";
      for (size_t i = 0; i < e.participants.size(); ++i) {
        for (size_t j = i + 1; j < e.participants.size(); ++j) {
          int a = e.participants[i], b = e.participants[j];
          if (a == b || !entity_index.count(a) || !entity_index.count(b)) continue;
          if (g.node(b).label < g.node(a).label) std::swap(a, b);
          ordered_json ev = evidence(e.provenance);
          ev["date"] = e.date;
          ev["place"] = place;
          ordered_json row = ev;
          row["a"] = entity_index.at(a);
          row["b"] = entity_index.at(b);
          meetings.push_back(std::move(row));
          add_edge(a, b, "met", true, std::move(ev));
        }
      }
    }
  }

  ordered_json articles() const {
    ordered_json out = ordered_json::array();
    for (const auto& a : g.articles())
      out.push_back({{"doc", a.doc_id},
                     {"title", a.title},
                     {"date", a.date},
                     {"url", a.url},
                     {"source", a.publisher >= 0 ? g.node(a.publisher).label : ""}});
    return out;
  }
};

}  // namespace

std::string viewer_json(const KnowledgeGraph& g) {
  DataBuilder b(g);
  b.add_entities();
  b.add_facts();
  b.add_meetings();
  ordered_json edges = ordered_json::array();
  for (auto& [key, e] : b.edges) edges.push_back(std::move(e));
  ordered_json doc = {{"title", graph_title(g)},
                      {"articles", b.articles()},
                      {"nodes", std::move(b.nodes)},
                      {"edges", std::move(edges)},
                      {"facts", std::move(b.facts)},
                      {"meetings", std::move(b.meetings)},
                      {"sentences", std::move(b.sentences)}};
  return doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
             (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string to_html(const KnowledgeGraph& g) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: no network, no inline-script injection from data.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(graph_title(g)) + " \xE2\x80\x94 newsgraph</title>\n";
  out += "<style>\n" + std::string(assets::viewer_css) + "</style>\n</head>\n<body>\n";
  out += "<header><h1 id=\"title\">" + html_escape(graph_title(g)) + "</h1>"
         "<input id=\"search\" type=\"search\" list=\"names\" placeholder=\"Search a name\" "
         "autocomplete=\"off\"><datalist id=\"names\"></datalist>"
         "<button id=\"overview\" type=\"button\">Overview</button>"
         "<span id=\"status\"></span></header>\n";
  out += "<main><div id=\"graph\"></div><aside id=\"details\"><p class=\"hint\">Click a name or "
         "a line to see the sentences behind it.</p></aside></main>\n";
  out += "<section id=\"meetings\"><h2>Meetings</h2><div id=\"timeline\"></div>"
         "<table id=\"meeting-table\"><thead><tr><th>Who</th><th>Whom</th><th>Date</th>"
         "<th>Place</th><th>Article</th></tr></thead><tbody></tbody></table></section>\n";
  out += "<footer>Made with newsgraph. Drawn with Cytoscape.js 3.33.1 (MIT licence, "
         "included below).</footer>\n";
  out += "<script type=\"application/json\" id=\"graph-data\">" + json_for_script(viewer_json(g)) +
         "</script>\n";
  out += "<script>\n/*\n" + std::string(assets::cytoscape_license) + "*/\n";
  out += std::string(assets::cytoscape_js) + "\n</script>\n";
  out += "<script>\n" + std::string(assets::viewer_js) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace ng
