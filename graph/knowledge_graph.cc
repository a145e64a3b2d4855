#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "graph/boost_graph.h"
#include "graph/iri.h"

namespace ng {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2024-05-06" -> 3, "2024-05" -> 2, "2024" -> 1, anything else -> 0.
int date_shape(std::string_view v) {
  if (v.size() == 4 && all_digits(v)) return 1;
  if (v.size() >= 7 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5, 2))) {
    int month = std::stoi(std::string(v.substr(5, 2)));
    if (month < 1 || month > 12) return 0;
    if (v.size() == 7) return 2;
    if (v.size() == 10 && v[7] == '-' && all_digits(v.substr(8, 2))) {
      int day = std::stoi(std::string(v.substr(8, 2)));
      return day >= 1 && day <= 31 ? 3 : 0;
    }
  }
  return 0;
}

bool is_integer(std::string_view v) {
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  return all_digits(v);
}

bool is_decimal(std::string_view v) {
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  size_t dot = v.find('.');
  if (dot == std::string_view::npos) return all_digits(v);
  std::string_view a = v.substr(0, dot), b = v.substr(dot + 1);
  return (a.empty() || all_digits(a)) && (b.empty() || all_digits(b)) && !(a.empty() && b.empty());
}


size_t non_ascii_bytes(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

bool is_participant_role(std::string_view role) {
  return role == "ng:participant" || role == "ng:host" || role == "ng:guest";
}

}  // namespace

std::string_view entity_class(EntityType t) {
  switch (t) {
    case EntityType::Person:
      return "schema:Person";
    case EntityType::Org:
      return "schema:Organization";
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac:
      return "schema:Place";
    case EntityType::Event:
      return "schema:Event";
    case EntityType::Norp:
      return "ng:Group";
    case EntityType::Date:
    case EntityType::Other:
      return "schema:Thing";
  }
  return "schema:Thing";
}

std::string literal_datatype(std::string_view datatype, std::string_view value) {
  if (datatype.empty() || datatype == "string" || datatype == "xsd:string") return "";
  std::string dt = datatype.find(':') == std::string_view::npos ? "xsd:" + std::string(datatype)
                                                                : std::string(datatype);
  if (dt == "xsd:date" || dt == "xsd:gYearMonth" || dt == "xsd:gYear") {
    switch (date_shape(value)) {
      case 3:
        return "xsd:date";
      case 2:
        return "xsd:gYearMonth";
      case 1:
        return "xsd:gYear";
      default:
        return "";
    }
  }
  if (dt == "xsd:integer") return is_integer(value) ? dt : "";
  if (dt == "xsd:decimal") return is_decimal(value) ? dt : "";
  try {
    expand_curie(dt);
  } catch (const Error&) {
    return "";
  }
  return dt;
}

std::string format_decimal(double value) {
  if (!std::isfinite(value)) value = 0.0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  if (s == "-0.0") s = "0.0";
  return s;
}

struct KnowledgeGraph::Impl {
  std::string base;
  graph_internal::BoostGraph bg;
  std::unordered_map<std::string, int> by_iri;
  std::map<std::pair<std::string, std::string>, int> literals;      // (datatype, value) -> node
  std::unordered_map<std::string, int> doc_ids;                     // doc id -> article index
  std::unordered_map<int, std::map<std::string, int>> name_counts;  // node -> name -> articles
  std::set<std::pair<int, int>> met_pairs;                          // unordered pairs with an edge
  std::vector<GraphArticle> articles;
  std::vector<GraphStatement> statements;
  std::vector<GraphEvent> events;
  std::vector<MetLink> met_links;
  size_t skipped = 0;

  GraphNode& node(int v) { return bg.g[static_cast<size_t>(v)]; }

  int add_node(GraphNode n) {
    std::string iri = n.iri;
    int v = static_cast<int>(boost::add_vertex(std::move(n), bg.g));
    if (!iri.empty()) by_iri.emplace(std::move(iri), v);
    return v;
  }

