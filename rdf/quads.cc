#include "rdf/quads.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/utf8.h"
#include "core/error.h"
#include "graph/iri.h"
#include "rdf/rdf.h"

namespace ng {

namespace {

bool valid_iri(std::string_view s) {
  if (s.find("://") == std::string_view::npos) return false;
  for (unsigned char c : s)
    if (iri_char_forbidden(c)) return false;
  return true;
}

class Emitter {
 public:
  Emitter(const KnowledgeGraph& g, const QuadSink& sink, const EntityRank& rank)
      : g_(g), sink_(sink), rank_(rank) {}

  void run() {
    const auto& articles = g_.articles();
    std::vector<std::vector<int>> entities(articles.size()), statements(articles.size()),
        events(articles.size());
    for (size_t v = 0; v < g_.node_count(); ++v) {
      const GraphNode& n = g_.node(static_cast<int>(v));
      if (n.kind != NodeKind::Entity) continue;
      for (const auto& m : n.mentioned_in) entities[m.article].push_back(static_cast<int>(v));
    }
    for (size_t i = 0; i < g_.statements().size(); ++i)
      statements[g_.statements()[i].provenance.article].push_back(static_cast<int>(i));
    for (size_t i = 0; i < g_.events().size(); ++i)
      events[g_.events()[i].provenance.article].push_back(static_cast<int>(i));
    if (rank_) {
      for (auto& list : entities) {
        std::vector<std::pair<size_t, int>> ranked;
        for (int v : list) ranked.emplace_back(rank_(v), v);
        std::sort(ranked.begin(), ranked.end());
        for (size_t i = 0; i < list.size(); ++i) list[i] = ranked[i].second;
      }
    }
    for (size_t a = 0; a < articles.size(); ++a) {
      seen_.clear();
      graph_ = articles[a].graph;
      article(articles[a]);
      for (int v : entities[a]) entity(v, static_cast<int>(a));
      for (int i : statements[a]) statement(g_.statements()[i]);
      for (int i : events[a]) event(static_cast<int>(i));
    }
  }

 private:
  const KnowledgeGraph& g_;
  const QuadSink& sink_;
  const EntityRank& rank_;
  std::string graph_;
  std::unordered_set<std::string> seen_;

  std::unordered_map<std::string, std::string> expanded_;  // CURIE -> IRI

  const std::string& expand(std::string_view c) {
    auto it = expanded_.find(std::string(c));
    if (it == expanded_.end()) it = expanded_.emplace(std::string(c), expand_curie(c)).first;
    return it->second;
  }
  RdfTerm curie(std::string_view c) { return RdfTerm::iri(expand(c)); }
  RdfTerm typed(std::string value, std::string_view datatype_curie) {
    return RdfTerm::literal(clean_literal(value),
                            datatype_curie.empty() ? "" : expand(datatype_curie));
  }
  static RdfTerm text(std::string_view value) { return RdfTerm::literal(clean_literal(value)); }

  RdfTerm term(int v) {
    const GraphNode& n = g_.node(v);
    if (n.kind == NodeKind::Literal) return typed(n.label, n.cls);
    return RdfTerm::iri(n.iri);
  }

  void quad(const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
    std::string key;
    key.reserve(s.value.size() + p.value.size() + o.value.size() + o.datatype.size() + 4);
    key += s.value;
    key += '\x1f';
    key += p.value;
    key += '\x1f';
    key += o.kind == RdfTerm::Kind::Iri ? 'I' : 'L';
    key += o.value;
    key += '\x1f';
    key += o.datatype;
    if (!seen_.insert(std::move(key)).second) return;
    sink_(graph_, s, p, o);
  }
  void quad(const RdfTerm& s, std::string_view p, const RdfTerm& o) { quad(s, curie(p), o); }

  void article(const GraphArticle& a) {
    RdfTerm s = RdfTerm::iri(a.iri);
    quad(s, "rdf:type", curie("schema:NewsArticle"));
    quad(s, "ng:docId", text(a.doc_id));
    if (!a.title.empty()) quad(s, "schema:headline", text(a.title));
    if (!a.date.empty())
      quad(s, "schema:datePublished", typed(a.date, literal_datatype("date", a.date)));
    if (!a.url.empty()) quad(s, "schema:url", valid_iri(a.url) ? RdfTerm::iri(a.url) : text(a.url));
    if (a.publisher >= 0) quad(s, "schema:publisher", term(a.publisher));
  }

  // An entity as this article names and types it: an article's quads
  // depend on that article alone, never on the rest of the batch.
  void entity(int v, int article) {
    const GraphNode& n = g_.node(v);
    RdfTerm s = RdfTerm::iri(n.iri);
    quad(RdfTerm::iri(g_.articles()[article].iri), "schema:mentions", s);
    for (const auto& m : n.mentioned_in) {
      if (m.article != article) continue;
      quad(s, "rdf:type", curie(entity_class(m.type)));
      quad(s, "rdfs:label", text(m.name));
      for (const auto& alias : m.aliases)
        if (alias != m.name) quad(s, "skos:altLabel", text(alias));
    }
  }

