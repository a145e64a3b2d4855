// SPARQL SELECT/ASK/CONSTRUCT over an RdfModel through Redland's rasqal, with
// guards against rasqal 0.9.33's known crashes, and helpers to write values
// into query text safely.
//
// rasqal limits (measured, see DESIGN.md): no property paths, no EXISTS /
// NOT EXISTS, MINUS fails, CONCAT(STR(?v)) reads freed memory, a
// single-variable VALUES ?x {...} crashes, COUNT over no rows returns no
// row, OPTIONAL after several triple patterns can return wrong rows, and the
// default graph repeats a triple once per named graph holding it (use
// DISTINCT). run_query rejects the crashing forms before rasqal sees
// them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rdf/rdf.h"
#include "rdf/quads.h"

namespace ng {

struct QueryTable {
  std::vector<std::string> variables;       // names without '?', in SELECT order
  std::vector<std::vector<RdfTerm>> rows;   // one term per variable; Kind::None = unbound
  bool is_boolean = false;                  // ASK: the answer is `boolean`
  bool boolean = false;
};

// Throws ng::Error when the query uses a form rasqal crashes on or gets wrong
// (single-variable VALUES, property paths, EXISTS / NOT EXISTS, MINUS,
// CONCAT(STR(...))), saying what to write instead. Strings, IRIs and comments
// in the query are not inspected.
void check_query_supported(std::string_view query);

// Warnings about forms rasqal accepts but may answer wrongly: OPTIONAL after
// a group of several triple patterns can return duplicated rows or rows mixing
// values of different solutions (measured with rasqal 0.9.33, also in roqet).
// Empty when there is nothing to warn about.
std::vector<std::string> query_warnings(std::string_view query);

// Runs the query (after check_query_supported). A rasqal parse or execution
// error becomes an ng::Error quoting rasqal's message. CONSTRUCT/DESCRIBE
// results come back as rows of (subject, predicate, object).
QueryTable run_query(const RdfModel& model, std::string_view query);

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

}  // namespace ng
