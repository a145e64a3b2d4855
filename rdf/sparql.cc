#include "rdf/sparql.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/text.h"
#include "rdf/redland.h"
#include "rdf/rdf.h"
#include "graph/iri.h"

namespace ng {

namespace {

using redland::Owned;

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
  return one_line(v);
}

// The projected variable names of a SELECT query, from its text: rasqal
// reports no binding names when a query has no results. Empty for SELECT *.
std::vector<std::string> select_variables(std::string_view query) {
  const auto tokens = tokenize_sparql(query);
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

std::vector<std::string> query_warnings(std::string_view query) {
  std::vector<std::string> out;
  for (const auto& t : tokenize_sparql(query)) {
    if (word_is(t, "OPTIONAL")) {
      out.push_back(
          "rasqal can return duplicated or mixed-up rows for OPTIONAL after a group of several "
          "triple patterns; check the rows, or run the optional part as a separate query");
      break;
    }
  }
  return out;
}

QueryTable run_query(const RdfModel& model, std::string_view query, const QueryPolicy& policy) {
  check_query_supported(query, policy);
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
    table.is_graph = true;
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

namespace {

// One term in N-Triples syntax (also valid Turtle).
std::string ntriples_term(const RdfTerm& t) {
  switch (t.kind) {
    case RdfTerm::Kind::Iri:
      return sparql_iri(t.value);
    case RdfTerm::Kind::Blank:
      return "_:" + t.value;
    case RdfTerm::Kind::Literal: {
      std::string s = sparql_string(t.value);
      if (!t.language.empty()) return s + "@" + t.language;
      if (!t.datatype.empty()) return s + "^^" + sparql_iri(t.datatype);
      return s;
    }
    default:
      return "";
  }
}

}  // namespace

std::string graph_result_text(const QueryTable& table, RdfFormat format) {
  if (!table.is_graph) throw Error("SPARQL: the query returns a table, not RDF");
  if (format != RdfFormat::NTriples && format != RdfFormat::Turtle)
    throw Error("SPARQL: CONSTRUCT results are written as ntriples or turtle, not " +
                std::string(to_string(format)));
  std::string nt;
  for (const auto& row : table.rows) {
    if (row.size() != 3 || row[0].kind == RdfTerm::Kind::None) continue;
    nt += ntriples_term(row[0]) + " " + ntriples_term(row[1]) + " " + ntriples_term(row[2]) +
          " .\n";
  }
  RdfModel model;  // deduplicates; writes Turtle with prefixes
  model.parse(nt, RdfFormat::NTriples, "construct-result.nt");
  return model.serialize(format);
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
