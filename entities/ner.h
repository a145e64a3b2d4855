// Named-entity recognition: finds proper names (PERSON, ORG, GPE, LOC, FAC,
// EVENT, NORP) and dates (DATE) and adds them to Document::mentions as
// MentionKind::Name mentions with entity = -1 (coreference links them later).
//
// Names come from an averaged perceptron over BILOU labels (PER, ORG, PLACE,
// EVENT) with Viterbi decoding (first-order transitions; invalid BILOU
// transitions are never chosen). Features: word, lower case, shape,
// prefixes/suffixes, sentence position, neighbouring words, UPOS (tagger),
// the word's relation to its head and the head's lemma (parser), the word
// clusters of the word and its neighbours (models/clusters.bin), and
// membership in the gazetteers of lexicon (countries, cities,
// demonyms, region words, organisation words, titles). Feature strings are
// hashed once; the model (models/ner.bin, kind "ner") maps hashes to weights.
// After decoding: PLACE becomes GPE, LOC or FAC (gazetteer, last word);
// boundaries follow GUM (a person's left modifiers "US President X", glued
// hyphens "Al-X", "City, Region"); names nested in a name get mentions of
// their own ("President of [the United States]"); demonyms outside names
// are NORP ("Chilean") or, as plural nouns, PERSON groups ("Afghans");
// dates come from a small rule (month/weekday names, years, "yesterday").
//
// Trained by `newsgraph train-ner` (train/ner_train.h) from GUM (CorefUD
// Entity= annotations, GUM_news_* documents excluded: they are the evaluation
// set) and UNER EWT dev.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/stage.h"
#include "entities/gazetteer.h"
#include "syntax/model_io.h"
#include "entities/mention_spans.h"
#include "lexicon/word_clusters.h"
#include "lexicon/word_types.h"

