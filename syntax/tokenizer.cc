// The tokenizer is a hand-written scanner over bytes (no regex): the text is
// cut into white-space separated chunks; each chunk is cut into words by
// looking at one "run" at a time (letters/digits joined by connectors such as
// . , - / : ' &, or a punctuation run); a second pass over the words decides
// sentence boundaries. See tokenizer.h for the conventions.
#include "syntax/tokenizer.h"

#include <algorithm>
#include <array>

#include "core/data_path.h"
#include "core/dates.h"
#include "core/utf8.h"
#include "lexicon/lexicon.h"

namespace ng {

namespace {

// Character classes.
enum Cls : uint8_t {
  kSpace,     // white space and control characters: separate chunks
  kNewline,   // line breaks: separate chunks and sentences
  kAlpha,     // ASCII letter
  kDigit,     // ASCII digit
  kOther,     // any other word character (non-ASCII letters, marks, '_')
  kOpen,      // ( [ { and opening quotes/brackets that are never apostrophes
  kClose,     // ) ] } and closing quotes/brackets
  kDQuote,    // " (direction decided by position)
  kApos,      // ' and ’ (apostrophe or single quote)
  kLQuote1,   // ‘ (opening single quote)
  kTerm,      // . ! ? and their CJK/fullwidth/Arabic counterparts
  kEllipsis,  // …
  kHyphen,    // - and U+2010/U+2011
  kDash,      // – — ― ‒
  kPunct,     // other punctuation
  kSymbol,    // emoji and other symbols: one word each
};

constexpr std::array<Cls, 128> make_ascii_table() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Cls k = kPunct;
    if (c < 0x20 || c == 0x7F) k = kSpace;
    else if (c == ' ') k = kSpace;
    else if (c >= 'a' && c <= 'z') k = kAlpha;
    else if (c >= 'A' && c <= 'Z') k = kAlpha;
    else if (c >= '0' && c <= '9') k = kDigit;
    else if (c == '_') k = kOther;
    else if (c == '(' || c == '[' || c == '{') k = kOpen;
    else if (c == ')' || c == ']' || c == '}') k = kClose;
    else if (c == '"') k = kDQuote;
    else if (c == '\'') k = kApos;
    else if (c == '.' || c == '!' || c == '?') k = kTerm;
    else if (c == '-') k = kHyphen;
    t[c] = k;
  }
  t['\n'] = kNewline;
  t['\r'] = kNewline;
  t['\f'] = kNewline;
  t['\v'] = kNewline;
  return t;
}
constexpr std::array<Cls, 128> kAscii = make_ascii_table();

Cls classify_non_ascii(char32_t c) {
  if (c == 0x85 || c == 0x2028 || c == 0x2029) return kNewline;
  if (c < 0xA0) return kSpace;  // C1 controls
  if (c == 0x200B || c == 0x2060 || is_space(c)) return kSpace;
  if (c < 0x300) {
    switch (c) {
      case 0xAB: return kOpen;                      // «
      case 0xBB: return kClose;                     // »
      case 0xA1: case 0xBF: return kPunct;          // ¡ ¿
      case 0xB7: return kPunct;                     // ·
      case 0xAA: case 0xBA: case 0xAD: case 0xB2: case 0xB3: case 0xB5: case 0xB9:
      case 0xBC: case 0xBD: case 0xBE:
        return kOther;                              // ª º soft hyphen ² ³ µ ¹ ¼ ½ ¾
      default: break;
    }
    if (c <= 0xBF || c == 0xD7 || c == 0xF7) return kSymbol;  // ¢ £ ¥ § © ® ° ± × ÷ ...
    return kOther;
  }
  if (c < 0x2000) {
    switch (c) {
      case 0x37E: return kPunct;                    // Greek question mark
      case 0x589: case 0x61F: case 0x6D4: case 0x964: case 0x965: case 0x1362: return kTerm;
      case 0x60C: case 0x61B: return kPunct;        // Arabic comma, semicolon
      default: return kOther;
    }
  }
  if (c <= 0x206F) {
    switch (c) {
      case 0x200C: case 0x200D: return kOther;      // ZWNJ, ZWJ join letters
      case 0x2010: case 0x2011: return kHyphen;
      case 0x2012: case 0x2013: case 0x2014: case 0x2015: return kDash;
      case 0x2018: return kLQuote1;
      case 0x2019: return kApos;
      case 0x201A: case 0x201B: case 0x201C: case 0x201E: case 0x201F: case 0x2039: return kOpen;
      case 0x201D: case 0x203A: return kClose;
      case 0x2026: return kEllipsis;
      case 0x203C: case 0x2047: case 0x2048: case 0x2049: return kTerm;  // ‼ ⁇ ⁈ ⁉
      default: return kPunct;
    }
  }
  if (c >= 0x20A0 && c <= 0x2BFF) return kSymbol;   // currency, letterlike, arrows, math...
  if (c >= 0x2E00 && c <= 0x2E7F) return kPunct;    // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) {
    if (c == 0x3002) return kTerm;
    if (c >= 0x3008 && c <= 0x301B) return (c % 2 == 0) ? kOpen : kClose;
    return kPunct;
  }
  if (c >= 0xFE00 && c <= 0xFE0F) return kOther;    // variation selectors
  if (c >= 0xFF01 && c <= 0xFF65) {                 // fullwidth forms
    if (c == 0xFF01 || c == 0xFF0E || c == 0xFF1F || c == 0xFF61) return kTerm;
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
      return kOther;
    return kPunct;
  }
  if (c >= 0xE000 && c <= 0xF8FF) return kSymbol;   // private use
  if (c == 0xFFFD || c == 0xFFFC) return kSymbol;
  if (c >= 0x1F000 && c <= 0x1FAFF) return kSymbol; // emoji, flags
  return kOther;
}

