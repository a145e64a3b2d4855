// Recognising the graph files `newsgraph build` writes, so that they are not
// read as articles (build, triples, entities, render, analyze refuse them
// with a message naming the file) and so that who-met and query know how to
// read them.
//
// The decision is never a guess from the first bytes:
//   - by extension: .nq .nt .ttl .trig .rdf .owl .jsonld .dot .gv .graphml
//     are graph files; .json and .xml are when their content is one (below);
//   - otherwise (no or another extension, standard input) by a parse check of
//     the whole text:
//       N-Triples / N-Quads  every non-blank, non-comment line parses as a
//                            statement (absolute IRIs, blank nodes, literals),
//                            and there is at least one;
//       JSON                 one JSON value, an object with "@context" or
//                            "@graph" (JSON-LD) or with the "nodes" and "edges"
//                            arrays of build's JSON graph;
//       RDF/XML, GraphML     an XML document whose root element is rdf:RDF
//                            (and raptor parses it without error, at least one
//                            triple) or graphml (closed at the end);
//       DOT                  "[strict] (di)graph [ID] {" ... "}" with balanced
//                            braces;
//       Turtle / TriG        raptor parses the whole text without error into at
//                            least one triple, and outside IRIs, strings and
//                            comments there is no run of three plain words (an
//                            article starting "Prefix changes were announced on
//                            Monday." stays an article).
#pragma once

#include <string>
#include <string_view>

namespace ng {

enum class GraphFileKind { None, Turtle, TriG, NTriples, NQuads, RdfXml, JsonLd, Json, Dot, GraphMl };

// "Turtle", "TriG", "N-Triples", "N-Quads", "RDF/XML", "JSON-LD",
// "newsgraph JSON", "DOT", "GraphML"; "" for None.
std::string_view describe(GraphFileKind kind);

// True for the RDF kinds (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD).
bool is_rdf(GraphFileKind kind);

// What kind of graph file `content` is; `name` is its path (only the
// extension is used; "" or "-" = standard input, content only). None for an
// article or anything else.
GraphFileKind detect_graph_file(std::string_view name, std::string_view content);

// Same for a file on disk (read whole). None when it cannot be read.
GraphFileKind detect_graph_file(const std::string& path);

// The one-line refusal for a graph file given where an article is expected:
// "a.nq looks like an RDF graph file (N-Quads) written by newsgraph build;
// give it to who-met or query, not as an article".
std::string graph_file_refusal(const std::string& where, GraphFileKind kind);

}  // namespace ng
