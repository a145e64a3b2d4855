// Internals of the dependency parser shared by syntax/parser.cc (parsing)
// and train/parser_train.cc (training); not a public interface.
//
// Transition system: arc-hybrid (Kuhlmann et al. 2011) with the artificial
// ROOT at the END of the buffer (index n). Transitions, with labels l:
//   SH      move b0 onto the stack                          (b0 != ROOT)
//   LA_l    s0 <- b0: s0 gets head b0, pop s0               (b0 == ROOT only
//                                                            with one stack item
//                                                            and l == root)
//   RA_l    s1 -> s0: s0 gets head s1, pop s0               (stack >= 2)
// A sentence of n words takes exactly 2n transitions and always ends in a
// single-rooted projective tree. Class ids: 0 = SH, 1 + l = LA_l,
// 1 + L + l = RA_l, where label 0 is "root".
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "syntax/dense_rows.h"
#include "syntax/model_io.h"
#include "core/stage.h"

namespace ng::parser_internal {

inline constexpr uint32_t kModelVersion = 1;
inline constexpr const char* kModelKind = "parser";

// Atom values for missing positions and the artificial ROOT.
inline constexpr uint32_t kNone = 0xFFFFFFFFu;
inline constexpr uint32_t kRootAtom = 0xFFFFFFFEu;
inline constexpr uint32_t kUnknown = 0;  // unknown word / tag id

// The normalised word used as a feature: ASCII lower case, digits -> '0'.
std::string normalize_word(std::string_view form);

// String vocabularies of a model (ids are what the features see).
struct Vocab {
  std::vector<std::string> labels;                   // label id -> deprel; 0 = "root"
  std::unordered_map<std::string, uint32_t> words;   // normalised form -> id >= 1
  std::unordered_map<std::string, uint32_t> xpos;    // xpos -> id >= 1 (0 = unknown)
  std::unordered_map<std::string, uint32_t> upos;    // upos -> id >= 1 (0 = unknown)
  std::unordered_map<std::string, uint32_t> label_ids;  // inverse of labels

  int num_labels() const { return static_cast<int>(labels.size()); }
  int num_classes() const { return 1 + 2 * num_labels(); }
  uint32_t word_id(std::string_view form) const;
  uint32_t xpos_id(const std::string& t) const;
  uint32_t upos_id(const std::string& t) const;
};

// Per-word atoms of a sentence; index n is the artificial ROOT.
struct WordAtoms {
  uint32_t w = kNone;    // word id (kUnknown for unseen words)
  uint32_t p = kNone;    // xpos id
  uint32_t u = kNone;    // upos id
  uint32_t x = kNone;    // shape class (see word_shape), + 8 for the first word
  uint32_t suf = kNone;  // hash of the last three bytes of the normalised word
  uint16_t verbs = 0;    // number of VERB/AUX words before this one in the sentence
  uint16_t puncts = 0;   // number of PUNCT words before this one
};

// Shape class of a form: 0 lower case, 1 Capitalised, 2 ALL CAPS, 3 has a
// digit, 4 no letter or digit, 5 other mixed.
uint32_t word_shape(std::string_view form);

// Parser configuration (the stack, the buffer front, the partial tree).
struct State {
  int n = 0;                    // number of words; index n = ROOT
  std::vector<int> stack;       // word indices, back() = s0
  int b = 0;                    // buffer front (n = ROOT)
  std::vector<int> head;        // -1 = none yet; n = ROOT
  std::vector<int> label;       // label id; -1 = none yet
  std::vector<int> lc1, lc2;    // leftmost / second leftmost child; -1 = none
  std::vector<int> rc1, rc2;    // rightmost / second rightmost child; -1 = none
  std::vector<uint8_t> nl, nr;  // number of left / right children (saturating)
  std::vector<uint64_t> lset, rset;  // bit set of left / right children's labels

