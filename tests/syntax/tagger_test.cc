#include "syntax/tagger.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <sstream>
#include <thread>

#include "core/data_path.h"
#include "core/error.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {

// A Document holding the given sentences of untagged words (see
// tests/doc_builder.h).
ng::Document make_doc(const std::vector<std::vector<std::string>>& sentences) {
  ng::Document doc;
  for (const auto& words : sentences) {
    std::vector<ng::test::W> ws;
    for (const auto& w : words) ws.push_back({.form = w});
    ng::test::add_sentence(doc, ws);
  }
  return doc;
}

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

const ng::Tagger& tagger() {
  static const ng::Tagger t;  // models/tagger.bin, the committed model
  return t;
}

}  // namespace

TEST_CASE("tagger tags obvious sentences", "[tagger][model]") {
  struct Case {
    const char* words;
    const char* upos;
    const char* xpos;
  };
  const Case cases[] = {
      {"The president met the governor .", "DET NOUN VERB DET NOUN PUNCT", "DT NN VBD DT NN ."},
      {"She has been reading books .", "PRON AUX AUX VERB NOUN PUNCT", "PRP VBZ VBN VBG NNS ."},
      {"I do n't know .", "PRON AUX PART VERB PUNCT", "PRP VBP RB VB ."},
      {"Paris is a beautiful city .", "PROPN AUX DET ADJ NOUN PUNCT", "NNP VBZ DT JJ NN ."},
      {"He quickly walked to the store .", "PRON ADV VERB ADP DET NOUN PUNCT",
       "PRP RB VBD IN DT NN ."},
      {"The ministers will discuss 12 new projects in 2024 .",
       "DET NOUN AUX VERB NUM ADJ NOUN ADP NUM PUNCT", "DT NNS MD VB CD JJ NNS IN CD ."},
  };
  for (const auto& c : cases) {
    SECTION(c.words) {
      auto doc = make_doc({split(c.words)});
      tagger().process(doc);
      std::string upos, xpos;
      for (const auto& t : doc.tokens) {
        upos += (upos.empty() ? "" : " ") + t.upos;
        xpos += (xpos.empty() ? "" : " ") + t.xpos;
      }
      CHECK(upos == c.upos);
      CHECK(xpos == c.xpos);
    }
  }
}

TEST_CASE("tagger tags every token of every sentence", "[tagger][model]") {
  auto doc = make_doc({split("Hello world !"), {}, split("Yes .")});
  tagger().process(doc);
  for (const auto& t : doc.tokens) {
    CHECK_FALSE(t.upos.empty());
    CHECK_FALSE(t.xpos.empty());
  }
  CHECK(doc.tokens.back().upos == "PUNCT");

  // Tokens without sentences are tagged as one sentence.
  auto flat = make_doc({split("The cat sleeps .")});
  flat.sentences.clear();
  tagger().process(flat);
  CHECK(flat.tokens[1].upos == "NOUN");
  CHECK(flat.tokens[2].upos == "VERB");
}

TEST_CASE("tagger tag set pairs UPOS with PTB XPOS", "[tagger][model]") {
  const auto& u = tagger().upos_tags();
  const auto& x = tagger().xpos_tags();
  REQUIRE(u.size() == x.size());
  CHECK(u.size() > 40);
  bool nnp = false;
  for (size_t i = 0; i < u.size(); ++i)
    if (u[i] == "PROPN" && x[i] == "NNP") nnp = true;
  CHECK(nnp);
}

TEST_CASE("tagger rejects missing and foreign model files", "[tagger][model]") {
  CHECK_THROWS_WITH(ng::Tagger("/nonexistent/tagger.bin"), Catch::Contains("/nonexistent/tagger.bin"));
  ng::test::TempDir dir;
  auto bad = dir.write("bad.bin", "not a model at all");
  CHECK_THROWS_AS(ng::Tagger(bad.string()), ng::Error);
  auto lemmas = ng::test::source_dir() / "models/lemmatizer.bin";
  CHECK_THROWS_WITH(ng::Tagger(lemmas.string()), Catch::Contains("lemmatizer.bin"));
}

TEST_CASE("tagger is deterministic across threads", "[tagger][model]") {
  auto words = split("Officials said the talks would resume next week in the capital .");
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<int> a, b;
  tagger().tag(forms, a);
  std::thread t([&] { tagger().tag(forms, b); });
  t.join();
  CHECK(a == b);
}

