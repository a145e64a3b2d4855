#include "syntax/syntax_view.h"

#include <algorithm>

#include "core/text.h"
#include "core/utf8.h"

namespace ng {

bool is_rel(const std::string& deprel, std::string_view rel) {
  return deprel.size() >= rel.size() && deprel.compare(0, rel.size(), rel) == 0 &&
         (deprel.size() == rel.size() || deprel[rel.size()] == ':');
}

SyntaxView::SyntaxView(const Document& doc)
    : doc_(doc),
      children_(doc.tokens.size()),
      lower_(doc.tokens.size()),
      mention_at_(doc.tokens.size(), -1),
      person_headed_by_(doc.tokens.size(), -1),
      paragraph_(doc.sentences.size(), 0) {
  for (size_t k = 1; k < doc.sentences.size(); ++k) {
    const uint32_t a = doc.sentences[k - 1].end, b = doc.sentences[k].begin;
    const bool line_break = b > a && b <= doc.text.size() &&
                            doc.text.find('\n', a) < static_cast<size_t>(b);
    paragraph_[k] = paragraph_[k - 1] + (line_break ? 1 : 0);
  }
  for (int t = 0; t < static_cast<int>(doc.tokens.size()); ++t) {
    lower_[t] = to_lower(doc.tokens[t].form);
    int h = doc.tokens[t].head;
    if (h >= 0 && h < static_cast<int>(doc.tokens.size())) children_[h].push_back(t);
  }
  // Innermost mention per token: shorter spans win; equal spans prefer the
  // mention headed by the token.
  std::vector<int> best_len(doc.tokens.size(), 1 << 30);
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m) {
    const Mention& mn = doc.mentions[m];
    int len = mn.last - mn.first;
    if (mn.kind == MentionKind::Name && mn.entity >= 0 && mn.head >= 0 &&
        mn.head < static_cast<int>(doc.tokens.size()) &&
        doc.entities[mn.entity].type == EntityType::Person) {
      int& p = person_headed_by_[mn.head];
      if (p < 0 || len > doc.mentions[p].last - doc.mentions[p].first) p = m;
    }
    for (int t = mn.first; t < mn.last && t < static_cast<int>(doc.tokens.size()); ++t) {
      if (len < best_len[t] || (len == best_len[t] && mn.head == t)) {
        best_len[t] = len;
        mention_at_[t] = m;
      }
    }
  }
}

int SyntaxView::child(int t, std::string_view rel) const {
  for (int c : children_[t])
    if (is_rel(doc_.tokens[c].deprel, rel)) return c;
  return -1;
}

std::vector<int> SyntaxView::conjuncts(int t) const {
  std::vector<int> out;
  for (int c : children_[t])
    if (doc_.tokens[c].deprel == "conj") out.push_back(c);
  return out;
}

int SyntaxView::controller(int t) const {
  for (int depth = 0; depth < 8 && t >= 0; ++depth) {
    const Token& tok = doc_.tokens[t];
    if (tok.head < 0) return -1;
    if (!(is_rel(tok.deprel, "xcomp") || tok.deprel == "conj" || is_rel(tok.deprel, "advcl")))
      return -1;
    int h = tok.head;
    // Object control: "X persuaded Y to meet Z" -> Y.
    if (is_rel(tok.deprel, "xcomp")) {
      if (int o = child(h, "obj"); o >= 0) return h;  // caller follows nsubj of h; approximate
    }
    if (child(h, "nsubj") >= 0) return h;
    t = h;
  }
  return -1;
}

int SyntaxView::looked_forward_to(int t) const {
  const Token& tok = doc_.tokens[t];
  if (tok.head < 0 || !(is_rel(tok.deprel, "advcl") || is_rel(tok.deprel, "obl") ||
                        is_rel(tok.deprel, "xcomp")))
    return -1;
  const Token& h = doc_.tokens[tok.head];
  if (h.lemma != "look" && lower_[tok.head] != "forward") return -1;
  const int look = h.lemma == "look" ? tok.head : h.head;
  bool forward = lower_[tok.head] == "forward" && look >= 0 && doc_.tokens[look].lemma == "look";
  for (int c : children_[tok.head]) forward = forward || lower_[c] == "forward";
  return forward ? look : -1;
}

