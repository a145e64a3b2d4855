#include "extraction/rule_match.h"

#include "core/text.h"

namespace ng::extraction_internal {
namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Does token c have a case/mark child whose lemma is in lemmas?
bool has_case(const SyntaxView& sv, int c, const std::vector<std::string>& lemmas) {
  for (int k : sv.children(c)) {
    const Token& t = sv.doc().tokens[k];
    if ((t.deprel == "case" || t.deprel == "mark") &&
        (contains(lemmas, t.lemma) || contains(lemmas, sv.lower(k))))
      return true;
  }
  // The phrase begins with the case word but the parser hung it on a
  // premodifier ("with President of X Name": case of "President").
  auto [lo, hi] = sv.subtree_span(c);
  const Token& first = sv.doc().tokens[lo];
  return lo < c && first.deprel == "case" &&
         (contains(lemmas, first.lemma) || contains(lemmas, sv.lower(lo)));
}

// Does token w have a child whose relation is one of rels (a relation
// without a subtype also matches its subtypes)?
bool has_child(const SyntaxView& sv, int w, const std::vector<std::string>& rels) {
  for (int k : sv.children(w)) {
    const std::string& d = sv.doc().tokens[k].deprel;
    for (const auto& r : rels)
      if (d == r || (r.find(':') == std::string::npos && d.compare(0, r.size(), r) == 0 &&
                     d.size() > r.size() && d[r.size()] == ':'))
        return true;
  }
  return false;
}

bool step_matches(const SyntaxView& sv, int c, const PathStep& s) {
  const Token& t = sv.doc().tokens[c];
  if (s.deprel != "*" && t.deprel != s.deprel) {
    // "obl" matches "obl:tmod" etc. only when the step names no subtype;
    // the voice subtypes are other roles: "nsubj" is not "nsubj:pass" and
    // "obl" is not "obl:agent".
    if (s.deprel.find(':') != std::string::npos) return false;
    if (t.deprel.compare(0, s.deprel.size(), s.deprel) != 0 || t.deprel.size() <= s.deprel.size() ||
        t.deprel[s.deprel.size()] != ':')
      return false;
    const std::string_view sub = std::string_view(t.deprel).substr(s.deprel.size() + 1);
    if (sub == "pass" || sub == "agent") return false;
  }
  if (!s.case_lemmas.empty() && !has_case(sv, c, s.case_lemmas)) return false;
  if (!s.lemmas.empty() && !contains(s.lemmas, t.lemma) && !contains(s.lemmas, sv.lower(c)))
    return false;
  if (!s.upos.empty() && !contains(s.upos, t.upos)) return false;
  return true;
}

bool has_subject(const SyntaxView& sv, int w) {
  for (int c : sv.children(w)) {
    const std::string& d = sv.doc().tokens[c].deprel;
    if (d.compare(0, 5, "nsubj") == 0 || d.compare(0, 5, "csubj") == 0 || d == "expl") return true;
  }
  return false;
}

void follow(const SyntaxView& sv, int start, const std::vector<PathStep>& steps, size_t i,
            std::vector<int>& out);

// Step '^' of a path: on to the head of `start`, if it passes the step's
// constraints.
void follow_up(const SyntaxView& sv, int start, const std::vector<PathStep>& steps, size_t i,
               std::vector<int>& out) {
  const PathStep& s = steps[i];
  const int h = sv.doc().tokens[start].head;
  if (h < 0) return;
  if (!s.case_lemmas.empty() && !has_case(sv, h, s.case_lemmas)) return;
  if (!s.lemmas.empty() && !contains(s.lemmas, sv.doc().tokens[h].lemma) &&
      !contains(s.lemmas, sv.lower(h)))
    return;
  if (!s.upos.empty() && !contains(s.upos, sv.doc().tokens[h].upos)) return;
  follow(sv, h, steps, i + 1, out);
}

// A first subject step that found no subject: a clause without its own
// subject takes its controller's: "X plans to meet Y", "X arrived and met Y",
// "X, who met Y".
void follow_controller(const SyntaxView& sv, int start, const std::vector<PathStep>& steps,
                       size_t i, std::vector<int>& out) {
  // Object control: "X sent Y to join the talks" -> Y.
  const Token& st = sv.doc().tokens[start];
  if (st.deprel == "xcomp" && st.head >= 0) {
    const int o = sv.child(st.head, "obj");
    if (o >= 0 && o != start) {
      follow(sv, o, steps, i + 1, out);
      return;
    }
  }
  int ctrl = sv.controller(start);
  if (ctrl >= 0 && ctrl != start) follow(sv, ctrl, steps, i, out);
}

// Follows one path alternative from `start`, from step i on; appends the
// words reached.
void follow(const SyntaxView& sv, int start, const std::vector<PathStep>& steps, size_t i,
            std::vector<int>& out) {
  if (i == steps.size()) {
    out.push_back(start);
    return;
  }
  const PathStep& s = steps[i];
  if (s.self) return follow(sv, start, steps, i + 1, out);
  if (s.up) return follow_up(sv, start, steps, i, out);
  bool found = false;
  for (int c : sv.children(start)) {
    if (step_matches(sv, c, s)) {
      follow(sv, c, steps, i + 1, out);
      found = true;
    }
  }
  if (!found && i == 0 && (s.deprel == "nsubj" || s.deprel == "nsubj:pass") &&
      !has_subject(sv, start))
    follow_controller(sv, start, steps, i, out);
}

// The heads of the entity mentions on one side of the trigger, up to the
// sentence edge or the first other verb (Slot::side).
std::vector<int> side_mentions(const SyntaxView& sv, int trigger, bool after, bool stop_at_comma) {
  const Document& doc = sv.doc();
  const Sentence& sent = doc.sentences[doc.sentence_of(trigger)];
  int lo = trigger + 1, hi = sent.last;
  if (!after) {
    lo = sent.first;
    hi = trigger;
  }
  // Clause edges: another verb, a relative or subordinating word, a
  // semicolon; commas too when the side is only a fallback for a path.
  auto stops = [&](int t) {
    const Token& tok = doc.tokens[t];
    if (sv.mention_at(t) >= 0) return false;
    if (tok.upos == "VERB" && tok.head != trigger) return true;
    if (tok.upos == "SCONJ" || tok.xpos == "WRB" || tok.xpos == "WP" || tok.xpos == "WDT") return true;
    return tok.form == ";" || tok.form == ":" || (stop_at_comma && tok.form == ",");
  };
  if (after) {
    for (int t = lo; t < hi; ++t)
      if (stops(t)) hi = t;
  } else {
    for (int t = hi - 1; t >= lo; --t)
      if (stops(t)) {
        lo = t + 1;
        break;
      }
  }
  std::vector<int> out, entities;
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m) {
    const Mention& mn = doc.mentions[m];
    if (mn.entity < 0 || mn.first < lo || mn.last > hi || sv.mention_at(mn.head) != m) continue;
    if (std::find(entities.begin(), entities.end(), mn.entity) != entities.end()) continue;
    entities.push_back(mn.entity);
    out.push_back(mn.head);
  }
  return out;
}