TEST_CASE("tagger: words missing from the lexicon never get closed-class tags", "[tagger][model]") {
  // Invented words in every position of sentences with many function words.
  const char* frames[] = {"He gave the %s a book .", "The %s %s of the city was with them .",
                          "She presented them with a %s %s depicting events .",
                          "%s %s and %s met in %s on Monday ."};
  const char* words[] = {"zorbulate", "Quexting", "flimbor", "vantroque", "Mzyx", "glorpish"};
  int k = 0;
  for (const char* f : frames) {
    std::string s = f;
    for (size_t p; (p = s.find("%s")) != std::string::npos; k = (k + 1) % 6)
      s.replace(p, 2, words[k]);
    ng::Document d = make_doc({split(s)});
    tagger().process(d);
    for (const auto& t : d.tokens) {
      bool invented = false;
      for (const char* w : words) invented = invented || t.form == w;
      if (!invented) continue;
      INFO(s << ": " << t.form << " " << t.upos);
      CHECK(!ng::tagger_internal::closed_class(t.upos));
    }
  }
}

TEST_CASE("tagger: a wh-adverb is never an auxiliary", "[tagger][model]") {
  // The model alone tags this "where" AUX.
  auto doc = make_doc({split("Leaders of the member states met in Tarsk for a summit where on Sunday "
                             "Presidents Ana Ruiz of Tarsk and Karl Novak of Elbonia signed the treaty .")});
  tagger().process(doc);
  for (const auto& t : doc.tokens)
    if (t.form == "where") CHECK(t.upos == "ADV");
}

TEST_CASE("tagger: an unknown capitalised word before the verb that opens a sentence is a name",
          "[tagger][model]") {
  // The suffix features read "-sky" like an adverb's "-ly".
  auto doc = make_doc({split("Zelensky did not meet the envoy ."), split("Reportedly the envoy did not come .")});
  tagger().process(doc);
  CHECK(doc.tokens[0].upos == "PROPN");
  CHECK(doc.tokens[7].upos == "ADV");  // an adverb in "-ly" stays one
}

TEST_CASE("tagger: the own and context feature sets are the features", "[tagger][unit]") {
  using namespace ng::tagger_internal;
  std::vector<std::string_view> forms = {"The", "mayor", "met", "Ana", "in", "2019", "."};
  std::vector<WordInfo> words;
  word_infos(forms, Lexicon{}, ng::WordClusters{}, words);
  const int next[7] = {1, 2, 3, 4, 5, 6, 7};
  for (const int* pass : {static_cast<const int*>(nullptr), next})
    for (int i = 0; i < static_cast<int>(words.size()); ++i) {
      uint64_t all[kMaxFeatures], split[kMaxFeatures];
      const int n = features(words, i, 3, 4, pass, all);
      int k = features(words, i, 3, 4, pass, split, FeatureSet::kOwn);
      k += features(words, i, 3, 4, pass, split + k, FeatureSet::kContext);
      REQUIRE(k == n);
      std::sort(all, all + n);
      std::sort(split, split + k);
      CHECK(std::equal(all, all + n, split));
    }
}

TEST_CASE("tagger: tags with cached word sums are those of scoring every feature",
          "[tagger][model]") {
  using namespace ng::tagger_internal;
  const auto model = load_model(ng::data_path("models/tagger.bin").string());
  const ng::WordClusters clusters = ng::WordClusters::load(ng::data_path("models/clusters.bin"));
  // No word the rules after decoding look at ("to" + "-ing", wh-adverbs).
  const std::vector<std::string_view> vocabulary = {"The", "the", "mayor", "met", "Ana", "in",
                                                    "2019", ".", ",", "and", "said", "Baku",
                                                    "zzqx", "it", "of", "visit", "Ruiz", "a"};
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string_view> forms(1 + rng() % 25);
    for (auto& f : forms) f = vocabulary[rng() % vocabulary.size()];
    std::vector<WordInfo> words;
    word_infos(forms, model->lexicon, clusters, words);
    std::vector<int32_t> scratch;
    std::vector<int> first, expected, got;
    auto score1 = [&](const uint64_t* f, int n, int32_t* s) { model->pass1.score(f, n, s); };
    auto score2 = [&](const uint64_t* f, int n, int32_t* s) { model->pass2.score(f, n, s); };
    decode(words, nullptr, model->pass1.classes, score1, scratch, first, model->closed.data());
    decode(words, first.data(), model->pass2.classes, score2, scratch, expected,
           model->closed.data());
    tagger().tag(forms, got);
    INFO("round " << round);
    REQUIRE(got == expected);
  }
}