  void add_edge(int from, int to, graph_internal::EdgeKind kind, std::string predicate, int index) {
    boost::add_edge(static_cast<size_t>(from), static_cast<size_t>(to),
                    graph_internal::EdgeProps{kind, std::move(predicate), index}, bg.g);
  }

  int literal_node(const std::string& datatype, const std::string& value) {
    auto key = std::make_pair(datatype, value);
    auto it = literals.find(key);
    if (it != literals.end()) return it->second;
    GraphNode n;
    n.kind = NodeKind::Literal;
    n.label = value;
    n.cls = datatype;
    int v = add_node(std::move(n));
    literals.emplace(std::move(key), v);
    return v;
  }

  // Finds or creates the entity node and records that `article` mentions it
  // with `type` under `names` (the first is the canonical name). The first
  // entity of an article to reach a node gives that article's name and type.
  int entity_node(EntityType type, const std::string& name, const std::vector<std::string>& names,
                  int article) {
    return entity_node(entity_iri(base, name), type, name, names, article);
  }
  // The same with the node's IRI given.
  int entity_node(const std::string& iri, EntityType type, const std::string& name,
                  const std::vector<std::string>& names, int article) {
    int v;
    auto it = by_iri.find(iri);
    if (it != by_iri.end()) {
      v = it->second;
    } else {
      GraphNode n;
      n.kind = NodeKind::Entity;
      n.iri = iri;
      n.label = name;
      n.entity_type = type;
      n.cls = std::string(entity_class(type));
      v = add_node(std::move(n));
    }
    GraphNode& n = node(v);
    EntityMention* mention = nullptr;
    for (auto& m : n.mentioned_in)
      if (m.article == article) mention = &m;
    if (!mention) {
      n.mentioned_in.push_back({article, {}, name, type});
      mention = &n.mentioned_in.back();
      ++name_counts[v][name];
    }
    for (const auto& s : names) {
      std::string a(trim(s));
      if (a.empty()) continue;
      if (!std::binary_search(mention->aliases.begin(), mention->aliases.end(), a))
        mention->aliases.insert(
            std::upper_bound(mention->aliases.begin(), mention->aliases.end(), a), a);
    }
    return v;
  }

  // The type most articles give; ties go to the first in EntityType order.
  static EntityType majority_type(const GraphNode& n) {
    std::map<EntityType, int> votes;
    for (const auto& m : n.mentioned_in) ++votes[m.type];
    EntityType best = n.entity_type;
    int best_votes = 0;
    for (const auto& [type, count] : votes)
      if (count > best_votes) {
        best = type;
        best_votes = count;
      }
    return best;
  }

  // Label = the canonical name most articles use; ties: the one keeping more
  // accents, then the byte-wise smallest (independent of the order of add()).
  void relabel(int v) {
    GraphNode& n = node(v);
    const auto& counts = name_counts[v];
    const std::string* best = nullptr;
    int best_count = -1;
    for (const auto& [name, count] : counts) {
      if (!best || count > best_count ||
          (count == best_count && non_ascii_bytes(name) > non_ascii_bytes(*best))) {
        best = &name;
        best_count = count;
      }
    }
    if (best) n.label = *best;
    n.entity_type = majority_type(n);
    n.cls = std::string(entity_class(n.entity_type));
    std::set<std::string> all;
    for (const auto& m : n.mentioned_in)
      for (const auto& a : m.aliases)
        if (a != n.label) all.insert(a);
    n.aliases.assign(all.begin(), all.end());
  }

  Provenance provenance(const Document& doc, int article, int sentence, const std::string& rule,
                        double confidence, Modality modality) {
    Provenance p;
    p.article = article;
    if (sentence >= 0 && static_cast<size_t>(sentence) < doc.sentences.size()) {
      const Sentence& s = doc.sentences[static_cast<size_t>(sentence)];
      if (s.begin <= s.end && s.end <= doc.text.size()) {
        p.sentence = sentence;
        p.sentence_text = std::string(doc.sentence_text(sentence));
        p.begin = s.begin;
        p.end = s.end;
      }
    }
    p.rule = rule;
    p.confidence = std::isfinite(confidence) ? std::clamp(confidence, 0.0, 1.0) : 0.0;
    p.modality = modality;
    return p;
  }
};

