#include "entities/coref.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/data_path.h"
#include "core/text.h"
#include "core/utf8.h"

namespace ng {

Coreference::Coreference() : Coreference(data_path("lexicon")) {}

Coreference::Coreference(const std::filesystem::path& lexicon_dir)
    : gazetteer_(Gazetteer::load(lexicon_dir)), roles_(RoleLexicon::load(lexicon_dir)) {}

namespace {

// Coarse classes that may corefer: a person is never a place.
enum class Class : uint8_t { Person, Place, Org, Event, Norp, Date, Other };

Class class_of(EntityType t) {
  switch (t) {
    case EntityType::Person:
      return Class::Person;
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac:
      return Class::Place;
    case EntityType::Org:
      return Class::Org;
    case EntityType::Event:
      return Class::Event;
    case EntityType::Norp:
      return Class::Norp;
    case EntityType::Date:
      return Class::Date;
    default:
      return Class::Other;
  }
}

// What a pronoun tells about its antecedent.
struct PronounInfo {
  char gender = 0;  // 'm', 'f', 'n' (it), 0 = any
  bool plural = false;
  bool reflexive = false;
  bool possessive = false;
  int person = 3;  // 1, 2 or 3
};

bool pronoun_info(std::string_view lower, PronounInfo& p) {
  struct Row {
    const char* w;
    char gender;
    bool plural, reflexive, possessive;
    int person;
  };
  static const Row rows[] = {
      {"he", 'm', false, false, false, 3},    {"him", 'm', false, false, false, 3},
      {"his", 'm', false, false, true, 3},    {"himself", 'm', false, true, false, 3},
      {"she", 'f', false, false, false, 3},   {"her", 'f', false, false, true, 3},
      {"hers", 'f', false, false, true, 3},   {"herself", 'f', false, true, false, 3},
      {"it", 'n', false, false, false, 3},    {"its", 'n', false, false, true, 3},
      {"itself", 'n', false, true, false, 3}, {"they", 0, true, false, false, 3},
      {"them", 0, true, false, false, 3},     {"their", 0, true, false, true, 3},
      {"theirs", 0, true, false, true, 3},    {"themselves", 0, true, true, false, 3},
      {"i", 0, false, false, false, 1},       {"me", 0, false, false, false, 1},
      {"my", 0, false, false, true, 1},       {"myself", 0, false, true, false, 1},
      {"we", 0, true, false, false, 1},       {"us", 0, true, false, false, 1},
      {"our", 0, true, false, true, 1},       {"ours", 0, true, false, true, 1},
      {"ourselves", 0, true, true, false, 1},
  };
  for (const Row& r : rows)
    if (lower == r.w) {
      p = {r.gender, r.plural, r.reflexive, r.possessive, r.person};
      return true;
    }
  return false;
}

// Gazetteer::nominals values are "TYPE\tGENDER" (gender m, f or -).
std::string nominal_type(const std::string& value) { return value.substr(0, value.find('\t')); }
char nominal_gender(const std::string& value) {
  const char g = value.back();
  return g == 'm' || g == 'f' ? g : 0;
}

// Gazetteer::region_words values end in "\tgeo" for a geographic unit (a
// LOC: "the X valley"), not an administrative one.
bool geographic_region_word(const std::string& value) {
  return value.find("\tgeo") != std::string::npos;
}

bool is_subject(const std::string& rel) { return rel == "nsubj" || rel == "nsubj:pass"; }

// Verbs that introduce reported speech ("X said", "according to X").
bool speech_verb(const std::string& lemma) {
  static const char* verbs[] = {
      "say",      "tell",     "add",      "explain", "state",   "note",       "ask",
      "insist",   "write",    "announce", "claim",   "comment", "warn",       "report",
      "reply",    "respond",  "declare",  "argue",   "stress",  "emphasize",  "emphasise",
      "continue", "conclude", "recall",   "suggest", "admit",   "acknowledge"};
  for (const char* v : verbs)
    if (lemma == v) return true;
  return false;
}

// Bit of a Class in the sets cluster_classes() returns.
constexpr unsigned class_bit(Class c) { return 1u << static_cast<int>(c); }

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

// Whether two person names can be the same person: the words of one are
// all among the words of the other ("Ruiz" ~ "Ana Ruiz", never
// "Ana Ruiz" ~ "Mark Ruiz").
bool names_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& big = a.size() <= b.size() ? b : a;
  for (const auto& w : small)
    if (std::find(big.begin(), big.end(), w) == big.end()) return false;
  return true;
}

// What the steps of mention detection share while they add mentions.
struct Detection {
  int names = 0;              // doc.mentions[0, names) are the NER names
  std::vector<char> in_name;  // per token: inside a NER name (as NER found it)
  std::vector<char> covered;  // per token: inside a nominal mention added so far
  std::vector<std::pair<int, int>> predicates;  // (nominal mention, its subject's head token)
  std::vector<std::pair<int, std::vector<int>>> groups;  // (group mention, member name mentions)
};

// The entities being built from the clusters.
struct EntityBuild {
  std::vector<int> entity_of_root;  // cluster root -> entity; -2 dropped, -1 not seen
  std::vector<int> roots;           // entity -> its cluster's root
  std::vector<Entity> entities;
};

class Resolver;

// One sieve of the cascade: `run` merges clusters and logs each merge as
// "LABEL: 'first mention' + 'second mention'" with one of `labels` (the
// lines --explain prints under merged_by).
struct Sieve {
  void (Resolver::*run)(const Sieve&);
  std::array<const char*, 3> labels;  // unused ones are null
};

class Resolver {
 public:
  Resolver(Document& doc, const Gazetteer& g, const RoleLexicon& rl) : doc_(doc), g_(g), rl_(rl) {}
  void run() {
    detect_mentions();
    compute_info();
    cl_ = std::make_unique<Clusters>(static_cast<int>(doc_.mentions.size()));
    run_cascade();
    build_entities();
  }

  // The sieves (kCascade below runs them in order). Each merges under the
  // labels its kCascade row gives, in that order.
  void exact_names(const Sieve& sieve);
  void role_appositions(const Sieve& sieve);
  void name_appositions(const Sieve& sieve);
  void nominal_predicates(const Sieve& sieve);  // [0] apposition, [1] predicate
  void predicate_nominatives(const Sieve& sieve);
  void place_aliases(const Sieve& sieve);
  void acronyms(const Sieve& sieve);
  void orgs_without_country(const Sieve& sieve);
  void places_named_by_region_word(const Sieve& sieve);
  void partial_names(const Sieve& sieve);
  void role_descriptions(const Sieve& sieve);   // [0] title and place, [1] title only
  void definite_nominals(const Sieve& sieve);   // [0] modifier, [1] head match, [2] type
  void meeting_groups(const Sieve& sieve);
  void third_person_pronouns(const Sieve& sieve);  // [0] pronoun, [1] cataphora
  void quoted_speakers(const Sieve& sieve);        // [0] a person, [1] the group a person speaks for

 private:
  // Mention detection, step by step.
  void detect_mentions();
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

  // Mention features (info_).
  void compute_info();
  void pronoun_features(const Mention& m, Info& in) const;
  void nominal_features(const Mention& m, Info& in) const;
  void name_features(const Mention& m, Info& in) const;
  bool strip_name_front(const Mention& m, Info& in, int& a, int b) const;
  int name_after_of_complement(const Mention& m, int of, int b) const;
  int person_name_start(const Mention& m, int a, int b) const;
  int place_identity_end(Info& in, int a, int& b) const;
  void set_words_and_key(Info& in, int a, int id_last) const;
  void set_place_key(Info& in) const;
  void set_acronym(Info& in, int a, int b) const;

  // Steps of the role, nominal and speaker sieves.
  std::string role_place_key(const RoleMention& rm) const;
  void role_candidates(int r, std::vector<int>& strong, std::vector<int>& weak);
  int org_named_by_modifier(int i) const;
  int nominal_head_match(int i) const;
  uint8_t place_kinds_named(const std::string& lemma) const;
  bool place_kind_ok(int j, uint8_t want_kind) const;
  int only_named_of_kind(int i);
  int speaker_in(const std::vector<int>& by_head, int si, unsigned want);
  int speaker_near(const std::vector<int>& by_head, int si, unsigned want);
  int speaker_group(int sp);

  // Steps of the pronoun sieve.
  std::vector<int> coargument_clusters(int p);
  int best_antecedent(int p);
  bool antecedent_agrees(int p, int j, int c);
  double salience(int p, int j, int c);
  int cataphora_subject(int p);

