// Hardening (issue 15): option parsing, output hygiene of line-based formats
// and `-o` safety, each case named after what broke.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::TempDir;

namespace {

const char* kMeeting = "Prime Minister Clara Jensen met Foreign Minister Tomas Berg in Oslo.\n";

const char* kRule =
    "- id: test.greet\n"
    "  trigger: {lemma: [greet]}\n"
    "  slots:\n"
    "    a: {path: [nsubj], type: [PERSON]}\n"
    "    b: {path: [obj], type: [PERSON]}\n"
    "  fact: {subject: a, predicate: \"ng:met\", object: b}\n";

size_t count_of(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("rules option takes one file so the input files after it stay inputs", "[cli]") {
  TempDir dir;
  auto rules = dir.write("r.yaml", kRule);
  std::string second = kRule;
  second.replace(second.find("test.greet"), 10, "test.greet2");
  auto rules2 = dir.write("r2.yaml", second);
  auto a = dir.write("a.txt", kMeeting);
  auto b = dir.write("b.txt", kMeeting);
  auto r = run_cli("triples --format json --rules '" + rules.string() + "' '" + a.string() + "' '" +
                   b.string() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(count_of(r.out, "\"doc\":\"a.txt\"") == 1);
  CHECK(count_of(r.out, "\"doc\":\"b.txt\"") == 1);
  // Several rule files: the flag repeated.
  r = run_cli("triples --rules '" + rules.string() + "' --rules '" + rules2.string() + "' '" +
              a.string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
}

TEST_CASE("a JSONL id with tabs and newlines cannot inject lines into line-based output", "[cli]") {
  TempDir dir;
  // Tab, LF, CR, U+2028: each would start a new line or cell if written raw.
  auto in = dir.write("in.jsonl",
                      "{\"id\":\"x\\ty\\n# injected\\rz\\u2028w\",\"text\":\"Prime Minister "
                      "Clara Jensen met Foreign Minister Tomas Berg in Oslo on Monday.\"}\n");
  const std::string commands[] = {"entities --format text", "analyze --format conllu",
                                  "analyze --format tsv", "triples --format tsv",
                                  "who-met"};
  for (const auto& cmd : commands) {
    INFO(cmd);
    auto r = run_cli(cmd + " --jsonl '" + in.string() + "'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, !Catch::Contains("\n# injected"));
    CHECK(r.out.find('\r') == std::string::npos);
    CHECK_THAT(r.out, !Catch::Contains("\xe2\x80\xa8"));
    if (cmd.find("analyze") == std::string::npos) {
      CHECK_THAT(r.out, !Catch::Contains("x\ty"));
    }
  }
  auto r = run_cli("analyze --jsonl '" + in.string() + "'");
  CHECK_THAT(r.out, Catch::StartsWith("# newdoc id = x y # injected z w\n"));
}
