// Meetings after the rules: who takes part, and which reports are one
// meeting.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "core/document.h"
#include "syntax/syntax_view.h"

namespace ng::extraction_internal {

// Whether the meeting trigger t refers back to a meeting already told:
// t, or its subject or object, is "the/this meeting" (talks, summit,
// gathering, session, conference, visit) with no participants of its own
// ("The meeting was attended by ...", "dropped by the meeting").
bool refers_back(const SyntaxView& sv, int t);

// Whether a meeting reported at sentence s on `date` can be the same as
// `earlier`: an asserted meeting at most two sentences before, in the same
// paragraph, with no other date.
bool continues(const SyntaxView& sv, const Event& earlier, int s, const std::string& date);

// The countries of lexicon/countries.tsv: which places may be a party to a
// meeting (a country may; a city or region never), and the country of a
// nationality ("ukrainian" -> "Ukraine").
struct Countries {
  std::set<std::string> keys;                     // gazetteer_key of every name
  std::map<std::string, std::string> of_demonym;  // gazetteer_key(demonym) -> name
  static Countries load(const std::filesystem::path& lexicon_dir);
};

// Meeting participants that the text names only by a role or description
// ("the Russian President", "the envoy") or by a nationality ("the Chinese
// side") become ng:describedParticipant, and a country or organisation
// that a named participant holds a role of (the text names a person for
// its side) becomes ng:representedParty: both stay in the graph, out of
// who-met. A party written as a nationality and a group noun ("the
// Ukrainian delegation", "the Chinese side") is its country when the article
// names it. A place that is not a country is no party: it becomes the
// event's place when it has none.
void mark_counterparts(Document& doc, const Countries& countries);

}  // namespace ng::extraction_internal
