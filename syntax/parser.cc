// Dependency parser: transition system, features, compact weights, model
// file, greedy decoding, evaluation. See parser.h and parser_model.h.
#include "syntax/parser.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ostream>

#include "core/data_path.h"
#include "core/dates.h"
#include "core/error.h"
#include "core/text.h"
#include "syntax/model_io.h"
#include "syntax/parser_model.h"

namespace ng {
namespace parser_internal {

std::string normalize_word(std::string_view form) {
  std::string s(form);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return s;
}

uint32_t Vocab::word_id(std::string_view form) const {
  thread_local std::string buf;  // no allocation per call once warm
  buf.assign(form);
  for (char& c : buf) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  auto it = words.find(buf);
  return it == words.end() ? kUnknown : it->second;
}
uint32_t Vocab::xpos_id(const std::string& t) const {
  auto it = xpos.find(t);
  return it == xpos.end() ? kUnknown : it->second;
}
uint32_t Vocab::upos_id(const std::string& t) const {
  auto it = upos.find(t);
  return it == upos.end() ? kUnknown : it->second;
}

uint32_t word_shape(std::string_view form) {
  bool lower = false, upper = false, digit = false, first_upper = false;
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') {
      upper = true;
      if (i == 0) first_upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      lower = true;  // non-ASCII letters count as lower case
    }
  }
  if (digit) return 3;
  if (!lower && !upper) return 4;
  if (upper && !lower) return form.size() > 1 ? 2 : 1;
  if (first_upper) return 1;
  if (!upper) return 0;
  return 5;
}

void State::init(int words) {
  n = words;
  stack.clear();
  stack.reserve(words);
  b = 0;
  head.assign(n + 1, -1);
  label.assign(n + 1, -1);
  lc1.assign(n + 1, -1);
  lc2.assign(n + 1, -1);
  rc1.assign(n + 1, -1);
  rc2.assign(n + 1, -1);
  nl.assign(n + 1, 0);
  nr.assign(n + 1, 0);
  lset.assign(n + 1, 0);
  rset.assign(n + 1, 0);
}

void State::add_arc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  uint64_t bit = uint64_t{1} << (l & 63);
  if (d < h) {
    if (lc1[h] < 0 || d < lc1[h]) {
      lc2[h] = lc1[h];
      lc1[h] = d;
    } else if (lc2[h] < 0 || d < lc2[h]) {
      lc2[h] = d;
    }
    if (nl[h] < 255) ++nl[h];
    lset[h] |= bit;
  } else {
    if (rc1[h] < 0 || d > rc1[h]) {
      rc2[h] = rc1[h];
      rc1[h] = d;
    } else if (rc2[h] < 0 || d > rc2[h]) {
      rc2[h] = d;
    }
    if (nr[h] < 255) ++nr[h];
    rset[h] |= bit;
  }
}

void State::apply(int c, int num_labels) {
  if (c == 0) {
    stack.push_back(b++);
  } else if (c <= num_labels) {
    int s0 = stack.back();
    stack.pop_back();
    add_arc(b, s0, c - 1);
  } else {
    int s0 = stack.back();
    stack.pop_back();
    add_arc(stack.back(), s0, c - 1 - num_labels);
  }
}

namespace {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t step(uint64_t h, uint64_t a) {
  h = (h ^ a) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}
inline uint64_t fkey(uint64_t t, uint64_t a) { return mix64(step(t * 0x100000001B3ULL + 1, a)); }
inline uint64_t fkey(uint64_t t, uint64_t a, uint64_t b) {
  return mix64(step(step(t * 0x100000001B3ULL + 1, a), b));
}
inline uint64_t fkey(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return mix64(step(step(step(t * 0x100000001B3ULL + 1, a), b), c));
}

inline uint64_t dist_bucket(int d) {
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}
inline uint64_t cap(int v) { return static_cast<uint64_t>(v > 6 ? 6 : v); }

}  // namespace

namespace {

// The words a state's features read: the stack and buffer words, the children
// the templates look at (-1 / kNoWord when absent), and the derived values.
struct FeatureContext {
  FeatureContext(const State& s, const WordAtoms* A);
  const WordAtoms& at(int i) const { return i < 0 ? kNoWord : A[i]; }
  uint64_t lab(int i) const { return i < 0 ? kNone : static_cast<uint64_t>(s.label[i]); }
  // Verbs (or punctuation) strictly between words a and b, capped at 3.
  uint64_t between(int a, int b, uint16_t WordAtoms::*count) const {
    if (a < 0 || b < 0) return kNone;
    if (a > b) std::swap(a, b);
    int c = A[b].*count - A[a + 1].*count;
    return static_cast<uint64_t>(c > 3 ? 3 : c);
  }