namespace ng {

namespace ner_internal {
struct Weights;
}

class NerTagger : public Stage {
 public:
  // Loads models/ner.bin, models/clusters.bin and lexicon/ via ng::data_path.
  NerTagger();
  // The word clusters come from data_path("models/clusters.bin") when
  // clusters is empty.
  NerTagger(const std::filesystem::path& model, const std::filesystem::path& lexicon_dir,
            const std::filesystem::path& clusters = {});
  ~NerTagger() override;
  NerTagger(NerTagger&&) noexcept;
  std::string_view name() const override { return "ner_tagger"; }
  // Precondition: doc.tokens and doc.sentences are set; upos improves the
  // result, the parse helps; both may be empty. Appends Name mentions to
  // doc.mentions, sorted by position (outer before nested), head =
  // span_head(); top-level names do not overlap, nested ones lie inside one.
  void process(Document& doc) const override;
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Gazetteer gazetteer_;
  WordClusters clusters_;
  WordTypes word_types_;  // models/word_types.bin: the type prior of untyped names
  std::unique_ptr<ner_internal::Weights> model_;
};


// Internals shared by the tagger and its trainer (train/ner_train.cc).
namespace ner_internal {

// Span types the sequence model predicts; PLACE becomes GPE, LOC or FAC
// after decoding (gazetteer and name-final words decide). Dates are found by
// rule (month names, years, weekdays), not by the model.
enum SpanType : int { kPer = 0, kOrg, kPlace, kEvent, kSpanTypes };
// BILOU labels: 0 = O; for type t: B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
constexpr int kLabels = 1 + 4 * kSpanTypes;
inline int label_of(int type, char bilou) {
  return 1 + 4 * type + (bilou == 'B' ? 0 : bilou == 'I' ? 1 : bilou == 'L' ? 2 : 3);
}
// Whether label `next` may follow `prev` (prev = -1 at the sentence start,
// next = -1 at the sentence end) under BILOU.
bool allowed(int prev, int next);

// One sentence as the feature extractor sees it (views stay owned by caller).
struct SentenceView {
  std::vector<std::string_view> forms;
  std::vector<std::string_view> upos;        // may be empty strings
  std::vector<uint8_t> space_after;          // 1 = whitespace follows the token
  std::vector<std::string_view> deprel;      // UD relation to the head; may be empty
  std::vector<std::string_view> head_lemma;  // head_lemma_feature() of each token
};

// The head-lemma feature of a word, the same at training and at run time:
// "<root>" for the root (head_lemma == nullptr), else its head's lemma
// lower-cased.
std::string head_lemma_feature(const std::string* head_lemma);

// Appends every token's feature hashes to feats; offsets[i]..offsets[i+1]
// delimit token i's features (offsets gets size n+1). Words missing from
// clusters (or all, when it is empty) get the "no cluster" features; words
// missing from types (or all, when it is empty) the "no word type" ones.
void sentence_features(const Gazetteer& gazetteer, const WordClusters& clusters,
                       const WordTypes& types, const SentenceView& sentence,
                       std::vector<uint64_t>& feats, std::vector<uint32_t>& offsets);

// The weights: feature hash -> one score per label, plus label transitions.
struct Weights {
  struct Slot {
    uint64_t key = 0;  // feature hash; 0 = empty slot
    uint32_t row = 0;  // index of the row in values
    uint32_t unused = 0;  // (explicit padding: saved files are reproducible)
  };
  // Mapped from the model file (or built in memory by a trainer).
  ModelArray<Slot> slots;                       // open-addressing table (size a power of two)
  ModelArray<float> values;                     // rows * kLabels
  float transition[kLabels + 1][kLabels] = {};  // [prev+1][next]; prev = -1 = start
  float final_[kLabels] = {};                   // score of ending a sentence in a label
  float scale = 0.0f;  // set by load: the values are multiples of it (0 = not quantised yet)
  // Row of feature h or nullptr.
  const float* find(uint64_t h) const;
  // Builds the table from (hash, row) pairs; values must already be filled.
  void index(const std::vector<uint64_t>& hashes);
  void save(const std::string& path) const;
  static Weights load(const std::string& path);
};

// Best label sequence given emission scores emit[i * kLabels + label] of n
// tokens (Viterbi over BILOU; invalid transitions are never chosen).
void viterbi(const std::vector<float>& emit, size_t n, const float (*transition)[kLabels],
             const float* final_scores, std::vector<int>& labels);

// Emission scores emit[i * kLabels + label] of the tokens whose features
// offsets delimits (see sentence_features): the sum, in feature order, of
// the rows w.find(hash) gives (nullptr = an unknown feature). W is Weights
// at run time, the trainer's weights while training.
template <class W>
void emissions(const W& w, const std::vector<uint64_t>& feats, const std::vector<uint32_t>& offsets,
               std::vector<float>& emit) {
  const size_t n = offsets.size() - 1;
  emit.assign(n * kLabels, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &emit[i * kLabels];
    for (uint32_t f = offsets[i]; f < offsets[i + 1]; ++f)
      if (const float* row = w.find(feats[f]))
        for (int l = 0; l < kLabels; ++l) e[l] += row[l];
  }
}

// Best label sequence for the sentence (emissions from w, then viterbi).
void decode(const Weights& w, const std::vector<uint64_t>& feats,
            const std::vector<uint32_t>& offsets, std::vector<int>& labels);

// A name in a label sequence: tokens [first, last) of the sentence, of
// SpanType type.
struct LabelSpan {
  int first, last, type;
};

// The names of a label sequence, in order: each U, and each B with the I
// and L of its type that follow it (up to the L). Labels outside such runs
// are skipped (a valid BILOU sequence has none).
std::vector<LabelSpan> spans_of(const std::vector<int>& labels);

// Whether span sp of doc is a titled person's name, whatever type the model
// gave it: a title word (titles.tsv), then one to four capitalised words
// that start with a given name and hold no organisation or place word
// ("Northern Ireland First Minister Arlene Foster").
bool titled_person(const Document& doc, const Gazetteer& g, const LabelSpan& sp);

// "National Security Advisor Eduardo [Año of the Republic of the
// Philippines]" with no person span: a name span (k, not a person's) that
// starts with a word the parse hangs flat on a capitalised given name just
// before it, outside any span, and goes on with "of", is cut after "of
// (the)"; the given name and that word become a person's span, inserted at k.
void split_flat_surname(const Document& doc, const Gazetteer& g, const Sentence& s,
                        std::vector<LabelSpan>& spans, size_t k);

// "Permanent Representatives", "the Foreign Ministers": whether name m, of
// two or more words, ends in the plural of a title, with no "of", "for" or
// "from" in it (not "House of Representatives") and no place before the
// title (not the team "Sacramento Kings"): a group of people, not an
// organisation or a person.
bool plural_title_name(const Document& doc, const Gazetteer& g, const Mention& m);

// One name, one reading per article: appends to `found` (the article's
// mentions so far) a mention for each uncovered proper noun that repeats a
// name found elsewhere in the article (the whole name, or a person's
// surname), with that name's type; adds a nested mention for a person
// named in full inside another name ("the [Andy Warhol] Foundation"); then
// retypes a lone word typed as a place, organisation or nothing that is the
// surname of a person named in full (nested names included) as that person,
// when it is a subject, object or possessor and no preposition makes it a
// place ("Paris claims" after "Valeska Paris"), and the gazetteer g (if
// given) does not know it as a country or region.
void add_repeated_names(const Document& doc, std::vector<Mention>& found,
                        const Gazetteer* g = nullptr);

// Proper nouns the model gave no type: appends a Name mention of type OTHER
// for each run of capitalised PROPN tokens (by the tagger) that no mention in
// `found` covers and that is not a title, nationality, group word, month or
// weekday ("Scientology", "IE6"). Such entities take part in coreference and
// facts; they are counted as no person, organisation or place. The run is a
// PERSON instead when a title or person noun comes right before it
// ("bassist Jack Bruce") or it ends with the last word of a person's name
// already found ("Ida Brenner" after "Karl Brenner"); a GPE/LOC when the
// gazetteer knows it ("US"); a FAC, ORG or EVENT when its last word is such
// an organisation word ("the Baikal-Amur Mainline"). Adjectives ("Caspian
// littoral states") and pieces of a name glued to a covered one are skipped.
// Tokens of `descriptions` (model spans that name no one: "the US
// Ambassador") count as covered too.
void add_untyped_names(const Document& doc, const Gazetteer& g, std::vector<Mention>& found,
                       const std::vector<std::pair<int, int>>& descriptions = {});

// Two halves of one name, as the parse joins them, become one mention: an
// untyped (OTHER) name right before an organisation, facility or event name
// that its head modifies ("[National Transportation Safety] [Committee of
// Indonesia]"); an untyped name right after a person's that hangs on it as
// flat ("[Jing-Shan] [Zhao]"); an untyped name that is the "of", "on" or
// "for" complement right after an organisation name ending in an
// organisation word ("[Commission] on [Presidential Debates]"). The rest of
// a person's name ends in no organisation, unit or title word, nor in a word
// the word-type prior types surely as no person's ("[Sandy] Point"). The
// longer mention keeps the typed half's type; the untyped half goes.
void join_name_halves(const Document& doc, const Gazetteer& g, const WordTypes& types,
                      std::vector<Mention>& found);

// The type of a name [first, last) the model labelled PER: a person's, but
// a country is never a person ("New Zealand's Prime Minister"), a name with
// an organisation word before its first inner "of" is an organisation's ("the
// Doctor Who Society of Canada"), and one ending in an administrative unit
// word ("Santos City", "Jefferson Parish"; not "State", "Republic",
// "Territory", nor after a title or with an "of") is a place's.
EntityType person_name_type(const Document& doc, const Gazetteer& g, int first, int last);

// "in French capital [Paris]" typed a person's: a one-word person name that
// the gazetteer knows as a country, region or city is that place, unless it
// ends a longer person name of the article (found) or is a given name.
void type_lone_places(const Document& doc, const Gazetteer& g, std::vector<Mention>& found);

// "Valeska Paris, an Australian woman", "Ana Ruiz, Prime Minister of
// Tarsk": a name of two or more words the model typed as an organisation or
// place or left untyped, whose head has an apposition headed by a noun for
// people (nominals.tsv: "woman", "lawyer") or, when the name starts with a
// given name, a title (titles.tsv), is a person's. Runs before the article's repeated names are matched, so
// the lone surname later in the article is read as that person.
void type_by_apposition(const Document& doc, const Gazetteer& g, std::vector<Mention>& found);

// Coordinated names share a type: an OTHER name that is a conjunct of a
// PERSON name ("Biden and Xi", "Ruiz, Novak and Brenner": the parse's conj
// links between the names' heads) becomes a PERSON, unless the gazetteer
// knows it as a place. Applied until nothing changes, so a list takes the
// type from any of its members.
void type_by_coordination(const Document& doc, const Gazetteer& g, std::vector<Mention>& found);

// "Leon Smith", "Leon van Biljon", "Paris Hilton": a name of two or more
// words the model typed as a place or left untyped, that starts with a
// given name (given_names.tsv) which is no country or region, goes on with
// capitalised proper nouns or particles that are no places or nationalities,
// and ends in no organisation, region or title word and in a word the
// word-type prior holds for a person's or does not know (not "Victoria
// Falls", "Art Gallery"), is a person's; the given name is then no place
// nested in it.
void type_by_given_name(const Document& doc, const Gazetteer& g, const WordTypes& types,
                        std::vector<Mention>& found);

// Untyped names whose surname the word-type prior (lexicon/word_types.h,
// learned from GloVe vectors) holds for a person's with probability at
// least kPersonPrior sixteenths ("Lavrov", "Deputy Kishida") become PERSON
// names, unless the gazetteer knows the name as a place. Only names the
// model left untyped (OTHER) in a core role of a clause (subject, object,
// agent, conjunct, apposition); never an acronym ("TED"), a name with a
// determiner ("every Democrat", "the constellation Leo") or a storm
// ("Hurricane Maria"). A typed name keeps the model's type.
constexpr int kPersonPrior = 12;
void type_by_word_prior(const Document& doc, const Gazetteer& g, const WordTypes& types,
                        std::vector<Mention>& found);

// A one-word name the model typed as a person's or left untyped, that the
// word-type prior holds for an organisation's with probability at least
// kOrgPrior sixteenths ("Microsoft released ...", "Ubisoft said"), becomes
// an ORG name: not when a longer person's name of the article ends in that
// word ("Michael Dell ... Dell said"), nor a given name, an acronym, an
// organisation word alone ("Inc"), a word right after another proper noun
// ("Toyota Venza"), or a place of the gazetteer.
constexpr int kOrgPrior = 12;
void type_org_by_word_prior(const Document& doc, const Gazetteer& g, const WordTypes& types,
                            std::vector<Mention>& found);

// "Erdogan met Zelensky", "Zelensky met with Erdogan": an untyped name
// that is the subject, object or "with" oblique of "meet" whose other
// argument is a PERSON name is a person too (people meet people; an
// organisation the model typed keeps its type). Not an acronym, a name
// with a determiner or a place of the gazetteer.
void type_by_meeting(const Document& doc, const Gazetteer& g, std::vector<Mention>& found);

}  // namespace ner_internal


}  // namespace ng
