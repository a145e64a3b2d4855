// Runs every example of every bundled rule through the whole pipeline
// (tokenizer, tagger, parser, entities, coreference, rules): each listed fact
// and event must come out, each not_fact must not.
#include <catch2/catch.hpp>

#include "rdf/ontology.h"
#include "pipeline/pipeline.h"
#include "extraction/relation_extractor.h"
#include "io/article_reader.h"

using namespace ng;

namespace {

std::string term(const Document& d, const Argument& a) {
  if (a.entity >= 0) return d.entities[a.entity].name;
  return a.literal;
}

std::string trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t e = s.find(sep, p);
    out.push_back(trim(s.substr(p, e == std::string::npos ? std::string::npos : e - p)));
    if (e == std::string::npos) break;
    p = e + 1;
  }
  return out;
}

std::string describe(const Document& d) {
  std::string out;
  for (const auto& f : d.facts)
    out += "  fact: " + term(d, f.subject) + " | " + f.predicate + " | " + term(d, f.object) +
           " [" + f.rule + "]\n";
  for (const auto& e : d.events) {
    out += "  event: " + e.cls + " |";
    for (const auto& [role, a] : e.roles) out += " " + term(d, a) + ",";
    out += " [" + e.rule + ", " + std::string(to_string(e.modality)) + "]\n";
  }
  return out;
}

bool has_fact(const Document& d, const std::string& spec) {
  auto parts = split(spec, '|');
  if (parts.size() != 3) return false;
  for (const auto& f : d.facts)
    if (term(d, f.subject) == parts[0] && f.predicate == parts[1] && term(d, f.object) == parts[2])
      return true;
  return false;
}

bool has_event(const Document& d, const std::string& spec) {
  auto parts = split(spec, '|');
  if (parts.size() != 2) return false;
  auto names = split(parts[1], ',');
  for (const auto& e : d.events) {
    if (e.cls != parts[0]) continue;
    bool all = true;
    for (const auto& n : names) {
      bool found = false;
      for (const auto& [role, a] : e.roles) found |= term(d, a) == n;
      all &= found;
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every rule example gives its facts and events", "[extract][rules][examples][model]") {
  PipelineOptions po;
  po.is_declared = &ontology_declares;
  Pipeline pipeline(po);
  RelationExtractorOptions ro;
  ro.rule_files = default_rule_files();
  RelationExtractor rules(ro);
  int examples = 0;
  for (const auto& r : rules.rules()) {
    for (const auto& x : r.examples) {
      ++examples;
      Document d = document_from_text("example", x.text);
      pipeline.process(d);
      INFO("rule " << r.id << " (" << r.file << ":" << r.line << "): \"" << x.text << "\"\n"
                   << describe(d));
      for (const auto& f : x.facts) CHECK(has_fact(d, f));
      for (const auto& f : x.not_facts) CHECK_FALSE(has_fact(d, f));
      for (const auto& e : x.events) CHECK(has_event(d, e));
      if (x.no_event) CHECK(d.events.empty());
    }
  }
  CHECK(examples >= 20);
}