Modality SyntaxView::modality(int t) const {
  for (int depth = 0; depth < 6 && t >= 0; ++depth) {
    const Token& tok = doc_.tokens[t];
    // "had not met X until 2019": they met, in 2019.
    bool until = false;
    for (int c : children_[t])
      if (is_rel(doc_.tokens[c].deprel, "obl") || is_rel(doc_.tokens[c].deprel, "advcl"))
        for (int cc : children_[c])
          until = until || ((doc_.tokens[cc].deprel == "case" || doc_.tokens[cc].deprel == "mark") &&
                            lower_[cc] == "until");
    // Negation first ("would not provide" is negated, not hypothetical):
    // "not", "never", "no", or a subject opened by "neither" ("Neither X
    // nor Y would provide").
    for (int c : children_[t]) {
      const Token& ct = doc_.tokens[c];
      const std::string& l = lower_[c];
      if ((is_rel(ct.deprel, "advmod") || ct.deprel == "det") &&
          one_of(l, {"not", "n't", "never", "no", "nt"}) && !until)
        return Modality::Negated;
      if (l == "neither" && c < t) return Modality::Negated;  // hung on the verb
      if (is_rel(ct.deprel, "nsubj"))
        for (int cc : children_[c])
          if (lower_[cc] == "neither" && cc < c) return Modality::Negated;
    }
    // "She would later say": "would" of a later time told in the past.
    bool later = false;
    for (int c : children_[t])
      later = later || (is_rel(doc_.tokens[c].deprel, "advmod") &&
                        one_of(lower_[c], {"later", "eventually", "afterwards", "subsequently"}));
    for (int c : children_[t]) {
      const Token& ct = doc_.tokens[c];
      const std::string& l = lower_[c];
      if (is_rel(ct.deprel, "aux")) {
        if (one_of(l, {"will", "shall", "'ll", "wo"})) return Modality::Future;
        if (l == "would" && later) continue;
        if (one_of(l, {"may", "might", "could", "would", "should", "must", "'d", "can", "ca"}))
          return Modality::Hypothetical;
      }
      if (ct.deprel == "mark" && one_of(l, {"if", "unless", "whether"}))
        return Modality::Hypothetical;
    }
    if (tok.head < 0) break;
    const Token& h = doc_.tokens[tok.head];
    if (is_rel(tok.deprel, "xcomp")) {
      // "plans to meet", "is expected to visit", "agreed to meet"; "is going
      // to meet", not "went on to say"
      const bool going = h.lemma != "go" || one_of(lower_[tok.head], {"going", "gon"});
      if (going &&
          one_of(h.lemma, {"plan", "expect", "intend", "schedule", "hope", "want", "wish",
                           "aim", "seek", "propose", "prepare", "set", "due", "likely",
                           "going", "go", "try", "attempt", "offer", "promise", "agree",
                           "invite", "ask", "urge", "decide", "consider", "refuse", "fail",
                           "decline", "unable"})) {
        if (one_of(h.lemma, {"refuse", "fail", "decline", "unable"})) return Modality::Negated;
        Modality hm = modality(tok.head);
        if (hm == Modality::Negated) return Modality::Negated;
        return one_of(h.lemma, {"try", "attempt", "ask", "urge", "invite", "consider"})
                   ? Modality::Hypothetical
                   : Modality::Future;
      }
      t = tok.head;
      continue;
    }
    // "look forward to meeting/welcoming X": a meeting still to come.
    if (const int look = looked_forward_to(t); look >= 0)
      return modality(look) == Modality::Negated ? Modality::Negated : Modality::Future;
    if (tok.deprel == "conj") {
      // A conjunct clause with a subject of its own ("X would fail, and I
      // applaud Y") or after "but" ("did not mention Y, but said Z") keeps
      // its own modality.
      bool own = false;
      for (int c : children_[t]) {
        const Token& ct = doc_.tokens[c];
        own = own || ct.deprel == "nsubj" || ct.deprel == "nsubj:pass" ||
              (ct.deprel == "cc" && one_of(lower_[c], {"but", "yet"}));
      }
      if (own) break;
      t = tok.head;
      continue;
    }
    // "the meeting planned for ..." / "the planned meeting""
    break;
  }
  // Nominal triggers: "the planned meeting", "a future visit", "arranged a
  // meeting", "the meeting was cancelled", "a meeting, which was cancelled".
  if (t >= 0) {
    const Token& nt = doc_.tokens[t];
    // (a passive subject the parser labelled nsubj: its verb has aux:pass)
    const bool passive_subject =
        nt.deprel == "nsubj:pass" || (nt.deprel == "nsubj" && nt.head >= 0 && child(nt.head, "aux:pass") >= 0);
    if (nt.upos == "NOUN" && nt.head >= 0 && (is_rel(nt.deprel, "obj") || passive_subject)) {
      const Token& h = doc_.tokens[nt.head];
      if (one_of(h.lemma, {"cancel", "postpone", "scrap", "call", "abandon", "delay"}))
        return Modality::Negated;
      if (one_of(h.lemma, {"arrange", "plan", "schedule", "propose", "seek", "request", "organize",
                           "organise", "set", "suggest", "want", "demand", "offer"}))
        return Modality::Future;
    }
    for (int c : children_[t])
      if (doc_.tokens[c].deprel == "acl:relcl" &&
          one_of(doc_.tokens[c].lemma, {"cancel", "postpone", "scrap", "abandon"}))
        return Modality::Negated;
    for (int c : children_[t]) {
      if (is_rel(doc_.tokens[c].deprel, "amod") &&
          one_of(lower_[c], {"planned", "upcoming", "future", "proposed", "possible", "scheduled",
                             "expected", "potential", "forthcoming"}))
        return Modality::Future;
      if (is_rel(doc_.tokens[c].deprel, "acl") &&
          one_of(doc_.tokens[c].lemma, {"plan", "schedule", "expect", "set", "propose"}))
        return Modality::Future;
    }
  }
  return Modality::Asserted;
}

