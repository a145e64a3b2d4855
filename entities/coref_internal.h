// Internals of coreference (entities/coref.h), shared by its files; not an
// API. The work of one document is a Resolver:
//   coref_mentions.cc  mention detection: names kept, titles, predicate and
//                      appositive nominals, groups, pronouns, kind nominals
//   coref_features.cc  per-mention features (Info): class, gender, number,
//                      the core of a name, its key, place identity, acronym
//   coref_sieves.cc    clusters and their compatibility; the name, alias,
//                      role, nominal and group sieves
//   coref_pronouns.cc  the third-person pronoun and quoted-speaker sieves
//   coref_entities.cc  entities from the clusters: type, names, roles, groups
//   coref.cc           the stage, Resolver::run and the cascade's table
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "entities/coref.h"

namespace ng::coref_internal {

// Coarse classes that may corefer: a person is never a place.
enum class Class : uint8_t { Person, Place, Org, Event, Norp, Date, Other };

Class class_of(EntityType t);

// Bit of a Class in the sets cluster_classes() returns.
constexpr unsigned class_bit(Class c) { return 1u << static_cast<int>(c); }

// What a pronoun tells about its antecedent.
struct PronounInfo {
  char gender = 0;  // 'm', 'f', 'n' (it), 0 = any
  bool plural = false;
  bool reflexive = false;
  bool possessive = false;
  int person = 3;  // 1, 2 or 3
};

// What pronoun `lower` (lower-cased) tells, into p; false when it is no
// pronoun of the table.
bool pronoun_info(std::string_view lower, PronounInfo& p);

// Per-mention facts the passes use.
struct Info {
  Class cls = Class::Other;
  std::vector<std::string> words;  // core name words, lower-cased (titles, "the", "'s" removed)
  std::string key;                 // core words joined by spaces ("" = no real name)
  int core_first = -1, core_last = -1;  // token range of the core name
  std::string place_key;  // place identity: gazetteer canonical or key minus region word
  std::string acronym;    // initials of a multi-word name ("united nations" -> "un")
  char gender = 0;        // 'm' / 'f' when the mention tells
  bool pronoun = false;
  PronounInfo pron;
  int role = -1;             // index into roles_ when the mention is a title/description
  bool plural = false;       // a plural name or noun ("the Tagbanuas", "Americans")
  bool group = false;        // stands for several entities ("A and B", "the sides")
  std::vector<int> members;  // group: mentions of its members (coordination conjuncts)
};

// Clusters as a union-find with member lists and a merge log.
struct Clusters {
  std::vector<int> parent;
  std::vector<std::vector<int>> members;
  std::vector<std::vector<std::string>> log;
  explicit Clusters(int n) : parent(n), members(n), log(n) {
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < n; ++i) members[i] = {i};
  }
  int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(int a, int b, std::string why) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (members[a].size() < members[b].size()) std::swap(a, b);
    parent[b] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    std::sort(members[a].begin(), members[a].end());
    members[b].clear();
    for (auto& l : log[b]) log[a].push_back(std::move(l));
    log[b].clear();
    log[a].push_back(std::move(why));
  }
};

struct Detection;    // coref_mentions.cc
struct EntityBuild;  // coref_entities.cc
class Resolver;

// One sieve of the cascade: `run` merges clusters and logs each merge as
// "LABEL: 'first mention' + 'second mention'" with one of `labels` (the
// lines --explain prints under merged_by).
struct Sieve {
  void (Resolver::*run)(const Sieve&);
  std::array<const char*, 3> labels;  // unused ones are null
};

// Coreference of one document: detect mentions, compute their features, run
// the cascade of sieves, build the entities (run()). One per document and call.
class Resolver {
 public:
  Resolver(Document& doc, const Gazetteer& g, const RoleLexicon& rl) : doc_(doc), g_(g), rl_(rl) {}
  // Fills doc.mentions and doc.entities (Coreference::process's contract,
  // apart from the mention extents).
  void run();

