// Open information extraction: generic (subject, relation phrase, object)
// facts for every clause of a sentence, in the clause-based manner (SVO,
// SVOO, SVC, SVA and prepositional variants), so `triples` is useful on any
// text. Facts use the predicate ng:relation with the relation words in
// Fact::relation_text, a lower confidence than specific rules, and rule ids
// "open.svo", "open.svc", "open.sva", ...
#pragma once

#include <vector>

#include "core/document.h"
#include "syntax/syntax_view.h"

namespace ng {

// Facts for the clauses of sentence s. covered[t] != 0 marks predicates a
// specific rule already turned into facts; they get no generic fact.
std::vector<Fact> open_facts(const SyntaxView& sv, int s, const std::vector<char>& covered,
                             int focus_meeting);

}  // namespace ng