std::pair<int, int> SyntaxView::subtree_span(int w) const {
  int lo = w, hi = w;
  std::vector<int> stack = {w};
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (int c : children_[x]) stack.push_back(c);
  }
  return {lo, hi + 1};
}

std::pair<int, int> SyntaxView::phrase_span(int w) const {
  int lo = w, hi = w;
  std::vector<int> stack = {w};
  std::vector<int> kept;
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    kept.push_back(x);
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (int c : children_[x]) {
      const std::string& d = doc_.tokens[c].deprel;
      if (x == w && (d == "acl:relcl" || d == "appos" || d == "parataxis" || d == "conj" ||
                     d == "cc" || d == "dep"))
        continue;
      stack.push_back(c);
    }
  }
  // Trim edge punctuation, words left out at the edges (", as well as X")
  // and a leading case word of an oblique.
  auto out = [&](int k) { return std::find(kept.begin(), kept.end(), k) == kept.end(); };
  while (lo < hi && (doc_.tokens[lo].upos == "PUNCT" || out(lo) ||
                     (lo != w && doc_.tokens[lo].head == w && doc_.tokens[lo].deprel == "case")))
    ++lo;
  while (hi > lo && (doc_.tokens[hi].upos == "PUNCT" || out(hi))) --hi;
  return {lo, hi + 1};
}

// +1 when token k opens a quotation, -1 when it closes one, 0 when it is
// no quotation mark. Straight quotes alternate within the sentence.
int SyntaxView::quote_direction(int k) const {
  const std::string& f = doc_.tokens[k].form;
  if (f == "“" || f == "``") return 1;
  if (f == "”" || f == "''") return -1;
  if (f != "\"") return 0;
  int before = 0;
  for (int j = doc_.sentences[doc_.sentence_of(k)].first; j < k; ++j) before += doc_.tokens[j].form == "\"";
  return before % 2 == 0 ? 1 : -1;
}

