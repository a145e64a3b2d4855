// Clusters and the sieves of names and descriptions: which clusters may
// join (compatible, merge), then exact names, appositions, predicate
// nominatives, aliases and acronyms, partial names, role descriptions,
// definite nominals and meeting groups. coref.cc runs them in order.
#include "entities/coref_internal.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"

namespace ng::coref_internal {

namespace {

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

}  // namespace

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
          !names_compatible(info_[x].words, info_[y].words) && !same_full_name(x, y, ca, cb))
        return false;
  }
  return true;
}

// "Daniel" and "Montalvo": two one-word names that are the given name and
// the surname of one longer name in clusters ca or cb ("Daniel Montalvo").
bool Resolver::same_full_name(int x, int y, int ca, int cb) {
  if (info_[x].words.size() != 1 || info_[y].words.size() != 1) return false;
  for (int c : {ca, cb})
    for (int z : cl_->members[c]) {
      const auto& w = info_[z].words;
      if (!real_name(z) || w.size() < 2) continue;
      if ((w.front() == info_[x].words[0] && w.back() == info_[y].words[0]) ||
          (w.front() == info_[y].words[0] && w.back() == info_[x].words[0]))
        return true;
    }
  return false;
}

bool Resolver::merge(int a, int b, const char* pass, bool allow_place_org) {
  // Bounded work: the checks of a merge walk both clusters, so a chain is
  // capped at kMaxChain mentions (far above any real article's); later
  // mentions stay apart, with one warning naming the article and sentence.
  if (cl_->members[cl_->find(a)].size() + cl_->members[cl_->find(b)].size() > kMaxChain) {
    if (!chain_capped_) {
      chain_capped_ = true;
      doc_.warnings.push_back(doc_.id + ": sentence " +
                              std::to_string(doc_.mentions[std::max(a, b)].sentence + 1) +
                              ": a coreference chain reached " + std::to_string(kMaxChain) +
                              " mentions; further mentions are not joined to it");
    }
    return false;
  }
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

// Acronyms: a one-word capitalised name (typed or left untyped) is the
// first multi-word name with those initials ("UN" = "United Nations").
void Resolver::acronyms(const Sieve& sieve) {
  std::unordered_map<std::string, int> acro;
  for (size_t i = 0; i < info_.size(); ++i)
    if (real_name(i) && !info_[i].acronym.empty())
      acro.emplace(info_[i].acronym, static_cast<int>(i));
  for (size_t i = 0; i < info_.size(); ++i) {
    if (!real_name(i) || info_[i].words.size() != 1) continue;
    if (info_[i].cls != Class::Org && info_[i].cls != Class::Place && info_[i].cls != Class::Other) continue;
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
    if (rw == g_.region_words.end() || rw->second.geographic) continue;
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
    std::vector<int> targets;       // clusters
    std::vector<int> target_first;  // per target: its first longer name (a mention)
    for (size_t j = 0; j < info_.size(); ++j) {
      if (j == i || !real_name(j) || info_[j].cls != Class::Person) continue;
      if (info_[j].words.size() <= info_[i].words.size()) continue;
      if (!names_compatible(info_[i].words, info_[j].words)) continue;
      if (info_[i].words.size() == 1 && !surname_or_given_name(info_[i].words[0], info_[j].words))
        continue;
      const int c = cluster(static_cast<int>(j));
      auto it = std::find(targets.begin(), targets.end(), c);
      if (it == targets.end()) {
        targets.push_back(c);
        target_first.push_back(static_cast<int>(j));
      } else if (static_cast<int>(j) < target_first[it - targets.begin()]) {
        target_first[it - targets.begin()] = static_cast<int>(j);
      }
    }
    // A person first named in full after the short name's first use is
    // not what it refers to ("Mohamed" of "Ahmed Mohamed", not of "his
    // father Mohamed El-Hassan" named later), when another was named before.
    const int first_use = cl_->members[cluster(static_cast<int>(i))].front();
    if (targets.size() > 1) {
      std::vector<int> kept, kept_first;
      for (size_t t = 0; t < targets.size(); ++t)
        if (cl_->members[targets[t]].front() < first_use) {
          kept.push_back(targets[t]);
          kept_first.push_back(target_first[t]);
        }
      if (kept.size() == 1) {
        targets = kept;
        target_first = kept_first;
      }
    }
    if (targets.size() == 1) {
      merge(target_first[0], static_cast<int>(i), sieve.labels[0]);
      continue;
    }
    // Several people share the name ("Trump" with "Donald Trump" and
    // "Melania Trump"): news names its main person in full first and then
    // by surname alone, and names the others in full. A surname is the
    // person named first, when that is before the surname's first use.
    if (targets.size() < 2 || info_[i].words.size() != 1) continue;
    bool surname = true;  // never a given name of one of them ("Ana")
    for (int j : target_first) surname = surname && info_[j].words.front() != info_[i].words[0];
    if (!surname) continue;
    const auto& ms = doc_.mentions;
    const size_t k = std::min_element(target_first.begin(), target_first.end()) - target_first.begin();
    bool first = target_first[k] < first_use;
    for (size_t o = 0; o < targets.size() && first; ++o) {
      if (o == k) continue;
      // named in the same sentence ("Karl Brenner met Otto Brenner"): no
      // main person; named just before the surname's first use: maybe that one
      const int s = ms[target_first[o]].sentence, use = ms[first_use].sentence;
      first = s > ms[target_first[k]].sentence && (s > use || s + 1 < use);
    }
    if (first) merge(target_first[k], static_cast<int>(i), sieve.labels[1]);
  }
}

// Whether the one word w of a name stands for the longer person name
// `full`: its first or last word ("Ana", "Ruiz" ~ "Ana Ruiz"), the last
// before a generational suffix ("Downey" ~ "Robert Downey Jr."), or the
// first of two surnames ("Vázquez" ~ "Wanda Vázquez Garced": a word before
// the last, of a name of three or more words, that is no given name nor an
// initial).
bool Resolver::surname_or_given_name(const std::string& w,
                                     const std::vector<std::string>& full) const {
  size_t n = full.size();
  if (full.front() == w || full.back() == w) return true;
  if (n >= 3 && generational_suffix(full.back()) && full[n - 2] == w) return true;
  if (n >= 3 && generational_suffix(full.back())) --n;
  return n >= 3 && full[n - 2] == w && w.size() > 1 && w.find('.') == std::string::npos &&
         !g_.given_names.count(w);
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
    if (strong.empty() && weak.size() > 1) keep_unqualified_holders(static_cast<int>(r), weak);
    const auto& pick = !strong.empty() ? strong : weak;
    if (pick.size() == 1) {
      // the earliest real name of that cluster
      int target = -1;
      for (int m : cl_->members[pick[0]])
        if (real_name(m)) {
          target = m;
          break;
        }
      // "The President will host President X": a description read before
      // its only holder is named in the same sentence is someone else.
      const auto& ms = doc_.mentions;
      if (target >= 0 && ms[target].sentence == ms[dm].sentence && ms[target].first > ms[dm].first)
        continue;
      if (target >= 0) merge(target, dm, !strong.empty() ? sieve.labels[0] : sieve.labels[1]);
    }
  }
}

