// A pipeline stage takes a Document and adds to it (tokens, tags, a parse,
// entities, facts...). Stages are immutable after construction: process() is
// const and must be safe to call from many threads at once on different
// Documents, so articles run in parallel. What each stage requires and
// provides is declared where it is registered (pipeline/pipeline.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"

namespace ng {

// The parts of a Document that stages fill in, in the order of the flow.
enum class Layer : uint16_t {
  Text = 1 << 0,       // text, body range and metadata (io/)
  Tokens = 1 << 1,     // tokens with forms and byte offsets
  Sentences = 1 << 2,  // sentence boundaries
  Tags = 1 << 3,       // Token::upos, Token::xpos
  Lemmas = 1 << 4,     // Token::lemma
  Parse = 1 << 5,      // Token::head, Token::deprel (UD basic dependencies)
  Names = 1 << 6,      // Name mentions (NER), not yet linked to entities
  Entities = 1 << 7,   // every mention linked to an entity; roles (coreference)
  Facts = 1 << 8,      // facts and events (extraction)
};

// A set of layers.
class Layers {
 public:
  constexpr Layers() = default;
  constexpr Layers(Layer l) : bits_(static_cast<uint16_t>(l)) {}  // NOLINT: implicit by design
  constexpr Layers operator|(Layers o) const { return from_bits(bits_ | o.bits_); }
  constexpr Layers operator-(Layers o) const { return from_bits(bits_ & ~o.bits_); }
  constexpr bool contains(Layers o) const { return (bits_ & o.bits_) == o.bits_; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(Layers o) const { return bits_ == o.bits_; }
  // "tokens, sentences" (flow order); "" when empty.
  std::string to_string() const;

 private:
  static constexpr Layers from_bits(unsigned b) {
    Layers l;
    l.bits_ = static_cast<uint16_t>(b);
    return l;
  }
  uint16_t bits_ = 0;
};

constexpr Layers operator|(Layer a, Layer b) { return Layers(a) | Layers(b); }

// What a document read by io/ already holds: text only (articles), or
// everything up to the parse (analysed CoNLL-U).
constexpr Layers kTextLayers = Layer::Text;
constexpr Layers kParsedLayers = Layer::Text | Layer::Tokens | Layer::Sentences | Layer::Tags |
                                 Layer::Lemmas | Layer::Parse;

class Stage {
 public:
  virtual ~Stage() = default;
  // The stage's name, which is also its name in the pipeline's table: the
  // class name in snake case ("tokenizer", "ner_tagger", "coreference").
  virtual std::string_view name() const = 0;
  // Adds this stage's results to doc. Throws ng::Error only for problems
  // that make the document unusable; smaller issues go to doc.warnings.
  virtual void process(Document& doc) const = 0;
};

}  // namespace ng