  static constexpr WordAtoms kNoWord{};
  const State& s;
  const WordAtoms* A;
  int S0, S1, S2, B0, B1, B2;
  int s0l1, s0l2, s0r1, s0r2, s1l1, s1r1, s1r2, b0l1, b0l2;
};

FeatureContext::FeatureContext(const State& st, const WordAtoms* atoms) : s(st), A(atoms) {
  const int ns = static_cast<int>(s.stack.size());
  S0 = ns > 0 ? s.stack[ns - 1] : -1;
  S1 = ns > 1 ? s.stack[ns - 2] : -1;
  S2 = ns > 2 ? s.stack[ns - 3] : -1;
  B0 = s.b;
  B1 = s.b + 1 <= s.n ? s.b + 1 : -1;
  B2 = s.b + 2 <= s.n ? s.b + 2 : -1;
  auto ch = [](int i, const std::vector<int>& v) { return i < 0 ? -1 : v[i]; };
  s0l1 = ch(S0, s.lc1), s0l2 = ch(S0, s.lc2), s0r1 = ch(S0, s.rc1), s0r2 = ch(S0, s.rc2);
  s1l1 = ch(S1, s.lc1), s1r1 = ch(S1, s.rc1), s1r2 = ch(S1, s.rc2);
  b0l1 = ch(B0, s.lc1), b0l2 = ch(B0, s.lc2);
}

// Where a group's keys go: one after another, or each at its template id.
struct KeyOut {
  uint64_t* keys;
  bool at_template;
  int n = 0;
  void put(uint64_t t, uint64_t key) { keys[at_template ? static_cast<int>(t) : n] = key; ++n; }
  void operator()(uint64_t t, uint64_t a) { put(t, fkey(t, a)); }
  void operator()(uint64_t t, uint64_t a, uint64_t b) { put(t, fkey(t, a, b)); }
  void operator()(uint64_t t, uint64_t a, uint64_t b, uint64_t c) { put(t, fkey(t, a, b, c)); }
};

// The word and tag of a word as one value.
uint64_t word_tag(const WordAtoms& a) { return (static_cast<uint64_t>(a.w) << 32) | a.p; }

// The templates of each group, by template id (ids are part of the model:
// they are the order in which the templates were first listed).
void stack_word_features(const FeatureContext& c, KeyOut& F) {
  const WordAtoms &s0 = c.at(c.S0), &s1 = c.at(c.S1), &s2 = c.at(c.S2);
  F(0, s0.w); F(1, s0.p); F(2, word_tag(s0)); F(3, s0.u);
  F(4, s1.w); F(5, s1.p); F(6, word_tag(s1)); F(7, s1.u);
  F(8, s2.w); F(9, s2.p); F(10, word_tag(s2));
  // s1-s0 (a right arc candidate).
  F(29, word_tag(s1), word_tag(s0)); F(30, word_tag(s1), s0.w); F(31, s1.w, word_tag(s0));
  F(32, word_tag(s1), s0.p); F(33, s1.p, word_tag(s0)); F(34, s1.w, s0.w); F(35, s1.p, s0.p); F(36, s1.u, s0.u);
  F(48, s2.p, s1.p, s0.p);
  const uint64_t d2 = c.S1 >= 0 ? dist_bucket(c.S0 - c.S1) : kNone;
  F(104, s1.p, s0.p, d2); F(105, s1.w, s0.w, d2); F(106, s1.w, d2); F(107, s0.w, d2);
  // Verbs and punctuation strictly between (clause boundaries).
  F(120, s1.p, s0.p, c.between(c.S1, c.S0, &WordAtoms::verbs));
  F(121, s1.p, s0.p, c.between(c.S1, c.S0, &WordAtoms::puncts));
  // Shapes and suffixes.
  F(123, s0.suf); F(126, s0.suf, s0.p); F(128, s0.x, s0.p); F(132, s1.x, s0.x);
}

// S0's left children and S1's children (fixed while S0 is on the stack).
void stack_children_fixed(const FeatureContext& c, KeyOut& F) {
  const State& s = c.s;
  const WordAtoms &s0 = c.at(c.S0), &s1 = c.at(c.S1);
  const WordAtoms &S0L1 = c.at(c.s0l1), &S0L2 = c.at(c.s0l2);
  const WordAtoms &S1L1 = c.at(c.s1l1), &S1R1 = c.at(c.s1r1), &S1R2 = c.at(c.s1r2);
  F(56, S0L1.w); F(57, S0L1.p); F(58, S0L2.w); F(59, S0L2.p);
  F(64, S1L1.w); F(65, S1L1.p); F(66, S1R1.w); F(67, S1R1.p); F(68, S1R2.w); F(69, S1R2.p);
  F(74, c.lab(c.s0l1)); F(75, c.lab(c.s0l2));
  F(78, c.lab(c.s1l1)); F(79, c.lab(c.s1r1)); F(80, c.lab(c.s1r2));
  F(86, s1.p, s0.p, S0L1.p); F(88, s1.p, S1R1.p, s0.p); F(89, s1.p, S1L1.p, s0.p);
  F(90, s0.p, S0L1.p, S0L2.p); F(93, s1.p, S1R1.p, S1R2.p);
  F(94, s0.p, c.lab(c.s0l1), c.lab(c.s0l2)); F(97, s1.p, c.lab(c.s1r1), c.lab(c.s1r2));
  // Valency and label sets.
  const bool has_s0 = c.S0 >= 0, has_s1 = c.S1 >= 0;
  const uint64_t s0vl = has_s0 ? cap(s.nl[c.S0]) : kNone;
  const uint64_t s1vl = has_s1 ? cap(s.nl[c.S1]) : kNone, s1vr = has_s1 ? cap(s.nr[c.S1]) : kNone;
  F(110, s0.w, s0vl); F(111, s0.p, s0vl);
  F(112, s1.w, s1vr); F(113, s1.p, s1vr); F(114, s1.w, s1vl); F(115, s1.p, s1vl);
  const uint64_t s0sl = has_s0 ? s.lset[c.S0] : kNone;
  const uint64_t s1sl = has_s1 ? s.lset[c.S1] : kNone, s1sr = has_s1 ? s.rset[c.S1] : kNone;
  F(133, s0.w, s0sl); F(134, s0.p, s0sl);
  F(139, s1.w, s1sr); F(140, s1.p, s1sr); F(141, s1.p, s1sl);
}

void stack_right_features(const FeatureContext& c, KeyOut& F) {
  const State& s = c.s;
  const WordAtoms &s0 = c.at(c.S0), &s1 = c.at(c.S1);
  const WordAtoms &S0R1 = c.at(c.s0r1), &S0R2 = c.at(c.s0r2);
  F(60, S0R1.w); F(61, S0R1.p); F(62, S0R2.w); F(63, S0R2.p);
  F(76, c.lab(c.s0r1)); F(77, c.lab(c.s0r2));
  F(87, s1.p, s0.p, S0R1.p); F(91, s0.p, S0R1.p, S0R2.p);
  F(95, s0.p, c.lab(c.s0r1), c.lab(c.s0r2));
  const bool has_s0 = c.S0 >= 0;
  const uint64_t s0vr = has_s0 ? cap(s.nr[c.S0]) : kNone, s0sr = has_s0 ? s.rset[c.S0] : kNone;
  F(108, s0.w, s0vr); F(109, s0.p, s0vr);
  F(135, s0.w, s0sr); F(136, s0.p, s0sr);
}

void buffer_word_features(const FeatureContext& c, KeyOut& F) {
  const WordAtoms &b0 = c.at(c.B0), &b1 = c.at(c.B1), &b2 = c.at(c.B2);
  F(11, b0.w); F(12, b0.p); F(13, word_tag(b0)); F(14, b0.u);
  F(15, b1.w); F(16, b1.p); F(17, word_tag(b1));
  F(18, b2.w); F(19, b2.p); F(20, word_tag(b2));
  F(41, b0.p, b1.p); F(42, b0.w, b1.w); F(43, word_tag(b0), b1.p); F(44, b0.p, word_tag(b1));
  F(45, b0.p, b1.p, b2.p);
  F(124, b0.suf); F(125, b1.suf); F(127, b0.suf, b0.p); F(129, b0.x, b0.p); F(130, b1.x, b1.p);
}

void other_features(const FeatureContext& c, KeyOut& F) {
  const State& s = c.s;
  const WordAtoms &s0 = c.at(c.S0), &s1 = c.at(c.S1);
  const WordAtoms &b0 = c.at(c.B0), &b1 = c.at(c.B1);
  const WordAtoms &S0L1 = c.at(c.s0l1), &S0R1 = c.at(c.s0r1);
  const WordAtoms &B0L1 = c.at(c.b0l1), &B0L2 = c.at(c.b0l2);
  // s0-b0 (a left arc candidate), s1-b0.
  F(21, word_tag(s0), word_tag(b0)); F(22, word_tag(s0), b0.w); F(23, s0.w, word_tag(b0));
  F(24, word_tag(s0), b0.p); F(25, s0.p, word_tag(b0)); F(26, s0.w, b0.w); F(27, s0.p, b0.p); F(28, s0.u, b0.u);
  F(37, s1.p, b0.p); F(38, s1.w, b0.w); F(39, word_tag(s1), b0.p); F(40, s1.p, word_tag(b0));
  // Tag trigrams (with one word).
  F(46, s0.p, b0.p, b1.p); F(47, s1.p, s0.p, b0.p); F(49, s1.p, s0.p, b1.p);
  F(50, s0.w, b0.p, b1.p); F(51, s0.p, b0.w, b1.p); F(52, s1.w, s0.p, b0.p);
  F(53, s1.p, s0.w, b0.p); F(54, s1.p, s0.p, b0.w); F(55, s1.u, s0.u, b0.u);
  // B0's children.
  F(70, B0L1.w); F(71, B0L1.p); F(72, B0L2.w); F(73, B0L2.p);
  F(81, c.lab(c.b0l1)); F(82, c.lab(c.b0l2));
  F(83, s0.p, S0L1.p, b0.p); F(84, s0.p, S0R1.p, b0.p); F(85, s0.p, b0.p, B0L1.p);
  F(92, b0.p, B0L1.p, B0L2.p); F(96, b0.p, c.lab(c.b0l1), c.lab(c.b0l2));
  // Distance.
  const uint64_t d = c.S0 >= 0 ? dist_bucket(c.B0 - c.S0) : kNone;
  F(98, s0.w, d); F(99, s0.p, d); F(100, b0.w, d); F(101, b0.p, d); F(102, s0.w, b0.w, d);
  F(103, s0.p, b0.p, d);
  const uint64_t b0vl = cap(s.nl[c.B0]), b0sl = s.lset[c.B0];
  F(116, b0.w, b0vl); F(117, b0.p, b0vl);
  F(118, s0.p, b0.p, c.between(c.S0, c.B0, &WordAtoms::verbs));
  F(119, s0.p, b0.p, c.between(c.S0, c.B0, &WordAtoms::puncts));
  F(122, s1.p, b0.p, c.between(c.S1, c.B0, &WordAtoms::verbs));
  F(131, s0.x, b0.x);
  F(137, b0.w, b0sl); F(138, b0.p, b0sl);
}

void write_group(FeatureGroup g, const FeatureContext& c, KeyOut& out) {
  switch (g) {
    case kStack:
      stack_word_features(c, out);
      return stack_children_fixed(c, out);
    case kStackRight: return stack_right_features(c, out);
    case kBuffer: return buffer_word_features(c, out);
    default: return other_features(c, out);
  }
}

}  // namespace