bool is_word_cls(Cls k) { return k == kAlpha || k == kDigit || k == kOther; }

// What the scanner knows about a word; drives sentence splitting.
enum class Kind : uint8_t {
  Word,         // letters/digits
  Open,         // opening bracket or quote
  Close,        // closing bracket or quote
  Terminal,     // . ! ? runs ("?!", "!!!")
  Ellipsis,     // ... .. …
  Abbrev,       // abbreviation or initial: does not end a sentence
  AbbrevFinal,  // abbreviation that may end a sentence (Inc., etc.)
  Clitic,       // 's n't possessive '
  Punct,        // other punctuation, hyphens, dashes
  Symbol,       // symbols, emoji
};

// Prefixes after which EWT keeps a hyphenated word whole ("non-violent").
constexpr std::string_view kHyphenPrefixes[] = {
    "anti", "arch", "bi", "co", "counter", "cross", "e", "ex", "hyper", "infra", "inter",
    "intra", "macro", "meta", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over",
    "post", "pre", "pro", "pseudo", "psycho", "re", "semi", "socio", "sub", "super", "trans",
    "tri", "ultra", "un", "under"};

// Capitalised words that, glued after a period, mark a sentence start rather
// than a domain ("said.The" vs "News.Az").
constexpr std::string_view kShortSentenceStarts[] = {
    "a", "an", "as", "at", "be", "by", "do", "he", "i", "if", "in", "is", "it", "me", "my",
    "no", "of", "on", "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "but",
    "can", "did", "for", "had", "has", "her", "his", "how", "its", "let", "may", "mr", "mrs",
    "ms", "dr", "not", "now", "one", "our", "she", "the", "too", "two", "was", "who", "why",
    "yet", "you"};

// Words after which an abbreviation tagged `final` does not end a sentence
// (w in lower case): month and weekday names in full or cut to three letters
// ("jan", "mon"), a few other cuts ("sept", "tues", "thurs") and the days
// around today.
bool calendar_word(std::string_view w) {
  static constexpr std::string_view kOthers[] = {"sept",  "tues",    "thur",     "thurs",
                                                 "today", "tonight", "tomorrow", "yesterday"};
  auto named = [&](std::string_view name) {
    return w == name || (w.size() == 3 && name.substr(0, 3) == w);
  };
  return std::any_of(kMonthNames.begin(), kMonthNames.end(), named) ||
         std::any_of(kWeekdayNames.begin(), kWeekdayNames.end(), named) ||
         std::find(std::begin(kOthers), std::end(kOthers), w) != std::end(kOthers);
}

template <size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  for (auto x : list)
    if (x == w) return true;
  return false;
}

// ASCII lower-casing into a small buffer; returns "" when s is long or not
// ASCII letters (callers only compare with ASCII word lists).
std::string_view ascii_lower(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return {};
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    else if (!(c >= 'a' && c <= 'z')) return {};
    buf[i] = c;
  }
  return std::string_view(buf, s.size());
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool all_ascii_upper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool all_ascii_alpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
  return true;
}

}  // namespace

// The per-call scanning state (the Tokenizer itself stays immutable).
class TokenizerScanner {
 public:
  TokenizerScanner(const Tokenizer& tok, std::string_view text, std::vector<TokenizedWord>& out)
      : tok_(tok), s_(text), out_(out) {}

  void run(size_t begin, size_t end);

 private:
  // A maximal run of word characters inside a word run, and the connector
  // that follows it.
  struct Seg {
    uint32_t b, e;         // the word characters
    uint32_t conn = 0;     // byte offset of the connector after it (0 = none)
    uint8_t conn_len = 0;  // its length in bytes
    char conn_char = 0;    // '.', ',', ':', '-', '/', '&', '@', '\'' (also for ’ ‐ ‑)
  };
  enum class Cut : uint8_t { Keep, Split, SplitBreak, SplitAfterDot, Clitic, CliticNT };