// Leading punctuation and the clause's own complementizer ("that"); any
// other marker stays ("if there is anything inevitable ..., it is ...",
// parsed with the "if" clause as the head; "whether he supported it").
// True when a quotation mark was among them.
bool SyntaxView::trim_clause_front(int w, int& lo, int hi) const {
  bool quoted = false;
  while (lo < hi && (doc_.tokens[lo].upos == "PUNCT" ||
                     (doc_.tokens[lo].deprel == "mark" && doc_.tokens[lo].head == w &&
                      lower_[lo] == "that"))) {
    quoted = quoted || quote_direction(lo) > 0 || one_of(doc_.tokens[lo].form, {"'", "‘"});
    ++lo;
  }
  return quoted;
}

// Narration before a quotation inside the clause ('said, as reported by X
// — "...', 'said, in remarks published by X, "..."'): a phrase opening
// with a preposition or subordinator and ending in a comma, dash or colon
// right before the opening quote is the writer's, not the speaker's.
bool SyntaxView::skip_narration_before_quote(int& lo, int hi) const {
  // (the clause's own "as" may already be trimmed: "as reported by X")
  const int first = lo > 0 && doc_.tokens[lo - 1].deprel == "mark" && lower_[lo - 1] == "as" ? lo - 1 : lo;
  if (doc_.tokens[first].upos != "ADP" && doc_.tokens[first].upos != "SCONJ") return false;
  bool verb = false;  // ("on Twitter "...": a phrase without a verb needs no comma)
  for (int q = lo + 1; q + 1 < hi; ++q) {
    verb = verb || doc_.tokens[q].upos == "VERB" || doc_.tokens[q].upos == "AUX";
    if (quote_direction(q) == 0) continue;
    if (quote_direction(q) < 0) return false;
    if (!one_of(doc_.tokens[q - 1].form, {",", "—", "–", ":", "-"}) && (verb || q - lo > 4)) return false;
    lo = q + 1;
    return true;
  }
  return false;
}

// A quotation followed by narration ('"... history", adding, "For Mexico
// ..."', '"We couldn't win," and the city flag ...'): the content ends with
// the quotation. `quoted`: the clause opened with it; otherwise a partial
// quotation must open inside the clause first.
void SyntaxView::cut_narration_after_quote(int lo, int& hi, bool quoted) const {
  for (int k = lo + 1; k + 1 < hi; ++k) {
    const int dir = quote_direction(k);
    if (dir > 0) quoted = true;
    if (dir >= 0 || !quoted) continue;
    if (doc_.tokens[k + 1].form == "," || doc_.tokens[k - 1].form == ",") {
      hi = k;
      return;
    }
  }
}

