#include "io/conllu.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/error.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

using ng::test::TempDir;

namespace {

const char* kTwoSentences =
    "# newdoc id = d1\n"
    "# sent_id = d1-1\n"
    "# newpar id = p1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = d1-2\n"
    "# text = Yes\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";  // no trailing blank line

}  // namespace

TEST_CASE("read_conllu reads words, multiword tokens and comments", "[conllu][unit]") {
  TempDir dir;
  auto path = dir.write("a.conllu", kTwoSentences);
  auto sents = ng::read_conllu(path.string());
  REQUIRE(sents.size() == 2);
  const auto& s = sents[0];
  CHECK(s.new_doc);
  CHECK(s.new_par);
  CHECK(s.doc_id == "d1");
  CHECK(s.text == "I don't know.");
  CHECK(s.comments.size() == 4);
  CHECK(s.comments[0] == "newdoc id = d1");
  REQUIRE(s.words.size() == 5);  // empty node 4.1 skipped
  CHECK(s.words[0].form == "I");
  CHECK(s.words[0].feats == "Case=Nom");
  CHECK(s.words[2].lemma == "not");
  CHECK(s.words[3].head == 0);
  CHECK(s.words[3].deprel == "root");
  CHECK(s.words[3].misc == "SpaceAfter=No");
  CHECK(s.words[4].upos == "PUNCT");
  CHECK(s.words[4].head == 4);
  REQUIRE(s.multiwords.size() == 1);
  CHECK(s.multiwords[0].first == 2);
  CHECK(s.multiwords[0].last == 3);
  CHECK(s.multiwords[0].form == "don't");
  CHECK_FALSE(sents[1].new_doc);
  CHECK(sents[1].doc_id == "d1");
  CHECK(sents[1].words.size() == 1);
  CHECK(sents[1].text == "Yes");
}

TEST_CASE("read_conllu tolerates CRLF and blind HEAD columns", "[conllu][unit]") {
  TempDir dir;
  auto path = dir.write("b.conllu", "# text = Hi\r\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n");
  auto sents = ng::read_conllu(path.string());
  REQUIRE(sents.size() == 1);
  CHECK(sents[0].text == "Hi");
  CHECK(sents[0].words[0].misc == "_");
  CHECK(sents[0].words[0].head == 0);
}

