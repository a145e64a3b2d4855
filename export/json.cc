#include "export/json.h"

#include <nlohmann/json.hpp>

namespace ng {

namespace {

using nlohmann::ordered_json;

// A node reference: {"<key>": IRI} for nodes with an IRI, else {"value", "datatype"?}.
void put_ref(ordered_json& j, const KnowledgeGraph& g, int v, const char* key) {
  const GraphNode& n = g.node(v);
  if (n.kind != NodeKind::Literal) {
    j[key] = n.iri;
    return;
  }
  j["value"] = n.label;
  if (!n.cls.empty()) j["datatype"] = n.cls;
}

ordered_json ref_value(const KnowledgeGraph& g, int v) {
  const GraphNode& n = g.node(v);
  return n.kind == NodeKind::Literal ? ordered_json(n.label) : ordered_json(n.iri);
}

void put_provenance(ordered_json& j, const KnowledgeGraph& g, const Provenance& p) {
  j["doc"] = g.articles()[p.article].doc_id;
  // 1-based, as in every other output (triples, --trace-rules).
  j["sentence"] = p.sentence >= 0 ? ordered_json(p.sentence + 1) : ordered_json(nullptr);
  j["sentence_text"] = p.sentence_text;
  j["start"] = p.begin;
  j["end"] = p.end;
  j["confidence"] = p.confidence;
  j["rule"] = p.rule;
  j["modality"] = std::string(to_string(p.modality));
}

}  // namespace

std::string to_json(const KnowledgeGraph& g) {
  ordered_json nodes = ordered_json::array();
  for (size_t i = 0; i < g.node_count(); ++i) {
    const GraphNode& n = g.node(static_cast<int>(i));
    if (n.kind != NodeKind::Entity) continue;
    ordered_json docs = ordered_json::array();
    for (const auto& m : n.mentioned_in) docs.push_back(g.articles()[m.article].doc_id);
    nodes.push_back({{"id", n.iri},
                     {"label", n.label},
                     {"type", n.cls},
                     {"entity_type", std::string(to_string(n.entity_type))},
                     {"aliases", n.aliases},
                     {"docs", std::move(docs)}});
  }
  ordered_json edges = ordered_json::array();
  for (const auto& st : g.statements()) {
    ordered_json e;
    put_ref(e, g, st.subject, "source");
    put_ref(e, g, st.object, "target");
    e["predicate"] = st.predicate;
    put_provenance(e, g, st.provenance);
    e["statement"] = st.iri;
    if (!st.relation_text.empty()) e["relation_text"] = st.relation_text;
    if (!st.extra.empty()) {
      ordered_json extra = ordered_json::object();
      for (const auto& [role, v] : st.extra) extra[role].push_back(ref_value(g, v));
      e["extra"] = std::move(extra);
    }
    edges.push_back(std::move(e));
  }
  for (const auto& link : g.met_links()) {
    const GraphEvent& ev = g.events()[link.event];
    ordered_json e = {{"source", g.node(link.a).iri},
                      {"target", g.node(link.b).iri},
                      {"predicate", "ng:met"},
                      {"derived", true},
                      {"event", g.node(ev.node).iri}};
    put_provenance(e, g, ev.provenance);
    edges.push_back(std::move(e));
  }
  ordered_json events = ordered_json::array();
  for (const auto& ev : g.events()) {
    ordered_json participants = ordered_json::array();
    for (int v : ev.participants) participants.push_back(g.node(v).iri);
    ordered_json roles = ordered_json::array();
    for (const auto& [role, v] : ev.roles) {
      ordered_json r = {{"role", role}};
      put_ref(r, g, v, "id");
      roles.push_back(std::move(r));
    }
    ordered_json e = {{"id", g.node(ev.node).iri},
                      {"class", ev.cls},
                      {"participants", std::move(participants)},
                      {"roles", std::move(roles)},
                      {"date", ev.date.empty() ? ordered_json(nullptr) : ordered_json(ev.date)},
                      {"place", ev.place < 0 ? ordered_json(nullptr) : ref_value(g, ev.place)}};
    put_provenance(e, g, ev.provenance);
    e["trigger"] = ev.trigger_text;
    events.push_back(std::move(e));
  }
  ordered_json articles = ordered_json::array();
  for (const auto& a : g.articles()) {
    articles.push_back({{"id", a.iri},
                        {"doc", a.doc_id},
                        {"title", a.title},
                        {"date", a.date},
                        {"url", a.url},
                        {"publisher", a.publisher < 0 ? ordered_json(nullptr)
                                                      : ordered_json(g.node(a.publisher).iri)}});
  }
  ordered_json doc = {{"nodes", std::move(nodes)},
                      {"edges", std::move(edges)},
                      {"events", std::move(events)},
                      {"articles", std::move(articles)}};
  return doc.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ng