// The type of the entity whose mention covers token t, or OTHER.
EntityType entity_type_at(const SyntaxView& sv, int t) {
  const int m = sv.mention_at(t);
  if (m < 0) return EntityType::Other;
  const Mention& mn = sv.doc().mentions[m];
  return mn.entity >= 0 ? sv.doc().entities[mn.entity].type : mn.type;
}

// "Presidents Ana Ruiz of Ruritania and Jan Novak of Elbonia": the parser
// hangs the second person on the first one's country. People conjoined to
// a place that modifies person w (an nmod, "of Ruritania") are w's
// conjuncts too.
std::vector<int> conjuncts_under_place(const SyntaxView& sv, int w) {
  std::vector<int> out;
  if (entity_type_at(sv, w) != EntityType::Person) return out;
  for (int place : sv.children(w)) {
    const EntityType pt = entity_type_at(sv, place);
    if (!is_rel(sv.doc().tokens[place].deprel, "nmod") ||
        (pt != EntityType::Gpe && pt != EntityType::Loc))
      continue;
    for (int c : sv.conjuncts(place))
      if (entity_type_at(sv, c) == EntityType::Person) out.push_back(c);
  }
  return out;
}

// "X and deputy First Minister Ana Ruiz": a conjunct that is a lower-case
// noun outside any name, right before a person's name, stands for that
// person (the parser made the noun the conjunct). Else c itself.
int named_after_role_word(const SyntaxView& sv, int c) {
  const Document& doc = sv.doc();
  if (sv.mention_at(c) >= 0 || doc.tokens[c].upos != "NOUN" || starts_upper(doc.tokens[c].form) ||
      c + 1 >= static_cast<int>(doc.tokens.size()) || doc.sentence_of(c + 1) != doc.sentence_of(c))
    return c;
  const int m = sv.mention_at(c + 1);
  if (m < 0 || doc.mentions[m].first != c + 1 || entity_type_at(sv, c + 1) != EntityType::Person)
    return c;
  return doc.mentions[m].head;
}