  void init(int words);
  bool terminal() const { return b == n && stack.empty(); }
  bool can_shift() const { return b < n; }
  bool can_left() const { return !stack.empty() && (b < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }
  // The class of the only valid transition (an empty stack: SH; the buffer
  // done and one word left: LA_root), or -1 when there is a choice. What
  // best_valid returns in such a state, whatever the scores.
  int forced() const {
    if (stack.empty()) return 0;
    if (b == n && stack.size() == 1) return 1;
    return -1;
  }
  // Applies class c (0 = SH, 1+l = LA_l, 1+L+l = RA_l); num_labels = L.
  void apply(int c, int num_labels);
  void add_arc(int h, int d, int l);
};

// Number of feature templates extract_features emits.
inline constexpr int kNumFeatures = 142;

// Writes the kNumFeatures 64-bit feature keys of state s into keys, key t
// being that of template t. atoms has s.n + 1 entries (the last is ROOT).
void extract_features(const State& s, const WordAtoms* atoms, uint64_t* keys);

// The templates in groups by what they read, so that decoding can add up a
// group's weights once per sentence position and reuse the sum (greedy_parse).
// A word is pushed once, and the stack under it and its left children cannot
// change before it is popped; its right children come one at a time, each the
// new rightmost one; B1 and B2 follow from B0. So:
//   kStack       S0, S1, S2, their positions, S0's left children and S1's
//                children: depend on S0 alone.
//   kStackRight  S0's right children: depend on S0 and rc1[S0] alone.
//   kBuffer      B0, B1, B2: depend on B0 alone.
//   kOther       the rest: pairs across stack and buffer, their distance,
//                B0's children.
enum FeatureGroup { kStack, kStackRight, kBuffer, kOther, kNumGroups };
inline constexpr int kGroupSize[kNumGroups] = {63, 13, 20, 46};  // sums to kNumFeatures

// Writes the kGroupSize[g] keys of group g of state s to keys[0..kGroupSize[g]),
// in a fixed order (extract_features writes the same keys at their template ids).
void group_features(FeatureGroup g, const State& s, const WordAtoms* atoms, uint64_t* keys);

// The best valid class among scores (nclasses = 1 + 2L); tie -> lowest id.
template <typename T>
int best_valid(const State& s, const T* scores, int num_labels) {
  int best = -1;
  T bs{};
  auto consider = [&](int c) {
    if (best < 0 || scores[c] > bs) {
      best = c;
      bs = scores[c];
    }
  };
  if (s.can_shift()) consider(0);
  if (s.can_left()) {
    if (s.b == s.n) {
      consider(1);  // LA_root
    } else {
      for (int l = 1; l < num_labels; ++l) consider(1 + l);
    }
  }
  if (s.can_right())
    for (int l = 1; l < num_labels; ++l) consider(1 + num_labels + l);
  return best;
}

// Compact read-only weights: a hash table from a feature key to its
// (class, weight) entries; weights are int16 with one global scale.
//
// The table is made of 64-byte buckets of eight 8-byte slots. A slot holds a
// 16-bit key fingerprint and up to two (class, weight) entries inline, so
// most lookups touch one cache line and take no data-dependent branch.
// Features with more entries point into `overflow` (sparse) or, with many,
// to a dense int16 row in `dense` (added with vector instructions). A full
// bucket spills into the next ones (flagged in `spilled`). Classes must be
// below kMaxClasses; score arrays have kScoreCells cells (the last ones are
// dummies that absorb empty entries).
struct Weights {
  static constexpr int kMaxClasses = 250;
  static constexpr int kScoreCells = 256;
  static constexpr uint8_t kEmpty = 0xFF;   // class of an unused inline entry (dummy cell)
  static constexpr uint8_t kSparse = 0xFE;  // c1 marker: w1:w2 = offset into overflow
  static constexpr uint8_t kDense = 0xFD;   // c1 marker: w1:w2 = offset into dense
  static constexpr size_t kDenseMin = 12;   // entries from which a row is dense
  struct Slot {
    uint16_t fp = 0;           // key fingerprint (never 0); 0 = empty slot
    uint8_t c1 = kEmpty, c2 = kEmpty;
    int16_t w1 = 0, w2 = 0;
  };
  struct alignas(64) Bucket {
    Slot s[8];
  };
  // The arrays are mapped from the model file (or built in memory by build()).
  ModelArray<Bucket> buckets;      // power-of-two count
  uint64_t mask = 0;               // buckets.size() - 1
  ModelArray<uint8_t> spilled;     // per bucket: some key homed here lives further on
  ModelArray<uint32_t> overflow;   // runs: count, then (class << 16 | uint16 weight) each
  ModelArray<int16_t> dense;       // rows of `stride` weights
  int stride = 0;                  // num_classes rounded up to a multiple of 16
  Slot none;                       // returned for absent keys
  float scale = 1.0f;              // real weight = int16 * scale
  size_t nfeatures = 0;
  int num_classes = 0;