void group_features(FeatureGroup g, const State& s, const WordAtoms* atoms, uint64_t* keys) {
  KeyOut out{keys, false};
  write_group(g, FeatureContext(s, atoms), out);
  if (out.n != kGroupSize[g]) std::abort();  // kGroupSize out of date
}

void extract_features(const State& s, const WordAtoms* atoms, uint64_t* keys) {
  const FeatureContext c(s, atoms);
  KeyOut out{keys, true};
  for (int g = 0; g < kNumGroups; ++g) write_group(static_cast<FeatureGroup>(g), c, out);
  if (out.n != kNumFeatures) std::abort();  // kNumFeatures out of date
}

void Weights::build(const std::vector<Feature>& features, int classes) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets = {0};
  std::vector<Entry> entries;
  keys.reserve(features.size());
  offsets.reserve(features.size() + 1);
  for (const Feature& f : features) {
    keys.push_back(f.key);
    entries.insert(entries.end(), f.classes.begin(), f.classes.end());
    offsets.push_back(static_cast<uint32_t>(entries.size()));
  }
  build_flat(keys, offsets, entries, classes);
}

void Weights::build_flat(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& offsets,
                         const std::vector<Entry>& entries, int classes) {
  if (classes > kMaxClasses)
    throw Error("parser weights: " + std::to_string(classes) + " classes, at most " +
                std::to_string(kMaxClasses) + " are supported");
  num_classes = classes;
  none = Slot{};
  size_t nb = 16;
  while (nb * 8 * 5 < keys.size() * 8) nb <<= 1;  // load <= 0.625
  buckets.assign(nb, Bucket{});
  mask = nb - 1;
  spilled.assign(nb, 0);
  overflow.clear();
  dense.clear();
  stride = (classes + 15) / 16 * 16;
  nfeatures = 0;
  {  // reserve the side tables once (growing them dominated model loading)
    size_t ndense = 0, nover = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      const size_t n = offsets[i + 1] - offsets[i];
      if (n >= kDenseMin)
        ++ndense;
      else if (n > 2)
        nover += n + 1;
    }
    dense.reserve(ndense * stride);
    overflow.reserve(nover);
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    const Entry* cls = entries.data() + offsets[i];
    const size_t n = offsets[i + 1] - offsets[i];
    const uint16_t fp = fingerprint(keys[i]);
    uint64_t bi = keys[i] & mask;
    Slot* slot = nullptr;
    bool clash = false;
    for (;; bi = (bi + 1) & mask) {
      for (Slot& sl : buckets[bi].s) {
        if (sl.fp == fp) clash = true;  // same fingerprint on the probe path: drop
        if (sl.fp == 0 && !slot) slot = &sl;
      }
      if (slot || clash) break;
      spilled[bi] = 1;
    }
    if (clash || n == 0) continue;
    ++nfeatures;
    slot->fp = fp;
    auto set_offset = [&](uint8_t marker, size_t off) {
      slot->c1 = marker;
      slot->w1 = static_cast<int16_t>(static_cast<uint16_t>(off >> 16));
      slot->w2 = static_cast<int16_t>(static_cast<uint16_t>(off & 0xFFFF));
    };
    if (n <= 2) {
      slot->c1 = static_cast<uint8_t>(cls[0].first);
      slot->w1 = cls[0].second;
      if (n == 2) {
        slot->c2 = static_cast<uint8_t>(cls[1].first);
        slot->w2 = cls[1].second;
      }
    } else if (n >= kDenseMin) {
      set_offset(kDense, dense.size());
      const size_t off = dense.size();
      dense.resize(dense.size() + stride, 0);
      for (size_t k = 0; k < n; ++k) dense[off + cls[k].first] = cls[k].second;
    } else {
      set_offset(kSparse, overflow.size());
      overflow.push_back(static_cast<uint32_t>(n));
      for (size_t k = 0; k < n; ++k)
        overflow.push_back((static_cast<uint32_t>(cls[k].first) << 16) |
                           static_cast<uint16_t>(cls[k].second));
    }
  }
}

const Weights::Slot* Weights::find_spilled(uint64_t key) const {
  const uint16_t fp = fingerprint(key);
  uint64_t bi = key & mask;
  for (uint64_t steps = 0; spilled[bi] && steps <= mask; ++steps) {  // bounded: corrupt files
    bi = (bi + 1) & mask;
    const Slot* hit = probe(buckets[bi], fp);
    if (hit != &none) return hit;
  }
  return &none;
}