  // Entity building.
  EntityBuild named_clusters();
  void describe_entity(Entity& ent, int root);
  void set_entity_type(Entity& ent, int root) const;
  void set_entity_names(Entity& ent, int root) const;
  int entity_of(const EntityBuild& b, int m);
  void add_entity_roles(EntityBuild& b);
  int role_place_entity(const EntityBuild& b, const RoleMention& rm);
  void name_groups(EntityBuild& b);
  void keep_entity_mentions(EntityBuild& b);

  bool compatible(int a, int b, bool allow_place_org = false);
  bool merge(int a, int b, const char* pass, bool allow_place_org = false);
  void run_cascade();
  std::vector<int> mentions_by_head(bool with_pronouns) const;
  void build_entities();
  bool sports_article();
  bool team_mention(int m) const;

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
  bool cluster_group(int c) {
    for (int m : cl_->members[cl_->find(c)])
      if (info_[m].group) return true;
    return false;
  }
};

// The cascade, in the order it runs: precise evidence first, so the later,
// looser sieves see the clusters the earlier ones built.
constexpr Sieve kCascade[] = {
    {&Resolver::exact_names, {"exact name"}},
    {&Resolver::role_appositions, {"apposition/role"}},
    {&Resolver::name_appositions, {"apposition"}},
    {&Resolver::nominal_predicates,
     {"apposition (nominal)", "predicate nominative (nominal)"}},
    {&Resolver::predicate_nominatives, {"predicate nominative"}},
    {&Resolver::place_aliases, {"place alias"}},
    {&Resolver::acronyms, {"acronym"}},
    {&Resolver::orgs_without_country, {"organisation without its country"}},
    {&Resolver::places_named_by_region_word, {"place named by region word"}},
    {&Resolver::partial_names, {"partial name"}},
    {&Resolver::role_descriptions,
     {"role description (title and place)", "role description (title)"}},
    {&Resolver::definite_nominals,
     {"nominal named by its modifier", "nominal head match", "nominal by type"}},
    {&Resolver::meeting_groups, {"group (the people just named together)"}},
    {&Resolver::third_person_pronouns, {"pronoun", "cataphora"}},
    {&Resolver::quoted_speakers, {"quoted speaker", "quoted speaker's group"}},
};

void Resolver::run_cascade() {
  for (const Sieve& s : kCascade) (this->*s.run)(s);
}

// --------------------------------------------------------------- mentions

// The steps of mention detection run in this order; each adds mentions
// after the ones before, and sort_mentions puts them in text order.
void Resolver::detect_mentions() {
  auto& ms = doc_.mentions;
  // Keep only the NER names: coreference owns nominal and pronoun mentions.
  ms.erase(std::remove_if(ms.begin(), ms.end(),
                          [](const Mention& m) { return m.kind != MentionKind::Name; }),
           ms.end());
  const int n = static_cast<int>(doc_.tokens.size());
  Detection d;
  d.names = static_cast<int>(ms.size());
  d.in_name.assign(n, 0);
  for (const Mention& m : ms)
    for (int t = m.first; t < m.last; ++t) d.in_name[t] = 1;
  d.covered.assign(n, 0);
  mark_quotations();
  add_role_mentions(d);
  add_predicate_nominals(d);
  add_coordination_groups(d);
  add_plural_groups(d);
  add_pronouns_and_kind_nominals(d);
  sort_mentions(d);
}

int Resolver::add_mention(int first, int last, int head, EntityType type, MentionKind kind) {
  Mention m;
  m.sentence = doc_.sentence_of(first);
  m.first = first;
  m.last = last;
  m.head = head;
  m.begin = doc_.tokens[first].begin;
  m.end = doc_.tokens[last - 1].end;
  m.type = type;
  m.kind = kind;
  doc_.mentions.push_back(m);
  return static_cast<int>(doc_.mentions.size()) - 1;
}

// Quotations: straight quotes toggle, curly quotes open and close; a
// quotation may run over several sentences.
void Resolver::mark_quotations() {
  const int n = static_cast<int>(doc_.tokens.size());
  in_quote_.assign(n, 0);
  bool open = false;
  for (int t = 0; t < n; ++t) {
    const std::string& f = doc_.tokens[t].form;
    if (f == "\"" || f == "“" || f == "”" || f == "``" || f == "''") {
      open = (f == "“" || f == "``") ? true : (f == "”" || f == "''") ? false : !open;
      continue;
    }
    in_quote_[t] = open;
  }
}

// Titles as mentions of their own: appositions ("X, President of Y") and
// descriptions ("the governor of the X Region"). Fills roles_ and
// role_mention_.
void Resolver::add_role_mentions(Detection& d) {
  auto& ms = doc_.mentions;
  roles_ = find_roles(doc_, rl_, &g_);
  role_mention_.assign(roles_.size(), -1);
  for (size_t r = 0; r < roles_.size(); ++r) {
    const RoleMention& rm = roles_[r];
    if (rm.holder >= 0 && rm.first >= ms[rm.holder].first && rm.last <= ms[rm.holder].last) {
      role_mention_[r] = rm.holder;  // the title is part of the holder's name
      continue;
    }
    // A person name made of the title ("the President of the United
    // States" tagged as a name) stands for the description.
    int same = -1;
    for (int i = 0; i < d.names; ++i)
      if (ms[i].type == EntityType::Person && ms[i].first <= rm.title_first &&
          ms[i].last >= rm.title_last && ms[i].first >= rm.first && ms[i].last <= rm.last)
        same = i;
    if (same >= 0) {
      // It takes the description's span (with its determiner); it stays a
      // name, so an unresolved description is still an entity.
      Mention& m = ms[same];
      m.first = rm.first;
      m.last = rm.last;
      m.begin = doc_.tokens[m.first].begin;
      m.end = doc_.tokens[m.last - 1].end;
      role_mention_[r] = same;
      for (int t = rm.first; t < rm.last; ++t) d.covered[t] = 1;
      continue;
    }
    const int head = span_head(doc_, rm.title_first, rm.title_last);
    role_mention_[r] =
        add_mention(rm.first, rm.last, head, EntityType::Person, MentionKind::Nominal);
    for (int t = rm.first; t < rm.last; ++t) d.covered[t] = 1;
  }
}

// Predicate nominatives and appositions ("X was a Swiss mathematician",
// "X, a lawyer,"): nominals that are the same entity as their subject.
void Resolver::add_predicate_nominals(Detection& d) {
  const int n = static_cast<int>(doc_.tokens.size());
  for (int h = 0; h < n; ++h) {
    const Token& tok = doc_.tokens[h];
    if (tok.upos != "NOUN" || d.covered[h] || d.in_name[h] || tok.head < 0) continue;
    const Sentence& s = doc_.sentences[doc_.sentence_of(h)];
    int subj = -1, first = h;
    bool cop = false, negated = false, marked = false;
    for (int c = s.first; c < s.last; ++c) {
      if (doc_.tokens[c].head != h) continue;
      const std::string& rel = doc_.tokens[c].deprel;
      const std::string low = to_lower(doc_.tokens[c].form);
      if (rel == "case") marked = true;  // "we are in contact": no nominative
      if (rel == "cop" &&
          to_lower(doc_.tokens[c].lemma.empty() ? low : doc_.tokens[c].lemma) == "be")
        cop = true;
      if (rel == "nsubj") subj = c;
      if (low == "not" || low == "n't" || low == "never") negated = true;
      if (c < h && (rel == "det" || rel == "amod" || rel == "compound" || rel == "nmod:poss" ||
                    rel == "nummod"))
        first = std::min(first, c);
    }
    if (tok.deprel == "appos")
      subj = tok.head;
    else if (!cop || marked)
      subj = -1;
    if (subj < 0 || negated) continue;
    while (first < h && (d.covered[first] || d.in_name[first])) ++first;
    const int m = add_mention(first, h + 1, h, EntityType::Other, MentionKind::Nominal);
    d.predicates.push_back({m, subj});
    for (int c = first; c <= h; ++c) d.covered[c] = 1;
  }
}

// Groups of coordinated people ("A and B", "both A and B"): a mention over
// the coordination whose members are the people's name mentions.
void Resolver::add_coordination_groups(Detection& d) {
  const auto& ms = doc_.mentions;
  std::vector<int> person_by_head(doc_.tokens.size(), -1);
  for (int i = 0; i < d.names; ++i)
    if (ms[i].type == EntityType::Person && person_by_head[ms[i].head] < 0)
      person_by_head[ms[i].head] = i;
  for (int i = 0; i < d.names; ++i) {
    if (ms[i].type != EntityType::Person) continue;
    const int a = ms[i].head;
    std::vector<int> conj = {i};
    bool has_and = false;
    const Sentence& s = doc_.sentences[doc_.sentence_of(a)];
    for (int c = a + 1; c < s.last; ++c) {
      if (doc_.tokens[c].head != a || doc_.tokens[c].deprel != "conj") continue;
      if (person_by_head[c] < 0) {
        conj.clear();
        break;  // "A and the others": not only named people
      }
      conj.push_back(person_by_head[c]);
      for (int e = s.first; e < s.last; ++e)
        if (doc_.tokens[e].head == c && doc_.tokens[e].deprel == "cc" &&
            to_lower(doc_.tokens[e].form) == "and")
          has_and = true;
    }
    if (conj.size() < 2 || !has_and) continue;
    int first = ms[i].first;
    if (first > s.first && (to_lower(doc_.tokens[first - 1].form) == "both")) --first;
    const int m =
        add_mention(first, ms[conj.back()].last, a, EntityType::Person, MentionKind::Nominal);
    d.groups.push_back({m, conj});
  }
}

// Plural references to the two sides of a meeting ("the sides", "both
// leaders", "the two presidents"): groups whose members a sieve finds later.
void Resolver::add_plural_groups(Detection& d) {
  const int n = static_cast<int>(doc_.tokens.size());
  for (int h = 0; h < n; ++h) {
    const Token& tok = doc_.tokens[h];
    if (tok.upos != "NOUN" || d.covered[h] || d.in_name[h] || tok.xpos != "NNS") continue;
    std::string lemma = to_lower(tok.lemma.empty() ? tok.form : tok.lemma);
    if (lemma == to_lower(tok.form) && lemma.size() > 2 && lemma.back() == 's') lemma.pop_back();
    if (lemma != "side" && lemma != "leader" && lemma != "president" && lemma != "delegation" &&
        lemma != "minister" && lemma != "counterpart" && lemma != "head")
      continue;
    const Sentence& s = doc_.sentences[doc_.sentence_of(h)];
    int first = h;
    bool both = false, the = false;
    for (int c = s.first; c < h; ++c) {
      if (doc_.tokens[c].head != h) continue;
      const std::string low = to_lower(doc_.tokens[c].form);
      if (low == "both" || low == "two") both = true;
      if (low == "the") the = true;
      first = std::min(first, c);
    }
    if (!(both || (the && lemma == "side"))) continue;
    const int m = add_mention(first, h + 1, h, EntityType::Person, MentionKind::Nominal);
    d.groups.push_back({m, {}});
    for (int c = first; c <= h; ++c) d.covered[c] = 1;
  }
}

// The words that name what a named organisation, place or facility is
// ("memorial" in "the Chiang Kai Shek Memorial", "church" in "the Church
// of X"), with where the first such name starts and its type.
Resolver::NameKinds Resolver::name_kinds() const {
  NameKinds kinds;
  for (const Mention& m : doc_.mentions) {
    if (m.kind != MentionKind::Name || m.last - m.first < 2) continue;
    if (class_of(m.type) != Class::Org && class_of(m.type) != Class::Place) continue;
    const Token& kt = doc_.tokens[kind_word(doc_, m.first, m.last)];
    if (!starts_upper(kt.form)) continue;
    const std::string w = to_lower(kt.lemma.empty() ? kt.form : kt.lemma);
    if (g_.region_words.count(w)) continue;  // "the region": region words have their own sieve
    kinds.emplace(w, std::make_pair(m.first, m.type));
  }
  return kinds;
}

// Pronouns, and definite nominals whose head noun names a kind of entity
// ("the company", "the Tarsk region") or a named entity's kind ("the
// memorial"), in token order.
void Resolver::add_pronouns_and_kind_nominals(Detection& d) {
  const NameKinds kinds = name_kinds();
  const int n = static_cast<int>(doc_.tokens.size());
  for (int t = 0; t < n; ++t)
    if (!add_pronoun(t, d)) add_kind_nominal(t, kinds, d);
}

// Whether token t is a pronoun (then a mention unless it is the writer's
// I/me/my outside quotations).
bool Resolver::add_pronoun(int t, const Detection& d) {
  const Token& tok = doc_.tokens[t];
  PronounInfo p;
  if (d.in_name[t] || !pronoun_info(to_lower(tok.form), p) ||
      !(tok.upos == "PRON" || tok.upos.empty() || tok.xpos == "PRP" || tok.xpos == "PRP$"))
    return false;
  if (p.person == 1 && !in_quote_[t]) return true;  // the writer: not an entity of the text
  add_mention(t, t + 1, t, EntityType::Other, MentionKind::Pronoun);
  return true;
}

// A definite nominal headed by token t when its noun is in nominals.tsv or
// is the kind word of a name earlier in the text ("the memorial" after "the
// X Memorial": that name's type).
void Resolver::add_kind_nominal(int t, const NameKinds& kinds, Detection& d) {
  const Token& tok = doc_.tokens[t];
  if (tok.upos != "NOUN" || d.covered[t] || d.in_name[t]) return;
  if (tok.xpos == "NNS" || tok.xpos == "NNPS") return;
  const std::string lemma = to_lower(tok.lemma.empty() ? tok.form : tok.lemma);
  EntityType type;
  if (auto it = g_.nominals.find(lemma); it != g_.nominals.end()) {
    if (!parse_entity_type(nominal_type(it->second), type)) return;
  } else {
    auto k = kinds.find(lemma);
    if (k == kinds.end() || k->second.first >= t) return;
    type = k->second.second;
  }
  int first = t;
  bool definite = false;
  const Sentence& s = doc_.sentences[doc_.sentence_of(t)];
  for (int c = s.first; c < t; ++c) {
    if (doc_.tokens[c].head != t) continue;
    const std::string& rel = doc_.tokens[c].deprel;
    const std::string cl = to_lower(doc_.tokens[c].form);
    if (rel == "det" && (cl == "the" || cl == "this" || cl == "that")) definite = true;
    if (rel == "det" || rel == "amod" || rel == "compound" || rel == "nummod" || rel == "flat" ||
        rel == "nmod:poss")
      first = std::min(first, c);
  }
  if (!definite) return;
  while (first < t && d.covered[first]) ++first;
  add_mention(first, t + 1, t, type, MentionKind::Nominal);
  for (int c = first; c <= t; ++c) d.covered[c] = 1;
}

// Sorts doc.mentions by position (outer before inner) and remaps the
// mention indices the steps kept: roles_, role_mention_, and the
// predicates and groups, which become predicates_ and groups_.
void Resolver::sort_mentions(const Detection& d) {
  auto& ms = doc_.mentions;
  std::vector<int> order(ms.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return ms[a].first != ms[b].first ? ms[a].first < ms[b].first : ms[a].last > ms[b].last;
  });
  std::vector<int> where(ms.size());
  std::vector<Mention> sorted;
  sorted.reserve(ms.size());
  for (size_t i = 0; i < order.size(); ++i) {
    where[order[i]] = static_cast<int>(i);
    sorted.push_back(ms[order[i]]);
  }
  ms.swap(sorted);
  for (auto& r : roles_) {
    if (r.holder >= 0) r.holder = where[r.holder];
    if (r.of >= 0) r.of = where[r.of];
  }
  for (auto& rm : role_mention_)
    if (rm >= 0) rm = where[rm];
  predicates_.clear();
  for (auto [m, subj] : d.predicates) predicates_.push_back({where[m], subj});
  groups_.clear();
  for (auto& [m, members] : d.groups) {
    std::vector<int> mm;
    for (int x : members) mm.push_back(where[x]);
    groups_.push_back({where[m], mm});
  }
}

