// Extraction rules: data files (YAML) of patterns over the dependency parse.
// The rule language (every key, its meaning and default, and how a rule is
// applied) is described in one place: extraction/rule_language.md. This
// header holds the loaded form; its field comments state what the loader
// guarantees.
//
// Loading validates everything: unknown keys, unknown relations or entity
// types, predicates or classes the ontology does not declare. Errors name the
// file, the line and the rule id.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace ng {

// One step of a slot path.
struct PathStep {
  bool up = false;                  // '^': move to the head
  bool self = false;                // '.': stay on the current word (the trigger itself)
  std::string deprel;               // relation to follow (full, e.g. "nsubj:pass"); "" with up
  std::vector<std::string> case_lemmas;  // [case=a|b]: the child must have a case/mark word with one of these lemmas
  std::vector<std::string> lemmas;  // [lemma=a|b]: the reached word's lemma
  std::vector<std::string> upos;    // [upos=VERB|AUX]: the reached word's part of speech
};

struct Slot {
  std::string name;                           // slot name used by fact/event mappings
  std::vector<std::vector<PathStep>> paths;   // alternatives, tried in order
  std::vector<EntityType> types;              // allowed entity types; empty = any
  bool require_entity = false;                // the filler must be an entity mention
  bool optional = false;                      // rule fires without it
  bool conj = true;                           // expand over conjuncts
  bool clause = false;                        // filler is a clause: its text is a literal
  bool complete = false;                      // clause: a quotation or with a subject of its own
  bool known_place = false;                   // the filler is a place of the gazetteer (lexicon/)
  bool known_region = false;                  // ... a country, region or continent of it
  bool literal = false;                       // the filler is a phrase, not an entity nor people
  // Every entity mention of the slot's types on this side of the trigger
  // (YAML "before" or "after"), up to the sentence edge or the first other
  // verb: for lists a parse often breaks ("was attended by A and B, C and
  // D"). With paths too, used only when the paths reach no word.
  enum class Side : uint8_t { None, Before, After };
  Side side = Side::None;
};

struct Rule {
  std::string id;
  std::string file;                 // where it was defined (for messages)
  int line = 0;                     // 1-based line of the rule in file
  // Trigger.
  std::vector<std::string> lemmas;  // trigger lemma (any of); required
  std::vector<std::string> upos;    // allowed UPOS; empty = any
  std::vector<std::string> trigger_deprels; // the trigger's own relation (any of); empty = any
  std::vector<EntityType> trigger_types;    // the trigger must be (in) a mention of these types
  std::vector<std::string> requires_child; // paths that must exist ("obj[lemma=talk]")
  std::vector<std::vector<PathStep>> required_paths; // parsed requires_child
  std::vector<std::string> excludes_child; // paths that must NOT exist ("obl[lemma=phone]")
  std::vector<std::vector<PathStep>> excluded_paths; // parsed excludes_child
  std::vector<Modality> modality;   // allowed modalities; empty = any
  std::vector<Slot> slots;
  // Output: a fact, an event, or both.
  struct FactSpec {
    std::string subject, object;    // slot names; object may be "" (no object)
    std::string predicate;          // CURIE
    std::vector<std::pair<std::string, std::string>> extra; // role CURIE -> slot
    // The relation phrase reported with the fact ("is part of"); "" = the
    // trigger word with its auxiliaries and negation ("had not met").
    std::string relation;
  };
  std::vector<FactSpec> facts;
  struct EventSpec {
    std::string cls;                // CURIE ("ng:Meeting")
    std::vector<std::pair<std::string, std::string>> roles; // slot -> role CURIE
    std::string place_slot;         // slot holding the place ("" = find in sentence)
    int min_participants = 2;       // participants needed for the event
    // The roles join the meeting in focus (the last asserted ng:Meeting made
    // in the article) when there is one: "X joined the talks". Only for
    // class ng:Meeting.
    bool focus = false;
  };
  std::vector<EventSpec> events;
  double confidence = 0.8;
  // Examples the test suite runs.
  struct Example {
    std::string text;
    std::vector<std::string> facts;     // "subject | predicate | object" that must appear
    std::vector<std::string> not_facts; // that must not appear
    std::vector<std::string> events;    // "class | participant, participant" that must appear
    bool no_event = false;              // no event may appear
  };
  std::vector<Example> examples;
};

// The keys each mapping of a rule file may hold ("rule", "trigger", "slot",
// "fact", "event", "example"), in the order error messages list them; the
// loader rejects any other. extraction/rule_language.md documents every one
// (a test checks it).
struct RuleFileKeys {
  std::string_view mapping;
  std::vector<std::string_view> keys;
};
const std::vector<RuleFileKeys>& rule_file_keys();

// Loads and validates one rule file. `is_declared(curie)` says whether the
// ontology declares a predicate/class; pass nullptr to skip that check.
// Throws ng::Error "FILE:LINE: rule 'ID': problem".
std::vector<Rule> load_rules(const std::string& path,
                             const std::function<bool(const std::string&)>& is_declared);

// Parses one path alternative ("obl[case=with]/nmod"). Throws ng::Error with
// a message that quotes the path (the caller adds file/line).
std::vector<PathStep> parse_path(const std::string& text);

}  // namespace ng
