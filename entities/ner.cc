#include "entities/ner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

#include "core/data_path.h"
#include "core/dates.h"
#include "core/error.h"
#include "core/text.h"
#include "core/utf8.h"
#include "syntax/model_io.h"

namespace ng {

// ---------------------------------------------------------------- features

namespace ner_internal {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}
inline uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k ? k : 1;
}
// Hash of feature template `t` with value parts a (and b, c).
inline uint64_t feat(uint32_t t, std::string_view a, std::string_view b = {},
                     std::string_view c = {}) {
  uint64_t h = (kFnvOffset ^ t) * kFnvPrime;
  h = mix(h, a);
  if (!b.empty() || !c.empty()) {
    h = (h ^ 0x1f) * kFnvPrime;
    h = mix(h, b);
    h = (h ^ 0x1e) * kFnvPrime;
    h = mix(h, c);
  }
  return fmix(h);
}

// Word shape: X upper, x lower, d digit, other characters as themselves;
// runs longer than 2 are cut to 2 ("Xxxxx" -> "Xxx"? no: "Xxx" -> "Xxx").
void shape_of(std::string_view w, bool short_form, std::string& out) {
  out.clear();
  size_t i = 0;
  char prev = 0;
  int run = 0;
  while (i < w.size()) {
    char32_t cp = next_code_point(w, i);
    char c = is_upper(cp)    ? 'X'
             : is_lower(cp)  ? 'x'
             : is_digit(cp)  ? 'd'
             : cp < 128      ? static_cast<char>(cp)
             : is_letter(cp) ? 'x'
                             : '*';
    if (c == prev) {
      ++run;
      if (short_form || run >= 3) continue;
    } else {
      run = 1;
      prev = c;
    }
    out.push_back(c);
  }
}

// Lower-cased, accent-folded form into out (no allocation for ASCII words
// once out has grown).
void lower_into(std::string_view w, std::string& out) {
  bool ascii = true;
  for (char c : w) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    out = to_lower(fold_accents(w));
    return;
  }
  out.assign(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// Prefix/suffix of up to n code points.
std::string_view prefix_cp(std::string_view w, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < w.size(); ++k) next_code_point(w, i);
  return w.substr(0, i);
}
std::string_view suffix_cp(std::string_view w, size_t n) {
  size_t i = w.size();
  for (size_t k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;
  }
  return w.substr(i);
}

}  // namespace

bool allowed(int prev, int next) {
  auto inside = [](int l) { return l > 0 && ((l - 1) % 4 == 0 || (l - 1) % 4 == 1); };  // B or I
  if (prev >= 0 && inside(prev)) {
    if (next <= 0) return false;
    int pt = (prev - 1) / 4, nt = (next - 1) / 4, nb = (next - 1) % 4;
    return pt == nt && (nb == 1 || nb == 2);  // I or L of the same type
  }
  if (next < 0) return true;
  if (next == 0) return true;
  int nb = (next - 1) % 4;
  return nb == 0 || nb == 3;  // B or U
}

namespace {

// What the features read of each token of a sentence. sentence_features
// keeps one per thread, so its strings keep their capacity.
struct TokenStrings {
  std::vector<std::string> lower, shape, sshape;  // lower case, shape, short shape
  std::vector<std::string> gaz;       // gazetteer match: kind + B/I/L/U ("CB"), or ""
  std::vector<std::string_view> lex;  // lexicon class: gaz, "dem", an org word's type...
  std::vector<std::string> cluster;   // word-cluster path ("0110..."), "" when unknown
  std::vector<std::string> geo;       // open-data place match: B/I/L/U + population digits, or ""
  std::vector<std::string_view> given;  // capitalised given name: "f", "m", "b", or "-"
  std::vector<std::string> wtype;     // word-type prior: kind letter + confidence quarter ("P3"), or "?"
};

// Lower case and shapes of the n tokens of s; no gazetteer tags yet.
void read_tokens(const SentenceView& s, TokenStrings& x) {
  const size_t n = s.forms.size();
  if (x.lower.size() < n) {
    x.lower.resize(n);
    x.shape.resize(n);
    x.sshape.resize(n);
    x.gaz.resize(n);
    x.cluster.resize(n);
    x.geo.resize(n);
    x.given.resize(n);
    x.wtype.resize(n);
  }
  for (size_t i = 0; i < n; ++i) {
    lower_into(s.forms[i], x.lower[i]);
    shape_of(s.forms[i], false, x.shape[i]);
    shape_of(s.forms[i], true, x.sshape[i]);
    x.gaz[i].clear();
  }
}

// Each token's cluster path (lower-cased, accent-folded lookup).
void read_clusters(const WordClusters& c, size_t n, TokenStrings& x) {
  for (size_t i = 0; i < n; ++i)
    WordClusters::prefix_string(c.find(x.lower[i]), WordClusters::kMaxDepth, x.cluster[i]);
}

// Each token's word-type prior (lexicon/word_types.h): the kind's letter and
// the quarter of its confidence ("P3": surely part of a person's name), "?"
// for a word the table lacks.
void read_word_types(const WordTypes& types, size_t n, TokenStrings& x) {
  for (size_t i = 0; i < n; ++i) {
    const WordType t = types.find(x.lower[i]);
    x.wtype[i].clear();
    if (!t.known) {
      x.wtype[i] = "?";
      continue;
    }
    x.wtype[i].push_back(WordTypes::letter(t.kind));
    x.wtype[i].push_back(static_cast<char>('0' + t.confidence / 4));
  }
}

// The open-data lists: longest matches of populated places starting at a
// capitalised word (tag: B/I/L/U and the number of digits of the
// population), and capitalised given names.
void tag_open_lists(const Gazetteer& g, const SentenceView& s, TokenStrings& x) {
  const size_t n = s.forms.size();
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    x.geo[i].clear();
    auto gn = g.given_names.find(x.lower[i]);
    x.given[i] = gn == g.given_names.end() || !starts_upper(s.forms[i])
                     ? std::string_view("-")
                     : gn->second == 'f' ? "f" : gn->second == 'm' ? "m" : "b";
  }
  for (size_t i = 0; i < n; ++i) {
    if (!starts_upper(s.forms[i])) continue;
    key.clear();
    size_t best = 0;
    uint32_t pop = 0;
    for (size_t j = i; j < n; ++j) {
      if (j > i) {
        if (!g.geo_prefixes.count(key)) break;
        if (j - 1 < s.space_after.size() ? s.space_after[j - 1] : 1) key.push_back(' ');
      }
      key += x.lower[j];
      if (key.size() > g.geo_longest_key) break;
      if (auto it = g.geo_cities.find(key); it != g.geo_cities.end()) {
        best = j + 1 - i;
        pop = it->second;
      }
    }
    if (!best) continue;
    const std::string digits = std::to_string(std::to_string(pop).size());
    for (size_t k = i; k < i + best; ++k)
      x.geo[k] = (best == 1 ? "U" : k == i ? "B" : k + 1 == i + best ? "L" : "I") + digits;
    i += best - 1;
  }
}

// Longest gazetteer matches (places, titles) starting at capitalised or
// title words; tags each token with kind + B/I/L/U position.
void tag_gazetteer_matches(const Gazetteer& g, const SentenceView& s, TokenStrings& x) {
  const size_t n = s.forms.size();
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    key.clear();
    size_t best = 0;
    std::string best_tag;
    for (size_t j = i; j < n; ++j) {
      if (j > i) {
        if (!g.prefixes.count(key)) break;
        if (j - 1 < s.space_after.size() ? s.space_after[j - 1] : 1) key.push_back(' ');
      }
      key += x.lower[j];
      if (key.size() > g.longest_key) break;
      if (auto it = g.places.find(key); it != g.places.end() && starts_upper(s.forms[i])) {
        best = j + 1 - i;
        uint8_t k = it->second.kinds;
        best_tag = (k & Gazetteer::Country)  ? "C"
                   : (k & Gazetteer::City)   ? "T"
                   : (k & Gazetteer::Region) ? "R"
                                             : "L";
      } else if (g.titles.count(key)) {
        best = j + 1 - i;
        best_tag = "ti";
      }
    }
    if (best) {
      for (size_t k = i; k < i + best; ++k) {
        char pos = best == 1 ? 'U' : k == i ? 'B' : k + 1 == i + best ? 'L' : 'I';
        if (x.gaz[k].empty()) x.gaz[k] = best_tag + pos;
      }
      if (best_tag != "ti") i += best - 1;
    }
  }
}

// Each token's lexicon class: its gazetteer tag, else "dem" (demonym), an
// organisation word's type, "reg" (region word), "hon" (honorific) or "-".
void classify_words(const Gazetteer& g, size_t n, TokenStrings& x) {
  x.lex.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = x.lower[i];
    std::string_view v = "-";
    if (!x.gaz[i].empty())
      v = x.gaz[i];
    else if (g.demonyms.count(w))
      v = "dem";
    else if (auto it = g.org_words.find(w); it != g.org_words.end())
      v = to_string(it->second);  // "ORG", "FAC", "EVENT"
    else if (g.region_words.count(w))
      v = "reg";
    else if (g.honorifics.count(w))
      v = "hon";
    x.lex[i] = v;
  }
}

// The tokens of a sentence around a position: "<s>" and "</s>" (lexicon
// class "-") past its edges.
struct Window {
  const SentenceView& s;
  const TokenStrings& tokens;
  const long n;
  static constexpr std::string_view kBos = "<s>", kEos = "</s>";

  std::string_view low(long i) const {
    return i < 0 ? kBos : i >= n ? kEos : std::string_view(tokens.lower[i]);
  }
  std::string_view shp(long i) const {
    return i < 0 ? kBos : i >= n ? kEos : std::string_view(tokens.sshape[i]);
  }
  std::string_view pos(long i) const {
    return i < 0                                  ? kBos
           : i >= n                               ? kEos
           : i < static_cast<long>(s.upos.size()) ? s.upos[i]
                                                  : std::string_view();
  }
  std::string_view lex(long i) const {
    return i < 0 || i >= n ? std::string_view("-") : tokens.lex[i];
  }
  std::string_view geo(long i) const {
    return i < 0 || i >= n ? std::string_view("-") : std::string_view(tokens.geo[i]);
  }
  std::string_view given(long i) const {
    return i < 0 || i >= n ? std::string_view("-") : tokens.given[i];
  }
  std::string_view wtype(long i) const {
    return i < 0 ? kBos : i >= n ? kEos : std::string_view(tokens.wtype[i]);
  }
  // The first `bits` bits of token i's cluster path; "<s>", "</s>" past the
  // edges, "?" for a word without a cluster.
  std::string_view clu(long i, size_t bits) const {
    if (i < 0 || i >= n) return i < 0 ? kBos : kEos;
    const std::string& c = tokens.cluster[i];
    return c.empty() ? std::string_view("?") : std::string_view(c).substr(0, bits);
  }
};

