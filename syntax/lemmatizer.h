// Lemmatizer: fills Token::lemma from the form and the POS tags (run after
// the tagger).
//
// Method, learned from treebanks (models/lemmatizer.bin):
//  1. case: per XPOS and capitalisation class of the form (lower, Initial,
//     ALLCAPS, mIxed), whether the lemma keeps the form's case or is
//     lower-cased (proper nouns and demonym adjectives keep it; for some tags
//     a capitalised word is lower-cased when only that lemma is known);
//  2. an exception table form|XPOS -> lemma, holding only the training words
//     the rules below get wrong (irregular forms: "went" -> "go", "is" -> "be");
//  3. suffix rewrite rules per XPOS ("-ies" -> "-y" for NNS, "-ed" -> "" for
//     VBD, "-ing" -> "" ...): the longest suffix of the form seen in training
//     decides; of its most frequent rules, the first that yields a lemma seen
//     in training wins ("bombed" -> "bomb", not "bom" as for "robbed"), else
//     the most frequent applicable one.
// Unknown tags leave the (case-normalised) form unchanged.
//
// Thread-safety: immutable after construction; process() and lemma() are
// const and safe to call from many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/stage.h"

namespace ng {

namespace lemmatizer_internal {
struct Model;
}

class Lemmatizer : public Stage {
 public:
  // Loads data_path("models/lemmatizer.bin").
  Lemmatizer();
  // Loads a model file. Throws ng::Error naming the file when it is missing,
  // truncated or not a lemmatizer model.
  explicit Lemmatizer(const std::string& model_path);
  ~Lemmatizer() override;
  Lemmatizer(Lemmatizer&&) noexcept;
  Lemmatizer& operator=(Lemmatizer&&) noexcept;

  std::string_view name() const override { return "lemmatizer"; }
  // Sets Token::lemma of every token from form and xpos (upos when xpos is
  // empty or unknown).
  void process(Document& doc) const override;
  // The lemma of one word. Never empty for a non-empty form.
  std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;

 private:
  std::unique_ptr<const lemmatizer_internal::Model> model_;
  uint64_t id_;  // distinct for every Lemmatizer made: names its model in per-thread caches
};


// ---------------------------------------------------------------------------
// Internals shared by the lemmatizer and its trainer. Not for other callers.
namespace lemmatizer_internal {

inline constexpr uint32_t kModelVersion = 1;

// Capitalisation class of a form: 0 lower/no letters, 1 Initial, 2 ALLCAPS
// (two or more letters), 3 mIxed.
int case_class(std::string_view form);

struct Rule {
  std::string strip;   // lower-cased suffix removed from the form
  std::string append;  // appended instead
  bool operator==(const Rule& o) const { return strip == o.strip && append == o.append; }
};

struct Exception {
  std::string form;    // form as written (or lower-cased when the lower-cased form was seen)
  uint32_t tag = 0;    // index into Model::tags
  std::string lemma;
};

// A read-only map from 64-bit hashes (key_hash) to indices, by open
// addressing in one array: a lookup reads one cache line or two, where
// std::unordered_map follows a bucket and a node.
class HashIndex {
 public:
  // Maps each key to its value; a key given twice keeps its last value.
  void build(const std::vector<std::pair<uint64_t, uint32_t>>& entries);
  // The value of key, or -1.
  int64_t find(uint64_t key) const {
    if (slots_.empty()) return -1;
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == 0) return -1;
      if (s.key == key) return static_cast<int64_t>(s.value) - 1;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;  // value + 1; 0 = empty slot
  };
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  uint64_t mask_ = 0;
};

// Hash and equality that also take string_views, so sets of strings are
// searched without making a string.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Model {
  std::vector<std::string> tags;      // XPOS names, then UPOS names prefixed "u:"
  // [tag * 4 + case_class]: 0 = lower-case the form, 1 = keep its case, 2 = keep
  // it unless only the lower-cased lemma is a known lemma.
  std::vector<uint8_t> keep_case;
  // Per tag: suffix context -> its most frequent rules (best first).
  std::vector<std::vector<std::pair<std::string, std::vector<Rule>>>> rules;
  std::vector<Exception> exceptions;
  std::vector<std::string> known_lemmas;  // lemmas seen in training (to choose among rules)

  // Lookup structures, built by index() from the fields above.
  std::unordered_map<std::string, uint32_t> tag_ids;
  HashIndex rule_index;  // hash(tag, suffix) -> rule_list
  std::vector<const std::vector<Rule>*> rule_list;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> known;
  HashIndex exception_index;  // hash(tag, form) -> exceptions
  void index();
  // Tag id for the word (xpos if known, else "u:" + upos); -1 = unknown.
  int tag_id(std::string_view upos, std::string_view xpos) const;
  // The lemma of form under tag (-1 = unknown tag); exceptions are consulted
  // only when use_exceptions is true.
  std::string apply(std::string_view form, int tag, bool use_exceptions) const;
  // The suffix rules of tag on `lower` (the lower-cased form), applied to base
  // (the form with the case to keep); is_known: the result is a known lemma.
  std::string by_rules(const std::string& lower, std::string_view base, uint32_t tag,
                       bool& is_known) const;
};

uint64_t key_hash(uint32_t tag, std::string_view s);

std::unique_ptr<Model> load_model(const std::string& path);
void save_model(const Model& model, const std::string& path);

}  // namespace lemmatizer_internal
}  // namespace ng