  Cls cls_at(size_t i, size_t& len, char32_t& cp) const {
    auto c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) {
      len = 1;
      cp = c;
      return kAscii[c];
    }
    size_t j = i;
    cp = next_code_point(s_, j);
    if (j > s_.size()) {  // truncated sequence (invalid input): one symbol byte
      len = 1;
      return kSymbol;
    }
    len = j - i;
    return classify_non_ascii(cp);
  }
  Cls cls_at(size_t i) const {
    size_t len;
    char32_t cp;
    return cls_at(i, len, cp);
  }
  // Class of the code point that ends just before i (i > 0).
  Cls cls_before(size_t i) const {
    size_t j = i - 1;
    while (j > 0 && (static_cast<unsigned char>(s_[j]) & 0xC0) == 0x80) --j;
    return cls_at(j);
  }

  void emit(size_t b, size_t e, Kind kind, bool joined = false) {
    TokenizedWord w;
    w.begin = static_cast<uint32_t>(b);
    w.end = static_cast<uint32_t>(e);
    w.sentence_start = pending_break_;
    w.joined_next = joined;
    pending_break_ = false;
    out_.push_back(w);
    kinds_.push_back(kind);
  }
  void emit_word(size_t b, size_t e, bool joined);
  void chunk(size_t cs, size_t ce);
  size_t word_run(size_t p, size_t ce);
  // Segments segs_[a..b] joined by one kind of connector.
  struct Chain {
    size_t a = 0, b = 0;
    bool digits = true;   // all segments are ASCII digits
    bool letters = true;  // all segments are single ASCII letters
    size_t maxlen = 0;    // longest segment in bytes
  };
  Cut cut_at(size_t k);
  size_t try_url(size_t p, size_t ce) const;
  size_t punct_run(size_t p, size_t ce, Cls k, size_t len, size_t cs);
  size_t apostrophe(size_t p, size_t ce, Cls k, size_t len, size_t cs);
  void attach_period(size_t q, size_t ce);
  void split_sentences(size_t first);
  void split_datelines(size_t first);
  bool capitals_word(size_t i) const;
  bool ends_sentence_abbrev(size_t i, size_t n) const;

  const Tokenizer& tok_;
  std::string_view s_;
  std::vector<TokenizedWord>& out_;
  std::vector<Kind> kinds_;  // parallel to out_ from first_
  std::vector<Seg> segs_;
  Chain chain_;               // cache for cut_at
  size_t first_ = 0;          // index in out_ of the first word of this call
  bool pending_break_ = true; // the next word starts a sentence
  bool single_open_ = false;  // a single quote is open in this paragraph
  bool double_open_ = false;  // a double quote is open in this paragraph
};

void TokenizerScanner::run(size_t begin, size_t end) {
  first_ = out_.size();
  kinds_.reserve((end - begin) / 4 + 8);
  size_t i = begin;
  while (i < end) {
    auto c = static_cast<unsigned char>(s_[i]);
    Cls k;
    size_t len = 1;
    if (c < 0x80) {
      k = kAscii[c];
    } else {
      char32_t cp;
      k = cls_at(i, len, cp);
    }
    if (k == kSpace || k == kNewline) {
      if (k == kNewline) {
        pending_break_ = true;
        single_open_ = double_open_ = false;
      }
      i += len;
      continue;
    }
    // A chunk: the maximal run of non-space characters.
    size_t ce = i + len;
    while (ce < end) {
      auto d = static_cast<unsigned char>(s_[ce]);
      if (d < 0x80) {
        if (kAscii[d] == kSpace || kAscii[d] == kNewline) break;
        ++ce;
      } else {
        size_t l;
        char32_t cp;
        Cls kk = cls_at(ce, l, cp);
        if (kk == kSpace || kk == kNewline) break;
        ce += l;
      }
    }
    chunk(i, ce);
    i = ce;
  }
  // space_after
  for (size_t w = first_; w < out_.size(); ++w)
    out_[w].space_after = w + 1 == out_.size() || out_[w].end != out_[w + 1].begin;
  split_sentences(first_);
  split_datelines(first_);
}

// Returns the end of a URL starting at p, or p when there is none.
size_t TokenizerScanner::try_url(size_t p, size_t ce) const {
  auto starts = [&](std::string_view prefix) {
    if (ce - p < prefix.size() + 1) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = s_[p + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != prefix[i]) return false;
    }
    return true;
  };
  char c = static_cast<char>(s_[p] | 0x20);
  if (c != 'h' && c != 'w' && c != 'f' && c != 'm') return p;
  if (!(starts("http://") || starts("https://") || starts("www.") || starts("ftp://") ||
        starts("mailto:")))
    return p;
  size_t q = p;
  int parens = 0;
  while (q < ce && q - p < Tokenizer::kMaxWordBytes) {
    auto d = static_cast<unsigned char>(s_[q]);
    if (d == '"' || d == '<' || d == '>' || d >= 0x80) break;  // quotes end a URL
    if (d == '(') ++parens;
    if (d == ')') --parens;
    ++q;
  }
  // Trailing punctuation is not part of the URL.
  while (q > p + 4) {
    char e = s_[q - 1];
    if (e == '.' || e == ',' || e == ';' || e == ':' || e == '!' || e == '?' || e == '\'' ||
        e == ']' || e == '}' || (e == ')' && parens < 0)) {
      if (e == ')') ++parens;
      --q;
    } else {
      break;
    }
  }
  return q;
}

void TokenizerScanner::chunk(size_t cs, size_t ce) {
  size_t p = cs;
  while (p < ce) {
    size_t len;
    char32_t cp;
    Cls k = cls_at(p, len, cp);
    if (is_word_cls(k)) {
      if (p == cs || !is_word_cls(cls_before(p))) {
        size_t q = try_url(p, ce);
        if (q > p) {
          emit(p, q, Kind::Word);
          p = q;
          continue;
        }
      }
      p = word_run(p, ce);
      continue;
    }
    if (k == kApos || k == kLQuote1) {
      p = apostrophe(p, ce, k, len, cs);
      continue;
    }
    // "#tag", "@handle", "+44", ".5": a sign glued to the word that follows.
    if ((cp == '#' || cp == '@' || cp == '+' || cp == '.') && p + 1 < ce &&
        (p == cs || !is_word_cls(cls_before(p)))) {
      Cls next = cls_at(p + 1);
      bool glue = (cp == '#' && next == kAlpha) || (cp == '@' && is_word_cls(next)) ||
                  ((cp == '+' || cp == '.') && next == kDigit);
      if (glue) {
        size_t before = out_.size();
        size_t q = word_run(p + 1, ce);
        if (out_.size() > before) out_[before].begin = static_cast<uint32_t>(p);
        p = q;
        continue;
      }
    }
    // Emoticons :) :( ;) :-) :D
    if ((cp == ':' || cp == ';') && p + 1 < ce) {
      size_t q = p + 1;
      if (s_[q] == '-' && q + 1 < ce) ++q;
      char m = s_[q];
      if ((m == ')' || m == '(' || m == 'D' || m == 'P') &&
          (q + 1 == ce || !is_word_cls(cls_at(q + 1))) && (p == cs || cls_before(p) != kDigit)) {
        emit(p, q + 1, Kind::Symbol);
        p = q + 1;
        continue;
      }
    }
    p = punct_run(p, ce, k, len, cs);
  }
}

