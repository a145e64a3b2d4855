#include "rdf/jsonld.h"

#include <map>
#include <nlohmann/json.hpp>

#include "rdf/quads.h"
#include "core/error.h"
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

// ---- reading -----------------------------------------------------------------

namespace ng {
namespace {

using nlohmann::json;

constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

class JsonLdReader {
 public:
  JsonLdReader(const std::string& name, const JsonLdSink& sink) : name_(name), sink_(sink) {}

  void read(const json& doc) {
    const RdfTerm default_graph;
    if (doc.is_array()) {
      for (size_t i = 0; i < doc.size(); ++i) element(doc[i], default_graph, "[" + std::to_string(i) + "]");
      return;
    }
    if (!doc.is_object()) fail("", "the document is not a JSON object or array");
    if (auto c = doc.find("@context"); c != doc.end()) context(*c, "@context");
    bool only_graph = doc.contains("@graph");
    for (const auto& [k, v] : doc.items()) only_graph = only_graph && (k == "@context" || k == "@graph");
    if (only_graph) {
      const json& items = doc["@graph"];
      if (!items.is_array()) fail("@graph", "@graph is not an array");
      for (size_t i = 0; i < items.size(); ++i)
        element(items[i], default_graph, "@graph[" + std::to_string(i) + "]");
    } else {
      json rest = doc;
      rest.erase("@context");
      element(rest, default_graph, "top level");
    }
  }

 private:
  const std::string& name_;
  const JsonLdSink& sink_;
  std::map<std::string, std::string> terms_;  // prefix or term -> IRI
  std::string vocab_, base_, language_;
  size_t blanks_ = 0;

  [[noreturn]] void fail(const std::string& where, const std::string& why) const {
    throw Error("cannot read '" + name_ + "' as JSON-LD: " + why +
                (where.empty() ? "" : " (at " + where + ")"));
  }

  void context(const json& c, const std::string& where) {
    if (c.is_null()) {
      terms_.clear();
      vocab_.clear();
      base_.clear();
      language_.clear();
      return;
    }
    if (c.is_string())
      fail(where, "remote contexts are not supported (newsgraph reads the JSON-LD build writes)");
    if (c.is_array()) {
      for (size_t i = 0; i < c.size(); ++i) context(c[i], where + "[" + std::to_string(i) + "]");
      return;
    }
    if (!c.is_object()) fail(where, "@context is not an object");
    for (const auto& [k, v] : c.items()) {
      const std::string at = where + "." + k;
      if (k == "@vocab" || k == "@base" || k == "@language") {
        if (!v.is_string() && !v.is_null()) fail(at, k + " is not a string");
        std::string s = v.is_null() ? "" : v.get<std::string>();
        (k == "@vocab" ? vocab_ : k == "@base" ? base_ : language_) =
            k == "@language" || s.empty() ? s : expand(s, false, at);
      } else if (k == "@version" || k == "@protected") {
        continue;
      } else if (!k.empty() && k[0] == '@') {
        fail(at, "unsupported context keyword " + k);
      } else if (v.is_null()) {
        terms_.erase(k);
      } else if (v.is_string()) {
        terms_[k] = expand(v.get<std::string>(), true, at);
      } else if (v.is_object()) {
        for (const auto& [dk, dv] : v.items())
          if (dk != "@id") fail(at, "unsupported term definition key " + dk);
        auto id = v.find("@id");
        if (id == v.end() || !id->is_string()) fail(at, "term definition without an @id string");
        terms_[k] = expand(id->get<std::string>(), true, at);
      } else {
        fail(at, "a context entry is not a string or an object");
      }
    }
  }

  // A CURIE, term, absolute IRI or blank node id as a full IRI ("_:..." kept).
  std::string expand(const std::string& v, bool vocab, const std::string& where) const {
    if (v.rfind("_:", 0) == 0) return v;
    if (vocab)
      if (auto t = terms_.find(v); t != terms_.end()) return t->second;
    size_t colon = v.find(':');
    if (colon != std::string::npos) {
      std::string prefix = v.substr(0, colon), rest = v.substr(colon + 1);
      if (rest.rfind("//", 0) != 0)
        if (auto t = terms_.find(prefix); t != terms_.end()) return t->second + rest;
      return v;  // an absolute IRI
    }
    if (vocab && !vocab_.empty()) return vocab_ + v;
    if (!vocab && !base_.empty()) return base_ + v;
    fail(where, "cannot expand '" + v + "' to an IRI");
  }

  static RdfTerm reference(const std::string& iri) {
    if (iri.rfind("_:", 0) == 0) return {RdfTerm::Kind::Blank, iri.substr(2), {}, {}};
    return RdfTerm::iri(iri);
  }

  RdfTerm fresh_blank() { return {RdfTerm::Kind::Blank, "ngjsonld" + std::to_string(++blanks_), {}, {}}; }