// "President A ... welcomed President B of Israel ... The President said":
// a bare "the <title>" (no place, no other word, not former), among holders
// of whom one was never given a place and the others were ("of Israel",
// "the Israeli president"), is the one given none, the writer's own.
// `weak` keeps only that one.
void Resolver::keep_unqualified_holders(int r, std::vector<int>& weak) {
  const RoleMention& d = roles_[r];
  if (d.of >= 0 || !d.of_demonym.empty() || d.former) return;
  if (d.title_first != d.first + 1 || d.last != d.title_last ||
      to_lower(doc_.tokens[d.first].form) != "the")
    return;
  std::vector<int> qualified;
  for (int h = 0; h < static_cast<int>(roles_.size()); ++h) {
    const RoleMention& held = roles_[h];
    const int who = held.holder >= 0 ? held.holder : role_mention_[h];
    if (who < 0 || h == r || !rl_.satisfies(held.title, d.title)) continue;
    if (held.of >= 0 || !held.of_demonym.empty()) qualified.push_back(cluster(who));
  }
  std::vector<int> bare;
  for (int c : weak)
    if (std::find(qualified.begin(), qualified.end(), c) == qualified.end()) bare.push_back(c);
  if (bare.size() == 1) weak = bare;
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
    if (who < 0 && role_mention_[h] >= 0 && has_real_name(role_mention_[h])) who = role_mention_[h];
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
  bare_org_heads(sieve);
}

