#include "extraction/meetings.h"

#include <algorithm>

#include "core/text.h"
#include "entities/gazetteer.h"
#include "extraction/when_where.h"
#include "lexicon/lexicon.h"

namespace ng::extraction_internal {
namespace {

bool meeting_noun(const SyntaxView& sv, int w) {
  const Token& t = sv.doc().tokens[w];
  const std::string& l = t.lemma.empty() ? sv.lower(w) : t.lemma;
  return t.upos == "NOUN" && one_of(l, {"meeting", "talk", "summit", "gathering", "session",
                                        "conference", "visit", "negotiation", "encounter"});
}

// "the/this meeting" with no "with/between/of" phrase of its own.
bool definite_bare(const SyntaxView& sv, int w) {
  bool definite = false;
  for (int c : sv.children(w)) {
    const Token& ct = sv.doc().tokens[c];
    if (ct.deprel == "det") definite = definite || one_of(sv.lower(c), {"the", "this", "that"});
    if (is_rel(ct.deprel, "nmod") || is_rel(ct.deprel, "amod") || is_rel(ct.deprel, "nummod") ||
        is_rel(ct.deprel, "acl"))
      return false;
  }
  return definite;
}

}  // namespace

bool refers_back(const SyntaxView& sv, int t) {
  if (meeting_noun(sv, t)) return definite_bare(sv, t);
  for (int c : sv.children(t)) {
    const std::string& rel = sv.doc().tokens[c].deprel;
    if ((is_rel(rel, "nsubj") || rel == "obj" || is_rel(rel, "obl")) &&
        meeting_noun(sv, c) && definite_bare(sv, c))
      return true;
  }
  return false;
}

bool continues(const SyntaxView& sv, const Event& earlier, int s, const std::string& date) {
  return earlier.cls == "ng:Meeting" && earlier.modality == Modality::Asserted &&
         earlier.sentence <= s && s - earlier.sentence <= 2 &&
         sv.paragraph(earlier.sentence) == sv.paragraph(s) &&
         (date.empty() || earlier.date.empty() || date == earlier.date);
}

namespace {

// Whether a mention of person p names entity c in its referring
// expression ("President Omar Haddad of Freedonia").
bool named_with(const Document& doc, int p, int c) {
  for (const Mention& pm : doc.mentions) {
    if (pm.entity != p) continue;
    for (const Mention& cm : doc.mentions)
      if (cm.entity == c && cm.begin >= pm.extent_begin && cm.end <= pm.extent_end) return true;
  }
  return false;
}

// Whether a named person among the event's parties holds a role of entity c
// ("Israeli prime minister X", "X, President of Cyprus"): then X is that
// side, and c is no party of its own.
bool side_has_person(const Document& doc, const Event& e, int c) {
  for (const auto& [role, arg] : e.roles) {
    if (arg.entity < 0 || arg.entity == c) continue;
    const Entity& p = doc.entities[arg.entity];
    if (p.type != EntityType::Person || !p.named) continue;
    for (const auto& r : p.roles)
      if (r.of == c && !r.former) return true;
    if (named_with(doc, arg.entity, c)) return true;
  }
  return false;
}

}  // namespace

Countries Countries::load(const std::filesystem::path& lexicon_dir) {
  Countries c;
  read_tsv(lexicon_dir / "countries.tsv", 1, [&](const LexiconLine& l) {
    const std::string& name = l.fields[0];
    c.keys.insert(gazetteer_key(name));
    if (l.fields.size() > 1)
      for (const auto& other : split_at(l.fields[1], '|'))
        if (!other.empty()) c.keys.insert(gazetteer_key(other));
    if (l.fields.size() > 2)
      for (const auto& d : split_at(l.fields[2], '|'))
        if (!d.empty()) c.of_demonym.emplace(gazetteer_key(d), name);
  });
  return c;
}

namespace {

// The country a party written as a nationality stands for ("Ukrainian
// Delegation", "the Chinese side", "Israeli officials"): the article's
// entity of that country; -1 if none.
int country_of_nationality(const Document& doc, const Countries& countries, const Entity& e) {
  const std::string key = gazetteer_key(e.name);
  const std::string first = key.substr(0, key.find(' '));
  const std::string rest = key.size() > first.size() ? key.substr(first.size() + 1) : "";
  auto it = countries.of_demonym.find(first);
  if (it == countries.of_demonym.end()) return -1;
  if (e.type != EntityType::Norp &&
      !one_of(rest, {"delegation", "side", "government", "officials", "team", "authorities",
                     "counterparts", "counterpart", "leadership"}))
    return -1;
  const std::string country = gazetteer_key(it->second);
  for (int k = 0; k < static_cast<int>(doc.entities.size()); ++k)
    if (doc.entities[k].type == EntityType::Gpe && gazetteer_key(doc.entities[k].name) == country)
      return k;
  return -1;
}

bool is_place(EntityType t) {
  return t == EntityType::Gpe || t == EntityType::Loc || t == EntityType::Fac;
}

// One party of a meeting, settled: its country for a nationality; a
// described party, a represented side or a place (role "") otherwise.
void settle_party(Document& doc, const Countries& countries, std::pair<int, int> dateline_words,
                  const std::vector<int>& sides, Event& e, std::string& role, Argument& arg) {
  const Entity& ent = doc.entities[arg.entity];
  if (const auto [a, b] = dateline_words; a >= 0 && arg.first >= a && arg.first < b) {
    role.clear();  // "MOSCOW, March 5 (Reuters) - ...": the dateline is no party
    return;
  }
  if (const int c = country_of_nationality(doc, countries, ent); c >= 0) {
    arg.entity = c;
    arg.text = doc.entities[c].name;
  } else if (!ent.named || ent.type == EntityType::Norp) {
    role = "ng:describedParticipant";
  } else if (is_place(ent.type) && !countries.keys.count(gazetteer_key(ent.name))) {
    if (e.place.empty()) e.place = arg;
    role.clear();
  } else if (std::find(sides.begin(), sides.end(), arg.entity) != sides.end()) {
    role = "ng:representedParty";
  }
}

}  // namespace

void mark_counterparts(Document& doc, const Countries& countries) {
  const std::pair<int, int> dateline_words = dateline(doc);
  for (Event& e : doc.events) {
    if (e.cls != "ng:Meeting") continue;
    std::vector<int> sides;  // countries and organisations spoken for by a person
    for (const auto& [role, arg] : e.roles)
      if (arg.entity >= 0 && doc.entities[arg.entity].type != EntityType::Person &&
          side_has_person(doc, e, arg.entity))
        sides.push_back(arg.entity);
    for (auto& [role, arg] : e.roles)
      if (arg.entity >= 0 && role != "ng:describedParticipant")
        settle_party(doc, countries, dateline_words, sides, e, role, arg);
    std::erase_if(e.roles, [](const auto& r) { return r.first.empty(); });
  }
}

}  // namespace ng::extraction_internal