  // The sieves (kCascade in coref.cc runs them in order). Each merges under
  // the labels its kCascade row gives, in that order. coref_sieves.cc and
  // coref_pronouns.cc (the last two).
  void exact_names(const Sieve& sieve);
  void role_appositions(const Sieve& sieve);
  void name_appositions(const Sieve& sieve);
  void nominal_predicates(const Sieve& sieve);  // [0] apposition, [1] predicate
  void predicate_nominatives(const Sieve& sieve);
  void place_aliases(const Sieve& sieve);
  void acronyms(const Sieve& sieve);
  void orgs_without_country(const Sieve& sieve);
  void places_named_by_region_word(const Sieve& sieve);
  void partial_names(const Sieve& sieve);  // [0] the one such name, [1] the first of several
  void role_descriptions(const Sieve& sieve);  // [0] title and place, [1] title only
  void definite_nominals(const Sieve& sieve);  // [0] modifier, [1] head match, [2] type
  void meeting_groups(const Sieve& sieve);
  void third_person_pronouns(const Sieve& sieve);  // [0] pronoun, [1] cataphora
  void quoted_speakers(const Sieve& sieve);  // [0] a person, [1] the group a person speaks for

 private:
  // Mention detection, step by step (coref_mentions.cc).
  void detect_mentions();
  void repair_name_spans();
  void retype_surnames();
  int add_mention(int first, int last, int head, EntityType type, MentionKind kind);
  void mark_quotations();
  void add_role_mentions(Detection& d);
  void add_predicate_nominals(Detection& d);
  void add_coordination_groups(Detection& d);
  void add_plural_groups(Detection& d);
  // kind word (lower-cased lemma) -> (first token of its first name, that name's type)
  using NameKinds = std::map<std::string, std::pair<int, EntityType>>;
  NameKinds name_kinds() const;
  void add_pronouns_and_kind_nominals(Detection& d);
  bool add_pronoun(int t, const Detection& d);
  void add_kind_nominal(int t, const NameKinds& kinds, Detection& d);
  void sort_mentions(const Detection& d);

  // Mention features: info_ (coref_features.cc).
  void compute_info();
  void pronoun_features(const Mention& m, Info& in) const;
  void nominal_features(const Mention& m, Info& in) const;
  void name_features(const Mention& m, Info& in) const;
  bool strip_name_front(const Mention& m, Info& in, int& a, int b) const;
  int name_after_of_complement(const Mention& m, int of, int b) const;
  int past_title_tail(int a, int b) const;
  int past_department_title(int a, int b) const;
  int past_inner_title(int a, int b) const;
  int past_member_word(int a, int b) const;
  bool in_title_complement(int a) const;
  bool strip_leading_place(int& a, int b, bool complement) const;
  int person_name_start(const Mention& m, int a, int b) const;
  int person_name_end(const Mention& m, int a, int b) const;
  int past_occupation_word(int a, int b) const;
  int place_identity_end(Info& in, int a, int& b) const;
  void set_words_and_key(Info& in, int a, int id_last) const;
  void set_place_key(Info& in) const;
  void set_acronym(Info& in, int a, int b) const;

  // Clusters (coref_sieves.cc). merge() joins the clusters of mentions a
  // and b when compatible() and logs "pass: 'a' + 'b'"; it returns whether
  // it did.
  bool compatible(int a, int b, bool allow_place_org = false);
  bool merge(int a, int b, const char* pass, bool allow_place_org = false);
  void run_cascade();  // coref.cc
  std::vector<int> mentions_by_head(bool with_pronouns) const;