  // A top-level item: a named graph {"@id", "@graph"} or a node object.
  void element(const json& item, const RdfTerm& graph, const std::string& where) {
    if (!item.is_object()) fail(where, "an item of @graph is not an object");
    auto inner = item.find("@graph");
    if (inner == item.end()) {
      node(item, graph, where);
      return;
    }
    if (!inner->is_array()) fail(where + ".@graph", "@graph is not an array");
    RdfTerm name = item.contains("@id") ? id_of(item, where) : fresh_blank();
    for (size_t i = 0; i < inner->size(); ++i)
      node((*inner)[i], name, where + ".@graph[" + std::to_string(i) + "]");
    // Anything else said about the graph is said in the default graph.
    json rest = item;
    rest.erase("@graph");
    if (rest.size() > 1 || (rest.size() == 1 && !rest.contains("@id"))) node(rest, RdfTerm(), where);
  }

  RdfTerm id_of(const json& obj, const std::string& where) const {
    const json& id = obj["@id"];
    if (!id.is_string()) fail(where + ".@id", "@id is not a string");
    return reference(expand(id.get<std::string>(), false, where + ".@id"));
  }

  // A node object: its statements in `graph`; returns its subject.
  RdfTerm node(const json& obj, const RdfTerm& graph, const std::string& where) {
    if (!obj.is_object()) fail(where, "a node is not an object");
    if (obj.contains("@value")) fail(where, "a value object where a node was expected");
    RdfTerm subject = obj.contains("@id") ? id_of(obj, where) : fresh_blank();
    for (const auto& [k, v] : obj.items()) {
      const std::string at = where + "." + k;
      if (k == "@id") continue;
      if (k == "@type") {
        for (const auto& t : v.is_array() ? v : json::array({v})) {
          if (!t.is_string()) fail(at, "@type is not a string");
          sink_(graph, subject, RdfTerm::iri(kRdfType), reference(expand(t.get<std::string>(), true, at)));
        }
        continue;
      }
      if (k == "@graph") fail(at, "named graphs inside named graphs or nodes are not supported");
      if (!k.empty() && k[0] == '@') fail(at, "unsupported keyword " + k);
      RdfTerm predicate = RdfTerm::iri(expand(k, true, at));
      const json values = v.is_array() ? v : json::array({v});
      for (size_t i = 0; i < values.size(); ++i)
        object(graph, subject, predicate, values[i], at + "[" + std::to_string(i) + "]");
    }
    return subject;
  }

  static RdfTerm scalar(const json& v) {
    if (v.is_boolean()) return RdfTerm::literal(v.get<bool>() ? "true" : "false", std::string(kXsd) + "boolean");
    if (v.is_number_integer() || v.is_number_unsigned())
      return RdfTerm::literal(v.dump(), std::string(kXsd) + "integer");
    if (v.is_number_float()) return RdfTerm::literal(v.dump(), std::string(kXsd) + "double");
    return RdfTerm::literal(v.get<std::string>());
  }

  void object(const RdfTerm& graph, const RdfTerm& subject, const RdfTerm& predicate, const json& v,
              const std::string& where) {
    RdfTerm o;
    if (v.is_null()) return;
    if (v.is_string()) {
      o = RdfTerm::literal(v.get<std::string>());
      o.language = language_;
    } else if (v.is_primitive()) {
      o = scalar(v);
    } else if (v.is_array()) {
      fail(where, "nested arrays (lists) are not supported");
    } else if (auto val = v.find("@value"); val != v.end()) {
      if (val->is_null()) return;
      if (!val->is_primitive()) fail(where, "@value is not a string, number or boolean");
      for (const auto& [k, x] : v.items())
        if (k != "@value" && k != "@type" && k != "@language" && k != "@direction" && k != "@index")
          fail(where, "unexpected key " + k + " in a value object");
      o = scalar(*val);
      if (auto t = v.find("@type"); t != v.end()) {
        if (!t->is_string()) fail(where + ".@type", "@type is not a string");
        o.datatype = expand(t->get<std::string>(), true, where + ".@type");
        if (!val->is_string()) o.value = val->dump();
      } else if (auto l = v.find("@language"); l != v.end()) {
        if (!l->is_string()) fail(where + ".@language", "@language is not a string");
        o.language = l->get<std::string>();
      } else if (val->is_string()) {
        o.language = language_;
      }
    } else if (v.contains("@list")) {
      fail(where, "@list is not supported");
    } else if (auto set = v.find("@set"); set != v.end()) {
      for (const auto& x : set->is_array() ? *set : json::array({*set}))
        object(graph, subject, predicate, x, where + ".@set");
      return;
    } else if (v.size() == 1 && v.contains("@id")) {
      o = id_of(v, where);
    } else {
      o = node(v, graph, where);  // an embedded node
    }
    sink_(graph, subject, predicate, o);
  }
};

}  // namespace

void read_jsonld(std::string_view text, const std::string& name, const JsonLdSink& sink) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error("cannot read '" + name + "' as JSON-LD: invalid JSON (" + e.what() + ")");
  }
  JsonLdReader(name, sink).read(doc);
}

}  // namespace ng