// "the Church of Scientology ... the Church", "the Ministry of Defence ...
// the Ministry": "the" and a capitalised noun for a kind of organisation
// (nominals.tsv), taken for a name of its own, is the nearest organisation
// before it named with that word as its head.
void Resolver::bare_org_heads(const Sieve& sieve) {
  const auto& ms = doc_.mentions;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (!is_name(i) || ms[i].last - ms[i].first != 1 || ms[i].first == 0) continue;
    if (to_lower(doc_.tokens[ms[i].first - 1].form) != "the") continue;
    const std::string word = to_lower(doc_.tokens[ms[i].first].form);
    // (a noun for a kind of organisation, not a newspaper's name word: "The Times")
    const auto kind = g_.nominals.find(word);
    if (kind == g_.nominals.end() || kind->second.type != EntityType::Org) continue;
    for (int j = i - 1; j >= 0; --j) {
      if (!real_name(j) || info_[j].cls != Class::Org || info_[j].words.size() < 2) continue;
      const auto& w = info_[j].words;
      bool head = w.back() == word;
      for (size_t x = 1; x + 1 < w.size() && !head; ++x) head = w[x] == "of" && w[x - 1] == word;
      if (!head) continue;
      merge(j, i, sieve.labels[1]);
      break;
    }
  }
}

// "the Scientology organization", "the Lumo company": an organisation
// noun whose modifier is an organisation's (or an untyped) name is that
// organisation. Returns the last such name inside nominal i, or -1.
int Resolver::org_named_by_modifier(int i) const {
  const auto& ms = doc_.mentions;
  int inner = -1;
  for (size_t j = 0; j < ms.size(); ++j)
    if (real_name(static_cast<int>(j)) && ms[j].first >= ms[i].first && ms[j].last <= ms[i].head &&
        doc_.tokens[ms[j].head].head == ms[i].head &&
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

// Whether organisation nominal i ("the army", "the Tarsk government") may
// stand for the organisation named by mention j: a name whose kind word
// ("X News", "the Ministry of Y") is another kind than the nominal's noun
// is not ("the army" is no news agency), unless the noun is a generic one
// ("the company", "the group"); a nationality on the nominal must be the
// name's (its country or demonym in the name).
bool Resolver::org_kind_ok(int i, int j) {
  const auto& ms = doc_.mentions;
  const Token& h = doc_.tokens[ms[i].head];
  const std::string noun = to_lower(h.lemma.empty() ? h.form : h.lemma);
  const bool generic = one_of(noun, {"company", "firm", "corporation", "business", "group",
                                     "organization", "organisation", "network"});
  // Every name of j's entity ("NTC" is the National Telecommunications
  // Commission too).
  for (int k : cl_->members[cluster(j)]) {
    if (!real_name(k)) continue;
    const auto& w = info_[k].words;
    std::string kind = w.empty() ? "" : w.back();
    for (size_t x = 1; x + 1 < w.size(); ++x)
      if (w[x] == "of") {
        kind = w[x - 1];
        break;
      }
    if (!generic && kind != noun && g_.org_words.count(kind)) return false;
  }
  for (int c = ms[i].first; c < ms[i].head; ++c) {
    const std::string key = gazetteer_key(doc_.tokens[c].form);
    auto d = g_.demonyms.find(key);
    if (d == g_.demonyms.end()) continue;
    const std::string name = " " + info_[j].key + " ";
    if (name.find(" " + key + " ") == std::string::npos &&
        name.find(" " + gazetteer_key(d->second) + " ") == std::string::npos)
      return false;
  }
  return true;
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
    if (want == Class::Org && !org_kind_ok(i, j)) continue;
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

}  // namespace ng::coref_internal