// --------------------------------------------------------------- features

void Resolver::compute_info() {
  const auto& ms = doc_.mentions;
  info_.assign(ms.size(), Info());
  for (size_t r = 0; r < roles_.size(); ++r)
    if (role_mention_[r] >= 0 && info_[role_mention_[r]].role < 0 &&
        !(roles_[r].holder == role_mention_[r]))
      info_[role_mention_[r]].role = static_cast<int>(r);
  for (auto& [g, members] : groups_) {
    info_[g].group = true;
    info_[g].members = members;
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    Info& in = info_[i];
    in.cls = class_of(m.type);
    if (m.kind == MentionKind::Pronoun) {
      pronoun_features(m, in);
      continue;
    }
    const std::string& x = doc_.tokens[m.head].xpos;
    in.plural = x == "NNS" || x == "NNPS" || in.group;
    if (m.kind == MentionKind::Nominal)
      nominal_features(m, in);
    else
      name_features(m, in);
  }
}

void Resolver::pronoun_features(const Mention& m, Info& in) const {
  in.pronoun = true;
  pronoun_info(to_lower(doc_.tokens[m.first].form), in.pron);
  in.cls = Class::Other;
  if (in.pron.gender == 'm' || in.pron.gender == 'f') in.gender = in.pron.gender;
}

