#include "export/render.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/error.h"
#include "export/graphviz.h"
#include "tests/sample_documents.h"
#include "tests/test_support.h"

namespace {

// Sets an environment variable for the scope of a test.
struct ScopedEnv {
  std::string name;
  ScopedEnv(const char* n, const char* value) : name(n) { setenv(n, value, 1); }
  ~ScopedEnv() { unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("render writes SVG and PNG through dot", "[export][render][tool]") {
  ng::KnowledgeGraph g;
  g.add(ng::test::article_a());
  g.add(ng::test::hostile_article());
  std::string dot = ng::to_dot(g);
  ng::test::TempDir tmp;
  auto svg = tmp.path() / "diagram.svg";
  ng::render_dot(dot, svg.string());
  std::string text = ng::test::read_file(svg);
  CHECK(text.find("<svg") != std::string::npos);
  CHECK(text.find("Anna Kowalski") != std::string::npos);
  auto png = tmp.path() / "diagram.PNG";
  ng::render_dot(dot, png.string());
  CHECK(ng::test::read_file(png).substr(1, 3) == "PNG");
  // Only the image is left behind: no temporary files.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    files += e.is_regular_file();
  CHECK(files == 2);
}

TEST_CASE("render errors are clear and leave no file", "[export][render][tool]") {
  ng::test::TempDir tmp;
  auto out = tmp.path() / "d.svg";
  CHECK_THROWS_WITH(ng::render_dot("digraph { a -> b }", (tmp.path() / "d.gif").string()),
                    Catch::Contains(".gif"));
  CHECK_THROWS_WITH(ng::render_dot("digraph { a -> ", out.string()), Catch::Contains("failed"));
  CHECK_FALSE(std::filesystem::exists(out));
  {
    ScopedEnv env("NEWSGRAPH_DOT", "/nonexistent/dot");
    CHECK_THROWS_WITH(ng::render_dot("digraph { a -> b }", out.string()),
                      Catch::Contains("not found"));
  }
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_THROWS_WITH(ng::render_dot("digraph { a -> b }", (tmp.path() / "no/dir/d.svg").string()),
                    Catch::Contains("missing"));
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    files += e.is_regular_file();
  CHECK(files == 0);
}
