#include "extraction/open_ie.h"
#include "core/text.h"

#include <algorithm>

namespace ng {
namespace {

// Case/mark words of an oblique or clause ("in", "because of"), in order.
std::string case_words(const SyntaxView& sv, int w) {
  std::string out;
  for (int c : sv.children(w)) {
    const Token& t = sv.doc().tokens[c];
    if (c < w && (t.deprel == "case" || (t.deprel == "mark" && t.upos == "ADP"))) {
      if (!out.empty()) out += ' ';
      out += t.form;
      for (int f : sv.children(c))
        if (sv.doc().tokens[f].deprel == "fixed") out += " " + sv.doc().tokens[f].form;
    }
  }
  return out;
}

// The argument for an oblique or object word, as a phrase without its case word.
Argument phrase_arg(const SyntaxView& sv, int w, int focus) {
  auto args = sv.arguments(w, focus);
  return args.front();
}

// Literal argument over an explicit token range.
Argument range_arg(const Document& doc, int lo, int hi) {
  Argument a;
  while (lo < hi && doc.tokens[lo].upos == "PUNCT") ++lo;
  while (hi > lo && doc.tokens[hi - 1].upos == "PUNCT") --hi;
  a.first = lo;
  a.last = hi;
  a.text = std::string(doc.tokens_text(lo, hi));
  a.literal = a.text;
  return a;
}

// Collects the facts of sentence s.
struct Emitter {
  const SyntaxView& sv;
  int s;
  int focus_meeting;  // the meeting "the sides" stand for (SyntaxView::arguments)
  std::vector<Fact>& out;
  void emit(const Argument& subj, const std::string& rel, const Argument& obj, const char* rule,
            double conf, int pred) {
    if (subj.empty() || obj.empty() || rel.empty()) return;
    if (subj.text.empty() || obj.text.empty()) return;
    Fact f;
    f.sentence = s;
    f.subject = subj;
    f.object = obj;
    f.predicate = "ng:relation";
    f.relation_text = rel;
    f.rule = rule;
    f.confidence = conf;
    f.modality = sv.modality(pred);
    out.push_back(std::move(f));
  }
};

// Relation words of predicate p: auxiliaries, negation, the verb, its particle.
std::string verb_phrase(const SyntaxView& sv, int p) { return sv.relation_text(p); }

// The subject word of predicate p (own, controller's, or the noun a relative
// or participial clause modifies); -1 if none.
int subject_of(const SyntaxView& sv, int p, bool& passive) {
  const Document& doc = sv.doc();
  passive = false;
  for (int c : sv.children(p)) {
    const std::string& d = doc.tokens[c].deprel;
    if (d == "nsubj" || d == "csubj") return c;
    if (d == "nsubj:pass" || d == "csubj:pass") { passive = true; return c; }
  }
  const Token& pt = doc.tokens[p];
  if ((pt.deprel == "acl" || pt.deprel == "acl:relcl") && pt.head >= 0) {
    passive = pt.deprel == "acl" && pt.xpos == "VBN";  // "projects implemented by X"
    return pt.head;
  }
  int ctrl = sv.controller(p);
  if (ctrl >= 0) {
    for (int c : sv.children(ctrl)) {
      const std::string& d = doc.tokens[c].deprel;
      if (d == "nsubj" || d == "nsubj:pass") return c;
    }
  }
  return -1;
}

// A predicate with its subjects: the clause the patterns below read.
struct Clause {
  int p;                          // the predicate word
  bool passive;                   // its subject is a passive one
  std::vector<Argument> subjects;
};

// Apposition: "X, the president of Y," -> (X, is, the president of Y).
void emit_apposition(Emitter& em, int p) {
  const SyntaxView& sv = em.sv;
  const Token& pt = sv.doc().tokens[p];
  if (pt.deprel == "appos" && pt.head >= 0 && pt.upos != "PUNCT" && pt.upos != "NUM") {
    auto [lo, hi] = sv.phrase_span(p);
    em.emit(sv.argument_for(pt.head), "is", range_arg(sv.doc(), lo, hi), "open.appos", 0.45, pt.head);
  }
}

// The arguments subject word subj_w of predicate p stands for. Relative
// pronouns stand for the noun they modify (arguments() does it).
std::vector<Argument> clause_subjects(const SyntaxView& sv, int p, int subj_w, int focus_meeting) {
  const Token& pt = sv.doc().tokens[p];
  std::vector<Argument> subjects = sv.arguments(subj_w, focus_meeting);
  if ((pt.deprel == "acl" || pt.deprel == "acl:relcl") && subj_w == pt.head &&
      subjects.front().entity < 0) {
    // "an album depicting events": the subject is the noun phrase without
    // the clause that modifies it.
    auto [lo, hi] = sv.phrase_span(subj_w);
    auto [clo, chi] = sv.subtree_span(p);
    if (clo > lo && clo <= hi) hi = clo;
    subjects = {range_arg(sv.doc(), lo, hi)};
  }
  return subjects;
}

// SVC: "X is the president of Y" -> (X, is, the president of Y); also
// (X, is president of, Y) when the complement has an of-phrase.
void emit_copular(Emitter& em, const Clause& cl, int cop) {
  const SyntaxView& sv = em.sv;
  const Document& doc = sv.doc();
  const int p = cl.p;
  std::string crel;
  for (int c : sv.children(p))
    if (is_rel(doc.tokens[c].deprel, "aux") || c == cop ||
        (doc.tokens[c].deprel == "advmod" && one_of(sv.lower(c), {"not", "n't", "never"})))
      crel += (crel.empty() ? "" : " ") + doc.tokens[c].form;
  auto [lo, hi] = sv.phrase_span(p);
  lo = std::max(lo, cop + 1);
  // Complement without obliques of the predicate itself.
  int chi = hi;
  for (int c : sv.children(p))
    if (is_rel(doc.tokens[c].deprel, "obl") && c > p) {
      auto [clo, chi2] = sv.subtree_span(c);
      chi = std::min(chi, clo);
    }
  Argument comp = range_arg(doc, lo, chi);
  for (const Argument& sa : cl.subjects) em.emit(sa, crel, comp, "open.svc", 0.6, p);
  for (int c : sv.children(p)) {
    if (!is_rel(doc.tokens[c].deprel, "obl")) continue;
    std::string cw = case_words(sv, c);
    std::string rel = crel + " " + std::string(doc.tokens_text(lo, std::min(chi, p + 1)));
    if (!cw.empty()) rel += " " + cw;
    for (const Argument& sa : cl.subjects)
      em.emit(sa, rel, phrase_arg(sv, c, em.focus_meeting), "open.svc_obl", 0.4, p);
  }
}

// SVO / SVOO: (X, verb, object) for the object and its conjuncts, else for
// the indirect object alone.
void emit_objects(Emitter& em, const Clause& cl, const std::string& rel,
                  const std::vector<int>& objs, int iobj) {
  for (int o : objs)
    for (const Argument& sa : cl.subjects)
      em.emit(sa, rel, phrase_arg(em.sv, o, em.focus_meeting), iobj >= 0 ? "open.svoo" : "open.svo",
              0.7, cl.p);
  if (iobj >= 0 && objs.empty())
    for (const Argument& sa : cl.subjects)
      em.emit(sa, rel, phrase_arg(em.sv, iobj, em.focus_meeting), "open.svo", 0.6, cl.p);
}

// Speech and thought: (X, said, that ...) / (X, said that, ...)
void emit_speech(Emitter& em, const Clause& cl, const std::string& rel, int ccomp) {
  const Document& doc = em.sv.doc();
  Argument c = em.sv.clause_argument(ccomp);
  std::string crel = rel;
  for (int k : em.sv.children(ccomp))
    if (doc.tokens[k].deprel == "mark" && k < ccomp) crel += " " + doc.tokens[k].form;
  for (const Argument& sa : cl.subjects) em.emit(sa, crel, c, "open.ccomp", 0.5, cl.p);
}

// Control: (X, wants to meet, Y); "X became president" -> (X, became, president).
void emit_control(Emitter& em, const Clause& cl, const std::string& rel, int xcomp) {
  const SyntaxView& sv = em.sv;
  const Document& doc = sv.doc();
  std::string xrel = rel;
  for (int c : sv.children(xcomp))
    if (doc.tokens[c].deprel == "mark" || (is_rel(doc.tokens[c].deprel, "aux") && c < xcomp))
      xrel += " " + doc.tokens[c].form;
  xrel += " " + doc.tokens[xcomp].form;
  int xo = sv.child(xcomp, "obj");
  if (xo >= 0) {
    for (const Argument& sa : cl.subjects)
      em.emit(sa, xrel, phrase_arg(sv, xo, em.focus_meeting), "open.xcomp", 0.55, cl.p);
  } else if (doc.tokens[xcomp].upos != "VERB") {
    auto [lo, hi] = sv.phrase_span(xcomp);
    for (const Argument& sa : cl.subjects) em.emit(sa, rel, range_arg(doc, lo, hi), "open.svc", 0.5, cl.p);
  }
}

// SVA: every oblique with its preposition in the relation; with an object
// present the object joins the relation ("made an offer on", "the wage").
// A passive agent also gives the active reading (agent, verb, subject).
void emit_obliques(Emitter& em, const Clause& cl, const std::string& rel,
                   const std::vector<int>& objs) {
  const SyntaxView& sv = em.sv;
  const Document& doc = sv.doc();
  const int p = cl.p;
  for (int c : sv.children(p)) {
    const std::string& d = doc.tokens[c].deprel;
    if (!is_rel(d, "obl") && !(d == "advcl" && !case_words(sv, c).empty())) continue;
    if (d == "obl:agent" || (cl.passive && case_words(sv, c) == "by")) {
      for (const Argument& sa : cl.subjects)
        em.emit(phrase_arg(sv, c, em.focus_meeting), doc.tokens[p].form, sa, "open.passive", 0.3, p);
    }
    std::string cw = case_words(sv, c);
    std::string orel = rel;
    if (!objs.empty()) {
      auto [lo, hi] = sv.phrase_span(objs.front());
      if (hi <= c) orel += " " + std::string(doc.tokens_text(lo, hi));
    }
    if (!cw.empty()) orel += " " + cw;
    Argument a = d == "advcl" ? sv.clause_argument(c) : phrase_arg(sv, c, em.focus_meeting);
    if (d == "advcl") {
      // Drop the leading preposition from the clause text.
      a.literal = a.text;
    }
    for (const Argument& sa : cl.subjects)
      em.emit(sa, orel, a, "open.sva", objs.empty() ? 0.6 : 0.5, p);
  }
}

// The facts of a verbal predicate: objects, speech, control, obliques.
void emit_verbal(Emitter& em, const Clause& cl) {
  const SyntaxView& sv = em.sv;
  const int p = cl.p;
  std::string rel = verb_phrase(sv, p);
  int obj = sv.child(p, "obj");
  int iobj = sv.child(p, "iobj");
  int ccomp = sv.child(p, "ccomp");
  int xcomp = sv.child(p, "xcomp");
  std::vector<int> objs;
  if (obj >= 0) {
    objs.push_back(obj);
    for (int c : sv.conjuncts(obj)) objs.push_back(c);
  }
  emit_objects(em, cl, rel, objs, iobj);
  if (ccomp >= 0) emit_speech(em, cl, rel, ccomp);
  if (xcomp >= 0 && objs.empty()) emit_control(em, cl, rel, xcomp);
  emit_obliques(em, cl, rel, objs);
}

}  // namespace

std::vector<Fact> open_facts(const SyntaxView& sv, int s, const std::vector<char>& covered,
                             int focus_meeting) {
  const Document& doc = sv.doc();
  const Sentence& sent = doc.sentences[s];
  std::vector<Fact> out;
  Emitter em{sv, s, focus_meeting, out};
  for (int p = sent.first; p < sent.last; ++p) {
    const Token& pt = doc.tokens[p];
    if (covered[p]) continue;
    emit_apposition(em, p);
    int cop = sv.child(p, "cop");
    bool verb = pt.upos == "VERB" && cop < 0;
    if (!verb && cop < 0) continue;
    Clause cl{p, false, {}};
    int subj_w = subject_of(sv, p, cl.passive);
    if (subj_w < 0) continue;
    cl.subjects = clause_subjects(sv, p, subj_w, focus_meeting);
    if (cop >= 0) emit_copular(em, cl, cop);
    else emit_verbal(em, cl);
  }
  return out;
}

}  // namespace ng
