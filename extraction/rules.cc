#include "extraction/rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "core/document.h"
#include "core/error.h"

namespace ng {
namespace {

// UD relations a path may follow (with subtypes allowed after ':').
const std::set<std::string>& known_relations() {
  static const std::set<std::string> r = {
      "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
      "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
      "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
      "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"};
  return r;
}

const Modality kModalities[] = {Modality::Asserted, Modality::Negated, Modality::Future,
                                Modality::Hypothetical};
const std::set<std::string> kUpos = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ",
                                     "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
                                     "SYM", "VERB", "X"};

struct Ctx {
  std::string file;
  std::string rule_id;
  int line = 0;
  [[noreturn]] void fail(const YAML::Node& at, const std::string& why) const {
    int l = at.IsDefined() && at.Mark().line >= 0 ? at.Mark().line + 1 : line;
    std::string who = !rule_id.empty() ? " rule '" + rule_id + "':"
                      : line > 0        ? " rule at line " + std::to_string(line) + ":"
                                        : "";
    throw Error(file + ":" + std::to_string(l) + ":" + who + " " + why);
  }
};

std::vector<std::string> string_list(const Ctx& c, const YAML::Node& n, const char* what) {
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& e : n) {
      if (!e.IsScalar()) c.fail(e, std::string(what) + ": expected a string or a list of strings");
      out.push_back(e.as<std::string>());
    }
  } else {
    c.fail(n, std::string(what) + ": expected a string or a list of strings");
  }
  return out;
}

// The keys of one mapping (rule_file_keys()).
const std::vector<std::string_view>& keys_of(std::string_view mapping) {
  for (const auto& k : rule_file_keys())
    if (k.mapping == mapping) return k.keys;
  throw Error("internal: no key list for '" + std::string(mapping) + "'");
}

// Rejects a key of `map` that is not among the keys of `mapping`; `what`
// names the mapping in the message.
void check_keys(const Ctx& c, const YAML::Node& map, std::string_view mapping, const char* what) {
  const auto& allowed = keys_of(mapping);
  if (!map.IsMap()) c.fail(map, std::string(what) + ": expected a mapping");
  for (const auto& kv : map) {
    auto key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      c.fail(kv.first, std::string(what) + ": unknown key '" + key + "' (allowed: " + list + ")");
    }
  }
}

// A finite number (".nan", ".inf" and non-numbers are errors naming `what`).
double number(const Ctx& c, const YAML::Node& n, const char* what) {
  double v = 0;
  try {
    v = n.as<double>();
  } catch (const YAML::Exception&) {
    c.fail(n, std::string(what) + ": expected a number, got '" + n.Scalar() + "'");
  }
  if (!std::isfinite(v)) c.fail(n, std::string(what) + ": expected a finite number, got '" + n.Scalar() + "'");
  return v;
}

// A whole number in [lo, hi], checked before any conversion to int (so
// 1e300 is an error, not an overflow).
int whole_number(const Ctx& c, const YAML::Node& n, const char* what, int lo, int hi) {
  double v = number(c, n, what);
  if (v < lo || v > hi || v != std::floor(v))
    c.fail(n, std::string(what) + ": expected a whole number from " + std::to_string(lo) + " to " +
                  std::to_string(hi) + ", got '" + n.Scalar() + "'");
  return static_cast<int>(v);
}

bool boolean(const Ctx& c, const YAML::Node& n, const char* what) {
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    c.fail(n, std::string(what) + ": expected true or false, got '" + n.Scalar() + "'");
  }
}

}  // namespace

const std::vector<RuleFileKeys>& rule_file_keys() {
  static const std::vector<RuleFileKeys> keys = {
      {"rule", {"id", "trigger", "slots", "fact", "facts", "event", "confidence", "examples", "comment"}},
      {"trigger", {"lemma", "upos", "deprel", "type", "requires", "excludes", "modality"}},
      {"slot", {"path", "type", "entity", "optional", "conj", "clause", "side", "known_place",
                 "known_region", "complete", "literal"}},
      {"fact", {"subject", "predicate", "object", "extra", "relation"}},
      {"event", {"class", "roles", "place", "min_participants", "focus"}},
      {"example", {"text", "facts", "not_facts", "events", "no_event"}},
  };
  return keys;
}

