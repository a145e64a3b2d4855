// A pipeline stage takes a Document and adds to it (tokens, tags, a parse,
// entities, facts...). Stages are immutable after construction: process() is
// const and must be safe to call from many threads at once on different
// Documents, so articles run in parallel.
#pragma once

#include <memory>
#include <string_view>

#include "core/document.h"

namespace ng {

class Stage {
 public:
  virtual ~Stage() = default;
  // Short name for logs and --help ("tokenizer", "tagger", "parser"...).
  virtual std::string_view name() const = 0;
  // Adds this stage's results to doc. Throws ng::Error only for problems
  // that make the document unusable; smaller issues go to doc.warnings.
  virtual void process(Document& doc) const = 0;
};

}  // namespace ng
