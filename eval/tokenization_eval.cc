// CoNLL 2018-style tokenization scoring. See tokenization_eval.h.
#include "eval/tokenization_eval.h"

#include <algorithm>

#include "core/error.h"
#include "core/utf8.h"

namespace ng {

namespace {

// A word as the CoNLL 2018 script sees it: the span of its surface token.
struct SpanWord {
  uint32_t start = 0, end = 0;  // byte span of the (multiword) token in the raw text
  bool multiword = false;       // part of a multiword token
  std::string form;             // lower-cased form, for the LCS inside multiword regions
};

struct Span {
  uint32_t start = 0, end = 0;
};

// Sentence text: "# text", or the forms joined according to SpaceAfter.
std::string sentence_text(const ConlluSentence& s) {
  return s.text.empty() ? text_from_forms(s) : s.text;
}

bool space_at(std::string_view s, size_t i, size_t& len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
  size_t j = i;
  char32_t cp = next_code_point(s, j);
  len = j - i;
  return is_space(cp);
}

// Finds `form` (white space ignored) in raw starting at pos; returns its span
// and advances pos past it. False when the characters differ.
bool locate(std::string_view raw, size_t limit, std::string_view form, size_t& pos, Span& span) {
  size_t len;
  bool started = false;
  size_t f = 0;
  while (f < form.size()) {
    if (space_at(form, f, len)) {
      f += len;
      continue;
    }
    while (pos < limit && space_at(raw, pos, len)) pos += len;
    if (pos >= limit || raw[pos] != form[f]) return false;
    if (!started) {
      span.start = static_cast<uint32_t>(pos);
      started = true;
    }
    ++pos;
    ++f;
    span.end = static_cast<uint32_t>(pos);
  }
  return started;
}

double f1(int correct, int gold, int system) {
  return gold + system == 0 ? 0.0 : 2.0 * correct / (gold + system);
}

int spans_matched(const std::vector<Span>& gold, const std::vector<Span>& system) {
  int correct = 0;
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].start < gold[gi].start) {
      ++si;
    } else if (gold[gi].start < system[si].start) {
      ++gi;
    } else {
      correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return correct;
}

// conll18_ud_eval.py: find_multiword_span and helpers.
bool beyond_end(const std::vector<SpanWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].start >= end;
  return w[i].end > end;
}

uint32_t extend_end(const SpanWord& w, uint32_t end) {
  return (w.multiword && w.end > end) ? w.end : end;
}

void align_words(const std::vector<SpanWord>& gold, const std::vector<SpanWord>& sys,
                 std::vector<std::pair<int, int>>& aligned) {
  size_t gi = 0, si = 0;
  std::vector<int> lcs;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      // The region of overlapping multiword tokens, aligned by LCS of forms.
      uint32_t end;
      if (gold[gi].multiword) {
        end = gold[gi].end;
        if (!sys[si].multiword && sys[si].start < gold[gi].start) ++si;
      } else {
        end = sys[si].end;
        if (!gold[gi].multiword && gold[gi].start < sys[si].start) ++gi;
      }
      size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].start <= sys[si].start)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(sys[si], end);
          ++si;
        }
      }
      size_t ng = gi - gs, ns = si - ss;
      if (ng == 0 || ns == 0) continue;
      lcs.assign((ng + 1) * (ns + 1), 0);
      auto at = [&](size_t g, size_t s) -> int& { return lcs[g * (ns + 1) + s]; };
      for (size_t g = ng; g-- > 0;)
        for (size_t s = ns; s-- > 0;) {
          int v = gold[gs + g].form == sys[ss + s].form ? 1 + at(g + 1, s + 1) : 0;
          at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
        }
      size_t g = 0, s = 0;
      while (g < ng && s < ns) {
        if (gold[gs + g].form == sys[ss + s].form) {
          aligned.emplace_back(static_cast<int>(gs + g), static_cast<int>(ss + s));
          ++g;
          ++s;
        } else if (at(g, s) == at(g + 1, s)) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].start == sys[si].start && gold[gi].end == sys[si].end) {
      aligned.emplace_back(static_cast<int>(gi), static_cast<int>(si));
      ++gi;
      ++si;
    } else if (gold[gi].start <= sys[si].start) {
      ++gi;
    } else {
      ++si;
    }
  }
}

}  // namespace

