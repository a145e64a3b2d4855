#include "rdf/link.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/text.h"
#include "graph/iri.h"
#include "rdf/quads.h"
#include "rdf/redland.h"

namespace ng {

namespace {

using redland::Owned;

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kType = kRdf + "type";
const std::string kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const std::string kAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
const std::string kMentions = "http://schema.org/mentions";
const std::string kJobTitle = "http://schema.org/jobTitle";
const std::string kSameAs = "http://www.w3.org/2002/07/owl#sameAs";
const std::string kDerived = "http://www.w3.org/ns/prov#wasDerivedFrom";
const std::string kNg = std::string(kNgNamespace);

struct Quad {
  RdfTerm graph, s, p, o;
};

// Calls f for every statement of the model with its context (graph) term.
template <typename F>
void for_each_quad(const RdfModel& model, F f) {
  RdfModel::Impl& m = model.impl();
  Owned<librdf_stream, librdf_free_stream> stream(librdf_model_as_stream(m.model));
  if (!stream) throw Error("cannot read the RDF model: " + m.world->take_message("no stream"));
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    Quad q{redland::to_term(librdf_stream_get_context2(stream.get())),
           redland::to_term(librdf_statement_get_subject(st)),
           redland::to_term(librdf_statement_get_predicate(st)),
           redland::to_term(librdf_statement_get_object(st))};
    f(q);
  }
}

// The statements of model with predicate `predicate`. A scan of the whole
// model: librdf_model_find_statements with a pattern loses the pattern's
// predicate node inside librdf 1.0.17's hashes storage (LeakSanitizer, on
// every call), and the graphs read here are scanned whole anyway.
std::vector<Quad> find_by_predicate(const RdfModel& model, const std::string& predicate) {
  RdfModel::Impl& m = model.impl();
  std::vector<Quad> out;
  Owned<librdf_stream, librdf_free_stream> stream(librdf_model_as_stream(m.model));
  if (!stream) throw Error("cannot read the RDF model: " + m.world->take_message("no stream"));
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    librdf_node* p = librdf_statement_get_predicate(st);
    if (!p || !librdf_node_is_resource(p)) continue;
    const unsigned char* iri = librdf_uri_as_string(librdf_node_get_uri(p));
    if (!iri || predicate != reinterpret_cast<const char*>(iri)) continue;
    out.push_back({redland::to_term(librdf_stream_get_context2(stream.get())),
                   redland::to_term(librdf_statement_get_subject(st)),
                   redland::to_term(p),
                   redland::to_term(librdf_statement_get_object(st))});
  }
  return out;
}

void change(RdfModel::Impl& m, const Quad& q, bool add) {
  librdf_node* ns = redland::make_node(*m.world, q.s);
  librdf_node* np = redland::make_node(*m.world, q.p);
  librdf_node* no = redland::make_node(*m.world, q.o);
  Owned<librdf_node, librdf_free_node> ctx(
      q.graph.kind == RdfTerm::Kind::None ? nullptr : redland::make_node(*m.world, q.graph));
  if (!ns || !np || !no) {
    if (ns) librdf_free_node(ns);
    if (np) librdf_free_node(np);
    if (no) librdf_free_node(no);
    throw Error("cannot make an RDF statement for <" + q.s.value + ">");
  }
  Owned<librdf_statement, librdf_free_statement> st(
      librdf_new_statement_from_nodes(m.world->get(), ns, np, no));
  int rc = add ? librdf_model_context_add_statement(m.model, ctx.get(), st.get())
               : librdf_model_context_remove_statement(m.model, ctx.get(), st.get());
  if (rc && add)
    throw Error("cannot add an RDF statement for <" + q.s.value +
                ">: " + m.world->take_message("Redland refused it"));
}


}  // namespace

