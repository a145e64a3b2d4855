#include "io/graph_file.h"

#include <raptor2.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"

namespace ng {
namespace {

std::string lowercase_extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view without_bom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// By extension alone; None when the extension does not decide.
GraphFileKind from_extension(std::string_view name) {
  std::string ext = name == "-" ? "" : lowercase_extension(name);
  if (ext == "nq") return GraphFileKind::NQuads;
  if (ext == "nt") return GraphFileKind::NTriples;
  if (ext == "ttl" || ext == "turtle") return GraphFileKind::Turtle;
  if (ext == "trig") return GraphFileKind::TriG;
  if (ext == "rdf" || ext == "owl") return GraphFileKind::RdfXml;
  if (ext == "jsonld") return GraphFileKind::JsonLd;
  if (ext == "dot" || ext == "gv") return GraphFileKind::Dot;
  if (ext == "graphml") return GraphFileKind::GraphMl;
  return GraphFileKind::None;
}

// ---- N-Triples / N-Quads, one line at a time ------------------------------

struct LineParser {
  std::string_view s;
  size_t i = 0;

  bool at_end() const { return i >= s.size(); }
  void skip_ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  bool hex(size_t n) {
    for (size_t k = 0; k < n; ++k, ++i)
      if (i >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  }
  // <scheme:...> with no space, <, ", {, }, |, ^, ` inside; \u escapes allowed.
  bool iri() {
    if (i >= s.size() || s[i] != '<') return false;
    size_t start = ++i;
    while (i < s.size() && s[i] != '>') {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
          c == '`')
        return false;
      if (c == '\\') {
        ++i;
        if (i >= s.size()) return false;
        char e = s[i++];
        if (e == 'u' ? !hex(4) : e == 'U' ? !hex(8) : true) return false;
        continue;
      }
      ++i;
    }
    if (i >= s.size()) return false;
    std::string_view body = s.substr(start, i - start);
    ++i;  // '>'
    // Absolute: a scheme, then ':'.
    if (body.empty() || !std::isalpha(static_cast<unsigned char>(body[0]))) return false;
    size_t k = 1;
    while (k < body.size() && (std::isalnum(static_cast<unsigned char>(body[k])) || body[k] == '+' ||
                               body[k] == '-' || body[k] == '.'))
      ++k;
    return k < body.size() && body[k] == ':';
  }
  // _:label (letters, digits, _ - . and non-ASCII; not ending in '.').
  bool blank() {
    if (s.substr(i, 2) != "_:") return false;
    i += 2;
    size_t start = i;
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80)
        ++i;
      else
        break;
    }
    while (i > start && s[i - 1] == '.') --i;
    return i > start;
  }
  bool literal() {
    if (i >= s.size() || s[i] != '"') return false;
    ++i;
    while (true) {
      if (i >= s.size()) return false;
      char c = s[i++];
      if (c == '"') break;
      if (c == '\n' || c == '\r') return false;
      if (c == '\\') {
        if (i >= s.size()) return false;
        char e = s[i++];
        if (e == 'u') {
          if (!hex(4)) return false;
        } else if (e == 'U') {
          if (!hex(8)) return false;
        } else if (std::string_view("tbnrf\"'\\").find(e) == std::string_view::npos) {
          return false;
        }
      }
    }
    if (i < s.size() && s[i] == '@') {
      size_t start = ++i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-')) ++i;
      return i > start && std::isalpha(static_cast<unsigned char>(s[start]));
    }
    if (s.substr(i, 2) == "^^") {
      i += 2;
      return iri();
    }
    return true;
  }
  // 0: not a statement; 3: a triple; 4: a quad.
  int statement() {
    skip_ws();
    if (!(iri() || blank())) return 0;
    skip_ws();
    if (!iri()) return 0;
    skip_ws();
    if (!(iri() || blank() || literal())) return 0;
    skip_ws();
    int terms = 3;
    if (i < s.size() && s[i] != '.') {
      if (!(iri() || blank())) return 0;
      terms = 4;
      skip_ws();
    }
    if (i >= s.size() || s[i] != '.') return 0;
    ++i;
    skip_ws();
    return at_end() || s[i] == '#' ? terms : 0;
  }
};