// A nominal's gender: its noun's in nominals.tsv, else its title's.
void Resolver::nominal_features(const Mention& m, Info& in) const {
  const Token& h = doc_.tokens[m.head];
  auto it = g_.nominals.find(to_lower(h.lemma.empty() ? h.form : h.lemma));
  if (it != g_.nominals.end())
    if (const char g = nominal_gender(it->second)) in.gender = g;
  if (in.role >= 0) {
    int len = 0;
    const TitleInfo* ti = rl_.match(doc_, roles_[in.role].title_first, len);
    if (ti && ti->gender) in.gender = ti->gender;
  }
}

// A name: its core (without determiners, honorifics, titles and their "of"
// complement, demonyms before a title, and a trailing possessive), the
// core's words and key, its place identity and acronym. A name with no core
// (a description: "the President of France") keeps an empty key, so it is
// no real name.
void Resolver::name_features(const Mention& m, Info& in) const {
  int a = m.first, b = m.last;
  const bool description = strip_name_front(m, in, a, b);
  while (b > a) {
    const std::string& f = doc_.tokens[b - 1].form;
    if (f == "'s" || f == "’s" || f == "'" || f == "’" || doc_.tokens[b - 1].upos == "PUNCT")
      --b;
    else
      break;
  }
  if (description || a >= b) return;  // no real name
  a = person_name_start(m, a, b);
  in.core_first = a;
  in.core_last = b;
  const int id_last = place_identity_end(in, a, b);
  set_words_and_key(in, a, id_last);
  if (in.key.empty()) return;
  set_place_key(in);
  set_acronym(in, a, b);
}

// Moves a past the determiners, honorifics, titles (and their "of"
// complement) and demonyms before a title at the front of name m, up to b;
// an honorific or title gives in.gender. Returns whether a title's "of"
// complement ends the name: the name is a description.
bool Resolver::strip_name_front(const Mention& m, Info& in, int& a, int b) const {
  bool description = false;
  for (bool stripped = true; stripped && a < b;) {
    stripped = false;
    const std::string low = gazetteer_key(doc_.tokens[a].form);
    if (low == "the" || low == "a" || low == "an" || low == "former" || low == "late") {
      ++a;
      stripped = true;
      continue;
    }
    if (auto h = g_.honorifics.find(low); h != g_.honorifics.end() && a + 1 < b) {
      if (h->second == "m" || h->second == "f") in.gender = h->second[0];
      ++a;
      stripped = true;
      continue;
    }
    int len = 0;
    if (const TitleInfo* ti = rl_.match(doc_, a, len); ti && a + len <= b) {
      if (ti->gender) in.gender = ti->gender;
      a += len;
      stripped = true;
      if (a < b && gazetteer_key(doc_.tokens[a].form) == "of") {
        if (const int after = name_after_of_complement(m, a, b); after >= 0) {
          a = after;
          continue;
        }
        description = true;
      }
      continue;
    }
    if (g_.demonyms.count(low) && a + 1 < b && m.type == EntityType::Person) {
      int l2 = 0;
      if (rl_.match(doc_, a + 1, l2)) {
        ++a;
        stripped = true;
      }
    }
  }
  return description;
}

// "President of France Ana Ruiz": past the "of" complement at token `of`
// (a place or organisation name) a person's name may follow. Returns where
// that name starts, or -1 when none does.
int Resolver::name_after_of_complement(const Mention& m, int of, int b) const {
  int x = of + 1;
  if (x < b && gazetteer_key(doc_.tokens[x].form) == "the") ++x;
  int after = -1;
  for (const Mention& o : doc_.mentions)
    if (&o != &m && o.first == x && o.last < b && o.kind == MentionKind::Name &&
        o.type != EntityType::Person && o.type != EntityType::Date)
      after = std::max(after, o.last);
  if (after > 0 && starts_upper(doc_.tokens[after].form)) return after;
  return -1;
}

// A person's name is the proper-noun run at the end: "future band guitarist
// Jan Novak", "economy minister Ana Ruiz" -> the name. Returns where the
// name [a, b) of m starts.
int Resolver::person_name_start(const Mention& m, int a, int b) const {
  if (m.type != EntityType::Person || doc_.tokens[b - 1].upos != "PROPN") return a;
  int x = b - 1;
  while (x > a) {
    const Token& p = doc_.tokens[x - 1];
    const bool joiner = (p.form == "-" || p.upos == "PROPN" ||
                         (starts_upper(p.form) && p.upos != "NOUN" && p.upos != "ADJ"));
    if (!joiner) break;
    --x;
  }
  return x > a && x < b ? x : a;
}

// Where a place's identity ends in its core [a, b): "Igoumenitsa, Greece" is
// the city, so its identity is the part before the comma (the region after
// it is a mention of its own). "the Tver Oblast of Russia" is the oblast: the
// core itself ends before "of" (b and in.core_last shrink).
int Resolver::place_identity_end(Info& in, int a, int& b) const {
  int id_last = b;
  if (in.cls == Class::Place)
    for (int t = a + 1; t + 1 < b; ++t) {
      if (doc_.tokens[t].form == ",") {
        id_last = t;
        break;
      }
      if (t - a >= 2 && gazetteer_key(doc_.tokens[t].form) == "of" &&
          g_.region_words.count(gazetteer_key(doc_.tokens[t - 1].form)) &&
          !g_.place(gazetteer_key(doc_, a, b))) {  // not "the Federal Republic of X"
        id_last = t;
        b = t;
        in.core_last = t;
        break;
      }
    }
  return id_last;
}

// in.words and in.key from the identity tokens [a, id_last).
void Resolver::set_words_and_key(Info& in, int a, int id_last) const {
  for (int t = a; t < id_last; ++t) {
    std::string w = gazetteer_key(doc_.tokens[t].form);
    if (w == "-" || w == "." || w == ",") continue;
    // An abbreviation with or without its last period: "d.c." = "d.c".
    if (w.size() > 2 && w.back() == '.' && w.find('.') + 1 < w.size()) w.pop_back();
    in.words.push_back(std::move(w));
  }
  in.key = gazetteer_key(doc_, a, id_last);
  if (in.key.size() > 2 && in.key.back() == '.' && !in.words.empty() &&
      in.words.back().find('.') != std::string::npos)
    in.key.pop_back();
}

// Place identity: the gazetteer's canonical name; else the name without
// its region word ("tarsk oblast" -> "tarsk").
void Resolver::set_place_key(Info& in) const {
  if (in.cls != Class::Place && in.cls != Class::Org) return;
  if (const auto* p = g_.place(in.key)) {
    in.place_key = gazetteer_key(p->canonical);
  } else if (in.cls == Class::Place) {
    std::vector<std::string> w = in.words;
    if (w.size() >= 2 && g_.region_words.count(w.back())) w.pop_back();
    if (w.size() >= 3 && g_.region_words.count(w[0]) && w[1] == "of")
      w.erase(w.begin(), w.begin() + 2);
    std::string k;
    for (const auto& x : w) k += (k.empty() ? "" : " ") + x;
    if (const auto* p = g_.place(k)) k = gazetteer_key(p->canonical);
    in.place_key = k;
  }
}

// Acronym of a multi-word organisation or place name: the initials of its
// capitalised words in [a, b) ("united nations" -> "un").
void Resolver::set_acronym(Info& in, int a, int b) const {
  if (in.words.size() < 2 || (in.cls != Class::Org && in.cls != Class::Place)) return;
  for (int t = a; t < b; ++t) {
    const std::string& f = doc_.tokens[t].form;
    if (starts_upper(f)) in.acronym += static_cast<char>(std::tolower(f[0]));
  }
  if (in.acronym.size() < 2) in.acronym.clear();
}

// --------------------------------------------------------------- clusters

unsigned Resolver::cluster_classes(int c) {
  unsigned bits = 0;
  for (int m : cl_->members[cl_->find(c)])
    if (!info_[m].pronoun && info_[m].cls != Class::Other)
      bits |= 1u << static_cast<int>(info_[m].cls);
  return bits;
}

char Resolver::cluster_gender(int c) {
  char g = 0;
  for (int m : cl_->members[cl_->find(c)]) {
    char x = info_[m].gender;
    if (!x) continue;
    if (g && g != x) return 0;
    g = x;
  }
  return g;
}

