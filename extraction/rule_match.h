// Matching one rule at one trigger word over the dependency parse: the
// trigger's own tests (UPOS, relation, mention type, required and excluded
// paths, modality), then the slots, each filled by following its paths from
// the trigger (extraction/rules.h says where the rule language is described).
// Used by the rules stage (extraction/relation_extractor.h); internal.
#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "entities/gazetteer.h"
#include "extraction/rules.h"
#include "syntax/syntax_view.h"

namespace ng::extraction_internal {

// Explains a rule's decision on one trigger word, one line on `out`
// ("doc  sentence  word  rule  reason"), when tracing (out != nullptr).
// The reason is built only then: callers pass a function returning it.
struct RuleTrace {
  std::ostream* out;  // nullptr: not tracing
  const Document& doc;
  int sentence;
  int trigger;
  const Rule& rule;

  bool on() const { return out != nullptr; }
  // Rules triggered by any word are traced only past their word tests
  // (word_test: the reason is one of those tests).
  template <class Why>
  void operator()(Why why, bool word_test = false) const {
    if (!out || (word_test && std::find(rule.lemmas.begin(), rule.lemmas.end(), "*") !=
                                  rule.lemmas.end()))
      return;
    *out << doc.id << "\t" << (sentence + 1) << "\t" << doc.tokens[trigger].form << "\t" << rule.id
         << "\t" << why() << "\n";
  }
};

// Whether the trigger word passes the rule's word tests: its UPOS, its own
// relation, the type of the mention it lies in.
bool trigger_word_matches(const SyntaxView& sv, const Rule& r, int t, const RuleTrace& trace);
// Whether every required path from the trigger reaches a word and no
// excluded one does.
bool trigger_paths_match(const SyntaxView& sv, const Rule& r, int t, const RuleTrace& trace);

// Whether the trigger's modality m is one the rule allows.
bool trigger_modality_matches(const Rule& r, Modality m, const RuleTrace& trace);

// Fills the rule's slots from trigger t, in order, into fillers (one list per
// slot). Each slot takes the first alternative that yields acceptable
// arguments (of the slot's types; entities where required; the whole clause
// for clause slots). False, at the first required slot left empty.
// focus_meeting: the meeting in focus, which "the sides" stand for.
// places: the gazetteer that `known_place` slots check (nullptr: such slots
// accept no filler).
bool fill_slots(const SyntaxView& sv, const Rule& r, int t, int focus_meeting,
                const Gazetteer* places, const RuleTrace& trace,
                std::vector<std::vector<Argument>>& fillers);

// Arguments do not overlap: a literal conjunct inside another literal of
// the same slot is part of it ("praised [the peace and progress achieved
// in X]"), and a literal phrase that swallowed another filler ("the keys to
// Governor X") ends before it, without a dangling "and".
void trim_overlapping_literals(const Document& doc, std::vector<std::vector<Argument>>& fillers);

}  // namespace ng::extraction_internal
