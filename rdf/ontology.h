// The newsgraph vocabulary (ontology/newsgraph.ttl): which classes and
// properties are declared. Rules naming an undeclared term are rejected at
// load, and a test checks that every term the exporters emit is declared.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace ng {

class Ontology {
 public:
  // Parses the Turtle file (default: data_path("ontology/newsgraph.ttl"))
  // through Redland. Throws ng::Error naming the file and line when it is
  // missing or does not parse.
  static Ontology load(const std::string& path = "");

  // Whether the term (a CURIE such as "ng:met" or a full IRI) is declared: it
  // is the subject of rdf:type rdfs:Class, owl:Class, rdf:Property,
  // owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty or
  // owl:SymmetricProperty. An unexpandable CURIE is not declared.
  bool declares(std::string_view term) const;
  // Whether it also has an rdfs:label and an rdfs:comment.
  bool documented(std::string_view term) const;
  // Every declared term as a full IRI, sorted.
  const std::set<std::string>& terms() const { return declared_; }
  // The term's rdfs:label ("holds office in", "jobTitle"); "" when it has none.
  std::string label(std::string_view term) const;

 private:
  std::set<std::string> declared_;
  std::set<std::string> documented_;
  std::map<std::string, std::string> labels_;  // full IRI -> rdfs:label
};

// A thread-safe "is this CURIE declared?" predicate over the default
// ontology, loaded once on first use (throws ng::Error then if it fails).
bool ontology_declares(const std::string& curie);

// A predicate or class CURIE in words for people, from the default
// ontology's rdfs:label with camelCase split ("ng:holdsOfficeIn" -> "holds
// office in", "schema:jobTitle" -> "job title"); an undeclared or unlabelled
// term gives its local name split the same way. Loaded once, thread-safe.
std::string term_in_words(const std::string& curie);

}  // namespace ng