bool Resolver::compatible(int a, int b, bool allow_place_org) {
  const int ca = cl_->find(a), cb = cl_->find(b);
  if (ca == cb) return false;
  const unsigned ka = cluster_classes(ca), kb = cluster_classes(cb);
  if (ka && kb && ka != kb) {
    const unsigned po =
        (1u << static_cast<int>(Class::Place)) | (1u << static_cast<int>(Class::Org));
    if (!allow_place_org || (ka | kb) & ~po) return false;
  }
  // A group ("A and B", "the sides") is never one of its members.
  if (cluster_group(ca) != cluster_group(cb)) {
    const int other = cluster_group(ca) ? cb : ca;
    for (int m : cl_->members[other])
      if (!info_[m].pronoun) return false;
  }
  const char ga = cluster_gender(ca), gb = cluster_gender(cb);
  if (ga && gb && ga != gb) return false;
  for (int x : cl_->members[ca]) {
    if (!real_name(x) || info_[x].cls != Class::Person) continue;
    for (int y : cl_->members[cb])
      if (real_name(y) && info_[y].cls == Class::Person &&
          !names_compatible(info_[x].words, info_[y].words))
        return false;
  }
  return true;
}

bool Resolver::merge(int a, int b, const char* pass, bool allow_place_org) {
  if (!compatible(a, b, allow_place_org)) return false;
  cl_->unite(a, b, std::string(pass) + ": '" + text(a) + "' + '" + text(b) + "'");
  return true;
}

// Identical names.
void Resolver::exact_names(const Sieve& sieve) {
  std::unordered_map<std::string, int> first;  // class-qualified key -> mention
  for (size_t i = 0; i < info_.size(); ++i) {
    if (!real_name(i) || info_[i].cls == Class::Date) continue;
    const bool person = info_[i].cls == Class::Person;
    const std::string k = (person                        ? "P:"
                           : info_[i].cls == Class::Norp ? "N:"
                                                         : "X:") +
                          info_[i].key;
    auto [it, fresh] = first.emplace(k, static_cast<int>(i));
    if (!fresh) merge(it->second, static_cast<int>(i), sieve.labels[0], true);
  }
}

// Titles given to a named person (apposition, "President X", predicate
// nominative).
void Resolver::role_appositions(const Sieve& sieve) {
  for (size_t r = 0; r < roles_.size(); ++r) {
    const RoleMention& rm = roles_[r];
    if (rm.holder >= 0 && role_mention_[r] >= 0 && role_mention_[r] != rm.holder)
      merge(rm.holder, role_mention_[r], sieve.labels[0]);
  }
}

// Head token -> the first (so the longest) mention with that head; pronouns
// only when with_pronouns.
std::vector<int> Resolver::mentions_by_head(bool with_pronouns) const {
  const auto& ms = doc_.mentions;
  std::vector<int> by_head(doc_.tokens.size(), -1);
  for (size_t i = 0; i < ms.size(); ++i)
    if ((with_pronouns || !info_[i].pronoun) && by_head[ms[i].head] < 0)
      by_head[ms[i].head] = static_cast<int>(i);
  return by_head;
}

// Appositive names: a name attached to another of its class ("X, the Y").
void Resolver::name_appositions(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  const std::vector<int> by_head = mentions_by_head(false);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (info_[i].pronoun) continue;
    const Token& h = doc_.tokens[ms[i].head];
    if (h.head < 0) continue;
    const int other = by_head[h.head];
    if (other < 0 || other == static_cast<int>(i)) continue;
    if (!real_name(other) && !real_name(i)) continue;
    if (info_[i].cls != info_[other].cls) continue;
    // "Igoumenitsa, Greece", "Paris, Texas": a place after a place is the
    // region it lies in, not another name for it.
    if (info_[i].cls == Class::Place && real_name(i) && real_name(other)) continue;
    if (h.deprel == "appos") {
      merge(other, static_cast<int>(i), sieve.labels[0]);
    }
  }
}

// Predicative and appositive nominals ("X was a Swiss mathematician", "X, a
// lawyer,") join their subject's mention.
void Resolver::nominal_predicates(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  const std::vector<int> any_by_head = mentions_by_head(true);
  for (auto [m, subj] : predicates_) {
    const int other = any_by_head[subj];
    if (other < 0 || other == m) continue;
    merge(other, m, doc_.tokens[ms[m].head].deprel == "appos" ? sieve.labels[0] : sieve.labels[1]);
  }
}

// Predicate nominatives: "X is the president", "X is Y".
void Resolver::predicate_nominatives(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  const std::vector<int> by_head = mentions_by_head(false);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (info_[i].pronoun) continue;
    const int h = ms[i].head;
    bool cop = false;
    int subj = -1;
    const Sentence& s = doc_.sentences[ms[i].sentence];
    for (int c = s.first; c < s.last; ++c) {
      if (doc_.tokens[c].head != h) continue;
      if (doc_.tokens[c].deprel == "cop") cop = true;
      if (doc_.tokens[c].deprel == "nsubj") subj = c;
    }
    if (!cop || subj < 0 || by_head[subj] < 0) continue;
    const int other = by_head[subj];
    if (!real_name(other) || info_[other].cls != info_[i].cls) continue;
    if (!real_name(i) && info_[i].role < 0) continue;
    merge(other, static_cast<int>(i), sieve.labels[0]);
  }
}

// Aliases of places: the same place identity ("Germany" = "the Federal
// Republic of Germany"; "the X Oblast" = "the X region" = "X").
void Resolver::place_aliases(const Sieve& sieve) {
  std::unordered_map<std::string, int> place;
  for (size_t i = 0; i < info_.size(); ++i) {
    if (!real_name(i)) continue;
    const Info& in = info_[i];
    if (in.cls == Class::Place && !in.place_key.empty()) {
      auto [it, fresh] = place.emplace(in.place_key, static_cast<int>(i));
      if (!fresh) merge(it->second, static_cast<int>(i), sieve.labels[0], true);
    }
  }
}

// Acronyms: a one-word capitalised name is the first multi-word name with
// those initials ("UN" = "United Nations").
void Resolver::acronyms(const Sieve& sieve) {
  std::unordered_map<std::string, int> acro;
  for (size_t i = 0; i < info_.size(); ++i)
    if (real_name(i) && !info_[i].acronym.empty())
      acro.emplace(info_[i].acronym, static_cast<int>(i));
  for (size_t i = 0; i < info_.size(); ++i) {
    if (!real_name(i) || info_[i].words.size() != 1) continue;
    if (info_[i].cls != Class::Org && info_[i].cls != Class::Place) continue;
    const std::string& f = doc_.tokens[info_[i].core_first].form;
    bool caps = f.size() >= 2;
    for (char c : f) caps = caps && (std::isupper(static_cast<unsigned char>(c)) || c == '.');
    if (!caps) continue;
    std::string k;
    for (char c : info_[i].key)
      if (c != '.') k.push_back(c);
    if (auto it = acro.find(k); it != acro.end())
      merge(it->second, static_cast<int>(i), sieve.labels[0], true);
  }
}

// "the US State Department" = "the State Department": an organisation
// named with and without its country in front.
void Resolver::orgs_without_country(const Sieve& sieve) {
  std::unordered_map<std::string, int> orgs;
  for (size_t i = 0; i < info_.size(); ++i)
    if (real_name(i) && info_[i].cls == Class::Org) orgs.emplace(info_[i].key, static_cast<int>(i));
  for (size_t i = 0; i < info_.size(); ++i) {
    const auto& w = info_[i].words;
    if (!real_name(i) || info_[i].cls != Class::Org || w.size() < 3) continue;
    const auto* p = g_.place(w[0]);
    if (!(p && (p->kinds & Gazetteer::Country)) && !g_.demonyms.count(w[0])) continue;
    std::string rest;
    for (size_t k = 1; k < w.size(); ++k) rest += (k > 1 ? " " : "") + w[k];
    if (auto it = orgs.find(rest); it != orgs.end())
      merge(it->second, static_cast<int>(i), sieve.labels[0]);
  }
}

// "the X region" (a nominal around a place name) is that place.
void Resolver::places_named_by_region_word(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].kind != MentionKind::Nominal || info_[i].role >= 0) continue;
    const std::string head = to_lower(doc_.tokens[ms[i].head].form);
    auto rw = g_.region_words.find(head);
    if (rw == g_.region_words.end() || geographic_region_word(rw->second)) continue;
    for (size_t j = 0; j < ms.size(); ++j)
      if (real_name(j) && info_[j].cls == Class::Place && ms[j].first >= ms[i].first &&
          ms[j].last <= ms[i].last && ms[j].last == ms[i].head) {
        merge(static_cast<int>(j), static_cast<int>(i), sieve.labels[0]);
        break;
      }
  }
}