// "said yesterday morning the laws should change": a time phrase before
// the clause's subject, parsed into the clause, says when it was said (in
// a quotation it is the speaker's own word).
void SyntaxView::skip_time_phrase(int w, int& lo) const {
  for (int c : children_[w]) {
    const auto [clo, chi] = subtree_span(c);
    if (clo != lo || c > w) continue;
    const bool time = one_of(lower_[c], {"yesterday", "today", "tonight", "morning", "afternoon",
                                         "evening", "night", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday", "sunday"});
    bool later_subject = false;
    for (int d : children_[w])
      later_subject = later_subject || (d >= chi && d < w && is_rel(doc_.tokens[d].deprel, "nsubj"));
    if (time && later_subject) lo = chi;
  }
}

// The writer's attribution at the end of reported content: "..., according
// to the report", "..., CNN reported" (a speech verb with a subject of its
// own whose phrase ends the clause).
void SyntaxView::cut_trailing_attribution(int lo, int& hi) const {
  static const std::initializer_list<std::string_view> reported = {
      "report", "say", "tell", "add", "note", "state", "write", "confirm", "announce", "claim"};
  const int end = doc_.tokens[hi - 1].upos == "PUNCT" ? hi - 1 : hi;  // before a final mark
  for (int k = lo + 1; k + 1 < hi; ++k) {
    if (doc_.tokens[k - 1].form != "," || quote_direction(k - 1) != 0) continue;
    if (lower_[k] == "according" && lower_[k + 1] == "to") {
      hi = k - 1;
      return;
    }
    const int v = doc_.tokens[k].head;
    if (v < k || v >= hi || !one_of(doc_.tokens[v].lemma, reported)) continue;
    const auto [vlo, vhi] = subtree_span(v);
    bool subject = false;
    for (int c : children_[v]) subject = subject || is_rel(doc_.tokens[c].deprel, "nsubj");
    if (subject && vlo == k && vhi >= end && v + 1 >= end) {
      hi = k - 1;
      return;
    }
  }
}

// The writer's narration coordinated into reported content: "X claimed
// emissions have been lower and argued against Y": a subjectless past-tense
// verb coordinated with a clause head that is not in the past tense goes
// with the past-tense speech verb, not with what was said.
void SyntaxView::cut_coordinated_narration(int w, int& hi) const {
  const int speech = doc_.tokens[w].head;
  if (speech < 0 || doc_.tokens[speech].xpos != "VBD") return;
  bool past = doc_.tokens[w].xpos == "VBD";
  for (int c : children_[w])
    past = past || ((doc_.tokens[c].deprel == "aux" || doc_.tokens[c].deprel == "cop") &&
                    doc_.tokens[c].xpos == "VBD");
  if (past) return;
  for (int c : children_[w]) {
    if (c < w || doc_.tokens[c].deprel != "conj" || doc_.tokens[c].xpos != "VBD") continue;
    bool subject = false, cc = false;
    for (int d : children_[c]) {
      subject = subject || is_rel(doc_.tokens[d].deprel, "nsubj");
      cc = cc || doc_.tokens[d].deprel == "cc";
    }
    if (!subject && cc) hi = std::min(hi, subtree_span(c).first);
  }
}

Argument SyntaxView::clause_argument(int w) const {
  auto [lo, hi] = subtree_span(w);
  bool quoted = trim_clause_front(w, lo, hi);
  if (!quoted && skip_narration_before_quote(lo, hi)) quoted = true;
  cut_narration_after_quote(lo, hi, quoted);
  if (!quoted) {
    skip_time_phrase(w, lo);
    cut_trailing_attribution(lo, hi);
    cut_coordinated_narration(w, hi);
  }
  // An editor's bracket glued to the clause's first word ("[I]t's"): the
  // clause starts at the bracket.
  const Sentence& sent = doc_.sentences[doc_.sentence_of(w)];
  if (lo > sent.first + 2 && doc_.tokens[lo - 1].form == "]" && !doc_.tokens[lo - 1].space_after)
    for (int k = lo - 2; k >= std::max(sent.first, lo - 5); --k)
      if (doc_.tokens[k].form == "[") {
        lo = k;
        break;
      }
  trim_clause_back(lo, hi);
  Argument a;
  a.first = lo;
  a.last = hi;
  // Cut (cut_text): a clause nesting a chain of clauses would repeat it.
  a.text = cut_text(doc_.tokens_text(lo, hi));
  a.literal = a.text;
  return a;
}

// Brackets stay balanced: a "]" that closes one opened inside stays, and
// one right after the clause joins it ("I am [pretty happy with that]");
// an editor's "[...]" or "[,]" at the end and trailing punctuation go.
void SyntaxView::trim_clause_back(int lo, int& hi) const {
  const Sentence& sent = doc_.sentences[doc_.sentence_of(lo)];
  auto open_brackets = [&](int a, int b) {
    int open = 0;
    for (int k = a; k < b; ++k) open += doc_.tokens[k].form == "[" ? 1 : doc_.tokens[k].form == "]" ? -1 : 0;
    return open;
  };
  if (hi < sent.last && doc_.tokens[hi].form == "]" && open_brackets(lo, hi) > 0) ++hi;
  for (bool cut = true; cut;) {
    cut = false;
    if (hi - 3 > lo && doc_.tokens[hi - 1].form == "]" && doc_.tokens[hi - 3].form == "[" &&
        doc_.tokens[hi - 2].upos == "PUNCT") {
      hi -= 3;
      cut = true;
    }
    if (hi > lo + 1 && doc_.tokens[hi - 1].upos == "PUNCT" &&
        !(doc_.tokens[hi - 1].form == "]" && open_brackets(lo, hi - 1) > 0)) {
      --hi;
      cut = true;
    }
  }
}

// "House Speaker Ana Ruiz" parsed with "House" as the head: the place or
// organisation named right before a person's name (with its title) that
// the name hangs on qualifies the title and stands for the person. Returns
// the person's mention, or -1.
int SyntaxView::person_after_qualifier(int w) const {
  const int m = mention_at_[w];
  if (m < 0 || doc_.mentions[m].entity < 0 || doc_.mentions[m].head != w) return -1;
  const Mention& q = doc_.mentions[m];
  const EntityType qt = doc_.entities[q.entity].type;
  if ((qt != EntityType::Org && qt != EntityType::Gpe && qt != EntityType::Loc &&
       qt != EntityType::Fac) ||
      q.last >= static_cast<int>(doc_.tokens.size()))
    return -1;
  const int p = mention_at_[q.last];
  if (p < 0 || doc_.mentions[p].entity < 0 || doc_.mentions[p].first != q.last ||
      doc_.mentions[p].kind != MentionKind::Name ||
      doc_.entities[doc_.mentions[p].entity].type != EntityType::Person)
    return -1;
  const int ph = doc_.mentions[p].head;
  const int up = ph >= 0 ? doc_.tokens[ph].head : -1;
  return up == w || (up >= 0 && doc_.tokens[up].head == w) ? p : -1;
}

// See syntax_view.h.
int SyntaxView::enclosing_person(int w, int m) const {
  const Mention& inner = doc_.mentions[m];
  const int p = person_headed_by_[w];
  if (inner.head != w || p < 0 || inner.entity < 0 ||
      doc_.entities[inner.entity].type == EntityType::Person)
    return m;
  const Mention& o = doc_.mentions[p];
  return o.first <= inner.first && o.last >= inner.last &&
                 o.last - o.first > inner.last - inner.first
             ? p
             : m;
}

Argument SyntaxView::argument_for(int w) const {
  Argument a;
  const int m = mention_at_[w];
  if (const int p = person_after_qualifier(w); p >= 0) {
    const Mention& mn = doc_.mentions[p];
    a.entity = mn.entity;
    a.first = doc_.mentions[m].first;
    a.last = mn.last;
    a.text = std::string(doc_.tokens_text(a.first, a.last));
    return a;
  }
  if (m >= 0 && doc_.mentions[m].entity >= 0) {
    const Mention& mn = doc_.mentions[enclosing_person(w, m)];
    a.entity = mn.entity;
    a.first = mn.first;
    a.last = mn.last;
    a.text = std::string(doc_.tokens_text(mn.first, mn.last));
    // A name inside a longer phrase ("Azerbaijan" in "the Azerbaijani
    // government") is not the phrase: only use the entity when the mention
    // covers the word's head role.
    if (mn.head != w && !(w >= mn.first && w < mn.last)) a.entity = -1;
    if (a.entity >= 0) return a;
  }
  auto [lo, hi] = phrase_span(w);
  a.entity = -1;
  a.first = lo;
  a.last = hi;
  a.text = std::string(doc_.tokens_text(lo, hi));
  a.literal = a.text;
  return a;
}

bool SyntaxView::people_noun(int w) const {
  const Token& tok = doc_.tokens[w];
  std::string singular = to_lower(tok.lemma.empty() ? tok.form : tok.lemma);
  if (singular.size() > 3 && singular.back() == 's') singular.pop_back();
  return one_of(singular, {"delegation", "delegate", "representative", "envoy", "official", "leader",
                           "diplomat", "team", "negotiator", "minister", "advisor", "adviser",
                           "ambassador", "head"});
}

std::vector<Argument> SyntaxView::arguments(int w, int focus_meeting) const {
  const Token& tok = doc_.tokens[w];
  // "X, who met Y": the relative pronoun stands for X.
  if ((tok.upos == "PRON" || tok.upos == "DET") && one_of(lower_[w], {"who", "which", "that", "whom"})) {
    int clause = tok.head;
    if (clause >= 0 && doc_.tokens[clause].deprel == "acl:relcl" && doc_.tokens[clause].head >= 0)
      return arguments(doc_.tokens[clause].head, focus_meeting);
  }
  Argument a = argument_for(w);
  // A common noun standing for named entities: "officers A and B",
  // "his counterparts, A, B and C" (apposition), "the delegations of A, B
  // and C", "representatives from A and B".
  // (Also when written in capitals, "Permanent Representatives from X",
  // which the NER may take for a name of its own kind.)
  const bool group = people_noun(w);
  const bool untyped = a.entity < 0 || (tok.upos == "PROPN" && group &&
                                        doc_.entities[a.entity].type == EntityType::Other);
  if (untyped && (tok.upos == "NOUN" || (tok.upos == "PROPN" && group))) {
    std::vector<Argument> named;
    // "of A, B (b), C and D": a list item the parser hung as an apposition
    // of the one before, with the rest of the list under it, is an item too.
    auto add_named = [&](int c) {
      std::vector<int> words = {c};
      for (size_t i = 0; i < words.size(); ++i) {
        for (int k : conjuncts(words[i])) words.push_back(k);
        for (int k : children_[words[i]])
          if (doc_.tokens[k].deprel == "appos" && !conjuncts(k).empty()) words.push_back(k);
      }
      for (int x : words) {
        Argument b = argument_for(x);
        if (b.entity < 0) continue;
        bool dup = false;
        for (const auto& o : named) dup = dup || o.entity == b.entity;
        if (!dup) named.push_back(std::move(b));
      }
    };
    for (int c : children_[w]) {
      const Token& ct = doc_.tokens[c];
      if (ct.deprel == "appos" || ct.deprel == "flat") add_named(c);
      if (group && is_rel(ct.deprel, "nmod")) {
        bool of = false;
        for (int k : children_[c])
          if (doc_.tokens[k].deprel == "case" && one_of(lower_[k], {"of", "from"})) of = true;
        if (of) add_named(c);
      }
    }
    if (!named.empty()) return named;
  }
  // A plural pronoun coreference resolved to a group ("The President and
  // Vice President ... They noted") stands for the group's members.
  bool plural_pronoun = tok.upos == "PRON" && one_of(lower_[w], {"they", "them", "both"});
  if (plural_pronoun && a.entity >= 0 && doc_.entities[a.entity].members.size() >= 2) {
    std::vector<Argument> out;
    for (int e : doc_.entities[a.entity].members) {
      Argument x = a;
      x.entity = e;
      out.push_back(std::move(x));
    }
    return out;
  }
  // Otherwise plural "they"/"both" during a meeting in focus are its
  // participants, even where coreference picked a single person (but not
  // where it picked an organisation: "The delegation affirmed ... They").
  if (plural_pronoun && a.entity >= 0 && doc_.entities[a.entity].type == EntityType::Org)
    plural_pronoun = false;
  if ((a.entity < 0 || plural_pronoun) && focus_meeting >= 0 && focus_meeting < static_cast<int>(doc_.events.size())) {
    bool group = one_of(lower_[w], {"sides", "parties", "leaders", "both", "two", "they", "presidents",
                                    "officials", "delegations"});
    if (group && lower_[w] != "they") {
      // "the sides", "both leaders", "the two presidents" - a definite plural.
      group = false;
      for (int c : children_[w])
        if (one_of(lower_[c], {"the", "both", "two"})) group = true;
      if (one_of(lower_[w], {"both"})) group = true;
    }
    if (group) {
      std::vector<Argument> out;
      for (const auto& [role, p] : doc_.events[focus_meeting].roles) {
        if (p.entity < 0) continue;
        bool dup = false;
        for (const auto& o : out) dup |= o.entity == p.entity;
        if (dup) continue;
        Argument x;
        x.entity = p.entity;
        x.text = std::string(doc_.tokens_text(w, w + 1));
        x.first = w;
        x.last = w + 1;
        out.push_back(x);
      }
      if (out.size() >= 2) return out;
    }
  }
  return {a};
}

std::string SyntaxView::relation_text(int t) const {
  std::vector<int> words = {t};
  for (int c : children_[t]) {
    const Token& ct = doc_.tokens[c];
    if (is_rel(ct.deprel, "aux") || ct.deprel == "compound:prt" ||
        (ct.deprel == "advmod" && one_of(lower_[c], {"not", "n't", "never"})) ||
        (ct.deprel == "cop"))
      words.push_back(c);
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (int w : words) {
    if (!out.empty()) out += ' ';
    out += doc_.tokens[w].form;
  }
  return out;
}

std::vector<int> SyntaxView::prepositions_after(
    int t, std::initializer_list<std::string_view> words) const {
  std::vector<int> out;
  const Sentence& s = doc_.sentences[doc_.sentence_of(t)];
  for (int k = t + 1; k + 1 < s.last; ++k) {
    const Token& tok = doc_.tokens[k];
    if ((tok.upos == "VERB" && tok.head != t) || tok.upos == "SCONJ" || tok.xpos == "WRB" ||
        tok.xpos == "WDT" || tok.xpos == "WP")
      break;
    if (tok.upos != "ADP") continue;
    for (std::string_view w : words)
      if (lower_[k] == w) out.push_back(k);
  }
  return out;
}

Argument SyntaxView::place_of(int t) const {
  auto is_place = [&](int w) {
    int m = mention_at_[w];
    if (m < 0 || doc_.mentions[m].entity < 0) return false;
    EntityType ty = doc_.entities[doc_.mentions[m].entity].type;
    return ty == EntityType::Gpe || ty == EntityType::Loc || ty == EntityType::Fac;
  };
  for (int c : children_[t]) {
    const Token& ct = doc_.tokens[c];
    if (!(is_rel(ct.deprel, "obl") || is_rel(ct.deprel, "nmod") || is_rel(ct.deprel, "advmod")))
      continue;
    bool loc_case = false;
    for (int k : children_[c])
      if (doc_.tokens[k].deprel == "case" && one_of(lower_[k], {"in", "at", "to", "near", "inside"}))
        loc_case = true;
    if (loc_case && is_place(c)) return argument_for(c);
  }
  // "X visited Kyiv and met Y": the place visited.
  if (doc_.tokens[t].lemma == "visit")
    for (int c : children_[t])
      if (doc_.tokens[c].deprel == "obj" && is_place(c)) return argument_for(c);
  // "During his visit to Tehran, X met Y": the place of a visit or trip
  // the clause is set in.
  for (int c : children_[t]) {
    if (!is_rel(doc_.tokens[c].deprel, "obl") || !one_of(doc_.tokens[c].lemma, {"visit", "trip", "tour"}))
      continue;
    for (int p : children_[c]) {
      if (!is_rel(doc_.tokens[p].deprel, "nmod") || !is_place(p)) continue;
      for (int k : children_[p])
        if (doc_.tokens[k].deprel == "case" && one_of(lower_[k], {"to", "in"})) return argument_for(p);
    }
  }
  // The parse often hangs "in <city>" on the object ("received X, Mayor of Y,
  // in Z"): the first "in/at <place>" after the trigger in its clause.
  const Sentence& s = doc_.sentences[doc_.sentence_of(t)];
  for (int k : prepositions_after(t, {"in", "at"})) {
    int w = k + 1;
    if (lower_[w] == "the" && w + 1 < s.last) ++w;
    const int m = mention_at_[w];
    if (m >= 0 && doc_.mentions[m].first == w && is_place(doc_.mentions[m].head))
      return argument_for(doc_.mentions[m].head);
  }
  return {};
}

}  // namespace ng
