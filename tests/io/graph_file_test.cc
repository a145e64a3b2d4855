// detect_graph_file: the graph files `build` writes are recognised, by
// extension or by a parse of the whole text, and articles never are.
#include "io/graph_file.h"

#include <catch2/catch.hpp>

#include "export/graphviz.h"
#include "export/json.h"
#include "rdf/jsonld.h"
#include "rdf/rdf.h"
#include "tests/sample_documents.h"

using ng::GraphFileKind;

TEST_CASE("graph files are recognised by extension or by content, articles are not",
          "[input][graph-file][unit]") {
  struct Case {
    const char* name;
    const char* content;
    GraphFileKind want;
  };
  const Case cases[] = {
      // By extension, whatever the content.
      {"a.nq", "anything", GraphFileKind::NQuads},
      {"dir/a.NT", "", GraphFileKind::NTriples},
      {"a.ttl", "", GraphFileKind::Turtle},
      {"a.trig", "", GraphFileKind::TriG},
      {"a.rdf", "", GraphFileKind::RdfXml},
      {"a.owl", "", GraphFileKind::RdfXml},
      {"a.jsonld", "", GraphFileKind::JsonLd},
      {"a.dot", "", GraphFileKind::Dot},
      {"a.graphml", "", GraphFileKind::GraphMl},
      // N-Triples / N-Quads: every statement line parses.
      {"g", "<http://a/s> <http://a/p> <http://a/o> .\n", GraphFileKind::NTriples},
      {"-", "# comment\n\n<http://a/s> <http://a/p> \"v\\\"x\"@en-GB .\r\n"
            "_:b1 <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> . # c\n",
       GraphFileKind::NTriples},
      {"g.txt", "<http://a/s> <http://a/p> _:o <http://a/g> .\n<urn:x:s> <urn:x:p> \"o\" .\n",
       GraphFileKind::NQuads},
      {"g", "\xEF\xBB\xBF<http://a/s> <http://a/p> <http://a/o>.", GraphFileKind::NTriples},
      // JSON: JSON-LD, or build's JSON graph; a .json article is not one.
      {"g", "{\"@context\": {\"ex\": \"http://e/\"}, \"@graph\": []}", GraphFileKind::JsonLd},
      {"g.json", " {\"nodes\": [], \"edges\": [], \"events\": [], \"articles\": []}\n",
       GraphFileKind::Json},
      {"a.json", "{\"id\": \"a\", \"text\": \"Ann Lee met Bob Ray.\"}", GraphFileKind::None},
      {"a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n", GraphFileKind::None},
      // XML: RDF/XML parses; GraphML is a closed graphml root.
      {"g.xml",
       "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
       "xmlns:ex=\"http://e/\"><rdf:Description rdf:about=\"http://e/a\"><ex:p>v</ex:p>"
       "</rdf:Description></rdf:RDF>\n",
       GraphFileKind::RdfXml},
      {"g", "<?xml version=\"1.0\"?>\n<!-- x -->\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
            "<graph id=\"G\"/></graphml>\n",
       GraphFileKind::GraphMl},
      {"page.xml", "<?xml version=\"1.0\"?><article><p>Ann met Bob.</p></article>", GraphFileKind::None},
      {"page", "<html><body>Ann Lee met Bob Ray.</body></html>\n", GraphFileKind::None},
      {"g", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">unclosed",
       GraphFileKind::None},
      // DOT.
      {"g", "digraph G {\n a -> b [label=\"x } y\"];\n}\n", GraphFileKind::Dot},
      {"g", "strict graph { a -- b }", GraphFileKind::Dot},
      {"a.txt", "Graph theory is the study of graphs {nodes and edges}.", GraphFileKind::None},
      {"a.txt", "digraph G { a -> b } and then some text.", GraphFileKind::None},
      // Turtle / TriG: raptor parses it all and no sentence-like text.
      {"g", "@prefix ex: <http://e/> .\nex:a ex:b \"Ann met Bob in Rome today\" .\n",
       GraphFileKind::Turtle},
      {"g", "# a comment with many plain words in it\nPREFIX ex: <http://e/>\nex:a a ex:C ; "
            "ex:p true, false .\n",
       GraphFileKind::Turtle},
      {"g", "<http://e/a> <http://e/b> [ <http://e/c> \"\"\"long\nstring\"\"\" ] .\n",
       GraphFileKind::Turtle},
      {"g", "<http://e/g> { <http://e/a> <http://e/b> <http://e/c> . }\n", GraphFileKind::TriG},
      // Articles, including ones that start like a graph file.
      {"a.txt", "Prefix changes were announced on Monday.\nThe minister met Ann Lee.\n",
       GraphFileKind::None},
      {"-", "PREFIX changes: the ministry said on Monday that it would rename the fund.\n",
       GraphFileKind::None},
      {"a.txt", "@base camp, the climbers met their guide.\n", GraphFileKind::None},
      {"a.txt", "Update: Ann Lee met Bob Ray in Rome.\n", GraphFileKind::None},
      {"a.txt", "<b>Breaking</b> Ann Lee met Bob Ray.\n", GraphFileKind::None},
      {"a.txt", "<http://example.org/> is the address. Ann Lee met Bob Ray.\n", GraphFileKind::None},
      {"a.txt", "_:b1 was the code name of the project.\n", GraphFileKind::None},
      {"a.md", "# Title\n\n# Subtitle\n\nAnn Lee met Bob Ray.\n", GraphFileKind::None},
      {"a.md", "# only comments\n# here\n", GraphFileKind::None},
      {"a.txt", "{Ann Lee met Bob Ray.}", GraphFileKind::None},
      {"a.txt", "", GraphFileKind::None},
      {"-", "Ilham Aliyev received Igor Babushkin, News.Az reports.\n", GraphFileKind::None},
      {"noext", "1\tAnn\tAnn\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n", GraphFileKind::None},
  };
  for (const auto& c : cases) {
    INFO(c.name << ": " << c.content);
    CHECK(ng::detect_graph_file(std::string_view(c.name), std::string_view(c.content)) == c.want);
  }
}