  struct Feature {
    uint64_t key;
    std::vector<std::pair<uint16_t, int16_t>> classes;  // ascending class ids
  };
  // Builds the table for classes [0, classes) (keys must be distinct).
  // Throws ng::Error when classes > kMaxClasses.
  void build(const std::vector<Feature>& features, int classes);
  // The same from a flat form (what model loading reads, without one small
  // vector per feature): feature i has key keys[i] and the (class, weight)
  // entries [offsets[i], offsets[i + 1]) of entries.
  using Entry = std::pair<uint16_t, int16_t>;
  void build_flat(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& offsets,
                  const std::vector<Entry>& entries, int classes);
  size_t num_features() const { return nfeatures; }

  static uint16_t fingerprint(uint64_t key) {
    uint16_t fp = static_cast<uint16_t>(key >> 40);
    return fp == 0 ? 1 : fp;
  }
  const Slot* find_spilled(uint64_t key) const;
  // Whether keys homed in b may live in later buckets: build_flat fills a
  // bucket's slots in order and spills only from a full bucket, so a bucket
  // with a free last slot has none elsewhere (this saves reading `spilled`,
  // a cache miss, for most absent keys).
  static bool may_spill(const Bucket& b) { return b.s[7].fp != 0; }

  // The slot of key in bucket b, or &none.
  const Slot* probe(const Bucket& b, uint16_t fp) const {
#ifdef __SSE2__
    const __m128i f = _mm_set1_epi16(static_cast<short>(fp));
    const __m128i* p = reinterpret_cast<const __m128i*>(&b);
    uint64_t m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p), f)));
    m |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p + 1), f))) << 16;
    m |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p + 2), f))) << 32;
    m |= static_cast<uint64_t>(_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p + 3), f))) << 48;
    m &= 0x0101010101010101ULL;  // the fingerprint is the first 2 bytes of each slot
    const Slot* hit = &b.s[__builtin_ctzll(m | (1ULL << 63)) >> 3];
    return m ? hit : &none;
#else
    for (const Slot& s : b.s)
      if (s.fp == fp) return &s;
    return &none;
