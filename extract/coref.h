// Coreference within one article: turns Document::mentions into
// Document::entities.
//
// 1. Mention detection: adds nominal mentions ("the governor", "the company",
//    "the Astrakhan region") and pronoun mentions (he, she, his, they, its...)
//    from the parse to the Name mentions the NER found.
// 2. A precision-first cascade of passes (after the multi-pass sieve of Lee et
//    al. 2013); each pass only merges clusters that earlier passes left
//    compatible, and never merges clusters holding two different full person
//    names (two people who share a surname stay apart):
//      exact name -> apposition / predicate nominative -> country aliases and
//      acronyms -> partial names (surname only) -> places named three ways
//      ("the X region" = "the X Oblast" = "X") -> role descriptions ("the
//      governor", "the President of Y" -> the holder of that role) -> nominal
//      head match -> "the sides"/"both leaders" -> pronouns (agreement in
//      number, gender and animacy; binding constraints; salience: subjects,
//      recency).
// 3. Entities: canonical name = the longest proper-name mention, aliases =
//    the other names, merged_by = one line per merge naming the pass and the
//    mentions; roles from extract/roles.h.
// Thread-safe after construction.
#pragma once

#include <filesystem>
#include <memory>

#include "core/stage.h"
#include "extract/ner.h"
#include "extract/roles.h"

namespace ng {

class Coreference : public Stage {
 public:
  // Loads extract/lexicons/ via ng::data_path.
  Coreference();
  explicit Coreference(const std::filesystem::path& lexicon_dir);
  std::string_view name() const override { return "coreference"; }
  // Precondition: tokens, sentences, parse and NER mentions are present.
  // Adds nominal and pronoun mentions, sorts doc.mentions by position, fills
  // doc.entities (every Name mention gets an entity; nominal/pronoun mentions
  // that resolve to nothing are dropped) and sets Mention::entity.
  void process(Document& doc) const override;

 private:
  Gazetteer gazetteer_;
  RoleLexicon roles_;
};

}  // namespace ng
