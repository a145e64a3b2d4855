// `newsgraph render` on the seed article: the diagram a journalist reads
// (at most 20 nodes, short uncut labels, both people, the meeting's date, a
// title) and the HTML viewer's meetings.
#include <catch2/catch.hpp>
#include <regex>

#include "core/utf8.h"
#include "tests/test_support.h"

namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The DOT double-quoted label values of lines matching `line` (one per line).
std::vector<std::string> labels(const std::string& dot, const std::regex& line) {
  std::vector<std::string> out;
  std::regex label(R"#(\[label="((?:[^"\\]|\\.)*)")#");
  for (size_t i = 0, j; i < dot.size(); i = j + 1) {
    j = dot.find('\n', i);
    if (j == std::string::npos) j = dot.size();
    std::string l = dot.substr(i, j - i);
    std::smatch m;
    if (std::regex_search(l, line) && std::regex_search(l, m, label)) out.push_back(m[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("render of the seed: a diagram people read", "[shared][render]") {
  auto seed = ng::test::require_shared("seeds/000_022af1c9c7a0144b.txt");
  if (seed.empty()) return;
  ng::test::TempDir tmp;
  auto dot_path = tmp.path() / "seed.dot";
  auto r = ng::test::run_cli("render " + q(seed) + " -o " + q(dot_path));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::string dot = ng::test::read_file(dot_path);
  auto nodes = labels(dot, std::regex(R"(^n\d+ \[)"));
  auto edges = labels(dot, std::regex(R"(^n\d+ -> n\d+ \[)"));
  CHECK(nodes.size() <= 20);
  CHECK(nodes.size() >= 5);
  for (const auto& l : nodes) {
    INFO(l);
    CHECK(ng::code_point_count(l) <= 40 + 1);  // "\n" is two bytes in DOT
    CHECK(l.find("\xE2\x80\xA6") == std::string::npos);
  }
  for (const auto& l : edges) {
    INFO(l);
    CHECK(ng::code_point_count(l) <= 40);
    CHECK(l.find("\xE2\x80\xA6") == std::string::npos);
    CHECK(l != "relation");
    CHECK(l.find("holdsOfficeIn") == std::string::npos);
  }
  auto starts = [&](const std::string& prefix) {
    for (const auto& l : nodes)
      if (l.rfind(prefix, 0) == 0) return true;
    return false;
  };
  CHECK(starts("Ilham Aliyev"));
  CHECK(starts("Igor Babushkin"));
  CHECK(std::find(edges.begin(), edges.end(), "met \xC2\xB7 2024-05-06") != edges.end());
  CHECK(std::find(edges.begin(), edges.end(), "holds office in") != edges.end());
  CHECK_THAT(dot, Catch::Contains("<b>News.Az \xC2\xB7 2024-05-06</b>"));
  CHECK_THAT(dot, Catch::Contains(">person</td>"));

  // A smaller limit, and the meetings alone.
  auto small = ng::test::run_cli("render " + q(seed) + " --max-nodes 3 -o -");
  REQUIRE(small.status == 0);
  CHECK(labels(small.out, std::regex(R"(^n\d+ \[)")).size() <= 3);
  CHECK_THAT(small.out, Catch::Contains("left out"));
  auto met = ng::test::run_cli("render " + q(seed) + " --meetings --focus 'Igor Babushkin' -o -");
  REQUIRE(met.status == 0);
  CHECK(labels(met.out, std::regex(R"(^n\d+ \[)")).size() == 2);
  auto bad = ng::test::run_cli("render " + q(seed) + " --focus 'Nobody Else' -o -");
  CHECK(bad.status == 1);
  CHECK_THAT(bad.err, Catch::Contains("Nobody Else"));

  // From the graph file `build` writes: the same entities and meetings.
  auto nq = tmp.path() / "seed.nq";
  REQUIRE(ng::test::run_cli("build " + q(seed) + " --format nquads -o " + q(nq)).status == 0);
  auto from_graph = ng::test::run_cli("render " + q(nq) + " -o -");
  INFO(from_graph.err);
  REQUIRE(from_graph.status == 0);
  auto graph_nodes = labels(from_graph.out, std::regex(R"(^n\d+ \[)"));
  std::sort(graph_nodes.begin(), graph_nodes.end());
  auto article_nodes = nodes;
  std::sort(article_nodes.begin(), article_nodes.end());
  CHECK(graph_nodes == article_nodes);
  auto graph_edges = labels(from_graph.out, std::regex(R"(^n\d+ -> n\d+ \[)"));
  CHECK(std::find(graph_edges.begin(), graph_edges.end(), "met \xC2\xB7 2024-05-06") !=
        graph_edges.end());
  CHECK_THAT(from_graph.out, Catch::Contains("<b>News.Az \xC2\xB7 2024-05-06</b>"));
  auto no_html = ng::test::run_cli("render " + q(nq) + " -o " + q(tmp.path() / "g.html"));
  CHECK(no_html.status == 1);
  CHECK_THAT(no_html.err, Catch::Contains("build --format html"));

  // The viewer page: the meeting is in its data.
  auto html = tmp.path() / "seed.html";
  auto h = ng::test::run_cli("render " + q(seed) + " -o " + q(html));
  REQUIRE(h.status == 0);
  std::string page = ng::test::read_file(html);
  CHECK_THAT(page, Catch::Contains("\"Ilham Aliyev\"") && Catch::Contains("\"Igor Babushkin\"") &&
                       Catch::Contains("\"date\":\"2024-05-06\""));
}