void compute_atoms(const Vocab& v, const Token* tokens, int n, std::vector<WordAtoms>& atoms) {
  atoms.resize(n + 1);
  for (int i = 0; i < n; ++i) {
    const std::string& f = tokens[i].form;
    atoms[i].w = v.word_id(f);
    atoms[i].p = v.xpos_id(tokens[i].xpos);
    atoms[i].u = v.upos_id(tokens[i].upos);
    atoms[i].x = word_shape(f) + (i == 0 ? 8 : 0);
    uint32_t h = 2166136261u;  // FNV-1a of the lower-cased last three bytes
    for (size_t j = f.size() > 3 ? f.size() - 3 : 0; j < f.size(); ++j) {
      char c = f[j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    atoms[i].suf = h;
  }
  uint16_t verbs = 0, puncts = 0;
  for (int i = 0; i < n; ++i) {
    atoms[i].verbs = verbs;
    atoms[i].puncts = puncts;
    const std::string& u = tokens[i].upos;
    if (u == "VERB" || u == "AUX") ++verbs;
    else if (u == "PUNCT") ++puncts;
  }
  atoms[n] = WordAtoms{kRootAtom, kRootAtom, kRootAtom, kRootAtom, kRootAtom, verbs, puncts};
}

std::unique_ptr<const Weights> resident_weights(const Weights& w) {
  auto copy = std::make_unique<Weights>(w);
  copy->buckets = resident_copy(w.buckets);
  copy->spilled = resident_copy(w.spilled);
  copy->overflow = resident_copy(w.overflow);
  copy->dense = resident_copy(w.dense);
  return copy;
}

namespace {

// The weights of the features of parser states, summed once per sentence
// position for the stack and buffer groups (see FeatureGroup) instead of once
// per transition. Integer sums: the scores are exactly those of adding every
// feature's weights (Weights::add_all on extract_features).
class StateScorer {
 public:
  // Starts a sentence of n words scored with w (which must outlive the sentence).
  void start(const Weights& w, int n);
  // Sets scores[0..stride) to the summed weights of the features of s (whose
  // stack is not empty); scores has Weights::kScoreCells cells.
  void score(const State& s, const WordAtoms* atoms, int32_t* scores);

 private:
  int32_t* row(std::vector<int32_t>& v, int i) {
    return v.data() + static_cast<size_t>(i) * stride_;
  }

  const Weights* w_ = nullptr;
  int stride_ = 0;
  // Per position i, stride sums each: the kStack group with S0 = i, both
  // stack groups with S0 = i (for S0's rightmost child stack_for_[i]), the
  // kBuffer group with B0 = i.
  std::vector<int32_t> fixed_, stack_, buffer_;
  std::vector<uint8_t> fixed_done_, buffer_done_;
  std::vector<int> stack_for_;  // rc1[i] when stack_ was summed; -2 = not yet
  std::vector<int32_t> sums_;  // kScoreCells scratch cells per group
};

void StateScorer::start(const Weights& w, int n) {
  w_ = &w;
  stride_ = w.stride;
  const size_t cells = static_cast<size_t>(n + 1) * stride_;
  for (auto* v : {&fixed_, &stack_, &buffer_})
    if (v->size() < cells) v->resize(cells);
  fixed_done_.assign(n + 1, 0);
  buffer_done_.assign(n + 1, 0);
  stack_for_.assign(n + 1, -2);
  sums_.resize(static_cast<size_t>(kNumGroups) * Weights::kScoreCells);
}

// Adds up the groups whose sums are not known yet and kOther in one
// Weights::add_runs (so that all their cache misses overlap), keeps the new
// sums, and adds the known ones to kOther's.
void StateScorer::score(const State& s, const WordAtoms* atoms, int32_t* scores) {
  const int S0 = s.stack.back(), B0 = s.b;
  const bool stack_known = stack_for_[S0] == s.rc1[S0];
  FeatureGroup groups[kNumGroups];
  int runs = 0;
  if (!stack_known && !fixed_done_[S0]) groups[runs++] = kStack;
  if (!stack_known) groups[runs++] = kStackRight;
  if (!buffer_done_[B0]) groups[runs++] = kBuffer;
  groups[runs++] = kOther;
  uint64_t keys[kNumFeatures];
  int ends[kNumGroups];
  int32_t* outs[kNumGroups];
  for (int r = 0, nk = 0; r < runs; ++r) {
    group_features(groups[r], s, atoms, keys + nk);
    ends[r] = nk += kGroupSize[groups[r]];
    outs[r] = r + 1 < runs ? sums_.data() + static_cast<size_t>(r) * Weights::kScoreCells : scores;
    std::fill(outs[r], outs[r] + stride_, 0);
  }
  w_->add_runs(keys, ends, runs, outs);
  int32_t* fixed = row(fixed_, S0);
  int32_t* stack = row(stack_, S0);
  int32_t* buffer = row(buffer_, B0);
  for (int r = 0; r + 1 < runs; ++r) {
    int32_t* sum = outs[r];
    switch (groups[r]) {
      case kStack: std::copy(sum, sum + stride_, fixed); break;
      case kStackRight:
        for (int c = 0; c < stride_; ++c) stack[c] = sum[c] + fixed[c];
        break;
      default: std::copy(sum, sum + stride_, buffer); break;
    }
  }
  fixed_done_[S0] = 1;
  stack_for_[S0] = s.rc1[S0];
  buffer_done_[B0] = 1;
  for (int c = 0; c < stride_; ++c) scores[c] += stack[c] + buffer[c];
}

}  // namespace

void greedy_parse(const Vocab& vocab, const Weights& weights, Token* tokens, int n, int base) {
  if (n <= 0) return;
  thread_local std::vector<WordAtoms> atoms;
  thread_local State s;
  thread_local StateScorer scorer;
  thread_local std::vector<int32_t> scores;
  compute_atoms(vocab, tokens, n, atoms);
  s.init(n);
  scorer.start(weights, n);
  const int L = vocab.num_labels();
  scores.resize(Weights::kScoreCells);  // classes + dummy cells
  while (!s.terminal()) {
    int c = s.forced();
    if (c < 0) {
      scorer.score(s, atoms.data(), scores.data());
      c = best_valid(s, scores.data(), L);
    }
    s.apply(c, L);
  }
  for (int i = 0; i < n; ++i) {
    tokens[i].head = s.head[i] == n ? -1 : base + s.head[i];
    tokens[i].deprel = vocab.labels[s.label[i]];
  }
}

namespace {

void write_vocab(ModelWriter& w, const Vocab& vocab) {
  w.varint(kNumFeatures);
  w.varint(vocab.labels.size());
  for (const auto& l : vocab.labels) w.str(l);
  auto write_map = [&](const std::unordered_map<std::string, uint32_t>& mp) {
    std::vector<std::pair<uint32_t, std::string>> v;
    for (const auto& [s, id] : mp) v.emplace_back(id, s);
    std::sort(v.begin(), v.end());
    w.varint(v.size());
    for (const auto& [id, s] : v) {
      w.varint(id);
      w.str(s);
    }
  };
  write_map(vocab.xpos);
  write_map(vocab.upos);
  write_map(vocab.words);
}

void read_vocab(ModelReader& r, Vocab& v) {
  if (r.varint() != static_cast<uint64_t>(kNumFeatures))
    throw r.bad("built for a different feature set (retrain the parser)");
  uint64_t nl = r.varint();
  if (nl == 0 || nl > 64) throw r.bad("bad label count " + std::to_string(nl));
  v.labels.clear();
  v.label_ids.clear();
  for (uint64_t i = 0; i < nl; ++i) {
    v.labels.push_back(r.str());
    v.label_ids[v.labels.back()] = static_cast<uint32_t>(i);
  }
  if (v.labels[0] != "root") throw r.bad("label 0 is '" + v.labels[0] + "', expected 'root'");
  auto read_map = [&](std::unordered_map<std::string, uint32_t>& mp) {
    mp.clear();
    uint64_t cnt = r.varint();
    mp.reserve(cnt);
    for (uint64_t i = 0; i < cnt; ++i) {
      uint32_t id = static_cast<uint32_t>(r.varint());
      mp[r.str()] = id;
    }
  };
  read_map(v.xpos);
  read_map(v.upos);
  read_map(v.words);
}

// Format-1 weights: the scale, then the features sorted by key: key delta
// (varint), entry count, per entry class (varint) and weight (svarint).
void read_legacy_weights(ModelReader& r, ParserModelData& m) {
  m.weights.scale = r.f32();
  const uint64_t nclasses = static_cast<uint64_t>(m.vocab.num_classes());
  const uint64_t nf = r.varint();
  if (nf > (uint64_t{1} << 32)) throw r.bad("corrupt feature count");
  std::vector<uint64_t> keys(nf);
  std::vector<uint32_t> offsets(nf + 1, 0);
  std::vector<Weights::Entry> entries;
  entries.reserve(nf * 2);
  uint64_t key = 0;
  for (uint64_t i = 0; i < nf; ++i) {
    key += r.varint();
    keys[i] = key;
    const uint64_t ne = r.varint();
    if (ne > nclasses) throw r.bad("corrupt feature entry");
    uint64_t c = 0;
    for (uint64_t k = 0; k < ne; ++k) {
      c += r.varint();
      if (c >= nclasses) throw r.bad("class id out of range");
      entries.emplace_back(static_cast<uint16_t>(c), static_cast<int16_t>(r.svarint()));
    }
    offsets[i + 1] = static_cast<uint32_t>(entries.size());
  }
  m.weights.build_flat(keys, offsets, entries, m.vocab.num_classes());
}

}  // namespace

void Weights::check(const std::string& path) {
  auto bad = [&](const std::string& why) { return Error("model '" + path + "': " + why); };
  if (num_classes <= 0 || num_classes > kMaxClasses || stride != (num_classes + 15) / 16 * 16)
    throw bad("corrupt parser weights (class count)");
  if (buckets.empty() || (buckets.size() & (buckets.size() - 1)) != 0 ||
      mask != buckets.size() - 1 || spilled.size() != buckets.size())
    throw bad("corrupt parser weights (table size)");
  if (dense.size() < static_cast<size_t>(stride)) dense.resize(stride, 0);
  if (overflow.empty()) overflow.push_back(0);
}

// File layout (meta): template count, labels, xpos, upos, words, the weight
// scale, class count, stride, feature count; then the table arrays
// (buckets, spilled, overflow, dense).
void save_model(const ParserModelData& m, const std::string& path) {
  ModelWriter w(kModelKind, kModelVersion);
  write_vocab(w, m.vocab);
  const Weights& t = m.weights;
  w.f32(t.scale);
  w.varint(static_cast<uint64_t>(t.num_classes));
  w.varint(static_cast<uint64_t>(t.stride));
  w.varint(t.nfeatures);
  w.array(t.buckets);
  w.array(t.spilled);
  w.array(t.overflow);
  w.array(t.dense);
  w.save(path);
}

void save_model(const Vocab& vocab, float scale, const std::vector<Weights::Feature>& features,
                const std::string& path) {
  std::vector<const Weights::Feature*> sorted;
  sorted.reserve(features.size());
  for (const auto& f : features) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->key < b->key; });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets = {0};
  std::vector<Weights::Entry> entries;
  for (const auto* f : sorted) {
    keys.push_back(f->key);
    entries.insert(entries.end(), f->classes.begin(), f->classes.end());
    offsets.push_back(static_cast<uint32_t>(entries.size()));
  }
  ParserModelData m;
  m.vocab = vocab;
  m.weights.build_flat(keys, offsets, entries, vocab.num_classes());
  m.weights.scale = scale;
  save_model(m, path);
}