// The words reached by alternative `alt` of a slot (alt == paths.size():
// the side fallback), expanded over conjuncts when the slot asks for it.
std::vector<int> slot_words(const SyntaxView& sv, int trigger, const Slot& slot, size_t alt) {
  if (alt == slot.paths.size())
    return slot.side == Slot::Side::None
               ? std::vector<int>{}
               : side_mentions(sv, trigger, slot.side == Slot::Side::After, !slot.paths.empty());
  std::vector<int> out;
  follow(sv, trigger, slot.paths[alt], 0, out);
  if (slot.conj) {
    auto add = [&](int c) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    };
    for (size_t i = 0; i < out.size(); ++i) {
      for (int c : sv.conjuncts(out[i])) add(named_after_role_word(sv, c));
      for (int c : conjuncts_under_place(sv, out[i])) add(c);
    }
  }
  return out;
}

bool type_allowed(const std::vector<EntityType>& types, EntityType t) {
  if (types.empty()) return true;
  for (EntityType et : types) {
    if (et == t) return true;
    // GPE slots accept LOC and vice versa: places are places.
    if ((et == EntityType::Gpe || et == EntityType::Loc) &&
        (t == EntityType::Gpe || t == EntityType::Loc))
      return true;
  }
  return false;
}

// Whether the gazetteer knows the place named `name` (Slot::known_place:
// its countries, regions, cities and populated places; Slot::known_region:
// only countries, regions and continents, or a name made with an
// administrative region word, "Tarsk Province", "the Oblast of Tarsk"):
// the name, or the part before a comma ("Tarsk, Ruritania" is the city
// Tarsk), or the name without its region word ("Tarsk Oblast").
bool known_place(const Gazetteer* places, const std::string& name, bool region) {
  if (!places) return false;
  const std::string key = gazetteer_key(std::string_view(name).substr(0, name.find(',')));
  auto known = [&](const std::string& k) {
    if (k.empty()) return false;
    const Gazetteer::Place* p = places->place(k);
    if (region)
      return p && (p->kinds & (Gazetteer::Country | Gazetteer::Region | Gazetteer::Continent));
    return p || places->geo_cities.count(k);
  };
  auto admin = [&](const std::string& w) {
    auto it = places->region_words.find(w);
    return it != places->region_words.end() && !it->second.geographic;
  };
  if (known(key)) return true;
  if (const size_t sp = key.rfind(' '); sp != std::string::npos && admin(key.substr(sp + 1)))
    return region || known(key.substr(0, sp));
  if (const size_t of = key.find(" of "); of != std::string::npos && admin(key.substr(0, of)))
    return region || known(key.substr(of + 4));
  return false;
}

// Whether argument a may fill the slot: an entity of the slot's types, or a
// literal when the slot takes any word. When tracing, a refusal is noted in
// `rejected`.
bool accepts(const Document& doc, const Slot& slot, const Argument& a, const Gazetteer* places,
             bool tracing, std::string& rejected) {
  if (a.entity >= 0) {
    if (!type_allowed(slot.types, doc.entities[a.entity].type)) {
      if (tracing)
        rejected += " '" + a.text + "' (type " + std::string(to_string(doc.entities[a.entity].type)) + ")";
      return false;
    }
    if ((slot.known_place || slot.known_region) &&
        !known_place(places, doc.entities[a.entity].name, slot.known_region)) {
      if (tracing) rejected += " '" + a.text + "' (no known place)";
      return false;
    }
  } else if (slot.require_entity || !slot.types.empty() || slot.known_place || slot.known_region) {
    if (tracing) rejected += " '" + a.text + "' (no entity)";
    return false;
  }
  return true;
}

// Whether the clause headed by w is a quotation (a quotation mark opens it
// or stands right before it) or has a subject of its own (Slot::complete).
bool complete_clause(const SyntaxView& sv, int w) {
  if (has_child(sv, w, {"nsubj", "csubj", "expl"})) return true;
  const auto& tk = sv.doc().tokens;
  auto quote = [&](int k) {
    return k >= 0 && one_of(tk[k].form, {"\"", "“", "”", "``", "''", "'", "‘"});
  };
  const int lo = sv.subtree_span(w).first;
  for (int k = lo; k < w && k < lo + 3; ++k)
    if (quote(k)) return true;
  return quote(lo - 1) || (lo >= 2 && tk[lo - 1].form == "," && quote(lo - 2));
}

