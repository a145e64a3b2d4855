#include "entities/coref.h"

#include <map>

#include "core/data_path.h"
#include "entities/coref_internal.h"

namespace ng {

Coreference::Coreference() : Coreference(data_path("lexicon")) {}

Coreference::Coreference(const std::filesystem::path& lexicon_dir)
    : gazetteer_(Gazetteer::load(lexicon_dir, false)), roles_(RoleLexicon::load(lexicon_dir)) {
  load_given_names(gazetteer_, lexicon_dir);
}

namespace coref_internal {

void Resolver::run() {
  detect_mentions();
  compute_info();
  cl_ = std::make_unique<Clusters>(static_cast<int>(doc_.mentions.size()));
  run_cascade();
  build_entities();
}

// The cascade, in the order it runs: precise evidence first, so the later,
// looser sieves see the clusters the earlier ones built.
constexpr Sieve kCascade[] = {
    {&Resolver::exact_names, {"exact name"}},
    {&Resolver::role_appositions, {"apposition/role"}},
    {&Resolver::name_appositions, {"apposition"}},
    {&Resolver::nominal_predicates, {"apposition (nominal)", "predicate nominative (nominal)"}},
    {&Resolver::predicate_nominatives, {"predicate nominative"}},
    {&Resolver::place_aliases, {"place alias"}},
    {&Resolver::acronyms, {"acronym"}},
    {&Resolver::orgs_without_country, {"organisation without its country"}},
    {&Resolver::places_named_by_region_word, {"place named by region word"}},
    {&Resolver::partial_names, {"partial name", "partial name (first of several)"}},
    {&Resolver::role_descriptions,
     {"role description (title and place)", "role description (title)"}},
    {&Resolver::definite_nominals,
     {"nominal named by its modifier", "nominal head match", "nominal by type"}},
    {&Resolver::meeting_groups, {"group (the people just named together)"}},
    {&Resolver::third_person_pronouns, {"pronoun", "cataphora"}},
    {&Resolver::quoted_speakers, {"quoted speaker", "quoted speaker's group"}},
};

void Resolver::run_cascade() {
  for (const Sieve& s : kCascade) (this->*s.run)(s);
}

}  // namespace coref_internal

void Coreference::process(Document& doc) const {
  doc.entities.clear();
  coref_internal::Resolver(doc, gazetteer_, roles_).run();
  for (Mention& m : doc.mentions) {
    m.extent_begin = m.begin;
    m.extent_end = m.end;
    if (m.kind != MentionKind::Name) continue;
    const auto [a, b] = referring_extent(doc, m);
    m.extent_begin = doc.tokens[a].begin;
    m.extent_end = doc.tokens[b - 1].end;
  }
  // Two mentions never report one extent: a name nested in another keeps
  // its own span ("Sea Org" inside "the Sea Org").
  std::map<std::pair<uint32_t, uint32_t>, size_t> owner;
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    auto [it, fresh] = owner.emplace(std::make_pair(m.extent_begin, m.extent_end), i);
    if (fresh) continue;
    Mention& o = doc.mentions[it->second];
    Mention& inner = (o.end - o.begin) < (m.end - m.begin) ? o : m;
    inner.extent_begin = inner.begin;
    inner.extent_end = inner.end;
    if (&inner == &o) it->second = i;
  }
}

}  // namespace ng
