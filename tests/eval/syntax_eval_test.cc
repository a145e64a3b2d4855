#include "eval/syntax_eval.h"

#include <catch2/catch.hpp>

namespace {

ng::Token word(const char* upos, const char* xpos, const char* lemma, int head,
               const char* deprel) {
  ng::Token t;
  t.upos = upos;
  t.xpos = xpos;
  t.lemma = lemma;
  t.head = head;
  t.deprel = deprel;
  return t;
}

}  // namespace

TEST_CASE("universal_deprel drops the subtype", "[syntax_eval][unit]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {{"obl:tmod", "obl"}, {"nsubj", "nsubj"}, {"", ""}, {"a:b:c", "a"}};
  for (const auto& c : cases) CHECK(ng::universal_deprel(c.in) == c.out);
}

TEST_CASE("score_same_tokens counts every word, LAS on universal relations",
          "[syntax_eval][unit]") {
  // gold: "He left ." : He <-nsubj- left(root), . <-punct- left
  std::vector<ng::Token> gold = {word("PRON", "PRP", "he", 1, "nsubj"),
                                 word("VERB", "VBD", "leave", -1, "root"),
                                 word("PUNCT", ".", "_", 1, "punct")};
  SECTION("perfect") {
    ng::SyntaxScore s;
    ng::score_same_tokens(gold, gold, s);
    CHECK(s.f1(s.upos) == Approx(100));
    CHECK(s.f1(s.las) == Approx(100));
  }
  SECTION("errors of each kind") {
    std::vector<ng::Token> sys = {word("PRON", "PRP", "He", 1, "nsubj:pass"),  // LAS ok (universal)
                                  word("NOUN", "NN", "left", -1, "root"),
                                  word("PUNCT", ".", "anything", 0, "punct")};  // wrong head
    ng::SyntaxScore s;
    ng::score_same_tokens(gold, sys, s);
    CHECK(s.gold_words == 3);
    CHECK(s.system_words == 3);
    CHECK(s.upos == 2);
    CHECK(s.xpos == 2);
    CHECK(s.lemma == 1);  // gold "_" accepts anything; "He" != "he"; "left" != "leave"
    CHECK(s.uas == 2);
    CHECK(s.las == 2);
    CHECK(s.f1(s.uas) == Approx(200.0 * 2 / 6));
  }
  SECTION("root must match root") {
    std::vector<ng::Token> sys = gold;
    sys[1].head = 0;
    sys[0].head = -1;
    ng::SyntaxScore s;
    ng::score_same_tokens(gold, sys, s);
    CHECK(s.uas == 1);  // only the punctuation
  }
  SECTION("size mismatch is an error") {
    ng::SyntaxScore s;
    std::vector<ng::Token> sys(gold.begin(), gold.begin() + 2);
    CHECK_THROWS(ng::score_same_tokens(gold, sys, s));
  }
}

TEST_CASE("score_aligned scores over aligned words with F1", "[syntax_eval][unit]") {
  // gold: "New York rocks": New <-compound- York <-nsubj- rocks(root)
  std::vector<ng::Token> gold = {word("PROPN", "NNP", "New", 1, "compound"),
                                 word("PROPN", "NNP", "York", 2, "nsubj"),
                                 word("VERB", "VBZ", "rock", -1, "root")};
  // system tokenized "NewYork" as one word: only "rocks" aligns.
  std::vector<ng::Token> sys = {word("PROPN", "NNP", "NewYork", 1, "nsubj"),
                                word("VERB", "VBZ", "rock", -1, "root")};
  ng::SyntaxScore s;
  ng::score_aligned(gold, sys, {{2, 1}}, s);
  CHECK(s.aligned == 1);
  CHECK(s.upos == 1);
  CHECK(s.uas == 1);
  CHECK(s.f1(s.upos) == Approx(200.0 / 5));

  // The head must be the aligned word: system "York" (aligned to gold York)
  // heads "rocks" correctly; if it pointed at an unaligned word it is wrong.
  std::vector<ng::Token> sys2 = {word("PROPN", "NNP", "Ne", 2, "compound"),
                                 word("X", "FW", "w", 0, "goeswith"),
                                 word("PROPN", "NNP", "York", 3, "nsubj"),
                                 word("VERB", "VBZ", "rock", -1, "root")};
  ng::SyntaxScore s2;
  ng::score_aligned(gold, sys2, {{1, 2}, {2, 3}}, s2);
  CHECK(s2.uas == 2);
  CHECK(s2.las == 2);
  CHECK_THROWS(ng::score_aligned(gold, sys2, {{5, 0}}, s2));
}