// Punctuation that is not part of a word run.
size_t TokenizerScanner::punct_run(size_t p, size_t ce, Cls k, size_t len, size_t cs) {
  size_t q = p + len;
  if (k == kSymbol) {
    // A symbol with its modifiers (variation selectors, skin tones, ZWJ sequences, flags).
    while (q < ce) {
      size_t l;
      char32_t cp;
      cls_at(q, l, cp);
      if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
          (cp >= 0x1F1E6 && cp <= 0x1F1FF && q - p < 8) || cp == 0x20E3) {
        q += l;
      } else if (cp == 0x200D && q + l < ce && cls_at(q + l) == kSymbol) {
        size_t l2;
        char32_t cp2;
        cls_at(q + l, l2, cp2);
        q += l + l2;
      } else {
        break;
      }
      if (q - p > 64) break;
    }
    emit(p, q, Kind::Symbol);
    return q;
  }
  if (k == kTerm || k == kEllipsis) {
    // . ! ? … runs: one word ("...", "?!", "!!!").
    bool dots_only = true, has_ellipsis = k == kEllipsis;
    if (k == kTerm && s_[p] != '.') dots_only = false;
    while (q < ce && q - p < Tokenizer::kMaxWordBytes) {
      size_t l;
      char32_t cp;
      Cls kk = cls_at(q, l, cp);
      if (kk != kTerm && kk != kEllipsis) break;
      if (kk == kEllipsis) has_ellipsis = true;
      else if (cp != '.') dots_only = false;
      q += l;
    }
    // "..", "...", "…" are ellipses; ".", "?!", "!!!", ".?" end sentences.
    bool ellipsis = dots_only && (q - p >= 2 || has_ellipsis);
    emit(p, q, ellipsis ? Kind::Ellipsis : Kind::Terminal);
    return q;
  }
  if (k == kDQuote) {
    // Opening when it starts the chunk or follows an opener; closing after
    // a word or punctuation; alone between spaces it flips the quote state.
    bool at_start = p == cs || cls_before(p) == kOpen;
    bool alone = at_start && q == ce;
    Kind kind;
    if (alone) kind = double_open_ ? Kind::Close : Kind::Open;
    else kind = at_start ? Kind::Open : Kind::Close;
    double_open_ = kind == Kind::Open;
    emit(p, q, kind);
    return q;
  }
  // Runs of the same character are one word ("--", "**", "((", "<<").
  auto first = static_cast<unsigned char>(s_[p]);
  while (q + len <= ce && q - p < Tokenizer::kMaxWordBytes &&
         s_.compare(q, len, s_.substr(p, len)) == 0)
    q += len;
  Kind kind = Kind::Punct;
  if (k == kOpen || k == kLQuote1) kind = Kind::Open;
  else if (k == kClose) kind = Kind::Close;
  else if (first == '`') kind = Kind::Open;
  emit(p, q, kind);
  return q;
}

// An apostrophe or single quote that is not inside a word run.
size_t TokenizerScanner::apostrophe(size_t p, size_t ce, Cls k, size_t len, size_t cs) {
  size_t q = p + len;
  bool after_word = p > cs && is_word_cls(cls_before(p));
  bool after_open = p > cs && cls_before(p) == kOpen;
  // A clitic after a non-word ("U.S.'s", "Smith)'s").
  if (p > cs && k == kApos && q < ce) {
    size_t r = q;
    while (r < ce && r - q < 3 && kAscii[static_cast<unsigned char>(s_[r]) & 0x7F] == kAlpha &&
           static_cast<unsigned char>(s_[r]) < 0x80)
      ++r;
    char buf[4];
    std::string_view w = ascii_lower(s_.substr(q, r - q), buf, sizeof buf);
    if ((w == "s" || w == "re" || w == "ll" || w == "ve" || w == "d" || w == "m") &&
        (r == ce || !is_word_cls(cls_at(r)))) {
      if (out_.size() > first_) out_.back().joined_next = true;
      emit(p, r, Kind::Clitic);
      return r;
    }
  }
  // Decades: '90s, ’72
  if ((p == cs || !after_word) && q < ce && cls_at(q) == kDigit) {
    size_t r = q;
    while (r < ce && s_[r] >= '0' && s_[r] <= '9') ++r;
    if (r - q == 2 || r - q == 4) {
      if (r < ce && s_[r] == 's') ++r;
      if (r == ce || !is_word_cls(cls_at(r))) {
        emit(p, r, Kind::Word);
        return r;
      }
    }
  }
  // Runs of two or more apostrophes ('' as a double quote).
  size_t r = q;
  while (r < ce && r - p < 16 && s_.compare(r, len, s_.substr(p, len)) == 0) r += len;
  if (r - q >= len) {
    emit(p, r, (after_word || (p > cs && !after_open)) ? Kind::Close : Kind::Open);
    return r;
  }
  if (k == kLQuote1) {
    single_open_ = true;
    emit(p, q, Kind::Open);
    return q;
  }
  if (after_word) {
    char prev = s_[p - 1];
    if (!single_open_ && (prev == 's' || prev == 'S' || prev == 'z' || prev == 'x')) {
      out_.back().joined_next = true;  // plural possessive: "parents'"
      emit(p, q, Kind::Clitic);
    } else {
      single_open_ = false;
      emit(p, q, Kind::Close);
    }
    return q;
  }
  if (p > cs && !after_open) {  // after punctuation: "... end.'"
    single_open_ = false;
    emit(p, q, Kind::Close);
    return q;
  }
  bool alone = q == ce;
  bool open = alone ? !single_open_ : true;
  // ’ at the start of a chunk is an opening quote only in sloppy text.
  single_open_ = open;
  emit(p, q, open ? Kind::Open : Kind::Close);
  return q;
}