#endif
  }

  // Adds the weights of keys[0..nk) (nk <= kNumFeatures) to
  // scores[0..kScoreCells). Integer sums: the order of the additions does
  // not change the result.
  void add_all(const uint64_t* keys, int nk, int32_t* scores) const {
    add_runs(keys, &nk, 1, &scores);
  }
  // The same for runs of keys with their own score arrays: run r is
  // keys[ends[r - 1]..ends[r]) (from 0 for r = 0; ends[runs - 1] <=
  // kNumFeatures) and goes to outs[r]. Three passes over all the keys so the
  // cache misses overlap: prefetch every bucket; probe them, collect the
  // dense rows and prefetch them, the out-of-line runs and, for absent keys in
  // full buckets, the `spilled` flag and the next bucket; accumulate (each run's dense rows
  // together, by add_dense_rows; keys in later buckets are looked for here).
  void add_runs(const uint64_t* keys, const int* ends, int runs, int32_t* const* outs) const {
    const Bucket* base = buckets.data();
    const int nk = ends[runs - 1];
    const Slot* hits[kNumFeatures];
    const int16_t* rows[kNumFeatures];
    int row_ends[kNumFeatures];  // per run: end of its rows in `rows`
    int nrows = 0;
    for (int f = 0; f < nk; ++f) __builtin_prefetch(base + (keys[f] & mask));
    for (int r = 0, f = 0; r < runs; ++r) {
      for (; f < ends[r]; ++f) {
        const uint64_t key = keys[f];
        const Bucket& home = base[key & mask];
        const Slot* hit = probe(home, fingerprint(key));
        if (hit == &none && may_spill(home)) [[unlikely]] {
          hits[f] = nullptr;  // looked for further on in the last pass
          __builtin_prefetch(&spilled[key & mask]);
          __builtin_prefetch(base + ((key + 1) & mask));  // where most spilled keys are
          continue;
        }
        hits[f] = hit;
        if (hit->c1 == kDense) {
          const int16_t* row = dense_row(*hit);
          rows[nrows++] = row;
          const char* p = reinterpret_cast<const char*>(row);
          for (int b = 0; b < stride * 2; b += 64) __builtin_prefetch(p + b);
          __builtin_prefetch(p + stride * 2 - 1);
        } else if (hit->c1 == kSparse) [[unlikely]] {
          // A run (count, then fewer than kDenseMin entries) ends within 4 *
          // kDenseMin bytes.
          const char* p = reinterpret_cast<const char*>(run(*hit));
          __builtin_prefetch(p);
          __builtin_prefetch(p + 4 * kDenseMin - 1);
        }
      }
      row_ends[r] = nrows;
    }
    for (int r = 0, f = 0; r < runs; ++r) {
      int32_t* scores = outs[r];
      for (; f < ends[r]; ++f) {
        const Slot* hit = hits[f];
        if (!hit) [[unlikely]] {
          hit = spilled[keys[f] & mask] ? find_spilled(keys[f]) : &none;
          if (hit->c1 == kDense) {
            const int16_t* row = dense_row(*hit);
            add_dense_rows(&row, 1, stride, scores);
          }
        }
        add_sparse(*hit, scores);
      }
      const int first = r == 0 ? 0 : row_ends[r - 1];
      add_dense_rows(rows + first, row_ends[r] - first, stride, scores);
    }
  }
  // Adds the weights of a slot that is not a dense row (none adds zeros to
  // the dummy cell).
  void add_sparse(const Slot& hit, int32_t* scores) const {
    if (hit.c1 == kDense) {
      return;
    } else if (hit.c1 == kSparse) [[unlikely]] {
      const uint32_t* e = run(hit);
      const auto left = static_cast<uint32_t>(overflow.end() - e - 1);
      const uint32_t cnt = std::min<uint32_t>(e[0], left);
      ++e;
      for (uint32_t j = 0; j < cnt; ++j)  // (class & 0xFF: a corrupt file stays in bounds)
        scores[(e[j] >> 16) & 0xFF] += static_cast<int16_t>(e[j] & 0xFFFF);
    } else {
      scores[hit.c1] += hit.w1;
      scores[hit.c2] += hit.w2;
    }
  }
  static uint32_t offset(const Slot& s) {
    return (static_cast<uint32_t>(static_cast<uint16_t>(s.w1)) << 16) |
           static_cast<uint16_t>(s.w2);
  }
  // The dense row / overflow run a slot points to, clamped into the arrays
  // (check() makes both non-empty).
  const int16_t* dense_row(const Slot& s) const {
    return dense.data() + std::min<size_t>(offset(s), dense.size() - stride);
  }
  const uint32_t* run(const Slot& s) const {
    return overflow.data() + std::min<size_t>(offset(s), overflow.size() - 1);
  }
  // Checks the sizes of a loaded table and pads the side arrays so lookups
  // stay in bounds; throws ng::Error naming path.
  void check(const std::string& path);
};

// Everything a Parser needs.
struct ParserModelData {
  Vocab vocab;
  Weights weights;
};

// Fills atoms (size n+1) for tokens[0..n).
void compute_atoms(const Vocab& v, const Token* tokens, int n, std::vector<WordAtoms>& atoms);

// Greedy parse of tokens[0..n) with the model; writes head (base-relative
// document index, -1 = root) and deprel into the tokens.
void greedy_parse(const Vocab& vocab, const Weights& weights, Token* tokens, int n, int base);
inline void greedy_parse(const ParserModelData& m, Token* tokens, int n, int base) {
  greedy_parse(m.vocab, m.weights, tokens, n, base);
}

// A copy of w with its big arrays in huge pages (resident_copy).
std::unique_ptr<const Weights> resident_weights(const Weights& w);

// Serialisation (model_io container, kind "parser"). save_model builds the
// table from the feature list (sorted by key) and stores it as it is used;
// load_model maps it (a format-1 file, which holds the feature list, is read
// and its table built as before).
void save_model(const Vocab& vocab, float scale, const std::vector<Weights::Feature>& features,
                const std::string& path);
void save_model(const ParserModelData& m, const std::string& path);
void load_model(ParserModelData& m, const std::string& path);

// Replaces words' upos/xpos by tagger's, tagging them as one sentence (a
// one-sentence Document whose text is the forms joined by spaces).
void retag_sentence(const Stage& tagger, std::vector<Token>& words);

}  // namespace ng::parser_internal