// Partial person names ("Ruiz" -> "Ana Ruiz") when exactly one person in
// the article has a longer name containing it.
void Resolver::partial_names(const Sieve& sieve) {
  // Longer names first, so "Cruise" sees "Tom Cruise" already joined with
  // "Scientologist Tom Cruise".
  std::vector<size_t> order(info_.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return info_[a].words.size() > info_[b].words.size();
  });
  for (size_t i : order) {
    if (!real_name(i) || info_[i].cls != Class::Person) continue;
    std::vector<int> targets;  // clusters
    int target_mention = -1;
    for (size_t j = 0; j < info_.size(); ++j) {
      if (j == i || !real_name(j) || info_[j].cls != Class::Person) continue;
      if (info_[j].words.size() <= info_[i].words.size()) continue;
      if (!names_compatible(info_[i].words, info_[j].words)) continue;
      // A single word must be the first or the last word of the full name.
      if (info_[i].words.size() == 1 && info_[j].words.back() != info_[i].words[0] &&
          info_[j].words.front() != info_[i].words[0])
        continue;
      const int c = cluster(static_cast<int>(j));
      if (std::find(targets.begin(), targets.end(), c) == targets.end()) targets.push_back(c);
      if (target_mention < 0) target_mention = static_cast<int>(j);
    }
    // Ambiguous ("Ruiz" with two Ruizes): leave it alone.
    if (targets.size() == 1) merge(target_mention, static_cast<int>(i), sieve.labels[0]);
  }
}

// Role descriptions ("the head of state", "the governor of the X Region",
// "the President of Y") -> the one person holding that role.
void Resolver::role_descriptions(const Sieve& sieve) {
  for (size_t r = 0; r < roles_.size(); ++r) {
    const RoleMention& d = roles_[r];
    const int dm = role_mention_[r];
    if (!d.description || dm < 0 || has_real_name(dm)) continue;
    std::vector<int> strong, weak;  // candidate clusters
    role_candidates(static_cast<int>(r), strong, weak);
    const auto& pick = !strong.empty() ? strong : weak;
    if (pick.size() == 1) {
      // the earliest real name of that cluster
      int target = -1;
      for (int m : cl_->members[pick[0]])
        if (real_name(m)) {
          target = m;
          break;
        }
      if (target >= 0)
        merge(target, dm, !strong.empty() ? sieve.labels[0] : sieve.labels[1]);
    }
  }
}

// The place key a title is "of": its "of" mention's place identity, or the
// place of its demonym ("the Chilean president"); "" when it does not say.
std::string Resolver::role_place_key(const RoleMention& rm) const {
  std::string key;
  if (rm.of >= 0) key = info_[rm.of].place_key;
  if (!rm.of_demonym.empty())
    if (auto it = g_.demonyms.find(rm.of_demonym); it != g_.demonyms.end())
      key = gazetteer_key(it->second);
  return key;
}

// The clusters of the named holders of a title that satisfies description
// r's: `strong` when both are "of" the same place, `weak` when one does not
// say. A holder of that title somewhere else is no candidate at all.
void Resolver::role_candidates(int r, std::vector<int>& strong, std::vector<int>& weak) {
  const RoleMention& d = roles_[r];
  const std::string want_of_place = role_place_key(d);
  std::vector<int> excluded;
  for (int h = 0; h < static_cast<int>(roles_.size()); ++h) {
    const RoleMention& held = roles_[h];
    int who = held.holder;
    if (who < 0 && role_mention_[h] >= 0 && has_real_name(role_mention_[h]))
      who = role_mention_[h];
    if (who < 0 || h == r) continue;
    if (!rl_.satisfies(held.title, d.title)) continue;
    // Implied titles (President -> Head of State) hold for countries only.
    if (held.title != d.title && held.of >= 0 && info_[held.of].cls != Class::Place) continue;
    const int c = cluster(who);
    if (std::find(excluded.begin(), excluded.end(), c) != excluded.end()) continue;
    const bool unknown =
        (d.of < 0 && d.of_demonym.empty()) || (held.of < 0 && held.of_demonym.empty());
    const bool same_of =
        !unknown && ((d.of >= 0 && held.of >= 0 && cluster(d.of) == cluster(held.of)) ||
                     (!want_of_place.empty() && want_of_place == role_place_key(held)));
    if (!unknown && !same_of) {
      // The holder is that title of somewhere else: not this description,
      // even where another mention of the title does not say where.
      excluded.push_back(c);
      strong.erase(std::remove(strong.begin(), strong.end(), c), strong.end());
      weak.erase(std::remove(weak.begin(), weak.end(), c), weak.end());
      continue;
    }
    auto& list = same_of ? strong : weak;
    if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
  }
}

// Definite nominals -> the named entity they describe: an organisation
// named by the noun's modifier, head word match ("the foundation" -> "the X
// Foundation") or the one entity of that kind in the last sentences ("the
// company").
void Resolver::definite_nominals(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (ms[i].kind != MentionKind::Nominal || info_[i].role >= 0) continue;
    if (has_real_name(i)) continue;
    const Class want = info_[i].cls;
    if (want == Class::Org) {
      const int inner = org_named_by_modifier(i);
      if (inner >= 0 && merge(inner, i, sieve.labels[0])) continue;
    }
    const int found = nominal_head_match(i);
    if (found >= 0) {
      merge(found, i, sieve.labels[1]);
      continue;
    }
    if (want == Class::Person) continue;  // "the man": too vague without gender/number cues
    const int nearest = only_named_of_kind(i);
    if (nearest >= 0) merge(nearest, i, sieve.labels[2]);
  }
}

// "the Scientology organization", "the Lumo company": an organisation
// noun whose modifier is an organisation's (or an untyped) name is that
// organisation. Returns the last such name inside nominal i, or -1.
int Resolver::org_named_by_modifier(int i) const {
  const auto& ms = doc_.mentions;
  int inner = -1;
  for (size_t j = 0; j < ms.size(); ++j)
    if (real_name(static_cast<int>(j)) && ms[j].first >= ms[i].first &&
        ms[j].last <= ms[i].head && doc_.tokens[ms[j].head].head == ms[i].head &&
        (info_[j].cls == Class::Org || info_[j].cls == Class::Other))
      inner = static_cast<int>(j);
  return inner;
}

// The nearest name before nominal i of its class whose last word (or the
// word before an "of": "the Church of X") is the nominal's head; -1 if none.
int Resolver::nominal_head_match(int i) const {
  const std::string head = to_lower(doc_.tokens[doc_.mentions[i].head].form);
  int found = -1;
  for (int j = i - 1; j >= 0 && found < 0; --j) {
    if (!real_name(j) || info_[j].cls != info_[i].cls) continue;
    const auto& w = info_[j].words;
    if (!w.empty() && w.back() == head) found = j;
    for (size_t x = 1; x + 1 < w.size() && found < 0; ++x)  // "the Church of X"
      if (w[x] == "of" && w[x - 1] == head) found = j;
  }
  return found;
}

// What kind of place a noun (lemma) names: Gazetteer::PlaceKind bits
// allowed, 0 = any ("the city" is not a country).
uint8_t Resolver::place_kinds_named(const std::string& lemma) const {
  if (lemma == "city" || lemma == "town" || lemma == "village" || lemma == "capital")
    return Gazetteer::City;
  if (lemma == "country" || lemma == "nation" || lemma == "kingdom" || lemma == "republic")
    return Gazetteer::Country;
  if (lemma == "state") return Gazetteer::Country | Gazetteer::Region;
  if (g_.region_words.count(lemma)) return Gazetteer::Region;
  return 0;
}

// Whether the place named by mention j is of one of the `want_kind` kinds
// (0 = any). Unknown places are never countries.
bool Resolver::place_kind_ok(int j, uint8_t want_kind) const {
  if (!want_kind) return true;
  uint8_t kinds = 0;
  if (const auto* p = g_.place(info_[j].key))
    kinds = p->kinds;
  else if (info_[j].words.size() >= 2 && g_.region_words.count(info_[j].words.back()))
    kinds = Gazetteer::Region;
  if (!kinds) return want_kind != Gazetteer::Country;  // unknown places: not a country
  return (kinds & want_kind) != 0;
}

// The one entity of nominal i's class (and, for places, kind) named in this
// or the two previous sentences: its nearest name, or -1 when there are
// none or several.
int Resolver::only_named_of_kind(int i) {
  const auto& ms = doc_.mentions;
  const Class want = info_[i].cls;
  const Token& h = doc_.tokens[ms[i].head];
  const std::string lemma = to_lower(h.lemma.empty() ? to_lower(h.form) : h.lemma);
  const uint8_t want_kind = want == Class::Place ? place_kinds_named(lemma) : 0;
  std::vector<int> clusters;
  int nearest = -1;
  for (int j = i - 1; j >= 0; --j) {
    if (ms[j].sentence < ms[i].sentence - 2) break;
    if (!real_name(j) || info_[j].cls != want || !place_kind_ok(j, want_kind)) continue;
    if (ms[j].last > ms[i].first) continue;
    const int c = cluster(j);
    if (std::find(clusters.begin(), clusters.end(), c) == clusters.end()) clusters.push_back(c);
    if (nearest < 0) nearest = j;
  }
  return clusters.size() == 1 ? nearest : -1;
}

