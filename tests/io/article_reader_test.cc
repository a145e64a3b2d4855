#include <catch2/catch.hpp>

#include "core/error.h"
#include "io/article_reader.h"
#include "tests/test_support.h"

using ng::test::TempDir;

TEST_CASE("plain text: date line and source line become metadata", "[input][unit]") {
  std::string text = " date 2021-02-03 + 16 px\n\nA minister met a mayor. They talked.\n\nDaily Courier";
  ng::Document d = ng::document_from_text("a.txt", text);
  CHECK(d.date == "2021-02-03");
  CHECK(d.source == "Daily Courier");
  CHECK(d.text == text);  // offsets stay offsets into the whole file
  CHECK(d.span_text(d.body_begin, d.body_end).find("A minister met") == 0);
  CHECK(d.span_text(d.body_begin, d.body_end).find("Daily Courier") == std::string::npos);
}

TEST_CASE("plain text without metadata keeps the whole text as body", "[input][unit]") {
  ng::Document d = ng::document_from_text("b.txt", "The council met on Monday.\nIt agreed a budget.");
  CHECK(d.date.empty());
  CHECK(d.source.empty());
  CHECK(d.body_begin == 0);
  CHECK(d.body_end == d.text.size());
}

TEST_CASE("bad inputs are refused with a message naming what and where", "[input][unit]") {
  struct Case { std::string text; const char* expect; };
  const Case cases[] = {
      {"", "empty"},
      {"   \n\t\n", "empty"},
      {std::string("abc\0def", 7), "binary"},
      {"caf\xE9 au lait", "invalid UTF-8 at byte offset 3"},
  };
  for (const auto& c : cases) {
    INFO(c.expect);
    try {
      ng::document_from_text("x.txt", c.text);
      FAIL("accepted bad input");
    } catch (const ng::Error& e) {
      CHECK_THAT(e.what(), Catch::Contains("x.txt") && Catch::Contains(c.expect));
    }
  }
  ng::Document d = ng::document_from_text("x.txt", "caf\xE9 au lait", /*repair=*/true);
  REQUIRE(d.warnings.size() == 1);
  CHECK_THAT(d.warnings[0], Catch::Contains("byte offset 3"));
}

TEST_CASE("a batch reports and skips bad articles", "[input][unit]") {
  TempDir dir;
  auto good = dir.write("good.txt", "The mayor met the governor.");
  auto empty = dir.write("empty.txt", "");
  auto jsonl = dir.write("a.jsonl",
                         "{\"id\":\"one\",\"text\":\"First.\",\"date\":\"2020-01-02\"}\n"
                         "not json\n"
                         "{\"id\":\"three\"}\n"
                         "\n"
                         "{\"id\":\"four\",\"text\":\"Fourth.\",\"title\":\"T\"}\n");
  std::vector<std::string> ids, errors;
  ng::InputOptions o;
  o.files = {good.string(), (dir.path() / "missing.txt").string(), empty.string()};
  size_t bad = ng::read_articles(o, [&](ng::Document&& d) { ids.push_back(d.id); },
                                 [&](const std::string& m) { errors.push_back(m); });
  CHECK(bad == 2);
  CHECK(ids == std::vector<std::string>{"good.txt"});
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::Contains("missing.txt"));
  CHECK_THAT(errors[1], Catch::Contains("empty.txt") && Catch::Contains("empty"));

  ids.clear();
  errors.clear();
  o = {};
  o.files = {jsonl.string()};
  o.jsonl = true;
  std::vector<ng::Document> docs;
  bad = ng::read_articles(o, [&](ng::Document&& d) { docs.push_back(std::move(d)); },
                          [&](const std::string& m) { errors.push_back(m); });
  CHECK(bad == 2);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "one");
  CHECK(docs[0].date == "2020-01-02");
  CHECK(docs[1].title == "T");
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::Contains("a.jsonl:2") && Catch::Contains("invalid JSON"));
  CHECK_THAT(errors[1], Catch::Contains("a.jsonl:3") && Catch::Contains("text"));

  o.strict = true;
  CHECK_THROWS_AS(ng::read_articles(o, [](ng::Document&&) {}, [](const std::string&) {}), ng::Error);
}

TEST_CASE("sentences mode: every line is one document numbered by line", "[input][unit]") {
  TempDir dir;
  auto f = dir.write("s.txt", "First sentence.\n\nThird line here.\n");
  ng::InputOptions o;
  o.files = {f.string()};
  o.sentences = true;
  std::vector<ng::Document> docs;
  ng::read_articles(o, [&](ng::Document&& d) { docs.push_back(std::move(d)); }, [](const std::string&) {});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "1");
  CHECK(docs[1].id == "3");
  CHECK(docs[1].text == "Third line here.");
}