  void provenance(const RdfTerm& s, const Provenance& p) {
    quad(s, "prov:wasDerivedFrom", RdfTerm::iri(g_.articles()[p.article].iri));
    if (p.sentence >= 0) {
      quad(s, "ng:sentenceText", text(p.sentence_text));
      quad(s, "ng:startOffset", typed(std::to_string(p.begin), "xsd:integer"));
      quad(s, "ng:endOffset", typed(std::to_string(p.end), "xsd:integer"));
    }
    if (!p.rule.empty()) quad(s, "ng:rule", text(p.rule));
    quad(s, "ng:confidence", typed(format_decimal(p.confidence), "xsd:decimal"));
    quad(s, "ng:modality", text(to_string(p.modality)));
  }

  void statement(const GraphStatement& st) {
    RdfTerm subject = term(st.subject), object = term(st.object), predicate = curie(st.predicate);
    const bool open_text = st.predicate == "ng:relation" &&
                           g_.node(st.object).kind == NodeKind::Literal;
    if (st.provenance.modality == Modality::Asserted && (!open_text || g_.direct_open_facts()))
      quad(subject, predicate, object);
    RdfTerm s = RdfTerm::iri(st.iri);
    quad(s, "rdf:type", curie("rdf:Statement"));
    quad(s, "rdf:type", curie("ng:Fact"));
    quad(s, "rdf:subject", subject);
    quad(s, "rdf:predicate", predicate);
    quad(s, "rdf:object", object);
    if (!st.relation_text.empty()) quad(s, "ng:relationText", text(st.relation_text));
    for (const auto& [role, v] : st.extra) quad(s, role, term(v));
    provenance(s, st.provenance);
  }

