// The pronoun sieves: third-person pronouns (agreement, binding, salience,
// cataphora) and first-person pronouns in quotations (the speaker).
#include "entities/coref_internal.h"

#include <algorithm>

#include "core/text.h"

namespace ng::coref_internal {

namespace {

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

}  // namespace

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
    if (!pi.pron.reflexive && !pi.pron.possessive && pt.head >= 0 && tk[ms[j].head].head == pt.head)
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
    if (!is_subject(rel) && rel != "obj" && rel != "iobj" && rel != "nmod:poss" && rel != "root" &&
        !info_[j].pronoun)
      return false;
  } else {  // they / their: an organisation, a group of people, or a "they" chain
    const bool plural = cluster_plural(c);
    const bool org = cluster_main_class(c) == Class::Org;
    if (!org && !(plural && (classes & person_bit)) && !(info_[j].pronoun && info_[j].pron.plural))
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
    // A speech verb without a subject of its own ("X tweeted, saying ...",
    // "X spoke, adding ...") has its controller's.
    bool own = false;
    for (int c = s.first; c < s.last; ++c) own = own || (tk[c].head == v && is_subject(tk[c].deprel));
    const int verb = !own && tk[v].head >= 0 &&
                             (tk[v].deprel == "advcl" || tk[v].deprel == "xcomp" || tk[v].deprel == "conj")
                         ? tk[v].head
                         : v;
    for (int c = s.first; c < s.last; ++c) {
      if (tk[c].head != verb || !is_subject(tk[c].deprel) || in_quote_[c]) continue;
      // "Tunisia's coach Nabil Maaloul said": a subject noun whose name is
      // its apposition speaks by that name.
      int m = by_head[c];
      for (int a = c + 1; m < 0 && a < s.last; ++a)
        if (tk[a].head == c && (tk[a].deprel == "appos" || tk[a].deprel == "flat")) m = by_head[a];
      if (m >= 0 && (cluster_classes(cluster(m)) & want)) return m;
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

}  // namespace ng::coref_internal
