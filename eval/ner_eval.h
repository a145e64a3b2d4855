// Scoring named-entity spans against gold, the way Universal NER and CoNLL
// score them: a system span counts as correct when a gold span has exactly
// the same tokens and the same type. Three types are scored: PER, ORG and
// LOC; the system's GPE, LOC and FAC all count as LOC, and every other type
// (NORP, EVENT, DATE, OTHER, gold MISC...) is ignored on both sides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace ng {

enum NerClass : int { kNerPer = 0, kNerOrg, kNerLoc, kNerClasses, kNerIgnored = -1 };
inline constexpr const char* kNerClassNames[kNerClasses] = {"PER", "ORG", "LOC"};

// A span of tokens [first, last) of sentence `sentence` (indices relative to
// the sentence), of a scored class.
struct NerSpan {
  long sentence = 0;
  int first = 0, last = 0;
  int cls = kNerPer;
  bool operator==(const NerSpan& o) const = default;
  auto operator<=>(const NerSpan& o) const = default;
};

// The scored class of a gold type name ("PER", "ORG", "LOC"; also "GPE",
// "FAC", "PERSON"); kNerIgnored for any other.
int ner_class(std::string_view gold_type);
// The scored class of a system type: Person, Org, and Gpe/Loc/Fac as LOC.
int ner_class(EntityType type);

// The spans of a BIO sequence of sentence `sentence` (tags "O", "B-X",
// "I-X"). An I-X that does not continue an X span starts one (as conlleval
// reads it). Spans of ignored types are left out.
std::vector<NerSpan> spans_from_bio(const std::vector<std::string>& tags, long sentence);

struct NerScore {
  long gold[kNerClasses] = {}, system[kNerClasses] = {}, correct[kNerClasses] = {};
  // Precision, recall and F1 of one class, or of all three pooled (cls = -1,
  // micro-average); 0 when undefined.
  double precision(int cls = -1) const;
  double recall(int cls = -1) const;
  double f1(int cls = -1) const;
};

// Adds one sentence's (or document's) spans to score; duplicates on either
// side count once.
void score_spans(std::vector<NerSpan> gold, std::vector<NerSpan> system, NerScore& score);

// The system spans of an analysed document: its Name mentions, typed by their
// entity (the type `newsgraph entities` reports) or, unresolved, by their own
// type; sentence = sentence_base + the mention's sentence.
std::vector<NerSpan> system_spans(const Document& doc, long sentence_base);

// The report: one line per class and one pooled ("ALL"), then the last line
// "NER_F1=x PER_F1=x ORG_F1=x LOC_F1=x" (values in 0-1, four decimals).
std::string format_ner_score(const NerScore& score);

}  // namespace ng
