// A read-only view of one Document's dependency parse and entities, with the
// questions extraction rules ask of it: children of a word, conjuncts, the
// controller of a subjectless clause, modality of a predicate, the argument a
// word denotes (its entity, or a literal phrase), the place of an event's clause.
//
// Built once per document by the rules stage (O(tokens)); not thread-safe to
// share across documents, cheap to build.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace ng {

// Whether a dependency relation is rel or one of its subtypes ("obl:tmod"
// is an "obl").
bool is_rel(const std::string& deprel, std::string_view rel);

class SyntaxView {
 public:
  explicit SyntaxView(const Document& doc);

  const Document& doc() const { return doc_; }
  const std::vector<int>& children(int t) const { return children_[t]; }
  // Lower-cased form of token t.
  const std::string& lower(int t) const { return lower_[t]; }
  // First child of t with relation rel (exact, or rel:subtype); -1 if none.
  int child(int t, std::string_view rel) const;
  // Conjuncts of t ("X and Y and Z": the conj children of X).
  std::vector<int> conjuncts(int t) const;
  // The word whose subject a subjectless clause t shares: the head of an
  // xcomp/conj/advcl clause (recursively). -1 if none.
  int controller(int t) const;
  // Innermost mention containing t (preferring one headed by t); -1 if none.
  int mention_at(int t) const { return mention_at_[t]; }
  // "House Speaker Ana Ruiz" parsed with "House" as the head of the
  // phrase: the person's mention that the organisation or place name at w
  // qualifies (-1 = none); argument_for gives the person.
  int person_after_qualifier(int w) const;
  // "US Secretary of State Ana Ruiz" parsed with "US" as its head: the
  // person's name mention that encloses mention m and is headed by w, else m.
  int enclosing_person(int w, int m) const;
  // Paragraph of sentence s (0 first): paragraphs are separated by a line
  // break in the text between two sentences.
  int paragraph(int s) const { return paragraph_[s]; }

  // Whether predicate t is asserted, negated, future or hypothetical:
  // negation (not, never, n't, a subject opened by "neither"; before any
  // modal: "would not provide" is negated), future (will, shall, going to;
  // xcomp of plan, expect, intend, schedule...), hypothetical (may, might,
  // could, would, should; an "if" clause; not "would later say", a past
  // narrative). Conjuncts inherit their head's modality.
  Modality modality(int t) const;
  // The "look" of "look forward to <t>" ("looks forward to welcoming X"),
  // or -1.
  int looked_forward_to(int t) const;

  // The arguments word w denotes: its entity (through coreference), or, for
  // "the sides", "both leaders", unresolved "they", the participants of the
  // meeting in focus (events[focus_meeting]); otherwise one literal phrase.
  std::vector<Argument> arguments(int w, int focus_meeting) const;
  // Whether w is a noun for people who act for a side ("delegation",
  // "envoys", "the minister"): such a phrase stands for entities.
  bool people_noun(int w) const;
  // A clause as a literal argument (the words of its subtree).
  Argument clause_argument(int w) const;
  // Token range [first, last) of w's noun phrase: its subtree without
  // relative clauses, appositions and edge punctuation.
  std::pair<int, int> phrase_span(int w) const;
  // Token range of w's whole subtree.
  std::pair<int, int> subtree_span(int w) const;

  // Surface relation words of predicate t: auxiliaries, negation, the verb
  // and its particle ("did not meet", "was received", "handed over").
  std::string relation_text(int t) const;
  // The prepositions after predicate t in its clause (up to a verb not
  // attached to t, a subordinator or a wh-word), among `words`, in order.
  std::vector<int> prepositions_after(int t, std::initializer_list<std::string_view> words) const;
  // The place of the event triggered by t: an in/at/to oblique or nominal
  // modifier that is a place entity. Empty Argument if none.
  Argument place_of(int t) const;

  // Argument for mention/entity of token w, or a literal phrase.
  Argument argument_for(int w) const;

 private:
  // Steps of clause_argument, each narrowing the token range [lo, hi).
  int quote_direction(int k) const;
  bool trim_clause_front(int w, int& lo, int hi) const;
  bool skip_narration_before_quote(int& lo, int hi) const;
  void cut_narration_after_quote(int lo, int& hi, bool quoted) const;
  void skip_time_phrase(int w, int& lo) const;
  void cut_trailing_attribution(int lo, int& hi) const;
  void cut_coordinated_narration(int w, int& hi) const;
  void trim_clause_back(int lo, int& hi) const;

  const Document& doc_;
  std::vector<std::vector<int>> children_;
  std::vector<std::string> lower_;
  std::vector<int> mention_at_;
  std::vector<int> person_headed_by_;  // per token: the longest person name mention it heads, -1
  std::vector<int> paragraph_;  // per sentence
};

}  // namespace ng
