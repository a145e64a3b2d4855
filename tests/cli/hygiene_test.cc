// Hardening (issue 15): option parsing, output hygiene of line-based formats
// and `-o` safety, each case named after what broke.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/test_support.h"

using ng::test::run_cli;
using ng::test::run_shell;
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

namespace {

// `triples` on a one-sentence article, written with -o to `out`.
ng::test::RunResult triples_to(const TempDir& dir, const std::string& out) {
  auto in = dir.write("in.txt", kMeeting);
  return run_cli("triples '" + in.string() + "' -o '" + out + "'");
}

bool is_char_device(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace

TEST_CASE("output file option: to a device node writes through instead of replacing it", "[cli]") {
  TempDir dir;
  // A private null device first (root can make one): a bug cannot then
  // replace the system's /dev/null. Without root, /dev/null itself.
  auto node = (dir.path() / "null").string();
  if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    auto r = triples_to(dir, node);
    INFO(r.err);
    CHECK(r.status == 0);
    REQUIRE(is_char_device(node));
  }
  auto r = triples_to(dir, "/dev/null");
  CHECK(r.status == 0);
  CHECK(is_char_device("/dev/null"));
}

TEST_CASE("output file option: to a FIFO writes into it", "[cli]") {
  TempDir dir;
  auto in = dir.write("in.txt", kMeeting);
  auto fifo = dir.path() / "fifo", got = dir.path() / "got.tsv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = run_shell("cat '" + fifo.string() + "' > '" + got.string() + "' & '" +
                     ng::test::binary() + "' triples '" + in.string() + "' -o '" + fifo.string() +
                     "'; s=$?; wait; exit $s");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK_THAT(ng::test::read_file(got), Catch::StartsWith("doc\tsentence"));
}

TEST_CASE("output file option: through a symlink writes its target and keeps the link", "[cli]") {
  TempDir dir;
  namespace fs = std::filesystem;
  fs::create_directory(dir.path() / "real");
  auto link = dir.path() / "link.tsv";
  fs::create_symlink("real/target.tsv", link);
  auto r = triples_to(dir, link.string());
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(fs::is_symlink(fs::symlink_status(link)));
  CHECK_THAT(ng::test::read_file(dir.path() / "real/target.tsv"), Catch::StartsWith("doc\t"));
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path() / "real")) files += e.exists();
  CHECK(files == 1);  // no temp file left next to the target
}

TEST_CASE("output file option: keeps the permission bits of the file it replaces", "[cli]") {
  TempDir dir;
  auto out = dir.write("private.tsv", "old");
  std::filesystem::permissions(out, std::filesystem::perms::owner_read |
                                        std::filesystem::perms::owner_write);
  auto r = triples_to(dir, out.string());
  CHECK(r.status == 0);
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  CHECK_THAT(ng::test::read_file(out), Catch::StartsWith("doc\t"));
}

TEST_CASE("output file option: removes stale temp files of dead processes", "[cli]") {
  TempDir dir;
  auto out = dir.path() / "out.tsv";
  // A pid that cannot be running (above any pid_max), and one that is.
  auto stale = dir.write(".out.tsv.newsgraph-tmp.999999999", "debris");
  auto live = dir.write(".out.tsv.newsgraph-tmp." + std::to_string(::getpid()), "in use");
  auto r = triples_to(dir, out.string());
  CHECK(r.status == 0);
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(live));
  CHECK(std::filesystem::exists(out));
}

TEST_CASE("a long chain of reported speech gives output linear in the input", "[cli]") {
  // "X said that Y said that ...": each clause literal used to nest the rest
  // of the chain (a 484 KB article gave 256 MB of Turtle).
  const char* names[] = {"Clara Jensen", "Tomas Berg", "Omar Haddad", "Elena Petrova"};
  std::string text = "Monday, June 2, 2025\n\n";
  for (int i = 0; i < 2000; ++i) text += std::string(names[i % 4]) + " said that ";
  text += "the talks in Oslo went well.\n";
  TempDir dir;
  auto in = dir.write("chain.txt", text);
  auto out = dir.path() / "chain.ttl";
  auto r = run_cli("build '" + in.string() + "' -o '" + out.string() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto ttl = ng::test::read_file(out);
  CHECK(ttl.size() < 50 * text.size());
  CHECK_THAT(ttl, Catch::Contains("\xe2\x80\xa6\""));  // a cut literal ends with "…"
}