  std::string text(int m) const {
    return std::string(doc_.tokens_text(doc_.mentions[m].first, doc_.mentions[m].last));
  }
  bool is_name(int m) const { return doc_.mentions[m].kind == MentionKind::Name; }
  bool real_name(int m) const { return is_name(m) && !info_[m].key.empty(); }
  int cluster(int m) { return cl_->find(m); }
  char cluster_gender(int c);
  // The class most of the cluster's names have (Other when it has none).
  Class cluster_main_class(int c) {
    int votes[8] = {};
    for (int m : cl_->members[cl_->find(c)])
      if (!info_[m].pronoun && info_[m].cls != Class::Other)
        ++votes[static_cast<int>(info_[m].cls)];
    int best = static_cast<int>(Class::Other);
    for (int k = 0; k < 7; ++k)
      if (votes[k] > votes[best]) best = k;
    return static_cast<Class>(best);
  }
  bool cluster_plural(int c) {
    for (int m : cl_->members[cl_->find(c)])
      if (info_[m].plural) return true;
    return false;
  }
  // Classes of the cluster's names and nominals (bit per Class).
  unsigned cluster_classes(int c);
  bool has_real_name(int c) {
    for (int m : cl_->members[cl_->find(c)])
      if (real_name(m)) return true;
    return false;
  }
  // Whether the cluster has a group mention ("A and B", "the sides").
  bool cluster_group(int c) {
    for (int m : cl_->members[cl_->find(c)])
      if (info_[m].group) return true;
    return false;
  }

  // Steps of the role and nominal sieves (coref_sieves.cc) and the speaker
  // sieve (coref_pronouns.cc).
  std::string role_place_key(const RoleMention& rm) const;
  void role_candidates(int r, std::vector<int>& strong, std::vector<int>& weak);
  void keep_unqualified_holders(int r, std::vector<int>& weak);
  int org_named_by_modifier(int i) const;
  int nominal_head_match(int i) const;
  void bare_org_heads(const Sieve& sieve);
  bool same_full_name(int x, int y, int ca, int cb);
  uint8_t place_kinds_named(const std::string& lemma) const;
  bool place_kind_ok(int j, uint8_t want_kind) const;
  int only_named_of_kind(int i);
  bool org_kind_ok(int i, int j);
  bool surname_or_given_name(const std::string& w, const std::vector<std::string>& full) const;
  int speaker_in(const std::vector<int>& by_head, int si, unsigned want);
  int speaker_near(const std::vector<int>& by_head, int si, unsigned want);
  int speaker_group(int sp);

  // Steps of the pronoun sieve (coref_pronouns.cc).
  std::vector<int> coargument_clusters(int p);
  int best_antecedent(int p);
  bool antecedent_agrees(int p, int j, int c);
  double salience(int p, int j, int c);
  int cataphora_subject(int p);

  // Entity building (coref_entities.cc).
  void build_entities();
  bool sports_article();
  bool team_mention(int m) const;
  EntityBuild named_clusters();
  void describe_entity(Entity& ent, int root);
  void set_entity_type(Entity& ent, int root) const;
  void set_entity_names(Entity& ent, int root) const;
  int entity_of(const EntityBuild& b, int m);
  void add_entity_roles(EntityBuild& b);
  int role_place_entity(const EntityBuild& b, const RoleMention& rm);
  void name_groups(EntityBuild& b);
  void keep_entity_mentions(EntityBuild& b);

  static constexpr size_t kMaxChain = 500;  // mentions in one cluster at most
  bool chain_capped_ = false;               // the warning was given
  Document& doc_;
  const Gazetteer& g_;
  int sports_ = -1;  // sports_article(): -1 not yet known
  const RoleLexicon& rl_;
  std::vector<RoleMention> roles_;
  std::vector<int> role_mention_;  // roles_ index -> mention index (-1 = none)
  std::vector<Info> info_;
  std::unique_ptr<Clusters> cl_;
  std::vector<char> in_quote_;                   // per token: inside quotation marks
  std::vector<std::pair<int, int>> predicates_;  // (nominal mention, its subject's head token)
  std::vector<std::pair<int, std::vector<int>>> groups_;  // (group mention, member mentions)
};

}  // namespace ng::coref_internal
