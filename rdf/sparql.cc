#include "rdf/sparql.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "rdf/redland.h"
#include "graph/iri.h"

namespace ng {

namespace {

using redland::Owned;

struct QueryToken {
  enum Kind { Iri, PName, Var, String, Number, Word, Punct } kind;
  std::string text;
};

bool name_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '%' || c >= 0x80;
}

// A SPARQL lexer good enough to find keywords and operators outside strings,
// IRIs and comments.
std::vector<QueryToken> tokenize(std::string_view q) {
  std::vector<QueryToken> out;
  size_t i = 0, n = q.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < n && q[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t start = i;
      std::string delim(q.substr(i, 3) == std::string(3, static_cast<char>(c)) ? 3 : 1,
                        static_cast<char>(c));
      i += delim.size();
      while (i < n && q.substr(i, delim.size()) != delim) {
        if (q[i] == '\\') ++i;
        if (delim.size() == 1 && q[i] == '\n') break;
        ++i;
      }
      i = std::min(n, i + delim.size());
      out.push_back({QueryToken::String, std::string(q.substr(start, i - start))});
      continue;
    }
    if (c == '<') {
      size_t j = i + 1;
      while (j < n && !iri_char_forbidden(static_cast<unsigned char>(q[j]))) ++j;
      if (j < n && q[j] == '>') {
        out.push_back({QueryToken::Iri, std::string(q.substr(i, j + 1 - i))});
        i = j + 1;
        continue;
      }
    }
    if ((c == '?' || c == '$') && i + 1 < n &&
        (std::isalnum(static_cast<unsigned char>(q[i + 1])) || q[i + 1] == '_' ||
         static_cast<unsigned char>(q[i + 1]) >= 0x80)) {
      size_t j = i + 1;
      while (j < n && (std::isalnum(static_cast<unsigned char>(q[j])) || q[j] == '_' ||
                       static_cast<unsigned char>(q[j]) >= 0x80))
        ++j;
      out.push_back({QueryToken::Var, std::string(q.substr(i, j - i))});
      i = j;
      continue;
    }
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < n && (std::isdigit(static_cast<unsigned char>(q[j])) || q[j] == '.' ||
                       q[j] == 'e' || q[j] == 'E'))
        ++j;
      out.push_back({QueryToken::Number, std::string(q.substr(i, j - i))});
      i = j;
      continue;
    }
    if (std::isalpha(c) || c == '_' || c == ':' || c >= 0x80) {
      size_t j = i;
      while (j < n && name_char(static_cast<unsigned char>(q[j]))) ++j;
      while (j > i + 1 && q[j - 1] == '.') --j;  // "ng:x ." ends a triple
      std::string text(q.substr(i, j - i));
      out.push_back(
          {text.find(':') != std::string::npos ? QueryToken::PName : QueryToken::Word, text});
      i = j;
      continue;
    }
    static const char* two[] = {"^^", "!=", "<=", ">=", "&&", "||"};
    std::string op(1, static_cast<char>(c));
    for (const char* t : two)
      if (q.substr(i, 2) == t) op = t;
    out.push_back({QueryToken::Punct, op});
    i += op.size();
  }
  return out;
}

bool word_is(const QueryToken& t, std::string_view w) {
  if (t.kind != QueryToken::Word || t.text.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != w[i]) return false;
  return true;
}

std::string take_errors(redland::World& world, bool& has_error) {
  auto messages = world.take_messages();
  std::string errors, all;
  for (const auto& m : messages) {
    bool warning = m.rfind("warning: ", 0) == 0;
    std::string& target = warning ? all : errors;
    if (!target.empty()) target += "; ";
    target += m;
  }
  has_error = !errors.empty();
  return errors;
}

std::string cell(const RdfTerm& t) {
  std::string v;
  switch (t.kind) {
    case RdfTerm::Kind::None:
      return "";
    case RdfTerm::Kind::Blank:
      v = "_:" + t.value;
      break;
    default:
      v = t.value;
      break;
  }
  for (char& c : v)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return v;
}

