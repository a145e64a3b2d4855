// Lemmatizer training: see lemmatizer.h. Everything is counted over word
// types (form, tag) with their majority lemma, in sorted order, so the model
// is deterministic.
#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "core/error.h"
#include "core/utf8.h"
#include "io/conllu.h"
#include "syntax/lemmatizer.h"
#include "train/lemmatizer_train.h"

namespace ng {

namespace {

using lemmatizer_internal::Model;
using lemmatizer_internal::Rule;

bool is_cont(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the common prefix of a and b, cut back to a code point boundary.
size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  while (n > 0 && n < a.size() && is_cont(a[n])) --n;
  return n;
}

// Byte offsets where the last 1..k code points of s start.
std::vector<size_t> suffix_starts(std::string_view s, int k) {
  std::vector<size_t> starts;
  for (size_t i = s.size(); i > 0 && static_cast<int>(starts.size()) < k;) {
    --i;
    while (i > 0 && is_cont(s[i])) --i;
    starts.push_back(i);
  }
  return starts;
}

struct Type {
  std::string form;
  uint32_t tag;
  std::string lemma;  // majority lemma
  long count;         // tokens
};

std::string pct(long right, long total) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", total ? 100.0 * right / total : 0.0);
  return buf;
}

}  // namespace

void train_lemmatizer(const LemmatizerTrainOptions& opts, std::ostream& log) {
  if (opts.train_files.empty()) throw Error("lemmatizer training: no training files given");
  if (opts.out.empty()) throw Error("lemmatizer training: no output path given");
  // (form, tag name) -> lemma -> count.
  std::map<std::pair<std::string, std::string>, std::map<std::string, long>> counts;
  std::set<std::string> xtags, utags, lemmas;
  std::map<std::string, std::pair<long, long>> propn_count;  // xpos -> (PROPN words, words)
  long tokens = 0;
  for (const auto& path : opts.train_files)
    for (const auto& s : read_conllu(path))
      for (const auto& w : s.words) {
        if (w.lemma.empty() || (w.lemma == "_" && w.form != "_")) continue;
        ++tokens;
        lemmas.insert(w.lemma);
        if (!w.xpos.empty() && w.xpos != "_") {
          xtags.insert(w.xpos);
          auto& pc = propn_count[w.xpos];
          pc.first += w.upos == "PROPN";
          ++pc.second;
          counts[{w.form, w.xpos}][w.lemma]++;
        }
        if (!w.upos.empty() && w.upos != "_") {
          utags.insert("u:" + w.upos);
          counts[{w.form, "u:" + w.upos}][w.lemma]++;
        }
      }
  if (tokens == 0) throw Error("lemmatizer training: no lemmas in the training files");

  Model m;
  m.tags.assign(xtags.begin(), xtags.end());
  m.tags.insert(m.tags.end(), utags.begin(), utags.end());
  m.known_lemmas.assign(lemmas.begin(), lemmas.end());
  m.index();
  std::vector<Type> types;
  for (const auto& [key, lemmas] : counts) {
    auto best = lemmas.begin();
    long total = 0;
    for (auto it = lemmas.begin(); it != lemmas.end(); ++it) {
      total += it->second;
      if (it->second > best->second) best = it;
    }
    types.push_back({key.first, m.tag_ids.at(key.second), best->first, total});
  }

  // 1. Case policy: tokens voting "keep" (lemma has capitals) vs "lower".
  const size_t ntags = m.tags.size();
  std::vector<long> keep(ntags * 4, 0), lower(ntags * 4, 0);
  for (const auto& t : types) {
    int cc = lemmatizer_internal::case_class(t.form);
    if (cc == 0) continue;
    (to_lower(t.lemma) == t.lemma ? lower : keep)[t.tag * 4 + cc] += t.count;
  }
  m.keep_case.assign(ntags * 4, 0);
  for (size_t i = 0; i < ntags * 4; ++i) m.keep_case[i] = keep[i] > lower[i] ? 1 : 0;

  // 2. Suffix rules: per (tag, suffix context), the number of word types per rule.
  std::vector<std::map<std::string, std::map<std::pair<std::string, std::string>, long>>> ctx(
      ntags);
  for (const auto& t : types) {
    const std::string low = to_lower(t.form);
    const bool kc = m.keep_case[t.tag * 4 + lemmatizer_internal::case_class(t.form)] &&
                    low.size() == t.form.size();
    const std::string base = kc ? t.form : low;
    const size_t p = common_prefix(base, t.lemma);
    Rule r{low.substr(p), t.lemma.substr(p)};
    auto starts = suffix_starts(low, opts.max_suffix);
    for (size_t len = 0; len <= starts.size(); ++len) {
      std::string suffix = len == 0 ? std::string() : low.substr(starts[len - 1]);
      ctx[t.tag][suffix][{r.strip, r.append}] += 1;
    }
  }
  m.rules.assign(ntags, {});
  size_t nrules = 0;
  for (size_t tag = 0; tag < ntags; ++tag) {
    // Contexts sorted by length so that parents are decided before children.
    std::vector<std::pair<std::string, std::vector<Rule>>> chosen;  // kept contexts
    std::map<std::string, std::vector<Rule>> effective;  // context -> rules in effect there
    std::vector<const std::string*> order;
    for (const auto& [suffix, rules] : ctx[tag]) order.push_back(&suffix);
    std::stable_sort(order.begin(), order.end(), [](const std::string* a, const std::string* b) {
      return a->size() < b->size();
    });
    for (const std::string* sp : order) {
      const std::string& suffix = *sp;
      const auto& rules = ctx[tag].at(suffix);
      long total = 0;
      // Only rules whose strip string lies inside the context generalise.
      std::vector<std::pair<long, const std::pair<std::string, std::string>*>> ranked;
      for (const auto& [rule, n] : rules) {
        total += n;
        if (rule.first.size() > suffix.size() && !suffix.empty()) continue;
        ranked.emplace_back(-n, &rule);
      }
      if (ranked.empty() || (!suffix.empty() && total < opts.min_types)) continue;
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<Rule> list;
      for (const auto& [n, rule] : ranked) {
        if (static_cast<int>(list.size()) >= opts.rules_per_context) break;
        list.push_back({rule->first, rule->second});
      }
      // The rules in effect at the nearest kept shorter context.
      const std::vector<Rule>* parent = nullptr;
      auto starts = suffix_starts(suffix, 64);
      for (size_t len = starts.size(); len-- > 0;) {
        std::string shorter = len == 0 ? std::string() : suffix.substr(starts[len - 1]);
        auto it = effective.find(shorter);
        if (it != effective.end()) {
          parent = &it->second;
          break;
        }
      }
      if (parent && *parent == list) continue;  // adds nothing
      effective.emplace(suffix, list);
      chosen.emplace_back(suffix, std::move(list));
    }
    nrules += chosen.size();
    m.rules[tag] = std::move(chosen);
  }
  m.index();

  // Case policy 2 (keep unless only the lower-cased lemma is known) where it
  // beats plain keeping on the training words. Not for proper-noun tags: every
  // training name is a known lemma, so the training words cannot show the
  // harm that lower-casing unseen names ("Album") does.
  propn_count["u:PROPN"] = {1, 1};
  {
    std::vector<long> right1(ntags * 4, 0), right2(ntags * 4, 0);
    for (const auto& t : types) {
      const size_t k = t.tag * 4 + lemmatizer_internal::case_class(t.form);
      if (m.keep_case[k] != 1) continue;
      const auto pc = propn_count[m.tags[t.tag]];
      if (2 * pc.first > pc.second) continue;
      right1[k] += t.count * (m.apply(t.form, static_cast<int>(t.tag), false) == t.lemma);
      m.keep_case[k] = 2;
      right2[k] += t.count * (m.apply(t.form, static_cast<int>(t.tag), false) == t.lemma);
      m.keep_case[k] = 1;
    }
    for (size_t k = 0; k < ntags * 4; ++k)
      if (m.keep_case[k] == 1 && right2[k] > right1[k]) m.keep_case[k] = 2;
  }

  // 3. Exceptions: the word types the rules get wrong.
  long rule_right = 0, rule_total = 0;
  for (const auto& t : types) {
    if (m.tags[t.tag].rfind("u:", 0) == 0) continue;
    rule_total += t.count;
    std::string pred = m.apply(t.form, static_cast<int>(t.tag), false);
    if (pred == t.lemma) {
      rule_right += t.count;
      continue;
    }
    m.exceptions.push_back({t.form, t.tag, t.lemma});
  }
  // UPOS-keyed exceptions only where the XPOS ones do not already decide (the
  // UPOS tables serve input without XPOS).
  for (const auto& t : types) {
    if (m.tags[t.tag].rfind("u:", 0) != 0 || t.count < 2) continue;
    if (m.apply(t.form, static_cast<int>(t.tag), false) != t.lemma)
      m.exceptions.push_back({t.form, t.tag, t.lemma});
  }
  m.index();
  log << "lemmatizer: " << tokens << " training words, " << types.size() << " (form, tag) types, "
      << nrules << " suffix rules, " << m.exceptions.size() << " exceptions; rules alone right on "
      << pct(rule_right, rule_total) << "% of training words\n";

  for (const auto& path : opts.dev_files) {
    long right = 0, total = 0;
    for (const auto& s : read_conllu(path))
      for (const auto& w : s.words) {
        ++total;
        right += m.apply(w.form, m.tag_id(w.upos, w.xpos), true) == w.lemma;
      }
    log << "lemmatizer: dev " << path.substr(path.find_last_of('/') + 1)
        << " (gold tags): LEMMA " << pct(right, total) << '\n';
  }
  lemmatizer_internal::save_model(m, opts.out);
  log << "lemmatizer: saved " << opts.out << '\n';
}

}  // namespace ng
