// Part-of-speech tagger: fills Token::upos (Universal POS) and Token::xpos
// (Penn Treebank POS) for every token.
//
// Method: greedy averaged perceptron over hashed features, predicting the
// joint (UPOS, XPOS) pair as one class, in two passes. Pass 1 tags left to
// right from word features (form, lower-cased form, prefixes and suffixes
// 1-4, shape, capitalisation/digit/hyphen flags, neighbouring words, the
// ambiguity class of the word and its neighbours in a lexicon learned from
// training data, word-cluster path prefixes of the word and its neighbours
// from models/clusters.bin) and the two previous predicted tags. Pass 2 does the same
// with, in addition, the pass-1 tags of the next two words (so each decision
// sees both sides). The model (models/tagger.bin, written with model_io) is
// trained by `newsgraph train --what tagger` (train/tagger_train.h).
//
// Thread-safety: immutable after construction; process() and tag() are const
// and safe to call from many threads at once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/stage.h"
#include "lexicon/word_clusters.h"
#include "syntax/model_io.h"

namespace ng {

namespace tagger_internal {
struct Model;  // tag set, lexicon and weight tables; defined below
}

class Tagger : public Stage {
 public:
  // Loads data_path("models/tagger.bin").
  Tagger();
  // Loads a model file, and the word clusters of data_path("models/clusters.bin").
  // Throws ng::Error naming the file when it is missing, truncated or not a
  // tagger model.
  explicit Tagger(const std::string& model_path);
  ~Tagger() override;
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  std::string_view name() const override { return "tagger"; }

  // Fills upos and xpos of every token of every sentence (reads only
  // Token::form). When doc has tokens but no sentences, all tokens are tagged
  // as one sentence.
  void process(Document& doc) const override;

  // Tags one sentence given its word forms: out[i] is the index into
  // upos_tags()/xpos_tags() of the tag pair of forms[i].
  void tag(const std::vector<std::string_view>& forms, std::vector<int>& out) const;
  // The tag set: pair k is (upos_tags()[k], xpos_tags()[k]).
  const std::vector<std::string>& upos_tags() const;
  const std::vector<std::string>& xpos_tags() const;

 private:
  std::unique_ptr<const tagger_internal::Model> model_;
  // What tag() reads: *model_, then its resident copy (see ResidentModel).
  std::unique_ptr<ResidentModel<tagger_internal::Model>> resident_;
  WordClusters clusters_;
  uint64_t id_;  // distinct for every Tagger made: names its model in per-thread caches
};

// ---------------------------------------------------------------------------
// Internals shared by the tagger and its trainer (train/tagger_train.cc).
// Not for other callers.
namespace tagger_internal {

inline constexpr uint32_t kModelVersion = 1;

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t combine(uint64_t a, uint64_t b) {
  return mix64(a ^ (b * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL));
}
// Hash of a byte string, distinct per `kind` (so a suffix "es" and a word
// "es" do not collide). Reads 8-byte words: models are portable between
// little-endian hosts (x86-64, ARM64) only.
uint64_t hash_string(std::string_view s, uint64_t kind);

// What the feature extractor knows about one word, computed once per word.
struct WordInfo {
  uint64_t lower = 0;      // lower-cased form
  uint64_t form = 0;       // form as written
  uint64_t suffix[4] = {}; // last 1..4 code points of the lower-cased form
  uint64_t prefix[4] = {}; // first 1..4 code points
  uint64_t shape = 0;      // "Xx", "d,d", "xx-xx" (runs collapsed)
  uint64_t flags = 0;      // capitalisation/digit/hyphen/position bits
  uint64_t amb = 0;        // ambiguity class in the lexicon (0 = unknown word)
  uint64_t cluster[3] = {};  // 4-, 8- and 16-bit prefixes of the word's cluster path
  bool known = false;      // the word is in the lexicon
};

// Lexicon of frequent lower-cased words -> ambiguity class (hash of the set
// of tags the word had in training). Keys are 32-bit fingerprints of
// hash_string(lower, kLower).
struct Lexicon {
  ModelArray<uint32_t> keys;     // open addressing, 0 = empty; size power of two
  ModelArray<uint32_t> values;   // ambiguity class id + 1
  uint32_t lookup(uint64_t lower_hash) const;  // 0 = absent
  void build(const std::vector<std::pair<uint32_t, uint32_t>>& entries);
};
uint32_t fingerprint(uint64_t h);  // never 0
// The lexicon key of a word form (fingerprint of its lower-cased form).
uint32_t lexicon_key(std::string_view form);

// Computes the WordInfo of every word of a sentence (clusters: looked up
// lower-cased and accent-folded; an empty table gives every word "no cluster").
void word_infos(const std::vector<std::string_view>& forms, const Lexicon& lexicon,
                const WordClusters& clusters, std::vector<WordInfo>& out);

inline constexpr int kMaxFeatures = 56;
// Which templates features() writes: all, those that read only the word's
// own WordInfo fields (and the bias), or the others.
enum class FeatureSet { kAll, kOwn, kContext };
// Writes the feature hashes for word i into out (at most kMaxFeatures) and
// returns their number. prev1/prev2: tags of words i-1, i-2 predicted by this
// pass (-1 = before the sentence). next: pass-1 tags of the sentence (nullptr
// in pass 1).
int features(const std::vector<WordInfo>& words, int i, int prev1, int prev2, const int* next,
             uint64_t* out, FeatureSet which = FeatureSet::kAll);

// Compact averaged weights of one pass: feature fingerprint -> the feature's
// weights, int16 scaled by `scale`: a sparse list of (class, weight) for most
// features, a dense row of `stride` weights for features with many classes
// (bias, tag history), which are added with vector instructions.
struct WeightTable {
  struct Entry {
    uint16_t cls;
    int16_t w;
  };
  static constexpr int kDenseMin = 8;  // lists this long become dense rows
  // fingerprint << 32 | offset << 8 | count; count 0xFF = dense row number
  // `offset`; 0 = empty slot.
  // The arrays are mapped from the model file (or built in memory by build()).
  ModelArray<uint64_t> slots;
  ModelArray<Entry> entries;
  ModelArray<int16_t> dense;     // rows of `stride` weights
  float scale = 1.0f;            // real weight = w * scale
  int classes = 0;
  int stride = 0;                // classes rounded up to a multiple of 16