void load_model(ParserModelData& m, const std::string& path) {
  ModelReader r(path, kModelKind, kModelVersion);
  read_vocab(r, m.vocab);
  Weights& t = m.weights;
  if (r.legacy()) {
    read_legacy_weights(r, m);
  } else {
    t.scale = r.f32();
    t.num_classes = static_cast<int>(r.varint());
    t.stride = static_cast<int>(r.varint());
    t.nfeatures = r.varint();
    t.buckets = r.array<Weights::Bucket>();
    t.mask = t.buckets.size() - 1;
    t.spilled = r.array<uint8_t>();
    t.overflow = r.array<uint32_t>();
    t.dense = r.array<int16_t>();
    t.none = Weights::Slot{};
  }
  if (!r.at_end()) throw r.bad("trailing data");
  if (t.num_classes != m.vocab.num_classes()) throw r.bad("class count mismatch");
  t.check(path);
}

}  // namespace parser_internal

using parser_internal::ParserModelData;

// The mapped model; its weights are read from `resident` (a copy in huge
// pages once the parser has parsed kResidentAfter tokens).
struct ParserModel : ParserModelData {
  std::unique_ptr<ResidentModel<parser_internal::Weights>> resident;
};

Parser::Parser() : Parser(data_path("models/parser.bin").string()) {}

Parser::Parser(const std::string& model_path) : model_(std::make_unique<ParserModel>()) {
  parser_internal::load_model(*model_, model_path);
  model_->resident = std::make_unique<ResidentModel<parser_internal::Weights>>(
      &model_->weights, &parser_internal::resident_weights);
}

Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