TEST_CASE("read_conllu rejects malformed lines naming file and line", "[conllu][unit]") {
  struct Case {
    const char* name;
    const char* content;
    const char* expect;  // substring of the message
  };
  const Case cases[] = {
      {"nine columns", "1\tA\ta\tX\tX\t_\t0\troot\t_\n", ":1: the CoNLL-U line '1\tA"},
      {"eleven columns", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\t_\n", "10 tab-separated"},
      {"id not a number", "x\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "bad ID 'x'"},
      {"id out of sequence", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n",
       ":2: bad ID '3' (expected 2)"},
      {"head not a number", "1\tA\ta\tX\tX\t_\troot\troot\t_\t_\n", "bad HEAD 'root'"},
      {"head outside sentence", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t7\tdep\t_\t_\n",
       ":2: HEAD 7 of word 2 is outside"},
      {"bad multiword", "1-x\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multiword ID '1-x'"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto path = dir.write("bad.conllu", c.content);
      try {
        ng::read_conllu(path.string());
        FAIL("no error for " << c.name);
      } catch (const ng::Error& e) {
        std::string msg = e.what();
        CHECK(msg.find(path.string()) == 0);
        CHECK(msg.find(c.expect) != std::string::npos);
      }
    }
  }
}

TEST_CASE("read_conllu names a missing file", "[conllu][unit]") {
  CHECK_THROWS_WITH(ng::read_conllu("/nonexistent/x.conllu"),
                    Catch::Contains("/nonexistent/x.conllu"));
}

TEST_CASE("write_conllu writes sentence-relative heads and token ranges", "[conllu][unit]") {
  ng::Document doc;
  doc.id = "art1";
  // "Hi there. Bye!": form, lemma, UPOS, head (1-based, 0 = root), relation.
  ng::test::add_sentence(doc, {{"Hi", "Hi", "INTJ", 0, "root"},
                               {"there", "there", "ADV", 1, "advmod", "", false},
                               {".", ".", "PUNCT", 1, "punct"}});
  ng::test::add_sentence(doc, {{"Bye", "Bye", "INTJ", 0, "root", "", false},
                               {"!", "!", "PUNCT", 1, "punct"}});
  std::ostringstream out;
  ng::write_conllu(doc, out);
  const std::string expected =
      "# newdoc id = art1\n"
      "# sent_id = art1-1\n"
      "# text = Hi there.\n"
      "1\tHi\tHi\tINTJ\t_\t_\t0\troot\t_\tTokenRange=0:2\n"
      "2\tthere\tthere\tADV\t_\t_\t1\tadvmod\t_\tSpaceAfter=No|TokenRange=3:8\n"
      "3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\tTokenRange=8:9\n"
      "\n"
      "# sent_id = art1-2\n"
      "# text = Bye!\n"
      "1\tBye\tBye\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No|TokenRange=10:13\n"
      "2\t!\t!\tPUNCT\t_\t_\t1\tpunct\t_\tTokenRange=13:14\n"
      "\n";
  CHECK(out.str() == expected);

  // The output reads back.
  TempDir dir;
  auto path = dir.write("rt.conllu", out.str());
  auto sents = ng::read_conllu(path.string());
  REQUIRE(sents.size() == 2);
  CHECK(sents[0].words[1].head == 1);
  CHECK(sents[1].words[1].deprel == "punct");
  CHECK(sents[1].text == "Bye!");
}

TEST_CASE("documents_from_conllu: one document per newdoc, text from SpaceAfter", "[conllu][unit]") {
  std::istringstream in(std::string(kTwoSentences) + "\n# newdoc id = d2\n" +
                        "1\tNo\tno\tINTJ\tUH\t_\t0\troot\t0:root\t_\n");
  auto docs = ng::documents_from_conllu(ng::read_conllu(in, "mem.conllu"), "mem.conllu");
  REQUIRE(docs.size() == 2);
  const ng::Document& d = docs[0];
  CHECK(d.id == "d1");
  CHECK(d.text == "I don't know.\nYes");
  REQUIRE(d.tokens.size() == 6);
  REQUIRE(d.sentences.size() == 2);
  // "do" and "n't" spell "don't": each gets its own bytes; heads are global.
  CHECK(d.span_text(d.tokens[1].begin, d.tokens[1].end) == "do");
  CHECK(d.span_text(d.tokens[2].begin, d.tokens[2].end) == "n't");
  CHECK_FALSE(d.tokens[1].space_after);
  CHECK(d.tokens[0].head == 3);
  CHECK(d.tokens[3].head == -1);
  CHECK(d.tokens[5].head == -1);
  CHECK(d.tokens[2].lemma == "not");
  CHECK(docs[1].id == "d2");
  CHECK(docs[1].text == "No");
}

TEST_CASE("documents_from_conllu: gold words space-separated, annotation optional", "[conllu][unit]") {
  std::istringstream in(kTwoSentences);
  auto sentences = ng::read_conllu(in, "mem.conllu");
  auto docs = ng::documents_from_conllu(sentences, "gold", {.space_after = false, .annotation = false},
                                        /*split_documents=*/false);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "gold");
  CHECK(docs[0].text == "I do n't know .\nYes");
  CHECK(docs[0].tokens[0].upos.empty());
  CHECK(docs[0].tokens[0].head == -1);
  CHECK(ng::text_from_forms(sentences[0]) == "I don't know.");
}

TEST_CASE("read_conllu reads the shared EWT dev set", "[conllu][shared]") {
  auto path = ng::test::require_shared("data/ud-english-ewt/en_ewt-ud-dev.conllu");
  if (path.empty()) return;  // skipped
  auto sents = ng::read_conllu(path.string());
  size_t words = 0;
  for (const auto& s : sents) words += s.words.size();
  CHECK(sents.size() == 2001);
  CHECK(words == 25147);
}
