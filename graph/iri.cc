#include "graph/iri.h"

#include <cstdint>
#include <cstdio>

#include "core/error.h"
#include "core/text.h"
#include "core/utf8.h"

namespace ng {

namespace {

constexpr Namespace kNamespaces[] = {
    {"ng", kNgNamespace},
    {"schema", "http://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
};

void append_percent(std::string& out, unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  out += '%';
  out += hex[c >> 4];
  out += hex[c & 15];
}

bool is_local_name_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

}  // namespace

const Namespace* namespaces_begin() { return std::begin(kNamespaces); }
const Namespace* namespaces_end() { return std::end(kNamespaces); }

std::string expand_curie(std::string_view curie) {
  std::string result;
  if (curie.find("://") != std::string_view::npos) {
    result = std::string(curie);
  } else {
    size_t colon = curie.find(':');
    if (colon == std::string_view::npos || colon + 1 == curie.size())
      throw Error("invalid CURIE '" + std::string(curie) + "': expected prefix:name");
    std::string_view prefix = curie.substr(0, colon);
    for (const auto& ns : kNamespaces)
      if (ns.prefix == prefix) result = std::string(ns.iri) + std::string(curie.substr(colon + 1));
    if (result.empty())
      throw Error("invalid CURIE '" + std::string(curie) + "': unknown prefix '" +
                  std::string(prefix) + "' (known: ng, schema, prov, rdfs, rdf, skos, owl, xsd)");
  }
  for (unsigned char c : result)
    if (iri_char_forbidden(c))
      throw Error("invalid IRI '" + result + "': contains a space or one of <>\"{}|\\^`");
  return result;
}

bool iri_char_forbidden(unsigned char c) {
  if (c <= 0x20 || c == 0x7f) return true;
  switch (c) {
    case '<':
    case '>':
    case '"':
    case '{':
    case '}':
    case '|':
    case '\\':
    case '^':
    case '`':
      return true;
    default:
      return false;
  }
}

std::string compact_iri(std::string_view iri) {
  for (const auto& ns : kNamespaces) {
    if (iri.size() <= ns.iri.size() || iri.substr(0, ns.iri.size()) != ns.iri) continue;
    std::string_view local = iri.substr(ns.iri.size());
    bool plain = !local.empty() && !(local[0] >= '0' && local[0] <= '9') && local[0] != '-';
    for (unsigned char c : local) plain = plain && is_local_name_char(c);
    if (plain) return std::string(ns.prefix) + ":" + std::string(local);
  }
  return std::string(iri);
}

std::string_view local_name(std::string_view s) {
  size_t p = s.find_last_of("#/:");
  return p == std::string_view::npos ? s : s.substr(p + 1);
}

void check_base_iri(std::string_view base) {
  const std::string quoted = "base IRI '" + std::string(base) + "'";
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos || scheme == 0)
    throw Error(quoted + " is not absolute (expected e.g. https://example.org/id/)");
  for (size_t i = 0; i < scheme; ++i) {
    char c = base[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) throw Error(quoted + " has an invalid scheme");
  }
  for (unsigned char c : base)
    if (iri_char_forbidden(c))
      throw Error(quoted + " contains a space, a control character or one of <>\"{}|\\^`");
  if (base.back() != '/' && base.back() != '#') throw Error(quoted + " must end with '/' or '#'");
}

std::string normalise_name(std::string_view name) {
  std::string folded = to_lower(fold_accents(name));
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < folded.size()) {
    size_t start = i;
    char32_t cp = next_code_point(folded, i);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += '_';
    pending_space = false;
    for (size_t k = start; k < i; ++k) {
      auto c = static_cast<unsigned char>(folded[k]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  (c == '.' && !out.empty());
      if (keep)
        out += static_cast<char>(c);
      else
        append_percent(out, c);
    }
  }
  if (out.empty()) out = "_";
  return out;
}

std::string percent_encode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '~' || (c == '.' && !out.empty());
    if (keep)
      out += static_cast<char>(c);
    else
      append_percent(out, c);
  }
  if (out.empty()) out = "_";
  return out;
}

std::string entity_iri(std::string_view base, std::string_view canonical_name) {
  return std::string(base) + "entity/" + normalise_name(canonical_name);
}

std::string unnamed_entity_iri(std::string_view article_iri, std::string_view description) {
  return std::string(article_iri) + "/entity/" + normalise_name(description);
}

std::string graph_iri(std::string_view base, std::string_view doc_id) {
  return std::string(base) + "graph/" + percent_encode(doc_id);
}

std::string article_iri(std::string_view base, std::string_view doc_id, std::string_view text) {
  return std::string(base) + "article/" + percent_encode(doc_id) + "/" + stable_hash(text);
}

std::string event_iri(std::string_view article_iri, int n) {
  return std::string(article_iri) + "/event/" + std::to_string(n);
}

std::string statement_iri(std::string_view article_iri, int n) {
  return std::string(article_iri) + "/fact/" + std::to_string(n);
}

}  // namespace ng
