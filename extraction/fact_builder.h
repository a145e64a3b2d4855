// Building the rules stage's output: facts and events from a rule matched at
// a trigger word, facts from the roles coreference found, and facts about
// the article itself. Facts go through a FactSink, so a document never holds
// the same fact twice. Used by the rules stage (extraction/relation_extractor.h);
// internal.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "extraction/rules.h"
#include "syntax/syntax_view.h"

namespace ng::extraction_internal {

// Adds facts to a document, each once: a fact with the same sentence,
// subject, predicate and object as one already there (or added before) is
// dropped, and so is a fact without a subject, whose subject is its object,
// or (unless kept) with an argument that is a bare pronoun or demonstrative coreference
// left unresolved ("it", "they", "this"): such a fact says nothing about
// anyone a reader could name.
class FactSink {
 public:
  // keep_unresolved: keep facts with a bare pronoun argument.
  FactSink(Document& doc, bool keep_unresolved);
  void add(Fact&& f);
  const Document& doc() const { return doc_; }

 private:
  Document& doc_;
  bool keep_unresolved_;
  std::set<std::string> seen_;  // keys of the document's facts
};

// A rule matched at a trigger word, its slots filled.
struct Match {
  const Rule& rule;
  int sentence = 0;
  int trigger = 0;
  Modality modality = Modality::Asserted;
  std::string relation_text;                   // the trigger's relation words
  std::vector<std::vector<Argument>> fillers;  // per slot of the rule

  // Index of the rule's slot called `name`; -1 if none.
  int slot_index(const std::string& name) const;
};

// The rule's facts: every subject filler with every object filler. True when
// the rule has a fact to make (even if the sink had it already).
bool add_rule_facts(const Match& m, FactSink& sink);

// The rule's events, one per event spec that has enough participants; an
// event on a trigger that already has one of its class adds its roles to it,
// and a focus event adds them to the meeting in focus (focus_meeting, an
// index into doc.events, updated to every new asserted meeting). True when an
// event was made or grown.
bool add_rule_events(const SyntaxView& sv, const Match& m, Document& doc, int& focus_meeting);

// Roles found by coreference: "X, President of Y" -> jobTitle + officeIn
// (modality "former" for a past role; none for an entity named only by a title).
void add_role_facts(const Document& doc, FactSink& sink);

// The article's publisher (its source) and publication date.
void add_article_facts(const Document& doc, FactSink& sink);

}  // namespace ng::extraction_internal
