#include "entities/mention_spans.h"

#include <algorithm>

#include "core/utf8.h"

namespace ng {

int span_head(const Document& doc, int first, int last) {
  int best = -1, best_depth = 1 << 30;
  for (int t = first; t < last; ++t) {
    int h = doc.tokens[t].head;
    if (h >= first && h < last) continue;
    int depth = 0;
    for (int x = t; doc.tokens[x].head >= 0 && depth < 64; x = doc.tokens[x].head) ++depth;
    const std::string& u = doc.tokens[t].upos;
    if (u == "PUNCT") depth += 100;
    if (depth < best_depth || (depth == best_depth && (u == "PROPN" || u == "NOUN"))) {
      best = t;
      best_depth = depth;
    }
  }
  return best >= 0 ? best : last - 1;
}

std::pair<int, int> referring_extent(const Document& doc, const Mention& m) {
  const Sentence& s = doc.sentences[m.sentence];
  int h = m.head;
  if (h < s.first || h >= s.last) return {m.first, m.last};
  auto rel0 = [&](int t) {
    const std::string& r = doc.tokens[t].deprel;
    return std::string_view(r).substr(0, r.find(':'));
  };
  auto glued = [&](int t) {  // punctuation written without spaces: "pan-democracy"
    return t > s.first && !doc.tokens[t - 1].space_after && !doc.tokens[t].space_after;
  };
  // Whether t belongs to h's noun phrase: its path up to h leaves h through
  // a modifier and passes no clause, coordination or apposition.
  auto in_phrase = [&](int t) {
    for (int x = t, steps = 0; steps < 32; ++steps) {
      const int up = doc.tokens[x].head;
      if (up < s.first || up >= s.last) return false;
      const std::string_view r = rel0(x);
      if (r == "conj" || r == "cc" || r == "appos" || r == "parataxis" || r == "dep" ||
          r == "list" || r == "acl" || r == "advcl" || r == "ccomp" || r == "xcomp")
        return false;
      if (r == "punct" && !glued(x)) return false;
      if (up == h)
        return !(r == "case" || r == "mark" || r == "cop" || r == "aux" || r == "advmod" ||
                 r == "punct" || r.substr(0, 5) == "nsubj" || r == "obj" || r == "iobj" ||
                 r == "obl" || r == "expl" || r == "csubj" || r == "discourse" ||
                 r == "vocative" || r == "orphan" || r == "reparandum");
      x = up;
    }
    return false;
  };
  int a = m.first, b = m.last;
  // "Texas student [Ahmed Mohamed]": a name that hangs (flat) on the common
  // noun right before it is the end of that noun's phrase.
  if (const int gov = doc.tokens[h].head;
      gov == m.first - 1 && gov >= s.first && doc.tokens[gov].upos == "NOUN" &&
      doc.tokens[gov].xpos != "NNS" &&  // "veteran politicians A and B": a group
      (doc.tokens[h].deprel == "flat" || doc.tokens[h].deprel == "appos")) {
    h = gov;
    a = gov;
  }
  while (a - 1 >= s.first && in_phrase(a - 1)) --a;
  // Never opened by punctuation or a preposition ("with Wang Yi", the
  // parser taking "Wang" for a noun that carries the case marker).
  while (a < m.first && (doc.tokens[a].upos == "PUNCT" || doc.tokens[a].upos == "ADP")) ++a;
  // "of"/"from" + proper noun, right after the name.
  for (int k = b; k < s.last; ++k) {
    const Token& o = doc.tokens[k];
    if (o.head != h || o.deprel != "nmod" || o.upos != "PROPN") continue;
    int lo = k, hi = k;
    for (int t = s.first; t < s.last; ++t) {
      int x = t;
      for (int steps = 0; x != k && x >= 0 && steps < 32; ++steps) x = doc.tokens[x].head;
      if (x != k) continue;
      lo = std::min(lo, t);
      hi = std::max(hi, t);
    }
    if (lo != b || hi - lo >= 8) break;
    const std::string case_word = to_lower(doc.tokens[lo].form);
    if (doc.tokens[lo].deprel != "case" || (case_word != "of" && case_word != "from")) break;
    bool comma = false;
    for (int t = lo; t <= hi; ++t) {
      const std::string& f = doc.tokens[t].form;
      if (f == "," || f == ";" || f == "(" || f == ")") comma = true;
    }
    if (!comma) b = hi + 1;
    break;
  }
  // An abbreviation's own period that also ends the sentence: "in
  // Washington D.C." (the tokenizer gave the period to the sentence).
  if (b < s.last && doc.tokens[b].form == "." && !doc.tokens[b - 1].space_after) {
    const std::string& w = doc.tokens[b - 1].form;
    if (w.find('.') != std::string::npos && w.size() <= 6) ++b;
  }
  return {a, b};
}

int kind_word(const Document& doc, int first, int last) {
  for (int k = first + 1; k + 1 < last; ++k)
    if (doc.tokens[k].form == "of") return k - 1;
  return last - 1;
}

}  // namespace ng