  void event(int index) {
    const GraphEvent& ev = g_.events()[index];
    const GraphNode& n = g_.node(ev.node);
    RdfTerm s = RdfTerm::iri(n.iri);
    quad(s, "rdf:type", curie(ev.cls));
    quad(s, "rdfs:label", text(n.label));
    for (const auto& [role, v] : ev.roles) quad(s, role, term(v));
    for (int v : ev.participants) quad(s, "ng:participant", term(v));
    if (!ev.date.empty())
      quad(s, "schema:startDate", typed(ev.date, literal_datatype("date", ev.date)));
    if (ev.place >= 0) quad(s, "schema:location", term(ev.place));
    if (!ev.trigger_text.empty()) quad(s, "ng:triggerText", text(ev.trigger_text));
    provenance(s, ev.provenance);
    if (ev.cls == "ng:Meeting" && ev.provenance.modality == Modality::Asserted) {
      for (int a : ev.participants)
        for (int b : ev.participants)
          if (a != b) quad(term(a), "ng:met", term(b));
    }
  }
};

}  // namespace

std::string clean_literal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;  // CRLF -> LF
      out += '\n';
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      out += "\xEF\xBF\xBD";
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void emit_quads(const KnowledgeGraph& graph, const QuadSink& sink, const EntityRank& rank) {
  Emitter(graph, sink, rank).run();
}

namespace {

void append_hex4(std::string& out, unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  out += "\\u00";
  out += hex[c >> 4];
  out += hex[c & 15];
}

void write_iri(std::string& out, const std::string& iri) {
  out += '<';
  for (unsigned char c : iri) {
    if (iri_char_forbidden(c))
      append_hex4(out, c);
    else
      out += static_cast<char>(c);
  }
  out += '>';
}

}  // namespace

void append_ntriples_term(std::string& out, const RdfTerm& t) {
  if (t.kind == RdfTerm::Kind::Iri) {
    write_iri(out, t.value);
    return;
  }
  if (t.kind == RdfTerm::Kind::Blank) {
    out += "_:" + t.value;
    return;
  }
  out += '"';
  for (char c : t.value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  out += '"';
  if (!t.datatype.empty()) {
    out += "^^";
    write_iri(out, t.datatype);
  } else if (!t.language.empty()) {
    out += '@' + t.language;
  }
}

namespace {

void write_term(std::string& out, const RdfTerm& t) { append_ntriples_term(out, t); }

void write_turtle_term(std::string& out, const RdfTerm& t) {
  // compact_iri gives a prefixed name, or the IRI itself when it has none.
  if (t.kind == RdfTerm::Kind::Iri) {
    if (std::string pn = compact_iri(t.value); pn != t.value) {
      out += pn;
      return;
    }
  }
  if (t.kind == RdfTerm::Kind::Literal && !t.datatype.empty()) {
    if (std::string pn = compact_iri(t.datatype); pn != t.datatype) {
      RdfTerm plain = t;
      plain.datatype.clear();
      write_term(out, plain);
      out += "^^" + pn;
      return;
    }
  }
  write_term(out, t);
}

}  // namespace

namespace {

// Distinct triples grouped by subject, subjects and their statements in
// first-seen order.
struct TurtleGroups {
  std::vector<std::pair<RdfTerm, std::vector<std::pair<RdfTerm, RdfTerm>>>> subjects;
  std::unordered_map<std::string, size_t> subject_index;

  void add(const std::string& subject_key, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
    auto [it, fresh] = subject_index.emplace(subject_key, subjects.size());
    if (fresh) subjects.emplace_back(s, std::vector<std::pair<RdfTerm, RdfTerm>>{});
    subjects[it->second].second.emplace_back(p, o);
  }

  // Each subject once with its statements ("a" for rdf:type, objects of
  // one predicate joined by ",").
  void write(std::string& out) const {
    static const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    for (const auto& [s, statements] : subjects) {
      out += '\n';
      write_turtle_term(out, s);
      for (size_t i = 0; i < statements.size(); ++i) {
        const auto& [p, o] = statements[i];
        const bool same_predicate = i > 0 && statements[i - 1].first == p;
        if (same_predicate) {
          out += " ,\n        ";
        } else {
          out += i == 0 ? "\n    " : " ;\n    ";
          if (p.kind == RdfTerm::Kind::Iri && p.value == kRdfType)
            out += 'a';
          else
            write_turtle_term(out, p);
          out += ' ';
        }
        write_turtle_term(out, o);
      }
      out += " .\n";
    }
  }
};

std::string turtle_prefixes() {
  std::string out;
  for (auto ns = namespaces_begin(); ns != namespaces_end(); ++ns)
    out += "@prefix " + std::string(ns->prefix) + ": <" + std::string(ns->iri) + "> .\n";
  return out;
}

// "<s> <p> <o>" in N-Triples; subject_length = the length of "<s>".
void triple_key(std::string& key, size_t& subject_length, const RdfTerm& s, const RdfTerm& p,
                const RdfTerm& o) {
  key.clear();
  write_term(key, s);
  subject_length = key.size();
  key += ' ';
  write_term(key, p);
  key += ' ';
  write_term(key, o);
}

}  // namespace

std::string to_turtle(const KnowledgeGraph& graph) {
  TurtleGroups groups;
  std::unordered_set<std::string> seen;
  std::string key;
  size_t subject_length = 0;
  emit_quads(graph, [&](const std::string&, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
    triple_key(key, subject_length, s, p, o);
    if (!seen.insert(key).second) return;
    groups.add(key.substr(0, subject_length), s, p, o);
  });
  std::string out = turtle_prefixes();
  groups.write(out);
  return out;
}

StreamingRdfWriter::StreamingRdfWriter(RdfFormat format) : format_(format) {
  if (format != RdfFormat::NQuads && format != RdfFormat::NTriples && format != RdfFormat::Turtle)
    throw Error("internal: no streaming writer for " + std::string(to_string(format)));
}

std::string StreamingRdfWriter::header() const {
  return format_ == RdfFormat::Turtle ? turtle_prefixes() : std::string();
}

// A triple about something its article owns (the article, its facts and
// events, its unnamed role holders: IRIs under the article IRI) is new in
// every article; any other (entities, met links) may repeat one written
// before and is looked up in shared_triples_.
bool StreamingRdfWriter::seen_before(const std::string& key, size_t subject_length,
                                     const std::string& article) {
  std::string_view subject(key.data() + 1, subject_length >= 2 ? subject_length - 2 : 0);
  if (subject.size() >= article.size() && subject.compare(0, article.size(), article) == 0 &&
      (subject.size() == article.size() || subject[article.size()] == '/'))
    return false;
  return !shared_triples_.insert(key).second;
}

void StreamingRdfWriter::write(const KnowledgeGraph& graph, std::string& out) {
  EntityRank rank = [&](int v) {
    return entity_rank_.emplace(graph.node(v).iri, entity_rank_.size()).first->second;
  };
  for (size_t v = 0; v < graph.node_count(); ++v)
    if (graph.node(static_cast<int>(v)).kind == NodeKind::Entity) rank(static_cast<int>(v));
  std::unordered_map<std::string, const std::string*> article_of_graph;
  for (const auto& a : graph.articles()) article_of_graph[a.graph] = &a.iri;
  TurtleGroups groups;
  std::string key;
  size_t subject_length = 0;
  emit_quads(
      graph,
      [&](const std::string& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
        triple_key(key, subject_length, s, p, o);
        if (format_ == RdfFormat::NQuads) {
          out += key;
          out += ' ';
          write_term(out, RdfTerm::iri(g));
          out += " .\n";
          return;
        }
        if (seen_before(key, subject_length, *article_of_graph.at(g))) return;
        if (format_ == RdfFormat::Turtle) return groups.add(key.substr(0, subject_length), s, p, o);
        out += key;
        out += " .\n";
      },
      rank);
  if (format_ == RdfFormat::Turtle) groups.write(out);
}

std::string to_ntriples(const KnowledgeGraph& graph, bool with_graphs) {
  std::string out, line;
  std::unordered_set<std::string> seen;  // N-Triples: triples already written
  emit_quads(graph,
             [&](const std::string& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
               line.clear();
               write_term(line, s);
               line += ' ';
               write_term(line, p);
               line += ' ';
               write_term(line, o);
               if (with_graphs) {
                 line += ' ';
                 write_iri(line, g);
               } else if (!seen.insert(line).second) {
                 return;
               }
               out += line;
               out += " .\n";
             });
  return out;
}

}  // namespace ng
