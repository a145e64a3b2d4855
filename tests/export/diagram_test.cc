// The diagram people read (export/diagram.h) and the HTML viewer's data
// (export/html.h): what is drawn, how it is labelled, what is escaped.
#include "export/diagram.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/error.h"
#include "core/utf8.h"
#include "export/html.h"
#include "rdf/ontology.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

const ng::DiagramNode* find_node(const ng::Diagram& d, const std::string& first_line) {
  for (const auto& n : d.nodes)
    if (n.label.substr(0, n.label.find('\n')) == first_line) return &n;
  return nullptr;
}

bool has_edge(const ng::Diagram& d, const std::string& a, const std::string& b,
              const std::string& label) {
  for (const auto& e : d.edges) {
    auto fa = d.nodes[e.from].label, fb = d.nodes[e.to].label;
    fa = fa.substr(0, fa.find('\n'));
    fb = fb.substr(0, fb.find('\n'));
    if (e.label == label && ((fa == a && fb == b) || (fa == b && fb == a))) return true;
  }
  return false;
}

ng::KnowledgeGraph one_article() {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  return g;
}

}  // namespace

TEST_CASE("predicates in words from the ontology's labels", "[export][diagram][unit]") {
  CHECK(ng::term_in_words("ng:holdsOfficeIn") == "holds office in");
  CHECK(ng::term_in_words("schema:jobTitle") == "job title");
  CHECK(ng::term_in_words("ng:partOf") == "part of");
  CHECK(ng::term_in_words("ng:expressedGratitude") == "expressed gratitude");
  CHECK(ng::term_in_words("ng:noSuchTermHere") == "no such term here");
}

TEST_CASE("diagram of one article: entities, typed relations, a meeting edge, a title",
          "[export][diagram][unit]") {
  ng::Diagram d = ng::make_diagram(one_article(), {});
  CHECK(d.title == "Leaders meet in Springfield");
  REQUIRE(find_node(d, "Anna Kowalski"));
  CHECK(find_node(d, "Anna Kowalski")->label == "Anna Kowalski\nPresident");
  CHECK(find_node(d, "Anna Kowalski")->kind == ng::DiagramKind::Person);
  CHECK(find_node(d, "Freedonia"));
  CHECK_FALSE(find_node(d, "a medal"));   // a literal: only with --literals
  CHECK_FALSE(find_node(d, "President"));
  CHECK(has_edge(d, "Anna Kowalski", "Peter Lindqvist",
                 "met \xC2\xB7 2024-05-06 \xC2\xB7 Springfield"));
  CHECK(has_edge(d, "Anna Kowalski", "Freedonia", "holds office in"));
  CHECK(has_edge(d, "Anna Kowalski", "Peter Lindqvist", "received"));
  CHECK(d.note.empty());
  std::string dot = ng::diagram_to_dot(d);
  CHECK_THAT(dot, Catch::Contains("<b>Leaders meet in Springfield</b>"));
  CHECK_THAT(dot, Catch::Contains(">person</td>") && Catch::Contains(">place</td>"));
  CHECK_THAT(dot, Catch::Contains("penwidth=2.5, dir=none"));
  // Every DOT node is an entity: the legend is in the caption.
  std::regex node_line(R"(^n\d+ \[label=)");
  size_t dot_nodes = 0;
  for (size_t i = 0, j; i < dot.size(); i = j + 1) {
    j = dot.find('\n', i);
    if (std::regex_search(dot.substr(i, j - i), node_line)) ++dot_nodes;
  }
  CHECK(dot_nodes == d.nodes.size());

  ng::DiagramOptions all;
  all.literals = true;
  ng::Diagram full = ng::make_diagram(one_article(), all);
  CHECK(find_node(full, "a medal"));
  CHECK(has_edge(full, "Anna Kowalski", "a medal", "presented"));
}

TEST_CASE("diagram limit: the most connected first, a note of the rest",
          "[export][diagram][unit]") {
  ng::KnowledgeGraph g = ng::test::sample_graph();
  ng::DiagramOptions o;
  o.max_nodes = 4;
  ng::Diagram d = ng::make_diagram(g, o);
  CHECK(d.nodes.size() <= 4);
  CHECK(d.nodes.size() >= 2);
  CHECK_THAT(d.note, Catch::Contains("left out") && Catch::Contains("--max-nodes 0"));
  CHECK(d.title == "3 articles, 2024-05-06 to 2024-13-45");
  for (size_t i = 1; i < d.nodes.size(); ++i) CHECK(d.nodes[i - 1].degree >= 1);
  o.max_nodes = 0;
  ng::Diagram all = ng::make_diagram(g, o);
  CHECK(all.nodes.size() > 10);
  CHECK(all.note.empty());
}