// Decides what happens at the connector after segs_[k].
TokenizerScanner::Cut TokenizerScanner::cut_at(size_t k) {
  const Seg& L = segs_[k];
  const Seg& R = segs_[k + 1];
  std::string_view ls = s_.substr(L.b, L.e - L.b), rs = s_.substr(R.b, R.e - R.b);
  auto last_is_digit = [&] { return ls.back() >= '0' && ls.back() <= '9'; };
  auto first_is_digit = [&] { return rs.front() >= '0' && rs.front() <= '9'; };
  auto one_cp = [](std::string_view w) {
    return !w.empty() && code_point_count(w) == 1;
  };
  // The chain of segments joined by the same connector around k, with its
  // properties (cached: long runs like "a-b-c-..." stay linear).
  auto chain = [&]() -> const Chain& {
    if (chain_.b > k && chain_.a <= k && segs_[chain_.a].conn_char == L.conn_char) return chain_;
    Chain c;
    c.a = k;
    while (c.a > 0 && segs_[c.a - 1].conn_char == L.conn_char) --c.a;
    c.b = k + 1;
    while (c.b + 1 < segs_.size() && segs_[c.b].conn_char == L.conn_char) ++c.b;
    for (size_t i = c.a; i <= c.b; ++i) {
      std::string_view w = s_.substr(segs_[i].b, segs_[i].e - segs_[i].b);
      c.digits = c.digits && all_digits(w);
      c.letters = c.letters && w.size() == 1 && all_ascii_alpha(w);
      c.maxlen = std::max(c.maxlen, w.size());
    }
    chain_ = c;
    return chain_;
  };
  switch (L.conn_char) {
    case '.': {
      if (last_is_digit() && first_is_digit()) return Cut::Keep;  // 1.5, 1,000.50, v2.1
      // "Mr.Smith", "Nov.28": the period belongs to the abbreviation.
      if (ls.size() >= 2 && tok_.abbreviations_.count(s_.substr(L.b, L.e + 1 - L.b)))
        return Cut::SplitAfterDot;
      size_t i = 0;
      char32_t r0 = next_code_point(rs, i);
      if (is_lower(r0) || is_digit(r0)) return Cut::Keep;        // Yahoo.com, node.js
      if (one_cp(ls)) return Cut::Keep;                          // U.S.A, J.R.R.
      if (one_cp(rs) && code_point_count(ls) <= 2) return Cut::Keep;  // Ph.D
      if (!is_upper(r0)) return Cut::Keep;                       // uncased scripts
      if (all_ascii_upper(ls) && all_ascii_upper(rs)) return Cut::Keep;  // ENRON.XLS
      char buf[8];
      std::string_view rl = ascii_lower(rs, buf, sizeof buf);
      if (!rl.empty() && in_list(kShortSentenceStarts, rl)) return Cut::SplitBreak;
      if (code_point_count(rs) <= 3 && k + 2 == segs_.size()) return Cut::Keep;  // News.Az
      return Cut::SplitBreak;                                    // efforts.Highlighting
    }
    case ',':
    case ':':
      return (last_is_digit() && first_is_digit()) ? Cut::Keep : Cut::Split;
    case '-': {
      const Chain& c = chain();
      size_t a = c.a, b = c.b;
      if (c.digits) {
        size_t n = b - a + 1;
        if (n >= 3) return Cut::Keep;  // 2024-05-06, 1-800-555-0100
        size_t l1 = segs_[a].e - segs_[a].b, l2 = segs_[b].e - segs_[b].b;
        return ((l1 == 3 || l1 == 5) && l2 == 4) ? Cut::Keep : Cut::Split;  // 555-0100
      }
      if (k == a) {
        char buf[8];
        std::string_view ll = ascii_lower(ls, buf, sizeof buf);
        if (!ll.empty() && in_list(kHyphenPrefixes, ll)) return Cut::Keep;  // non-violent
      }
      return Cut::Split;
    }
    case '/': {
      const Chain& c = chain();
      if (c.digits) return (c.b - c.a + 1 >= 3 || c.maxlen >= 2) ? Cut::Keep : Cut::Split;
      return c.letters ? Cut::Keep : Cut::Split;  // w/o, but and/or
    }
    case '&':
    case '@':
      return Cut::Keep;
    case '\'': {
      if (k + 2 != segs_.size()) return Cut::Keep;  // not the last connector: O'Neill's
      char buf[4];
      std::string_view rl = ascii_lower(rs, buf, sizeof buf);
      if (rl == "s" || rl == "re" || rl == "ll" || rl == "ve" || rl == "d" || rl == "m")
        return all_digits(ls) ? Cut::Keep : Cut::Clitic;  // 1990's stays whole
      if (rl == "t" && ls.size() >= 2 && (ls.back() == 'n' || ls.back() == 'N'))
        return Cut::CliticNT;
      return Cut::Keep;  // O'Brien, Qur'an
    }
    default:
      return Cut::Split;
  }
}