// Appends the features of token u (the numbers are the feature templates;
// changing one needs a new kFeatureSet and a retrained model).
void token_features(const Window& win, size_t u, std::vector<uint64_t>& feats) {
  const SentenceView& s = win.s;
  const long i = static_cast<long>(u);
  const std::string& w = win.tokens.lower[u];
  const std::string& sshape = win.tokens.sshape[u];
  feats.push_back(feat(1, "bias"));
  feats.push_back(feat(2, w));
  feats.push_back(feat(3, s.forms[u]));
  feats.push_back(feat(4, win.tokens.shape[u]));
  feats.push_back(feat(5, prefix_cp(w, 1)));
  feats.push_back(feat(6, prefix_cp(w, 2)));
  feats.push_back(feat(7, prefix_cp(w, 3)));
  feats.push_back(feat(8, suffix_cp(w, 1)));
  feats.push_back(feat(9, suffix_cp(w, 2)));
  feats.push_back(feat(10, suffix_cp(w, 3)));
  feats.push_back(feat(11, suffix_cp(w, 4)));
  feats.push_back(feat(12, win.low(i - 1)));
  feats.push_back(feat(13, win.low(i + 1)));
  feats.push_back(feat(14, win.low(i - 2)));
  feats.push_back(feat(15, win.low(i + 2)));
  feats.push_back(feat(16, win.shp(i - 1)));
  feats.push_back(feat(17, win.shp(i + 1)));
  feats.push_back(feat(18, win.shp(i - 1), win.shp(i), win.shp(i + 1)));
  feats.push_back(feat(19, win.pos(i)));
  feats.push_back(feat(20, win.pos(i - 1)));
  feats.push_back(feat(21, win.pos(i + 1)));
  feats.push_back(feat(22, win.pos(i - 1), win.pos(i)));
  feats.push_back(feat(23, win.pos(i), win.pos(i + 1)));
  feats.push_back(feat(24, win.low(i - 1), w));
  feats.push_back(feat(25, w, win.low(i + 1)));
  feats.push_back(feat(26, u == 0 ? "first" : "later", sshape));
  feats.push_back(feat(27, win.lex(i)));
  feats.push_back(feat(28, win.lex(i - 1)));
  feats.push_back(feat(29, win.lex(i + 1)));
  feats.push_back(feat(30, win.lex(i), sshape));
  feats.push_back(feat(31, win.pos(i), sshape));
  feats.push_back(feat(32, win.low(i - 1), sshape));
  feats.push_back(feat(33, sshape, win.low(i + 1)));
  // The parse: what the word is to its head ("nsubj" of "say" acts).
  if (u < s.deprel.size() && !s.deprel[u].empty()) {
    feats.push_back(feat(34, s.deprel[u]));
    feats.push_back(feat(35, s.deprel[u], u < s.head_lemma.size() ? s.head_lemma[u] : ""));
    feats.push_back(feat(36, s.deprel[u], sshape));
  }
  // Word clusters: prefixes of the path, as Brown-cluster features are used.
  feats.push_back(feat(40, win.clu(i, 4)));
  feats.push_back(feat(41, win.clu(i, 8)));
  feats.push_back(feat(42, win.clu(i, 12)));
  feats.push_back(feat(43, win.clu(i, 16)));
  feats.push_back(feat(44, win.clu(i - 1, 8)));
  feats.push_back(feat(45, win.clu(i + 1, 8)));
  feats.push_back(feat(46, win.clu(i, 12), sshape));
  // Open-data lists: populated places and given names.
  feats.push_back(feat(50, win.geo(i)));
  feats.push_back(feat(51, win.geo(i), win.lex(i)));
  feats.push_back(feat(52, win.given(i)));
  feats.push_back(feat(53, win.given(i - 1), win.given(i)));
  feats.push_back(feat(54, win.given(i), win.shp(i + 1)));
  // Word-type prior from word vectors: what kind of name the word is part of.
  feats.push_back(feat(60, win.wtype(i)));
  feats.push_back(feat(61, win.wtype(i), sshape));
  feats.push_back(feat(62, win.wtype(i - 1), win.wtype(i)));
  feats.push_back(feat(63, win.wtype(i), win.wtype(i + 1)));
}

}  // namespace

void sentence_features(const Gazetteer& g, const WordClusters& c, const WordTypes& types,
                       const SentenceView& s, std::vector<uint64_t>& feats,
                       std::vector<uint32_t>& offsets) {
  const size_t n = s.forms.size();
  thread_local TokenStrings strings;
  read_tokens(s, strings);
  read_clusters(c, n, strings);
  read_word_types(types, n, strings);
  tag_open_lists(g, s, strings);
  tag_gazetteer_matches(g, s, strings);
  classify_words(g, n, strings);
  const Window window{s, strings, static_cast<long>(n)};
  offsets.assign(1, static_cast<uint32_t>(feats.size()));
  for (size_t u = 0; u < n; ++u) {
    token_features(window, u, feats);
    offsets.push_back(static_cast<uint32_t>(feats.size()));
  }
}

// ---------------------------------------------------------------- weights

const float* Weights::find(uint64_t h) const {
  if (slots.empty()) return nullptr;
  const size_t mask = slots.size() - 1;
  const size_t rows = values.size() / kLabels;
  size_t i = h & mask;
  for (size_t steps = 0; steps <= mask; ++steps, i = (i + 1) & mask) {  // bounded: corrupt files
    const Slot& s = slots[i];
    if (s.key == h) return s.row < rows ? &values[static_cast<size_t>(s.row) * kLabels] : nullptr;
    if (s.key == 0) return nullptr;
  }
  return nullptr;
}

void Weights::index(const std::vector<uint64_t>& hashes) {
  size_t cap = 16;
  while (cap < hashes.size() * 2) cap <<= 1;
  slots.assign(cap, Slot());
  const size_t mask = cap - 1;
  for (size_t r = 0; r < hashes.size(); ++r) {
    size_t i = hashes[r] & mask;
    while (slots[i].key != 0 && slots[i].key != hashes[r]) i = (i + 1) & mask;
    slots[i] = {hashes[r], static_cast<uint32_t>(r)};
  }
}

namespace {
constexpr uint32_t kModelVersion = 1;
constexpr const char* kFeatureSet = "ner-features-4";
}  // namespace

// Format 2 (meta): feature set, label count, weight scale, transition and final scores;
// then the arrays slots and values. The weights are quantised to int16 steps
// of one scale (as format 1 stored them), the rows ordered by feature hash and
// the table built from them in that order, so the bytes depend only on the
// weights.
void Weights::save(const std::string& path) const {
  std::vector<std::pair<uint64_t, uint32_t>> order;
  for (const Slot& sl : slots)
    if (sl.key) order.emplace_back(sl.key, sl.row);
  std::sort(order.begin(), order.end());
  float maxabs = 1e-6f;
  for (float v : values) maxabs = std::max(maxabs, std::fabs(v));
  const float scale = this->scale > 0 ? this->scale : maxabs / 32000.0f;
  Weights q;
  std::vector<uint64_t> hashes;
  q.values.assign(order.size() * kLabels, 0.0f);
  for (size_t i = 0; i < order.size(); ++i) {
    hashes.push_back(order[i].first);
    const float* row = &values[static_cast<size_t>(order[i].second) * kLabels];
    for (int l = 0; l < kLabels; ++l)
      if (long v = std::lround(row[l] / scale); v != 0)
        q.values[i * kLabels + l] = static_cast<float>(static_cast<int64_t>(v)) * scale;
  }
  q.index(hashes);
  ModelWriter w("ner", kModelVersion);
  w.str(kFeatureSet);
  w.u8(kLabels);
  w.f32(scale);
  for (int p = 0; p <= kLabels; ++p)
    for (int l = 0; l < kLabels; ++l) w.f32(transition[p][l]);
  for (int l = 0; l < kLabels; ++l) w.f32(final_[l]);
  w.array(q.slots);
  w.array(q.values);
  w.save(path);
}

namespace {
// Format 1: the scale, the scores, then the rows sorted by hash (hash delta,
// count, (label, quantised weight) pairs).
void read_legacy(ModelReader& r, Weights& w) {
  const float scale = r.f32();
  w.scale = scale;
  for (int p = 0; p <= kLabels; ++p)
    for (int l = 0; l < kLabels; ++l) w.transition[p][l] = r.f32();
  for (int l = 0; l < kLabels; ++l) w.final_[l] = r.f32();
  const uint64_t n = r.varint();
  if (n > (uint64_t{1} << 28)) throw r.bad("corrupt NER model (row count)");
  std::vector<uint64_t> hashes(n);
  w.values.assign(n * kLabels, 0.0f);
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    prev += r.varint();
    hashes[i] = prev;
    int count = r.u8();
    for (int k = 0; k < count; ++k) {
      int l = r.u8();
      if (l >= kLabels) throw r.bad("corrupt NER model (label " + std::to_string(l) + ")");
      w.values[i * kLabels + l] = static_cast<float>(r.svarint()) * scale;
    }
  }
  w.index(hashes);
}
}  // namespace

Weights Weights::load(const std::string& path) {
  ModelReader r(path, "ner", kModelVersion);
  Weights w;
  if (r.str() != kFeatureSet)
    throw Error(path +
                ": NER model was trained with another feature set; retrain it with "
                "`newsgraph train-ner`");
  if (r.u8() != kLabels) throw Error(path + ": NER model has a different label set");
  if (r.legacy()) {
    read_legacy(r, w);
  } else {
    w.scale = r.f32();
    for (int p = 0; p <= kLabels; ++p)
      for (int l = 0; l < kLabels; ++l) w.transition[p][l] = r.f32();
    for (int l = 0; l < kLabels; ++l) w.final_[l] = r.f32();
    w.slots = r.array<Slot>();
    w.values = r.array<float>();
    const size_t n = w.slots.size();
    if (n == 0 || (n & (n - 1)) != 0 || w.values.size() % kLabels != 0)
      throw r.bad("corrupt NER model (table size)");
  }
  if (!r.at_end()) throw Error(path + ": trailing bytes in NER model");
  return w;
}

void viterbi(const std::vector<float>& emit, size_t n, const float (*transition)[kLabels],
             const float* final_scores, std::vector<int>& labels) {
  labels.assign(n, 0);
  if (n == 0) return;
  static const auto table = [] {
    std::array<std::array<bool, kLabels>, kLabels + 1> t{};
    for (int p = -1; p < kLabels; ++p)
      for (int l = 0; l < kLabels; ++l) t[p + 1][l] = allowed(p, l);
    return t;
  }();
  constexpr float kNeg = -1e30f;
  std::vector<float> score(n * kLabels, kNeg);
  std::vector<int8_t> back(n * kLabels, -1);
  for (int l = 0; l < kLabels; ++l)
    if (table[0][l]) score[l] = emit[l] + transition[0][l];
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kLabels];
    for (int l = 0; l < kLabels; ++l) {
      float best = kNeg;
      int arg = -1;
      for (int p = 0; p < kLabels; ++p) {
        if (!table[p + 1][l] || prev[p] <= kNeg) continue;
        float v = prev[p] + transition[p + 1][l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      if (arg >= 0) {
        score[i * kLabels + l] = best + emit[i * kLabels + l];
        back[i * kLabels + l] = static_cast<int8_t>(arg);
      }
    }
  }
  float best = kNeg;
  int arg = 0;
  for (int l = 0; l < kLabels; ++l) {
    if (!allowed(l, -1)) continue;
    float v = score[(n - 1) * kLabels + l];
    if (v <= kNeg) continue;
    v += final_scores[l];
    if (v > best) {
      best = v;
      arg = l;
    }
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = arg;
    if (i > 0) arg = std::max<int>(0, back[i * kLabels + arg]);
  }
}

// emissions() for the run-time table, with the lookups of a whole sentence
// done first (prefetching the slots, then the rows) so their cache misses
// overlap; the rows are then added in feature order, as emissions() does, so
// the float sums are the same.
void decode(const Weights& w, const std::vector<uint64_t>& feats,
            const std::vector<uint32_t>& offsets, std::vector<int>& labels) {
  thread_local std::vector<float> emit;
  thread_local std::vector<const float*> rows;
  const size_t n = offsets.size() - 1;
  if (!w.slots.empty()) {
    const size_t mask = w.slots.size() - 1;
    for (uint64_t h : feats) __builtin_prefetch(&w.slots[h & mask]);
  }
  rows.resize(feats.size());
  for (size_t f = 0; f < feats.size(); ++f) {
    rows[f] = w.find(feats[f]);
    if (rows[f]) __builtin_prefetch(rows[f]), __builtin_prefetch(rows[f] + kLabels - 1);
  }
  emit.assign(n * kLabels, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &emit[i * kLabels];
    for (uint32_t f = offsets[i]; f < offsets[i + 1]; ++f)
      if (const float* row = rows[f])
        for (int l = 0; l < kLabels; ++l) e[l] += row[l];
  }
  viterbi(emit, n, w.transition, w.final_, labels);
}

std::vector<LabelSpan> spans_of(const std::vector<int>& labels) {
  std::vector<LabelSpan> spans;
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    int l = labels[i];
    if (l == 0) continue;
    int type = (l - 1) / 4, b = (l - 1) % 4;
    if (b != 0 && b != 3) continue;  // spans start at B or U
    int j = i;
    if (b == 0)
      while (j + 1 < static_cast<int>(labels.size()) && labels[j + 1] != 0 &&
             (labels[j + 1] - 1) / 4 == type && (labels[j + 1] - 1) % 4 != 0 &&
             (labels[j + 1] - 1) % 4 != 3) {
        ++j;
        if ((labels[j] - 1) % 4 == 2) break;
      }
    spans.push_back({i, j + 1, type});
    i = j;
  }
  return spans;
}

std::string head_lemma_feature(const std::string* head_lemma) {
  return head_lemma ? to_lower(*head_lemma) : std::string("<root>");
}

}  // namespace ner_internal

// ---------------------------------------------------------------- the stage

using namespace ner_internal;

NerTagger::NerTagger() : NerTagger(data_path("models/ner.bin"), data_path("lexicon")) {}

