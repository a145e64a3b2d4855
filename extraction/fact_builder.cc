#include "extraction/fact_builder.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "entities/gazetteer.h"
#include "extraction/meetings.h"
#include "extraction/when_where.h"

namespace ng::extraction_internal {
namespace {

std::string fact_key(const Fact& f) {
  auto arg = [](const Argument& a) {
    return a.entity >= 0 ? "e" + std::to_string(a.entity) : "l" + a.literal;
  };
  return std::to_string(f.sentence) + "|" + arg(f.subject) + "|" + f.predicate + "|" + arg(f.object);
}

// The event the rule's event spec describes at the match, with its roles,
// place and date; `participants` gets the entities among the roles.
Event make_event(const Match& m, const Rule::EventSpec& es, std::set<int>& participants) {
  Event e;
  e.cls = es.cls;
  e.sentence = m.sentence;
  e.trigger_text = m.relation_text;
  e.rule = m.rule.id;
  e.confidence = m.rule.confidence;
  e.modality = m.modality;
  for (const auto& [slot, role] : es.roles) {
    for (const auto& a : m.fillers[m.slot_index(slot)]) {
      if (a.entity >= 0) participants.insert(a.entity);
      e.roles.emplace_back(role, a);
    }
  }
  return e;
}

// The entities among an event's roles.
std::set<int> parties(const Event& e) {
  std::set<int> out;
  for (const auto& r : e.roles)
    if (r.second.entity >= 0) out.insert(r.second.entity);
  return out;
}

// One event per trigger and class: a second rule on the same trigger, or on
// another word of the same report with the same parties ("held talks":
// "held" and "talks"), adds roles instead of a duplicate event. True if e
// was merged so.
bool merge_same_trigger(const Event& e, Document& doc) {
  bool merged = false;
  const std::set<int> ours = parties(e);
  for (auto& old : doc.events) {
    if (old.sentence == e.sentence && old.cls == e.cls &&
        (old.trigger_text == e.trigger_text ||
         (old.modality == e.modality && !ours.empty() && parties(old) == ours))) {
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
  return merged;
}

// "X joined the talks": the roles join the meeting in focus.
void join_focus(const Event& e, Event& focus) {
  for (auto& rr : e.roles) {
    bool dup = false;
    for (const auto& o : focus.roles)
      dup = dup || (rr.second.entity >= 0 && o.second.entity == rr.second.entity);
    if (!dup) focus.roles.push_back(rr);
  }
}

}  // namespace

FactSink::FactSink(Document& doc, bool keep_unresolved)
    : doc_(doc), keep_unresolved_(keep_unresolved) {
  for (const auto& f : doc.facts) seen_.insert(fact_key(f));
}

namespace {

// Whether an argument is only an unresolved pronoun or demonstrative.
bool bare_pronoun(const Argument& a) {
  if (a.entity >= 0 || a.article || a.literal.empty() || a.literal.size() > 6) return false;
  std::string w;
  for (char c : a.literal) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return one_of(w, {"i",    "me",    "you",   "he",    "him",  "she",   "her",  "it",
                    "we",   "us",    "they",  "them",  "this", "that",  "these", "those",
                    "who",  "whom",  "which", "what",  "one",  "there", "itself"});
}

// Every argument's text and literal at most kMaxLiteralBytes (cut_text), so
// no path makes output quadratic in a sentence's length.
void cut_long_texts(Fact& f) {
  auto cut = [](Argument& a) {
    if (a.text.size() > kMaxLiteralBytes) a.text = cut_text(a.text);
    if (a.literal.size() > kMaxLiteralBytes) a.literal = cut_text(a.literal);
  };
  cut(f.subject);
  cut(f.object);
  for (auto& role : f.extra) cut(role.second);
}

}  // namespace

void FactSink::add(Fact&& f) {
  if (f.subject.empty()) return;
  cut_long_texts(f);
  if (!keep_unresolved_) {
    if (bare_pronoun(f.subject) || bare_pronoun(f.object)) return;
    std::erase_if(f.extra, [](const auto& role) { return bare_pronoun(role.second); });
  }
  if (f.subject.entity >= 0 && f.subject.entity == f.object.entity) return;
  if (seen_.insert(fact_key(f)).second) doc_.facts.push_back(std::move(f));
}

int Match::slot_index(const std::string& name) const {
  for (size_t k = 0; k < rule.slots.size(); ++k)
    if (rule.slots[k].name == name) return static_cast<int>(k);
  return -1;
}

namespace {

// Whether one entity's name holds the other's as whole words ("the Gulf of
// Oman" and "Oman", "Ana Marshall" and "Marshall"): a name's part is no
// argument of its own.
bool nested(const Document& doc, const Argument& a, const Argument& b) {
  if (a.entity < 0 || b.entity < 0) return false;
  const std::string x = " " + gazetteer_key(doc.entities[a.entity].name) + " ";
  const std::string y = " " + gazetteer_key(doc.entities[b.entity].name) + " ";
  return (y.size() > 2 && x.find(y) != std::string::npos) ||
         (x.size() > 2 && y.find(x) != std::string::npos);
}

// Whether an extra argument of the fact is its subject itself ("X won,
// giving him 54 delegates": the giver as his own recipient is a misreading).
bool own_extra(const Argument& subj, const Rule::FactSpec& fs, const Match& m) {
  if (subj.entity < 0) return false;
  for (const auto& [role, slot] : fs.extra)
    for (const auto& a : m.fillers[m.slot_index(slot)])
      if (a.entity == subj.entity) return true;
  return false;
}

}  // namespace

bool add_rule_facts(const Match& m, FactSink& sink) {
  bool produced = false;
  for (const auto& fs : m.rule.facts) {
    int si = m.slot_index(fs.subject);
    int oi = fs.object.empty() ? -1 : m.slot_index(fs.object);
    std::vector<Argument> objects = oi >= 0 ? m.fillers[oi] : std::vector<Argument>{Argument{}};
    for (const auto& subj : m.fillers[si]) {
      for (const auto& obj : objects) {
        if (oi >= 0 && obj.empty()) continue;
        if (nested(sink.doc(), subj, obj) || own_extra(subj, fs, m)) continue;
        Fact f;
        f.sentence = m.sentence;
        f.subject = subj;
        f.predicate = fs.predicate;
        f.object = obj;
        f.relation_text = fs.relation.empty() ? m.relation_text : fs.relation;
        f.rule = m.rule.id;
        f.confidence = m.rule.confidence;
        f.modality = m.modality;
        for (const auto& [role, slot] : fs.extra) {
          int xi = m.slot_index(slot);
          for (const auto& a : m.fillers[xi]) f.extra.emplace_back(role, a);
        }
        sink.add(std::move(f));
        produced = true;
      }
    }
  }
  return produced;
}

namespace {

// "A met B and C separately", "A met B, then C": one meeting of A with
// each party named after the trigger. Otherwise {e}.
std::vector<Event> split_separately(const SyntaxView& sv, int trigger, Event e) {
  bool separately = false;
  for (int c : sv.children(trigger))
    separately = separately || one_of(sv.lower(c), {"separately", "individually"});
  std::vector<std::pair<std::string, Argument>> before, after;
  for (auto& r : e.roles) (r.second.first > trigger ? after : before).push_back(r);
  int last_party = trigger;
  for (const auto& r : after) last_party = std::max(last_party, r.second.first);
  for (int k = trigger + 1; k < last_party; ++k)
    separately = separately || (sv.doc().tokens[k].upos == "ADV" &&
                                one_of(sv.lower(k), {"then", "later", "afterwards", "subsequently"}));
  std::vector<Event> out;
  if (!separately || e.cls != "ng:Meeting" || after.size() < 2 || before.empty()) {
    out.push_back(std::move(e));
    return out;
  }
  for (auto& party : after) {
    Event one = e;
    one.roles = before;
    one.roles.push_back(party);
    out.push_back(std::move(one));
  }
  return out;
}

// Adds event e of match m to the document: into an event of the same
// trigger (unless split from one report), into the meeting in focus when it
// joins it or tells it again, else as a new event (then in focus, if an
// asserted meeting).
void add_event(const SyntaxView& sv, const Match& m, bool joins_focus, bool split, Event e,
               Document& doc, int& focus_meeting) {
  if (!split && merge_same_trigger(e, doc)) return;
  const bool same_meeting = e.cls == "ng:Meeting" && focus_meeting >= 0 &&
                            m.modality == Modality::Asserted && refers_back(sv, m.trigger) &&
                            continues(sv, doc.events[focus_meeting], m.sentence, e.date);
  if (joins_focus || same_meeting) {
    Event& focus = doc.events[focus_meeting];
    join_focus(e, focus);
    if (focus.date.empty()) focus.date = e.date;
    if (focus.place.empty()) focus.place = e.place;
    return;
  }
  const bool meeting = e.cls == "ng:Meeting" && m.modality == Modality::Asserted;
  doc.events.push_back(std::move(e));
  if (meeting) focus_meeting = static_cast<int>(doc.events.size()) - 1;
}

}  // namespace

bool add_rule_events(const SyntaxView& sv, const Match& m, Document& doc, int& focus_meeting) {
  bool produced = false;
  for (const auto& es : m.rule.events) {
    std::set<int> participants;
    Event e = make_event(m, es, participants);
    const bool joins_focus = es.focus && es.cls == "ng:Meeting" && focus_meeting >= 0 &&
                             m.modality == Modality::Asserted && !participants.empty();
    if (!joins_focus && static_cast<int>(participants.size()) < es.min_participants) continue;
    e.date = event_date(sv, m.trigger, m.modality == Modality::Future);
    if (!es.place_slot.empty() && !m.fillers[m.slot_index(es.place_slot)].empty())
      e.place = m.fillers[m.slot_index(es.place_slot)].front();
    else
      e.place = event_place(sv, m.trigger, e.date);
    std::vector<Event> parts = split_separately(sv, m.trigger, std::move(e));
    const bool split = parts.size() > 1;
    for (Event& part : parts)
      add_event(sv, m, joins_focus, split, std::move(part), doc, focus_meeting);
    produced = true;
  }
  return produced;
}

namespace {

// Whether clause v is negated, hedged, conditional, modal or an infinitive
// by a function word of its own ("not", "nearly", "if", "would", "to"; a
// noun such as "May" in "died in May" is none).
bool unreal(const Document& doc, int v) {
  const auto& tk = doc.tokens;
  const Sentence& s = doc.sentences[doc.sentence_of(v)];
  for (int c = s.first; c < s.last; ++c) {
    if (tk[c].head != v ||
        !(is_rel(tk[c].deprel, "aux") || is_rel(tk[c].deprel, "advmod") || tk[c].deprel == "mark"))
      continue;
    if (one_of(to_lower(tk[c].form), {"not", "n't", "never", "nearly", "almost", "if", "unless", "whether",
                                      "would", "could", "may", "might", "should", "will", "to", "must",
                                      "can"}))
      return true;
  }
  return false;
}

// Whether clause v says its subject died: "died", "passed away", "is dead"
// (active), "was assassinated / killed / murdered / executed / found dead"
// (passive), not negated, hedged ("nearly", "almost"), conditional ("if ...
// are killed") or modal.
bool death_clause(const Document& doc, int v, bool passive) {
  const auto& tk = doc.tokens;
  const std::string lemma = to_lower(tk[v].lemma.empty() ? tk[v].form : tk[v].lemma);
  const Sentence& s = doc.sentences[doc.sentence_of(v)];
  bool found_dead = false;  // "was found dead"
  if (passive && lemma == "find")
    for (int c = s.first; c < s.last; ++c)
      found_dead = found_dead || (tk[c].head == v && to_lower(tk[c].form) == "dead");
  const bool active_death = !passive && (lemma == "die" || lemma == "pass" || (lemma == "dead" && tk[v].upos == "ADJ"));
  const bool passive_death = passive && (found_dead || one_of(lemma, {"assassinate", "kill", "murder", "execute"}));
  if (!active_death && !passive_death) return false;
  bool away = lemma != "pass";
  if (unreal(doc, v)) return false;
  for (int c = s.first; c < s.last; ++c)
    away = away || (tk[c].head == v && to_lower(tk[c].form) == "away");
  return away;
}

// Whether word v has a passive auxiliary ("was killed").
bool passive_verb(const Document& doc, int v) {
  const Sentence& s = doc.sentences[doc.sentence_of(v)];
  for (int c = s.first; c < s.last; ++c)
    if (doc.tokens[c].head == v && doc.tokens[c].deprel == "aux:pass") return true;
  return false;
}

// Whether name mention m is the subject of a death clause or the object of
// a past active killing, or the name a
// relative clause "who was assassinated in 1963" is about (hung on the name,
// or right after ", who" wherever the parse hung it).
bool subject_of_death(const Document& doc, const Mention& m) {
  const auto& tk = doc.tokens;
  const Token& t = tk[m.head];
  if (t.head >= 0 && (t.deprel == "nsubj" || t.deprel == "nsubj:pass") &&
      death_clause(doc, t.head, t.deprel == "nsubj:pass" || passive_verb(doc, t.head)))
    return true;
  // "a drone strike killed X", "the attack that killed X": the object of
  // an active killing in the past tense.
  if (t.head >= 0 && t.deprel == "obj" && doc.tokens[t.head].xpos == "VBD" &&
      death_clause(doc, t.head, true))
    return true;
  const Sentence& s = doc.sentences[doc.sentence_of(m.head)];
  for (int c = s.first; c < s.last; ++c)
    if (tk[c].head == m.head && tk[c].deprel == "acl:relcl" && death_clause(doc, c, passive_verb(doc, c)))
      return true;
  const int comma = m.last;
  if (comma + 1 >= s.last || tk[comma].form != "," || to_lower(tk[comma + 1].form) != "who") return false;
  const int v = tk[comma + 1].head;
  return v >= 0 && tk[v].deprel == "acl:relcl" && death_clause(doc, v, passive_verb(doc, v));
}

// Whether name mention m owns a death or burial: "the funeral of X", "X's death".
bool owner_of_death(const Document& doc, const Mention& m) {
  const auto& tk = doc.tokens;
  const Token& t = tk[m.head];
  if (t.head < 0 || (t.deprel != "nmod:poss" && t.deprel != "nmod") ||
      !one_of(to_lower(tk[t.head].lemma.empty() ? tk[t.head].form : tk[t.head].lemma),
              {"funeral", "death", "assassination", "killing", "burial", "murder"}))
    return false;
  if (t.deprel == "nmod:poss") return true;
  const Sentence& s = doc.sentences[doc.sentence_of(m.head)];
  for (int c = s.first; c < s.last; ++c)
    if (tk[c].head == m.head && tk[c].deprel == "case" && to_lower(tk[c].form) == "of") return true;
  return false;
}

// A resignation the article tells of: the sentence of an asserted past
// "resigned" / "quit" / "stepped down" whose subject names the person,
// and the words of its "as" / "from" phrase ("resigned as governor"; ""
// when none).
struct Resignation {
  int sentence;
  std::string as;
};

// Whether verb v is a past, asserted resignation: "resigned", "has quit",
// "stepped down"; not negated, modal, conditional or an infinitive ("refused
// to resign", "calls for X to resign").
bool resignation_clause(const Document& doc, int v) {
  const auto& tk = doc.tokens;
  const std::string lemma = to_lower(tk[v].lemma.empty() ? tk[v].form : tk[v].lemma);
  if (!one_of(lemma, {"resign", "quit", "step"})) return false;
  const Sentence& s = doc.sentences[doc.sentence_of(v)];
  bool down = lemma != "step", perfect = false;
  if (unreal(doc, v)) return false;
  for (int c = s.first; c < s.last; ++c) {
    if (tk[c].head != v) continue;
    const std::string f = to_lower(tk[c].form);
    down = down || (f == "down" && tk[c].deprel == "compound:prt");
    perfect = perfect || one_of(f, {"has", "have", "had"});
  }
  return down && (tk[v].xpos == "VBD" || (tk[v].xpos == "VBN" && perfect));
}

// The resignations of entity e (a name of it is the subject).
std::vector<Resignation> resignations(const Document& doc, int e) {
  const auto& tk = doc.tokens;
  std::vector<Resignation> out;
  for (int m : doc.entities[e].mentions) {
    const Mention& mn = doc.mentions[m];
    const Token& t = tk[mn.head];
    if (mn.kind != MentionKind::Name || t.head < 0 || t.deprel != "nsubj" || !resignation_clause(doc, t.head))
      continue;
    Resignation r{mn.sentence, ""};
    const Sentence& s = doc.sentences[mn.sentence];
    for (int c = s.first; c < s.last; ++c) {
      if (tk[c].head != t.head || !is_rel(tk[c].deprel, "obl")) continue;
      int lo = c, hi = c + 1;  // the phrase: c and the words hung below it
      for (int k = s.first; k < s.last; ++k) {
        int x = k;
        for (int steps = 0; x >= 0 && x != c && steps < 16; ++steps) x = tk[x].head;
        if (x == c) lo = std::min(lo, k), hi = std::max(hi, k + 1);
      }
      const std::string first = to_lower(tk[lo].form);
      if (first == "as" || first == "from") r.as = to_lower(std::string(doc.tokens_text(lo, hi)));
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Whether a resignation ends role r: its "as" phrase names the title, or
// it names none and r is told in the same sentence.
bool resigned_from(const std::vector<Resignation>& rs, const Entity::Role& r) {
  for (const Resignation& x : rs)
    if (x.as.empty() ? x.sentence == r.sentence : x.as.find(to_lower(r.title)) != std::string::npos)
      return true;
  return false;
}

// Whether the article says entity e died: a name of it (not a pronoun,
// whose resolution may err) is the subject of a death (subject_of_death) or
// owns one (owner_of_death). A dead person holds no office now.
bool died(const Document& doc, int e) {
  for (int m : doc.entities[e].mentions) {
    const Mention& mn = doc.mentions[m];
    if (mn.kind == MentionKind::Name && (subject_of_death(doc, mn) || owner_of_death(doc, mn)))
      return true;
  }
  return false;
}

}  // namespace

void add_role_facts(const Document& doc, FactSink& sink) {
  for (int e = 0; e < static_cast<int>(doc.entities.size()); ++e) {
    // "The President is President" says nothing: an entity the article
    // names only by its title gets no role facts of its own.
    if (!doc.entities[e].named) continue;
    const bool dead = died(doc, e);
    const std::vector<Resignation> resigned = resignations(doc, e);
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
      // A past role is kept with its modality, never as a direct triple;
      // so are the roles of someone the article says died, and a role
      // the article says they resigned from.
      f.modality = role.former || dead || resigned_from(resigned, role) ? Modality::Former : Modality::Asserted;
      sink.add(Fact(f));
      // An office is held in a place or organisation; "Merkel's
      // spokesperson" serves a person, who is no office.
      if (role.of >= 0 && role.of != e && doc.entities[role.of].type != EntityType::Person) {
        f.predicate = "ng:holdsOfficeIn";
        f.object = Argument{};
        f.object.entity = role.of;
        f.object.text = doc.entities[role.of].name;
        f.relation_text = "is " + role.title + " of";
        f.rule = "role.office";
        sink.add(std::move(f));
      }
    }
  }
}

void add_article_facts(const Document& doc, FactSink& sink) {
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
    sink.add(std::move(f));
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
    sink.add(std::move(f));
  }
}

}  // namespace ng::extraction_internal