KnowledgeGraph::KnowledgeGraph(std::string base_iri) : impl_(std::make_unique<Impl>()) {
  check_base_iri(base_iri);
  impl_->base = std::move(base_iri);
}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

namespace {

// Adds one Document to the graph, step by step (KnowledgeGraph::add). Each
// step reads the Document and the nodes made by the steps before it.
struct ArticleAdder {
  KnowledgeGraph::Impl& m;
  const Document& doc;
  int article = -1;                    // index in m.articles
  int article_node = -1;               // the article's node
  std::vector<int> entity_node;        // doc entity -> node; -1 = not in the graph
  std::set<int> touched;               // entity nodes whose label may change

  ArticleAdder(KnowledgeGraph::Impl& graph, const Document& document) : m(graph), doc(document) {}

  // Throws ng::Error, before anything changes, when the document cannot be
  // added: a duplicate id or a predicate, role or class that is no CURIE.
  void validate() const {
    if (m.doc_ids.count(doc.id))
      throw Error("document '" + doc.id + "' was added twice (document ids must be unique)");
    auto check = [&](const std::string& curie, const char* what) {
      try {
        expand_curie(curie);
      } catch (const Error& e) {
        throw Error("document '" + doc.id + "': " + what + ": " + e.what());
      }
    };
    for (const auto& f : doc.facts) {
      check(f.predicate, "fact predicate");
      for (const auto& [role, arg] : f.extra) check(role, "fact role");
    }
    for (const auto& e : doc.events) {
      check(e.cls, "event class");
      for (const auto& [role, arg] : e.roles) check(role, "event role");
    }
  }

  // The article node and record, and its publisher when the document names one.
  void add_article() {
    article = static_cast<int>(m.articles.size());
    GraphArticle art;
    art.iri = article_iri(m.base, doc.id, doc.text);
    art.graph = graph_iri(m.base, doc.id);
    art.doc_id = doc.id;
    art.title = doc.title;
    art.date = doc.date;
    art.url = doc.url;
    GraphNode n;
    n.kind = NodeKind::Article;
    n.iri = art.iri;
    n.label = doc.title.empty() ? doc.id : doc.title;
    n.cls = "schema:NewsArticle";
    n.article = article;
    art.node = article_node = m.add_node(std::move(n));
    m.doc_ids.emplace(doc.id, article);
    m.articles.push_back(art);
    if (!trim(doc.source).empty()) {
      std::string name(trim(doc.source));
      int v = m.entity_node(EntityType::Org, name, {name}, article);
      touched.insert(v);
      m.articles.back().publisher = v;
      m.add_edge(article_node, v, graph_internal::EdgeKind::Publisher, "schema:publisher", article);
    }
  }

  // Which entities some fact, event or role refers to.
  std::vector<char> referenced_entities() const {
    std::vector<char> used(doc.entities.size(), 0);
    auto use = [&](const Argument& a) {
      if (a.entity >= 0 && static_cast<size_t>(a.entity) < used.size()) used[a.entity] = 1;
    };
    for (const Fact& f : doc.facts) {
      use(f.subject);
      use(f.object);
      for (const auto& x : f.extra) use(x.second);
    }
    for (const Event& ev : doc.events) {
      for (const auto& r : ev.roles) use(r.second);
      use(ev.place);
    }
    for (const Entity& e : doc.entities)
      for (const auto& r : e.roles)
        if (r.of >= 0 && static_cast<size_t>(r.of) < used.size()) used[r.of] = 1;
    return used;
  }

