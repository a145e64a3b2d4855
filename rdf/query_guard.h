// The pre-check of SPARQL text before rasqal (Redland's engine) sees it: a
// small tokenizer (strings, IRIs, comments and variables are single tokens,
// so their content never looks like a keyword) and the refusals, each with
// advice, of forms rasqal 0.9.33 crashes on, reads freed memory on, answers
// wrongly, or that make it fetch from the network or run without bound.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ng {

struct QueryToken {
  enum Kind { Iri, PName, Var, String, Number, Word, Punct } kind;
  std::string text;
};

// Splits SPARQL text into tokens; never reads outside `query` (an unclosed
// string, IRI or trailing backslash ends at the end of the text). Comments
// and white space are dropped. Never throws beyond std::bad_alloc.
std::vector<QueryToken> tokenize_sparql(std::string_view query);

// True when t is the keyword w (given in upper case), in any case.
bool word_is(const QueryToken& t, std::string_view w);

// Limits on the query text: larger queries are refused before parsing.
inline constexpr size_t kMaxQueryBytes = 64 * 1024;
inline constexpr int kMaxUnions = 200;
inline constexpr int kMaxNesting = 50;  // { and ( together

struct QueryPolicy {
  bool allow_service = false;  // SERVICE <url> makes the engine fetch from any host
};

// Throws ng::Error when the query uses a form rasqal crashes on, reads freed
// memory on or gets wrong (single-variable VALUES, property paths, EXISTS /
// NOT EXISTS, MINUS, a string function such as CONCAT or LCASE whose argument
// is itself a function call, OPTIONAL inside GRAPH, COUNT(DISTINCT ...)),
// SERVICE (unless policy.allow_service), or exceeds the limits above, saying
// what to write instead. Strings, IRIs and comments are not inspected.
void check_query_supported(std::string_view query, const QueryPolicy& policy = {});

}  // namespace ng
