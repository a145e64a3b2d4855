#include "rdf/who_met.h"
#include "core/text.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "graph/iri.h"
#include "rdf/sparql.h"

namespace ng {

namespace {

constexpr const char* kPrefixes = R"(PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
)";

// The meetings and their participant pairs. rasqal 0.9.33 returns wrong rows
// for OPTIONAL after a group of several triple patterns, so the optional
// attributes come from separate OPTIONAL-free queries, joined here by event.
constexpr const char* kPairs = R"(
SELECT DISTINCT ?e ?cls ?a ?b ?la ?lb ?doc ?modality WHERE {
  ?e a ?cls ;
     ng:participant ?a ;
     ng:participant ?b ;
     ng:modality ?modality ;
     prov:wasDerivedFrom ?article .
  ?article ng:docId ?doc .
  ?a rdfs:label ?la .
  ?b rdfs:label ?lb .
  FILTER (?a != ?b && (?cls = ng:Meeting || ?cls = ng:Call))
})";

std::string clean(const std::string& s) { return one_line(s); }

// Event IRI -> the smallest value of `pattern`'s ?v (deterministic when a
// graph merged from several builds holds more than one).
std::map<std::string, RdfTerm> attribute(const RdfModel& model, const std::string& pattern) {
  QueryTable t =
      run_query(model, std::string(kPrefixes) + "SELECT DISTINCT ?e ?v WHERE { ?e a ?cls . " +
                           pattern + " FILTER (?cls = ng:Meeting || ?cls = ng:Call) }");
  std::map<std::string, RdfTerm> out;
  for (const auto& row : t.rows) {
    if (row.size() != 2 || row[0].kind != RdfTerm::Kind::Iri) continue;
    auto it = out.find(row[0].value);
    if (it == out.end() || row[1].value < it->second.value) out[row[0].value] = row[1];
  }
  return out;
}

// The modality column of a meeting or call event: a call is "call" (or
// "future call", "negated call", ...); nullopt when the row is not listed
// (only asserted meetings unless include_all).
std::optional<std::string> listed_modality(const std::string& cls, const std::string& modality,
                                           bool include_all) {
  static const std::string kCall = std::string(kNgNamespace) + "Call";
  const bool call = cls == kCall;
  if (!include_all && (call || modality != "asserted")) return std::nullopt;
  if (!call) return modality;
  return modality == "asserted" ? std::string("call") : modality + " call";
}

std::string value_of(const std::map<std::string, RdfTerm>& m, const std::string& event) {
  auto it = m.find(event);
  return it == m.end() ? std::string() : it->second.value;
}

}  // namespace

std::vector<MeetingPair> who_met(const RdfModel& model, bool include_all) {
  QueryTable t = run_query(model, std::string(kPrefixes) + kPairs);
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(t.variables.begin(), t.variables.end(), name) -
                               t.variables.begin());
  };
  const size_t e = col("e"), cls = col("cls"), a = col("a"), b = col("b"), la = col("la"),
               lb = col("lb"), doc = col("doc"), modality = col("modality");
  const auto text = attribute(model, "?e ng:sentenceText ?v .");
  const auto start = attribute(model, "?e ng:startOffset ?v .");
  const auto date = attribute(model, "?e schema:startDate ?v .");
  const auto place = attribute(model, "?e schema:location ?v .");
  const auto place_label = attribute(model, "?e schema:location ?p . ?p rdfs:label ?v .");
  // (event, IRI a, IRI b) with IRI a < IRI b -> the row with the smallest labels.
  std::map<std::tuple<std::string, std::string, std::string>, MeetingPair> pairs;
  for (const auto& row : t.rows) {
    if (row.size() != t.variables.size()) continue;
    const auto listed = listed_modality(row[cls].value, row[modality].value, include_all);
    if (!listed) continue;
    MeetingPair p;
    std::string ia = row[a].value, ib = row[b].value;
    p.a = row[la].value;
    p.b = row[lb].value;
    if (ib < ia) {
      std::swap(ia, ib);
      std::swap(p.a, p.b);
    }
    p.event = row[e].value;
    p.doc = row[doc].value;
    p.modality = *listed;
    p.date = value_of(date, p.event);
    p.place = value_of(place_label, p.event);
    if (p.place.empty()) {
      auto it = place.find(p.event);
      if (it != place.end() && it->second.kind == RdfTerm::Kind::Literal)
        p.place = it->second.value;
    }
    p.sentence = value_of(text, p.event);
    try {
      std::string s = value_of(start, p.event);
      p.start = s.empty() ? -1 : std::stol(s);
    } catch (...) {
      p.start = -1;
    }
    auto key = std::make_tuple(p.event, ia, ib);
    auto it = pairs.find(key);
    if (it == pairs.end()) {
      pairs.emplace(std::move(key), std::move(p));
      continue;
    }
    // Several labels (graphs merged from different builds): keep the smallest.
    MeetingPair& q = it->second;
    if (std::tie(p.a, p.b) < std::tie(q.a, q.b)) q = std::move(p);
  }
  std::vector<MeetingPair> out;
  out.reserve(pairs.size());
  for (auto& [key, p] : pairs) {
    if (p.b < p.a) std::swap(p.a, p.b);
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const MeetingPair& x, const MeetingPair& y) {
    return std::tie(x.doc, x.start, x.event, x.a, x.b) <
           std::tie(y.doc, y.start, y.event, y.a, y.b);
  });
  return out;
}