// Emits one word of a run, applying the word-internal splits of EWT.
void TokenizerScanner::emit_word(size_t b, size_t e, bool joined) {
  std::string_view w = s_.substr(b, e - b);
  if (w.size() == 5 || w.size() == 6) {
    char buf[8];
    std::string_view l = ascii_lower(w, buf, sizeof buf);
    size_t cut = 0;
    if (l == "cannot") cut = 3;
    else if (l == "gonna" || l == "wanna" || l == "gotta") cut = 3;
    if (cut) {
      emit(b, b + cut, Kind::Word, true);
      emit(b + cut, e, Kind::Word, joined);
      return;
    }
  }
  // Number + unit: "35mm" -> 35 mm, "5pm" -> 5 pm; but "3rd", "1990s", "F16", "86M" stay.
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') {
    size_t i = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    if (i < w.size() && i + 12 >= w.size() && all_ascii_alpha(w.substr(i))) {
      char buf[16];
      std::string_view suf = ascii_lower(w.substr(i), buf, sizeof buf);
      bool keep = suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "s";
      bool lower = true;
      for (size_t j = i; j < w.size(); ++j) lower = lower && w[j] >= 'a';
      if (!keep && (lower || suf == "am" || suf == "pm")) {
        emit(b, b + i, Kind::Word, false);
        emit(b + i, e, Kind::Word, joined);
        return;
      }
    }
  }
  emit(b, e, Kind::Word, joined);
}

// Scans a word run starting at p (a word character) and emits its words.
size_t TokenizerScanner::word_run(size_t p, size_t ce) {
  segs_.clear();
  chain_ = Chain();
  size_t q = p;
  bool email = false;
  while (true) {
    size_t sb = q;
    while (q < ce && q - p < Tokenizer::kMaxWordBytes) {
      auto c = static_cast<unsigned char>(s_[q]);
      if (c < 0x80) {
        if (!is_word_cls(kAscii[c])) break;
        ++q;
      } else {
        size_t l;
        char32_t cp;
        if (!is_word_cls(cls_at(q, l, cp))) break;
        if (q + l - p > Tokenizer::kMaxWordBytes) break;
        q += l;
      }
    }
    Seg seg{static_cast<uint32_t>(sb), static_cast<uint32_t>(q)};
    if (q >= ce || q - p >= Tokenizer::kMaxWordBytes) {
      segs_.push_back(seg);
      break;
    }
    // A connector followed by a word character continues the run.
    size_t l;
    char32_t cp;
    Cls k = cls_at(q, l, cp);
    char cc = 0;
    if (cp == '.' || cp == ',' || cp == ':' || cp == '/' || cp == '&' || cp == '@') {
      cc = static_cast<char>(cp);
    } else if (k == kHyphen) {
      cc = '-';
    } else if (k == kApos) {
      cc = '\'';
    }
    size_t l2 = 0;  // the word character after the connector must fit in the word
    char32_t cp2;
    if (cc && q + l < ce && is_word_cls(cls_at(q + l, l2, cp2)) &&
        q + l + l2 - p <= Tokenizer::kMaxWordBytes) {
      seg.conn = static_cast<uint32_t>(q);
      seg.conn_len = static_cast<uint8_t>(l);
      seg.conn_char = cc;
      if (cc == '@') email = true;
      segs_.push_back(seg);
      q += l;
      continue;
    }
    segs_.push_back(seg);
    break;
  }

  // Cut the run into words.
  size_t tb = segs_[0].b;
  bool clitic_next = false;
  size_t first_word = out_.size();
  for (size_t k = 0; k + 1 < segs_.size(); ++k) {
    Cut cut = email ? Cut::Keep : cut_at(k);
    const Seg& L = segs_[k];
    switch (cut) {
      case Cut::Keep:
        break;
      case Cut::Split:
        emit_word(tb, L.e, false);
        emit(L.conn, L.conn + L.conn_len, L.conn_char == '.' ? Kind::Terminal : Kind::Punct);
        tb = segs_[k + 1].b;
        break;
      case Cut::SplitBreak:
        emit_word(tb, L.e, false);
        emit(L.conn, L.conn + L.conn_len, Kind::Terminal);
        pending_break_ = true;
        tb = segs_[k + 1].b;
        break;
      case Cut::SplitAfterDot:
        emit(tb, L.conn + L.conn_len, Kind::Abbrev);
        tb = segs_[k + 1].b;
        break;
      case Cut::Clitic:
        emit_word(tb, L.e, true);
        tb = L.conn;
        clitic_next = true;
        break;
      case Cut::CliticNT:
        emit_word(tb, L.e - 1, true);
        tb = L.e - 1;
        clitic_next = true;
        break;
    }
  }
  if (clitic_next) emit(tb, segs_.back().e, Kind::Clitic);
  else emit_word(tb, segs_.back().e, false);
  q = segs_.back().e;
  if (q < ce && s_[q] == '.' && out_.size() > first_word) attach_period(q, ce);
  return out_[out_.size() - 1].end;
}