  // Entities: one node per distinct IRI; DATE entities become literal values.
  // An untyped name (OTHER) said once and used in no fact, event or role is
  // left out: it is as often a capitalised word of a headline as a name.
  void add_entities() {
    const std::vector<char> used = referenced_entities();
    entity_node.assign(doc.entities.size(), -1);
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      std::string name = clean_name(e.name);
      if (!usable_name(name)) continue;
      if (e.type == EntityType::Other && e.mentions.size() <= 1 && !used[i]) continue;
      if (e.type == EntityType::Date) {
        entity_node[i] = m.literal_node(literal_datatype("date", name), name);
        continue;
      }
      std::vector<std::string> names{name};
      for (const auto& alias : e.aliases)
        if (std::string a = clean_name(alias); usable_name(a)) names.push_back(std::move(a));
      // An unnamed role holder ("the President") is a node of this article
      // only: the same title in another article is another person.
      entity_node[i] = e.named ? m.entity_node(e.type, name, names, article)
                               : m.entity_node(unnamed_entity_iri(m.articles[article].iri, name),
                                               e.type, name, names, article);
      touched.insert(entity_node[i]);
    }
  }

  // The node an argument stands for: the article, an entity's node or a
  // literal; -1 when it has none.
  int resolve(const Argument& a) {
    if (a.article) return article_node;
    if (a.entity >= 0)
      return static_cast<size_t>(a.entity) < entity_node.size() ? entity_node[a.entity] : -1;
    if (a.literal.empty()) return -1;
    return m.literal_node(literal_datatype(a.datatype, a.literal), a.literal);
  }

  bool usable_subject(int v) const { return v >= 0 && m.node(v).kind != NodeKind::Literal; }

  void add_statement(GraphStatement st) {
    int index = static_cast<int>(m.statements.size());
    m.add_edge(st.subject, st.object, graph_internal::EdgeKind::Fact, st.predicate, index);
    m.statements.push_back(std::move(st));
  }

  // Fact i of the document as a statement; counted as skipped when its
  // subject or object has no node.
  void add_fact(size_t i) {
    const Fact& f = doc.facts[i];
    int s = resolve(f.subject), o = resolve(f.object);
    // "The article's publisher is <name>": the organisation, not a string.
    if (f.subject.article && f.predicate == "schema:publisher" && f.object.entity < 0 &&
        !trim(f.object.literal).empty()) {
      std::string name(trim(f.object.literal));
      o = m.entity_node(EntityType::Org, name, {name}, article);
      touched.insert(o);
    }
    if (!usable_subject(s) || o < 0) {
      ++m.skipped;
      return;
    }
    GraphStatement st;
    st.iri = statement_iri(m.articles[article].iri, static_cast<int>(i));
    st.subject = s;
    st.predicate = f.predicate;
    st.object = o;
    st.relation_text = f.relation_text;
    for (const auto& [role, arg] : f.extra) {
      int v = resolve(arg);
      if (v >= 0) st.extra.emplace_back(role, v);
    }
    st.provenance = m.provenance(doc, article, f.sentence, f.rule, f.confidence, f.modality);
    add_statement(std::move(st));
  }

  // Event e's role values as nodes, each (role, node) once (a slot can hold
  // the same entity twice, e.g. a name and its apposition), and its
  // participants (host, guest, participant entities, each once).
  void resolve_roles(const Event& e, GraphEvent& ev) {
    for (const auto& [role, arg] : e.roles) {
      int v = resolve(arg);
      if (v < 0) continue;
      if (std::find(ev.roles.begin(), ev.roles.end(), std::pair<std::string, int>(role, v)) !=
          ev.roles.end())
        continue;
      ev.roles.emplace_back(role, v);
      if (is_participant_role(role) && m.node(v).kind == NodeKind::Entity &&
          std::find(ev.participants.begin(), ev.participants.end(), v) == ev.participants.end())
        ev.participants.push_back(v);
    }
  }

