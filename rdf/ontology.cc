#include "rdf/ontology.h"

#include <cstdio>
#include <mutex>

#include "core/data_path.h"
#include "core/error.h"
#include "rdf/rdf.h"
#include "rdf/sparql.h"
#include "graph/iri.h"

namespace ng {

Ontology Ontology::load(const std::string& path) {
  std::string file = path.empty() ? data_path("ontology/newsgraph.ttl").string() : path;
  RdfModel model;
  try {
    model.parse(
        [&] {
          std::string text;
          FILE* f = std::fopen(file.c_str(), "rb");
          if (!f) throw Error("cannot read ontology '" + file + "': missing or unreadable");
          char buf[65536];
          size_t n;
          while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
          std::fclose(f);
          return text;
        }(),
        RdfFormat::Turtle, file);
  } catch (const Error& e) {
    throw Error(std::string("ontology: ") + e.what());
  }
  const QueryTable declared = run_query(model, R"(
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    SELECT DISTINCT ?term ?kind WHERE { ?term rdf:type ?kind . })");
  static const std::set<std::string> kinds = {"http://www.w3.org/2000/01/rdf-schema#Class",
                                              "http://www.w3.org/2002/07/owl#Class",
                                              "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
                                              "http://www.w3.org/2002/07/owl#ObjectProperty",
                                              "http://www.w3.org/2002/07/owl#DatatypeProperty",
                                              "http://www.w3.org/2002/07/owl#AnnotationProperty",
                                              "http://www.w3.org/2002/07/owl#SymmetricProperty"};
  Ontology o;
  for (const auto& row : declared.rows)
    if (row[0].kind == RdfTerm::Kind::Iri && kinds.count(row[1].value))
      o.declared_.insert(row[0].value);
  const QueryTable documented = run_query(model, R"(
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?term WHERE { ?term rdfs:label ?l ; rdfs:comment ?c . })");
  for (const auto& row : documented.rows)
    if (row[0].kind == RdfTerm::Kind::Iri) o.documented_.insert(row[0].value);
  const QueryTable labels = run_query(model, R"(
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?term ?label WHERE { ?term rdfs:label ?label . })");
  for (const auto& row : labels.rows)
    if (row[0].kind == RdfTerm::Kind::Iri) o.labels_.emplace(row[0].value, row[1].value);
  return o;
}

namespace {
bool expand(std::string_view term, std::string& iri) {
  try {
    iri = expand_curie(term);
    return true;
  } catch (const Error&) {
    return false;
  }
}
}  // namespace

bool Ontology::declares(std::string_view term) const {
  std::string iri;
  return expand(term, iri) && declared_.count(iri);
}

bool Ontology::documented(std::string_view term) const {
  std::string iri;
  return expand(term, iri) && documented_.count(iri);
}

std::string Ontology::label(std::string_view term) const {
  std::string iri;
  if (!expand(term, iri)) return "";
  auto it = labels_.find(iri);
  return it == labels_.end() ? "" : it->second;
}

namespace {
const Ontology& default_ontology() {
  static std::once_flag once;
  static Ontology ontology;
  std::call_once(once, [] { ontology = Ontology::load(); });
  return ontology;
}

// "holdsOfficeIn" -> "holds office in"; words already spaced stay as they are.
std::string split_camel_case(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool upper = c >= 'A' && c <= 'Z';
    bool after_lower = i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z';
    if (upper && after_lower) out += ' ';
    out += upper && (after_lower || i == 0) && !(i + 1 < s.size() && s[i + 1] >= 'A' &&
                                                 s[i + 1] <= 'Z')
               ? static_cast<char>(c - 'A' + 'a')
               : c;
  }
  return out;
}
}  // namespace

bool ontology_declares(const std::string& curie) { return default_ontology().declares(curie); }

std::string term_in_words(const std::string& curie) {
  std::string label = default_ontology().label(curie);
  if (label.empty()) label = std::string(local_name(curie));
  return split_camel_case(label);
}

}  // namespace ng
