#include "eval/tokenization_eval.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/conllu.h"
#include "tests/test_support.h"

namespace {

const ng::Tokenizer& tokenizer() {
  static const ng::Tokenizer tok;
  return tok;
}

// A gold sentence from its text and tokens; a token "do+n't" is a multiword
// token of the words "do" and "n't" (surface form: the words concatenated).
ng::ConlluSentence sentence(const std::string& text, const std::vector<std::string>& tokens,
                            bool new_par = false, const std::string& id = "") {
  ng::ConlluSentence s;
  s.text = text;
  s.new_par = new_par;
  if (!id.empty()) s.comments.push_back("sent_id = " + id);
  for (const std::string& t : tokens) {
    std::vector<std::string> parts;
    size_t start = 0, plus;
    while ((plus = t.find('+', start)) != std::string::npos && t.size() > 1) {
      parts.push_back(t.substr(start, plus - start));
      start = plus + 1;
    }
    parts.push_back(t.substr(start));
    if (parts.size() > 1) {
      ng::ConlluMultiword mw;
      mw.first = static_cast<int>(s.words.size()) + 1;
      mw.last = mw.first + static_cast<int>(parts.size()) - 1;
      for (const auto& p : parts) mw.form += p;
      s.multiwords.push_back(mw);
    }
    for (const auto& p : parts) {
      ng::ConlluWord w;
      w.form = p;
      s.words.push_back(w);
    }
  }
  return s;
}

}  // namespace

TEST_CASE("conll18_raw_text joins sentences and paragraphs", "[tokenization_eval][unit]") {
  std::vector<ng::ConlluSentence> gold = {
      sentence("It rained.", {"It", "rained", "."}, true),
      sentence("We left.", {"We", "left", "."}),
      sentence("Next day", {"Next", "day"}, true),
  };
  gold[2].new_doc = true;
  CHECK(ng::conll18_raw_text(gold) == "It rained. We left.\n\nNext day");

  // Without "# text", the forms are joined according to SpaceAfter.
  ng::ConlluSentence s = sentence("", {"Hi", "!"});
  s.words[0].misc = "SpaceAfter=No";
  CHECK(ng::conll18_raw_text({s}) == "Hi!");
}

TEST_CASE("evaluate_tokenization scores identical tokenization as perfect",
          "[tokenization_eval][unit]") {
  std::vector<ng::ConlluSentence> gold = {
      sentence("I don't know.", {"I", "do+n't", "know", "."}, true),
      sentence("Mary's dog ran.", {"Mary+'s", "dog", "ran", "."}),
      sentence("Then it ended", {"Then", "it", "ended"}, true),
  };
  auto ev = ng::evaluate_tokenization(gold, tokenizer());
  CHECK(ev.doc.text == "I don't know. Mary's dog ran.\n\nThen it ended");
  CHECK(ev.gold_tokens == 11);
  CHECK(ev.system_tokens == 11);
  CHECK(ev.gold_words == 13);
  CHECK(ev.system_words == 13);
  CHECK(ev.score.tokens_f1 == Approx(1.0));
  CHECK(ev.score.sentences_f1 == Approx(1.0));
  CHECK(ev.score.words_f1 == Approx(1.0));
  REQUIRE(ev.aligned.size() == 13);
  for (size_t i = 0; i < ev.aligned.size(); ++i) {
    CHECK(ev.aligned[i].first == static_cast<int>(i));
    CHECK(ev.aligned[i].second == static_cast<int>(i));
  }
  CHECK(ev.gold_first_word == std::vector<int>{0, 5, 10, 13});
}