// The word just emitted ends at q and a period follows: attach the period
// when the word is an abbreviation or an initial.
void TokenizerScanner::attach_period(size_t q, size_t ce) {
  if (q + 1 < ce && s_[q + 1] == '.') return;  // ellipsis
  TokenizedWord& w = out_.back();
  if (kinds_.back() != Kind::Word || w.end != q) return;
  std::string_view with_dot = s_.substr(w.begin, q + 1 - w.begin);
  Kind kind = Kind::Word;
  auto it = tok_.abbreviations_.find(with_dot);
  if (it == tok_.abbreviations_.end() && with_dot.size() <= 16 && with_dot[0] >= 'A' &&
      with_dot[0] <= 'Z') {
    char buf[16];
    std::copy(with_dot.begin(), with_dot.end(), buf);
    buf[0] = static_cast<char>(buf[0] + 32);
    it = tok_.abbreviations_.find(std::string_view(buf, with_dot.size()));
  }
  if (it != tok_.abbreviations_.end()) {
    kind = it->second ? Kind::AbbrevFinal : Kind::Abbrev;
  } else {
    // A capital initial ("J.") or letters joined by periods ("U.S", "e.g").
    std::string_view body = with_dot.substr(0, with_dot.size() - 1);
    size_t i = 0;
    char32_t c0 = next_code_point(body, i);
    if (i == body.size()) {
      if (is_upper(c0)) kind = Kind::Abbrev;
    } else {
      bool dotted = true;
      size_t j = 0;
      while (j < body.size() && dotted) {
        char32_t c = next_code_point(body, j);
        dotted = is_letter(c) && (j == body.size() || body[j] == '.');
        if (j < body.size()) ++j;
      }
      if (dotted) kind = Kind::Abbrev;
    }
  }
  if (kind == Kind::Word) return;
  w.end = static_cast<uint32_t>(q + 1);
  kinds_.back() = kind;
}

bool TokenizerScanner::ends_sentence_abbrev(size_t i, size_t n) const {
  Kind k = kinds_[i - first_];
  if (k != Kind::Abbrev && k != Kind::AbbrevFinal) return false;
  if (i + 1 < n && !out_[i + 1].sentence_start) return false;
  return out_[i].end - out_[i].begin >= 2 && s_[out_[i].end - 1] == '.';
}

