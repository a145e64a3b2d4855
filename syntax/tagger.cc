// Part-of-speech tagger: feature extraction, compact weight tables, decoding
// and the model file. See tagger.h.
#include "syntax/tagger.h"

#include "core/text.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/data_path.h"
#include "core/error.h"
#include "core/utf8.h"
#include "syntax/dense_rows.h"
#include "syntax/model_io.h"

namespace ng {
namespace tagger_internal {

namespace {

// Kinds of hashed strings (seeds for hash_string).
enum Kind : uint64_t {
  kLower = 1, kForm, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3,
  kPrefix4, kShape, kSentinel, kCluster
};

// Feature templates. Values only ever grow: ids are part of the model format.
enum Template : uint64_t {
  tBias = 100, tLower, tForm, tSuf1, tSuf2, tSuf3, tSuf4, tPre1, tPre2, tPre3, tPre4, tShape,
  tFlags, tAmb, tLowerM1, tLowerM2, tLowerP1, tLowerP2, tSuf3M1, tSuf3P1, tShapeM1, tShapeP1,
  tAmbP1, tAmbP2, tTagM1, tTagM2M1, tTagM1Lower, tLowerM1Lower, tLowerLowerP1, tTagM1AmbP1,
  tAmbAmbP1, tSuf2P1, tTagM1Shape, tTagM2,
  // pass 2
  tNextP1 = 200, tNextP2, tNextP1P2, tTagM1NextP1, tLowerNextP1, tAmbNextP1, tNext0,
  tTagM1Next0NextP1,
  // word clusters
  tClu4 = 300, tClu8, tClu16, tClu8M1, tClu8P1
};

inline uint64_t feat(uint64_t t, uint64_t a) { return combine(t * 0x51ed270b27ad4f5dULL, a); }
inline uint64_t feat(uint64_t t, uint64_t a, uint64_t b) { return combine(feat(t, a), b); }

WordInfo make_sentinel(std::string_view name) {
  WordInfo w;
  uint64_t h = hash_string(name, kSentinel);
  w.lower = w.form = w.shape = w.flags = w.amb = h;
  for (int j = 0; j < 4; ++j) w.suffix[j] = w.prefix[j] = h;
  for (uint64_t& c : w.cluster) c = h;
  return w;
}

const WordInfo& sentinel(int which) {  // 0: before the sentence, 1: after
  static const WordInfo infos[2] = {make_sentinel("<s>"), make_sentinel("</s>")};
  return infos[which];
}

}  // namespace

uint64_t hash_string(std::string_view s, uint64_t kind) {
  uint64_t h = 0xcbf29ce484222325ULL ^ (kind * 0x100000001b3ULL);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail ^ (static_cast<uint64_t>(s.size()) << 56)) * 0x100000001b3ULL;
  return mix64(h);
}

uint32_t fingerprint(uint64_t h) {
  uint32_t f = static_cast<uint32_t>(h ^ (h >> 32));
  return f ? f : 1;
}

namespace {

bool is_cont(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the last k code points of s (all of s when shorter).
size_t suffix_bytes(std::string_view s, int k) {
  size_t i = s.size();
  while (i > 0 && k > 0) {
    --i;
    while (i > 0 && is_cont(s[i])) --i;
    --k;
  }
  return s.size() - i;
}
size_t prefix_bytes(std::string_view s, int k) {
  size_t i = 0;
  while (i < s.size() && k > 0) {
    ++i;
    while (i < s.size() && is_cont(s[i])) ++i;
    --k;
  }
  return i;
}

void lower_into(std::string_view s, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (!ascii) {
    out = to_lower(s);
    return;
  }
  out.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

}  // namespace

uint32_t lexicon_key(std::string_view form) {
  std::string lower;
  lower_into(form, lower);
  return fingerprint(hash_string(lower, kLower));
}

void word_infos(const std::vector<std::string_view>& forms, const Lexicon& lexicon,
                const WordClusters& clusters, std::vector<WordInfo>& out) {
  out.resize(forms.size());
  std::string lower, shape, folded, path;
  for (size_t k = 0; k < forms.size(); ++k) {
    std::string_view form = forms[k];
    WordInfo& w = out[k];
    lower_into(form, lower);
    std::string_view lw(lower);
    w.lower = hash_string(lw, kLower);
    w.form = hash_string(form, kForm);
    static constexpr uint64_t kSuf[4] = {kSuffix1, kSuffix2, kSuffix3, kSuffix4};
    static constexpr uint64_t kPre[4] = {kPrefix1, kPrefix2, kPrefix3, kPrefix4};
    for (int j = 0; j < 4; ++j) {
      w.suffix[j] = hash_string(lw.substr(lw.size() - suffix_bytes(lw, j + 1)), kSuf[j]);
      w.prefix[j] = hash_string(lw.substr(0, prefix_bytes(lw, j + 1)), kPre[j]);
    }
    // Shape with runs collapsed, and flags.
    shape.clear();
    bool digit = false, hyphen = false, upper_first = false, all_upper = true, letter = false,
         period = false;
    size_t i = 0;
    int letters = 0;
    while (i < form.size()) {
      char32_t cp;
      if (static_cast<unsigned char>(form[i]) < 0x80)
        cp = static_cast<unsigned char>(form[i++]);
      else
        cp = next_code_point(form, i);
      char c;
      if (is_digit(cp)) {
        c = 'd';
        digit = true;
      } else if (is_upper(cp)) {
        c = 'X';
        letter = true;
        ++letters;
        if (letters == 1) upper_first = true;
      } else if (is_letter(cp)) {
        c = 'x';
        letter = true;
        all_upper = false;
        ++letters;
      } else if (cp < 0x80) {
        c = static_cast<char>(cp);
        if (c == '-') hyphen = true;
        if (c == '.') period = true;
      } else {
        c = '*';
      }
      if (shape.empty() || shape.back() != c) shape.push_back(c);
      if (shape.size() > 8) break;
    }
    w.shape = hash_string(shape, kShape);
    uint64_t bits = (digit ? 1 : 0) | (hyphen ? 2 : 0) | (upper_first ? 4 : 0) |
                    (letter && all_upper && letters > 1 ? 8 : 0) | (letter ? 16 : 0) |
                    (k == 0 ? 32 : 0) | (period ? 64 : 0);
    size_t len = code_point_count(form);
    bits |= static_cast<uint64_t>(len > 6 ? 6 : len) << 8;
    w.flags = mix64(bits + 0x1234567);
    uint32_t amb = lexicon.lookup(w.lower);
    w.amb = mix64(0xabcdef0000ULL + amb);
    w.known = amb != 0;
    bool ascii = true;
    for (char c : lw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii) folded = to_lower(fold_accents(form));
    const ClusterPath cp = clusters.find(ascii ? lw : std::string_view(folded));
    static constexpr int kBits[3] = {4, 8, 16};
    for (int j = 0; j < 3; ++j) {
      WordClusters::prefix_string(cp, kBits[j], path);
      w.cluster[j] = hash_string(path, kCluster);
    }
  }
}

bool closed_class(std::string_view upos) {
  for (std::string_view c : {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})
    if (upos == c) return true;
  return false;
}

int features(const std::vector<WordInfo>& words, int i, int prev1, int prev2, const int* next,
             uint64_t* out, FeatureSet which) {
  const int n = static_cast<int>(words.size());
  auto at = [&](int j) -> const WordInfo& {
    if (j < 0) return sentinel(0);
    if (j >= n) return sentinel(1);
    return words[j];
  };
  const WordInfo& w0 = words[i];
  const WordInfo& m1 = at(i - 1);
  const WordInfo& m2 = at(i - 2);
  const WordInfo& p1 = at(i + 1);
  const WordInfo& p2 = at(i + 2);
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  int k = 0;
  const bool own = which != FeatureSet::kContext, context = which != FeatureSet::kOwn;
  if (own) {
    out[k++] = feat(tBias, 0);
    out[k++] = feat(tLower, w0.lower);
    out[k++] = feat(tForm, w0.form);
    out[k++] = feat(tSuf1, w0.suffix[0]);
    out[k++] = feat(tSuf2, w0.suffix[1]);
    out[k++] = feat(tSuf3, w0.suffix[2]);
    out[k++] = feat(tSuf4, w0.suffix[3]);
    out[k++] = feat(tPre1, w0.prefix[0]);
    out[k++] = feat(tPre2, w0.prefix[1]);
    out[k++] = feat(tPre3, w0.prefix[2]);
    out[k++] = feat(tPre4, w0.prefix[3]);
    out[k++] = feat(tShape, w0.shape);
    out[k++] = feat(tFlags, w0.flags);
    out[k++] = feat(tAmb, w0.amb);
  }
  if (context) {
    out[k++] = feat(tLowerM1, m1.lower);
    out[k++] = feat(tLowerM2, m2.lower);
    out[k++] = feat(tLowerP1, p1.lower);
    out[k++] = feat(tLowerP2, p2.lower);
    out[k++] = feat(tSuf3M1, m1.suffix[2]);
    out[k++] = feat(tSuf3P1, p1.suffix[2]);
    out[k++] = feat(tSuf2P1, p1.suffix[1]);
    out[k++] = feat(tShapeM1, m1.shape);
    out[k++] = feat(tShapeP1, p1.shape);
    out[k++] = feat(tAmbP1, p1.amb);
    out[k++] = feat(tAmbP2, p2.amb);
    out[k++] = feat(tTagM1, t1);
    out[k++] = feat(tTagM2, t2);
    out[k++] = feat(tTagM2M1, t2, t1);
    out[k++] = feat(tTagM1Lower, t1, w0.lower);
    out[k++] = feat(tLowerM1Lower, m1.lower, w0.lower);
    out[k++] = feat(tLowerLowerP1, w0.lower, p1.lower);
    out[k++] = feat(tTagM1AmbP1, t1, p1.amb);
    out[k++] = feat(tAmbAmbP1, w0.amb, p1.amb);
    out[k++] = feat(tTagM1Shape, t1, w0.shape);
  }
  if (own) {
    out[k++] = feat(tClu4, w0.cluster[0]);
    out[k++] = feat(tClu8, w0.cluster[1]);
    out[k++] = feat(tClu16, w0.cluster[2]);
  }
  if (!context) return k;
  out[k++] = feat(tClu8M1, m1.cluster[1]);
  out[k++] = feat(tClu8P1, p1.cluster[1]);
  if (next) {
    auto nt = [&](int j) -> uint64_t { return j >= n ? 0 : static_cast<uint64_t>(next[j] + 2); };
    const uint64_t n0 = nt(i), n1 = nt(i + 1), n2 = nt(i + 2);
    out[k++] = feat(tNextP1, n1);
    out[k++] = feat(tNextP2, n2);
    out[k++] = feat(tNextP1P2, n1, n2);
    out[k++] = feat(tTagM1NextP1, t1, n1);
    out[k++] = feat(tLowerNextP1, w0.lower, n1);
    out[k++] = feat(tAmbNextP1, w0.amb, n1);
    out[k++] = feat(tNext0, n0);
    out[k++] = feat(tTagM1Next0NextP1, feat(t1, n0), n1);
  }
  return k;
}

// ---- Lexicon ---------------------------------------------------------------

namespace {
inline size_t slot_of(uint32_t fp, int bits) {
  return static_cast<size_t>((static_cast<uint64_t>(fp) * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}
int table_bits(size_t n) {
  int bits = 4;
  while ((size_t{1} << bits) < n * 2) ++bits;
  return bits;
}
}  // namespace

uint32_t Lexicon::lookup(uint64_t lower_hash) const {
  if (keys.empty()) return 0;
  const uint32_t fp = fingerprint(lower_hash);
  const size_t mask = keys.size() - 1;
  const int bits = __builtin_ctzll(keys.size());
  size_t i = slot_of(fp, bits);
  for (size_t steps = 0; steps <= mask; ++steps, i = (i + 1) & mask) {  // bounded: corrupt files
    if (keys[i] == fp) return values[i];
    if (keys[i] == 0) return 0;
  }
  return 0;
}

void Lexicon::build(const std::vector<std::pair<uint32_t, uint32_t>>& entries) {
  const int bits = table_bits(entries.size());
  keys.assign(size_t{1} << bits, 0);
  values.assign(size_t{1} << bits, 0);
  const size_t mask = keys.size() - 1;
  for (const auto& [fp, v] : entries) {
    size_t i = slot_of(fp, bits);
    while (keys[i] != 0 && keys[i] != fp) i = (i + 1) & mask;
    keys[i] = fp;
    values[i] = v;
  }
}

// ---- WeightTable -----------------------------------------------------------

void WeightTable::score(const uint64_t* f, int n, int32_t* scores) const {
  if (slots.empty()) return;
  const size_t mask = slots.size() - 1;
  const int bits = __builtin_ctzll(slots.size());
  size_t idx[kMaxFeatures];
  uint32_t fps[kMaxFeatures];
  for (int k = 0; k < n; ++k) {
    fps[k] = fingerprint(f[k]);
    idx[k] = slot_of(fps[k], bits);
    __builtin_prefetch(&slots[idx[k]]);
  }
  uint64_t found[kMaxFeatures];  // sparse lists
  const int16_t* dense_rows[kMaxFeatures];
  int nfound = 0, ndense = 0;
  const size_t rows = dense.size() / stride;  // >= 1 (check())
  for (int k = 0; k < n; ++k) {
    size_t i = idx[k];
    for (size_t steps = 0; steps <= mask; ++steps, i = (i + 1) & mask) {  // bounded: corrupt files
      const uint64_t s = slots[i];
      if (s == 0) break;
      if (static_cast<uint32_t>(s >> 32) == fps[k]) {
        const size_t off = (s >> 8) & 0xFFFFFF, cnt = s & 0xFF;
        if (cnt == 0xFF) {
          const int16_t* row = dense.data() + std::min(off, rows - 1) * stride;
          dense_rows[ndense++] = row;
          const char* p = reinterpret_cast<const char*>(row);
          for (int b = 0; b < stride * 2; b += 64) __builtin_prefetch(p + b);
          break;
        }
        if (off + cnt <= entries.size())  // (else a corrupt file: skipped)
          __builtin_prefetch(entries.data() + off);
        else
          break;
        found[nfound++] = s;
        break;
      }
    }
  }
  for (int k = 0; k < nfound; ++k) {
    const uint64_t s = found[k];
    const size_t off = (s >> 8) & 0xFFFFFF, cnt = s & 0xFF;
    const Entry* e = entries.data() + off;
    for (const Entry* end = e + cnt; e != end; ++e) scores[e->cls] += e->w;
  }
  add_dense_rows(dense_rows, ndense, stride, scores);  // integer sums: order-free
}

void WeightTable::check(const std::string& path) {
  auto bad = [&](const std::string& why) {
    return Error("model '" + path + "': corrupt tagger model (" + why + ")");
  };
  if (classes <= 0 || classes > 255 || stride != padded(classes)) throw bad("class count");
  if (slots.empty() || (slots.size() & (slots.size() - 1)) != 0) throw bad("table size");
  if (dense.size() % stride != 0) throw bad("dense rows");
  if (dense.empty()) dense.resize(stride, 0);
  for (const Entry& e : entries)
    if (e.cls >= classes) throw bad("class index");
}

void WeightTable::build(std::vector<std::pair<uint32_t, std::vector<Entry>>>& feats) {
  slots.clear();
  entries.clear();
  dense.clear();
  stride = padded(classes);
  if (feats.empty()) return;
  const int bits = table_bits(feats.size());
  slots.assign(size_t{1} << bits, 0);
  const size_t mask = slots.size() - 1;
  size_t rows = 0;
  for (auto& [fp, list] : feats) {
    if (list.empty()) continue;
    uint64_t s;
    if (static_cast<int>(list.size()) >= kDenseMin) {
      if (rows >= 0xFFFFFF) throw Error("tagger weight table too large");
      dense.resize((rows + 1) * stride, 0);
      for (const Entry& e : list) dense[rows * stride + e.cls] = e.w;
      s = (static_cast<uint64_t>(fp) << 32) | (rows << 8) | 0xFF;
      ++rows;
    } else {
      if (entries.size() + list.size() > 0xFFFFFF) throw Error("tagger weight table too large");
      s = (static_cast<uint64_t>(fp) << 32) | (entries.size() << 8) | list.size();
      entries.append(list.begin(), list.end());
    }
    size_t i = slot_of(fp, bits);
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
}

std::vector<std::pair<uint32_t, std::vector<WeightTable::Entry>>> WeightTable::lists() const {
  std::vector<std::pair<uint32_t, std::vector<Entry>>> out;
  for (uint64_t s : slots) {
    if (!s) continue;
    const size_t off = (s >> 8) & 0xFFFFFF, cnt = s & 0xFF;
    std::vector<Entry> list;
    if (cnt == 0xFF) {
      for (int c = 0; c < classes; ++c)
        if (int16_t w = dense[off * stride + c]) list.push_back({static_cast<uint16_t>(c), w});
    } else {
      list.assign(entries.begin() + off, entries.begin() + off + cnt);
    }
    out.emplace_back(static_cast<uint32_t>(s >> 32), std::move(list));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

size_t WeightTable::features() const {
  size_t n = 0;
  for (uint64_t s : slots) n += s != 0;
  return n;
}

// ---- Model file --------------------------------------------------------------

namespace {

// Format 1: the features as (fingerprint delta, entry count, (class, weight)
// entries), rebuilt into a table at load.
void read_legacy_table(ModelReader& r, WeightTable& t) {
  t.scale = r.f32();
  t.classes = static_cast<int>(r.varint());
  const size_t n = r.varint();
  if (n > (size_t{1} << 26)) throw r.bad("corrupt tagger model (feature count)");
  std::vector<std::pair<uint32_t, std::vector<WeightTable::Entry>>> feats(n);
  uint32_t prev = 0;
  for (auto& [fp, list] : feats) {
    fp = prev + static_cast<uint32_t>(r.varint());
    prev = fp;
    const size_t cnt = r.varint();
    if (cnt > 255) throw r.bad("corrupt tagger model (entry count)");
    list.resize(cnt);
    for (auto& e : list) {
      e.cls = r.u8();
      e.w = static_cast<int16_t>(r.svarint());
      if (e.cls >= t.classes) throw r.bad("corrupt tagger model (class index)");
    }
  }
  t.build(feats);
}

void read_legacy_lexicon(ModelReader& r, Lexicon& lexicon) {
  const size_t nlex = r.varint();
  if (nlex > (size_t{1} << 26)) throw r.bad("corrupt tagger model (lexicon size)");
  std::vector<std::pair<uint32_t, uint32_t>> lex(nlex);
  uint32_t prev = 0;
  for (auto& [k, v] : lex) {
    k = prev + static_cast<uint32_t>(r.varint());
    prev = k;
    v = static_cast<uint32_t>(r.varint());
  }
  lexicon.build(lex);
}

// Format 2: the table as used (rebuilt from its sorted feature lists first,
// so the bytes depend only on the weights, not on the order of training).
void write_table(ModelWriter& w, const WeightTable& table) {
  WeightTable t;
  t.scale = table.scale;
  t.classes = table.classes;
  auto lists = table.lists();
  t.build(lists);
  w.f32(t.scale);
  w.varint(static_cast<uint64_t>(t.classes));
  w.varint(static_cast<uint64_t>(t.stride));
  w.array(t.slots);
  w.array(t.entries);
  w.array(t.dense);
}

void read_table(ModelReader& r, WeightTable& t) {
  t.scale = r.f32();
  t.classes = static_cast<int>(r.varint());
  t.stride = static_cast<int>(r.varint());
  t.slots = r.array<uint64_t>();
  t.entries = r.array<WeightTable::Entry>();
  t.dense = r.array<int16_t>();
}

}  // namespace

void save_model(const Model& m, const std::string& path) {
  ModelWriter w("tagger", kModelVersion);
  w.varint(m.upos.size());
  for (size_t k = 0; k < m.upos.size(); ++k) {
    w.str(m.upos[k]);
    w.str(m.xpos[k]);
  }
  std::vector<std::pair<uint32_t, uint32_t>> lex;
  for (size_t i = 0; i < m.lexicon.keys.size(); ++i)
    if (m.lexicon.keys[i]) lex.emplace_back(m.lexicon.keys[i], m.lexicon.values[i]);
  std::sort(lex.begin(), lex.end());
  Lexicon sorted;
  sorted.build(lex);
  w.array(sorted.keys);
  w.array(sorted.values);
  write_table(w, m.pass1);
  w.u8(m.pass2.classes > 0 ? 1 : 0);
  if (m.pass2.classes > 0) write_table(w, m.pass2);
  w.save(path);
}

namespace {
// The class of the (UPOS, XPOS) pair in the model's tag set; -1 if absent.
int tag_index(const Model& m, std::string_view upos, std::string_view xpos) {
  for (size_t k = 0; k < m.upos.size(); ++k)
    if (m.upos[k] == upos && m.xpos[k] == xpos) return static_cast<int>(k);
  return -1;
}
}  // namespace

std::unique_ptr<Model> load_model(const std::string& path) {
  ModelReader r(path, "tagger", kModelVersion);
  auto m = std::make_unique<Model>();
  const size_t c = r.varint();
  if (c == 0 || c > 255) throw r.bad("corrupt tagger model (tag count)");
  for (size_t k = 0; k < c; ++k) {
    m->upos.push_back(r.str());
    m->xpos.push_back(r.str());
  }
  if (r.legacy()) {
    read_legacy_lexicon(r, m->lexicon);
    read_legacy_table(r, m->pass1);
    if (r.u8()) read_legacy_table(r, m->pass2);
  } else {
    m->lexicon.keys = r.array<uint32_t>();
    m->lexicon.values = r.array<uint32_t>();
    const size_t nk = m->lexicon.keys.size();
    if (nk == 0 || (nk & (nk - 1)) != 0 || m->lexicon.values.size() != nk)
      throw r.bad("corrupt tagger model (lexicon size)");
    read_table(r, m->pass1);
    if (r.u8()) read_table(r, m->pass2);
  }
  if (m->pass1.classes != static_cast<int>(c) ||
      (m->pass2.classes != 0 && m->pass2.classes != static_cast<int>(c)))
    throw r.bad("corrupt tagger model (class count mismatch)");
  if (!r.at_end()) throw r.bad("corrupt tagger model (trailing data)");
  m->pass1.check(path);
  if (m->pass2.classes != 0) m->pass2.check(path);
  for (const std::string& u : m->upos) m->closed.push_back(closed_class(u) ? 1 : 0);
  m->vbg = tag_index(*m, "VERB", "VBG");
  m->wrb = tag_index(*m, "ADV", "WRB");
  m->nnp = tag_index(*m, "PROPN", "NNP");
  return m;
}

std::unique_ptr<const Model> resident_model(const Model& m) {
  auto copy = std::make_unique<Model>(m);
  copy->lexicon.keys = resident_copy(m.lexicon.keys);
  copy->lexicon.values = resident_copy(m.lexicon.values);
  for (WeightTable* t : {&copy->pass1, &copy->pass2}) {
    t->slots = resident_copy(t->slots);
    t->entries = resident_copy(t->entries);
    t->dense = resident_copy(t->dense);
  }
  return copy;
}

}  // namespace tagger_internal

// ---- Tagger ------------------------------------------------------------------

namespace {

// Per thread: the summed weights of the FeatureSet::kOwn features of recently
// tagged words, for both passes (most words of a text are frequent ones).
// An entry is found by the WordInfo fields those features read, compared in
// full, and by the tagger: a sum is only reused for the very same features
// and weights. Direct-mapped: a new word replaces the one in its entry.
class OwnSums {
 public:
  // The sums of words[i] under tagger `tagger` with model m: pass 1 at
  // [0, padded(classes)), pass 2 (when m has one) right after.
  const int32_t* get(const tagger_internal::Model& m, uint64_t tagger,
                     const std::vector<tagger_internal::WordInfo>& words, int i);

 private:
  static constexpr size_t kEntries = 4096;
  struct Key {
    uint64_t tagger = 0;  // 0 = empty entry
    uint64_t v[16] = {};  // the WordInfo fields of the kOwn features
    bool operator==(const Key&) const = default;
  };
  std::vector<Key> keys_ = std::vector<Key>(kEntries);
  std::vector<int32_t> sums_;  // kEntries * width_
  size_t width_ = 0;
};

const int32_t* OwnSums::get(const tagger_internal::Model& m, uint64_t tagger,
                            const std::vector<tagger_internal::WordInfo>& words, int i) {
  using namespace tagger_internal;
  const WordInfo& w = words[i];
  Key key{tagger, {w.lower, w.form, w.suffix[0], w.suffix[1], w.suffix[2], w.suffix[3],
                   w.prefix[0], w.prefix[1], w.prefix[2], w.prefix[3], w.shape, w.flags, w.amb,
                   w.cluster[0], w.cluster[1], w.cluster[2]}};
  const size_t stride = padded(m.pass1.classes);
  if (width_ != 2 * stride) {
    width_ = 2 * stride;
    sums_.assign(kEntries * width_, 0);
    std::fill(keys_.begin(), keys_.end(), Key{});
  }
  const size_t e = mix64(w.form ^ (w.flags * 0x9E3779B97F4A7C15ULL)) % kEntries;
  int32_t* sums = sums_.data() + e * width_;
  if (keys_[e] == key) return sums;
  uint64_t f[kMaxFeatures];
  const int nf = features(words, i, -1, -1, nullptr, f, FeatureSet::kOwn);
  std::fill(sums, sums + width_, 0);
  m.pass1.score(f, nf, sums);
  if (m.pass2.classes > 0) m.pass2.score(f, nf, sums + stride);
  keys_[e] = key;
  return sums;
}

}  // namespace

Tagger::Tagger() : Tagger(data_path("models/tagger.bin").string()) {}
Tagger::Tagger(const std::string& model_path)
    : model_(tagger_internal::load_model(model_path)),
      resident_(std::make_unique<ResidentModel<tagger_internal::Model>>(
          model_.get(), &tagger_internal::resident_model)),
      clusters_(WordClusters::load(data_path("models/clusters.bin"))),
      id_(next_model_instance_id()) {}
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

const std::vector<std::string>& Tagger::upos_tags() const { return model_->upos; }
const std::vector<std::string>& Tagger::xpos_tags() const { return model_->xpos; }

namespace {
// "looks forward to meeting King X": an -ing word tagged NN after the
// preposition "to" and before a name, determiner or pronoun is a gerund with
// an object (VBG); the cluster features sometimes read it as the noun.
void gerunds_after_to(const tagger_internal::Model& m, const std::vector<std::string_view>& forms,
                      std::vector<int>& out) {
  const int vbg = m.vbg;
  if (vbg < 0) return;
  for (size_t i = 1; i + 1 < forms.size(); ++i) {
    const std::string_view w = forms[i], prev = forms[i - 1];
    if (m.xpos[out[i]] != "NN" || w.size() < 6 || w.substr(w.size() - 3) != "ing") continue;
    if (!(prev == "to" || prev == "To") || m.xpos[out[i - 1]] != "IN") continue;
    const std::string& next = m.xpos[out[i + 1]];
    if (next == "NNP" || next == "NNPS" || next == "DT" || next == "PRP" || next == "PRP$")
      out[i] = vbg;
  }
}

// "a summit where on Sunday X signed": the wh-adverbs where, when, why and
// how are never auxiliaries, verbs or nouns; tagged so, they become the
// adverb (ADV/WRB), which is what they are in relative and question clauses.
void wh_adverbs(const tagger_internal::Model& m, const std::vector<std::string_view>& forms,
                std::vector<int>& out) {
  if (m.wrb < 0) return;
  auto wh = [](std::string_view f) {
    if (f.size() < 3 || f.size() > 5 || (f[0] != 'w' && f[0] != 'W' && f[0] != 'h' && f[0] != 'H'))
      return false;  // most words end here, without a copy
    return one_of(to_lower(f), {"where", "when", "why", "how"});
  };
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string& u = m.upos[out[i]];
    if (wh(forms[i]) && (u == "AUX" || u == "VERB" || u == "NOUN")) out[i] = m.wrb;
  }
}

// "Zelensky did not meet X": a capitalised word the lexicon does not know,
// first in the sentence and right before a verb or auxiliary, is a name
// (PROPN/NNP), not an adverb (the suffix features read "-sky" like "-ly";
// adverbs in "-ly" and the known ones keep their tag).
void unknown_initial_names(const tagger_internal::Model& m, const std::vector<std::string_view>& forms,
                           const std::vector<tagger_internal::WordInfo>& words, std::vector<int>& out) {
  if (m.nnp < 0 || forms.size() < 2 || words[0].known || !starts_upper(forms[0]) || forms[0].ends_with("ly"))
    return;
  const std::string& next = m.upos[out[1]];
  if (m.upos[out[0]] == "ADV" && (next == "AUX" || next == "VERB")) out[0] = m.nnp;
}
}  // namespace

void Tagger::tag(const std::vector<std::string_view>& forms, std::vector<int>& out) const {
  thread_local std::vector<tagger_internal::WordInfo> words;
  thread_local std::vector<int32_t> scratch;
  thread_local std::vector<int> first;
  scratch.reserve(tagger_internal::padded(model_->pass1.classes));
  const tagger_internal::Model& m = resident_->get();
  resident_->note_use(forms.size());
  tagger_internal::word_infos(forms, m.lexicon, clusters_, words);
  // Each word's own sums, copied (a later word of the sentence may take the
  // cache entry of an earlier one).
  thread_local OwnSums own_sums;
  thread_local std::vector<int32_t> own;
  thread_local std::vector<const int32_t*> own1, own2;
  const size_t stride = tagger_internal::padded(m.pass1.classes);
  own.resize(forms.size() * 2 * stride);
  own1.resize(forms.size());
  own2.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    const int32_t* sums = own_sums.get(m, id_, words, static_cast<int>(i));
    own1[i] = std::copy(sums, sums + 2 * stride, own.data() + i * 2 * stride) - 2 * stride;
    own2[i] = own1[i] + stride;
  }
  auto score1 = [&](const uint64_t* f, int n, int32_t* s) { m.pass1.score(f, n, s); };
  const uint8_t* closed = m.closed.data();
  if (m.pass2.classes == 0) {
    tagger_internal::decode(words, nullptr, m.pass1.classes, score1, scratch, out, closed,
                            own1.data());
    return;
  }
  tagger_internal::decode(words, nullptr, m.pass1.classes, score1, scratch, first, closed,
                          own1.data());
  auto score2 = [&](const uint64_t* f, int n, int32_t* s) { m.pass2.score(f, n, s); };
  tagger_internal::decode(words, first.data(), m.pass2.classes, score2, scratch, out, closed,
                          own2.data());
  gerunds_after_to(m, forms, out);
  wh_adverbs(m, forms, out);
  unknown_initial_names(m, forms, words, out);
}

void Tagger::process(Document& doc) const {
  std::vector<std::string_view> forms;
  std::vector<int> tags;
  auto run = [&](int first, int last) {
    forms.clear();
    for (int t = first; t < last; ++t) forms.emplace_back(doc.tokens[t].form);
    tag(forms, tags);
    for (int t = first; t < last; ++t) {
      doc.tokens[t].upos = model_->upos[tags[t - first]];
      doc.tokens[t].xpos = model_->xpos[tags[t - first]];
    }
  };
  if (doc.sentences.empty()) {
    if (!doc.tokens.empty()) run(0, static_cast<int>(doc.tokens.size()));
    return;
  }
  for (const Sentence& s : doc.sentences)
    if (s.last > s.first) run(s.first, s.last);
}

}  // namespace ng