NerTagger::NerTagger(const std::filesystem::path& model, const std::filesystem::path& lexicon_dir,
                     const std::filesystem::path& clusters)
    : gazetteer_(Gazetteer::load(lexicon_dir)),
      clusters_(WordClusters::load(clusters.empty() ? data_path("models/clusters.bin") : clusters)),
      word_types_(WordTypes::load(data_path("models/word_types.bin"))),
      model_(std::make_unique<Weights>(Weights::load(model.string()))) {}

NerTagger::~NerTagger() = default;
NerTagger::NerTagger(NerTagger&&) noexcept = default;

namespace {

// A name nested in another: tokens [first, last) and its type.
struct Nested {
  int first, last;
  EntityType type;
};

// The type of a nested name [a, b): a place the gazetteer knows, else what
// its last word says (FAC or ORG), else fallback.
EntityType nested_type(const Document& doc, const Gazetteer& g, int a, int b, EntityType fallback) {
  if (const auto* p = g.place(gazetteer_key(doc, a, b)))
    return (p->kinds & (Gazetteer::Country | Gazetteer::City | Gazetteer::Region))
               ? EntityType::Gpe
               : EntityType::Loc;
  auto it = g.org_words.find(gazetteer_key(doc.tokens[b - 1].form));
  if (it != g.org_words.end())
    return it->second == EntityType::Fac ? EntityType::Fac : EntityType::Org;
  return fallback;
}

// The words of proper noun k inside outer: k and its dependents other than
// further nmod/acl/appos, and a unit word's "of" phrase.
std::pair<int, int> own_words(const Document& doc, const Gazetteer& g, const Mention& outer,
                              int k) {
  int a = k, b = k + 1;
  for (bool grown = true; grown;) {
    grown = false;
    if (a - 1 > outer.first && doc.tokens[a - 1].head >= a - 1 && doc.tokens[a - 1].head < b &&
        doc.tokens[a - 1].deprel != "case" && doc.tokens[a - 1].deprel != "det" &&
        doc.tokens[a - 1].deprel != "punct") {
      --a;
      grown = true;
    }
    if (b < outer.last && doc.tokens[b].head >= a && doc.tokens[b].head < b &&
        (doc.tokens[b].deprel == "flat" || doc.tokens[b].deprel == "compound" ||
         doc.tokens[b].deprel.rfind("flat", 0) == 0)) {
      ++b;
      grown = true;
    }
  }
  // "the Republic of X", "the State of X": the unit word takes its "of".
  if (g.region_words.count(gazetteer_key(doc.tokens[b - 1].form)) && b + 1 < outer.last &&
      gazetteer_key(doc.tokens[b].form) == "of") {
    int c = b + 1;
    if (c < outer.last && gazetteer_key(doc.tokens[c].form) == "the") ++c;
    int e = c;
    while (e < outer.last && doc.tokens[e].upos == "PROPN") ++e;
    if (e > c) b = e;
  }
  return {a, b};
}

// "of" objects inside outer, by the parse ("President of [the United
// States]"): places, facilities and organisations; in a person's name, GPE
// when nothing says otherwise.
void add_of_objects(const Document& doc, const Gazetteer& g, const Mention& outer,
                    std::vector<Nested>& nested) {
  for (int k = outer.first + 1; k < outer.last; ++k) {
    const Token& tok = doc.tokens[k];
    if (tok.upos != "PROPN" || tok.deprel.rfind("nmod", 0) != 0) continue;
    if (tok.head < outer.first || tok.head >= outer.last) continue;
    // Only a real "of" phrase: "Secretary General [Ana Ruiz]" hung as an
    // nmod of the title is the person's own name.
    bool of = false;
    for (int c = outer.first; c < k && !of; ++c)
      of = doc.tokens[c].head == k && doc.tokens[c].deprel == "case" &&
           gazetteer_key(doc.tokens[c].form) == "of";
    if (!of) continue;
    const auto [a, b] = own_words(doc, g, outer, k);
    if (a == outer.first && b == outer.last) continue;
    if (g.titles.count(gazetteer_key(doc, a, b))) continue;  // "Foreign [Minister] X"
    // "Secretary of [State]": the object belongs to a title ending at it.
    bool in_title = false;
    for (int t = std::max(outer.first, a - 3); t < a && !in_title; ++t)
      in_title = g.titles.count(gazetteer_key(doc, t, a + 1)) > 0;
    if (in_title) continue;
    // "President of Costa Rica Ana Ruiz", "Minister of Information Ana Ruiz":
    // an object that runs into the person's own name (a given name and
    // another word) ends before it, and is a place only when the gazetteer
    // knows it ("Information" is none).
    auto name_at = [&](int t) {
      return g.given_names.count(gazetteer_key(doc.tokens[t].form)) && starts_upper(doc.tokens[t + 1].form);
    };
    bool into_name = false;
    for (int t = a + 1; t + 1 < b; ++t) into_name = into_name || name_at(t);
    if (into_name) {
      for (int t = b - 2; t > a; --t)  // the longest known place before a given name
        if (name_at(t) && g.place(gazetteer_key(doc, a, t))) {
          nested.push_back({a, t, nested_type(doc, g, a, t, EntityType::Gpe)});
          break;
        }
      continue;
    }
    EntityType fallback = outer.type == EntityType::Person ? EntityType::Gpe : EntityType::Other;
    EntityType t = nested_type(doc, g, a, b, fallback);
    if (t == EntityType::Other) continue;
    nested.push_back({a, b, t});
  }
}

// Gazetteer places anywhere inside a person, organisation or event name.
// (In a place name only after a comma: "Clearwater, [Florida]".)
void add_known_places(const Document& doc, const Gazetteer& g, const Mention& outer,
                      std::vector<Nested>& nested) {
  const bool outer_place = outer.type == EntityType::Gpe || outer.type == EntityType::Loc;
  int scan_from = outer.first;
  if (outer_place) {
    scan_from = outer.last;
    for (int k = outer.first; k < outer.last; ++k)
      if (doc.tokens[k].form == ",") scan_from = k + 1;
  }
  for (int a = scan_from; a < outer.last; ++a) {
    if (doc.tokens[a].upos != "PROPN" && !doc.tokens[a].upos.empty()) continue;
    for (int b = outer.last; b > a; --b) {
      if (a == outer.first && b == outer.last) continue;
      const auto* p = g.place(gazetteer_key(doc, a, b));
      if (!p) continue;
      // In a person's name a place followed by more of the name is a given
      // name ("Sofia Ruiz", "Georgia Lee"), unlike "US President X".
      if (outer.type == EntityType::Person && b < outer.last &&
          doc.tokens[b].upos == "PROPN" && !g.titles.count(gazetteer_key(doc.tokens[b].form)))
        break;
      nested.push_back({a, b,
                        (p->kinds & (Gazetteer::Country | Gazetteer::City | Gazetteer::Region))
                            ? EntityType::Gpe
                            : EntityType::Loc});
      a = b - 1;
      break;
    }
  }
}

// Place and organisation names nested inside a longer name: the "of" object
// of a title ("President of [the United States]"), place names the
// gazetteer knows ("[Moscow] State University"). GUM annotates these as
// mentions of their own. Of overlapping ones the first found stays.
void add_nested(const Document& doc, const Gazetteer& g, const Mention& outer,
                std::vector<Mention>& found) {
  if (outer.last - outer.first < 2 || outer.type == EntityType::Norp ||
      outer.type == EntityType::Date)
    return;
  std::vector<Nested> nested;
  add_of_objects(doc, g, outer, nested);
  add_known_places(doc, g, outer, nested);
  for (size_t i = 0; i < nested.size(); ++i) {
    const int a = nested[i].first, b = nested[i].last;
    bool dup = false;
    for (size_t j = 0; j < i; ++j)
      if (nested[j].first < b && a < nested[j].last) dup = true;
    if (dup) continue;
    Mention m = outer;
    m.first = a;
    m.last = b;
    m.type = nested[i].type;
    m.head = span_head(doc, a, b);
    m.begin = doc.tokens[a].begin;
    m.end = doc.tokens[b - 1].end;
    found.push_back(m);
  }
}

// Dates by rule: runs of month and weekday names, day numbers and years
// ("Monday, May 18, 2015", "18 May", "March 2019"), a year after a
// preposition ("in 2015"), and "yesterday"/"today"/"tomorrow".
// A month name as news writes it (l in lower case): in full, or its first
// three letters with a period ("jan.", "sept."; not "may." nor "june.").
bool written_month(std::string_view l) {
  if (l == "sept.") return true;
  for (std::string_view name : kMonthNames)
    if (l == name || (name.size() > 3 && l.size() == 4 && l.back() == '.' &&
                      l.substr(0, 3) == name.substr(0, 3)))
      return true;
  return false;
}
// 1 for a capitalised month name (not "May" the modal verb nor "March" the
// verb), 2 for a capitalised weekday name, else 0.
int month_or_weekday(const Token& t) {
  if (t.form.empty() || !std::isupper(static_cast<unsigned char>(t.form[0]))) return 0;
  const std::string l = to_lower(t.form);
  if (written_month(l)) {
    // "May" the modal verb; "March" the verb.
    if ((l == "may" || l == "march") && (t.upos == "AUX" || t.upos == "VERB")) return 0;
    return 1;
  }
  for (std::string_view name : kWeekdayNames)
    if (l == name) return 2;
  return 0;
}
bool day_number(std::string_view f) {
  size_t digits = 0;
  while (digits < f.size() && std::isdigit(static_cast<unsigned char>(f[digits]))) ++digits;
  if (digits == 0 || digits > 2) return false;
  std::string_view rest = f.substr(digits);
  return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}
bool year_number(std::string_view f) {
  if (f.size() == 5 && (f.back() == 's')) f.remove_suffix(1);  // "1990s"
  if (f.size() != 4) return false;
  for (char c : f)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return f[0] == '1' || (f[0] == '2' && f[1] == '0');
}

void add_dates(const Document& doc, const Sentence& s, int si, std::vector<char>& covered,
               std::vector<Mention>& found) {
  for (int t = s.first; t < s.last; ++t) {
    if (covered[t - s.first]) continue;
    const Token& tok = doc.tokens[t];
    const std::string low = to_lower(tok.form);
    int end = t;
    bool named = false;
    if (low == "yesterday" || low == "today" || low == "tomorrow") {
      end = t + 1;
      named = true;
    } else {
      int k = t;
      while (k < s.last && !covered[k - s.first]) {
        const Token& x = doc.tokens[k];
        if (month_or_weekday(x))
          named = true;
        else if (!day_number(x.form) && !year_number(x.form) &&
                 !(x.form == "," && k + 1 < s.last &&
                   (month_or_weekday(doc.tokens[k + 1]) || day_number(doc.tokens[k + 1].form) ||
                    year_number(doc.tokens[k + 1].form)) &&
                   k > t))
          break;
        ++k;
      }
      end = k;
      while (end > t && doc.tokens[end - 1].form == ",") --end;
      if (!named) {
        // A lone year after a preposition ("in 2015", "since 1990").
        const bool year = end == t + 1 && year_number(tok.form);
        const std::string prev = t > s.first ? to_lower(doc.tokens[t - 1].form) : "";
        named = year && (prev == "in" || prev == "since" || prev == "by" || prev == "until" ||
                         prev == "from" || prev == "during" || prev == "before" || prev == "after");
      }
    }
    if (!named || end <= t) continue;
    Mention m;
    m.sentence = si;
    m.first = t;
    m.last = end;
    m.head = span_head(doc, t, end);
    m.begin = doc.tokens[t].begin;
    m.end = doc.tokens[end - 1].end;
    m.type = EntityType::Date;
    m.kind = MentionKind::Name;
    for (int k = t; k < end; ++k) covered[k - s.first] = 1;
    found.push_back(m);
    t = end - 1;
  }
}

// Whether token h of sentence s is a hyphen with no space on either side.
bool glued_hyphen(const Document& doc, const Sentence& s, int h) {
  return h > s.first && h + 1 < s.last &&
         (doc.tokens[h].form == "-" || doc.tokens[h].form == "‐") &&
         !doc.tokens[h - 1].space_after && !doc.tokens[h].space_after;
}

// A hyphen written without spaces joins the words around it ("Lee
// Cheuk-yan", "Al-Maeena"), whatever the tokenizer split: spans[k] absorbs
// the span after it and the words glued to it on either side, but not a
// lower-case participle or adjective after it ("Iran-backed").
void join_hyphenated(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans,
                     size_t k) {
  LabelSpan& sp = spans[k];
  // Two names joined by a glued hyphen are one: "Hwang Hee" "-" "Chan",
  // "Mohamed El" "-Hassan Mohamed".
  while (k + 1 < spans.size() &&
         ((spans[k + 1].first == sp.last + 1 && glued_hyphen(doc, s, sp.last)) ||
          (spans[k + 1].first == sp.last && glued_hyphen(doc, s, sp.last) &&
           spans[k + 1].last > sp.last + 1))) {
    sp.last = spans[k + 1].last;
    spans.erase(spans.begin() + static_cast<long>(k) + 1);
  }
  const int next_first = k + 1 < spans.size() ? spans[k + 1].first : s.last;
  // (not a lower-case participle or adjective: "[Iran]-backed", "[Ana Ruiz]-led")
  auto modifier = [](const Token& t) {
    return starts_lower(t.form) && (t.upos == "VERB" || t.upos == "ADJ");
  };
  while (sp.last + 1 < next_first && glued_hyphen(doc, s, sp.last) &&
         !modifier(doc.tokens[sp.last + 1]))
    sp.last += 2;
  const int prev_last = k > 0 ? spans[k - 1].last : s.first;
  while (sp.first - 2 >= prev_last && glued_hyphen(doc, s, sp.first - 1) &&
         starts_upper(doc.tokens[sp.first - 2].form))
    sp.first -= 2;
}

// Person spans[k] grows over particles (up to two, name_particle: "Jean-Yves
// Le Drian", "Abu Bakr al Baghdadi") and the capitalised proper noun after
// them, absorbing the following span when it is the rest of the name.
void absorb_particles(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans,
                      size_t k) {
  LabelSpan& sp = spans[k];
  for (;;) {
    int x = sp.last;
    while (x < s.last && x < sp.last + 3 && name_particle(doc.tokens[x].form)) ++x;
    if (x == sp.last || x >= s.last || !starts_upper(doc.tokens[x].form) ||
        doc.tokens[x].upos != "PROPN")
      break;
    // Absorb a following span that is the rest of the name.
    if (k + 1 < spans.size() && spans[k + 1].first <= x) {
      if (spans[k + 1].type != kPer || spans[k + 1].first < sp.last) break;
      sp.last = spans[k + 1].last;
      spans.erase(spans.begin() + static_cast<long>(k) + 1);
    } else {
      sp.last = x + 1;
    }
  }
}

// A generational suffix is part of a person's name: "Joseph R. Biden, Jr.",
// "Martin Luther King Jr.", "King Abdullah II". The span grows over it (and
// the comma before it), taking in a span of the suffix alone.
void absorb_suffix(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans,
                   size_t k) {
  LabelSpan& sp = spans[k];
  int x = sp.last;
  if (x < s.last && doc.tokens[x].form == ",") ++x;
  if (x >= s.last || !starts_upper(doc.tokens[x].form)) return;
  const std::string l = to_lower(doc.tokens[x].form);
  if (!generational_suffix(l) || (x > sp.last && l.rfind("i", 0) == 0)) return;  // "X, II" is a list
  if (k + 1 < spans.size() && spans[k + 1].first <= x) {
    if (spans[k + 1].last > x + 1) return;
    spans.erase(spans.begin() + static_cast<long>(k) + 1);
  }
  sp.last = x + 1;
}

// "[General Bernardo O'Higgins Riquelme] Base", "[John Ruiz] Airport": a
// capitalised facility or organisation word (org_words.tsv) right after
// person span k, which the parse hangs in the name (flat or compound on one
// of its words, or a word of the name on it), ends the name of that facility
// or organisation: the span takes it in (and a span of that word alone) and
// becomes a place span, which place_name_type types by its last word.
void absorb_unit_word(const Document& doc, const Gazetteer& g, const Sentence& s,
                      std::vector<LabelSpan>& spans, size_t k) {
  LabelSpan& sp = spans[k];
  const int x = sp.last;
  if (x >= s.last || doc.tokens[x].upos != "PROPN" || !starts_upper(doc.tokens[x].form) ||
      !g.org_words.count(gazetteer_key(doc.tokens[x].form)))
    return;
  auto joins = [](const Token& t) { return t.deprel == "flat" || t.deprel == "compound"; };
  bool hung = doc.tokens[x].head >= sp.first && doc.tokens[x].head < sp.last && joins(doc.tokens[x]);
  for (int i = sp.first; i < sp.last; ++i) hung = hung || (doc.tokens[i].head == x && joins(doc.tokens[i]));
  if (!hung) return;
  if (k + 1 < spans.size() && spans[k + 1].first <= x) {
    if (spans[k + 1].last != x + 1) return;
    spans.erase(spans.begin() + static_cast<long>(k) + 1);
  }
  sp.last = x + 1;
  sp.type = kPlace;
}

// "First Lady Kim Keon [Hee of the Republic of Korea]": the first word of
// the next name, when the parse hangs it flat on a word of person span k
// and "of" follows it, is the person's last name word.
void take_back_flat_word(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans,
                         size_t k) {
  if (k + 1 >= spans.size()) return;
  LabelSpan& sp = spans[k];
  LabelSpan& next = spans[k + 1];
  const int x = sp.last;
  if (next.first != x || next.type == sp.type || next.last - next.first < 3 || x + 1 >= s.last) return;
  const Token& t = doc.tokens[x];
  if (t.deprel != "flat" || t.head < sp.first || t.head >= sp.last) return;
  if (to_lower(doc.tokens[x + 1].form) != "of") return;
  ++sp.last;
  ++next.first;
  // the rest starts with "of": a name only from the word after "of (the)"
  next.first += to_lower(doc.tokens[next.first + 1].form) == "the" ? 2 : 1;
  if (next.first >= next.last) spans.erase(spans.begin() + static_cast<long>(k) + 1);
}

// A person's name includes its left dependents in the parse ("US President
// Barack Obama", "Facebook co-founder Mark Zuckerberg"), not across a verb or
// punctuation, not the article, not past prev_last (the previous span's end).
void add_left_modifiers(const Document& doc, const Sentence& s, LabelSpan& sp, int prev_last) {
  const int head = span_head(doc, sp.first, sp.last);
  auto inside = [&](int t) {
    for (int x = t, steps = 0; x >= 0 && steps < 8; x = doc.tokens[x].head, ++steps)
      if (x >= sp.first && x < sp.last) return true;
    return false;
  };
  int a = sp.first;
  while (a - 1 >= prev_last && a - 1 >= s.first) {
    const Token& t = doc.tokens[a - 1];
    // Not the owner's clitic: "Korea's [Kim Shin-Wook]".
    if (t.form == "'s" || t.form == "\u2019s" || t.form == "'" || t.form == "\u2019") break;
    if (t.head < 0 || t.upos == "VERB" || t.upos == "AUX" || t.upos == "DET" ||
        t.upos == "ADP" || t.upos == "PRON" || t.upos == "CCONJ" ||
        (t.upos == "PUNCT" && !glued_hyphen(doc, s, a - 1)) || t.upos == "SCONJ")
      break;
    if (!inside(a - 1)) break;
    --a;
  }
  // Keep a possessive owner only with its clitic ("New Zealand's").
  if (a < sp.first && head >= 0) sp.first = a;
}

// "City, Region" is one place ("Clearwater, Florida") when the second part
// is a known region or country (the parts stay mentions of their own).
void join_city_region(const Document& doc, const Gazetteer& g, const Sentence& s,
                      std::vector<LabelSpan>& spans) {
  for (size_t k = 0; k + 1 < spans.size(); ++k) {
    LabelSpan& a = spans[k];
    const LabelSpan& b = spans[k + 1];
    if (a.type != kPlace || b.type != kPlace || b.first != a.last + 1 ||
        doc.tokens[a.last].form != ",")
      continue;
    const auto* pa = g.place(gazetteer_key(doc, a.first, a.last));
    const auto* pb = g.place(gazetteer_key(doc, b.first, b.last));
    if (!pb || !(pb->kinds & (Gazetteer::Region | Gazetteer::Country))) continue;
    if (pa && (pa->kinds & (Gazetteer::Country | Gazetteer::Region))) continue;  // "Iraq, Syria"
    if (b.last < s.last && doc.tokens[b.last].form == "," && k + 2 < spans.size() &&
        spans[k + 2].first == b.last + 1)
      continue;  // a list of places
    a.last = b.last;
    spans.erase(spans.begin() + static_cast<long>(k) + 1);
  }
}

// Whether token a, right before name [first, last) of sentence s and not
// the sentence's first word, is a capitalised adjective the parse hangs on
// the name: then part of it ("Red Hat", "Civic Passion", found from their
// proper noun); a nationality ("Chinese Acme") is not.
bool capitalised_adjective(const Document& doc, const Gazetteer& g, const Sentence& s, int a,
                           int first, int last) {
  if (a <= s.first || a + 1 != first) return false;
  const Token& t = doc.tokens[a];
  if (t.upos != "ADJ" || t.deprel != "amod" || !starts_upper(t.form) || t.head < first ||
      t.head >= last)
    return false;
  const std::string key = gazetteer_key(t.form);
  return !(g.demonyms.count(key) || g.groups.count(key) || g.groups.count(key + "s") ||
           g.place(key) || key == "former" || key == "new" || key == "late");
}

// "[Prime Minister Narendra] Modi": an editor's bracket that closes inside
// a person's name. Person spans[k] ends right before the "]" of a bracket
// opened before it; the capitalised words after the bracket that the parse
// hangs on the name (flat) are the rest of it: the span takes them (and
// the span they were, if any).
void absorb_bracketed_rest(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans,
                           size_t k) {
  LabelSpan& sp = spans[k];
  const int close = sp.last;
  if (close + 1 >= s.last || doc.tokens[close].form != "]") return;
  bool opened = false;
  for (int t = s.first; t < sp.first && !opened; ++t) opened = doc.tokens[t].form == "[";
  if (!opened) return;
  int end = close + 1;
  while (end < s.last && doc.tokens[end].upos == "PROPN" && starts_upper(doc.tokens[end].form) &&
         doc.tokens[end].deprel == "flat" && doc.tokens[end].head >= sp.first && doc.tokens[end].head < end)
    ++end;
  if (end == close + 1) return;
  sp.last = end;
  while (k + 1 < spans.size() && spans[k + 1].first < end) {
    sp.last = std::max(sp.last, spans[k + 1].last);
    spans.erase(spans.begin() + static_cast<long>(k) + 1);
  }
}

// Boundary fixes the sequence model gets wrong or that follow GUM's
// conventions for names (spans of sentence s, in order, not overlapping):
// glued hyphens, titled names typed as places or organisations, a person's
// particles and left modifiers, "City, Region".
// "[Montana Secretary of State] [Corey Stapleton]": a name of another type
// made of a place (or nationality) and a title, right before a person's
// name, is that person's title; spans[k] (the person) takes it in when the
// whole reads as a titled person (titled_person). Returns whether it did.
bool join_title_before_person(const Document& doc, const Gazetteer& g, std::vector<LabelSpan>& spans,
                              size_t k) {
  if (k == 0 || spans[k].type != kPer || spans[k - 1].type == kPer || spans[k - 1].last != spans[k].first)
    return false;
  const LabelSpan& prev = spans[k - 1];
  int title = prev.last;  // where the longest title ending the name starts
  for (int t = prev.first; t < prev.last && title == prev.last; ++t)
    if (g.titles.count(gazetteer_key(doc, t, prev.last))) title = t;
  if (title == prev.last || title == prev.first) return false;
  const std::string place = gazetteer_key(doc, prev.first, title);
  if (!g.place(place) && !g.demonyms.count(place)) return false;
  const LabelSpan both{prev.first, spans[k].last, kPer};
  if (!ner_internal::titled_person(doc, g, both)) return false;
  spans[k].first = both.first;
  spans.erase(spans.begin() + static_cast<long>(k) - 1);
  return true;
}

// "[Coös County Attorney] Karl Brenner" with no span over the name: a span
// of another type ending in a title, right before capitalised proper nouns
// the parse hangs flat on its words, takes them in and is a person's span
// when the whole reads as a titled person (titled_person). Returns whether it
// did.
bool take_titled_name(const Document& doc, const Gazetteer& g, const Sentence& s,
                      std::vector<LabelSpan>& spans, size_t k) {
  LabelSpan& sp = spans[k];
  if (sp.type == kPer || !g.titles.count(gazetteer_key(doc.tokens[sp.last - 1].form))) return false;
  const int limit = k + 1 < spans.size() ? spans[k + 1].first : s.last;
  int e = sp.last;
  while (e < limit && e < sp.last + 4 && doc.tokens[e].upos == "PROPN" &&
         starts_upper(doc.tokens[e].form) && doc.tokens[e].deprel == "flat" &&
         doc.tokens[e].head >= sp.first && doc.tokens[e].head < e)
    ++e;
  const LabelSpan both{sp.first, e, kPer};
  if (e == sp.last || !ner_internal::titled_person(doc, g, both)) return false;
  sp = both;
  return true;
}

// "[FTU's Alice Mak]" read as one name: a possessive inside a name span
// followed by a given name and another capitalised word ends the owner's
// name; the rest, of those two words, is a person's, unless it ends in an
// organisation or region word or is a place ("Florida's West Palm Beach",
// "London's Royal College").
void split_possessor(const Document& doc, const Gazetteer& g, std::vector<LabelSpan>& spans,
                     size_t k) {
  LabelSpan& sp = spans[k];
  if (sp.type == kPer) return;
  for (int x = sp.first + 1; x + 2 < sp.last; ++x) {
    if (doc.tokens[x].form != "'s" && doc.tokens[x].form != "’s") continue;
    if (sp.last - x != 3) return;  // a given name and a surname
    const std::string last = gazetteer_key(doc.tokens[sp.last - 1].form);
    if (!g.given_names.count(gazetteer_key(doc.tokens[x + 1].form)) ||
        !starts_upper(doc.tokens[x + 1].form) || !starts_upper(doc.tokens[x + 2].form) ||
        g.org_words.count(last) || g.region_words.count(last) ||
        g.place(gazetteer_key(doc, x + 1, sp.last)) || g.place(last))
      return;
    const LabelSpan person{x + 1, sp.last, kPer};
    sp.last = x;
    spans.insert(spans.begin() + static_cast<long>(k) + 1, person);
    return;
  }
}

}  // namespace

