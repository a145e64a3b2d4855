// The rules stage: applies extraction rules (extraction/rules.h) to every
// sentence's dependency parse and adds Facts and Events to the Document;
// then open extraction (extraction/open_ie.h) adds generic clause facts for what
// no specific rule covered; article metadata (source, date) and the roles
// found by coreference become facts too.
//
// The work is split by responsibility: extraction/rules.h loads the rules,
// extraction/rule_match.h matches one rule at one trigger word (its tests and
// slots, over the parse), extraction/fact_builder.h turns a match into facts
// and events; this stage runs them sentence by sentence.
//
// Preconditions: tokens are tagged, lemmatised and parsed; mentions and
// entities are resolved (coreference ran), so fact arguments are entities
// wherever the article says who is meant.
// Thread-safety: process() is const; one instance serves many threads.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/stage.h"
#include "entities/gazetteer.h"
#include "extraction/meetings.h"
#include "extraction/rules.h"

namespace ng {

class SyntaxView;

struct RelationExtractorOptions {
  std::vector<std::string> rule_files;  // rule files (the bundled news rules + --rules)
  bool open_extraction = true;          // generic facts for clauses no rule covered
  bool article_facts = true;            // publisher / datePublished facts
  // Keep facts whose subject or object is a pronoun or demonstrative that
  // coreference left unresolved ("it", "they", "this"): off for the graph,
  // on for open-IE benchmarks whose gold keeps them (CaRB).
  bool keep_unresolved = false;
  // Predicate/class check against the ontology; nullptr = no check.
  std::function<bool(const std::string&)> is_declared;
  // When set, one line per rule tried on a trigger word: which rule, where,
  // and what it produced or why it gave nothing (for rule writers).
  std::ostream* trace = nullptr;
};

class RelationExtractor : public Stage {
 public:
  explicit RelationExtractor(RelationExtractorOptions options);
  std::string_view name() const override { return "relation_extractor"; }
  void process(Document& doc) const override;
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  // The rules whose trigger lemma is token t's (lemma, else lower-cased
  // form), after those triggered by any word; in rule order within each.
  std::vector<int> candidate_rules(const SyntaxView& sv, int t) const;

  RelationExtractorOptions options_;
  std::vector<Rule> rules_;
  std::unordered_map<std::string, std::vector<int>> by_lemma_;  // trigger lemma -> rules
  std::vector<int> any_lemma_;                                   // rules with lemma "*"
  extraction_internal::Countries countries_;                     // lexicon/countries.tsv
  Gazetteer places_;  // lexicon/ (with the populated places): for known_place slots
};

// The bundled rule files (extraction/rules/*.yaml), sorted by name.
std::vector<std::string> default_rule_files();

}  // namespace ng