TEST_CASE("diagram focus, depth and meetings only", "[export][diagram][unit]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::article_b());
  ng::DiagramOptions o;
  o.focus = "carl berg";
  ng::Diagram d = ng::make_diagram(g, o);
  REQUIRE(d.nodes.size() == 2);
  CHECK(find_node(d, "Carl Berg"));
  CHECK(has_edge(d, "Carl Berg", "Peter Lindqvist", "met \xC2\xB7 2024-05 \xC2\xB7 Oslo"));
  o.depth = 2;
  CHECK(find_node(ng::make_diagram(g, o), "Anna Kowalski"));
  o.focus = "P. Lindqvist";  // an alias
  o.depth = 1;
  CHECK(find_node(ng::make_diagram(g, o), "Peter Lindqvist"));
  o.focus = "Nobody Here";
  CHECK_THROWS_WITH(ng::make_diagram(g, o), Catch::Contains("'Nobody Here'"));

  ng::DiagramOptions m;
  m.meetings_only = true;
  ng::Diagram meetings = ng::make_diagram(g, m);
  for (const auto& e : meetings.edges) CHECK(e.meeting);
  CHECK_FALSE(find_node(meetings, "Freedonia"));
  // The negated meeting is drawn dashed, with its modality.
  CHECK(has_edge(meetings, "Peter Lindqvist", "Zoë Ålström", "met (negated)"));
  CHECK_THAT(ng::diagram_to_dot(meetings), Catch::Contains("not (yet) happened"));
}

TEST_CASE("diagram labels: wrapped at 40, never cut, escaped", "[export][diagram][unit]") {
  ng::test::DocBuilder b("long", "", "2024-01-02", "", "");
  int s = b.sentence("The International Association of Very Long Organisation Names met Ann Lee.");
  int org = b.entity("International Association of Very Long Organisation Names and Titles",
                     ng::EntityType::Org);
  int ann = b.entity("Ann Lee", ng::EntityType::Person);
  b.event(s, "ng:Meeting", {{"ng:participant", b.ent(org)}, {"ng:participant", b.ent(ann)}},
          "2024-01-02", {});
  ng::KnowledgeGraph g;
  g.add(b.doc());
  ng::Diagram d = ng::make_diagram(g, {});
  CHECK(d.title == "long \xC2\xB7 2024-01-02");
  REQUIRE(d.nodes.size() == 2);
  for (const auto& n : d.nodes) {
    for (size_t i = 0, j; i <= n.label.size(); i = j + 1) {
      j = n.label.find('\n', i);
      if (j == std::string::npos) j = n.label.size();
      CHECK(ng::code_point_count(n.label.substr(i, j - i)) <= 40);
    }
    CHECK(n.label.find("\xE2\x80\xA6") == std::string::npos);
  }
  std::string joined = d.nodes[0].label + d.nodes[1].label;
  CHECK_THAT(joined, Catch::Contains("Very Long\nOrganisation Names and Titles"));

  ng::KnowledgeGraph hostile;
  hostile.add(ng::test::hostile_article());
  ng::DiagramOptions o;
  o.max_nodes = 0;
  std::string dot = ng::diagram_to_dot(ng::make_diagram(hostile, o));
  CHECK_THAT(dot, Catch::Contains("&lt;tags&gt;"));
  CHECK(dot.find("<tags>") == std::string::npos);
  CHECK_THAT(dot, Catch::Contains("\\\"The Hammer\\\""));
}

TEST_CASE("diagram DOT of hostile names renders with GraphViz", "[export][diagram][tool]") {
  ng::DiagramOptions o;
  o.literals = true;
  o.max_nodes = 0;
  std::string dot = ng::diagram_to_dot(ng::make_diagram(ng::test::sample_graph(), o));
  ng::test::TempDir tmp;
  auto path = tmp.write("d.dot", dot);
  auto r = ng::test::run_shell("dot -Tsvg '" + path.string() + "' -o '" +
                               (tmp.path() / "d.svg").string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  std::string svg = ng::test::read_file(tmp.path() / "d.svg");
  CHECK_THAT(svg, Catch::Contains("Zoë Ålström") && Catch::Contains("3 articles"));
}

TEST_CASE("viewer page: data as escaped JSON, meetings, nothing to fetch",
          "[export][html][unit]") {
  CHECK(ng::json_for_script(R"({"a":"</script><b>&x"})") ==
        R"({"a":"\u003c/script\u003e\u003cb\u003e\u0026x"})");
  CHECK(ng::json_for_script("\"\xE2\x80\xA8\"") == "\"\\u2028\"");
  ng::KnowledgeGraph g = ng::test::sample_graph();
  std::string html = ng::to_html(g);
  const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
  size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  begin += open.size();
  size_t end = html.find("</script>", begin);
  std::string block = html.substr(begin, end - begin);
  CHECK(block.find('<') == std::string::npos);
  auto data = nlohmann::json::parse(block);
  CHECK(data == nlohmann::json::parse(ng::viewer_json(g)));
  CHECK(data["articles"].size() == 3);
  bool found = false;
  for (const auto& m : data["meetings"]) {
    std::string a = data["nodes"][m["a"].get<size_t>()]["label"];
    std::string b = data["nodes"][m["b"].get<size_t>()]["label"];
    if (a == "Anna Kowalski" && b == "Peter Lindqvist") {
      found = true;
      CHECK(m["date"] == "2024-05-06");
      CHECK(m["place"] == "Springfield");
      CHECK(data["sentences"][m["sentence"].get<size_t>()].get<std::string>().rfind(
                "President Anna Kowalski received", 0) == 0);
      CHECK(data["articles"][m["article"].get<size_t>()]["doc"] == "a1");
    }
  }
  CHECK(found);
  // The title is escaped; nothing is loaded from elsewhere.
  CHECK_THAT(html, Catch::Contains("<title>3 articles"));
  CHECK_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)",
                                                 std::regex::icase)));
  CHECK_THAT(html, Catch::Contains("default-src 'none'"));
  CHECK_THAT(html, Catch::Contains("Permission is hereby granted"));  // Cytoscape's licence
}
