#include "extraction/when_where.h"

#include "core/dates.h"
#include "core/text.h"

#include <cctype>
#include <set>

namespace ng::extraction_internal {
namespace {

// How many sentences back the paragraph is searched for a date or a place
// (bounds the work per event).
constexpr int kLookBack = 6;

// The first time expression in tokens [lo, hi), normalised; "" if none.
std::string time_in(const SyntaxView& sv, int lo, int hi, bool future) {
  const Document& doc = sv.doc();
  std::vector<std::string> words;
  const int from = std::max(0, lo - 1);  // the word before: "in 2014", "last Monday"
  for (int k = from; k < hi; ++k) words.push_back(sv.lower(k));
  const Tense tense = future ? Tense::Future : Tense::Past;
  for (size_t i = static_cast<size_t>(lo - from); i < words.size(); ++i) {
    size_t used = 0;
    if (auto d = time_expression_at(words, i, doc.date, tense, used)) return *d;
  }
  return "";
}

// Whether child c of a word starts a clause of its own (its times are its
// own): relative, adverbial, complement and coordinated clauses.
bool own_clause(const Token& c) {
  return is_rel(c.deprel, "acl") || is_rel(c.deprel, "advcl") || is_rel(c.deprel, "ccomp") ||
         is_rel(c.deprel, "csubj") || is_rel(c.deprel, "parataxis") ||
         (is_rel(c.deprel, "conj") && (c.upos == "VERB" || c.upos == "AUX"));
}

// The first time expression in word h's clause: its subtree without the
// clauses of its own below it ("met X, who was elected in 2014"); "" if none.
std::string date_of_word(const SyntaxView& sv, int h, bool future) {
  const Document& doc = sv.doc();
  auto [lo, hi] = sv.subtree_span(h);
  std::vector<char> out(static_cast<size_t>(hi - lo), 0);
  std::vector<int> stack(sv.children(h).begin(), sv.children(h).end());
  while (!stack.empty()) {
    const int c = stack.back();
    stack.pop_back();
    if (own_clause(doc.tokens[c])) {
      auto [a, b] = sv.subtree_span(c);
      for (int k = std::max(a, lo); k < std::min(b, hi); ++k) out[k - lo] = 1;
      continue;
    }
    for (int g : sv.children(c)) stack.push_back(g);
  }
  for (int k = lo; k < hi; ++k) {
    if (out[k - lo]) continue;
    int e = k;
    while (e < hi && !out[e - lo]) ++e;
    if (std::string d = time_in(sv, k, e, future); !d.empty()) return d;
    k = e;
  }
  return "";
}

// The main predicate of sentence s: its root.
int root_of(const Document& doc, int s) {
  const Sentence& sen = doc.sentences[s];
  for (int k = sen.first; k < sen.last; ++k)
    if (doc.tokens[k].head < 0 || doc.tokens[k].deprel == "root") return k;
  return -1;
}

// The main predicates of sentence s: its root and the verbs coordinated
// with it ("was briefed, and flew to X on Monday").
std::vector<int> main_predicates(const SyntaxView& sv, int s) {
  std::vector<int> out;
  const int r = root_of(sv.doc(), s);
  if (r < 0) return out;
  out.push_back(r);
  for (int c : sv.conjuncts(r))
    if (sv.doc().tokens[c].upos == "VERB") out.push_back(c);
  return out;
}

// Words from t up to the sentence's root (t first), at most 16.
std::vector<int> up_to_root(const Document& doc, int t) {
  std::vector<int> path;
  for (int x = t; x >= 0 && path.size() < 16; x = doc.tokens[x].head) path.push_back(x);
  return path;
}

bool is_place_entity(const Document& doc, int entity) {
  if (entity < 0) return false;
  const EntityType ty = doc.entities[entity].type;
  return ty == EntityType::Gpe || ty == EntityType::Loc || ty == EntityType::Fac;
}

// A "where" clause: "visited Tehran, where he met X" -> Tehran.
Argument where_antecedent(const SyntaxView& sv, int t) {
  const Document& doc = sv.doc();
  const Token& tok = doc.tokens[t];
  if (tok.deprel != "acl:relcl" || tok.head < 0) return {};
  bool where = false;
  for (int c : sv.children(t)) where = where || sv.lower(c) == "where";
  if (!where) return {};
  const int m = sv.mention_at(tok.head);
  if (m < 0 || !is_place_entity(doc, doc.mentions[m].entity)) return {};
  return sv.argument_for(tok.head);
}

// A building that an organisation is named after, where meetings are held:
// "at the White House", "to the Kremlin", "at the Élysée Palace" (the NER
// often types these as organisations).
bool venue_word(const std::string& lower) {
  static const std::set<std::string> kVenueWords = {
      "house", "palace", "hall", "hotel", "kremlin", "building", "headquarters", "airport",
      "embassy", "castle", "centre", "center", "stadium", "residence", "office", "chancellery"};
  return kVenueWords.count(lower) > 0;
}

bool venue_name(const Document& doc, const Mention& m) {
  return venue_word(to_lower(doc.tokens[m.last - 1].form));
}

// A venue named by a common noun: "at an Irish pub", "at a hotel in the
// centre" -> the noun phrase without its article ("Irish pub").
Argument common_venue(const SyntaxView& sv, int w, int end) {
  static const std::set<std::string> kCommonVenues = {
      "pub", "bar", "restaurant", "cafe", "café", "hotel", "airport", "hospital", "embassy",
      "palace", "residence", "stadium", "church", "mosque", "synagogue", "temple", "school",
      "university", "club", "station", "headquarters", "office", "hall"};
  const Document& doc = sv.doc();
  if (one_of(sv.lower(w), {"a", "an", "the", "his", "her", "their", "its"})) ++w;
  int k = w;
  while (k < end && (doc.tokens[k].upos == "ADJ" || doc.tokens[k].upos == "PROPN") && k - w < 3) ++k;
  if (k >= end || doc.tokens[k].upos != "NOUN") return {};
  const std::string& lemma = doc.tokens[k].lemma.empty() ? sv.lower(k) : doc.tokens[k].lemma;
  if (!kCommonVenues.count(lemma)) return {};
  Argument a;
  a.literal = a.text = std::string(doc.tokens_text(w, k + 1));
  a.first = w;
  a.last = k + 1;
  return a;
}

// "at/to the <venue>" after t in its clause (the parse often hangs it on
// the object): a name ending in a building word, whatever type the NER gave
// it (organisation, facility, or place).
Argument venue_of(const SyntaxView& sv, int t) {
  const Document& doc = sv.doc();
  const Sentence& s = doc.sentences[doc.sentence_of(t)];
  for (int k : sv.prepositions_after(t, {"at", "to", "in"})) {
    int w = k + 1;
    if (sv.lower(k) == "at")
      if (Argument a = common_venue(sv, w, s.last); !a.empty()) return a;
    if (sv.lower(w) == "the" && w + 1 < s.last) ++w;
    const int m = sv.mention_at(w);
    if (m < 0 || doc.mentions[m].first > w || doc.mentions[m].entity < 0) continue;
    const EntityType ty = doc.entities[doc.mentions[m].entity].type;
    if (ty != EntityType::Person && ty != EntityType::Date && venue_name(doc, doc.mentions[m]))
      return sv.argument_for(doc.mentions[m].head);
  }
  return {};
}

// Whether sentence s is in the article's first paragraph of body text.
bool is_lede(const SyntaxView& sv, int s) {
  const Document& doc = sv.doc();
  int first = 0;
  while (first < s && doc.sentences[first].end <= doc.body_begin) ++first;
  return sv.paragraph(s) == sv.paragraph(first);
}

// A word in capitals: "MOSCOW", "D.C.", "NEW".
bool capitals(const std::string& w) {
  int letters = 0;
  for (unsigned char c : w) {
    if (std::islower(c)) return false;
    letters += std::isupper(c) ? 1 : 0;
  }
  return letters >= 2 || (letters == 1 && w.size() >= 2);
}

bool dash(const std::string& w) { return w == "-" || w == "--" || w == "—" || w == "–"; }

// A dash that separates a dateline from the text: a long dash, or a hyphen
// standing alone ("(Reuters) - "), never one inside a word ("Secretary-General").
bool dateline_dash(const Document& doc, int j) {
  const Token& t = doc.tokens[j];
  if (!dash(t.form)) return false;
  if (t.form == "—" || t.form == "–") return true;
  return j > 0 && doc.tokens[j - 1].space_after && t.space_after;
}

}  // namespace

std::pair<int, int> dateline(const Document& doc) {
  int s = 0;
  while (s < static_cast<int>(doc.sentences.size()) && doc.sentences[s].end <= doc.body_begin) ++s;
  if (s >= static_cast<int>(doc.sentences.size())) return {-1, -1};
  const Sentence& sen = doc.sentences[s];
  int k = sen.first;
  while (k < sen.last && k - sen.first < 5 && capitals(doc.tokens[k].form)) ++k;
  const int place_end = k;
  if (place_end == sen.first) return {-1, -1};
  // Then a comma and a date, an agency in brackets, and a dash, within 12 words.
  for (int j = place_end; j < sen.last && j - place_end < 12; ++j) {
    if (dateline_dash(doc, j)) return {sen.first, place_end};
    if (doc.tokens[j].upos == "VERB") break;
  }
  return {-1, -1};
}

Argument dateline_place(const Document& doc) {
  const auto [a, b] = dateline(doc);
  if (a < 0) return {};
  std::string words;
  for (int k = a; k < b; ++k) {
    std::string w = doc.tokens[k].form;
    for (size_t i = 1; i < w.size(); ++i)
      if (std::isalpha(static_cast<unsigned char>(w[i - 1])))
        w[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
    if (!words.empty()) words += ' ';
    words += w;
  }
  Argument arg;
  arg.literal = arg.text = words;
  arg.first = a;
  arg.last = b;
  return arg;
}


std::string event_date(const SyntaxView& sv, int t, bool future) {
  const Document& doc = sv.doc();
  // A meeting noun's own clause: "a summit where on Sunday X and Y signed",
  // "the talks, which took place on Monday".
  if (doc.tokens[t].upos == "NOUN")
    for (int c : sv.children(t))
      if ((is_rel(doc.tokens[c].deprel, "acl") || is_rel(doc.tokens[c].deprel, "advcl")) &&
          doc.tokens[c].upos == "VERB")
        if (std::string d = date_of_word(sv, c, future); !d.empty()) return d;
  // The clause, then each clause it is part of, up to the sentence's root.
  for (int x : up_to_root(doc, t))
    if (std::string d = date_of_word(sv, x, future); !d.empty()) return d;
  // The main clause of an earlier sentence of the same paragraph.
  const int s = doc.sentence_of(t), para = sv.paragraph(s);
  for (int p = s - 1; p >= 0 && p >= s - kLookBack && sv.paragraph(p) == para; --p)
    for (int r : main_predicates(sv, p))
      if (std::string d = date_of_word(sv, r, future); !d.empty()) return d;
  // The lede: news of the day, reported in the past tense without a date,
  // happened on the publication date.
  if (!future && is_lede(sv, s)) return doc.date;
  return "";
}

Argument event_place(const SyntaxView& sv, int t, const std::string& date) {
  const Document& doc = sv.doc();
  if (Argument a = sv.place_of(t); !a.empty()) return a;
  if (Argument a = venue_of(sv, t); !a.empty()) return a;
  for (int x : up_to_root(doc, t)) {
    if (Argument a = where_antecedent(sv, x); !a.empty()) return a;
    if (x != t)
      if (Argument a = sv.place_of(x); !a.empty()) return a;
  }
  // An earlier event of the same paragraph, on the same day.
  const int s = doc.sentence_of(t), para = sv.paragraph(s);
  for (auto it = doc.events.rbegin(); it != doc.events.rend() && it->sentence >= s - kLookBack; ++it)
    if (it->sentence < s && sv.paragraph(it->sentence) == para && !it->place.empty() &&
        !date.empty() && it->date == date)
      return it->place;
  // The main clause of the sentence before, in the same paragraph: "X
  // carried out the strike at Y airport. He was being met by Z."
  if (s > 0 && sv.paragraph(s - 1) == para)
    for (int r : main_predicates(sv, s - 1)) {
      if (Argument a = sv.place_of(r); !a.empty()) return a;
      if (Argument a = venue_of(sv, r); !a.empty()) return a;
    }
  if (is_lede(sv, s)) return dateline_place(doc);
  return {};
}

}  // namespace ng::extraction_internal