void ner_internal::split_flat_surname(const Document& doc, const Gazetteer& g, const Sentence& s,
                        std::vector<LabelSpan>& spans, size_t k) {
  LabelSpan& sp = spans[k];
  const int x = sp.first, h = x - 1;
  if (sp.type == kPer || sp.last - x < 3 || h < s.first || (k > 0 && spans[k - 1].last > h)) return;
  const Token& t = doc.tokens[x];
  if (t.deprel != "flat" || t.head != h || to_lower(doc.tokens[x + 1].form) != "of") return;
  const Token& given = doc.tokens[h];
  if (given.upos != "PROPN" || !starts_upper(given.form) ||
      !g.given_names.count(gazetteer_key(given.form)))
    return;
  sp.first = x + (to_lower(doc.tokens[x + 2].form) == "the" ? 3 : 2);
  const LabelSpan person{h, x + 1, kPer};
  if (sp.first >= sp.last) spans.erase(spans.begin() + static_cast<long>(k));
  spans.insert(spans.begin() + static_cast<long>(k), person);
}

namespace {

// Words no name holds, which the model may take in. A span starts with no
// lower-case verb, preposition, adverb, pronoun or particle, nor with a
// sentence's first verb or adverb before one ("[According to Tarsk County
// Attorney]": the span starts at "Tarsk"). A span with a lower-case
// verb after its first word ("The [President thanked Tarsk] for ...") ends
// before it (what is left may be a bare title, a description); the words
// after the verb are left to the passes that find untyped names. A span
// left empty goes.
void trim_non_name_words(const Document& doc, const Sentence& s, std::vector<LabelSpan>& spans) {
  auto lower_function_word = [&](int t) {
    const Token& w = doc.tokens[t];
    return starts_lower(w.form) && one_of(w.upos, {"VERB", "AUX", "ADP", "SCONJ", "ADV", "PRON", "PART"});
  };
  for (size_t k = 0; k < spans.size(); ++k) {
    LabelSpan& sp = spans[k];
    // a capitalised verb or adverb before a lower-case function word
    // ("According to", "Speaking at") only where capitals say nothing: at the
    // start of the sentence
    if (sp.first == s.first && sp.first + 1 < sp.last &&
        one_of(doc.tokens[sp.first].upos, {"VERB", "ADV", "SCONJ"}) && lower_function_word(sp.first + 1))
      ++sp.first;
    while (sp.first < sp.last && lower_function_word(sp.first)) ++sp.first;
    for (int x = sp.first + 1; x < sp.last; ++x) {
      const Token& t = doc.tokens[x];
      if ((t.upos == "VERB" || t.upos == "AUX") && starts_lower(t.form)) {
        sp.last = x;
        break;
      }
    }
    if (sp.first >= sp.last) spans.erase(spans.begin() + static_cast<long>(k--));
  }
}

void refine_spans(const Document& doc, const Gazetteer& g, const Sentence& s,
                  std::vector<LabelSpan>& spans) {
  trim_non_name_words(doc, s, spans);
  for (size_t k = 0; k < spans.size(); ++k) {
    ner_internal::split_flat_surname(doc, g, s, spans, k);
    split_possessor(doc, g, spans, k);
    if (join_title_before_person(doc, g, spans, k)) --k;
    take_titled_name(doc, g, s, spans, k);
    join_hyphenated(doc, s, spans, k);
    if (spans[k].type != kPer && spans[k].type != kEvent && titled_person(doc, g, spans[k]))
      spans[k].type = kPer;
    if (spans[k].type != kPer) continue;
    const int prev_last = k > 0 ? spans[k - 1].last : s.first;
    absorb_particles(doc, s, spans, k);
    absorb_suffix(doc, s, spans, k);
    absorb_bracketed_rest(doc, s, spans, k);
    take_back_flat_word(doc, s, spans, k);
    absorb_unit_word(doc, g, s, spans, k);
    if (spans[k].type != kPer) continue;
    // "on Tuesday Ruiz met": a weekday or month is no part of a name.
    while (spans[k].last - spans[k].first >= 2 && month_or_weekday(doc.tokens[spans[k].first]))
      ++spans[k].first;
    add_left_modifiers(doc, s, spans[k], prev_last);
  }
  join_city_region(doc, g, s, spans);
}

}  // namespace

