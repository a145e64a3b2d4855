#include "export/diagram_rdf.h"

#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "graph/iri.h"
#include "rdf/ontology.h"
#include "rdf/sparql.h"

namespace ng {

namespace {

constexpr const char* kPrefixes = R"(PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
)";
constexpr const char* kNg = "https://w3id.org/newsgraph/ontology#";

QueryTable query(const RdfModel& model, const std::string& body) {
  return run_query(model, std::string(kPrefixes) + body);
}

bool entity_kind(const std::string& cls, DiagramKind& kind) {
  static const std::map<std::string, DiagramKind> kinds = {
      {"http://schema.org/Person", DiagramKind::Person},
      {"http://schema.org/Organization", DiagramKind::Organisation},
      {"http://schema.org/Place", DiagramKind::Place},
      {"https://w3id.org/newsgraph/ontology#Group", DiagramKind::Group},
      {"http://schema.org/Thing", DiagramKind::Other}};
  auto it = kinds.find(cls);
  if (it == kinds.end()) return false;
  kind = it->second;
  return true;
}

struct RdfSourceBuilder {
  const RdfModel& model;
  DiagramSource source;
  std::map<std::string, int> by_iri;

  void entities() {
    QueryTable t = query(model, "SELECT DISTINCT ?e ?type ?label WHERE { ?e a ?type ; "
                                "rdfs:label ?label . }");
    for (const auto& row : t.rows) {
      DiagramKind kind;
      if (row.size() != 3 || row[0].kind != RdfTerm::Kind::Iri ||
          !entity_kind(row[1].value, kind) || by_iri.count(row[0].value))
        continue;
      by_iri[row[0].value] = static_cast<int>(source.nodes.size());
      source.nodes.push_back({row[2].value, row[0].value, {}, kind, ""});
    }
    for (const auto& row : query(model, "SELECT DISTINCT ?e ?v WHERE { ?e skos:altLabel ?v }").rows)
      if (auto it = by_iri.find(row[0].value); it != by_iri.end())
        source.nodes[static_cast<size_t>(it->second)].aliases.push_back(row[1].value);
    for (const auto& row :
         query(model, "SELECT DISTINCT ?e ?v WHERE { ?e schema:jobTitle ?v }").rows) {
      auto it = by_iri.find(row[0].value);
      if (it == by_iri.end()) continue;
      DiagramSource::Node& n = source.nodes[static_cast<size_t>(it->second)];
      if (n.kind == DiagramKind::Person && (n.job_title.empty() || row[1].value < n.job_title))
        n.job_title = row[1].value;
    }
  }

  // Direct ng: relations between two entities, but ng:met (meetings come
  // with their date and place) and the untyped ng:relation. (No DISTINCT and
  // no join: rasqal takes 30 s for them on the Wikinews graph, against 4 s.)
  void relations() {
    QueryTable t = query(model, "SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o)) }");
    std::set<std::tuple<int, std::string, int>> seen;
    for (const auto& row : t.rows) {
      if (row.size() != 3 || row[1].value.rfind(kNg, 0) != 0) continue;
      std::string local = row[1].value.substr(std::string(kNg).size());
      if (local == "met" || local == "relation") continue;
      auto s = by_iri.find(row[0].value), o = by_iri.find(row[2].value);
      if (s == by_iri.end() || o == by_iri.end() || s->second == o->second) continue;
      if (!seen.insert({s->second, local, o->second}).second) continue;
      source.edges.push_back({s->second, o->second, term_in_words("ng:" + local), false, false});
    }
  }

  // Meetings: every pair of participants, with modality, date and place.
  // One query over the meeting nodes' own statements (rdf/who_met.h's joins
  // take about a minute on the Wikinews graph).
  void meetings() {
    struct Meeting {
      std::set<int> participants;
      std::string modality, date, place;
    };
    std::map<std::string, Meeting> events;
    QueryTable t = query(model, "SELECT ?e ?p ?o WHERE { ?e a ng:Meeting . ?e ?p ?o }");
    for (const auto& row : t.rows) {
      if (row.size() != 3) continue;
      Meeting& m = events[row[0].value];
      const std::string& p = row[1].value;
      const RdfTerm& o = row[2];
      if (p == std::string(kNg) + "participant") {
        if (auto it = by_iri.find(o.value); it != by_iri.end()) m.participants.insert(it->second);
      } else if (p == std::string(kNg) + "modality") {
        m.modality = o.value;
      } else if (p == "http://schema.org/startDate" && (m.date.empty() || o.value < m.date)) {
        m.date = o.value;
      } else if (p == "http://schema.org/location") {
        auto it = by_iri.find(o.value);
        m.place = it != by_iri.end() ? source.nodes[static_cast<size_t>(it->second)].label
                                     : (o.kind == RdfTerm::Kind::Literal ? o.value : "");
      }
    }
    for (const auto& [iri, m] : events) {
      std::string label = meeting_label(m.modality, m.date, m.place);
      bool hedged = !m.modality.empty() && m.modality != "asserted";
      for (auto a = m.participants.begin(); a != m.participants.end(); ++a)
        for (auto b = std::next(a); b != m.participants.end(); ++b)
          source.edges.push_back({*a, *b, label, true, hedged});
    }
  }

  void title() {
    QueryTable arts = query(model, "SELECT DISTINCT ?a WHERE { ?a a schema:NewsArticle }");
    QueryTable dates = query(model, "SELECT DISTINCT ?a ?d WHERE { ?a a schema:NewsArticle ; "
                                    "schema:datePublished ?d }");
    std::string first, last;
    for (const auto& row : dates.rows) {
      if (first.empty() || row[1].value < first) first = row[1].value;
      if (last.empty() || row[1].value > last) last = row[1].value;
    }
    if (arts.rows.size() != 1) {
      source.title = std::to_string(arts.rows.size()) + " articles";
      if (!first.empty()) source.title += ", " + first + (first == last ? "" : " to " + last);
      return;
    }
    QueryTable head =
        query(model, "SELECT ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h }");
    QueryTable pub = query(model,
                           "SELECT ?l WHERE { ?a a schema:NewsArticle ; schema:publisher ?p . "
                           "?p rdfs:label ?l }");
    if (!head.rows.empty() && !head.rows[0][0].value.empty()) {
      source.title = head.rows[0][0].value;
      return;
    }
    source.title = pub.rows.empty() ? "1 article" : pub.rows[0][0].value;
    if (!first.empty()) source.title += " \xC2\xB7 " + first;
  }
};

}  // namespace

DiagramSource diagram_source(const RdfModel& model) {
  RdfSourceBuilder b{model, {}, {}};
  b.entities();
  b.relations();
  b.meetings();
  b.title();
  return std::move(b.source);
}

}  // namespace ng