// A word in capitals ("MOSCOW", "D.C."): at least two capital letters, no
// lower-case letter.
bool TokenizerScanner::capitals_word(size_t i) const {
  int upper = 0;
  for (size_t p = out_[i].begin; p < out_[i].end; ++p) {
    const char c = s_[p];
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2;
}

// A dateline opening a line ("MOSCOW, March 5 (Reuters) - Putin met ...",
// "NEW YORK (AP) — ...") is a sentence of its own: the word after its dash
// starts the story's first sentence.
void TokenizerScanner::split_datelines(size_t first) {
  const size_t n = out_.size();
  for (size_t i = first; i < n; ++i) {
    if (!out_[i].sentence_start) continue;
    const size_t b = out_[i].begin;
    if (b > 0 && s_[b - 1] != '\n') continue;
    size_t k = i;
    while (k < n && k - i < 5 && capitals_word(k)) ++k;
    if (k == i) continue;
    for (size_t j = k; j + 1 < n && j - k < 12 && !out_[j + 1].sentence_start; ++j) {
      const std::string_view w = s_.substr(out_[j].begin, out_[j].end - out_[j].begin);
      if (w == "-" || w == "--" || w == "\u2014" || w == "\u2013") {
        if (out_[j].space_after && j > 0 && out_[j - 1].space_after) out_[j + 1].sentence_start = true;
        break;
      }
      if (kinds_[j - first] == Kind::Terminal) break;
    }
  }
}

void TokenizerScanner::split_sentences(size_t first) {
  size_t n = out_.size();
  if (n > first) out_[first].sentence_start = true;
  auto kind = [&](size_t i) { return kinds_[i - first]; };
  for (size_t i = first; i + 1 < n; ++i) {
    Kind k = kind(i);
    std::string_view word = s_.substr(out_[i].begin, out_[i].end - out_[i].begin);
    if (k == Kind::Symbol && (word[0] == ':' || word[0] == ';')) {
      // An emoticon ends its sentence: "... nice :) Then".
      size_t ci = 0;
      std::string_view next = s_.substr(out_[i + 1].begin);
      if (out_[i].space_after && is_upper(next_code_point(next, ci)))
        out_[i + 1].sentence_start = true;
      continue;
    }
    if (k != Kind::Terminal && k != Kind::Ellipsis && k != Kind::AbbrevFinal) continue;
    // A list enumerator opening a sentence ("2. In Section 3 ...") does not end it.
    if (word == "." && i > first && out_[i - 1].sentence_start &&
        out_[i - 1].end == out_[i].begin &&
        out_[i - 1].end - out_[i - 1].begin <= 2 && s_[out_[i - 1].begin] >= '0' &&
        s_[out_[i - 1].begin] <= '9')
      continue;
    size_t j = i + 1;
    // Closing quotes and brackets stay with the sentence they close.
    while (j < n && !out_[j].sentence_start && kind(j) == Kind::Close) ++j;
    if (j >= n || out_[j].sentence_start) continue;
    Kind nk = kind(j);
    std::string_view next = s_.substr(out_[j].begin, out_[j].end - out_[j].begin);
    size_t ci = 0;
    char32_t c = next_code_point(next, ci);
    bool boundary = false;
    if (k == Kind::Terminal) {
      boundary = is_upper(c) || is_digit(c) || nk == Kind::Open || (is_letter(c) && !is_lower(c));
      if (out_[j - 1].space_after && nk != Kind::Symbol && nk != Kind::Clitic &&
          nk != Kind::Terminal) {
        if (nk == Kind::Word) {
          // "... interested. jill allen": a lower-case start after a plain
          // terminal (not after a closing quote: '"Really?" asked Bush').
          boundary = boundary || j == i + 1;
        } else {
          // "... win. - Eleanor Roosevelt", "... well. $5 million", "... end. ..."
          boundary = boundary || !(c == ',' || c == ';' || c == ':' || c == '%');
        }
      }
    } else if (k == Kind::Ellipsis) {
      boundary = is_upper(c) && out_[j - 1].space_after;  // not "...so" or "...I" inside a quote
    } else {  // AbbrevFinal
      if (is_upper(c)) {
        char buf[16];
        std::string_view l = ascii_lower(next, buf, sizeof buf);
        boundary = l.empty() || !calendar_word(l);
      }
    }
    if (boundary) out_[j].sentence_start = true;
  }
  // EWT convention: an abbreviation that ends a sentence gives its period to
  // the sentence ("... and so on, etc" + ".").
  size_t splits = 0;
  for (size_t i = first; i < n; ++i)
    splits += ends_sentence_abbrev(i, n);
  if (splits) {
    std::vector<TokenizedWord> words(out_.begin() + first, out_.end());
    std::vector<Kind> kinds(kinds_);
    out_.resize(first);
    kinds_.clear();
    for (size_t w = 0; w < words.size(); ++w) {
      if (kinds[w] == Kind::Abbrev || kinds[w] == Kind::AbbrevFinal) {
        bool last = w + 1 == words.size() || words[w + 1].sentence_start;
        if (last && words[w].end - words[w].begin >= 2 && s_[words[w].end - 1] == '.') {
          TokenizedWord dot = words[w];
          dot.begin = dot.end - 1;
          dot.sentence_start = false;
          words[w].end = dot.begin;
          words[w].space_after = false;
          words[w].joined_next = false;
          out_.push_back(words[w]);
          kinds_.push_back(Kind::Word);
          out_.push_back(dot);
          kinds_.push_back(Kind::Terminal);
          continue;
        }
      }
      out_.push_back(words[w]);
      kinds_.push_back(kinds[w]);
    }
    n = out_.size();
  }
  // Cap sentence length.
  int run = 0;
  for (size_t i = first; i < n; ++i) {
    if (out_[i].sentence_start) run = 0;
    if (++run > Tokenizer::kMaxSentenceWords) {
      out_[i].sentence_start = true;
      run = 1;
    }
  }
}

Tokenizer::Tokenizer() : Tokenizer(data_path("lexicon/abbreviations.txt")) {}

Tokenizer::Tokenizer(const std::filesystem::path& path) {
  read_lexicon(path, LexiconFormat::Words, [&](const LexiconLine& line) {
    const auto& fields = line.fields;
    if (fields.size() > 2) throw line.error("expected an abbreviation and an optional tag 'final'");
    if (fields.size() == 2 && fields[1] != "final")
      throw line.error("unknown tag '" + fields[1] + "'");
    const std::string& a = fields[0];
    if (a.size() < 2 || a.back() != '.') throw line.error("an abbreviation must end with '.'");
    if (a.size() > 15) throw line.error("abbreviation longer than 15 bytes");
    abbreviations_[a] = fields.size() == 2;
  });
}

void Tokenizer::tokenize(std::string_view text, size_t begin, size_t end,
                         std::vector<TokenizedWord>& out) const {
  end = std::min(end, text.size());
  if (begin >= end) return;
  TokenizerScanner scanner(*this, text.substr(0, end), out);
  scanner.run(begin, end);
}

void Tokenizer::process(Document& doc, std::vector<TokenizedWord>& words) const {
  words.clear();
  size_t end = doc.body_end == 0 ? doc.text.size()
                                  : std::min<size_t>(doc.body_end, doc.text.size());
  tokenize(doc.text, doc.body_begin, end, words);
  doc.tokens.clear();
  doc.sentences.clear();
  doc.tokens.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    Token& t = doc.tokens[i];
    t.begin = words[i].begin;
    t.end = words[i].end;
    t.form.assign(doc.text, words[i].begin, words[i].end - words[i].begin);
    t.space_after = words[i].space_after;
    if (words[i].sentence_start) {
      if (!doc.sentences.empty()) {
        Sentence& s = doc.sentences.back();
        s.last = static_cast<int>(i);
        s.end = words[i - 1].end;
      }
      Sentence s;
      s.first = static_cast<int>(i);
      s.begin = words[i].begin;
      doc.sentences.push_back(s);
    }
  }
  if (!doc.sentences.empty()) {
    doc.sentences.back().last = static_cast<int>(words.size());
    doc.sentences.back().end = words.back().end;
  }
}

void Tokenizer::process(Document& doc) const {
  std::vector<TokenizedWord> words;
  process(doc, words);
}

}  // namespace ng