// The projected variable names of a SELECT query, from its text: rasqal
// reports no binding names when a query has no results. Empty for SELECT *.
std::vector<std::string> select_variables(std::string_view query) {
  const auto tokens = tokenize(query);
  std::vector<std::string> vars;
  size_t i = 0;
  while (i < tokens.size() && !word_is(tokens[i], "SELECT")) ++i;
  int depth = 0;
  for (++i; i < tokens.size(); ++i) {
    const QueryToken& t = tokens[i];
    if (t.kind == QueryToken::Punct && t.text == "(") ++depth;
    if (t.kind == QueryToken::Punct && t.text == ")") --depth;
    if (depth == 0 && (word_is(t, "WHERE") || (t.kind == QueryToken::Punct && t.text == "{")))
      break;
    // "?v" at depth 0, or the "?v" after AS inside "(expr AS ?v)".
    bool after_as = i > 0 && word_is(tokens[i - 1], "AS");
    if (t.kind == QueryToken::Var && (depth == 0 || after_as)) vars.push_back(t.text.substr(1));
  }
  return vars;
}

}  // namespace

void check_query_supported(std::string_view query) {
  const auto tokens = tokenize(query);
  const std::string why = "rasqal (Redland's SPARQL engine) ";
  auto at = [&](size_t i) -> const QueryToken* { return i < tokens.size() ? &tokens[i] : nullptr; };
  auto is_punct = [&](size_t i, std::string_view p) {
    const QueryToken* t = at(i);
    return t && t->kind == QueryToken::Punct && t->text == p;
  };
  // An IRI-like path step: <iri>, prefix:name that is not a function call, or "a".
  auto is_step = [&](size_t i) {
    const QueryToken* t = at(i);
    if (!t) return false;
    if (t->kind == QueryToken::Iri) return !is_punct(i + 1, "(");
    if (t->kind == QueryToken::PName) return !is_punct(i + 1, "(");
    return t->kind == QueryToken::Word && t->text == "a";
  };
  const std::string path_advice =
      "property paths (/, |, ^, *, +, ?, !) are not supported by " + why +
      ": write each step as its own triple pattern with an intermediate variable "
      "(?a ng:p ?x . ?x ng:q ?b), alternatives as { ... } UNION { ... }, and ^ng:p by swapping "
      "subject and object";
  for (size_t i = 0; i < tokens.size(); ++i) {
    const QueryToken& t = tokens[i];
    if (word_is(t, "EXISTS"))
      throw Error("SPARQL: EXISTS / NOT EXISTS is not supported by " + why +
                  ": write OPTIONAL { ... ?v ... } FILTER(BOUND(?v)) or FILTER(!BOUND(?v))");
    if (word_is(t, "MINUS"))
      throw Error("SPARQL: MINUS is not supported by " + why +
                  ": write OPTIONAL { ... ?v ... } FILTER(!BOUND(?v))");
    if (word_is(t, "VALUES") && at(i + 1) && at(i + 1)->kind == QueryToken::Var &&
        is_punct(i + 2, "{"))
      throw Error("SPARQL: single-variable VALUES " + at(i + 1)->text + " { ... } crashes " + why +
                  ": write VALUES (" + at(i + 1)->text + ") { (value1) (value2) }");
    if (word_is(t, "CONCAT") && is_punct(i + 1, "(")) {
      int depth = 0;
      for (size_t j = i + 1; j < tokens.size(); ++j) {
        if (is_punct(j, "(")) ++depth;
        if (is_punct(j, ")") && --depth == 0) break;
        if (word_is(tokens[j], "STR") && is_punct(j + 1, "("))
          throw Error("SPARQL: CONCAT(STR(...)) makes " + why +
                      "read freed memory: BIND(STR(?v) AS ?s) first, then CONCAT(?s, ...)");
      }
    }
    if (t.kind != QueryToken::Punct) continue;
    bool prev_step = i > 0 && is_step(i - 1);
    if (t.text == "^" || t.text == "|") throw Error("SPARQL: " + path_advice);
    if (t.text == "/" && (prev_step || is_step(i + 1) || is_punct(i + 1, "^")))
      throw Error("SPARQL: " + path_advice);
    if ((t.text == "*" || t.text == "+" || t.text == "?") && prev_step)
      throw Error("SPARQL: " + path_advice);
    if (t.text == "!" && i > 0 && (is_step(i + 1) || is_punct(i + 1, "("))) {
      const QueryToken& p = tokens[i - 1];
      if (p.kind == QueryToken::Var || p.kind == QueryToken::Iri || p.kind == QueryToken::PName ||
          (p.kind == QueryToken::Word && p.text == "a") ||
          (p.kind == QueryToken::Punct && p.text == ";"))
        throw Error("SPARQL: " + path_advice);
    }
  }
}

std::vector<std::string> query_warnings(std::string_view query) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(query)) {
    if (word_is(t, "OPTIONAL")) {
      out.push_back(
          "rasqal can return duplicated or mixed-up rows for OPTIONAL after a group of several "
          "triple patterns; check the rows, or run the optional part as a separate query");
      break;
    }
  }
  return out;
}

