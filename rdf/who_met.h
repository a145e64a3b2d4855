// "Who met whom": one SPARQL query over the RDF model (ng:Meeting events and
// their ng:participant links), so it answers the same for a graph built in
// memory from articles and for a graph file written by `newsgraph build`.
#pragma once

#include <string>
#include <vector>

#include "rdf/rdf.h"

namespace ng {

struct MeetingPair {
  std::string a, b;       // participants' rdfs:label, a < b (byte order)
  std::string date;       // lexical schema:startDate ("2024-05-06", "2024-05"); "" = unknown
  std::string place;      // the place's label (or literal); "" = unknown
  std::string doc;        // the source article's ng:docId
  std::string sentence;   // ng:sentenceText of the event
  std::string modality;   // "asserted", "negated", "future", "hypothetical"
  std::string event;      // event IRI
  long start = -1;        // ng:startOffset of the sentence; -1 = unknown
};

// One row per unordered pair of distinct participants per meeting event,
// sorted by doc, sentence offset, a, b. Only asserted meetings unless
// include_all. The query uses DISTINCT because the default graph repeats
// triples held by several named graphs. Throws ng::Error on a query failure.
std::vector<MeetingPair> who_met(const RdfModel& model, bool include_all = false);

// TSV with the header "a\tb\tdate\tplace\tdoc\tsentence_text" (plus
// "\tmodality" when with_modality); tabs and line breaks in values -> spaces.
std::string who_met_tsv(const std::vector<MeetingPair>& rows, bool with_modality);

// One meeting event with its named participants (labels, sorted, at least
// one: "Kerry held talks in Geneva" is a meeting too).
struct MeetingEvent {
  std::string event;                      // event IRI
  std::vector<std::string> participants;  // rdfs:label of each ng:participant
  std::string date, place, modality, doc, sentence;
  long start = -1;
};

// One row per meeting event (only asserted ones unless include_all),
// sorted by doc, sentence offset, event IRI. Throws ng::Error on a query
// failure.
std::vector<MeetingEvent> meeting_events(const RdfModel& model, bool include_all = false);

// TSV with the header "event\tparticipants\tdate\tplace\tmodality\tdoc\tsentence_text";
// participants joined by " | ".
std::string meeting_events_tsv(const std::vector<MeetingEvent>& rows);

}  // namespace ng
