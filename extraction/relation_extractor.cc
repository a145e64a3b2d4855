#include "extraction/relation_extractor.h"
#include "extraction/meetings.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/data_path.h"
#include "core/error.h"
#include "extraction/fact_builder.h"
#include "extraction/open_ie.h"
#include "extraction/rule_match.h"
#include "syntax/syntax_view.h"

namespace ng {
namespace {

using extraction_internal::FactSink;
using extraction_internal::Match;
using extraction_internal::RuleTrace;

// The state of one process() call.
struct Run {
  Document& doc;
  const SyntaxView& sv;
  FactSink& facts;
  const Gazetteer& places;    // for known_place slots
  std::vector<char> covered;  // trigger words a rule used
  int focus_meeting = -1;     // last meeting event (for "the sides")
};

// The trace line for a rule that passed its tests: what it made, with which
// fillers.
void trace_outcome(const RuleTrace& trace, const Match& m, bool produced) {
  std::string args;
  for (size_t k = 0; k < m.rule.slots.size(); ++k) {
    args += " " + m.rule.slots[k].name + "=[";
    for (size_t i = 0; i < m.fillers[k].size(); ++i) {
      const Argument& a = m.fillers[k][i];
      args += (i ? "; " : "") + (a.entity >= 0 ? trace.doc.entities[a.entity].name : a.text);
    }
    args += "]";
  }
  trace([&] {
    return (produced ? "fired:" : "gave nothing (same arguments or too few participants):") + args;
  });
}

// Tries rule r on trigger word t of sentence s: its tests, its slots, then
// its facts and events. A rule that makes something covers t (open
// extraction leaves it alone).
void apply_rule(Run& run, const Rule& r, int s, int t, std::ostream* trace_out) {
  const SyntaxView& sv = run.sv;
  const RuleTrace trace{trace_out, run.doc, s, t, r};
  if (!extraction_internal::trigger_word_matches(sv, r, t, trace)) return;
  if (!extraction_internal::trigger_paths_match(sv, r, t, trace)) return;
  Match m{r, s, t, sv.modality(t), "", {}};
  if (!extraction_internal::trigger_modality_matches(r, m.modality, trace)) return;
  if (!extraction_internal::fill_slots(sv, r, t, run.focus_meeting, &run.places, trace, m.fillers))
    return;
  extraction_internal::trim_overlapping_literals(run.doc, m.fillers);
  m.relation_text = sv.relation_text(t);
  bool produced = extraction_internal::add_rule_facts(m, run.facts);
  if (extraction_internal::add_rule_events(sv, m, run.doc, run.focus_meeting)) produced = true;
  if (trace.on()) trace_outcome(trace, m, produced);
  if (produced) run.covered[t] = 1;
}

}  // namespace

std::vector<std::string> default_rule_files() {
  std::vector<std::string> files;
  auto dir = data_path("extraction/rules");
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error(dir.string() + ": no rule files (*.yaml)");
  return files;
}

RelationExtractor::RelationExtractor(RelationExtractorOptions options)
    : options_(std::move(options)),
      countries_(extraction_internal::Countries::load(data_path("lexicon"))),
      places_(Gazetteer::load(data_path("lexicon"))) {
  std::set<std::string> ids;
  for (const auto& file : options_.rule_files) {
    for (auto& r : load_rules(file, options_.is_declared)) {
      if (!ids.insert(r.id).second)
        throw Error(file + ":" + std::to_string(r.line) + ": rule '" + r.id +
                    "': id already used by another rule file");
      rules_.push_back(std::move(r));
    }
  }
  for (int i = 0; i < static_cast<int>(rules_.size()); ++i)
    for (const auto& l : rules_[i].lemmas) {
      if (l == "*") any_lemma_.push_back(i);
      else by_lemma_[l].push_back(i);
    }
}

std::vector<int> RelationExtractor::candidate_rules(const SyntaxView& sv, int t) const {
  std::vector<int> candidates = any_lemma_;
  const Token& tok = sv.doc().tokens[t];
  if (auto it = by_lemma_.find(tok.lemma); it != by_lemma_.end())
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  else if (auto it2 = by_lemma_.find(sv.lower(t)); it2 != by_lemma_.end())
    candidates.insert(candidates.end(), it2->second.begin(), it2->second.end());
  return candidates;
}

void RelationExtractor::process(Document& doc) const {
  SyntaxView sv(doc);
  FactSink facts(doc, options_.keep_unresolved);
  Run run{doc, sv, facts, places_, std::vector<char>(doc.tokens.size(), 0)};
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (int t = sent.first; t < sent.last; ++t)
      for (int ri : candidate_rules(sv, t)) apply_rule(run, rules_[ri], s, t, options_.trace);
    if (options_.open_extraction) {
      for (Fact& f : open_facts(sv, s, run.covered, run.focus_meeting)) facts.add(std::move(f));
    }
  }
  extraction_internal::mark_counterparts(doc, countries_);
  extraction_internal::add_role_facts(doc, facts);
  if (options_.article_facts && !doc.sentences.empty())
    extraction_internal::add_article_facts(doc, facts);
}

}  // namespace ng