namespace {

// What add_untyped_names knows while it scans the article.
struct UntypedNames {
  const Document& doc;
  const Gazetteer& g;
  std::vector<char> covered;                      // tokens a mention covered before the scan
  std::unordered_set<std::string_view> surnames;  // last words of the people found so far

  UntypedNames(const Document& d, const Gazetteer& gaz, const std::vector<Mention>& found,
               const std::vector<std::pair<int, int>>& descriptions)
      : doc(d), g(gaz), covered(d.tokens.size(), 0) {
    for (const Mention& m : found)
      for (int t = m.first; t < m.last; ++t) covered[t] = 1;
    for (const auto& [a, b] : descriptions)
      for (int t = a; t < b; ++t) covered[t] = 1;
    for (const Mention& o : found)
      if (o.kind == MentionKind::Name && o.type == EntityType::Person)
        surnames.insert(doc.tokens[o.last - 1].form);
  }

  // t and t+1 are written together ("Kim Min-Woo").
  bool glued(int t) const { return !doc.tokens[t].space_after; }

  // An uncovered capitalised PROPN that is no demonym, group word, title,
  // honorific, month or weekday.
  bool candidate(int t) const {
    const Token& tok = doc.tokens[t];
    if (covered[t] || tok.upos != "PROPN" || !starts_upper(tok.form)) return false;
    const std::string key = gazetteer_key(tok.form);
    return !g.demonyms.count(key) && !g.groups.count(key) && !g.titles.count(key) &&
           !g.honorifics.count(key) && !month_or_weekday(tok);
  }

  // The end of the run of candidates from candidate t, through glued hyphens
  // ("Al-Haram", "Kwok-kin").
  int run_end(const Sentence& s, int t) const {
    int e = t + 1;
    for (;;) {
      if (e < s.last && candidate(e)) {
        ++e;
      } else if (e + 1 < s.last && glued(e - 1) && glued(e) && !covered[e] && !covered[e + 1] &&
                 doc.tokens[e].form == "-" &&
                 (candidate(e + 1) || doc.tokens[e + 1].upos == "PROPN")) {
        e += 2;
      } else {
        return e;
      }
    }
  }

  // Whether token t is a title or a noun for a person ("bassist").
  bool person_word(int t) const {
    const std::string word = gazetteer_key(doc.tokens[t].form);
    auto nom = g.nominals.find(word);
    return g.titles.count(word) ||
           (nom != g.nominals.end() && nom->second.type == EntityType::Person);
  }

  // The type of run [t, e): a person, else a place the gazetteer knows ("US"
  // where the model saw none), else what its last word says ("the
  // Baikal-Amur Mainline"), else OTHER.
  EntityType type_of(int t, int e, bool person) const {
    if (person) return EntityType::Person;
    if (const auto* p = g.place(gazetteer_key(doc, t, e)))
      return (p->kinds & (Gazetteer::Country | Gazetteer::City | Gazetteer::Region))
                 ? EntityType::Gpe
                 : EntityType::Loc;
    if (e - t >= 2) {
      auto ow = g.org_words.find(gazetteer_key(doc.tokens[e - 1].form));
      if (ow != g.org_words.end()) return ow->second;
    }
    return EntityType::Other;
  }
};

}  // namespace

// See ner.h.
bool ner_internal::titled_person(const Document& doc, const Gazetteer& g, const LabelSpan& sp) {
  int name = -1;  // the word after the last title ("Secretary of State" is one title)
  for (int t = sp.first; t < sp.last; ++t)
    for (int e = t + 1; e <= std::min(sp.last, t + 4); ++e)
      if (e > name && g.titles.count(gazetteer_key(doc, t, e))) name = e;
  const int rest = sp.last - name;
  if (name < 0 || rest < 1 || rest > 4) return false;
  if (!g.given_names.count(gazetteer_key(doc.tokens[name].form))) return false;
  for (int t = name; t < sp.last; ++t) {
    const std::string key = gazetteer_key(doc.tokens[t].form);
    if (!starts_upper(doc.tokens[t].form) || g.org_words.count(key) || g.place(key))
      return false;
  }
  return true;
}

// Proper nouns no name covers: see ner.h.
void ner_internal::add_untyped_names(const Document& doc, const Gazetteer& g, std::vector<Mention>& found,
                                     const std::vector<std::pair<int, int>>& descriptions) {
  UntypedNames u(doc, g, found, descriptions);
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    const Sentence& s = doc.sentences[si];
    for (int t = s.first; t < s.last;) {
      if (!u.candidate(t)) {
        ++t;
        continue;
      }
      const int e = u.run_end(s, t);
      // Not a piece of a covered name written together with it, not an
      // adjective ("the Caspian littoral states").
      const bool piece = (t > s.first && u.covered[t - 1] && u.glued(t - 1)) ||
                         (e < s.last && u.covered[e] && u.glued(e - 1));
      const int head = span_head(doc, t, e);
      // A person after all: the run ends with the surname of a person of the
      // article, or a title or a person noun comes right before it
      // ("bassist Jack Bruce").
      const bool person =
          u.surnames.count(doc.tokens[e - 1].form) > 0 || (t > s.first && u.person_word(t - 1));
      if (!piece && doc.tokens[head].deprel != "amod") {
        Mention m;
        m.sentence = si;
        m.first = capitalised_adjective(doc, g, s, t - 1, t, e) && !u.covered[t - 1] ? t - 1 : t;
        m.last = e;
        m.head = head;
        m.begin = doc.tokens[m.first].begin;
        m.end = doc.tokens[e - 1].end;
        m.type = u.type_of(t, e, person);
        m.kind = MentionKind::Name;
        if (person) u.surnames.insert(doc.tokens[e - 1].form);
        found.push_back(m);
      }
      t = e;
    }
  }
}

namespace {

// Whether token t of doc hangs on a token of mention m with one of rels.
bool hangs_on(const Document& doc, int t, const Mention& m, std::initializer_list<std::string_view> rels) {
  const Token& tok = doc.tokens[t];
  return tok.head >= m.first && tok.head < m.last && one_of(tok.deprel, rels);
}

// Whether x is the complement of organisation name y after it, introduced
// by "of", "on" or "for" (maybe with "the" and capitalised modifiers of x
// the NER left out): "Commission on [International] [Religious Freedom]".
bool org_complement(const Document& doc, const Gazetteer& g, const Mention& y, const Mention& x) {
  if (y.type != EntityType::Org || !g.org_words.count(gazetteer_key(doc.tokens[y.last - 1].form)))
    return false;
  const int c = y.last;
  if (c >= x.first || x.first - c > 3 || doc.tokens[c].head != x.head ||
      !one_of(to_lower(doc.tokens[c].form), {"of", "on", "for"}))
    return false;
  for (int t = c + 1; t < x.first; ++t) {
    const Token& tok = doc.tokens[t];
    const bool modifier = starts_upper(tok.form) && tok.head >= t + 1 && tok.head < x.last;
    if (!modifier && !(t == c + 1 && to_lower(tok.form) == "the")) return false;
  }
  return hangs_on(doc, x.head, y, {"nmod"});
}

// Whether name x may be the rest of a person's name before it: proper
// nouns, no organisation, unit or title word at its end, and no word the
// word-type prior is sure names no person ("[James Webb] Telescope",
// "[Sandy] Point").
bool surname_like(const Document& doc, const Gazetteer& g, const WordTypes& types, const Mention& x) {
  const std::string last = gazetteer_key(doc.tokens[x.last - 1].form);
  if (doc.tokens[x.head].upos != "PROPN" || g.org_words.count(last) || g.region_words.count(last) ||
      g.titles.count(last))
    return false;
  const WordType w = types.find(last);
  return !(w.known && w.kind != WordType::Person && w.confidence >= kPersonPrior);
}

}  // namespace

