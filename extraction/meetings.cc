#include "extraction/meetings.h"

#include <algorithm>

#include "core/text.h"
#include "extraction/when_where.h"

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
    if (ct.deprel.rfind("nmod", 0) == 0 || ct.deprel.rfind("amod", 0) == 0 ||
        ct.deprel.rfind("nummod", 0) == 0 || ct.deprel.rfind("acl", 0) == 0)
      return false;
  }
  return definite;
}

}  // namespace

bool refers_back(const SyntaxView& sv, int t) {
  if (meeting_noun(sv, t)) return definite_bare(sv, t);
  for (int c : sv.children(t)) {
    const std::string& rel = sv.doc().tokens[c].deprel;
    if ((rel.rfind("nsubj", 0) == 0 || rel == "obj" || rel.rfind("obl", 0) == 0) &&
        meeting_noun(sv, c) && definite_bare(sv, c))
      return true;
  }
  return false;
}

bool continues(const Document& doc, const Event& earlier, int s, const std::string& date) {
  return earlier.cls == "ng:Meeting" && earlier.modality == Modality::Asserted &&
         earlier.sentence <= s && s - earlier.sentence <= 2 &&
         paragraph_of(doc, earlier.sentence) == paragraph_of(doc, s) &&
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

void mark_counterparts(Document& doc) {
  for (Event& e : doc.events) {
    if (e.cls != "ng:Meeting") continue;
    std::vector<int> sides;  // countries and organisations spoken for by a person
    for (const auto& [role, arg] : e.roles)
      if (arg.entity >= 0 && doc.entities[arg.entity].type != EntityType::Person &&
          side_has_person(doc, e, arg.entity))
        sides.push_back(arg.entity);
    for (auto& [role, arg] : e.roles) {
      if (arg.entity < 0 || role == "ng:describedParticipant") continue;
      const Entity& ent = doc.entities[arg.entity];
      if (!ent.named || ent.type == EntityType::Norp) role = "ng:describedParticipant";
      else if (std::find(sides.begin(), sides.end(), arg.entity) != sides.end())
        role = "ng:representedParty";
    }
  }
}

}  // namespace ng::extraction_internal