TEST_CASE("evaluate_tokenization counts token, word and sentence errors",
          "[tokenization_eval][unit]") {
  // Gold keeps "e-mail" and "Hello. World" in one sentence; gold treats
  // "cannot" as one word. The tokenizer differs on the sentence and on
  // "cannot" (can+not), agrees on the rest.
  std::vector<ng::ConlluSentence> gold = {
      sentence("Hello. World", {"Hello", ".", "World"}, true, "s1"),
      sentence("I cannot e-mail", {"I", "cannot", "e", "-", "mail"}, true, "s2"),
  };
  auto ev = ng::evaluate_tokenization(gold, tokenizer());
  // System tokens: Hello . World | I cannot(can+not) e-mail  -> 6 tokens.
  CHECK(ev.system_tokens == 6);
  CHECK(ev.gold_tokens == 8);
  CHECK(ev.matched_tokens == 5);  // Hello . World I cannot
  CHECK(ev.score.tokens_f1 == Approx(2.0 * 5 / (8 + 6)));
  // Sentences: gold [Hello. World] [I cannot e-mail]; system [Hello.] [World] [I cannot e-mail].
  CHECK(ev.gold_sentences == 2);
  CHECK(ev.system_sentences == 3);
  CHECK(ev.matched_sentences == 1);
  CHECK(ev.score.sentences_f1 == Approx(2.0 * 1 / (2 + 3)));
  // Words: gold 8, system 7 (Hello . World I can not e-mail); aligned: Hello . World I.
  CHECK(ev.gold_words == 8);
  CHECK(ev.system_words == 7);
  CHECK(ev.aligned.size() == 4);
  CHECK(ev.score.words_f1 == Approx(2.0 * 4 / (8 + 7)));
}

TEST_CASE("evaluate_tokenization aligns words inside multiword tokens by form",
          "[tokenization_eval][unit]") {
  // Gold splits "gonna" as gon+na; a system word sequence that differs inside
  // the token region still aligns the words whose forms agree.
  std::vector<ng::ConlluSentence> gold = {
      sentence("We're gonna go", {"We+'re", "gon+na", "go"}, true),
  };
  auto ev = ng::evaluate_tokenization(gold, tokenizer());
  CHECK(ev.score.words_f1 == Approx(1.0));
  REQUIRE(ev.aligned.size() == 5);
  CHECK(ev.aligned[2] == std::make_pair(2, 2));
  CHECK(ev.aligned[3] == std::make_pair(3, 3));
}

TEST_CASE("evaluate_tokenization reports gold forms missing from the text",
          "[tokenization_eval][unit]") {
  std::vector<ng::ConlluSentence> gold = {
      sentence("It rained.", {"It", "snowed", "."}, true, "doc-7"),
  };
  try {
    ng::evaluate_tokenization(gold, tokenizer());
    FAIL("no error");
  } catch (const ng::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("doc-7") && Catch::Contains("'snowed'") &&
                             Catch::Contains("It rained."));
  }
}

TEST_CASE("tokenizer meets its targets on UD English EWT", "[tokenization_eval][shared]") {
  auto ewt = ng::test::require_shared("data/ud-english-ewt");
  if (ewt.empty()) return;  // skipped
  const struct {
    const char* file;
    double min_tokens, min_sentences;
  } sets[] = {
      {"en_ewt-ud-test.conllu", 0.99, 0.85},
      {"en_ewt-ud-dev.conllu", 0.99, 0.85},
  };
  for (const auto& set : sets) {
    auto path = ewt / set.file;
    if (!std::filesystem::exists(path)) {
      WARN("skipped: " << path.string() << " is absent");
      continue;
    }
    auto gold = ng::read_conllu(path.string());
    auto ev = ng::evaluate_tokenization(gold, tokenizer());
    WARN(set.file << ": TOKENS_F1 " << ev.score.tokens_f1 * 100 << " SENTENCES_F1 "
                  << ev.score.sentences_f1 * 100 << " WORDS_F1 " << ev.score.words_f1 * 100);
    CHECK(ev.score.tokens_f1 >= set.min_tokens);
    CHECK(ev.score.sentences_f1 >= set.min_sentences);
    CHECK(ev.score.words_f1 >= set.min_tokens - 0.005);
  }
}