namespace {

// values: a|b|c (empty alternatives are skipped).
std::vector<std::string> split_values(const std::string& v) {
  std::vector<std::string> values;
  size_t q = 0;
  while (q <= v.size()) {
    size_t bar = v.find('|', q);
    if (bar == std::string::npos) bar = v.size();
    if (bar > q) values.push_back(v.substr(q, bar - q));
    q = bar + 1;
  }
  return values;
}

// constraint: [case=values], [lemma=values] or [upos=values], the text
// between the brackets.
void parse_constraint(const std::string& cond, const std::string& text, PathStep& s) {
  size_t eq = cond.find('=');
  if (eq == std::string::npos)
    throw Error("constraint '[" + cond + "]' needs key=value in path '" + text + "'");
  std::string key = cond.substr(0, eq);
  std::vector<std::string> values = split_values(cond.substr(eq + 1));
  if (values.empty()) throw Error("constraint '[" + cond + "]' has no value in path '" + text + "'");
  if (key == "case") s.case_lemmas = values;
  else if (key == "lemma") s.lemmas = values;
  else if (key == "upos") {
    for (const auto& u : values)
      if (!kUpos.count(u)) throw Error("unknown UPOS '" + u + "' in path '" + text + "'");
    s.upos = values;
  } else
    throw Error("unknown constraint '" + key + "' in path '" + text + "' (use case=, lemma= or upos=)");
}

// step: '.' | '^' constraint* | relation constraint*  (`text`: the whole
// path, for messages).
PathStep parse_step(const std::string& step, const std::string& text) {
  PathStep s;
  if (step == ".") {
    s.self = true;
    return s;
  }
  size_t br = step.find('[');
  if (step[0] == '^') {
    // "^" or "^[lemma=...]": the head (with constraints on it).
    s.up = true;
    if (br != 1 && step.size() > 1) throw Error("unexpected text after '^' in path '" + text + "'");
  } else {
    s.deprel = step.substr(0, br);
    std::string base = s.deprel.substr(0, s.deprel.find(':'));
    if (base != "*" && !known_relations().count(base))
      throw Error("unknown dependency relation '" + s.deprel + "' in path '" + text + "'");
  }
  while (br != std::string::npos) {
    size_t close = step.find(']', br);
    if (close == std::string::npos) throw Error("unclosed '[' in path '" + text + "'");
    parse_constraint(step.substr(br + 1, close - br - 1), text, s);
    br = step.find('[', close);
    if (br != std::string::npos && br != close + 1)
      throw Error("unexpected text after ']' in path '" + text + "'");
  }
  return s;
}

}  // namespace

// path: step ('/' step)*; a '/' inside brackets belongs to the constraint.
std::vector<PathStep> parse_path(const std::string& text) {
  std::vector<PathStep> steps;
  size_t p = 0;
  if (text.empty()) throw Error("empty path");
  while (p <= text.size()) {
    size_t e = p;
    int depth = 0;
    while (e < text.size() && (text[e] != '/' || depth > 0)) {
      if (text[e] == '[') ++depth;
      if (text[e] == ']') --depth;
      ++e;
    }
    steps.push_back(parse_step(text.substr(p, e - p), text));
    if (e >= text.size()) break;
    p = e + 1;
    if (p == text.size()) throw Error("path '" + text + "' ends with '/'");
  }
  return steps;
}

namespace {

// What a rule's outputs may name: its slots, and the ontology's terms.
struct Names {
  const Ctx& c;
  std::set<std::string> slots;  // the rule's slot names
  const std::function<bool(const std::string&)>& is_declared;

