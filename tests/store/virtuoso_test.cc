// The corpus pushed into a real triple store: Debian's Virtuoso 7, started
// on loopback with a scratch database (tests/store/virtuoso.sh) and stopped.
// Needs the corpus of ../shared and virtuoso-opensource: installed with apt
// when missing and running as root, else the test is skipped.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "tests/test_support.h"

namespace {

using ng::test::run_cli;
using ng::test::run_shell;

std::string script(const std::string& name) {
  return (ng::test::source_dir() / "tests/store" / name).string();
}

// Skips the test (exit NEWSGRAPH_SKIP_CODE under ctest) with a message.
bool skip(const std::string& why) {
  WARN("skipped: " << why);
  if (const char* code = std::getenv("NEWSGRAPH_SKIP_CODE")) std::exit(std::atoi(code));
  return false;
}

// Whether virtuoso-t can run here, installing it as root when missing.
bool have_virtuoso() {
  if (run_shell("command -v virtuoso-t").status == 0) return true;
  if (::geteuid() != 0) return skip("virtuoso-opensource is not installed and we are not root");
  auto r = run_shell(
      "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
      "--no-install-recommends "
      "virtuoso-opensource");
  if (r.status != 0) return skip("apt-get install virtuoso-opensource failed: " + r.err);
  return true;
}

// A scratch Virtuoso, stopped at destruction.
class Virtuoso {
 public:
  explicit Virtuoso(const std::filesystem::path& dir) : dir_(dir.string()) {
    auto r = run_shell(script("virtuoso.sh") + " start " + dir_);
    INFO(r.err);
    REQUIRE(r.status == 0);
    http_ = r.out.substr(0, r.out.find(' '));
  }
  ~Virtuoso() { run_shell(script("virtuoso.sh") + " stop " + dir_); }
  std::string crud() const { return "http://127.0.0.1:" + http_ + "/sparql-graph-crud-auth"; }
  std::string sparql() const { return "http://127.0.0.1:" + http_ + "/sparql"; }
  // Rows of a SELECT query file (TSV, header dropped), sorted.
  std::vector<std::string> select(const std::string& query_file) const {
    auto r = run_shell("/usr/bin/python3 " + script("sparql_select.py") + " " + sparql() + " " +
                       query_file);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return sorted_rows(r.out);
  }
  static std::vector<std::string> sorted_rows(const std::string& tsv) {
    std::vector<std::string> rows;
    std::istringstream in(tsv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) rows.push_back(line);
    std::sort(rows.begin(), rows.end());
    return rows;
  }

 private:
  std::string dir_, http_;
};

size_t count_quads(const Virtuoso& v, const ng::test::TempDir& d, const std::string& graph_prefix) {
  auto q = d.write("count.rq",
                   "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                   "FILTER (STRSTARTS(STR(?g), \"" +
                       graph_prefix + "\")) }");
  auto rows = v.select(q.string());
  REQUIRE(rows.size() == 1);
  return std::stoul(rows[0]);
}

}  // namespace

TEST_CASE(
    "the corpus pushed into Virtuoso: who-met SPARQL equals who-met, a "
    "second push "
    "changes nothing",
    "[shared]") {
  auto corpus = ng::test::require_shared("corpus/wikinews/articles.jsonl");
  if (corpus.empty() || !have_virtuoso()) return;
  ng::test::TempDir d;
  Virtuoso v(d.path() / "db");
  const std::string graph = (d.path() / "graph.nq").string();
  const std::string auth = " --user dba --password dba";
  // One build both writes the N-Quads and pushes every article's graph.
  auto r = run_cli("build --jsonl " + corpus.string() + " --format nquads -o " + graph +
                   " --push " + v.crud() + auth + " --progress");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("built 295 articles (each pushed)") != std::string::npos);
  auto who = run_cli("who-met " + graph);
  REQUIRE(who.status == 0);
  const auto expected = Virtuoso::sorted_rows(who.out);
  const std::string examples = (ng::test::source_dir() / "examples/sparql/").string();
  const auto got = v.select(examples + "who-met.rq");
  CHECK(expected.size() >= 25);  // the corpus has a few dozen meeting pairs (39 now)
  CHECK(got == expected);

  const std::string base = "https://w3id.org/newsgraph/id/graph/";
  const size_t quads = count_quads(v, d, base);
  auto lines = run_shell("sort -u " + graph + " | wc -l");
  CHECK(quads == std::stoul(lines.out));
  r = run_cli("push -q --store " + v.crud() + auth + " " + graph);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(count_quads(v, d, base) == quads);

  // An edited article replaces its graph: nothing of the first text stays.
  const auto example = ng::test::source_dir() / "examples/article.txt";
  auto first =
      run_cli("build -q --format nquads " + example.string() + " --push " + v.crud() + auth);
  REQUIRE(first.status == 0);
  std::string edited = ng::test::read_file(example);
  edited.replace(edited.find("Jorge Almeida"), 13, "Rui Santos");
  auto edited_file = d.write("article.txt", edited);
  auto second = run_cli("build -q --format nquads -o " + (d.path() / "edited.nq").string() + " " +
                        edited_file.string() + " --push " + v.crud() + auth);
  REQUIRE(second.status == 0);
  auto edited_quads = run_shell("sort -u " + (d.path() / "edited.nq").string() + " | wc -l");
  CHECK(count_quads(v, d, base + "article.txt") == std::stoul(edited_quads.out));

  // The README's example queries run and find the example's meetings and facts.
  auto meetings = v.select(examples + "meetings-of.rq");
  REQUIRE(meetings.size() == 2);
  CHECK(meetings[0].find("Rui Santos") != std::string::npos);
  auto facts = v.select(examples + "facts-about.rq");
  CHECK(facts.size() >= 5);
  CHECK(std::any_of(facts.begin(), facts.end(), [](const std::string& row) {
    return row.find("meet.receive") != std::string::npos;
  }));
}