// Fills one slot: alternatives in order; the first that gives an acceptable
// filler wins. False when a required slot stays empty.
bool fill_slot(const SyntaxView& sv, const Slot& slot, int t, int focus_meeting,
               const Gazetteer* places, const RuleTrace& trace, std::vector<Argument>& filler) {
  std::string rejected;
  for (size_t alt = 0; alt <= slot.paths.size() && filler.empty(); ++alt) {
    for (int w : slot_words(sv, t, slot, alt)) {
      if (slot.clause) {
        if (slot.complete && !complete_clause(sv, w)) {
          if (trace.on()) rejected += " '" + sv.clause_argument(w).text + "' (no subject)";
          continue;
        }
        filler.push_back(sv.clause_argument(w));
        continue;
      }
      for (Argument& a : sv.arguments(w, focus_meeting)) {
        if (slot.literal && (a.entity >= 0 || sv.people_noun(w))) {
          if (trace.on()) rejected += " '" + a.text + "' (not a literal phrase)";
          continue;
        }
        if (accepts(sv.doc(), slot, a, places, trace.on(), rejected)) filler.push_back(std::move(a));
      }
    }
  }
  if (filler.empty() && !slot.optional) {
    trace([&] {
      return "slot " + slot.name + " empty: " +
             (rejected.empty() ? std::string("no word on its paths") : "rejected" + rejected);
    });
    return false;
  }
  return true;
}

}  // namespace

bool trigger_word_matches(const SyntaxView& sv, const Rule& r, int t, const RuleTrace& trace) {
  const Token& tok = sv.doc().tokens[t];
  if (!r.upos.empty() && !contains(r.upos, tok.upos)) {
    trace([&] { return "upos " + tok.upos + " not allowed"; }, true);
    return false;
  }
  if (!r.trigger_deprels.empty()) {
    std::string base = tok.deprel.substr(0, tok.deprel.find(':'));
    if (!contains(r.trigger_deprels, tok.deprel) && !contains(r.trigger_deprels, base)) {
      trace([&] { return "deprel " + tok.deprel + " not allowed"; }, true);
      return false;
    }
  }
  if (!r.trigger_types.empty()) {
    int m = sv.mention_at(t);
    if (m < 0 || !type_allowed(r.trigger_types, sv.doc().mentions[m].type)) {
      trace([] { return "trigger not in a mention of the given types"; }, true);
      return false;
    }
  }
  return true;
}

bool trigger_paths_match(const SyntaxView& sv, const Rule& r, int t, const RuleTrace& trace) {
  for (const auto& p : r.required_paths) {
    std::vector<int> reached;
    follow(sv, t, p, 0, reached);
    if (reached.empty()) {
      trace([] { return "a required path is missing"; });
      return false;
    }
  }
  for (const auto& p : r.excluded_paths) {
    std::vector<int> reached;
    follow(sv, t, p, 0, reached);
    if (!reached.empty()) {
      trace([&] { return "an excluded path exists (" + sv.doc().tokens[reached.front()].form + ")"; });
      return false;
    }
  }
  return true;
}

bool trigger_modality_matches(const Rule& r, Modality m, const RuleTrace& trace) {
  if (r.modality.empty() || std::find(r.modality.begin(), r.modality.end(), m) != r.modality.end())
    return true;
  trace([&] { return "modality " + std::string(to_string(m)) + " not allowed"; });
  return false;
}

bool fill_slots(const SyntaxView& sv, const Rule& r, int t, int focus_meeting,
                const Gazetteer* places, const RuleTrace& trace,
                std::vector<std::vector<Argument>>& fillers) {
  fillers.assign(r.slots.size(), {});
  for (size_t k = 0; k < r.slots.size(); ++k)
    if (!fill_slot(sv, r.slots[k], t, focus_meeting, places, trace, fillers[k])) return false;
  return true;
}

void trim_overlapping_literals(const Document& doc, std::vector<std::vector<Argument>>& fillers) {
  for (auto& fl : fillers) {
    std::vector<Argument> kept;
    for (size_t i = 0; i < fl.size(); ++i) {
      const Argument& b = fl[i];
      bool inside = false;
      for (size_t j = 0; j < fl.size() && !inside; ++j) {
        const Argument& a = fl[j];
        inside = j != i && a.entity < 0 && b.entity < 0 && a.first >= 0 && b.first >= 0 &&
                 a.first <= b.first && b.last <= a.last && (a.first != b.first || a.last != b.last || j < i);
      }
      if (!inside) kept.push_back(b);
    }
    fl.swap(kept);
  }
  for (auto& fl : fillers) {
    for (Argument& a : fl) {
      if (a.entity >= 0 || a.first < 0) continue;
      for (const auto& other : fillers) {
        for (const Argument& b : other) {
          if (&b == &a || b.first <= a.first || b.first >= a.last) continue;
          int cut = b.first;
          while (cut > a.first + 1 && (doc.tokens[cut - 1].upos == "ADP" ||
                                       doc.tokens[cut - 1].upos == "PUNCT" ||
                                       doc.tokens[cut - 1].upos == "CCONJ" ||
                                       doc.tokens[cut - 1].upos == "DET"))
            --cut;
          a.last = cut;
          a.text = cut_text(doc.tokens_text(a.first, a.last));
          a.literal = a.text;
        }
      }
    }
  }
}

}  // namespace ng::extraction_internal