void repair_parse(Token* tokens, int n, int base) {
  for (int a = 0; a < n; ++a) {
    Token& adp = tokens[a];
    if (adp.upos != "ADP" || adp.head < 0 || adp.deprel == "compound:prt" || adp.deprel == "fixed")
      continue;
    int noun = -1;
    for (int c = a + 1; c < n && noun < 0; ++c) {
      const Token& t = tokens[c];
      if (t.head == base + a && t.deprel != "fixed" && t.deprel != "punct" &&
          (t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "PRON" || t.upos == "NUM"))
        noun = c;
    }
    if (noun < 0) continue;
    const int h = adp.head;
    for (int c = 0; c < n; ++c)
      if (c != noun && tokens[c].head == base + a && tokens[c].deprel != "fixed") tokens[c].head = base + noun;
    Token& nt = tokens[noun];
    nt.head = h;
    const Token& ht = tokens[h - base];
    nt.deprel = (ht.upos == "VERB" || ht.upos == "AUX") ? "obl" : "nmod";
    adp.head = base + noun;
    adp.deprel = "case";
  }
  // "The visit of X to Y was a success", "the meeting between X and Y
  // lasted": a preposition that cannot open a clause, read as the marker of
  // the verb with X as its subject. X is the noun's modifier, the verb takes
  // the noun's place and the noun becomes its subject.
  for (int a = 1; a < n; ++a) {
    Token& adp = tokens[a];
    if (adp.upos != "ADP" || adp.deprel != "mark" || adp.head < base || adp.head >= base + n)
      continue;
    const std::string& f = adp.form;
    if (f != "of" && f != "between" && f != "among" && f != "with") continue;
    const int h = adp.head - base;
    const int noun = a - 1;
    Token& nt = tokens[noun];
    if (nt.upos != "NOUN" && nt.upos != "PROPN") continue;
    int subj = -1;
    for (int c = a + 1; c < h && subj < 0; ++c)
      if (tokens[c].head == base + h &&
          (tokens[c].deprel == "nsubj" || tokens[c].deprel == "nsubj:pass"))
        subj = c;
    if (subj < 0) continue;
    Token& ht = tokens[h];
    tokens[subj].head = base + noun;
    tokens[subj].deprel = "nmod";
    adp.head = base + subj;
    adp.deprel = "case";
    if (ht.head == base + noun) {
      ht.head = nt.head;
      ht.deprel = nt.deprel;
      nt.head = base + h;
      nt.deprel = "nsubj";
    }
  }
  // A core argument never has a preposition: "(While) in New York City, X
  // told", "sat down with X": the prepositional phrase is an oblique.
  for (int c = 0; c < n; ++c) {
    Token& adp = tokens[c];
    if (adp.deprel != "case" || adp.upos != "ADP" || adp.head < base || adp.head >= base + n)
      continue;
    // The phrase head: up from a premodifier ("with Governor<-nmod:desc- X").
    int x = adp.head - base;
    while ((tokens[x].deprel == "nmod:desc" || tokens[x].deprel == "compound" ||
            tokens[x].deprel == "flat") &&
           tokens[x].head >= base + x + 1 && tokens[x].head < base + n)
      x = tokens[x].head - base;
    Token& nom = tokens[x];
    if (nom.deprel == "nsubj" || nom.deprel == "nsubj:pass" || nom.deprel == "obj" ||
        nom.deprel == "iobj")
      nom.deprel = "obl";
  }
  // A subordinating conjunction is a marker, not an argument ("told X
  // that<-obj- the bridge would reopen").
  for (int c = 0; c < n; ++c) {
    Token& t = tokens[c];
    if (t.upos == "SCONJ" && t.head >= 0 &&
        (t.deprel == "obj" || t.deprel == "nsubj" || t.deprel == "iobj" || t.deprel == "obl"))
      t.deprel = "mark";
  }
  // "In a meeting with X, Y said": a verb without a subject, right after a
  // comma and a name hung as an apposition inside the phrase before it:
  // that name is the subject.
  for (int v = 2; v < n; ++v) {
    Token& vt = tokens[v];
    if (vt.upos != "VERB") continue;
    bool has_subject = false;
    for (int c = 0; c < n; ++c)
      if (tokens[c].head == base + v &&
          (tokens[c].deprel.compare(0, 5, "nsubj") == 0 ||
           tokens[c].deprel.compare(0, 5, "csubj") == 0 || tokens[c].deprel == "expl"))
        has_subject = true;
    if (has_subject) continue;
    int h = v - 1;  // the name just before the verb: climb flat/compound links
    while (h >= 0 && tokens[h].head >= base && tokens[h].head < base + n &&
           (tokens[h].deprel == "flat" || tokens[h].deprel == "compound") &&
           tokens[h].head - base < v)
      h = tokens[h].head - base;
    if (h <= 0 || tokens[h].deprel != "appos" || tokens[h].upos != "PROPN") continue;
    int first = h;  // leftmost word of the name (its premodifiers included)
    for (int c = h - 1; c >= 0 && tokens[c].head == base + h && tokens[c].deprel != "punct"; --c)
      first = c;
    if (first == 0 || tokens[first - 1].form != ",") continue;
    tokens[h].head = base + v;
    tokens[h].deprel = "nsubj";
  }
}

bool finite(const Token& t) { return t.xpos == "VBD" || t.xpos == "VBZ" || t.xpos == "VBP"; }

bool has_child(const Token* tokens, int n, int base, int h, std::string_view rel) {
  for (int c = 0; c < n; ++c)
    if (tokens[c].head == base + h && tokens[c].deprel == rel) return true;
  return false;
}

// "Prime Minister Ana Ruiz hosted Jan Novak ...": a past or present-tense
// verb (or a participle with an object, which no reduced relative has, or
// the only verb after coordinated names)
// hung under the name before it (acl, flat, dep, appos) while that name
// is the root is the sentence's predicate, and the name its subject. The
// verb becomes the root; the name's dependents after the verb move to it.
void repair_verb_under_name(Token* tokens, int n, int base) {
  int root = -1;
  for (int k = 0; k < n; ++k)
    if (tokens[k].head < 0) root = k;
  if (root < 0 || tokens[root].upos != "PROPN") return;
  // A participle is the predicate when it has an object, or when it is the
  // only verb of the sentence and the name before it is coordinated ("A and
  // B last met in 2019"; not a caption, "Protesters arrested in Paris").
  int verbs = 0;
  for (int k = 0; k < n; ++k) verbs += tokens[k].upos == "VERB" || tokens[k].upos == "AUX";
  if (!has_child(tokens, n, base, root, "conj")) verbs = 0;
  int v = -1;
  for (int k = root + 1; k < n && v < 0; ++k) {
    const Token& t = tokens[k];
    if (t.upos == "VERB" &&
        (finite(t) || (t.xpos == "VBN" && (has_child(tokens, n, base, k, "obj") || verbs == 1))) &&
        t.head == base + root &&
        (t.deprel == "acl" || t.deprel == "flat" || t.deprel == "dep" || t.deprel == "appos"))
      v = k;
    if (t.upos == "VERB" || t.upos == "AUX" || t.form == "," || t.upos == "SCONJ") break;
  }
  if (v < 0) return;
  for (int c = 0; c < n; ++c)
    if (tokens[c].head == base + v &&
        (tokens[c].deprel.compare(0, 5, "nsubj") == 0 || tokens[c].deprel == "expl"))
      return;
  for (int c = v + 1; c < n; ++c)
    if (tokens[c].head == base + root) tokens[c].head = base + v;
  tokens[v].head = -1;
  tokens[v].deprel = "root";
  tokens[root].head = base + v;
  tokens[root].deprel = "nsubj";
}

// See parser.h. Also: when name and suffix both hang on the verb ("Ana
// Ruiz(obl), Jr.(nsubj) spoke"), the name takes the suffix's role.
void repair_name_suffix(Token* tokens, int n, int base) {
  for (int k = 2; k < n; ++k) {
    if (!generational_suffix(tokens[k].form) || tokens[k - 1].form != "," || tokens[k - 2].upos != "PROPN")
      continue;
    int h = k - 2;  // the name's head: climb flat links leftwards
    while (tokens[h].deprel == "flat" && tokens[h].head >= base && tokens[h].head - base < h)
      h = tokens[h].head - base;
    if (tokens[k].head == base + h && tokens[k].deprel == "flat") continue;
    const int v = tokens[k].head - base;
    if (v >= 0 && v < n && v != h && tokens[v].head == base + h) {
      tokens[v].head = tokens[h].head;
      tokens[v].deprel = tokens[h].deprel;
      tokens[h].head = base + v;
      tokens[h].deprel = tokens[k].deprel;
    } else if (v >= 0 && tokens[h].head == base + v) {
      tokens[h].deprel = tokens[k].deprel;  // name and suffix on one verb: the name takes the role
    } else if (v != h) {
      continue;  // the suffix hangs elsewhere: leave the parse alone
    }
    for (int c = 0; c < n; ++c)
      if (tokens[c].head == base + k) tokens[c].head = base + h;
    tokens[k].head = base + h;
    tokens[k].deprel = "flat";
    tokens[k - 1].head = base + h;
    tokens[k - 1].deprel = "punct";
  }
}

