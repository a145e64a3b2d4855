#include "extract/open_ie.h"

#include <algorithm>

namespace ng {
namespace {

bool is_rel(const std::string& deprel, std::string_view rel) {
  return deprel.size() >= rel.size() && deprel.compare(0, rel.size(), rel) == 0 &&
         (deprel.size() == rel.size() || deprel[rel.size()] == ':');
}

// Case words of an oblique ("in", "because of"), in text order.
std::string case_words(const SyntaxView& sv, int w) {
  std::string out;
  for (int c : sv.children(w)) {
    const Token& t = sv.doc().tokens[c];
    if (c < w && (t.deprel == "case" || t.deprel == "mark")) {
      if (!out.empty()) out += ' ';
      out += t.form;
      for (int f : sv.children(c))
        if (sv.doc().tokens[f].deprel == "fixed") out += " " + sv.doc().tokens[f].form;
    }
  }
  return out;
}

Fact make(const SyntaxView& sv, int s, const Argument& subj, const std::string& rel,
          const Argument& obj, const char* rule, double conf, int pred) {
  Fact f;
  f.sentence = s;
  f.subject = subj;
  f.object = obj;
  f.predicate = "ng:relation";
  f.relation_text = rel;
  f.rule = rule;
  f.confidence = conf;
  f.modality = sv.modality(pred);
  return f;
}

}  // namespace

std::vector<Fact> open_facts(const SyntaxView& sv, int s, const std::vector<char>& covered,
                             int focus_meeting) {
  const Document& doc = sv.doc();
  const Sentence& sent = doc.sentences[s];
  std::vector<Fact> out;
  for (int p = sent.first; p < sent.last; ++p) {
    const Token& pt = doc.tokens[p];
    bool verb = pt.upos == "VERB";
    int cop = sv.child(p, "cop");
    if (!verb && cop < 0) continue;
    if (covered[p]) continue;
    int subj_w = sv.child(p, "nsubj");
    if (subj_w < 0) subj_w = sv.child(p, "csubj");
    if (subj_w < 0) {
      int ctrl = sv.controller(p);
      if (ctrl >= 0) subj_w = sv.child(ctrl, "nsubj");
    }
    if (subj_w < 0) continue;
    std::vector<Argument> subjects = sv.arguments(subj_w, focus_meeting);
    std::string rel = sv.relation_text(p);
    std::vector<std::pair<std::string, Argument>> objects;  // relation, object
    const char* rule = "open.svo";
    if (cop >= 0) {
      // SVC: "X is the president of Y" -> (X, is, the president of Y).
      Argument o = sv.argument_for(p);
      auto [lo, hi] = sv.phrase_span(p);
      if (lo <= cop && cop < hi) lo = cop + 1;
      o.first = lo;
      o.last = hi;
      if (o.entity < 0) o.literal = o.text = std::string(doc.tokens_text(lo, hi));
      std::string crel;
      for (int c : sv.children(p))
        if (is_rel(doc.tokens[c].deprel, "aux") || c == cop ||
            (doc.tokens[c].deprel == "advmod" && (sv.lower(c) == "not" || sv.lower(c) == "n't")))
          crel += (crel.empty() ? "" : " ") + doc.tokens[c].form;
      objects.emplace_back(crel, o);
      rule = "open.svc";
    } else {
      int obj = sv.child(p, "obj");
      int iobj = sv.child(p, "iobj");
      int xcomp = sv.child(p, "xcomp");
      int ccomp = sv.child(p, "ccomp");
      if (obj >= 0) {
        for (const Argument& o : sv.arguments(obj, focus_meeting)) objects.emplace_back(rel, o);
        for (int c : sv.conjuncts(obj))
          for (const Argument& o : sv.arguments(c, focus_meeting)) objects.emplace_back(rel, o);
      }
      if (iobj >= 0 && obj < 0)
        for (const Argument& o : sv.arguments(iobj, focus_meeting)) objects.emplace_back(rel, o);
      if (ccomp >= 0) objects.emplace_back(rel, sv.clause_argument(ccomp));
      if (xcomp >= 0 && obj < 0 && ccomp < 0) {
        // "X wants to meet Y" -> (X, wants to meet, Y)
        int xo = sv.child(xcomp, "obj");
        std::string xrel = rel;
        for (int c : sv.children(xcomp))
          if (doc.tokens[c].deprel == "mark") xrel += " " + doc.tokens[c].form;
        xrel += " " + doc.tokens[xcomp].form;
        if (xo >= 0) {
          for (const Argument& o : sv.arguments(xo, focus_meeting)) objects.emplace_back(xrel, o);
        } else {
          objects.emplace_back(rel, sv.clause_argument(xcomp));
        }
      }
      // SVA: every oblique with a preposition.
      for (int c : sv.children(p)) {
        if (!is_rel(doc.tokens[c].deprel, "obl")) continue;
        std::string cw = case_words(sv, c);
        std::string orel = cw.empty() ? rel : rel + " " + cw;
        for (const Argument& o : sv.arguments(c, focus_meeting))
          objects.emplace_back(orel, o);
      }
      if (objects.empty()) {
        // Intransitive: (X, arrived, -) is kept with an empty object only if
        // nothing else: CaRB needs two arguments, so skip.
        continue;
      }
    }
    for (const Argument& sa : subjects) {
      for (const auto& [r, o] : objects) {
        if (o.empty()) continue;
        out.push_back(make(sv, s, sa, r, o, rule, 0.5, p));
      }
    }
  }
  return out;
}

}  // namespace ng