TEST_CASE("everything build writes is recognised without its extension", "[input][graph-file][unit]") {
  ng::KnowledgeGraph g = ng::test::sample_graph();
  struct Case {
    std::string text;
    GraphFileKind want;
  };
  const Case cases[] = {
      {ng::to_rdf(g, ng::RdfFormat::Turtle), GraphFileKind::Turtle},
      {ng::to_rdf(g, ng::RdfFormat::NTriples), GraphFileKind::NTriples},
      {ng::to_rdf(g, ng::RdfFormat::NQuads), GraphFileKind::NQuads},
      {ng::to_rdf(g, ng::RdfFormat::RdfXml), GraphFileKind::RdfXml},
      {ng::to_jsonld(g), GraphFileKind::JsonLd},
      {ng::to_json(g), GraphFileKind::Json},
      {ng::to_dot(g), GraphFileKind::Dot},
      {ng::to_graphml(g), GraphFileKind::GraphMl},
  };
  for (const auto& c : cases) {
    INFO(ng::describe(c.want));
    CHECK(ng::detect_graph_file(std::string_view("-"), c.text) == c.want);
    CHECK(ng::detect_graph_file(std::string_view("graph.out"), c.text) == c.want);
  }
}

TEST_CASE("the refusal names the file and where the graph file goes", "[input][graph-file][unit]") {
  CHECK(ng::graph_file_refusal("a.nq", GraphFileKind::NQuads) ==
        "a.nq looks like an RDF graph file (N-Quads) written by newsgraph build; give it to "
        "who-met or query, not as an article");
  CHECK_THAT(ng::graph_file_refusal("g.json", GraphFileKind::Json),
             Catch::Contains("g.json") && Catch::Contains("--format json") &&
                 Catch::Contains("not an article"));
  CHECK(ng::is_rdf(GraphFileKind::JsonLd));
  CHECK_FALSE(ng::is_rdf(GraphFileKind::GraphMl));
}
