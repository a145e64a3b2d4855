// When and where an event happened: the date and place of the clause that
// reports it, else of its sentence's main clause, else of the paragraph
// before it. Time expressions are normalised by ng::time_expression_at
// against the article date and the event's tense. An event whose text gives
// no time gets no date, except in the lede (the article's first paragraph),
// whose past-tense news happened on the publication date.
#pragma once

#include <string>

#include "core/document.h"
#include "syntax/syntax_view.h"

namespace ng::extraction_internal {

// ISO date (maybe partial) of the event triggered by token t, or "": a
// meeting noun's own clause ("a summit where on Sunday ..."), the trigger's
// clause and the clauses above it, an earlier sentence of its paragraph,
// and the publication date for the lede. `future`: the event is reported as future (a bare "Monday" points ahead).
std::string event_date(const SyntaxView& sv, int t, bool future);

// The place of the event triggered by token t: an in/at/to place of its
// clause (SyntaxView::place_of), a "where" clause's antecedent ("visited
// Tehran, where he met ..."), a place of its sentence's main clause, or the
// place of an earlier event of the same paragraph with the same date, or,
// in the lede, the dateline's place.
// Empty Argument if none.
Argument event_place(const SyntaxView& sv, int t, const std::string& date);

// The place words of the article's dateline, as token range [first, last):
// "MOSCOW, March 5 (Reuters) - ...", "NEW YORK (AP) — ...", "BAKU -- ..."
// (words in capitals at the start of the body, then a date, an agency in
// brackets or a dash). {-1, -1} when the article has none.
std::pair<int, int> dateline(const Document& doc);

// The dateline's place as a literal argument ("Moscow", "New York");
// empty when there is no dateline.
Argument dateline_place(const Document& doc);


}  // namespace ng::extraction_internal
