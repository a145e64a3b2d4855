// evaluate-ner: the IOB2 reader (io/iob2.h), the span scorer
// (eval/ner_eval.h) and the command, on tests/data/ner/small.iob2.
#include "eval/ner_eval.h"

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "io/iob2.h"
#include "tests/test_support.h"

namespace {

std::string small_file() { return (ng::test::source_dir() / "tests/data/ner/small.iob2").string(); }

}  // namespace

TEST_CASE("read_iob2 keeps documents, sentences, forms and tags", "[unit]") {
  const auto sents = ng::read_iob2(small_file());
  REQUIRE(sents.size() == 3);
  CHECK(sents[0].doc_id == "doc-a");
  CHECK(sents[0].new_doc);
  CHECK_FALSE(sents[1].new_doc);
  CHECK(sents[1].sent_id == "doc-a-2");
  CHECK(sents[2].doc_id == "doc-b");
  CHECK(sents[0].forms.size() == 11);
  CHECK(sents[0].tags[8] == "I-ORG");
  std::vector<size_t> first;
  auto docs = ng::documents_from_iob2(sents, "x", &first);
  REQUIRE(docs.size() == 2);
  CHECK(first == std::vector<size_t>{0, 2});
  CHECK(docs[0].sentences.size() == 2);
  CHECK(docs[0].text.substr(0, 22) == "Maria Lindqvist visite");
  CHECK(docs[0].tokens[12].form == "flew");
  CHECK(docs[0].span_text(docs[0].tokens[12].begin, docs[0].tokens[12].end) == "flew");
  CHECK(docs[1].id == "doc-b");
}

TEST_CASE("read_iob2 names the file and line of a bad line", "[unit]") {
  std::istringstream in("1\tA\tO\n2\tB\tX-PER\n");
  CHECK_THROWS_WITH(ng::read_iob2(in, "f.iob2"),
                    Catch::Contains("f.iob2:2") && Catch::Contains("X-PER"));
  std::istringstream in2("1\tA\n");
  CHECK_THROWS_WITH(ng::read_iob2(in2, "g.iob2"), Catch::Contains("g.iob2:1"));
}

TEST_CASE("spans_from_bio: types mapped, others ignored, stray I- starts a span", "[unit]") {
  auto s =
      ng::spans_from_bio({"B-PER", "I-PER", "O", "I-LOC", "B-MISC", "I-MISC", "B-GPE", "I-ORG"}, 4);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == ng::NerSpan{4, 0, 2, ng::kNerPer});
  CHECK(s[1] == ng::NerSpan{4, 3, 4, ng::kNerLoc});
  CHECK(s[2] == ng::NerSpan{4, 6, 7, ng::kNerLoc});
  CHECK(s[3] == ng::NerSpan{4, 7, 8, ng::kNerOrg});
  CHECK(ng::ner_class(ng::EntityType::Fac) == ng::kNerLoc);
  CHECK(ng::ner_class(ng::EntityType::Norp) == ng::kNerIgnored);
}

TEST_CASE("NER scorer: exact P, R and F1 on the small file", "[unit]") {
  const auto sents = ng::read_iob2(small_file());
  std::vector<ng::NerSpan> gold;
  for (size_t i = 0; i < sents.size(); ++i) {
    auto g = ng::spans_from_bio(sents[i].tags, static_cast<long>(i));
    gold.insert(gold.end(), g.begin(), g.end());
  }
  REQUIRE(gold.size() == 7);
  using ng::NerSpan;
  const std::vector<NerSpan> system = {
      {0, 0, 2, ng::kNerPer}, {0, 0, 2, ng::kNerPer},  // a duplicate counts once
      {0, 3, 4, ng::kNerLoc}, {0, 5, 9, ng::kNerOrg},  // ORG with "the": wrong span
      {1, 0, 1, ng::kNerPer}, {1, 3, 4, ng::kNerOrg},  // right span, wrong type
      {2, 0, 2, ng::kNerPer}, {2, 6, 7, ng::kNerLoc}, {2, 4, 5, ng::kNerLoc}};
  ng::NerScore s;
  ng::score_spans(gold, system, s);
  CHECK(s.gold[ng::kNerPer] == 3);
  CHECK(s.system[ng::kNerPer] == 3);
  CHECK(s.f1(ng::kNerPer) == Approx(1.0));
  CHECK(s.precision(ng::kNerOrg) == 0.0);
  CHECK(s.f1(ng::kNerOrg) == 0.0);
  CHECK(s.precision(ng::kNerLoc) == Approx(2.0 / 3));
  CHECK(s.recall(ng::kNerLoc) == Approx(2.0 / 3));
  CHECK(s.precision() == Approx(5.0 / 8));
  CHECK(s.recall() == Approx(5.0 / 7));
  CHECK(s.f1() == Approx(10.0 / 15));
  const std::string report = ng::format_ner_score(s);
  CHECK_THAT(report, Catch::EndsWith("NER_F1=0.6667 PER_F1=1.0000 ORG_F1=0.0000 LOC_F1=0.6667\n"));
  CHECK_THAT(report,
             Catch::StartsWith("PER  P=1.0000 R=1.0000 F1=1.0000 (gold 3, system 3, correct 3)\n"));
}

TEST_CASE("evaluate-ner runs the pipeline on the gold tokens of a file", "[cli]") {
  auto r = ng::test::run_cli("evaluate-ner '" + small_file() + "'");
  REQUIRE(r.status == 0);
  INFO(r.out << r.err);
  // Every name of the small file is plain: the shipped models find them all.
  CHECK_THAT(r.out, Catch::EndsWith("NER_F1=1.0000 PER_F1=1.0000 ORG_F1=1.0000 LOC_F1=1.0000\n"));
  CHECK_THAT(r.out,
             Catch::Contains("ALL  P=1.0000 R=1.0000 F1=1.0000 (gold 7, system 7, correct 7)"));
  auto bad = ng::test::run_cli("evaluate-ner /nonexistent.iob2");
  CHECK(bad.status != 0);
  CHECK_THAT(bad.err, Catch::Contains("/nonexistent.iob2"));
}

TEST_CASE("evaluate-ner on the Universal NER EWT dev file", "[shared]") {
  auto dev = ng::test::require_shared("data/uner-english-ewt/en_ewt-ud-dev.iob2");
  if (dev.empty()) return;
  auto r = ng::test::run_cli("evaluate-ner '" + dev.string() + "'");
  REQUIRE(r.status == 0);
  const std::string last = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
  std::smatch m;
  const std::regex re(
      R"(NER_F1=(\d\.\d{4}) PER_F1=(\d\.\d{4}) ORG_F1=(\d\.\d{4}) LOC_F1=(\d\.\d{4})\n)");
  REQUIRE(std::regex_match(last, m, re));
  INFO(last);
  CHECK(std::stod(m[1]) >= 0.75);  // 0.848 measured (README); a plausible floor
  CHECK(std::stod(m[2]) >= 0.65);
}
