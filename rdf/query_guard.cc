#include "rdf/query_guard.h"

#include <cctype>

#include "core/error.h"
#include "graph/iri.h"

namespace ng {

namespace {

bool name_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '%' || c >= 0x80;
}

bool var_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// The end of the string literal starting at q[i] (a quote): one past its
// closing delimiter, or q.size() when it is not closed. A backslash escapes
// the next character only when there is one.
size_t string_end(std::string_view q, size_t i) {
  const char quote = q[i];
  const size_t n = q.size();
  const size_t width = q.substr(i, 3) == std::string(3, quote) ? 3 : 1;
  const std::string_view delim = q.substr(i, width);
  i += width;
  while (i < n) {
    if (q.substr(i, width) == delim) return i + width;
    if (q[i] == '\\') {
      i += 2;  // may step to n + 1: clamped below, never read
      continue;
    }
    if (width == 1 && (q[i] == '\n' || q[i] == '\r')) return i;
    ++i;
  }
  return n;
}

// One token starting at q[i] (not white space, not a comment); sets `next`.
QueryToken next_token(std::string_view q, size_t i, size_t& next) {
  const size_t n = q.size();
  const unsigned char c = static_cast<unsigned char>(q[i]);
  if (c == '"' || c == '\'') {
    next = std::min(n, string_end(q, i));
    return {QueryToken::String, std::string(q.substr(i, next - i))};
  }
  if (c == '<') {
    size_t j = i + 1;
    while (j < n && !iri_char_forbidden(static_cast<unsigned char>(q[j]))) ++j;
    if (j < n && q[j] == '>') {
      next = j + 1;
      return {QueryToken::Iri, std::string(q.substr(i, next - i))};
    }
  }
  if ((c == '?' || c == '$') && i + 1 < n && var_char(static_cast<unsigned char>(q[i + 1]))) {
    size_t j = i + 1;
    while (j < n && var_char(static_cast<unsigned char>(q[j]))) ++j;
    next = j;
    return {QueryToken::Var, std::string(q.substr(i, j - i))};
  }
  if (std::isdigit(c)) {
    size_t j = i;
    while (j < n && (std::isdigit(static_cast<unsigned char>(q[j])) || q[j] == '.' ||
                     q[j] == 'e' || q[j] == 'E'))
      ++j;
    next = j;
    return {QueryToken::Number, std::string(q.substr(i, j - i))};
  }
  if (std::isalpha(c) || c == '_' || c == ':' || c >= 0x80) {
    size_t j = i;
    while (j < n && name_char(static_cast<unsigned char>(q[j]))) ++j;
    while (j > i + 1 && q[j - 1] == '.') --j;  // "ng:x ." ends a triple
    next = j;
    std::string text(q.substr(i, j - i));
    return {text.find(':') != std::string::npos ? QueryToken::PName : QueryToken::Word, text};
  }
  static const char* two[] = {"^^", "!=", "<=", ">=", "&&", "||"};
  std::string op(1, static_cast<char>(c));
  for (const char* t : two)
    if (q.substr(i, 2) == t) op = t;
  next = i + op.size();
  return {QueryToken::Punct, op};
}

}  // namespace

std::vector<QueryToken> tokenize_sparql(std::string_view q) {
  std::vector<QueryToken> out;
  size_t i = 0;
  const size_t n = q.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(q[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '#') {
      while (i < n && q[i] != '\n') ++i;
    } else {
      size_t next = i + 1;
      out.push_back(next_token(q, i, next));
      i = std::max(next, i + 1);
    }
  }
  return out;
}

bool word_is(const QueryToken& t, std::string_view w) {
  if (t.kind != QueryToken::Word || t.text.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != w[i]) return false;
  return true;
}

namespace {

const std::string kWhy = "rasqal (Redland's SPARQL engine)";
const std::string kStore =
    "load the graph into a SPARQL store such as Virtuoso or Fuseki (both read the N-Quads "
    "`newsgraph build --format nquads` writes)";

// The checks over one query's tokens; each throws ng::Error with advice.
class QueryChecker {
 public:
  explicit QueryChecker(std::vector<QueryToken> tokens) : t_(std::move(tokens)) {}

