// Entities from the clusters: which clusters become entities (those with a
// name), their type, canonical name and aliases, merge log, roles, and the
// names of groups; mentions of dropped clusters go.
#include "entities/coref_internal.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace ng::coref_internal {

// The entities being built from the clusters.
struct EntityBuild {
  std::vector<int> entity_of_root;  // cluster root -> entity; -2 dropped, -1 not seen
  std::vector<int> roots;           // entity -> its cluster's root
  std::vector<Entity> entities;
};

// Whether the article is about a game: at least three words of
// sports.tsv's "context" kind ("match", "goal", "stadium").
bool Resolver::sports_article() {
  if (sports_ < 0) {
    int n = 0;
    for (const Token& t : doc_.tokens) {
      auto it = g_.sports.find(gazetteer_key(t.lemma.empty() ? t.form : t.lemma));
      if (it != g_.sports.end() && (it->second & Gazetteer::SportContext)) ++n;
    }
    sports_ = n >= 3 ? 1 : 0;
  }
  return sports_ == 1;
}

// Metonymy: a place named as what a team does ("Belgium defeated Panama",
// "England lost to Belgium") or has ("Tunisia's coach") stands for its team.
bool Resolver::team_mention(int m) const {
  int h = doc_.mentions[m].head;
  while (doc_.tokens[h].deprel == "conj" && doc_.tokens[h].head >= 0) h = doc_.tokens[h].head;
  const Token& t = doc_.tokens[h];
  if (t.head < 0) return false;
  const Token& gov = doc_.tokens[t.head];
  if (t.deprel == "nmod:poss")  // "Korea's Kim Shin-Wook": a player
    for (const Mention& o : doc_.mentions)
      if (o.kind == MentionKind::Name && o.type == EntityType::Person && o.head == t.head)
        return true;
  auto it = g_.sports.find(gazetteer_key(gov.lemma.empty() ? gov.form : gov.lemma));
  if (it == g_.sports.end()) return false;
  const std::string& r = t.deprel;
  if (r == "obl") {  // "lost to Belgium", "scored against Panama", not "played in Sochi"
    std::string c;
    for (int k = h - 1; k >= 0 && doc_.tokens[k].head == h; --k)
      if (doc_.tokens[k].deprel == "case") c = to_lower(doc_.tokens[k].form);
    if (c != "to" && c != "against" && c != "over" && c != "by") return false;
  }
  if ((r.rfind("nsubj", 0) == 0 || r == "obj" || r == "iobj" || r == "obl") && gov.upos == "VERB")
    return it->second & Gazetteer::SportAction;
  if (r == "nmod:poss" || r == "compound") return it->second & Gazetteer::SportMember;
  return false;
}

// Clusters with a name become entities, in the order of their first
// mention; the rest are dropped.
void Resolver::build_entities() {
  EntityBuild b = named_clusters();
  for (size_t e = 0; e < b.roots.size(); ++e) describe_entity(b.entities[e], b.roots[e]);
  add_entity_roles(b);
  name_groups(b);
  keep_entity_mentions(b);
}

// Keep clusters with a name (a NER mention) or with members (a group); the
// others (unresolved pronouns and descriptions) are dropped.
EntityBuild Resolver::named_clusters() {
  const int n = static_cast<int>(doc_.mentions.size());
  EntityBuild b;
  b.entity_of_root.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    const int c = cluster(i);
    if (b.entity_of_root[c] >= 0 || b.entity_of_root[c] == -2) continue;
    bool named = false;
    for (int m : cl_->members[c]) named = named || is_name(m) || info_[m].members.size() >= 2;
    if (!named) {
      b.entity_of_root[c] = -2;
      continue;
    }
    b.entity_of_root[c] = static_cast<int>(b.roots.size());
    b.roots.push_back(c);
  }
  b.entities.resize(b.roots.size());
  return b;
}

// Type, name, aliases and merge log of the entity of cluster `root`.
void Resolver::describe_entity(Entity& ent, int root) {
  set_entity_type(ent, root);
  if (ent.type == EntityType::Gpe && sports_article())
    for (int m : cl_->members[root])
      if (is_name(m) && team_mention(m)) {
        ent.type = EntityType::Org;
        ent.merged_by.push_back("type ORG: '" + text(m) + "' names a team");
        break;
      }
  set_entity_names(ent, root);
  ent.merged_by = cl_->log[root];  // NB: replaces the team line above
}