QueryTable run_query(const RdfModel& model, std::string_view query) {
  check_query_supported(query);
  RdfModel::Impl& m = model.impl();
  m.world->take_messages();
  std::string text(query);
  Owned<librdf_query, librdf_free_query> q(
      librdf_new_query(m.world->get(), "sparql", nullptr,
                       reinterpret_cast<const unsigned char*>(text.c_str()), nullptr));
  bool has_error = false;
  std::string errors = take_errors(*m.world, has_error);
  if (!q || has_error)
    throw Error("SPARQL syntax error: " +
                (errors.empty() ? std::string("rasqal rejected the query") : errors));
  Owned<librdf_query_results, librdf_free_query_results> r(
      librdf_model_query_execute(m.model, q.get()));
  errors = take_errors(*m.world, has_error);
  if (!r || has_error) {
    // librdf parses the query only when it runs.
    bool syntax = errors.find("syntax error") != std::string::npos;
    throw Error(std::string(syntax ? "SPARQL syntax error: " : "SPARQL query failed: ") +
                (errors.empty() ? std::string("rasqal could not run it") : errors));
  }
  QueryTable table;
  if (librdf_query_results_is_boolean(r.get())) {
    table.is_boolean = true;
    table.boolean = librdf_query_results_get_boolean(r.get()) > 0;
  } else if (librdf_query_results_is_graph(r.get())) {
    table.variables = {"subject", "predicate", "object"};
    Owned<librdf_stream, librdf_free_stream> stream(librdf_query_results_as_stream(r.get()));
    for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
      librdf_statement* st = librdf_stream_get_object(stream.get());
      table.rows.push_back({redland::to_term(librdf_statement_get_subject(st)),
                            redland::to_term(librdf_statement_get_predicate(st)),
                            redland::to_term(librdf_statement_get_object(st))});
    }
  } else if (librdf_query_results_is_bindings(r.get())) {
    int count = librdf_query_results_get_bindings_count(r.get());
    for (int i = 0; i < count; ++i) {
      const char* name = librdf_query_results_get_binding_name(r.get(), i);
      table.variables.push_back(name ? name : "");
    }
    while (!librdf_query_results_finished(r.get())) {
      std::vector<RdfTerm> row;
      row.reserve(static_cast<size_t>(count));
      for (int i = 0; i < count; ++i) {
        librdf_node* node = librdf_query_results_get_binding_value(r.get(), i);
        row.push_back(redland::to_term(node));
        if (node) librdf_free_node(node);
      }
      table.rows.push_back(std::move(row));
      if (librdf_query_results_next(r.get())) break;
    }
    if (count == 0) table.variables = select_variables(query);
  }
  errors = take_errors(*m.world, has_error);
  if (has_error) throw Error("SPARQL query failed: " + errors);
  return table;
}

std::string sparql_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

std::string sparql_iri(std::string_view iri) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : iri) {
    if (!iri_char_forbidden(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  out += '>';
  return out;
}

std::string to_tsv(const QueryTable& table) {
  std::string out;
  if (table.is_boolean) return std::string("boolean\n") + (table.boolean ? "true\n" : "false\n");
  for (size_t i = 0; i < table.variables.size(); ++i) {
    if (i) out += '\t';
    out += table.variables[i];
  }
  out += '\n';
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += '\t';
      out += cell(row[i]);
    }
    out += '\n';
  }
  return out;
}

std::string to_sparql_json(const QueryTable& table) {
  using nlohmann::json;
  json j;
  if (table.is_boolean) {
    j["head"] = json::object();
    j["boolean"] = table.boolean;
  } else {
    j["head"]["vars"] = table.variables;
    json bindings = json::array();
    for (const auto& row : table.rows) {
      json b = json::object();
      for (size_t i = 0; i < row.size() && i < table.variables.size(); ++i) {
        const RdfTerm& t = row[i];
        if (t.kind == RdfTerm::Kind::None) continue;
        json v;
        v["type"] = t.kind == RdfTerm::Kind::Iri     ? "uri"
                    : t.kind == RdfTerm::Kind::Blank ? "bnode"
                                                     : "literal";
        v["value"] = t.value;
        if (!t.datatype.empty()) v["datatype"] = t.datatype;
        if (!t.language.empty()) v["xml:lang"] = t.language;
        b[table.variables[i]] = std::move(v);
      }
      bindings.push_back(std::move(b));
    }
    j["results"]["bindings"] = std::move(bindings);
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ng
