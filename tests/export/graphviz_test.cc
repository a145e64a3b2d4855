#include "export/graphviz.h"

#include <catch2/catch.hpp>

#include "tests/sample_documents.h"
#include "tests/test_support.h"

TEST_CASE("dot_quote escapes what DOT needs", "[export][dot][unit]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"trailing\\", "\"trailing\\\\\""},
      {"two\nlines\r", "\"two\\nlines\""},
      {"<b>{x}|y</b>", "\"<b>{x}|y</b>\""},
      {"tab\there\x01", "\"tab here \""},
      {"Zoë Ǆ 😀", "\"Zoë Ǆ 😀\""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(ng::dot_quote(c.in) == c.out);
  }
  CHECK(ng::shorten("Zoë Ålström", 5) == "Zoë …");
  CHECK(ng::shorten("short", 5) == "short");
}

TEST_CASE("DOT output renders with GraphViz, hostile labels included", "[export][dot][tool]") {
  std::string dot = ng::to_dot(ng::test::sample_graph());
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(dot.find("shape=diamond") != std::string::npos);
  CHECK(dot.find("[label=\"met\", color=\"#c00000\"") != std::string::npos);
  CHECK(dot.find("label=\"presented\"") != std::string::npos);
  CHECK(dot.find("label=\"met (negated)\"") != std::string::npos);
  CHECK(dot.find("Zoë Ålström") != std::string::npos);
  ng::test::TempDir tmp;
  auto path = tmp.write("g.dot", dot);
  auto r = ng::test::run_shell("dot -Tsvg '" + path.string() + "' -o '" +
                               (tmp.path() / "g.svg").string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  std::string svg = ng::test::read_file(tmp.path() / "g.svg");
  CHECK(svg.find("Anna Kowalski") != std::string::npos);
  CHECK(svg.find("Zoë Ålström") != std::string::npos);
  CHECK(svg.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("GraphML output is well-formed XML with every node", "[export][graphml][tool]") {
  ng::KnowledgeGraph g = ng::test::sample_graph();
  ng::test::TempDir tmp;
  auto path = tmp.write("g.graphml", ng::to_graphml(g));
  auto r = ng::test::run_shell(
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as ET; "
      "t = ET.parse(sys.argv[1]); ns = '{http://graphml.graphdrawing.org/xmlns}'; "
      "print(len(t.getroot().findall('.//' + ns + 'node')), len(t.getroot().findall('.//' + ns + "
      "'edge')))\" '" +
      path.string() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  size_t edges = g.statements().size();
  for (const auto& ev : g.events()) edges += ev.roles.size() + (ev.place >= 0 ? 1 : 0);
  // Met edges: one per unordered pair; publisher edges: one per article with a source.
  std::string expected = std::to_string(g.node_count()) + " ";
  CHECK(r.out.rfind(expected, 0) == 0);
  CHECK(std::stoul(r.out.substr(expected.size())) >= edges);
}