// "The sides", "both leaders": the group named just before ("A and B"),
// else the two people of the last meeting (a subject and an object or
// "with" of meet/receive/host/visit/talk) in this or the three previous
// sentences.
void Resolver::meeting_groups(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  const auto& tk = doc_.tokens;
  std::vector<int> by_head(tk.size(), -1);
  for (size_t i = 0; i < ms.size(); ++i)
    if (!info_[i].group && by_head[ms[i].head] < 0) by_head[ms[i].head] = static_cast<int>(i);
  auto person = [&](int tok) -> int {
    if (tok < 0 || by_head[tok] < 0) return -1;
    const int m = by_head[tok];
    return (cluster_classes(cluster(m)) & (1u << static_cast<int>(Class::Person))) ? m : -1;
  };
  for (auto& [g, members] : groups_) {
    if (!members.empty()) continue;
    const int gs = ms[g].sentence;
    // A coordination group shortly before.
    int prior = -1;
    for (auto& [h, hm] : groups_)
      if (!hm.empty() && h < g && ms[h].sentence >= gs - 3) prior = h;
    if (prior >= 0) {
      merge(prior, g, sieve.labels[0]);
      continue;
    }
    for (int si = gs; si >= std::max(0, gs - 3) && members.empty(); --si) {
      const Sentence& s = doc_.sentences[si];
      for (int v = s.first; v < s.last && members.empty(); ++v) {
        const std::string lemma = to_lower(tk[v].lemma.empty() ? tk[v].form : tk[v].lemma);
        if (lemma != "meet" && lemma != "receive" && lemma != "host" && lemma != "visit" &&
            lemma != "talk" && lemma != "welcome")
          continue;
        int subj = -1, obj = -1;
        for (int c = s.first; c < s.last; ++c) {
          if (tk[c].head != v) continue;
          if (tk[c].deprel == "nsubj") subj = person(c);
          if (tk[c].deprel == "obj" || tk[c].deprel == "obl") obj = person(c);
        }
        if (subj >= 0 && obj >= 0 && cluster(subj) != cluster(obj)) members = {subj, obj};
      }
    }
    info_[g].members = members;
  }
}

// Third-person pronouns. Candidates are the mentions of the same
// and the previous sentences whose cluster agrees in gender, number and
// animacy; binding excludes co-arguments of a non-reflexive pronoun; the
// best by salience wins (subjects, then objects; recency; how often the
// entity was mentioned). A he/she with no antecedent may point forward
// (cataphora).
void Resolver::third_person_pronouns(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  for (size_t p = 0; p < ms.size(); ++p) {
    const Info& pi = info_[p];
    if (!pi.pronoun || pi.pron.person != 3) continue;
    // Already part of a named entity (an earlier pass, "it is time"): a
    // pronoun never joins two named entities.
    if (has_real_name(static_cast<int>(p))) continue;
    const int best_m = best_antecedent(static_cast<int>(p));
    if (best_m >= 0) {
      merge(best_m, static_cast<int>(p), sieve.labels[0]);
      continue;
    }
    if (pi.pron.gender != 'm' && pi.pron.gender != 'f') continue;
    const int subject = cataphora_subject(static_cast<int>(p));
    if (subject >= 0) merge(subject, static_cast<int>(p), sieve.labels[1]);
  }
}

// Binding: a non-reflexive, non-possessive pronoun p is not a co-argument
// of its antecedent ("X told him": him != X), whichever mention of X.
// Returns the clusters of p's co-arguments in its sentence.
std::vector<int> Resolver::coargument_clusters(int p) {
  const auto& ms = doc_.mentions;
  const auto& tk = doc_.tokens;
  const Info& pi = info_[p];
  const int ps = ms[p].sentence;
  const Token& pt = tk[ms[p].first];
  std::vector<int> coarg_clusters;
  if (!pi.pron.reflexive && !pi.pron.possessive && pt.head >= 0)
    for (int j = p - 1; j >= 0 && ms[j].sentence == ps; --j)
      if (tk[ms[j].head].head == pt.head) coarg_clusters.push_back(cluster(j));
  for (int j = p + 1; j < static_cast<int>(ms.size()) && ms[j].sentence == ps; ++j)
    if (!pi.pron.reflexive && !pi.pron.possessive && pt.head >= 0 &&
        tk[ms[j].head].head == pt.head)
      coarg_clusters.push_back(cluster(j));
  return coarg_clusters;
}

// The most salient mention before pronoun p (within 5 sentences for he/she,
// 2 otherwise) that agrees with it and is not bound; -1 when none.
int Resolver::best_antecedent(int p) {
  const auto& ms = doc_.mentions;
  const Info& pi = info_[p];
  const int ps = ms[p].sentence;
  const int window = pi.pron.gender == 'm' || pi.pron.gender == 'f' ? 5 : 2;
  const std::vector<int> coarg_clusters = coargument_clusters(p);
  double best = -1e9;
  int best_m = -1;
  for (int j = p - 1; j >= 0; --j) {
    const Mention& m = ms[j];
    if (m.sentence < ps - window) break;
    if (m.last > ms[p].first) continue;  // must precede (and not contain) the pronoun
    const int c = cluster(j);
    if (!antecedent_agrees(p, j, c)) continue;
    if (std::find(coarg_clusters.begin(), coarg_clusters.end(), c) != coarg_clusters.end())
      continue;
    if (pi.pron.reflexive && m.sentence != ps) continue;
    const double score = salience(p, j, c);
    if (score > best) {
      best = score;
      best_m = j;
    }
  }
  return best_m;
}

// Whether mention j (of cluster c) agrees with pronoun p: he/she with one
// person of that gender, "it" with a thing in a core role, "they" with an
// organisation or a group of people; a pronoun antecedent in person and
// number.
bool Resolver::antecedent_agrees(int p, int j, int c) {
  const auto& tk = doc_.tokens;
  const Mention& m = doc_.mentions[j];
  const Info& pi = info_[p];
  const int ps = doc_.mentions[p].sentence;
  const unsigned person_bit = class_bit(Class::Person);
  const unsigned thing_bits =
      class_bit(Class::Org) | class_bit(Class::Place) | class_bit(Class::Event);
  const unsigned classes = cluster_classes(c);
  const char g = cluster_gender(c);
  if (pi.pron.gender == 'm' || pi.pron.gender == 'f') {
    if (classes & ~person_bit) return false;
    if (cluster_plural(c)) return false;
    if (!(classes & person_bit)) {
      // a pronoun-only chain: must agree with its pronouns
      if (!info_[j].pronoun || info_[j].pron.gender != pi.pron.gender) return false;
    }
    if (g && g != pi.pron.gender) return false;
  } else if (pi.pron.gender == 'n') {
    if (!(classes & thing_bits) || (classes & person_bit)) return false;
    // "it" takes a subject or object (or owner), not a name inside a
    // phrase ("the governor of the X Region ... describing it").
    const std::string& rel = tk[m.head].deprel;
    if (!is_subject(rel) && rel != "obj" && rel != "iobj" && rel != "nmod:poss" &&
        rel != "root" && !info_[j].pronoun)
      return false;
  } else {  // they / their: an organisation, a group of people, or a "they" chain
    const bool plural = cluster_plural(c);
    const bool org = cluster_main_class(c) == Class::Org;
    if (!org && !(plural && (classes & person_bit)) &&
        !(info_[j].pronoun && info_[j].pron.plural))
      return false;
    if ((classes & person_bit) && !plural) return false;
    // An organisation is "they" only as the subject of this or the
    // previous sentence ("The ministry said they ..."); otherwise
    // "they" is more often people the text does not name.
    if (org && !plural && !info_[j].pronoun &&
        (m.sentence < ps - 1 || !is_subject(tk[m.head].deprel)))
      return false;
  }
  if (info_[j].pronoun && info_[j].pron.person != 3) return false;
  // A pronoun antecedent agrees in number: "it ... their" never chains.
  if (info_[j].pronoun && info_[j].pron.plural != pi.pron.plural) return false;
  return true;
}

