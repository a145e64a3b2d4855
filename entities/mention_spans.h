// Spans of mentions in the parse, shared by NER, roles and coreference: the
// head of a span, the whole referring expression around a name, and the word
// of a name that says what the named thing is.
#pragma once

#include <utility>

#include "core/document.h"

namespace ng {

// Head token of tokens [first, last) by the parse: the token whose head lies
// outside the span, the one closest to the root when several do (ties go to
// nominals); without a parse, the last PROPN/NOUN (else the first token).
int span_head(const Document& doc, int first, int last);

// The whole referring expression a name stands in, as tokens [first, last)
// around the name's tokens [m.first, m.last): the name with the modifiers its
// head has in the parse to its left (article, adjectives, titles, a
// possessive owner: "the pro-Beijing DAB's Starry Lee") and, to its right, an
// "of"/"from" phrase whose object is a proper noun ("Lee Cheuk-yan of the
// Labour Party"). Clauses, coordination, appositions, punctuation at the
// edges and phrases with a comma inside stay out. This is the mention extent
// of OntoNotes and GUM; the name itself stays [m.first, m.last). Without a
// parse the extent is the name.
std::pair<int, int> referring_extent(const Document& doc, const Mention& m);

// The token of name [first, last) that says what the named thing is: the
// word before its first inner "of" ("the University of X", "the Church of
// X"), else its last word ("the X Memorial").
int kind_word(const Document& doc, int first, int last);

}  // namespace ng