// See parser.h.
void repair_temporal_root(Token* tokens, int n, int base) {
  int root = -1;
  for (int k = 0; k < n; ++k)
    if (tokens[k].head < 0) root = k;
  if (root < 0 || root > 1 || tokens[root].upos == "VERB" ||
      !one_of(to_lower(tokens[root].form), {"today", "yesterday", "tonight", "tomorrow"}))
    return;
  int v = -1;  // the first finite verb, or a participle with an object
  for (int k = root + 1; k < n && v < 0; ++k)
    if (tokens[k].upos == "VERB" &&
        (finite(tokens[k]) || (tokens[k].xpos == "VBN" && has_child(tokens, n, base, k, "obj"))))
      v = k;
  if (v < 0) return;
  int h = tokens[v].head - base;  // v must hang (through nominals) under the root
  while (h >= 0 && h != root && tokens[h].upos != "VERB") h = tokens[h].head - base;
  if (h != root) return;
  const int subject = tokens[v].head - base;  // the nominal v hangs on, if any
  for (int c = 0; c < n; ++c)
    if (c != v && tokens[c].head == base + root) tokens[c].head = base + v;
  tokens[v].head = -1;
  tokens[v].deprel = "root";
  tokens[root].head = base + v;
  tokens[root].deprel = "obl:tmod";
  if (subject != root && subject < v && !has_child(tokens, n, base, v, "nsubj") &&
      (tokens[subject].upos == "PROPN" || tokens[subject].upos == "NOUN" ||
       tokens[subject].upos == "PRON")) {
    tokens[subject].head = base + v;
    tokens[subject].deprel = "nsubj";
  }
}

// See parser.h.
void repair_between_interrupted(Token* tokens, int n, int base) {
  // Linear in n: only the words marked by a "between" (their head) are tried.
  for (int m = 0; m < n; ++m) {
    if (tokens[m].deprel != "case" || to_lower(tokens[m].form) != "between") continue;
    const int x = tokens[m].head - base;
    if (x <= m || x + 1 >= n || (tokens[x].upos != "PROPN" && tokens[x].upos != "NOUN") ||
        tokens[x + 1].form != "," || has_child(tokens, n, base, x, "conj"))
      continue;
    // ", and B" after the interruption; B hangs inside it
    for (int b = x + 3; b < n; ++b) {
      if (tokens[b].form == ";" || tokens[b].form == ":" || tokens[b].form == ".") break;
      if (tokens[b - 1].form != "and" || tokens[b - 2].form != "," || tokens[b].upos != "PROPN" ||
          tokens[b].deprel != "conj")
        continue;
      const int h = tokens[b].head - base;
      if (h <= x + 1 || h >= b) break;
      tokens[b].head = base + x;
      tokens[b - 1].head = base + b;
      tokens[b - 1].deprel = "cc";
      tokens[b - 2].head = base + b;
      tokens[b - 2].deprel = "punct";
      break;
    }
  }
}

namespace {

// The first word of b's phrase: b's premodifiers directly before it.
int phrase_start(const Token* tokens, int base, int b) {
  int first = b;
  while (first > 0 && tokens[first - 1].head == base + b && tokens[first - 1].deprel != "punct") --first;
  return first;
}

// The conjunct the name ending at word p belongs to: up through proper-noun
// heads to its left ("the Arab Republic of Egypt": Egypt -> Republic).
int conjunct_head(const Token* tokens, int base, int p) {
  while (tokens[p].head >= base && tokens[p].head < base + p && tokens[tokens[p].head - base].upos == "PROPN")
    p = tokens[p].head - base;
  return p;
}

// Whether word g hangs on verb v, directly or as a conjunct of a word that
// does ("At the invitation of X, officials<-conj- ... met").
bool hangs_on(const Token* tokens, int base, int g, int v) {
  if (tokens[g].head == base + v) return true;
  const int h = tokens[g].head - base;
  return tokens[g].deprel == "conj" && h >= 0 && h < g && tokens[h].head == base + v;
}

}  // namespace

// See parser.h.
void repair_split_list(Token* tokens, int n, int base) {
  for (int b = 3; b < n; ++b) {
    Token& bt = tokens[b];
    const int v = bt.head - base;
    if (bt.upos != "PROPN" || (bt.deprel != "nsubj" && bt.deprel != "nsubj:pass") || v <= b || v >= n)
      continue;
    // The separator before b's phrase: ",", "and", ", and" ("A, B and C", "A, B, and C").
    const int first = phrase_start(tokens, base, b);
    int sep = first - 1, cc = -1;
    if (sep >= 1 && one_of(tokens[sep].form, {"and", "or"})) cc = sep--;
    if (sep >= 1 && tokens[sep].form == ",") --sep;
    if (sep == first - 1 || sep < 2 || (cc < 0 && !has_child(tokens, n, base, b, "conj"))) continue;
    // The list's head L: an nmod with a preposition of a common noun g.
    int l = conjunct_head(tokens, base, sep);
    if (tokens[l].deprel == "conj" && tokens[l].head >= base && tokens[l].head < base + l) l = tokens[l].head - base;
    const int g = tokens[l].head - base;
    if (tokens[l].upos != "PROPN" || tokens[l].deprel != "nmod" || !has_child(tokens, n, base, l, "case") ||
        g < 0 || g >= l || tokens[g].upos != "NOUN" || !hangs_on(tokens, base, g, v) ||
        has_child(tokens, n, base, g, "case"))
      continue;
    for (int c = 0; c < n; ++c)
      if (tokens[c].head == base + b && tokens[c].deprel == "conj") tokens[c].head = base + l;
    tokens[g].head = base + v;
    tokens[g].deprel = bt.deprel;
    bt.head = base + l;
    bt.deprel = "conj";
    for (int k = sep + 1; k < first; ++k) {
      tokens[k].head = base + b;
      tokens[k].deprel = k == cc ? "cc" : "punct";
    }
  }
}

// See parser.h.
void repair_flat_across_cc(Token* tokens, int n, int base) {
  for (int x = 2; x < n; ++x) {
    Token& xt = tokens[x];
    const int h = xt.head - base;
    if ((xt.deprel != "flat" && xt.deprel != "appos") || xt.upos != "PROPN" || h < 0 || h >= x - 1)
      continue;
    // A coordinator between h and x inside x's phrase (hung on x or on a
    // word that hangs on x).
    int cc = -1;
    for (int k = h + 1; k < x && cc < 0; ++k) {
      const Token& kt = tokens[k];
      if (kt.upos != "CCONJ" || !one_of(to_lower(kt.form), {"and", "or"})) continue;
      const int kh = kt.head - base;
      if (kh == x || (kh > k && kh < x && tokens[kh].head == base + x)) cc = k;
    }
    if (cc < 0) continue;
    xt.deprel = "conj";
    tokens[cc].head = base + x;
    tokens[cc].deprel = "cc";
  }
}