std::string conll18_raw_text(const std::vector<ConlluSentence>& gold) {
  std::string raw;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (i > 0) raw += (gold[i].new_par || gold[i].new_doc) ? "\n\n" : " ";
    raw += sentence_text(gold[i]);
  }
  return raw;
}

TokenizationEvaluation evaluate_tokenization(const std::vector<ConlluSentence>& gold,
                                             const Tokenizer& tokenizer) {
  TokenizationEvaluation ev;
  std::string& raw = ev.doc.text;
  std::vector<SpanWord> gold_words;
  std::vector<Span> gold_tokens, gold_sentences;

  // Raw text and gold spans, sentence by sentence.
  for (size_t i = 0; i < gold.size(); ++i) {
    const ConlluSentence& s = gold[i];
    if (i > 0) raw += (s.new_par || s.new_doc) ? "\n\n" : " ";
    size_t pos = raw.size();
    raw += sentence_text(s);
    size_t limit = raw.size();
    ev.gold_first_word.push_back(static_cast<int>(gold_words.size()));
    size_t w = 0, m = 0;
    uint32_t sent_start = 0, sent_end = 0;
    while (w < s.words.size()) {
      bool mw = m < s.multiwords.size() && s.multiwords[m].first == static_cast<int>(w) + 1;
      const std::string& form = mw ? s.multiwords[m].form : s.words[w].form;
      size_t next = mw ? static_cast<size_t>(s.multiwords[m].last) : w + 1;
      next = std::min(next, s.words.size());
      Span span;
      if (!locate(raw, limit, form, pos, span)) {
        std::string id = "sentence " + std::to_string(i + 1);
        for (const auto& c : s.comments)
          if (c.rfind("sent_id = ", 0) == 0) id += " (" + c.substr(10) + ")";
        throw Error(id + ": gold token '" + form + "' not found in its text '" +
                    sentence_text(s).substr(0, 200) + "'");
      }
      if (w == 0) sent_start = span.start;
      sent_end = span.end;
      gold_tokens.push_back(span);
      for (size_t k = w; k < next; ++k)
        gold_words.push_back({span.start, span.end, mw, to_lower(s.words[k].form)});
      if (mw) ++m;
      w = next;
    }
    if (!s.words.empty()) gold_sentences.push_back({sent_start, sent_end});
  }
  ev.gold_first_word.push_back(static_cast<int>(gold_words.size()));

  // System words, tokens and sentences.
  std::vector<TokenizedWord> words;
  tokenizer.process(ev.doc, words);
  std::vector<SpanWord> sys_words(words.size());
  std::vector<Span> sys_tokens;
  for (size_t i = 0; i < words.size();) {
    size_t j = i;
    while (j + 1 < words.size() && words[j].joined_next) ++j;
    Span span{words[i].begin, words[j].end};
    sys_tokens.push_back(span);
    for (size_t k = i; k <= j; ++k) {
      sys_words[k].start = j > i ? span.start : words[k].begin;
      sys_words[k].end = j > i ? span.end : words[k].end;
      sys_words[k].multiword = j > i;
      sys_words[k].form = to_lower(ev.doc.tokens[k].form);
    }
    i = j + 1;
  }
  std::vector<Span> sys_sentences;
  for (const Sentence& s : ev.doc.sentences) sys_sentences.push_back({s.begin, s.end});

  align_words(gold_words, sys_words, ev.aligned);

  ev.gold_tokens = static_cast<int>(gold_tokens.size());
  ev.system_tokens = static_cast<int>(sys_tokens.size());
  ev.matched_tokens = spans_matched(gold_tokens, sys_tokens);
  ev.gold_sentences = static_cast<int>(gold_sentences.size());
  ev.system_sentences = static_cast<int>(sys_sentences.size());
  ev.matched_sentences = spans_matched(gold_sentences, sys_sentences);
  ev.gold_words = static_cast<int>(gold_words.size());
  ev.system_words = static_cast<int>(sys_words.size());
  ev.score.tokens_f1 = f1(ev.matched_tokens, ev.gold_tokens, ev.system_tokens);
  ev.score.sentences_f1 = f1(ev.matched_sentences, ev.gold_sentences, ev.system_sentences);
  ev.score.words_f1 =
      f1(static_cast<int>(ev.aligned.size()), ev.gold_words, ev.system_words);
  return ev;
}

}  // namespace ng