  void check_slot(const YAML::Node& at, const std::string& name) const {
    if (!slots.count(name)) c.fail(at, "refers to undefined slot '" + name + "'");
  }
  void check_term(const YAML::Node& at, const std::string& curie) const {
    if (curie.find(':') == std::string::npos)
      c.fail(at, "'" + curie + "' is not a CURIE (write e.g. ng:met)");
    if (is_declared && !is_declared(curie))
      c.fail(at, "'" + curie + "' is not declared in the ontology (ontology/newsgraph.ttl)");
  }
};

// A list of paths (trigger.requires / trigger.excludes), each parsed.
std::vector<std::vector<PathStep>> load_paths(const Ctx& c, const YAML::Node& n,
                                              const std::vector<std::string>& texts) {
  std::vector<std::vector<PathStep>> paths;
  for (const auto& p : texts) {
    try {
      paths.push_back(parse_path(p));
    } catch (const Error& e) {
      c.fail(n, e.what());
    }
  }
  return paths;
}

// Entity type names ("PERSON", "ORG", ...), each parsed; `who` prefixes the
// message about an unknown one.
std::vector<EntityType> entity_types(const Ctx& c, const YAML::Node& n,
                                     const std::vector<std::string>& names, const std::string& who) {
  std::vector<EntityType> types;
  for (const auto& ty : names) {
    EntityType et;
    if (!parse_entity_type(ty, et)) c.fail(n, who + "unknown entity type '" + ty + "'");
    types.push_back(et);
  }
  return types;
}

// Modality names ("asserted", ...), each parsed.
std::vector<Modality> modalities(const Ctx& c, const YAML::Node& n,
                                 const std::vector<std::string>& names) {
  std::vector<Modality> out;
  for (const auto& name : names) {
    auto m = std::find_if(std::begin(kModalities), std::end(kModalities),
                          [&](Modality k) { return to_string(k) == name; });
    if (m == std::end(kModalities))
      c.fail(n, "unknown modality '" + name + "' (asserted, negated, future, hypothetical)");
    out.push_back(*m);
  }
  return out;
}

// side: before | after
Slot::Side slot_side(const Ctx& c, const YAML::Node& n, const std::string& slot) {
  const std::string side = n.IsScalar() ? n.as<std::string>() : "";
  if (side == "before") return Slot::Side::Before;
  if (side == "after") return Slot::Side::After;
  c.fail(n, "slot '" + slot + "': side must be 'before' or 'after'");
}

// trigger: {lemma, upos, deprel, type, requires, excludes, modality}
void load_trigger(const Ctx& c, const YAML::Node& t, Rule& r) {
  check_keys(c, t, "trigger", "trigger");
  r.lemmas = string_list(c, t["lemma"], "trigger.lemma");
  if (r.lemmas.empty()) c.fail(t, "trigger needs at least one 'lemma'");
  r.upos = string_list(c, t["upos"], "trigger.upos");
  for (const auto& u : r.upos)
    if (!kUpos.count(u)) c.fail(t["upos"], "unknown UPOS '" + u + "'");
  r.trigger_deprels = string_list(c, t["deprel"], "trigger.deprel");
  r.trigger_types = entity_types(c, t["type"], string_list(c, t["type"], "trigger.type"), "");
  r.requires_child = string_list(c, t["requires"], "trigger.requires");
  r.required_paths = load_paths(c, t["requires"], r.requires_child);
  r.excludes_child = string_list(c, t["excludes"], "trigger.excludes");
  r.excluded_paths = load_paths(c, t["excludes"], r.excludes_child);
  r.modality = modalities(c, t["modality"], string_list(c, t["modality"], "trigger.modality"));
}

// slot: {path, type, entity, optional, conj, clause, side, known_place,
// known_region, complete, literal}
Slot load_slot(const Ctx& c, const std::string& name, const YAML::Node& sn) {
  Slot s;
  s.name = name;
  check_keys(c, sn, "slot", ("slot '" + s.name + "'").c_str());
  auto paths = string_list(c, sn["path"], "slot.path");
  if (sn["side"].IsDefined()) {
    s.side = slot_side(c, sn["side"], s.name);
  } else if (paths.empty()) {
    c.fail(sn, "slot '" + s.name + "' needs a 'path' (or a 'side')");
  }
  for (const auto& p : paths) {
    try {
      s.paths.push_back(parse_path(p));
    } catch (const Error& e) {
      c.fail(sn["path"], "slot '" + s.name + "': " + e.what());
    }
  }
  s.types = entity_types(c, sn["type"], string_list(c, sn["type"], "slot.type"),
                         "slot '" + s.name + "': ");
  if (sn["entity"].IsDefined()) s.require_entity = boolean(c, sn["entity"], "slot.entity");
  if (sn["optional"].IsDefined()) s.optional = boolean(c, sn["optional"], "slot.optional");
  if (sn["conj"].IsDefined()) s.conj = boolean(c, sn["conj"], "slot.conj");
  if (sn["clause"].IsDefined()) s.clause = boolean(c, sn["clause"], "slot.clause");
  if (sn["known_place"].IsDefined())
    s.known_place = boolean(c, sn["known_place"], "slot.known_place");
  if (sn["complete"].IsDefined()) s.complete = boolean(c, sn["complete"], "slot.complete");
  if (sn["known_region"].IsDefined())
    s.known_region = boolean(c, sn["known_region"], "slot.known_region");
  if (sn["literal"].IsDefined()) s.literal = boolean(c, sn["literal"], "slot.literal");
  if (s.literal && (s.require_entity || !s.types.empty()))
    c.fail(sn, "slot '" + s.name + "': 'literal' excludes 'entity' and 'type'");
  // A clause is one argument: its conjuncts belong to it.
  if (s.clause && !sn["conj"].IsDefined()) s.conj = false;
  return s;
}

// slots: {name: slot, ...}; records the slot names in `names`.
void load_slots(const Ctx& c, const YAML::Node& sl, Rule& r, Names& names) {
  if (!sl.IsDefined()) return;
  if (!sl.IsMap()) c.fail(sl, "slots: expected a mapping of slot name -> {path, type}");
  for (const auto& kv : sl) {
    Slot s = load_slot(c, kv.first.as<std::string>(), kv.second);
    names.slots.insert(s.name);
    r.slots.push_back(std::move(s));
  }
}

// fact: {subject, predicate, object, extra, relation}
Rule::FactSpec load_fact(const Ctx& c, const YAML::Node& fn, const Names& names) {
  check_keys(c, fn, "fact", "fact");
  Rule::FactSpec f;
  if (!fn["subject"].IsDefined() || !fn["predicate"].IsDefined())
    c.fail(fn, "fact needs 'subject' and 'predicate'");
  f.subject = fn["subject"].as<std::string>();
  names.check_slot(fn["subject"], f.subject);
  f.predicate = fn["predicate"].as<std::string>();
  names.check_term(fn["predicate"], f.predicate);
  if (fn["object"].IsDefined()) {
    f.object = fn["object"].as<std::string>();
    names.check_slot(fn["object"], f.object);
  }
  if (fn["relation"].IsDefined()) {
    if (!fn["relation"].IsScalar() || fn["relation"].as<std::string>().empty())
      c.fail(fn["relation"], "fact.relation: expected the relation phrase as text");
    f.relation = fn["relation"].as<std::string>();
  }
  if (const auto& ex = fn["extra"]; ex.IsDefined()) {
    if (!ex.IsMap()) c.fail(ex, "fact.extra: expected a mapping role CURIE -> slot");
    for (const auto& kv : ex) {
      auto role = kv.first.as<std::string>(), slot = kv.second.as<std::string>();
      names.check_term(kv.first, role);
      names.check_slot(kv.second, slot);
      f.extra.emplace_back(role, slot);
    }
  }
  return f;
}

// fact: {...} and facts: [{...}, ...], in that order.
void load_facts(const Ctx& c, const YAML::Node& rn, Rule& r, const Names& names) {
  if (const auto& fn = rn["fact"]; fn.IsDefined()) r.facts.push_back(load_fact(c, fn, names));
  if (const auto& fs = rn["facts"]; fs.IsDefined()) {
    if (!fs.IsSequence()) c.fail(fs, "facts: expected a list");
    for (const auto& fn : fs) r.facts.push_back(load_fact(c, fn, names));
  }
}

// event: {class, roles, place, min_participants, focus}
Rule::EventSpec load_event(const Ctx& c, const YAML::Node& en, const Names& names) {
  check_keys(c, en, "event", "event");
  Rule::EventSpec e;
  if (!en["class"].IsDefined()) c.fail(en, "event needs a 'class'");
  e.cls = en["class"].as<std::string>();
  names.check_term(en["class"], e.cls);
  if (const auto& ro = en["roles"]; ro.IsDefined()) {
    if (!ro.IsMap()) c.fail(ro, "event.roles: expected a mapping slot -> role CURIE");
    for (const auto& kv : ro) {
      auto slot = kv.first.as<std::string>(), role = kv.second.as<std::string>();
      names.check_slot(kv.first, slot);
      names.check_term(kv.second, role);
      e.roles.emplace_back(slot, role);
    }
  }
  if (en["place"].IsDefined()) {
    e.place_slot = en["place"].as<std::string>();
    names.check_slot(en["place"], e.place_slot);
  }
  if (en["min_participants"].IsDefined())
    e.min_participants = whole_number(c, en["min_participants"], "event.min_participants", 0, 1000);
  if (en["focus"].IsDefined()) e.focus = boolean(c, en["focus"], "event.focus");
  return e;
}

// confidence: a number in (0, 1]
void load_confidence(const Ctx& c, const YAML::Node& n, Rule& r) {
  if (!n.IsDefined()) return;
  r.confidence = number(c, n, "confidence");
  if (r.confidence <= 0 || r.confidence > 1) c.fail(n, "confidence must be in (0, 1]");
}

// example: {text, facts, not_facts, events, no_event}
Rule::Example load_example(const Ctx& c, const YAML::Node& xn) {
  check_keys(c, xn, "example", "example");
  Rule::Example x;
  if (!xn["text"].IsDefined()) c.fail(xn, "example needs 'text'");
  x.text = xn["text"].as<std::string>();
  x.facts = string_list(c, xn["facts"], "example.facts");
  x.not_facts = string_list(c, xn["not_facts"], "example.not_facts");
  x.events = string_list(c, xn["events"], "example.events");
  if (xn["no_event"].IsDefined()) x.no_event = boolean(c, xn["no_event"], "example.no_event");
  return x;
}

// examples: [example, ...]
void load_examples(const Ctx& c, const YAML::Node& exs, Rule& r) {
  if (!exs.IsDefined()) return;
  if (!exs.IsSequence()) c.fail(exs, "examples: expected a list");
  for (const auto& xn : exs) r.examples.push_back(load_example(c, xn));
}

// rule: {id, trigger, slots, fact, facts, event, confidence, examples, comment}.
// Sets c's rule id and line for the messages; `ids` are the ids seen so far.
Rule load_rule(Ctx& c, const YAML::Node& rn, std::set<std::string>& ids,
               const std::function<bool(const std::string&)>& is_declared) {
  Rule r;
  r.file = c.file;
  r.line = rn.Mark().line + 1;
  c.rule_id.clear();
  c.line = r.line;
  if (!rn.IsMap()) c.fail(rn, "a rule is a mapping with at least 'id' and 'trigger'");
  if (!rn["id"].IsDefined() || !rn["id"].IsScalar()) c.fail(rn, "rule without an 'id'");
  r.id = rn["id"].as<std::string>();
  c.rule_id = r.id;
  if (!ids.insert(r.id).second) c.fail(rn["id"], "duplicate rule id");
  check_keys(c, rn, "rule", "rule");
  if (!rn["trigger"].IsDefined()) c.fail(rn, "missing 'trigger'");
  load_trigger(c, rn["trigger"], r);
  Names names{c, {}, is_declared};
  load_slots(c, rn["slots"], r, names);
  load_facts(c, rn, r, names);
  if (const auto& en = rn["event"]; en.IsDefined()) r.events.push_back(load_event(c, en, names));
  if (r.facts.empty() && r.events.empty()) c.fail(rn, "rule produces nothing: add 'fact' or 'event'");
  load_confidence(c, rn["confidence"], r);
  load_examples(c, rn["examples"], r);
  return r;
}

}  // namespace

// rule file: [rule, ...]
std::vector<Rule> load_rules(const std::string& path,
                             const std::function<bool(const std::string&)>& is_declared) {
  Ctx c{path, "", 1};
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw Error(path + ": cannot open rule file");
  } catch (const YAML::ParserException& e) {
    throw Error(path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) throw Error(path + ": rule file holds no rules");
  if (!root.IsSequence()) c.fail(root, "a rule file is a list of rules ('- id: ...')");
  std::vector<Rule> rules;
  std::set<std::string> ids;
  for (const auto& rn : root) {
    try {
      rules.push_back(load_rule(c, rn, ids, is_declared));
    } catch (const YAML::Exception& e) {
      // A value of the wrong shape (a list where a name belongs, a complex
      // key "? [a, b]"): yaml-cpp's conversion error, with file, line and rule.
      int line = e.mark.line >= 0 ? e.mark.line + 1 : c.line;
      std::string who = c.rule_id.empty() ? "rule at line " + std::to_string(c.line) : "rule '" + c.rule_id + "'";
      throw Error(path + ":" + std::to_string(line) + ": " + who + ": unexpected value (" + e.msg +
                  "): expected a plain string, number or mapping of those");
    }
  }
  return rules;
}

}  // namespace ng