// See parser.h.
void repair_weekday_before_name(Token* tokens, int n, int base) {
  for (int d = 0; d + 1 < n; ++d) {
    Token& dt = tokens[d];
    if (weekday_number(dt.form) < 0 || tokens[d + 1].head != base + d || tokens[d + 1].deprel != "flat" ||
        tokens[d + 1].upos != "PROPN")
      continue;
    // A plural title first ("Presidents A of X and B of Y") modifies the name after it.
    const Token& first = tokens[d + 1];
    const bool plural = first.xpos == "NNPS" || (!first.lemma.empty() && first.form == first.lemma + "s");
    const bool title = plural && d + 2 < n && tokens[d + 2].head == base + d &&
                       tokens[d + 2].deprel == "flat";
    const int f = title ? d + 2 : d + 1;
    Token& ft = tokens[f];
    // The name takes the weekday's place when that is an argument; after a
    // weekday read as a time ("where on Thursday Chancellor A agreed"), it
    // is the subject of a later verb that has none.
    const int dh = dt.head - base;
    if (dt.deprel == "nsubj" || dt.deprel == "nsubj:pass" || dt.deprel == "obj") {
      ft.head = dt.head;
      ft.deprel = dt.deprel;
    } else if ((dt.deprel == "obl" || dt.deprel == "obl:tmod") && dh > f && dh < n &&
               tokens[dh].upos == "VERB" && !has_child(tokens, n, base, dh, "nsubj") &&
               !has_child(tokens, n, base, dh, "nsubj:pass")) {
      ft.head = dt.head;
      ft.deprel = "nsubj";
    } else {
      continue;
    }
    for (int c = d + 1; c < n; ++c)
      if (c != f && tokens[c].head == base + d) tokens[c].head = base + f;
    if (title) tokens[d + 1].deprel = "nmod:desc";
    const int v = ft.head - base;  // the weekday hangs on the name's head, as an oblique
    dt.head = v >= 0 && v < n && tokens[v].upos != "NOUN" && tokens[v].upos != "PROPN"
                  ? ft.head
                  : base + f;
    // ("on" becomes the weekday's marker unless the weekday hangs on it: no cycle)
    const bool on = d > 0 && tokens[d - 1].upos == "ADP" && to_lower(tokens[d - 1].form) == "on" &&
                    dt.head != base + d - 1;
    dt.deprel = dt.head == ft.head ? (on ? "obl" : "obl:tmod") : (on ? "nmod" : "nmod:tmod");
    if (on) {
      tokens[d - 1].head = base + d;
      tokens[d - 1].deprel = "case";
    }
  }
}

// See parser.h.
void repair_parallel_of(Token* tokens, int n, int base) {
  for (int c = 2; c < n; ++c) {
    Token& ct = tokens[c];
    const int m = ct.head - base;  // the place c hangs on as a conjunct
    if (ct.deprel != "conj" || ct.upos != "PROPN" || m < 1 || m >= c || tokens[m].deprel != "nmod")
      continue;
    int p = tokens[m].head - base;  // the name m modifies: up through its flat parts
    while (p >= 0 && p < m && tokens[p].deprel == "flat" && tokens[p].head >= base && tokens[p].head < base + p)
      p = tokens[p].head - base;
    if (p < 0 || p >= m || tokens[p].upos != "PROPN") continue;
    auto of_phrase = [&](int w) {  // w has an "of" nmod after it
      for (int k = w + 1; k < n; ++k)
        if (tokens[k].head == base + w && tokens[k].deprel == "nmod")
          for (int a = w + 1; a < k; ++a)
            if (tokens[a].head == base + k && tokens[a].deprel == "case" && to_lower(tokens[a].form) == "of")
              return true;
      return false;
    };
    if (!of_phrase(tokens[m].head - base) || !of_phrase(c)) continue;
    tokens[m].head = base + p;  // a name's modifiers hang on its head, not on a flat part
    ct.head = base + p;
  }
}

// See parser.h.
void repair_object_before_clause(Token* tokens, int n, int base) {
  for (int c = 1; c < n; ++c) {
    Token& ct = tokens[c];
    const int v = ct.head - base;
    if (ct.deprel != "ccomp" || v < 0 || v >= c || tokens[v].upos != "VERB") continue;
    bool finite_clause = ct.xpos == "VBD" || ct.xpos == "VBZ" || ct.xpos == "VBP", subject = false;
    int first = c;  // the clause's first word
    for (int k = 0; k < n; ++k) {
      if (tokens[k].head != base + c) continue;
      if (tokens[k].deprel.compare(0, 5, "nsubj") == 0 || tokens[k].deprel == "expl") subject = true;
      if (tokens[k].deprel.compare(0, 3, "aux") == 0 && tokens[k].xpos != "TO") finite_clause = true;
      if (k < first && tokens[k].deprel != "punct") first = k;
    }
    if (subject || !finite_clause) continue;
    // The verb's object ends right before the clause (a quotation mark may stand between).
    int o = -1;
    for (int k = v + 1; k < first; ++k)
      if (tokens[k].head == base + v && tokens[k].deprel == "obj") o = k;
    if (o < 0 || (tokens[o].upos != "NOUN" && tokens[o].upos != "PROPN")) continue;
    int end = o;
    for (int k = o + 1; k < first; ++k) {
      int x = k;
      for (int steps = 0; x != o && x >= 0 && steps < 16; ++steps) x = tokens[x].head - base;
      if (x == o && tokens[k].upos != "PUNCT") end = k;
    }
    bool adjacent = true;
    for (int k = end + 1; k < first; ++k) adjacent = adjacent && tokens[k].upos == "PUNCT";
    if (!adjacent) continue;
    tokens[o].head = base + c;
    tokens[o].deprel = "nsubj";
  }
}

void Parser::parse(Token* tokens, int n, int base) const {
  parser_internal::greedy_parse(model_->vocab, model_->resident->get(), tokens, n, base);
  model_->resident->note_use(static_cast<size_t>(n));
  repair_parse(tokens, n, base);
  repair_weekday_before_name(tokens, n, base);
  repair_parallel_of(tokens, n, base);
  repair_name_suffix(tokens, n, base);
  repair_temporal_root(tokens, n, base);
  repair_between_interrupted(tokens, n, base);
  repair_split_list(tokens, n, base);
  repair_flat_across_cc(tokens, n, base);
  repair_verb_under_name(tokens, n, base);
  repair_object_before_clause(tokens, n, base);
}

void Parser::process(Document& doc) const {
  for (const Sentence& s : doc.sentences) {
    if (s.last <= s.first) continue;
    parse(doc.tokens.data() + s.first, s.last - s.first, s.first);
  }
}

namespace {
std::string_view universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// Replaces upos/xpos of words by the tagger's, tagging them as one sentence.
void retag(const Stage& tagger, std::vector<Token>& words) {
  Document doc;
  for (const Token& w : words) {
    Token t;
    if (!doc.text.empty()) doc.text += ' ';
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form = w.form;
    doc.tokens.push_back(std::move(t));
  }
  doc.body_end = static_cast<uint32_t>(doc.text.size());
  Sentence s;
  s.first = 0;
  s.last = static_cast<int>(words.size());
  s.begin = 0;
  s.end = doc.body_end;
  doc.sentences.push_back(s);
  tagger.process(doc);
  for (size_t i = 0; i < words.size(); ++i) {
    words[i].upos = doc.tokens[i].upos;
    words[i].xpos = doc.tokens[i].xpos;
  }
}
}  // namespace

void parser_internal::retag_sentence(const Stage& tagger, std::vector<Token>& words) {
  retag(tagger, words);
}

AttachmentScore evaluate_parser(const Parser& parser, const std::vector<ConlluSentence>& gold,
                                const Stage* tagger) {
  AttachmentScore sc;
  for (const ConlluSentence& s : gold) {
    std::vector<Token> words = tokens_from_conllu(s);
    if (words.empty()) continue;
    if (tagger) retag(*tagger, words);
    parser.parse(words.data(), static_cast<int>(words.size()), 0);
    for (size_t i = 0; i < words.size(); ++i) {
      const ConlluWord& g = s.words[i];
      ++sc.words;
      if (words[i].head == g.head - 1) {
        ++sc.head_correct;
        if (universal(words[i].deprel) == universal(g.deprel)) ++sc.label_correct;
      }
    }
  }
  return sc;
}

}  // namespace ng