  const QueryToken* at(size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  bool is_punct(size_t i, std::string_view p) const {
    const QueryToken* t = at(i);
    return t && t->kind == QueryToken::Punct && t->text == p;
  }
  // A function call: a name or IRI followed by "(" (keywords such as IN excluded).
  bool is_call(size_t i) const {
    const QueryToken* t = at(i);
    if (!t || !is_punct(i + 1, "(")) return false;
    if (t->kind == QueryToken::Word) return !word_is(*t, "IN") && !word_is(*t, "EXISTS");
    return t->kind == QueryToken::PName || t->kind == QueryToken::Iri;
  }
  // An IRI-like path step: <iri>, prefix:name that is not a function call, or "a".
  bool is_step(size_t i) const {
    const QueryToken* t = at(i);
    if (!t) return false;
    if (t->kind == QueryToken::Iri || t->kind == QueryToken::PName) return !is_punct(i + 1, "(");
    return t->kind == QueryToken::Word && t->text == "a";
  }

  void check_keywords(const QueryPolicy& policy) const;
  void check_string_calls() const;
  void check_paths() const;
  void check_structure() const;

 private:
  bool is_string_function(size_t i) const;
  std::vector<QueryToken> t_;
};

void QueryChecker::check_keywords(const QueryPolicy& policy) const {
  for (size_t i = 0; i < t_.size(); ++i) {
    const QueryToken& t = t_[i];
    if (word_is(t, "EXISTS"))
      throw Error("SPARQL: EXISTS / NOT EXISTS is not supported by " + kWhy +
                  ": write OPTIONAL { ... ?v ... } FILTER(BOUND(?v)) or FILTER(!BOUND(?v))");
    if (word_is(t, "MINUS"))
      throw Error("SPARQL: MINUS is not supported by " + kWhy +
                  ": write OPTIONAL { ... ?v ... } FILTER(!BOUND(?v))");
    if (word_is(t, "VALUES") && at(i + 1) && at(i + 1)->kind == QueryToken::Var &&
        is_punct(i + 2, "{"))
      throw Error("SPARQL: single-variable VALUES " + at(i + 1)->text + " { ... } crashes " + kWhy +
                  ": write VALUES (" + at(i + 1)->text + ") { (value1) (value2) }");
    if (word_is(t, "DESCRIBE"))
      throw Error("SPARQL: DESCRIBE is not supported by " + kWhy +
                  ": write CONSTRUCT { <x> ?p ?o } WHERE { <x> ?p ?o }");
    if (word_is(t, "SERVICE") && !policy.allow_service)
      throw Error("SPARQL: SERVICE makes the engine fetch from another host: refused; give "
                  "--allow-service to let the query do that, or query the data locally");
    if (word_is(t, "COUNT") && is_punct(i + 1, "(") && at(i + 2) && word_is(*at(i + 2), "DISTINCT"))
      throw Error("SPARQL: COUNT(DISTINCT ...) is answered wrongly by " + kWhy +
                  ": count the rows of SELECT DISTINCT ... yourself, or " + kStore);
  }
}

bool QueryChecker::is_string_function(size_t i) const {
  static const char* names[] = {"CONCAT", "LCASE",   "UCASE",          "STRAFTER", "STRBEFORE",
                                "SUBSTR", "REPLACE", "ENCODE_FOR_URI", "STR"};
  if (!is_punct(i + 1, "(")) return false;
  const QueryToken& t = t_[i];
  for (const char* n : names)
    if (word_is(t, n)) return true;
  const std::string& x = t.text;
  auto ends_with = [&](std::string_view e) {
    return x.size() >= e.size() && x.compare(x.size() - e.size(), e.size(), e) == 0;
  };
  return (t.kind == QueryToken::PName && ends_with(":string")) ||
         (t.kind == QueryToken::Iri && ends_with("XMLSchema#string>"));
}

// CONCAT(LCASE(?o), "x"), STRAFTER(STR(?s), "/"), CONCAT(xsd:string(?s), "x"):
// rasqal 0.9.33 reads freed memory (valgrind, ASan); the BIND rewrite is clean.
void QueryChecker::check_string_calls() const {
  for (size_t i = 0; i < t_.size(); ++i) {
    if (!is_string_function(i)) continue;
    int depth = 0;
    for (size_t j = i + 1; j < t_.size(); ++j) {
      if (is_punct(j, "(")) ++depth;
      if (is_punct(j, ")") && --depth == 0) break;
      if (j == i + 1 || !is_call(j)) continue;
      const std::string outer = t_[i].text, inner = t_[j].text;
      throw Error("SPARQL: " + outer + "(" + inner + "(...)) (a string function whose argument "
                  "is another function call) makes " + kWhy + " read freed memory: BIND the inner "
                  "call to a variable first: BIND(" + inner + "(...) AS ?v) then " + outer +
                  "(?v, ...)");
    }
  }
}

void QueryChecker::check_paths() const {
  const std::string advice =
      "SPARQL: property paths (/, |, ^, *, +, ?, !) are not supported by " + kWhy +
      ": write each step as its own triple pattern with an intermediate variable "
      "(?a ng:p ?x . ?x ng:q ?b), alternatives as { ... } UNION { ... }, and ^ng:p by swapping "
      "subject and object";
  for (size_t i = 0; i < t_.size(); ++i) {
    const QueryToken& t = t_[i];
    if (t.kind != QueryToken::Punct) continue;
    bool prev_step = i > 0 && is_step(i - 1);
    if (t.text == "^" || t.text == "|") throw Error(advice);
    if (t.text == "/" && (prev_step || is_step(i + 1) || is_punct(i + 1, "^"))) throw Error(advice);
    if ((t.text == "*" || t.text == "+" || t.text == "?") && prev_step) throw Error(advice);
    if (t.text == "!" && i > 0 && (is_step(i + 1) || is_punct(i + 1, "("))) {
      const QueryToken& p = t_[i - 1];
      if (p.kind == QueryToken::Var || p.kind == QueryToken::Iri || p.kind == QueryToken::PName ||
          (p.kind == QueryToken::Word && p.text == "a") ||
          (p.kind == QueryToken::Punct && p.text == ";"))
        throw Error(advice);
    }
  }
}

// UNION count, nesting depth, and OPTIONAL inside GRAPH (rasqal answers it wrongly).
void QueryChecker::check_structure() const {
  int unions = 0, depth = 0;
  std::vector<bool> graph_blocks;  // one per open '{': opened by GRAPH <g> {
  int open_graphs = 0;
  for (size_t i = 0; i < t_.size(); ++i) {
    const QueryToken& t = t_[i];
    if (word_is(t, "UNION") && ++unions > kMaxUnions)
      throw Error("SPARQL: more than " + std::to_string(kMaxUnions) +
                  " UNIONs: refused (the engine has no time limit of its own); split the query");
    if (word_is(t, "OPTIONAL") && open_graphs > 0)
      throw Error("SPARQL: OPTIONAL inside GRAPH is answered wrongly by " + kWhy +
                  ": put the OPTIONAL outside the GRAPH block, run the optional part as a "
                  "separate query, or " + kStore);
    if (t.kind != QueryToken::Punct) continue;
    if (t.text == "(" || t.text == "{") {
      if (++depth > kMaxNesting)
        throw Error("SPARQL: brackets and braces nested deeper than " +
                    std::to_string(kMaxNesting) + ": refused; flatten the query");
    }
    if (t.text == ")" || t.text == "}") --depth;
    if (t.text == "{") {
      bool graph = i >= 2 && word_is(t_[i - 2], "GRAPH");
      graph_blocks.push_back(graph);
      open_graphs += graph;
    }
    if (t.text == "}" && !graph_blocks.empty()) {
      open_graphs -= graph_blocks.back();
      graph_blocks.pop_back();
    }
  }
}

}  // namespace

void check_query_supported(std::string_view query, const QueryPolicy& policy) {
  if (query.size() > kMaxQueryBytes)
    throw Error("SPARQL: the query is " + std::to_string(query.size()) + " bytes, over the " +
                std::to_string(kMaxQueryBytes / 1024) + " KB limit: refused; split it");
  const QueryChecker checker(tokenize_sparql(query));
  checker.check_structure();
  checker.check_keywords(policy);
  checker.check_string_calls();
  checker.check_paths();
}

}  // namespace ng