// Type: the most frequent name type (a real name counts twice); an
// untyped acronym ("USCIRF" after the commission's full name) votes only
// when nothing else does. An untyped name takes the type of the
// descriptions that refer to it ("Scientology" ... "the Scientology
// organization"), when they agree.
void Resolver::set_entity_type(Entity& ent, int root) const {
  const auto& ms = doc_.mentions;
  const auto& mem = cl_->members[root];
  std::map<EntityType, int> votes, acronym_votes;
  for (int m : mem) {
    if (!is_name(m)) continue;
    const bool untyped_acronym = ms[m].type == EntityType::Other && info_[m].words.size() == 1 && acronym(doc_.tokens[ms[m].last - 1].form);
    (untyped_acronym ? acronym_votes : votes)[ms[m].type] += real_name(m) ? 2 : 1;
  }
  if (votes.empty()) votes = acronym_votes;
  int bestv = -1;
  for (auto& [t, v] : votes)
    if (v > bestv) {
      bestv = v;
      ent.type = t;
    }
  // "Democrats", "Muslims" (groups.tsv): the members of a party or faith
  // are a group, never one person or a place, whatever type the NER gave.
  if (ent.type == EntityType::Person || class_of(ent.type) == Class::Place) {
    bool members = false, other = false;
    for (int m : mem) {
      if (!is_name(m)) continue;
      const std::string k = gazetteer_key(doc_.tokens[ms[m].last - 1].form);  // "some Democrats"
      (g_.groups.count(k) && k.ends_with("s") ? members : other) = true;
    }
    if (members && !other) ent.type = EntityType::Norp;
  }
  if (ent.type == EntityType::Other && !info_[root].group) {
    std::set<EntityType> said;
    for (int m : mem)
      if (ms[m].kind == MentionKind::Nominal && ms[m].type != EntityType::Other &&
          ms[m].type != EntityType::Date)
        said.insert(ms[m].type);
    if (said.size() == 1) ent.type = *said.begin();
  }
}

// Canonical name: the longest core name (the gazetteer's canonical name for
// places), else the longest name without "the"; aliases: the other core
// names.
void Resolver::set_entity_names(Entity& ent, int root) const {
  const auto& mem = cl_->members[root];
  int best = -1;
  for (int m : mem) {
    if (!real_name(m)) continue;
    if (best < 0 || info_[m].words.size() > info_[best].words.size() ||
        (info_[m].words.size() == info_[best].words.size() &&
         info_[m].key.size() > info_[best].key.size()))
      best = m;
  }
  ent.named = best >= 0;
  if (best >= 0) {
    ent.name = std::string(doc_.tokens_text(info_[best].core_first, info_[best].core_last));
    if (class_of(ent.type) == Class::Place)
      if (const auto* p = g_.place(info_[best].key)) ent.name = p->canonical;
  } else {
    for (int m : mem)
      if (is_name(m)) {
        std::string t = text(m);
        if (t.rfind("the ", 0) == 0 || t.rfind("The ", 0) == 0) t = t.substr(4);
        if (t.size() > ent.name.size()) ent.name = t;
      }
  }
  ent.name = clean_name(ent.name);
  for (int m : mem) {
    if (!real_name(m)) continue;
    std::string a = clean_name(doc_.tokens_text(info_[m].core_first, info_[m].core_last));
    if (a != ent.name && usable_name(a) &&
        std::find(ent.aliases.begin(), ent.aliases.end(), a) == ent.aliases.end())
      ent.aliases.push_back(a);
  }
}

// The entity of mention m (-1 for none or a dropped cluster).
int Resolver::entity_of(const EntityBuild& b, int m) {
  return m < 0 ? -1 : b.entity_of_root[cluster(m)];
}

