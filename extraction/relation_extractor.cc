#include "extraction/relation_extractor.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/data_path.h"
#include "core/dates.h"
#include "core/error.h"
#include "extraction/open_ie.h"
#include "syntax/syntax_view.h"

namespace ng {
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
  return true;
}

// Follows one path alternative from `start`; appends reached words.
void follow(const SyntaxView& sv, int start, const std::vector<PathStep>& steps, size_t i,
            std::vector<int>& out) {
  if (i == steps.size()) {
    out.push_back(start);
    return;
  }
  const PathStep& s = steps[i];
  if (s.self) return follow(sv, start, steps, i + 1, out);
  if (s.up) {
    const int h = sv.doc().tokens[start].head;
    if (h < 0) return;
    if (!s.case_lemmas.empty() && !has_case(sv, h, s.case_lemmas)) return;
    if (!s.lemmas.empty() && !contains(s.lemmas, sv.doc().tokens[h].lemma) &&
        !contains(s.lemmas, sv.lower(h)))
      return;
    follow(sv, h, steps, i + 1, out);
    return;
  }
  bool found = false;
  for (int c : sv.children(start)) {
    if (step_matches(sv, c, s)) {
      follow(sv, c, steps, i + 1, out);
      found = true;
    }
  }
  // A clause without its own subject takes its controller's: "X plans to
  // meet Y", "X arrived and met Y", "X, who met Y".
  auto has_subject = [&](int w) {
    for (int c : sv.children(w)) {
      const std::string& d = sv.doc().tokens[c].deprel;
      if (d.compare(0, 5, "nsubj") == 0 || d.compare(0, 5, "csubj") == 0 || d == "expl")
        return true;
    }
    return false;
  };
  if (!found && i == 0 && (s.deprel == "nsubj" || s.deprel == "nsubj:pass") && !has_subject(start)) {
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

// The words reached by alternative `alt` of a slot (alt == paths.size():
// the side fallback), expanded over conjuncts when the slot asks for it.
std::vector<int> fill_slot(const SyntaxView& sv, int trigger, const Slot& slot, size_t alt) {
  if (alt == slot.paths.size())
    return slot.side.empty() ? std::vector<int>{}
                             : side_mentions(sv, trigger, slot.side == "after", !slot.paths.empty());
  std::vector<int> out;
  follow(sv, trigger, slot.paths[alt], 0, out);
  if (slot.conj) {
    for (size_t i = 0; i < out.size(); ++i)
      for (int c : sv.conjuncts(out[i]))
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

bool type_allowed(const std::vector<std::string>& types, EntityType t) {
  if (types.empty()) return true;
  for (const auto& s : types) {
    EntityType et;
    if (parse_entity_type(s, et) && et == t) return true;
    // GPE slots accept LOC and vice versa: places are places.
    if (parse_entity_type(s, et) && (et == EntityType::Gpe || et == EntityType::Loc) &&
        (t == EntityType::Gpe || t == EntityType::Loc))
      return true;
  }
  return false;
}

std::string fact_key(const Fact& f) {
  auto arg = [](const Argument& a) {
    return a.entity >= 0 ? "e" + std::to_string(a.entity) : "l" + a.literal;
  };
  return std::to_string(f.sentence) + "|" + arg(f.subject) + "|" + f.predicate + "|" + arg(f.object);
}

}  // namespace

std::vector<std::string> default_rule_files() {
  std::vector<std::string> files;
  auto dir = data_path("extraction/rules");
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error(dir.string() + ": no rule files (*.yaml)");
  return files;
}

RelationExtractor::RelationExtractor(RelationExtractorOptions options)
    : options_(std::move(options)) {
  std::set<std::string> ids;
  for (const auto& file : options_.rule_files) {
    for (auto& r : load_rules(file, options_.is_declared)) {
      if (!ids.insert(r.id).second)
        throw Error(file + ":" + std::to_string(r.line) + ": rule '" + r.id +
                    "': id already used by another rule file");
      rules_.push_back(std::move(r));
    }
  }
  for (int i = 0; i < static_cast<int>(rules_.size()); ++i)
    for (const auto& l : rules_[i].lemmas) {
      if (l == "*") any_lemma_.push_back(i);
      else by_lemma_[l].push_back(i);
    }
}

void RelationExtractor::process(Document& doc) const {
  SyntaxView sv(doc);
  std::set<std::string> seen;
  for (const auto& f : doc.facts) seen.insert(fact_key(f));
  auto add_fact = [&](Fact&& f) {
    if (f.subject.empty()) return;
    if (f.subject.entity >= 0 && f.subject.entity == f.object.entity) return;
    if (seen.insert(fact_key(f)).second) doc.facts.push_back(std::move(f));
  };
  std::vector<char> covered(doc.tokens.size(), 0);  // trigger words a rule used
  int focus_meeting = -1;                           // last meeting event (for "the sides")

  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (int t = sent.first; t < sent.last; ++t) {
      const Token& tok = doc.tokens[t];
      std::vector<int> candidates = any_lemma_;
      if (auto it = by_lemma_.find(tok.lemma); it != by_lemma_.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      else if (auto it2 = by_lemma_.find(sv.lower(t)); it2 != by_lemma_.end())
        candidates.insert(candidates.end(), it2->second.begin(), it2->second.end());
      for (int ri : candidates) {
        const Rule& r = rules_[ri];
        // Explains the rule's decision when tracing (`why` builds the text
        // only then). Rules triggered by any word are traced only past their
        // word tests.
        auto trace = [&](auto why, bool word_test = false) {
          if (!options_.trace || (word_test && contains(r.lemmas, "*"))) return;
          *options_.trace << doc.id << "\t" << (s + 1) << "\t" << tok.form << "\t" << r.id << "\t"
                          << why() << "\n";
        };
        if (!r.upos.empty() && !contains(r.upos, tok.upos)) {
          trace([&] { return "upos " + tok.upos + " not allowed"; }, true);
          continue;
        }
        if (!r.trigger_deprels.empty()) {
          std::string base = tok.deprel.substr(0, tok.deprel.find(':'));
          if (!contains(r.trigger_deprels, tok.deprel) && !contains(r.trigger_deprels, base)) {
            trace([&] { return "deprel " + tok.deprel + " not allowed"; }, true);
            continue;
          }
        }
        if (!r.trigger_types.empty()) {
          int m = sv.mention_at(t);
          if (m < 0 || !type_allowed(r.trigger_types, doc.mentions[m].type)) {
            trace([] { return "trigger not in a mention of the given types"; }, true);
            continue;
          }
        }
        bool ok = true;
        for (const auto& p : r.required_paths) {
          std::vector<int> reached;
          follow(sv, t, p, 0, reached);
          if (reached.empty()) {
            trace([] { return "a required path is missing"; });
            ok = false;
            break;
          }
        }
        for (const auto& p : r.excluded_paths) {
          if (!ok) break;
          std::vector<int> reached;
          follow(sv, t, p, 0, reached);
          if (!reached.empty()) {
            trace([&] {
              return "an excluded path exists (" + doc.tokens[reached.front()].form + ")";
            });
            ok = false;
          }
        }
        if (!ok) continue;
        Modality mod = sv.modality(t);
        if (!r.modality.empty() && !contains(r.modality, to_string(mod))) {
          trace([&] { return "modality " + std::string(to_string(mod)) + " not allowed"; });
          continue;
        }

        // Fill the slots.
        std::vector<std::vector<Argument>> fillers(r.slots.size());
        for (size_t k = 0; k < r.slots.size() && ok; ++k) {
          const Slot& slot = r.slots[k];
          // Alternatives in order; the first that gives an acceptable
          // filler wins.
          std::string rejected;
          for (size_t alt = 0; alt <= slot.paths.size() && fillers[k].empty(); ++alt) {
            for (int w : fill_slot(sv, t, slot, alt)) {
              if (slot.clause) {
                fillers[k].push_back(sv.clause_argument(w));
                continue;
              }
              for (Argument& a : sv.arguments(w, focus_meeting)) {
                if (a.entity >= 0) {
                  if (!type_allowed(slot.types, doc.entities[a.entity].type)) {
                    if (options_.trace)
                      rejected += " '" + a.text + "' (type " +
                                  std::string(to_string(doc.entities[a.entity].type)) + ")";
                    continue;
                  }
                } else if (slot.require_entity || !slot.types.empty()) {
                  if (options_.trace) rejected += " '" + a.text + "' (no entity)";
                  continue;
                }
                fillers[k].push_back(std::move(a));
              }
            }
          }
          if (fillers[k].empty() && !slot.optional) {
            trace([&] {
              return "slot " + slot.name + " empty: " +
                     (rejected.empty() ? std::string("no word on its paths") : "rejected" + rejected);
            });
            ok = false;
          }
        }
        if (!ok) continue;
        // Arguments do not overlap: a literal phrase that swallowed another
        // slot's filler ("the keys to Governor X") ends before it.
        for (auto& fl : fillers) {
          for (Argument& a : fl) {
            if (a.entity >= 0 || a.first < 0) continue;
            for (const auto& other : fillers) {
              for (const Argument& b : other) {
                if (&b == &a || b.first <= a.first || b.first >= a.last) continue;
                int cut = b.first;
                while (cut > a.first + 1 && (doc.tokens[cut - 1].upos == "ADP" ||
                                             doc.tokens[cut - 1].upos == "PUNCT" ||
                                             doc.tokens[cut - 1].upos == "DET"))
                  --cut;
                a.last = cut;
                a.text = std::string(doc.tokens_text(a.first, a.last));
                a.literal = a.text;
              }
            }
          }
        }
        auto slot_index = [&](const std::string& name) {
          for (size_t k = 0; k < r.slots.size(); ++k)
            if (r.slots[k].name == name) return static_cast<int>(k);
          return -1;
        };
        bool produced = false;
        std::string relation_text = sv.relation_text(t);
        for (const auto& fs : r.facts) {
          int si = slot_index(fs.subject);
          int oi = fs.object.empty() ? -1 : slot_index(fs.object);
          std::vector<Argument> objects = oi >= 0 ? fillers[oi] : std::vector<Argument>{Argument{}};
          for (const auto& subj : fillers[si]) {
            for (const auto& obj : objects) {
              if (oi >= 0 && obj.empty()) continue;
              Fact f;
              f.sentence = s;
              f.subject = subj;
              f.predicate = fs.predicate;
              f.object = obj;
              f.relation_text = fs.relation.empty() ? relation_text : fs.relation;
              f.rule = r.id;
              f.confidence = r.confidence;
              f.modality = mod;
              for (const auto& [role, slot] : fs.extra) {
                int xi = slot_index(slot);
                for (const auto& a : fillers[xi]) f.extra.emplace_back(role, a);
              }
              add_fact(std::move(f));
              produced = true;
            }
          }
        }
        for (const auto& es : r.events) {
          Event e;
          e.cls = es.cls;
          e.sentence = s;
          e.trigger_text = relation_text;
          e.rule = r.id;
          e.confidence = r.confidence;
          e.modality = mod;
          std::set<int> participants;
          for (const auto& [slot, role] : es.roles) {
            for (const auto& a : fillers[slot_index(slot)]) {
              if (a.entity >= 0) participants.insert(a.entity);
              e.roles.emplace_back(role, a);
            }
          }
          const bool joins_focus = es.focus && es.cls == "ng:Meeting" && focus_meeting >= 0 &&
                                   mod == Modality::Asserted && !participants.empty();
          if (!joins_focus && static_cast<int>(participants.size()) < es.min_participants) continue;
          if (!es.place_slot.empty() && !fillers[slot_index(es.place_slot)].empty())
            e.place = fillers[slot_index(es.place_slot)].front();
          else
            e.place = sv.place_of(t);
          e.date = sv.date_of(t);
          if (e.date.empty()) e.date = doc.date;
          // One event per trigger and class: a second rule on the same
          // trigger adds roles instead of a duplicate event.
          bool merged = false;
          for (auto& old : doc.events) {
            if (old.sentence == s && old.cls == e.cls && old.trigger_text == e.trigger_text) {
              for (auto& rr : e.roles) {
                bool dup = false;
                for (const auto& o : old.roles)
                  if (o.first == rr.first && o.second.entity == rr.second.entity &&
                      o.second.literal == rr.second.literal)
                    dup = true;
                if (!dup) old.roles.push_back(rr);
              }
              merged = true;
            }
          }
          // "X joined the talks": the roles join the meeting in focus.
          if (!merged && joins_focus) {
            Event& old = doc.events[focus_meeting];
            for (auto& rr : e.roles) {
              bool dup = false;
              for (const auto& o : old.roles)
                dup = dup || (rr.second.entity >= 0 && o.second.entity == rr.second.entity);
              if (!dup) old.roles.push_back(rr);
            }
            merged = true;
          }
          if (!merged) {
            doc.events.push_back(std::move(e));
            if (es.cls == "ng:Meeting" && mod == Modality::Asserted)
              focus_meeting = static_cast<int>(doc.events.size()) - 1;
          }
          produced = true;
        }
        if (options_.trace) {
          std::string args;
          for (size_t k = 0; k < r.slots.size(); ++k) {
            args += " " + r.slots[k].name + "=[";
            for (size_t i = 0; i < fillers[k].size(); ++i) {
              const Argument& a = fillers[k][i];
              args += (i ? "; " : "") + (a.entity >= 0 ? doc.entities[a.entity].name : a.text);
            }
            args += "]";
          }
          trace([&] {
            return (produced ? "fired:" : "gave nothing (same arguments or too few participants):") +
                   args;
          });
        }
        if (produced) covered[t] = 1;
      }
    }
    if (options_.open_extraction) {
      for (Fact& f : open_facts(sv, s, covered, focus_meeting)) add_fact(std::move(f));
    }
  }

  // Roles found by coreference: "X, President of Y" -> jobTitle + officeIn.
  for (int e = 0; e < static_cast<int>(doc.entities.size()); ++e) {
    for (const auto& role : doc.entities[e].roles) {
      Fact f;
      f.sentence = std::max(0, role.sentence);
      f.subject.entity = e;
      f.subject.text = doc.entities[e].name;
      f.predicate = "schema:jobTitle";
      f.object.literal = role.title;
      f.object.text = role.title;
      f.relation_text = "is";
      f.rule = "role.title";
      f.confidence = 0.9;
      add_fact(Fact(f));
      if (role.of >= 0 && role.of != e) {
        f.predicate = "ng:holdsOfficeIn";
        f.object = Argument{};
        f.object.entity = role.of;
        f.object.text = doc.entities[role.of].name;
        f.relation_text = "is " + role.title + " of";
        f.rule = "role.office";
        add_fact(std::move(f));
      }
    }
  }

  if (options_.article_facts && !doc.sentences.empty()) {
    if (!doc.source.empty()) {
      Fact f;
      f.sentence = static_cast<int>(doc.sentences.size()) - 1;
      f.subject.article = true;
      f.subject.text = doc.title.empty() ? doc.id : doc.title;
      f.predicate = "schema:publisher";
      f.object.text = doc.source;
      for (int e = 0; e < static_cast<int>(doc.entities.size()); ++e)
        if (doc.entities[e].name == doc.source) f.object.entity = e;
      if (f.object.entity < 0) f.object.literal = doc.source;
      f.relation_text = "source";
      f.rule = "article.source";
      f.confidence = 1.0;
      add_fact(std::move(f));
    }
    if (!doc.date.empty()) {
      Fact f;
      f.sentence = 0;
      f.subject.article = true;
      f.subject.text = doc.title.empty() ? doc.id : doc.title;
      f.predicate = "schema:datePublished";
      f.object.literal = doc.date;
      f.object.datatype = "date";
      f.object.text = doc.date;
      f.relation_text = "date";
      f.rule = "article.date";
      f.confidence = 1.0;
      add_fact(std::move(f));
    }
  }
}

}  // namespace ng