GraphFileKind check_ntriples(std::string_view text) {
  size_t statements = 0;
  bool quads = false;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    p = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    int n = LineParser{t}.statement();
    if (n == 0) return GraphFileKind::None;
    quads = quads || n == 4;
    ++statements;
  }
  if (statements == 0) return GraphFileKind::None;
  return quads ? GraphFileKind::NQuads : GraphFileKind::NTriples;
}

// ---- JSON -----------------------------------------------------------------

GraphFileKind check_json(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return GraphFileKind::None;
  if (j.contains("@context") || j.contains("@graph")) return GraphFileKind::JsonLd;
  auto array = [&](const char* key) { return j.contains(key) && j[key].is_array(); };
  if (array("nodes") && array("edges")) return GraphFileKind::Json;
  return GraphFileKind::None;
}

// ---- raptor: does the whole text parse, into at least one triple? -----------

struct RaptorCheck {
  int errors = 0;
  size_t triples = 0;
};

void on_raptor_log(void* user_data, raptor_log_message* message) {
  if (message->level >= RAPTOR_LOG_LEVEL_ERROR) ++static_cast<RaptorCheck*>(user_data)->errors;
}

void on_raptor_statement(void* user_data, raptor_statement*) {
  ++static_cast<RaptorCheck*>(user_data)->triples;
}

bool raptor_parses(std::string_view text, const char* syntax) {
  struct WorldFree {
    void operator()(raptor_world* w) const { raptor_free_world(w); }
  };
  struct ParserFree {
    void operator()(raptor_parser* p) const { raptor_free_parser(p); }
  };
  struct UriFree {
    void operator()(raptor_uri* u) const { raptor_free_uri(u); }
  };
  RaptorCheck check;
  std::unique_ptr<raptor_world, WorldFree> world(raptor_new_world());
  if (!world) return false;
  raptor_world_set_log_handler(world.get(), &check, on_raptor_log);
  if (raptor_world_open(world.get())) return false;
  std::unique_ptr<raptor_parser, ParserFree> parser(raptor_new_parser(world.get(), syntax));
  if (!parser) return false;
  raptor_parser_set_statement_handler(parser.get(), &check, on_raptor_statement);
  std::unique_ptr<raptor_uri, UriFree> base(raptor_new_uri(
      world.get(), reinterpret_cast<const unsigned char*>("file:///newsgraph-graph-file-check")));
  if (!base || raptor_parser_parse_start(parser.get(), base.get())) return false;
  int rc = raptor_parser_parse_chunk(
      parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), 1);
  return rc == 0 && check.errors == 0 && check.triples > 0;
}

// ---- XML: RDF/XML or GraphML ------------------------------------------------

// The name of the root element, after the XML declaration, comments,
// processing instructions and a DOCTYPE; "" when there is none.
std::string_view xml_root(std::string_view t) {
  size_t i = 0;
  while (true) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size() || t[i] != '<') return {};
    if (t.substr(i, 4) == "<!--") {
      size_t e = t.find("-->", i + 4);
      if (e == std::string_view::npos) return {};
      i = e + 3;
    } else if (t.substr(i, 2) == "<?" || t.substr(i, 2) == "<!") {
      size_t e = t.find('>', i + 2);
      if (e == std::string_view::npos) return {};
      i = e + 1;
    } else {
      size_t start = i + 1, e = start;
      while (e < t.size() && !is_space(t[e]) && t[e] != '>' && t[e] != '/') ++e;
      return t.substr(start, e - start);
    }
  }
}