  // Adds the weights of features f[0..n) to scores[0..stride) (callers size
  // scores with padded(classes)).
  void score(const uint64_t* f, int n, int32_t* scores) const;
  // Builds from (fingerprint, entries) lists; fingerprints must be distinct.
  void build(std::vector<std::pair<uint32_t, std::vector<Entry>>>& feats);
  // The features as (fingerprint, entries), sorted by fingerprint.
  std::vector<std::pair<uint32_t, std::vector<Entry>>> lists() const;
  size_t features() const;
  // Checks a loaded table (sizes, class indices); throws ng::Error naming path.
  void check(const std::string& path);
};
inline int padded(int classes) { return (classes + 15) / 16 * 16; }

struct Model {
  std::vector<std::string> upos, xpos;  // the tag set (pairs)
  Lexicon lexicon;
  WeightTable pass1, pass2;            // pass2.classes == 0: single pass
  std::vector<uint8_t> closed;         // per class: closed_class(upos), set by load_model
  int vbg = -1, wrb = -1, nnp = -1;    // classes VERB/VBG, ADV/WRB, PROPN/NNP (-1: none), set by load_model
};

// True for the closed-class UPOS tags (ADP, AUX, CCONJ, DET, PART, PRON,
// SCONJ): every member of these classes is a frequent word, so a word missing
// from the lexicon never gets one of them.
bool closed_class(std::string_view upos);

// Greedy decoding of one pass with any scorer: score(f, n, scores) adds the
// weights of features f[0..n) into scores (size padded(classes), zeroed).
// closed (may be null): closed[c] != 0 marks classes that words unknown to the
// lexicon may not take. own (may be null): own[i] holds the summed weights of
// word i's FeatureSet::kOwn features (padded(classes) of them), so that only
// the others are scored.
template <class Scorer, class Score>
void decode(const std::vector<WordInfo>& words, const int* first_pass, int classes,
            const Scorer& score, std::vector<Score>& scratch, std::vector<int>& out,
            const uint8_t* closed = nullptr, const Score* const* own = nullptr) {
  const int n = static_cast<int>(words.size());
  out.assign(n, 0);
  scratch.resize(padded(classes));
  uint64_t f[kMaxFeatures];
  for (int i = 0; i < n; ++i) {
    const FeatureSet which = own ? FeatureSet::kContext : FeatureSet::kAll;
    int nf = features(words, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, first_pass, f,
                      which);
    if (own)
      std::copy(own[i], own[i] + scratch.size(), scratch.begin());
    else
      std::fill(scratch.begin(), scratch.end(), Score(0));
    score(f, nf, scratch.data());
    const bool restrict = closed != nullptr && !words[i].known;
    int best = -1;
    for (int c = 0; c < classes; ++c)
      if (!(restrict && closed[c]) && (best < 0 || scratch[c] > scratch[best])) best = c;
    out[i] = best < 0 ? 0 : best;
  }
}

// Reads / writes the model file (kind "tagger").
std::unique_ptr<Model> load_model(const std::string& path);
// A copy of m with its big arrays in huge pages (resident_copy).
std::unique_ptr<const Model> resident_model(const Model& m);
void save_model(const Model& model, const std::string& path);

}  // namespace tagger_internal
}  // namespace ng
