#include "core/document.h"

#include <algorithm>

namespace ng {

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::Person: return "PERSON";
    case EntityType::Org: return "ORG";
    case EntityType::Gpe: return "GPE";
    case EntityType::Loc: return "LOC";
    case EntityType::Fac: return "FAC";
    case EntityType::Event: return "EVENT";
    case EntityType::Norp: return "NORP";
    case EntityType::Date: return "DATE";
    case EntityType::Other: return "OTHER";
  }
  return "OTHER";
}

bool parse_entity_type(std::string_view s, EntityType& out) {
  struct Name { std::string_view name; EntityType type; };
  static constexpr Name names[] = {
      {"PERSON", EntityType::Person}, {"PER", EntityType::Person},
      {"ORG", EntityType::Org}, {"ORGANIZATION", EntityType::Org},
      {"GPE", EntityType::Gpe}, {"LOC", EntityType::Loc}, {"LOCATION", EntityType::Loc},
      {"FAC", EntityType::Fac}, {"EVENT", EntityType::Event}, {"NORP", EntityType::Norp},
      {"DATE", EntityType::Date}, {"OTHER", EntityType::Other}};
  for (const auto& n : names)
    if (n.name == s) { out = n.type; return true; }
  return false;
}

std::string_view to_string(Modality m) {
  switch (m) {
    case Modality::Asserted: return "asserted";
    case Modality::Negated: return "negated";
    case Modality::Future: return "future";
    case Modality::Hypothetical: return "hypothetical";
    case Modality::Former: return "former";
  }
  return "asserted";
}

int Document::sentence_of(int t) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), t,
                             [](int tok, const Sentence& s) { return tok < s.first; });
  return static_cast<int>(it - sentences.begin()) - 1;
}

}  // namespace ng