GraphFileKind check_xml(std::string_view t) {
  std::string_view root = xml_root(t);
  if (root.empty()) return GraphFileKind::None;
  std::string_view local = root.substr(root.find(':') == std::string_view::npos ? 0 : root.find(':') + 1);
  if (local == "graphml") {
    std::string close = "</" + std::string(root) + ">";
    return trim(t).ends_with(close) ? GraphFileKind::GraphMl : GraphFileKind::None;
  }
  if (local == "RDF" && raptor_parses(t, "rdfxml")) return GraphFileKind::RdfXml;
  return GraphFileKind::None;
}

// ---- DOT ---------------------------------------------------------------------

bool dot_id(std::string_view t, size_t& i) {
  if (i < t.size() && t[i] == '"') {
    for (++i; i < t.size(); ++i) {
      if (t[i] == '\\') ++i;
      else if (t[i] == '"') return ++i, true;
    }
    return false;
  }
  size_t start = i;
  while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '_' ||
                          static_cast<unsigned char>(t[i]) >= 0x80))
    ++i;
  return i > start;
}

GraphFileKind check_dot(std::string_view t) {
  t = trim(t);
  size_t i = 0;
  auto skip = [&] { while (i < t.size() && is_space(t[i])) ++i; };
  auto keyword = [&](std::string_view k) {
    if (!starts_with_ci(t.substr(i), k)) return false;
    size_t e = i + k.size();
    if (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '_')) return false;
    i = e;
    return true;
  };
  skip();
  if (keyword("strict")) skip();
  if (!keyword("digraph") && !keyword("graph")) return GraphFileKind::None;
  skip();
  if (i < t.size() && t[i] != '{') {
    if (!dot_id(t, i)) return GraphFileKind::None;
    skip();
  }
  if (i >= t.size() || t[i] != '{' || t.back() != '}') return GraphFileKind::None;
  // Braces balance outside quoted strings, closing at the very end.
  int depth = 0;
  for (size_t k = i; k < t.size(); ++k) {
    char c = t[k];
    if (c == '"') {
      for (++k; k < t.size() && t[k] != '"'; ++k)
        if (t[k] == '\\') ++k;
      if (k >= t.size()) return GraphFileKind::None;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth < 0) return GraphFileKind::None;
      if (depth == 0 && k + 1 != t.size()) return GraphFileKind::None;
    }
  }
  return depth == 0 ? GraphFileKind::Dot : GraphFileKind::None;
}

// ---- Turtle / TriG -------------------------------------------------------------

// The first token after whitespace and comments can start a Turtle/TriG
// document: a directive, an IRI, a blank node, a collection or a prefixed name.
bool turtle_start(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i < t.size() && t[i] == '#') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    break;
  }
  if (i >= t.size()) return false;
  std::string_view rest = t.substr(i);
  char c = rest[0];
  if (c == '@' || c == '<' || c == '[' || c == '(' || rest.substr(0, 2) == "_:") return true;
  for (std::string_view k : {"prefix", "base", "graph"})
    if (starts_with_ci(rest, k) && rest.size() > k.size() && is_space(rest[k.size()])) return true;
  // A prefixed name: letters, digits, _ - . up to a ':'.
  size_t k = 0;
  while (k < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[k])) || rest[k] == '_' ||
                             rest[k] == '-' || rest[k] == '.'))
    ++k;
  return k < rest.size() && rest[k] == ':';
}

// Outside IRIs, string literals and comments, a run of three words made of
// letters only: text, not Turtle (whose only bare words are a, true, false
// and the directives, never three in a row).
bool has_sentence_like_text(std::string_view t) {
  int run = 0;
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (c == '<') {
      size_t e = t.find('>', i);
      if (e == std::string_view::npos) return run >= 3;
      i = e + 1;
      run = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      bool longq = t.substr(i, 3) == std::string(3, c);
      i += longq ? 3 : 1;
      while (i < t.size()) {
        if (t[i] == '\\') {
          i += 2;
        } else if (longq ? t.substr(i, 3) == std::string(3, c) : t[i] == c) {
          i += longq ? 3 : 1;
          break;
        } else if (!longq && t[i] == '\n') {
          break;
        } else {
          ++i;
        }
      }
      run = 0;
      continue;
    }
    // A whitespace-separated token: plain word when only letters.
    size_t e = i;
    bool word = true;
    while (e < t.size() && !is_space(t[e]) && t[e] != '<' && t[e] != '"' && t[e] != '#') {
      unsigned char u = static_cast<unsigned char>(t[e]);
      if (!(std::isalpha(u) || u >= 0x80)) word = false;
      ++e;
    }
    // A token glued to a following IRI or string is not a plain word.
    if (e < t.size() && !is_space(t[e])) word = false;
    run = word ? run + 1 : 0;
    if (run >= 3) return true;
    i = e;
  }
  return false;
}