void ner_internal::join_name_halves(const Document& doc, const Gazetteer& g, const WordTypes& types,
                                    std::vector<Mention>& found) {
  auto untyped = [&](const Mention& m) {
    return m.kind == MentionKind::Name && m.type == EntityType::Other && starts_upper(doc.tokens[m.first].form);
  };
  std::vector<char> gone(found.size(), 0);
  for (size_t i = 0; i < found.size(); ++i) {
    if (!untyped(found[i])) continue;
    const Mention& x = found[i];
    for (size_t j = 0; j < found.size() && !gone[i]; ++j) {
      Mention& y = found[j];
      if (j == i || gone[j] || y.kind != MentionKind::Name || y.sentence != x.sentence) continue;
      const bool front = x.last == y.first && (y.type == EntityType::Org || y.type == EntityType::Fac || y.type == EntityType::Event) &&
                         hangs_on(doc, x.head, y, {"compound", "amod", "flat"});
      const bool rest = y.last == x.first && y.type == EntityType::Person && surname_like(doc, g, types, x) &&
                        hangs_on(doc, x.head, y, {"flat", "flat:name"});
      if (!front && !rest && !org_complement(doc, g, y, x)) continue;
      y.first = std::min(y.first, x.first);
      y.last = std::max(y.last, x.last);
      y.head = span_head(doc, y.first, y.last);
      y.begin = doc.tokens[y.first].begin;
      y.end = doc.tokens[y.last - 1].end;
      gone[i] = 1;
    }
  }
  std::vector<Mention> kept;
  for (size_t i = 0; i < found.size(); ++i)
    if (!gone[i]) kept.push_back(found[i]);
  found.swap(kept);
}

void ner_internal::type_lone_places(const Document& doc, const Gazetteer& g,
                                    std::vector<Mention>& found) {
  std::set<std::string> surnames;  // last words of the article's longer person names
  for (const Mention& m : found)
    if (m.type == EntityType::Person && m.last - m.first >= 2)
      surnames.insert(gazetteer_key(doc.tokens[m.last - 1].form));
  for (Mention& m : found) {
    if (m.kind != MentionKind::Name || m.type != EntityType::Person || m.last - m.first != 1) continue;
    const std::string key = gazetteer_key(doc.tokens[m.first].form);
    const Gazetteer::Place* p = g.place(key);
    if (!p || !(p->kinds & (Gazetteer::Country | Gazetteer::City | Gazetteer::Region)) ||
        surnames.count(key) || g.given_names.count(key))
      continue;
    m.type = EntityType::Gpe;
  }
}

void ner_internal::type_by_apposition(const Document& doc, const Gazetteer& g,
                                      std::vector<Mention>& found) {
  std::vector<std::pair<int, int>> retyped;  // spans that became people
  for (Mention& m : found) {
    if (m.kind != MentionKind::Name || m.last - m.first < 2 ||
        (m.type != EntityType::Org && m.type != EntityType::Gpe && m.type != EntityType::Loc &&
         m.type != EntityType::Other))
      continue;
    const Sentence& s = doc.sentences[m.sentence];
    for (int t = m.last; t < s.last; ++t) {
      const Token& a = doc.tokens[t];
      if (a.head != m.head || a.deprel != "appos") continue;
      auto it = g.nominals.find(to_lower(a.lemma.empty() ? a.form : a.lemma));
      const bool people_noun = it != g.nominals.end() && it->second.type == EntityType::Person;
      // (a title: only after a given name, as lists of names and titles are
      // often parsed as appositions)
      const bool titled = g.titles.count(gazetteer_key(a.form)) &&
                          g.given_names.count(gazetteer_key(doc.tokens[m.first].form));
      if (!people_noun && !titled) continue;
      m.type = EntityType::Person;
      retyped.emplace_back(m.first, m.last);
      break;
    }
  }
  // A person's name holds no place ("Valeska [Paris]").
  std::erase_if(found, [&](const Mention& m) {
    if (m.type != EntityType::Gpe && m.type != EntityType::Loc) return false;
    for (const auto& [a, b] : retyped)
      if (m.first >= a && m.last <= b && m.last - m.first < b - a) return true;
    return false;
  });
}

void ner_internal::type_by_coordination(const Document& doc, const Gazetteer& g,
                                        std::vector<Mention>& found) {
  std::map<int, int> at_head;  // head token -> index in found
  for (int i = 0; i < static_cast<int>(found.size()); ++i) at_head.emplace(found[i].head, i);
  auto person_conjunct = [&](const Mention& m) {
    const Token& t = doc.tokens[m.head];
    if (t.deprel == "conj" && t.head >= 0) {
      auto it = at_head.find(t.head);
      if (it != at_head.end() && found[it->second].type == EntityType::Person) return true;
    }
    for (const auto& [h, i] : at_head) {
      const Token& o = doc.tokens[h];
      if (o.deprel == "conj" && o.head == m.head && found[i].type == EntityType::Person) return true;
    }
    return false;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (Mention& m : found)
      if (m.type == EntityType::Other && m.kind == MentionKind::Name &&
          doc.tokens[m.head].upos == "PROPN" && !g.place(gazetteer_key(doc, m.first, m.last)) &&
          person_conjunct(m)) {
        m.type = EntityType::Person;
        changed = true;
      }
  }
}

namespace {

// Whether the name has a determiner ("every Democrat", "the constellation
// Leo": on the name or on the noun it is an apposition of).
bool determined(const Document& doc, const Mention& m) {
  const Sentence& s = doc.sentences[m.sentence];
  const Token& h = doc.tokens[m.head];
  const int noun = h.deprel == "appos" || h.deprel == "flat" ? h.head : -1;
  for (int k = s.first; k < m.first; ++k)
    if (doc.tokens[k].deprel == "det" && (doc.tokens[k].head == m.head || doc.tokens[k].head == noun)) return true;
  return false;
}

// Whether name m reads as a person's by its words (type_by_given_name).
bool given_name_led(const Document& doc, const Gazetteer& g, const WordTypes& types, const Mention& m) {
  if (m.last - m.first < 2 || g.place(gazetteer_key(doc, m.first, m.last))) return false;
  const std::string first = gazetteer_key(doc.tokens[m.first].form);
  if (!g.given_names.count(first) || !starts_upper(doc.tokens[m.first].form) || name_particle(first) ||
      determined(doc, m) || acronym(doc.tokens[m.last - 1].form))
    return false;
  if (const auto* p = g.place(first); p && (p->kinds & (Gazetteer::Country | Gazetteer::Region))) return false;
  const std::string last = gazetteer_key(doc.tokens[m.last - 1].form);
  if (g.org_words.count(last) || g.region_words.count(last) || g.titles.count(last)) return false;
  // The last word is a surname: the word-type prior calls it a person's
  // or does not know it (not "Victoria Falls", "Art Gallery").
  if (const WordType w = types.find(last); w.known && w.kind != WordType::Person) return false;
  for (int k = m.first + 1; k < m.last; ++k) {
    const Token& t = doc.tokens[k];
    if (!(t.upos == "PROPN" && starts_upper(t.form)) && !name_particle(t.form)) return false;
    if (g.place(gazetteer_key(t.form)) || g.demonyms.count(gazetteer_key(t.form))) return false;
  }
  return true;
}

// Whether m is a proper name the model left untyped (OTHER) that may be a
// person's: not an acronym ("TED"), not with a determiner ("every
// Democrat"), not a place of the gazetteer.
bool untyped_name(const Document& doc, const Gazetteer& g, const Mention& m) {
  return m.type == EntityType::Other && m.kind == MentionKind::Name && doc.tokens[m.head].upos == "PROPN" &&
         !acronym(doc.tokens[m.last - 1].form) && !determined(doc, m) &&
         !g.place(gazetteer_key(doc, m.first, m.last));
}

// The "meet" verb whose subject, object or "with" oblique is word w, or -1.
int argument_of_meet(const Document& doc, int w) {
  const Token& t = doc.tokens[w];
  if (t.head < 0 || doc.tokens[t.head].lemma != "meet" || doc.tokens[t.head].upos != "VERB") return -1;
  if (t.deprel == "nsubj" || t.deprel == "obj") return t.head;
  if (t.deprel == "obl")
    for (int k = doc.sentences[doc.sentence_of(w)].first; k < w; ++k)
      if (doc.tokens[k].head == w && doc.tokens[k].deprel == "case" && to_lower(doc.tokens[k].form) == "with")
        return t.head;
  return -1;
}

}  // namespace

void ner_internal::type_by_given_name(const Document& doc, const Gazetteer& g, const WordTypes& types,
                                      std::vector<Mention>& found) {
  std::vector<std::pair<int, int>> retyped;  // spans that became people
  for (Mention& m : found)
    if (m.kind == MentionKind::Name && (m.type == EntityType::Other || m.type == EntityType::Gpe) &&
        given_name_led(doc, g, types, m)) {
      m.type = EntityType::Person;
      retyped.emplace_back(m.first, m.last);
    }
  // The given name is no place inside the name ("[Leon] van Biljon").
  std::erase_if(found, [&](const Mention& m) {
    if (m.type != EntityType::Gpe && m.type != EntityType::Loc) return false;
    for (const auto& [a, b] : retyped)
      if (m.first == a && m.last < b) return true;
    return false;
  });
}

void ner_internal::type_by_meeting(const Document& doc, const Gazetteer& g, std::vector<Mention>& found) {
  std::map<int, int> at_head;  // head token -> index in found
  for (int i = 0; i < static_cast<int>(found.size()); ++i) at_head.emplace(found[i].head, i);
  for (Mention& m : found) {
    if (!untyped_name(doc, g, m)) continue;
    const int v = argument_of_meet(doc, m.head);
    if (v < 0) continue;
    for (const auto& [h, i] : at_head)
      if (h != m.head && argument_of_meet(doc, h) == v && found[i].type == EntityType::Person) {
        m.type = EntityType::Person;
        break;
      }
  }
}

