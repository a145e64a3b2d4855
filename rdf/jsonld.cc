#include "rdf/jsonld.h"

#include <map>
#include <nlohmann/json.hpp>

#include "rdf/quads.h"
#include "graph/iri.h"

namespace ng {

std::string to_jsonld(const KnowledgeGraph& graph) {
  using nlohmann::ordered_json;
  const std::string rdf_type = expand_curie("rdf:type");
  ordered_json context = ordered_json::object();
  for (auto ns = namespaces_begin(); ns != namespaces_end(); ++ns)
    context[std::string(ns->prefix)] = std::string(ns->iri);

  ordered_json graphs = ordered_json::array();
  std::string current;
  // subject IRI -> node object, in first-seen order.
  std::vector<std::string> order;
  std::map<std::string, ordered_json> nodes;
  auto flush = [&] {
    if (current.empty()) return;
    ordered_json list = ordered_json::array();
    for (const auto& s : order) list.push_back(std::move(nodes[s]));
    graphs.push_back(ordered_json{{"@id", current}, {"@graph", std::move(list)}});
    order.clear();
    nodes.clear();
  };
  emit_quads(graph,
             [&](const std::string& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
               if (g != current) {
                 flush();
                 current = g;
               }
               auto it = nodes.find(s.value);
               if (it == nodes.end()) {
                 order.push_back(s.value);
                 it = nodes.emplace(s.value, ordered_json{{"@id", s.value}}).first;
               }
               ordered_json& node = it->second;
               if (p.value == rdf_type && o.kind == RdfTerm::Kind::Iri) {
                 node["@type"].push_back(compact_iri(o.value));
                 return;
               }
               ordered_json value;
               if (o.kind == RdfTerm::Kind::Iri) {
                 value = {{"@id", o.value}};
               } else {
                 value = {{"@value", o.value}};
                 if (!o.datatype.empty()) value["@type"] = compact_iri(o.datatype);
                 if (!o.language.empty()) value["@language"] = o.language;
               }
               node[compact_iri(p.value)].push_back(std::move(value));
             });
  flush();
  ordered_json doc = {{"@context", std::move(context)}, {"@graph", std::move(graphs)}};
  return doc.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ng