  // For an asserted meeting, one met link per pair of participants (label
  // order) and one ng:met edge per pair of nodes.
  void add_met_links(const GraphEvent& ev, int index) {
    for (size_t x = 0; x < ev.participants.size(); ++x) {
      for (size_t y = x + 1; y < ev.participants.size(); ++y) {
        int a = ev.participants[x], b = ev.participants[y];
        if (m.node(b).label < m.node(a).label) std::swap(a, b);
        int link = static_cast<int>(m.met_links.size());
        m.met_links.push_back({a, b, index});
        if (m.met_pairs.emplace(std::min(a, b), std::max(a, b)).second)
          m.add_edge(a, b, graph_internal::EdgeKind::Met, "ng:met", link);
      }
    }
  }

  // Event i of the document as an event node with its role and place edges;
  // counted as skipped when no role has a node.
  void add_event(size_t i) {
    const Event& e = doc.events[i];
    GraphEvent ev;
    ev.cls = e.cls;
    resolve_roles(e, ev);
    if (ev.roles.empty()) {
      ++m.skipped;
      return;
    }
    ev.date = e.date;
    ev.place = e.place.empty() && !e.place.article ? -1 : resolve(e.place);
    ev.trigger_text = e.trigger_text;
    ev.provenance = m.provenance(doc, article, e.sentence, e.rule, e.confidence, e.modality);
    const int index = static_cast<int>(m.events.size());
    GraphNode n;
    n.kind = NodeKind::Event;
    n.iri = event_iri(m.articles[article].iri, static_cast<int>(i));
    n.label = std::string(local_name(e.cls)) + (e.date.empty() ? "" : " " + e.date);
    n.cls = e.cls;
    n.article = article;
    n.event = index;
    ev.node = m.add_node(std::move(n));
    for (const auto& [role, v] : ev.roles)
      m.add_edge(ev.node, v, graph_internal::EdgeKind::Role, role, index);
    if (ev.place >= 0)
      m.add_edge(ev.node, ev.place, graph_internal::EdgeKind::Location, "schema:location", index);
    if (e.cls == "ng:Meeting" && e.modality == Modality::Asserted) add_met_links(ev, index);
    m.events.push_back(std::move(ev));
  }

  // Labels follow the names most articles use; met links keep label order.
  void relabel() {
    for (int v : touched) m.relabel(v);
    for (auto& link : m.met_links)
      if (m.node(link.b).label < m.node(link.a).label) std::swap(link.a, link.b);
  }
};

}  // namespace

void KnowledgeGraph::add(const Document& doc) {
  ArticleAdder adder(*impl_, doc);
  adder.validate();
  adder.add_article();
  adder.add_entities();
  for (size_t i = 0; i < doc.facts.size(); ++i) adder.add_fact(i);
  for (size_t i = 0; i < doc.events.size(); ++i) adder.add_event(i);
  adder.relabel();
}

const std::string& KnowledgeGraph::base_iri() const { return impl_->base; }
size_t KnowledgeGraph::node_count() const { return boost::num_vertices(impl_->bg.g); }
const GraphNode& KnowledgeGraph::node(int index) const {
  return impl_->bg.g[static_cast<size_t>(index)];
}
int KnowledgeGraph::find(std::string_view iri) const {
  auto it = impl_->by_iri.find(std::string(iri));
  return it == impl_->by_iri.end() ? -1 : it->second;
}
const std::vector<GraphArticle>& KnowledgeGraph::articles() const { return impl_->articles; }
const std::vector<GraphStatement>& KnowledgeGraph::statements() const { return impl_->statements; }
const std::vector<GraphEvent>& KnowledgeGraph::events() const { return impl_->events; }
const std::vector<MetLink>& KnowledgeGraph::met_links() const { return impl_->met_links; }
size_t KnowledgeGraph::skipped() const { return impl_->skipped; }
const graph_internal::BoostGraph& KnowledgeGraph::boost_graph() const { return impl_->bg; }

}  // namespace ng