GraphFileKind check_turtle(std::string_view t) {
  if (!turtle_start(t) || has_sentence_like_text(t)) return GraphFileKind::None;
  if (raptor_parses(t, "turtle")) return GraphFileKind::Turtle;
  if (t.find('{') != std::string_view::npos && raptor_parses(t, "trig")) return GraphFileKind::TriG;
  return GraphFileKind::None;
}

GraphFileKind from_content(std::string_view content) {
  std::string_view t = trim(without_bom(content));
  if (t.empty() || t.find('\0') != std::string_view::npos) return GraphFileKind::None;
  if (t[0] == '{') return check_json(t);
  if (t[0] == '<' || t[0] == '_' || t[0] == '#') {
    if (GraphFileKind k = check_ntriples(t); k != GraphFileKind::None) return k;
  }
  if (t[0] == '<') {
    if (GraphFileKind k = check_xml(t); k != GraphFileKind::None) return k;
  }
  if (GraphFileKind k = check_dot(t); k != GraphFileKind::None) return k;
  return check_turtle(t);
}

}  // namespace

std::string_view describe(GraphFileKind kind) {
  switch (kind) {
    case GraphFileKind::None: return "";
    case GraphFileKind::Turtle: return "Turtle";
    case GraphFileKind::TriG: return "TriG";
    case GraphFileKind::NTriples: return "N-Triples";
    case GraphFileKind::NQuads: return "N-Quads";
    case GraphFileKind::RdfXml: return "RDF/XML";
    case GraphFileKind::JsonLd: return "JSON-LD";
    case GraphFileKind::Json: return "newsgraph JSON";
    case GraphFileKind::Dot: return "DOT";
    case GraphFileKind::GraphMl: return "GraphML";
  }
  return "";
}

bool is_rdf(GraphFileKind kind) {
  switch (kind) {
    case GraphFileKind::Turtle:
    case GraphFileKind::TriG:
    case GraphFileKind::NTriples:
    case GraphFileKind::NQuads:
    case GraphFileKind::RdfXml:
    case GraphFileKind::JsonLd:
      return true;
    default:
      return false;
  }
}

GraphFileKind detect_graph_file(std::string_view name, std::string_view content) {
  GraphFileKind kind = from_extension(name);
  return kind != GraphFileKind::None ? kind : from_content(content);
}

GraphFileKind detect_graph_file(const std::string& path) {
  if (GraphFileKind kind = from_extension(path); kind != GraphFileKind::None) return kind;
  std::ifstream in(path, std::ios::binary);
  if (!in) return GraphFileKind::None;
  std::ostringstream ss;
  ss << in.rdbuf();
  return detect_graph_file(path, ss.str());
}

std::string graph_file_refusal(const std::string& where, GraphFileKind kind) {
  if (is_rdf(kind))
    return where + " looks like an RDF graph file (" + std::string(describe(kind)) +
           ") written by newsgraph build; give it to who-met or query, not as an article";
  const char* format = kind == GraphFileKind::Json  ? "json"
                       : kind == GraphFileKind::Dot ? "dot"
                                                    : "graphml";
  return where + " looks like a " + std::string(describe(kind)) +
         " graph written by newsgraph build (--format " + format + "), not an article";
}

}  // namespace ng
