// Coreference within one article: turns Document::mentions into
// Document::entities.
//
// 1. Mention detection: adds to the Name mentions of the NER titles and role
//    descriptions ("the governor of the X Region", entities/roles.h),
//    predicative and appositive nominals ("X was a Swiss mathematician"),
//    definite nominals whose noun names a kind of entity ("the company", "the
//    X region"), groups ("A and B", "the sides", "both leaders") and
//    pronouns (he, she, his, it, its, they...; I/me/my inside quotations).
// 2. A precision-first cascade of passes (after the multi-pass sieve of Lee et
//    al. 2013). A merge joins two clusters only when they stay compatible:
//    a person is never a place, genders agree, a group is never one of its
//    members, and two different full person names never meet (people who
//    share a surname stay apart). In order (the table kCascade in coref.cc
//    runs the sieves and gives the labels --explain prints):
//      exact name -> apposition, titles given to a name, predicate
//      nominatives -> place aliases (gazetteer: "Germany" = "the Federal
//      Republic of Germany"; region words: "the X Oblast" = "the X Region"
//      = "X") and acronyms -> partial person names ("Ruiz" when one person in the
//      article has that name) -> role descriptions ("the head of state",
//      "the President of Y" -> the one holder of that title, of that place)
//      -> definite nominals (head word, or the one entity of that kind named
//      in the last sentences) -> groups ("the sides" -> the people of the
//      last meeting) -> third-person pronouns (agreement in number, gender
//      and animacy; binding; salience: subjects, recency, frequency) ->
//      first-person pronouns in quotations -> the speaker.
// 3. Entities: every cluster with a name; canonical name = the longest name
//    without its title (the gazetteer's name for known places); aliases =
//    the other names; merged_by = one line per merge naming the pass and the
//    two mentions; roles = titles with the entity they are "of". Groups get
//    type OTHER and the name "A and B"; unresolved pronouns and descriptions
//    are dropped.
// Thread-safe after construction. The code: coref.cc (this stage, the
// cascade's table) and the coref_*.cc files that coref_internal.h lists.
#pragma once

#include <filesystem>
#include <memory>

#include "core/stage.h"
#include "entities/gazetteer.h"
#include "entities/mention_spans.h"
#include "entities/roles.h"

namespace ng {

class Coreference : public Stage {
 public:
  // Loads lexicon/ via ng::data_path.
  Coreference();
  explicit Coreference(const std::filesystem::path& lexicon_dir);
  std::string_view name() const override { return "coreference"; }
  // Precondition: tokens, sentences, parse and NER mentions are present
  // (without a parse fewer titles, predicates and pronouns resolve).
  // Replaces any earlier nominal/pronoun mentions, sorts doc.mentions by
  // position, fills doc.entities (every Name mention gets an entity;
  // nominal/pronoun mentions that resolve to nothing are dropped) and sets
  // Mention::entity.
  void process(Document& doc) const override;

 private:
  Gazetteer gazetteer_;
  RoleLexicon roles_;
};

}  // namespace ng