std::vector<EntitySighting> read_sightings(const RdfModel& model) {
  struct GraphData {
    std::vector<std::pair<std::string, std::string>> mentions;  // article, entity
    std::map<std::string, std::string> doc_id;                  // article -> ng:docId
    std::map<std::string, std::string> label, type;             // entity -> value
    std::map<std::string, std::vector<std::string>> alt;        // entity -> altLabels
    std::map<std::string, std::vector<std::string>> titles;     // entity -> schema:jobTitle
    bool links = false;
  };
  std::map<std::string, GraphData> graphs;
  const std::string doc_id = kNg + "docId";
  for_each_quad(model, [&](const Quad& q) {
    if (q.s.kind != RdfTerm::Kind::Iri) return;
    const std::string& p = q.p.value;
    if (p != kMentions && p != kLabel && p != kAltLabel && p != kType && p != doc_id &&
        p != kSameAs && p != kJobTitle)
      return;
    GraphData& g = graphs[q.graph.value];
    if (p == kSameAs) {
      g.links = true;
    } else if (p == kMentions) {
      if (q.o.kind == RdfTerm::Kind::Iri) g.mentions.emplace_back(q.s.value, q.o.value);
    } else if (q.o.kind == RdfTerm::Kind::Literal) {
      if (p == kLabel) {
        // Several labels (one graph merged from two builds): keep the smallest.
        auto [it, fresh] = g.label.emplace(q.s.value, q.o.value);
        if (!fresh && q.o.value < it->second) it->second = q.o.value;
      } else if (p == kAltLabel) {
        g.alt[q.s.value].push_back(q.o.value);
      } else if (p == kJobTitle) {
        g.titles[q.s.value].push_back(q.o.value);
      } else if (p == doc_id) {
        g.doc_id[q.s.value] = q.o.value;
      }
    } else if (p == kType && q.o.kind == RdfTerm::Kind::Iri) {
      auto [it, fresh] = g.type.emplace(q.s.value, q.o.value);
      if (!fresh && q.o.value < it->second) it->second = q.o.value;
    }
  });
  std::vector<EntitySighting> out;
  for (auto& [graph, g] : graphs) {
    if (g.links) continue;
    std::sort(g.mentions.begin(), g.mentions.end(), [](const auto& a, const auto& b) {
      return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    std::string last;
    for (const auto& [article, entity] : g.mentions) {
      if (entity == last) continue;
      last = entity;
      EntitySighting s;
      s.iri = entity;
      // Triples without graph names (Turtle, N-Triples): one article per
      // article IRI, each seen with every name the file gives the entity.
      s.graph = graph == kDefaultGraphIri ? article : graph;
      s.article = article;
      auto d = g.doc_id.find(article);
      if (d != g.doc_id.end()) s.doc_id = d->second;
      auto l = g.label.find(entity);
      if (l != g.label.end()) s.label = l->second;
      auto t = g.type.find(entity);
      if (t != g.type.end()) s.type = t->second;
      auto t2 = g.titles.find(entity);
      if (t2 != g.titles.end()) {
        s.titles = t2->second;
        std::sort(s.titles.begin(), s.titles.end());
        s.titles.erase(std::unique(s.titles.begin(), s.titles.end()), s.titles.end());
      }
      auto a = g.alt.find(entity);
      if (a != g.alt.end()) {
        s.aliases = a->second;
        std::sort(s.aliases.begin(), s.aliases.end());
        s.aliases.erase(std::unique(s.aliases.begin(), s.aliases.end()), s.aliases.end());
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::string links_graph_iri(std::string_view base) {
  check_base_iri(base);
  return std::string(base) + "graph/links";
}

std::string links_nquads(const std::vector<LinkDecision>& links, std::string_view base) {
  const std::string graph = links_graph_iri(base);
  const std::string entity_base = std::string(base) + "entity/";
  std::vector<std::string> lines;
  auto quad = [&](const std::string& s, const std::string& p, const std::string& o, bool literal) {
    std::string line;
    append_ntriples_term(line, RdfTerm::iri(s));
    line += ' ';
    append_ntriples_term(line, RdfTerm::iri(p));
    line += ' ';
    append_ntriples_term(line, literal ? RdfTerm::literal(clean_literal(o)) : RdfTerm::iri(o));
    line += ' ';
    append_ntriples_term(line, RdfTerm::iri(graph));
    line += " .\n";
    lines.push_back(std::move(line));
  };
  for (const auto& d : links) {
    std::string node = std::string(base) + "link/" +
                       (d.variant.rfind(entity_base, 0) == 0 ? d.variant.substr(entity_base.size())
                                                             : stable_hash(d.variant));
    quad(d.variant, kSameAs, d.canonical, false);
    if (!d.canonical_name.empty()) quad(d.canonical, kLabel, d.canonical_name, true);
    quad(node, kType, kNg + "IdentityLink", false);
    quad(node, kType, kRdf + "Statement", false);
    quad(node, kRdf + "subject", d.variant, false);
    quad(node, kRdf + "predicate", kSameAs, false);
    quad(node, kRdf + "object", d.canonical, false);
    quad(node, kNg + "rule", d.rule, true);
    quad(node, kNg + "evidence", d.evidence, true);
    for (const auto& a : d.articles) quad(node, kDerived, a, false);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string out;
  for (const auto& l : lines) out += l;
  return out;
}

SameAsLinks read_same_as(const RdfModel& model) {
  SameAsLinks links;
  std::set<std::string> link_graphs;
  std::map<std::string, std::string> next;
  for (const auto& q : find_by_predicate(model, kSameAs)) {
    if (q.s.kind != RdfTerm::Kind::Iri || q.o.kind != RdfTerm::Kind::Iri || q.s.value == q.o.value)
      continue;
    auto [it, fresh] = next.emplace(q.s.value, q.o.value);
    if (!fresh && q.o.value < it->second) it->second = q.o.value;
    link_graphs.insert(q.graph.value);
  }
  if (next.empty()) return links;
  for (const auto& [variant, first] : next) {
    std::string c = first;
    std::set<std::string> seen{variant};
    while (true) {
      auto it = next.find(c);
      if (it == next.end()) break;
      if (!seen.insert(c).second) {  // a cycle: its smallest IRI stands for it
        c = *seen.begin();
        break;
      }
      c = it->second;
    }
    if (c != variant) links.canonical[variant] = c;
  }
  std::set<std::string> canonicals;
  for (const auto& [v, c] : links.canonical) canonicals.insert(c);
  for (const auto& q : find_by_predicate(model, kLabel)) {
    if (!link_graphs.count(q.graph.value) || !canonicals.count(q.s.value)) continue;
    auto [it, fresh] = links.name.emplace(q.s.value, q.o.value);
    if (!fresh && q.o.value < it->second) it->second = q.o.value;
  }
  return links;
}

size_t apply_links(RdfModel& model) {
  SameAsLinks links = read_same_as(model);
  if (links.empty()) return 0;
  std::unordered_set<std::string> identity_nodes;
  for (const auto& q : find_by_predicate(model, kType))
    if (q.o.value == kNg + "IdentityLink") identity_nodes.insert(q.s.value);
  auto mapped = [&](const RdfTerm& t) -> const std::string* {
    if (t.kind != RdfTerm::Kind::Iri) return nullptr;
    auto it = links.canonical.find(t.value);
    return it == links.canonical.end() ? nullptr : &it->second;
  };
  std::unordered_set<std::string> canonicals, present;  // present: quads about canonicals
  for (const auto& [v, c] : links.canonical) canonicals.insert(c);
  auto key = [](const Quad& q) {
    return q.graph.value + '\x1f' + q.s.value + '\x1f' + q.p.value + '\x1f' +
           char('0' + int(q.o.kind)) + q.o.value + '\x1f' + q.o.datatype + '\x1f' + q.o.language;
  };
  std::vector<Quad> removed, added;
  for_each_quad(model, [&](const Quad& q) {
    if (canonicals.count(q.s.value) || canonicals.count(q.o.value)) present.insert(key(q));
    if (q.p.value == kSameAs || identity_nodes.count(q.s.value)) return;
    const std::string* s = mapped(q.s);
    const std::string* o = mapped(q.o);
    if (!s && !o) return;
    removed.push_back(q);
    Quad n = q;
    if (s) n.s = RdfTerm::iri(*s);
    if (o) n.o = RdfTerm::iri(*o);
    if (s && q.p.value == kLabel) {
      n.p = RdfTerm::iri(kAltLabel);
      auto name = links.name.find(*s);
      if (name != links.name.end())
        added.push_back({q.graph, n.s, q.p, RdfTerm::literal(name->second)});
    }
    added.push_back(std::move(n));
  });
  RdfModel::Impl& m = model.impl();
  for (const auto& q : removed) change(m, q, false);
  for (const auto& q : added)  // the store would keep a second copy of a statement it has
    if (present.insert(key(q)).second) change(m, q, true);
  return removed.size();
}

}  // namespace ng
