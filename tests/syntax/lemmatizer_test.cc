#include "syntax/lemmatizer.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {
const ng::Lemmatizer& lemmatizer() {
  static const ng::Lemmatizer l;  // models/lemmatizer.bin, the committed model
  return l;
}
}  // namespace

TEST_CASE("lemmatizer: irregular forms, suffix rules, case", "[lemmatizer][model]") {
  struct Case {
    const char* form;
    const char* upos;
    const char* xpos;
    const char* lemma;
  };
  const Case cases[] = {
      // irregular (exception table)
      {"went", "VERB", "VBD", "go"},
      {"was", "AUX", "VBD", "be"},
      {"children", "NOUN", "NNS", "child"},
      {"better", "ADJ", "JJR", "good"},
      {"n't", "PART", "RB", "not"},
      {"'s", "AUX", "VBZ", "be"},
      {"Went", "VERB", "VBD", "go"},  // capitalised at sentence start
      // regular (suffix rules), including invented words
      {"cities", "NOUN", "NNS", "city"},
      {"blorgies", "NOUN", "NNS", "blorgy"},
      {"talks", "NOUN", "NNS", "talk"},
      {"presented", "VERB", "VBD", "present"},
      {"zindled", "VERB", "VBN", "zindle"},
      {"meeting", "VERB", "VBG", "meet"},
      {"receives", "VERB", "VBZ", "receive"},
      {"largest", "ADJ", "JJS", "large"},
      // case: lower-cased except proper nouns (and PRON "I")
      {"The", "DET", "DT", "the"},
      {"President", "NOUN", "NN", "president"},
      {"Paris", "PROPN", "NNP", "Paris"},
      {"Americans", "PROPN", "NNPS", "American"},
      {"I", "PRON", "PRP", "I"},
      {"2024", "NUM", "CD", "2024"},
      {",", "PUNCT", ",", ","},
      // unknown XPOS: falls back to the UPOS tables
      {"cities", "NOUN", "", "city"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.form, c.xpos);
    CHECK(lemmatizer().lemma(c.form, c.upos, c.xpos) == c.lemma);
  }
}

TEST_CASE("lemmatizer fills every token of a document", "[lemmatizer][model]") {
  ng::Document doc;
  ng::test::add_sentence(doc, {{.form = "Officials", .upos = "NOUN", .xpos = "NNS"},
                               {.form = "met", .upos = "VERB", .xpos = "VBD"},
                               {.form = ".", .upos = "PUNCT", .xpos = "."}});
  lemmatizer().process(doc);
  CHECK(doc.tokens[0].lemma == "official");
  CHECK(doc.tokens[1].lemma == "meet");
  CHECK(doc.tokens[2].lemma == ".");
}

TEST_CASE("lemmatizer rejects missing and foreign model files", "[lemmatizer][model]") {
  CHECK_THROWS_WITH(ng::Lemmatizer("/nonexistent/l.bin"), Catch::Contains("/nonexistent/l.bin"));
  auto tagger = ng::test::source_dir() / "models/tagger.bin";
  CHECK_THROWS_AS(ng::Lemmatizer(tagger.string()), ng::Error);
}

TEST_CASE("lemmatizer case classes", "[lemmatizer][unit]") {
  struct Case {
    const char* form;
    int cls;
  };
  const Case cases[] = {{"word", 0}, {"Word", 1}, {"WORD", 2}, {"McDonald", 3},
                        {"2024", 0}, {"A", 1},    {"É", 1},    {"ÉCOLE", 2}};
  for (const auto& c : cases) {
    CAPTURE(c.form);
    CHECK(ng::lemmatizer_internal::case_class(c.form) == c.cls);
  }
}
