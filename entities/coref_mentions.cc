// Mention detection: the NER names stay; coreference adds the titles and
// role descriptions, predicate and appositive nominals, groups ("A and B",
// "the sides"), pronouns, and definite nominals whose noun names a kind of
// entity, then sorts the mentions by position.
#include "entities/coref_internal.h"

#include <set>

#include <algorithm>

#include "core/text.h"

namespace ng::coref_internal {

// What the steps of mention detection share while they add mentions.
struct Detection {
  int names = 0;                                // doc.mentions[0, names) are the NER names
  std::vector<char> in_name;                    // per token: inside a NER name (as NER found it)
  std::vector<char> covered;                    // per token: inside a nominal mention added so far
  std::vector<std::pair<int, int>> predicates;  // (nominal mention, its subject's head token)
  std::vector<std::pair<int, std::vector<int>>> groups;  // (group mention, member name mentions)
};

// The steps of mention detection run in this order; each adds mentions
// after the ones before, and sort_mentions puts them in text order.
void Resolver::detect_mentions() {
  auto& ms = doc_.mentions;
  // Keep only the NER names: coreference owns nominal and pronoun mentions.
  ms.erase(std::remove_if(ms.begin(), ms.end(),
                          [](const Mention& m) { return m.kind != MentionKind::Name; }),
           ms.end());
  repair_name_spans();
  retype_surnames();
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

// Two NER span errors around person names: a name cut after a middle
// initial ("President Ana S." + "Ruiz", even when the tagger took the
// surname for a common noun: "S. Grant") takes the capitalised word after
// it; a place run into the name after it ("[the United States Ana Ruiz]"
// as one place or thing, after "Vice President of") is cut after the place of the
// gazetteer, and the rest, from a given name on (or a name the NER typed a
// person's elsewhere in the article, or the end of a person's name the
// place is nested in), becomes a person's name.
void Resolver::repair_name_spans() {
  auto& ms = doc_.mentions;
  const auto& tk = doc_.tokens;
  const int n = static_cast<int>(tk.size());
  std::vector<char> in_name(n, 0);
  for (const Mention& m : ms)
    for (int t = m.first; t < m.last; ++t) in_name[t] = 1;
  std::set<std::string> person_keys;  // names the NER typed as a person's
  std::vector<char> person_end(n + 1, 0);  // a person's name (NER) ends before this token
  for (const Mention& m : ms)
    if (m.type == EntityType::Person) {
      person_keys.insert(gazetteer_key(doc_, m.first, m.last));
      person_end[m.last] = 1;
    }
  const size_t count = ms.size();
  for (size_t i = 0; i < count; ++i) {
    Mention& m = ms[i];
    const std::string& lastf = tk[m.last - 1].form;
    if (m.type == EntityType::Person && m.last < n && lastf.size() == 2 && lastf[1] == '.' &&
        std::isupper(static_cast<unsigned char>(lastf[0])) && !in_name[m.last] &&
        (tk[m.last].upos == "PROPN" || tk[m.last].upos == "NOUN") && starts_upper(tk[m.last].form) &&
        doc_.sentence_of(m.last) == m.sentence) {
      in_name[m.last] = 1;
      m.end = tk[m.last].end;
      ++m.last;
      continue;
    }
    if (m.type == EntityType::Person || m.type == EntityType::Date || m.type == EntityType::Norp)
      continue;
    int a = m.first;
    if (gazetteer_key(tk[a].form) == "the") ++a;
    for (int e = std::min(a + 4, m.last - 2); e > a; --e) {
      if (!g_.place(gazetteer_key(doc_, a, e)) || !starts_upper(tk[e + 1].form) ||
          !(g_.given_names.count(gazetteer_key(tk[e].form)) || person_end[m.last] ||
            person_keys.count(gazetteer_key(doc_, e, m.last))))
        continue;
      const int last = m.last;
      if (class_of(m.type) != Class::Place) m.type = EntityType::Gpe;
      m.last = e;
      m.end = tk[e - 1].end;
      m.head = e - 1;
      int head = e;  // the word of the name whose head lies outside it
      for (int t = e; t < last; ++t)
        if (tk[t].head < e || tk[t].head >= last) head = t;
      add_mention(e, last, head, EntityType::Person, MentionKind::Name);
      break;
    }
  }
}

// A person's surname the NER typed as a place or an organisation in some
// sentences ("La Riva said ..." as a place) is the person's there too, when
// the NER also typed that same name as a person in the article, and the
// article gives a person name where it follows a given name ("Ana La
// Riva", or is one word of what follows: "Ana Lopes Garced"); a place of
// the gazetteer keeps its type. (The NER's retype_surnames already retyped
// a lone surname that is a subject, object or possessor.)
void Resolver::retype_surnames() {
  auto& ms = doc_.mentions;
  auto key = [&](const Mention& m, int drop_front) {
    int a = m.first + drop_front;
    if (a < m.last && gazetteer_key(doc_.tokens[a].form) == "the") ++a;
    return a < m.last ? gazetteer_key(doc_, a, m.last) : std::string();
  };
  std::set<std::string> person_keys, surnames;
  for (const Mention& m : ms) {
    if (m.type != EntityType::Person) continue;
    person_keys.insert(key(m, 0));
    for (int k = 1; m.first + k < m.last; ++k)  // the words after a given name
      if (g_.given_names.count(gazetteer_key(doc_.tokens[m.first + k - 1].form))) {
        surnames.insert(key(m, k));
        for (int t = m.first + k; t < m.last; ++t)  // one of two surnames
          surnames.insert(gazetteer_key(doc_.tokens[t].form));
      }
  }
  for (Mention& m : ms) {
    const Class c = class_of(m.type);
    if (c != Class::Place && c != Class::Org && m.type != EntityType::Other) continue;
    const std::string k = key(m, 0);
    if (k.empty() || !person_keys.count(k) || !surnames.count(k) || g_.place(k)) continue;
    m.type = EntityType::Person;
  }
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
    // The title is part of the holder's name, or a plural title's copy for
    // a further name of its list (the title's words are the first name's).
    if (rm.holder >= 0 &&
        (rm.conjunct || (rm.first >= ms[rm.holder].first && rm.last <= ms[rm.holder].last))) {
      role_mention_[r] = rm.holder;
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
    type = it->second.type;
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

}  // namespace ng::coref_internal
