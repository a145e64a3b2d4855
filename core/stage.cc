#include "core/stage.h"

namespace ng {

std::string Layers::to_string() const {
  static constexpr std::pair<Layer, const char*> kNames[] = {
      {Layer::Text, "text"},     {Layer::Tokens, "tokens"},     {Layer::Sentences, "sentences"},
      {Layer::Tags, "tags"},     {Layer::Lemmas, "lemmas"},     {Layer::Parse, "parse"},
      {Layer::Names, "names"},   {Layer::Entities, "entities"}, {Layer::Facts, "facts"}};
  std::string out;
  for (const auto& [layer, name] : kNames) {
    if (!contains(layer)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace ng