// Salience of mention j (of cluster c) as the antecedent of pronoun p:
// sentences back cost most; subjects, then objects, gain; names, large
// clusters, a subject continued by a sentence-initial pronoun and, within
// the sentence, closeness gain.
double Resolver::salience(int p, int j, int c) {
  const auto& ms = doc_.mentions;
  const auto& tk = doc_.tokens;
  const Mention& m = ms[j];
  const int ps = ms[p].sentence;
  const Token& pt = tk[ms[p].first];
  const Token& mt = tk[m.head];
  double score = -8.0 * (ps - m.sentence);
  if (is_subject(mt.deprel))
    score += 6;
  else if (mt.deprel == "obj" || mt.deprel == "iobj")
    score += 3;
  else if (mt.deprel.rfind("nmod", 0) == 0)
    score -= 1;
  if (mt.head >= 0 && tk[mt.head].deprel == "root" && is_subject(mt.deprel)) score += 2;
  if (is_subject(pt.deprel) && is_subject(mt.deprel)) score += 2;
  if (real_name(j)) score += 1;
  score += std::min<size_t>(cl_->members[c].size(), 20);
  // A sentence-initial pronoun continues an earlier subject.
  if (m.sentence < ps && is_subject(mt.deprel) && ms[p].first == doc_.sentences[ps].first)
    score += 3;
  if (m.sentence == ps) score += 0.01 * (m.first - ms[p].first);  // slight recency
  return score;
}

// Cataphora: "During his visit to X, [Ana Ruiz] opened ...": a he/she
// pronoun p in a phrase before the clause's subject, with no antecedent,
// is that subject when it is a named person of the same gender. Returns
// that subject's mention, or -1.
int Resolver::cataphora_subject(int p) {
  const auto& ms = doc_.mentions;
  const auto& tk = doc_.tokens;
  const int ps = ms[p].sentence;
  for (int j = p + 1; j < static_cast<int>(ms.size()) && ms[j].sentence == ps; ++j) {
    const Token& mt = tk[ms[j].head];
    if (!real_name(j) || !is_subject(mt.deprel) || mt.head < 0) continue;
    // The pronoun's phrase hangs on the same verb, before the subject.
    int x = ms[p].head;
    for (int steps = 0; steps < 8 && x >= 0 && tk[x].head != mt.head; ++steps) x = tk[x].head;
    if (x < 0 || tk[x].head != mt.head || x > ms[j].first) return -1;
    const int c = cluster(j);
    if (cluster_classes(c) != class_bit(Class::Person) || cluster_plural(c)) return -1;
    const char g = cluster_gender(c);
    if (g && g != info_[p].pron.gender) return -1;
    return j;
  }
  return -1;
}

// First-person pronouns inside a quotation -> the speaker named
// outside it ("'I will go,' X said").
void Resolver::quoted_speakers(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  const std::vector<int> by_head = mentions_by_head(true);
  const unsigned person_bit = class_bit(Class::Person);
  const unsigned org_bits = class_bit(Class::Org) | class_bit(Class::Place);
  for (size_t p = 0; p < ms.size(); ++p) {
    if (!info_[p].pronoun || info_[p].pron.person != 1) continue;
    if (!in_quote_[ms[p].first]) continue;
    const int si = ms[p].sentence;
    if (!info_[p].pron.plural) {
      const int sp = speaker_near(by_head, si, person_bit);
      if (sp >= 0) merge(sp, static_cast<int>(p), sieve.labels[0]);
      continue;
    }
    // "we": a speaking organisation, or the one a speaking person stands for.
    int sp = speaker_near(by_head, si, org_bits | person_bit);
    if (sp < 0) continue;
    if (cluster_classes(cluster(sp)) & person_bit) sp = speaker_group(sp);
    if (sp >= 0) merge(sp, static_cast<int>(p), sieve.labels[1]);
  }
}

// The subject of a speech verb outside quotes in sentence si whose
// cluster has one of the `want` classes, or -1 (by_head: head token ->
// mention).
int Resolver::speaker_in(const std::vector<int>& by_head, int si, unsigned want) {
  const auto& tk = doc_.tokens;
  if (si < 0 || si >= static_cast<int>(doc_.sentences.size())) return -1;
  const Sentence& s = doc_.sentences[si];
  for (int v = s.first; v < s.last; ++v) {
    if (in_quote_[v] || !speech_verb(to_lower(tk[v].lemma.empty() ? tk[v].form : tk[v].lemma)))
      continue;
    for (int c = s.first; c < s.last; ++c)
      if (tk[c].head == v && is_subject(tk[c].deprel) && !in_quote_[c] && by_head[c] >= 0) {
        const int m = by_head[c];
        if (cluster_classes(cluster(m)) & want) return m;
      }
  }
  return -1;
}

// The speaker of sentence si, else of the next, else of the previous one.
int Resolver::speaker_near(const std::vector<int>& by_head, int si, unsigned want) {
  int sp = speaker_in(by_head, si, want);
  if (sp < 0) sp = speaker_in(by_head, si + 1, want);
  if (sp < 0) sp = speaker_in(by_head, si - 1, want);
  return sp;
}

// What a speaking person sp stands for: an organisation or place named
// inside a mention of that person in the sentence ("Tunisia's coach X",
// "X, the State Department Spokesperson"), or -1.
int Resolver::speaker_group(int sp) {
  const auto& ms = doc_.mentions;
  const unsigned person_bit = class_bit(Class::Person);
  const unsigned org_bits = class_bit(Class::Org) | class_bit(Class::Place);
  const int c = cluster(sp);
  for (int x : cl_->members[c]) {
    if (ms[x].sentence != ms[sp].sentence) continue;
    const auto [a, b] = referring_extent(doc_, ms[x]);
    for (size_t m = 0; m < ms.size(); ++m) {
      if (static_cast<int>(m) == x || ms[m].sentence != ms[x].sentence || ms[m].first < a ||
          ms[m].last > b || !real_name(static_cast<int>(m)))
        continue;
      const unsigned k = cluster_classes(cluster(static_cast<int>(m)));
      if ((k & org_bits) && !(k & person_bit)) return static_cast<int>(m);
    }
  }
  return -1;
}

// --------------------------------------------------------------- entities

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
  if ((r.rfind("nsubj", 0) == 0 || r == "obj" || r == "iobj" || r == "obl") &&
      gov.upos == "VERB")
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

// Type: the most frequent name type (a real name counts twice). An untyped
// name takes the type of the descriptions that refer to it ("Scientology"
// ... "the Scientology organization"), when they agree.
void Resolver::set_entity_type(Entity& ent, int root) const {
  const auto& ms = doc_.mentions;
  const auto& mem = cl_->members[root];
  std::map<EntityType, int> votes;
  for (int m : mem)
    if (is_name(m)) votes[ms[m].type] += real_name(m) ? 2 : 1;
  int bestv = -1;
  for (auto& [t, v] : votes)
    if (v > bestv) {
      bestv = v;
      ent.type = t;
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
  for (int m : mem) {
    if (!real_name(m)) continue;
    std::string a(doc_.tokens_text(info_[m].core_first, info_[m].core_last));
    if (a != ent.name && std::find(ent.aliases.begin(), ent.aliases.end(), a) == ent.aliases.end())
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
      for (auto& x : roles)
        if ((x.title == rm.title && (x.of == of || of < 0)) ||
            (pass == 1 && rl_.satisfies(x.title, rm.title)))
          dup = true;
      if (dup) continue;
      // A title with a stated "of" replaces the same title without one.
      roles.erase(
          std::remove_if(roles.begin(), roles.end(),
                         [&](const Entity::Role& x) { return x.title == rm.title && x.of < 0; }),
          roles.end());
      roles.push_back({rm.title, of, rm.sentence});
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

}  // namespace

void Coreference::process(Document& doc) const {
  doc.entities.clear();
  Resolver(doc, gazetteer_, roles_).run();
  for (Mention& m : doc.mentions) {
    m.extent_begin = m.begin;
    m.extent_end = m.end;
    if (m.kind != MentionKind::Name) continue;
    const auto [a, b] = referring_extent(doc, m);
    m.extent_begin = doc.tokens[a].begin;
    m.extent_end = doc.tokens[b - 1].end;
  }
  // Two mentions never report one extent: a name nested in another keeps
  // its own span ("Sea Org" inside "the Sea Org").
  std::map<std::pair<uint32_t, uint32_t>, size_t> owner;
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    auto [it, fresh] = owner.emplace(std::make_pair(m.extent_begin, m.extent_end), i);
    if (fresh) continue;
    Mention& o = doc.mentions[it->second];
    Mention& inner = (o.end - o.begin) < (m.end - m.begin) ? o : m;
    inner.extent_begin = inner.begin;
    inner.extent_end = inner.end;
    if (&inner == &o) it->second = i;
  }
}

}  // namespace ng
