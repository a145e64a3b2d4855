// SPARQL SELECT/ASK/CONSTRUCT over an RdfModel through Redland's rasqal, with
// guards against rasqal 0.9.33's known crashes, and helpers to write values
// into query text safely.
//
// rasqal limits (measured, see DESIGN.md): no property paths, no EXISTS /
// NOT EXISTS, MINUS fails, CONCAT(LCASE(?v)) and other string functions of
// function calls read freed memory, a single-variable VALUES ?x {...}
// crashes, no DESCRIBE, COUNT over no rows returns no row, OPTIONAL after
// several triple patterns can return wrong rows, OPTIONAL inside GRAPH and
// COUNT(DISTINCT) are answered wrongly, and the default graph repeats a
// triple once per named graph holding it (use DISTINCT). run_query rejects
// the crashing and wrong forms before rasqal sees them (rdf/query_guard.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rdf/rdf.h"
#include "rdf/quads.h"
#include "rdf/query_guard.h"  // check_query_supported

namespace ng {

struct QueryTable {
  std::vector<std::string> variables;       // names without '?', in SELECT order
  std::vector<std::vector<RdfTerm>> rows;   // one term per variable; Kind::None = unbound
  bool is_boolean = false;                  // ASK: the answer is `boolean`
  bool boolean = false;
  bool is_graph = false;                    // CONSTRUCT: rows are (subject, predicate, object)
};

// Warnings about forms rasqal accepts but may answer wrongly: OPTIONAL after
// a group of several triple patterns can return duplicated rows or rows mixing
// values of different solutions (measured with rasqal 0.9.33, also in roqet).
// Empty when there is nothing to warn about.
std::vector<std::string> query_warnings(std::string_view query);

// Runs the query (after check_query_supported with policy). A rasqal parse or
// execution error becomes an ng::Error quoting rasqal's message. CONSTRUCT
// results come back as rows of (subject, predicate, object), is_graph set;
// DESCRIBE, which rasqal 0.9.33 cannot run, is refused with a message.
QueryTable run_query(const RdfModel& model, std::string_view query,
                     const QueryPolicy& policy = {});

// A SPARQL string literal denoting s exactly: "..." with \\ \" \n \r \t \b \f
// escaped (other characters kept as UTF-8).
std::string sparql_string(std::string_view s);
// An IRI reference <...> for iri; characters not allowed there (space,
// control characters, <>"{}|^`\) are percent-encoded.
std::string sparql_iri(std::string_view iri);

// Results as TSV: a header row of variable names, then one row per result;
// IRIs as plain text, literals by lexical value, blank nodes as _:id, unbound
// as empty; tabs and line breaks inside values become spaces. ASK: a header
// "boolean" and "true"/"false".
std::string to_tsv(const QueryTable& table);
// Results in the SPARQL 1.1 Query Results JSON format.
std::string to_sparql_json(const QueryTable& table);
// The triples of a CONSTRUCT result (is_graph) as N-Triples or Turtle (format
// ntriples or turtle), each distinct triple once. Throws ng::Error for other
// formats or a table that is not a graph.
std::string graph_result_text(const QueryTable& table, RdfFormat format);

}  // namespace ng