void ner_internal::type_by_word_prior(const Document& doc, const Gazetteer& g, const WordTypes& types,
                                      std::vector<Mention>& found) {
  for (Mention& m : found) {
    // A name in a core role ("Lavrov said", "met Kishida"), not a storm.
    const std::string first = to_lower(doc.tokens[m.first].form);
    if (!untyped_name(doc, g, m) ||
        !one_of(doc.tokens[m.head].deprel, {"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "conj", "appos"}) ||
        !starts_upper(doc.tokens[m.first].form) ||
        one_of(first, {"hurricane", "typhoon", "cyclone", "storm", "tropical"}))
      continue;
    const WordType w = types.find(gazetteer_key(doc, m.last - 1, m.last));
    if (w.known && w.kind == WordType::Person && w.confidence >= kPersonPrior) m.type = EntityType::Person;
  }
}

void ner_internal::type_org_by_word_prior(const Document& doc, const Gazetteer& g,
                                          const WordTypes& types, std::vector<Mention>& found) {
  std::set<std::string> surnames;  // last words of longer person names
  for (const Mention& m : found)
    if (m.type == EntityType::Person && m.last - m.first >= 2)
      surnames.insert(gazetteer_key(doc.tokens[m.last - 1].form));
  for (Mention& m : found) {
    if (m.last - m.first != 1 || (m.type != EntityType::Person && m.type != EntityType::Other)) continue;
    const Token& t = doc.tokens[m.first];
    const std::string key = gazetteer_key(t.form);
    const bool after_name = m.first > 0 && doc.tokens[m.first - 1].upos == "PROPN" &&
                            starts_upper(doc.tokens[m.first - 1].form);  // "Toyota Venza"
    if (!starts_upper(t.form) || acronym(t.form) || surnames.count(key) || g.given_names.count(key) ||
        g.place(key) || g.org_words.count(key) || after_name)
      continue;
    const WordType w = types.find(key);
    if (w.known && w.kind == WordType::Org && w.confidence >= kOrgPrior) m.type = EntityType::Org;
  }
}

namespace {

// Token forms [a, b) joined by single spaces.
std::string forms_key(const Document& doc, int a, int b) {
  std::string k;
  for (int t = a; t < b; ++t) k += (t > a ? " " : "") + doc.tokens[t].form;
  return k;
}

// The names of the article (forms of their proper-noun core -> type), and
// the surname of each person named in full; marks the tokens found covers.
std::map<std::string, EntityType> names_of_article(const Document& doc,
                                                   const std::vector<Mention>& found,
                                                   std::vector<char>& cov) {
  std::map<std::string, EntityType> names;  // token forms joined by ' ' -> type
  for (const Mention& m : found) {
    for (int t = m.first; t < m.last; ++t) cov[t] = 1;
    if (m.kind != MentionKind::Name) continue;
    if (m.type != EntityType::Person && m.type != EntityType::Org && m.type != EntityType::Gpe &&
        m.type != EntityType::Loc && m.type != EntityType::Fac)
      continue;
    // The proper-noun core (no "the", no title words in lower case).
    int a = m.first;
    while (a < m.last && doc.tokens[a].upos != "PROPN") ++a;
    if (a >= m.last) continue;
    bool all_propn = true;
    for (int t = a; t < m.last; ++t)
      all_propn = all_propn && (doc.tokens[t].upos == "PROPN" || doc.tokens[t].form == "-");
    if (!all_propn) continue;
    names.emplace(forms_key(doc, a, m.last), m.type);
    const std::string& last = doc.tokens[m.last - 1].form;
    if (m.type == EntityType::Person && m.last - a >= 2 && last.size() > 2 && starts_upper(last))
      names.emplace(last, EntityType::Person);
  }
  return names;
}

// One name, one reading: a lone word typed as a place, an organisation or
// nothing that is the surname (or the first of two surnames: "Rosselló" of
// "Ricardo Rosselló Nevares") of a person named in full in the article is
// that person ("Valeska Paris ... Paris claims", "Andy Ruiz ... Ruiz's
// photographs"), unless a preposition makes it a place ("in Paris"). Only
// as a subject, object or possessor, or after a preposition no place takes
// ("with", "by", "against"), where a person reading is natural, and
// never a country or region of the gazetteer g (when given): "Australia"
// ending a misread name stays the country. (Coreference has a second,
// stricter pass, Resolver::retype_surnames, for names of any length that
// the NER also typed as a person elsewhere.)
void retype_surnames(const Document& doc, const Gazetteer* g, std::vector<Mention>& found) {
  std::set<std::string> surnames;
  for (const Mention& m : found) {
    if (m.kind != MentionKind::Name || m.type != EntityType::Person || m.last - m.first < 2) continue;
    const std::string& last = doc.tokens[m.last - 1].form;
    const Gazetteer::Place* place = g ? g->place(gazetteer_key(last)) : nullptr;
    if (place && (place->kinds & (Gazetteer::Country | Gazetteer::Region | Gazetteer::Continent)))
      continue;
    if (last.size() > 2 && starts_upper(last) && doc.tokens[m.last - 1].upos == "PROPN" &&
        doc.tokens[m.last - 2].upos == "PROPN" && !(g && g->org_words.count(gazetteer_key(last))))
      surnames.insert(last);
    // The first of two surnames ("Rosselló" of "Ricardo Rosselló Nevares"):
    // the word before the last of a name of three or more words that starts
    // with a given name (maybe after a title) and ends in no unit or
    // organisation word (not "the Governor of the X Region"), itself no given
    // name nor initial.
    const std::string& first_surname = doc.tokens[m.last - 2].form;
    int given = m.first;  // past a title before the name ("Governor Ana Ruiz Nevares")
    while (g && given < m.last && (g->titles.count(gazetteer_key(doc.tokens[given].form)) ||
                                   g->honorifics.count(gazetteer_key(doc.tokens[given].form))))
      ++given;
    if (g && m.last - given >= 3 && g->given_names.count(gazetteer_key(doc.tokens[given].form)) &&
        !g->region_words.count(gazetteer_key(last)) && !g->org_words.count(gazetteer_key(last)) &&
        first_surname.size() > 2 && starts_upper(first_surname) &&
        doc.tokens[m.last - 2].upos == "PROPN" && first_surname.back() != '.' &&
        !g->given_names.count(gazetteer_key(first_surname)) && !g->place(gazetteer_key(first_surname)))
      surnames.insert(first_surname);
  }
  for (Mention& m : found) {
    if (m.kind != MentionKind::Name || m.last - m.first != 1 ||
        (m.type != EntityType::Gpe && m.type != EntityType::Loc && m.type != EntityType::Org &&
         m.type != EntityType::Other) ||
        !surnames.count(doc.tokens[m.first].form))
      continue;
    const Token& t = doc.tokens[m.first];
    std::string marker;  // the preposition of the name, if any
    for (int k = m.first - 1; k >= 0 && k >= m.first - 3; --k)
      if (doc.tokens[k].head == m.first && doc.tokens[k].deprel == "case")
        marker = to_lower(doc.tokens[k].form);
    const bool core = t.deprel.rfind("nsubj", 0) == 0 || t.deprel == "obj" ||
                      t.deprel == "nmod:poss" || t.deprel == "iobj";
    // "met with Ruiz", "was signed by Ruiz": prepositions no place takes
    const bool companion = one_of(marker, {"with", "by", "against", "without", "alongside"}) &&
                           (t.deprel.rfind("obl", 0) == 0 || t.deprel.rfind("nmod", 0) == 0);
    if ((marker.empty() && core) || companion) m.type = EntityType::Person;
  }
}

// `like` (its sentence, kind...) moved to tokens [first, last), of type `type`.
Mention repeated_mention(const Document& doc, const Mention& like, int first, int last,
                         EntityType type) {
  Mention m = like;
  m.first = first;
  m.last = last;
  m.type = type;
  m.head = span_head(doc, m.first, m.last);
  m.begin = doc.tokens[m.first].begin;
  m.end = doc.tokens[m.last - 1].end;
  return m;
}

// At a sentence's start capitals say nothing, so the tagger may read a
// surname it never saw as another word class ("Lindqvist flew"): a lone
// content word written exactly as the surname of a person the article names
// in full, before a word that is no proper noun, is that person.
bool surname_at_start(const Document& doc, const std::map<std::string, EntityType>& names,
                      int t) {
  const Token& tok = doc.tokens[t];
  if (tok.upos != "NOUN" && tok.upos != "ADJ" && tok.upos != "X" && tok.upos != "ADV")
    return false;
  if (t + 1 < static_cast<int>(doc.tokens.size()) && doc.tokens[t + 1].upos == "PROPN")
    return false;
  auto it = names.find(tok.form);
  return it != names.end() && it->second == EntityType::Person;
}

// Appends to added a mention for each run of uncovered proper nouns (up to
// four) that repeats a name of the article, and covers it.
void add_repeats(const Document& doc, const std::map<std::string, EntityType>& names,
                 std::vector<char>& cov, std::vector<Mention>& added) {
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    const Sentence& s = doc.sentences[si];
    for (int t = s.first; t < s.last; ++t) {
      if (cov[t] || !starts_upper(doc.tokens[t].form)) continue;
      if (doc.tokens[t].upos != "PROPN") {
        if (t == s.first && surname_at_start(doc, names, t)) {
          Mention like;
          like.sentence = si;
          like.kind = MentionKind::Name;
          added.push_back(repeated_mention(doc, like, t, t + 1, EntityType::Person));
          cov[t] = 1;
        }
        continue;
      }
      for (int len = std::min(4, s.last - t); len >= 1; --len) {
        bool free = true;
        for (int k = t; k < t + len; ++k) free = free && !cov[k];
        if (!free) continue;
        // Not part of a longer proper-noun run ("Ruiz Foundation", "Manju
        // Ruiz": another person with the same surname).
        if (len == 1 && ((t + 1 < s.last && doc.tokens[t + 1].upos == "PROPN") ||
                         (t > s.first && !cov[t - 1] && doc.tokens[t - 1].upos == "PROPN" &&
                          starts_upper(doc.tokens[t - 1].form))))
          break;
        auto it = names.find(forms_key(doc, t, t + len));
        if (it == names.end()) continue;
        Mention like;
        like.sentence = si;
        like.kind = MentionKind::Name;
        added.push_back(repeated_mention(doc, like, t, t + len, it->second));
        for (int k = t; k < t + len; ++k) cov[k] = 1;
        t += len - 1;
        break;
      }
    }
  }
}

// A person of the article named in full inside another name: "the [Andy
// Warhol] Foundation". GUM annotates these as mentions of their own; the
// person gets them too.
void add_people_inside_names(const Document& doc, const std::map<std::string, EntityType>& names,
                             const std::vector<Mention>& found, std::vector<Mention>& added) {
  for (const Mention& outer : found) {
    if (outer.kind != MentionKind::Name || outer.type == EntityType::Person ||
        outer.type == EntityType::Date || outer.type == EntityType::Norp ||
        outer.last - outer.first < 2)
      continue;
    int core = outer.first;  // the proper-noun core: not "the Sea Org" ~ "Sea Org"
    while (core < outer.last && doc.tokens[core].upos != "PROPN") ++core;
    for (int t = outer.first; t < outer.last; ++t) {
      if (doc.tokens[t].upos != "PROPN" || !starts_upper(doc.tokens[t].form)) continue;
      for (int len = std::min(4, outer.last - t); len >= 2; --len) {  // full names only
        if (t <= core && t + len == outer.last) continue;
        auto it = names.find(forms_key(doc, t, t + len));
        if (it == names.end() || it->second != EntityType::Person) continue;
        added.push_back(repeated_mention(doc, outer, t, t + len, EntityType::Person));
        t += len - 1;
        break;
      }
    }
  }
}

}  // namespace

// "Ana Ruiz ... on Tuesday Ruiz met": see ner.h.
void ner_internal::add_repeated_names(const Document& doc, std::vector<Mention>& found,
                                      const Gazetteer* g) {
  std::vector<char> cov(doc.tokens.size(), 0);
  const std::map<std::string, EntityType> names = names_of_article(doc, found, cov);
  if (names.empty()) return;
  std::vector<Mention> added;
  add_repeats(doc, names, cov, added);
  add_people_inside_names(doc, names, found, added);
  found.insert(found.end(), added.begin(), added.end());
  retype_surnames(doc, g, found);  // people named only inside other names count too
}

namespace {

// Buffers NerTagger::process reuses from sentence to sentence.
struct DecodeBuffers {
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  std::vector<int> labels;
  SentenceView view;
  std::vector<std::string> head_lemmas;
};

// The view of sentence s the features are computed from.
void view_sentence(const Document& doc, const Sentence& s, DecodeBuffers& buf) {
  SentenceView& view = buf.view;
  view.forms.clear();
  view.upos.clear();
  view.space_after.clear();
  view.deprel.clear();
  view.head_lemma.clear();
  buf.head_lemmas.clear();
  for (int t = s.first; t < s.last; ++t) {
    const Token& tok = doc.tokens[t];
    view.forms.push_back(tok.form);
    view.upos.push_back(tok.upos);
    view.space_after.push_back(tok.space_after);
    view.deprel.push_back(tok.deprel);
    const Token* head = tok.head < 0 ? nullptr : &doc.tokens[tok.head];
    buf.head_lemmas.push_back(
        head_lemma_feature(!head ? nullptr : head->lemma.empty() ? &head->form : &head->lemma));
  }
  for (const auto& h : buf.head_lemmas) view.head_lemma.push_back(h);
}

// The names the model finds in sentence s, as spans of document tokens,
// with refine_spans' boundary fixes.
std::vector<LabelSpan> model_spans(const Document& doc, const Gazetteer& g,
                                   const WordClusters& c, const WordTypes& types,
                                   const Weights& w, const Sentence& s, DecodeBuffers& buf) {
  view_sentence(doc, s, buf);
  buf.feats.clear();
  sentence_features(g, c, types, buf.view, buf.feats, buf.offsets);
  decode(w, buf.feats, buf.offsets, buf.labels);
  std::vector<LabelSpan> spans = spans_of(buf.labels);
  for (LabelSpan& sp : spans) {
    sp.first += s.first;
    sp.last += s.first;
  }
  refine_spans(doc, g, s, spans);
  return spans;
}

// Whether token t is an organisation word ("university").
bool org_word(const Document& doc, const Gazetteer& g, int t) {
  auto it = g.org_words.find(gazetteer_key(doc.tokens[t].form));
  return it != g.org_words.end() && it->second == EntityType::Org;
}

}  // namespace

EntityType ner_internal::person_name_type(const Document& doc, const Gazetteer& g, int first, int last) {
  EntityType type = EntityType::Person;
  // "Santos City", "Kern County": no one's name ends in an administrative
  // unit word (but "the Governor of X Region" describes a person, and
  // "State", "Republic" and "Territory" end titles and party names too).
  const std::string end = gazetteer_key(doc.tokens[last - 1].form);
  if (auto rw = g.region_words.find(end);
      last - first >= 2 && rw != g.region_words.end() && !rw->second.geographic &&
      !one_of(end, {"state", "republic", "territory"}) &&
      !g.titles.count(gazetteer_key(doc.tokens[first].form))) {
    bool of = false;
    for (int k = first; k < last; ++k) of = of || doc.tokens[k].form == "of";
    if (!of) return EntityType::Gpe;
  }
  if (const auto* p = g.place(gazetteer_key(doc, first, last));
      p && (p->kinds & Gazetteer::Country))
    type = EntityType::Gpe;
  if (last - first >= 3)
    for (int k = first + 1; k + 1 < last; ++k)
      if (doc.tokens[k].form == "of") {
        if (org_word(doc, g, k - 1)) type = EntityType::Org;
        break;
      }
  return type;
}

namespace {


// A name labelled PLACE: GPE unless the gazetteer or its last word says LOC,
// FAC or ORG.
EntityType place_name_type(const Document& doc, const Gazetteer& g, int first, int last) {
  std::string key = gazetteer_key(doc, first, last);
  if (const auto* p = g.place(key))
    return (p->kinds & (Gazetteer::Country | Gazetteer::City | Gazetteer::Region))
               ? EntityType::Gpe
               : EntityType::Loc;
  std::string lastw = gazetteer_key(doc.tokens[last - 1].form);
  if (last - first >= 2 && org_word(doc, g, kind_word(doc, first, last)))
    return EntityType::Org;  // "the University of Sheffield", "X Legacy Program"
  if (auto it = g.org_words.find(lastw); it != g.org_words.end() && it->second == EntityType::Fac)
    return EntityType::Fac;
  if (auto rw = g.region_words.find(lastw);
      rw != g.region_words.end() && rw->second.geographic)
    return EntityType::Loc;
  return EntityType::Gpe;
}

// The entity type of a name by the model's label.
EntityType model_type(const Document& doc, const Gazetteer& g, const LabelSpan& sp) {
  switch (sp.type) {
    case kPer:
      return ner_internal::person_name_type(doc, g, sp.first, sp.last);
    case kOrg:
      return EntityType::Org;
    case kEvent:
      return EntityType::Event;
    default:
      return place_name_type(doc, g, sp.first, sp.last);
  }
}

// Whether a word of letters and digits ("IE6", "A320"): it names a product
// or a model, not a person or a place.
bool letters_and_digits(const std::string& form) {
  bool letter = false, digit = false;
  for (char c : form) {
    letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    digit = digit || (c >= '0' && c <= '9');
  }
  return letter && digit;
}

// A bare title ("Prime Minister", "the President", "the US Ambassador")
// names no place or organisation: returns false (coreference reads it as a
// role description).
// A title followed by a name ("King Harald", "President Ana Ruiz") makes m
// a person, unless the whole is a known place ("Prince Edward Island"); so
// does an honorific followed by a given name ("the Honorable Ana Ruiz").
bool read_title(const Document& doc, const Gazetteer& g, Mention& m) {
  if (m.type == EntityType::Person) return true;
  int a = m.first;
  if (gazetteer_key(doc.tokens[a].form) == "the" && a + 1 < m.last) ++a;
  // A style of address before a given name: "the Honorable Ana Ruiz"
  // (not a saint's name of a place or body: "St. Louis Chess Club").
  const std::string style = gazetteer_key(doc.tokens[a].form);
  const std::string last = gazetteer_key(doc.tokens[m.last - 1].form);
  if (a + 1 < m.last && g.honorifics.count(style) && !one_of(style, {"st.", "st", "saint"}) &&
      g.given_names.count(gazetteer_key(doc.tokens[a + 1].form)) && starts_upper(doc.tokens[a + 1].form) &&
      !g.org_words.count(last) && !g.region_words.count(last) && !g.place(gazetteer_key(doc, a + 1, m.last))) {
    m.type = EntityType::Person;
    return true;
  }
  if (g.titles.count(gazetteer_key(doc, a, m.last))) return false;
  // "The Governor of the Tarsk Region", "President of the Republic of
  // Tarsk" taken for a place: a title and its "of" place describe someone.
  for (int e = a + 1; e + 1 < m.last && e <= a + 4; ++e) {
    if (doc.tokens[e].form != "of" || !g.titles.count(gazetteer_key(doc, a, e))) continue;
    int p = e + 1;
    if (gazetteer_key(doc.tokens[p].form) == "the" && p + 1 < m.last) ++p;
    const std::string end = gazetteer_key(doc.tokens[m.last - 1].form);
    if (g.place(gazetteer_key(doc, p, m.last)) ||
        (m.last - p >= 2 && (g.region_words.count(end) || g.place(end))))
      return false;
  }
  // "the US Ambassador", "a French Minister": a place or nationality and a
  // title describe someone; they name nothing.
  for (int e = a + 1; e < m.last && e <= a + 3; ++e) {
    const std::string place = gazetteer_key(doc, a, e);
    if ((g.place(place) || g.demonyms.count(place)) && g.titles.count(gazetteer_key(doc, e, m.last))) return false;
  }
  int b = a;
  for (int e = std::min(m.last - 1, a + 3); e > a; --e)
    if (g.titles.count(gazetteer_key(doc, a, e))) {
      b = e;
      break;
    }
  if (b > a && doc.tokens[b].upos == "PROPN" && starts_upper(doc.tokens[b].form) &&
      !g.place(gazetteer_key(doc, m.first, m.last)) &&
      !g.org_words.count(gazetteer_key(doc.tokens[m.last - 1].form)))
    m.type = EntityType::Person;
  return true;
}

}  // namespace

bool ner_internal::plural_title_name(const Document& doc, const Gazetteer& g, const Mention& m) {
  std::string last = gazetteer_key(doc.tokens[m.last - 1].form);
  if (m.last - m.first < 2 || last.size() < 4 || last.back() != 's') return false;
  int a = m.first;
  if (to_lower(doc.tokens[a].form) == "the") ++a;
  if (a + 1 >= m.last || g.place(gazetteer_key(doc, a, m.last - 1))) return false;
  for (int t = m.first; t < m.last; ++t)
    if (one_of(to_lower(doc.tokens[t].form), {"of", "for", "from"})) return false;
  std::string one = last.substr(0, last.size() - 1);
  if (last.ends_with("ies")) one = last.substr(0, last.size() - 3) + "y";
  return g.titles.count(one) > 0;
}

namespace {

// Fixes of the model's type and extent that need the whole name; returns
// false when m names nothing (a bare title).
bool settle_name(const Document& doc, const Gazetteer& g, Mention& m) {
  if (m.last - m.first == 1 && (m.type == EntityType::Person || m.type == EntityType::Gpe ||
                                m.type == EntityType::Loc) &&
      letters_and_digits(doc.tokens[m.first].form))
    m.type = EntityType::Other;
  // A nationality adjective is not a person ("the Chilean people", "the
  // Azerbaijani government": a modifier of the next word).
  if (m.last - m.first == 1 && g.demonyms.count(gazetteer_key(doc.tokens[m.first].form))) {
    const Token& t = doc.tokens[m.first];
    if (t.upos == "ADJ" || t.deprel == "amod" ||
        ((t.deprel == "compound" || t.deprel == "nmod:desc") && t.head == m.first + 1))
      m.type = EntityType::Norp;
  }
  // "the State Department Spokesperson": an organisation and the title
  // of one of its people; the name is the organisation. Not "the Court of
  // Justice", "the Ministry for Justice": there the word is the name's.
  if (m.type == EntityType::Org && m.last - m.first >= 3 &&
      g.titles.count(gazetteer_key(doc.tokens[m.last - 1].form)) &&
      !one_of(to_lower(doc.tokens[m.last - 2].form), {"of", "for", "and", "the", "&"}) &&
      !g.titles.count(gazetteer_key(doc, m.first, m.last - 1)) &&
      !g.org_words.count(gazetteer_key(doc.tokens[m.last - 1].form)))
    --m.last;
  if (ner_internal::plural_title_name(doc, g, m)) m.type = EntityType::Other;
  return read_title(doc, g, m);
}

// Nationalities, religions and other group words (NORP) outside names in
// sentence s (tokens not yet covered): "Chilean" (an adjective) is a
// nationality; "Afghans" (a plural noun) a group of people.
void add_group_words(const Document& doc, const Gazetteer& g, const Sentence& s, int si,
                     const std::vector<char>& covered, std::vector<Mention>& found) {
  for (int t = s.first; t < s.last; ++t) {
    if (covered[t - s.first]) continue;
    const Token& tok = doc.tokens[t];
    if (!starts_upper(tok.form)) continue;
    int len = 1;
    std::string key = gazetteer_key(tok.form);
    if (t + 1 < s.last && !covered[t + 1 - s.first]) {
      std::string two = gazetteer_key(doc, t, t + 2);
      if (g.demonyms.count(two)) {
        key = two;
        len = 2;
      }
    }
    if (!g.demonyms.count(key) && !g.groups.count(key)) continue;
    Mention m;
    m.sentence = si;
    m.first = t;
    m.last = t + len;
    m.head = t + len - 1;
    m.begin = tok.begin;
    m.end = doc.tokens[t + len - 1].end;
    const Token& last = doc.tokens[t + len - 1];
    const bool modifier = (last.deprel == "compound" || last.deprel == "amod" ||
                           last.deprel == "nmod:desc") &&
                          last.head == t + len;  // "the Azerbaijani people"
    const bool group = !modifier && (last.xpos == "NNS" || last.xpos == "NNPS" ||
                                     ((last.upos == "NOUN" || last.upos == "PROPN") &&
                                      last.form.back() == 's'));
    m.type = group ? EntityType::Person : EntityType::Norp;
    m.kind = MentionKind::Name;
    found.push_back(m);
    t += len - 1;
  }
}

}  // namespace

void NerTagger::process(Document& doc) const {
  const Gazetteer& g = gazetteer_;
  DecodeBuffers buf;
  std::vector<Mention> found;
  std::vector<std::pair<int, int>> descriptions;  // model spans that name no one ("the President")
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    const Sentence& s = doc.sentences[si];
    std::vector<char> covered(s.last - s.first, 0);
    for (const LabelSpan& sp : model_spans(doc, g, clusters_, word_types_, *model_, s, buf)) {
      Mention m;
      m.sentence = si;
      m.first = sp.first;
      m.last = sp.last;
      m.kind = MentionKind::Name;
      m.type = model_type(doc, g, sp);
      if (!settle_name(doc, g, m)) {  // a description: the places inside it stay
        descriptions.emplace_back(m.first, m.last);
        add_nested(doc, g, m, found);
        continue;
      }
      m.head = span_head(doc, m.first, m.last);
      m.begin = doc.tokens[m.first].begin;
      m.end = doc.tokens[m.last - 1].end;
      for (int k = m.first; k < m.last; ++k) covered[k - s.first] = 1;
      found.push_back(m);
      add_nested(doc, g, m, found);
    }
    add_dates(doc, s, si, covered, found);
    add_group_words(doc, g, s, si, covered, found);
  }
  ner_internal::type_by_apposition(doc, g, found);
  ner_internal::add_repeated_names(doc, found, &g);
  ner_internal::type_lone_places(doc, g, found);
  ner_internal::add_untyped_names(doc, g, found, descriptions);
  ner_internal::join_name_halves(doc, g, word_types_, found);
  ner_internal::type_by_coordination(doc, g, found);
  ner_internal::type_by_given_name(doc, g, word_types_, found);
  ner_internal::type_by_word_prior(doc, g, word_types_, found);
  ner_internal::type_org_by_word_prior(doc, g, word_types_, found);
  ner_internal::type_by_meeting(doc, g, found);
  std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });
  doc.mentions.insert(doc.mentions.end(), found.begin(), found.end());
}

}  // namespace ng