// Roles: titles held by a named person, with the entity they are "of".
// Titles stated with their holder first, then resolved descriptions
// (skipped when an earlier title implies them: a President is a Head of State).
void Resolver::add_entity_roles(EntityBuild& b) {
  std::set<std::pair<int, std::string>> explicit_former;  // (entity, title) said to be past in words
  for (int pass = 0; pass < 2; ++pass)
    for (size_t r = 0; r < roles_.size(); ++r) {
      const RoleMention& rm = roles_[r];
      if ((rm.holder >= 0) != (pass == 0)) continue;
      int who = rm.holder >= 0 ? rm.holder : role_mention_[r];
      const int e = entity_of(b, who);
      if (e < 0 || b.entities[e].type != EntityType::Person) continue;
      int of = role_place_entity(b, rm);
      if (of == e) of = -1;
      auto& roles = b.entities[e].roles;
      bool dup = false;
      for (auto& x : roles) {
        if ((x.title == rm.title && (x.of == of || of < 0)) ||
            (pass == 1 && rl_.satisfies(x.title, rm.title))) {
          dup = true;
          // Said in words to be past ("former President X", "former
          // presidents A and B"; not "then-President X") anywhere in the
          // article: past throughout,
          // whatever other sentences call the person ("President X's vice
          // president"). Else also held now when a mention without a past
          // word says so, stated ("President X") or resolved.
          if (x.title != rm.title) continue;
          if (rm.former && !rm.former_by_date && !rm.former_then) {
            x.former = true;
            explicit_former.insert({e, x.title});
          } else if (!rm.former && !explicit_former.count({e, x.title})) {
            x.former = false;
          }
        }
      }
      if (dup) continue;
      // A title with a stated "of" replaces the same title without one.
      roles.erase(
          std::remove_if(roles.begin(), roles.end(),
                         [&](const Entity::Role& x) { return x.title == rm.title && x.of < 0; }),
          roles.end());
      if (rm.former && !rm.former_by_date && !rm.former_then) explicit_former.insert({e, rm.title});
      roles.push_back({rm.title, of, rm.sentence, rm.former});
    }
}

// The entity a title is "of": its "of" mention's, else the first named place
// of its demonym ("the Chilean president" -> Chile); -1 when none.
int Resolver::role_place_entity(const EntityBuild& b, const RoleMention& rm) {
  int of = entity_of(b, rm.of);
  if (of < 0 && !rm.of_demonym.empty())
    if (auto it = g_.demonyms.find(rm.of_demonym); it != g_.demonyms.end())
      for (int m = 0; m < static_cast<int>(info_.size()) && of < 0; ++m)
        if (real_name(m) && info_[m].place_key == gazetteer_key(it->second)) of = entity_of(b, m);
  return of;
}

// Groups: named after their members ("A and B"); type OTHER (not a person of
// its own).
void Resolver::name_groups(EntityBuild& b) {
  for (size_t e = 0; e < b.roots.size(); ++e) {
    std::vector<int> member_entities;
    for (int m : cl_->members[b.roots[e]])
      for (int x : info_[m].members) {
        const int me = entity_of(b, x);
        if (me >= 0 && me != static_cast<int>(e) &&
            std::find(member_entities.begin(), member_entities.end(), me) == member_entities.end())
          member_entities.push_back(me);
      }
    if (member_entities.size() < 2) continue;
    Entity& ent = b.entities[e];
    ent.type = EntityType::Other;
    ent.name.clear();
    std::string list;
    for (size_t k = 0; k < member_entities.size(); ++k) {
      const std::string& nm = b.entities[member_entities[k]].name;
      ent.name += (k == 0 ? "" : k + 1 == member_entities.size() ? " and " : ", ") + nm;
      list += (k ? "; " : "") + nm;
    }
    ent.merged_by.push_back("group of: " + list);
    ent.members = member_entities;
  }
}

// Renumber: drop the mentions of dropped clusters, link the others to their
// entity, and give the document its entities.
void Resolver::keep_entity_mentions(EntityBuild& b) {
  auto& ms = doc_.mentions;
  std::vector<Mention> kept;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    const int e = b.entity_of_root[cluster(i)];
    if (e < 0) continue;
    Mention m = ms[i];
    m.entity = e;
    b.entities[e].mentions.push_back(static_cast<int>(kept.size()));
    kept.push_back(m);
  }
  ms.swap(kept);
  doc_.entities = std::move(b.entities);
}

}  // namespace ng::coref_internal