namespace {

constexpr const char* kEventParticipants = R"(
SELECT DISTINCT ?e ?p ?lp ?doc ?modality ?cls WHERE {
  ?e a ?cls ;
     ng:participant ?p ;
     ng:modality ?modality ;
     prov:wasDerivedFrom ?article .
  ?article ng:docId ?doc .
  ?p rdfs:label ?lp .
  FILTER (?cls = ng:Meeting || ?cls = ng:Call)
})";

// Event IRI -> the event with its participants' labels (one label per
// participant IRI: the smallest, for graphs merged from several builds).
std::map<std::string, MeetingEvent> events_with_participants(const RdfModel& model,
                                                             bool include_all) {
  QueryTable t = run_query(model, std::string(kPrefixes) + kEventParticipants);
  std::map<std::string, std::map<std::string, std::string>> labels;  // event -> IRI -> label
  std::map<std::string, MeetingEvent> events;
  for (const auto& row : t.rows) {
    if (row.size() != 6) continue;
    const auto listed = listed_modality(row[5].value, row[4].value, include_all);
    if (!listed) continue;
    MeetingEvent& ev = events[row[0].value];
    ev.event = row[0].value;
    ev.doc = row[3].value;
    ev.modality = *listed;
    auto [it, fresh] = labels[row[0].value].emplace(row[1].value, row[2].value);
    if (!fresh && row[2].value < it->second) it->second = row[2].value;
  }
  for (auto& [iri, ev] : events) {
    for (const auto& [p, label] : labels[iri]) ev.participants.push_back(label);
    std::sort(ev.participants.begin(), ev.participants.end());
    ev.participants.erase(std::unique(ev.participants.begin(), ev.participants.end()),
                          ev.participants.end());
  }
  return events;
}

}  // namespace

std::vector<MeetingEvent> meeting_events(const RdfModel& model, bool include_all) {
  auto events = events_with_participants(model, include_all);
  const auto text = attribute(model, "?e ng:sentenceText ?v .");
  const auto start = attribute(model, "?e ng:startOffset ?v .");
  const auto date = attribute(model, "?e schema:startDate ?v .");
  const auto place = attribute(model, "?e schema:location ?v .");
  const auto place_label = attribute(model, "?e schema:location ?p . ?p rdfs:label ?v .");
  std::vector<MeetingEvent> out;
  for (auto& [iri, ev] : events) {
    ev.date = value_of(date, iri);
    ev.place = value_of(place_label, iri);
    if (auto it = place.find(iri);
        ev.place.empty() && it != place.end() && it->second.kind == RdfTerm::Kind::Literal)
      ev.place = it->second.value;
    ev.sentence = value_of(text, iri);
    const std::string s = value_of(start, iri);
    ev.start = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos &&
                       s.size() < 18
                   ? std::stol(s)
                   : -1;
    out.push_back(std::move(ev));
  }
  std::sort(out.begin(), out.end(), [](const MeetingEvent& x, const MeetingEvent& y) {
    return std::tie(x.doc, x.start, x.event) < std::tie(y.doc, y.start, y.event);
  });
  return out;
}

std::string meeting_events_tsv(const std::vector<MeetingEvent>& rows) {
  std::string out = "event\tparticipants\tdate\tplace\tmodality\tdoc\tsentence_text\n";
  for (const auto& r : rows) {
    std::string people;
    for (const auto& p : r.participants) people += (people.empty() ? "" : " | ") + clean(p);
    out += clean(r.event) + '\t' + people + '\t' + clean(r.date) + '\t' + clean(r.place) + '\t' +
           clean(r.modality) + '\t' + clean(r.doc) + '\t' + clean(r.sentence) + '\n';
  }
  return out;
}

std::string who_met_tsv(const std::vector<MeetingPair>& rows, bool with_modality) {
  std::string out = "a\tb\tdate\tplace\tdoc\tsentence_text";
  if (with_modality) out += "\tmodality";
  out += '\n';
  for (const auto& r : rows) {
    out += clean(r.a) + '\t' + clean(r.b) + '\t' + clean(r.date) + '\t' + clean(r.place) + '\t' +
           clean(r.doc) + '\t' + clean(r.sentence);
    if (with_modality) out += '\t' + clean(r.modality);
    out += '\n';
  }
  return out;
}

}  // namespace ng
