// Training of the dependency parser (see syntax/parser.h): averaged
// perceptron, arc-hybrid transitions with a dynamic oracle and exploration
// (Goldberg & Nivre 2013). Non-projective training trees are projectivised
// by lifting (the dependent of the shortest non-projective arc moves to its
// grandparent, keeping its label) until projective.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/conllu.h"
#include "syntax/parser.h"
#include "train/parser_train.h"
#include "syntax/parser_model.h"
#include "syntax/tagger.h"
#include "train/tagger_train.h"

namespace ng {
namespace {

using namespace parser_internal;

// splitmix64: small, seedable, identical on every platform.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  uint64_t below(uint64_t n) { return next() % n; }
};

// One training sentence.
struct Sample {
  std::vector<Token> words;       // form/upos/xpos (possibly retagged)
  std::vector<int> gold_head;     // 0-based, n = ROOT (projectivised)
  std::vector<int> gold_label;    // label id
  std::vector<WordAtoms> atoms;   // n + 1
};

// Is the arc h -> d projective: every word strictly between is a descendant of h?
bool projective_arc(const std::vector<int>& head, int h, int d) {
  const int n = static_cast<int>(head.size());
  int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int x = k;
    int steps = 0;
    while (x != h && x >= 0 && x < n && steps++ <= n) x = head[x];
    if (x != h) return false;
  }
  return true;
}

// Lifts non-projective arcs (head: 0-based, n = ROOT). Returns arcs lifted.
int projectivize(std::vector<int>& head) {
  const int n = static_cast<int>(head.size());
  int lifted = 0;
  while (true) {
    int best = -1, best_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      int h = head[d];
      if (h == n) continue;  // the root arc spans the rest: always projective
      int len = std::abs(h - d);
      if (len < best_len && !projective_arc(head, h, d)) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) return lifted;
    head[best] = head[head[best]];
    ++lifted;
  }
}

// Open-addressing map from 64-bit feature key to a dense index.
class FeatureIndex {
 public:
  FeatureIndex() { rehash(1 << 20); }
  // Index of key, or -1.
  int64_t find(uint64_t key) const {
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].val < 0) return -1;
      if (slots_[i].key == key) return slots_[i].val;
    }
  }
  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }
  // Index of key, inserting it with index size() when absent.
  int64_t insert(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    uint64_t i = key & mask_;
    for (;; i = (i + 1) & mask_) {
      if (slots_[i].val < 0) break;
      if (slots_[i].key == key) return slots_[i].val;
    }
    slots_[i] = Slot{key, static_cast<int64_t>(size_)};
    order_.push_back(key);
    return static_cast<int64_t>(size_++);
  }
  size_t size() const { return size_; }
  uint64_t key_of(size_t index) const { return order_[index]; }

 private:
  // Keys are already well-mixed hashes: the low bits index the table.
  struct Slot {
    uint64_t key = 0;
    int64_t val = -1;  // -1 = empty
  };
  void rehash(size_t cap) {
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (size_t idx = 0; idx < order_.size(); ++idx) {
      uint64_t i = order_[idx] & mask_;
      while (slots_[i].val >= 0) i = (i + 1) & mask_;
      slots_[i] = Slot{order_[idx], static_cast<int64_t>(idx)};
    }
  }
  std::vector<Slot> slots_;
  std::vector<uint64_t> order_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

// Averaged multi-class perceptron with sparse per-feature class weights.
// avg = w - u / c, where u accumulates c * delta (Daume's trick).
class Perceptron {
 public:
  struct Entry {
    uint32_t cls;
    int32_t w;
    int64_t u;
  };

  // Adds the current weights of keys[0..nk) (nk <= kNumFeatures) to scores.
  // Three passes with prefetches so the cache misses overlap.
  void score(const uint64_t* keys, int nk, int32_t* scores) const {
    const std::vector<Entry>* rows[kNumFeatures];
    int nr = 0;
    for (int f = 0; f < nk; ++f) index_.prefetch(keys[f]);
    for (int f = 0; f < nk; ++f) {
      int64_t i = index_.find(keys[f]);
      if (i < 0) continue;
      rows[nr] = &rows_[i];
      __builtin_prefetch(rows[nr]);
      ++nr;
    }
    for (int r = 0; r < nr; ++r) __builtin_prefetch(rows[r]->data());
    for (int r = 0; r < nr; ++r)
      for (const Entry& e : *rows[r]) scores[e.cls] += e.w;
  }
  void update(const uint64_t* keys, int nk, uint32_t cls, int delta) {
    for (int f = 0; f < nk; ++f) {
      int64_t i = index_.insert(keys[f]);
      if (static_cast<size_t>(i) == rows_.size()) rows_.emplace_back();
      auto& row = rows_[i];
      Entry* e = nullptr;
      for (Entry& x : row)
        if (x.cls == cls) e = &x;
      if (!e) {
        row.push_back(Entry{cls, 0, 0});
        e = &row.back();
      }
      e->w += delta;
      e->u += static_cast<int64_t>(c_) * delta;
    }
  }
  void tick() { ++c_; }
  size_t num_features() const { return rows_.size(); }

  // Averaged weights, quantised to int16 with one scale (max |avg| -> 32000);
  // |avg| < prune * max |avg| dropped.
  std::vector<Weights::Feature> averaged(double prune, float& scale, size_t& entries) const {
    double maxabs = 0;
    for (const auto& row : rows_)
      for (const Entry& e : row) maxabs = std::max(maxabs, std::fabs(avg(e)));
    scale = maxabs > 0 ? static_cast<float>(maxabs / 32000.0) : 1.0f;
    std::vector<Weights::Feature> out;
    entries = 0;
    for (size_t i = 0; i < rows_.size(); ++i) {
      Weights::Feature f;
      f.key = index_.key_of(i);
      for (const Entry& e : rows_[i]) {
        double a = avg(e);
        if (std::fabs(a) < prune * maxabs) continue;
        long q = std::lround(a / scale);
        if (q == 0) continue;
        f.classes.emplace_back(static_cast<uint16_t>(e.cls), static_cast<int16_t>(q));
      }
      if (f.classes.empty()) continue;
      std::sort(f.classes.begin(), f.classes.end());
      entries += f.classes.size();
      out.push_back(std::move(f));
    }
    return out;
  }

 private:
  double avg(const Entry& e) const {
    return e.w - static_cast<double>(e.u) / static_cast<double>(c_);
  }
  FeatureIndex index_;
  std::vector<std::vector<Entry>> rows_;
  uint64_t c_ = 1;
};

// Dynamic-oracle bookkeeping for one sentence (gold heads with ROOT = n).
struct Oracle {
  const std::vector<int>* gh = nullptr;
  const std::vector<int>* gl = nullptr;
  std::vector<uint8_t> in_stack;
  std::vector<int> stack_deps;   // stack items whose gold head is x
  std::vector<int> buffer_deps;  // buffer words whose gold head is x

  void init(const Sample& s) {
    gh = &s.gold_head;
    gl = &s.gold_label;
    const int n = static_cast<int>(s.gold_head.size());
    in_stack.assign(n + 1, 0);
    stack_deps.assign(n + 1, 0);
    buffer_deps.assign(n + 1, 0);
    for (int d = 0; d < n; ++d) ++buffer_deps[s.gold_head[d]];
  }
  // Call before State::apply(c).
  void apply(const State& st, int c) {
    if (c == 0) {
      int b = st.b;
      in_stack[b] = 1;
      ++stack_deps[(*gh)[b]];
      --buffer_deps[(*gh)[b]];
    } else {
      int s0 = st.stack.back();
      in_stack[s0] = 0;
      --stack_deps[(*gh)[s0]];
    }
  }
  // Unlabelled costs of SH, LA, RA in state st (only meaningful when valid).
  void costs(const State& st, int& sh, int& la, int& ra, int& la_gold_label,
             int& ra_gold_label) const {
    const int b = st.b;
    const int ns = static_cast<int>(st.stack.size());
    const int s0 = ns > 0 ? st.stack[ns - 1] : -1;
    const int s1 = ns > 1 ? st.stack[ns - 2] : -1;
    sh = la = ra = 0;
    la_gold_label = ra_gold_label = -1;
    if (b < st.n) {
      int h = (*gh)[b];
      sh = ((h != s0 && h < st.n && in_stack[h]) ? 1 : 0) + stack_deps[b];
    }
    if (s0 >= 0) {
      int h = (*gh)[s0];
      la = ((h != b && (h == s1 || h >= b)) ? 1 : 0) + buffer_deps[s0];
      if (h == b) la_gold_label = (*gl)[s0];
      ra = ((h != s1 && h >= b) ? 1 : 0) + buffer_deps[s0];
      if (h == s1) ra_gold_label = (*gl)[s0];
    }
  }
};

std::vector<ConlluSentence> read_all(const std::vector<std::string>& files) {
  std::vector<ConlluSentence> out;
  for (const auto& f : files) {
    auto v = read_conllu(f);
    for (auto& s : v) out.push_back(std::move(s));
  }
  return out;
}

// Writes sentences as CoNLL-U with the tags of words (same shapes).
void write_tagged(const std::string& path, const std::vector<ConlluSentence>& sents,
                  const std::vector<std::vector<Token>>& words, const std::vector<size_t>& which) {
  std::ofstream out(path, std::ios::binary);
  auto field = [](const std::string& s) { return s.empty() ? std::string("_") : s; };
  for (size_t i : which) {
    const auto& s = sents[i];
    for (size_t j = 0; j < s.words.size(); ++j) {
      const ConlluWord& w = s.words[j];
      out << j + 1 << '\t' << w.form << '\t' << field(w.lemma) << '\t' << field(words[i][j].upos)
          << '\t' << field(words[i][j].xpos) << "\t_\t" << w.head << '\t' << field(w.deprel)
          << "\t_\t_\n";
    }
    out << '\n';
  }
  if (!out) throw Error("train_parser: cannot write '" + path + "'");
}

struct Timer {
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
};

// Fills the upos/xpos of words by jackknifing (see ParserTrainOptions), or
// from opts.tag_cache when it matches.
void jackknife_tags(const ParserTrainOptions& opts, const std::vector<ConlluSentence>& sents,
                    std::vector<std::vector<Token>>& words, std::ostream& log) {
  namespace fs = std::filesystem;
  if (!opts.tag_cache.empty() && fs::exists(opts.tag_cache)) {
    auto cached = read_conllu(opts.tag_cache);
    bool same = cached.size() == sents.size();
    for (size_t i = 0; same && i < sents.size(); ++i) {
      same = cached[i].words.size() == sents[i].words.size();
      for (size_t j = 0; same && j < sents[i].words.size(); ++j)
        same = cached[i].words[j].form == sents[i].words[j].form;
    }
    if (same) {
      for (size_t i = 0; i < sents.size(); ++i)
        for (size_t j = 0; j < sents[i].words.size(); ++j) {
          words[i][j].upos = cached[i].words[j].upos;
          words[i][j].xpos = cached[i].words[j].xpos;
        }
      log << "parser: jackknifed training tags read from " << opts.tag_cache << "\n";
      return;
    }
    log << "parser: " << opts.tag_cache << " holds other sentences; jackknifing again\n";
  }
  const int k = std::max(2, opts.jackknife_folds);
  fs::path dir = fs::temp_directory_path() /
                 ("newsgraph-parser-jackknife-" + std::to_string(opts.seed) + "-" +
                  std::to_string(std::hash<std::string>{}(opts.out) & 0xFFFFFF));
  fs::create_directories(dir);
  long right = 0, total_words = 0;
  for (int fold = 0; fold < k; ++fold) {
    Timer t;
    std::vector<size_t> rest, held;
    for (size_t i = 0; i < sents.size(); ++i)
      (static_cast<int>(i % k) == fold ? held : rest).push_back(i);
    const std::string train_path = (dir / "train.conllu").string();
    write_tagged(train_path, sents, words, rest);
    TaggerTrainOptions to;
    to.train_files = {train_path};
    to.dev_files = opts.dev_files;
    to.out = (dir / "tagger.bin").string();
    to.iterations = opts.jackknife_iterations;
    to.patience = 2;
    to.seed = opts.seed + static_cast<uint64_t>(fold);
    to.two_pass = false;
    std::ostringstream tlog;
    train_tagger(to, tlog);
    Tagger tagger(to.out);
    long fr = 0, fw = 0;
    for (size_t i : held) {
      if (words[i].empty()) continue;
      retag_sentence(tagger, words[i]);
      for (size_t j = 0; j < words[i].size(); ++j) {
        ++fw;
        fr += words[i][j].xpos == sents[i].words[j].xpos;
      }
    }
    right += fr;
    total_words += fw;
    log << "parser: jackknife fold " << fold + 1 << "/" << k << ": held-out XPOS "
        << 100.0 * fr / std::max(1L, fw) << "% (" << t.seconds() << " s)\n" << std::flush;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  log << "parser: jackknifed training XPOS accuracy " << 100.0 * right / std::max(1L, total_words)
      << "%\n";
  if (!opts.tag_cache.empty()) {
    std::vector<size_t> all(sents.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    write_tagged(opts.tag_cache, sents, words, all);
  }
}

}  // namespace

void train_parser(const ParserTrainOptions& opts, std::ostream& log) {
  if (opts.train_files.empty()) throw Error("train_parser: no training files given");
  if (opts.out.empty()) throw Error("train_parser: no output model path given");
  Timer total;
  log << std::fixed << std::setprecision(2);

  // Read data (and retag when asked).
  std::vector<ConlluSentence> train_conllu = read_all(opts.train_files);
  std::vector<std::vector<ConlluSentence>> dev_sets;
  for (const auto& f : opts.dev_files) dev_sets.push_back(read_conllu(f));
  std::vector<std::vector<Token>> train_words;
  train_words.reserve(train_conllu.size());
  for (const auto& s : train_conllu) train_words.push_back(tokens_from_conllu(s));
  log << "parser: read " << train_conllu.size() << " training sentences in " << total.seconds()
      << " s\n";
  if (opts.jackknife_folds > 0) {
    jackknife_tags(opts, train_conllu, train_words, log);
  } else if (opts.tagger) {
    for (auto& w : train_words)
      if (!w.empty()) retag_sentence(*opts.tagger, w);
    log << "parser: training sentences retagged with the given tagger\n";
  }

  // Vocabularies.
  Vocab vocab;
  {
    std::set<std::string> labels, xpos, upos;
    std::map<std::string, int> counts;
    for (const auto& s : train_conllu)
      for (const auto& w : s.words)
        if (w.deprel != "root") labels.insert(w.deprel);
    for (const auto& ws : train_words)
      for (const auto& w : ws) {
        xpos.insert(w.xpos);
        upos.insert(w.upos);
        ++counts[normalize_word(w.form)];
      }
    vocab.labels.push_back("root");
    for (const auto& l : labels) vocab.labels.push_back(l);
    if (vocab.labels.size() > 64)
      throw Error("train_parser: " + std::to_string(vocab.labels.size()) +
                  " dependency labels in the training data; at most 64 are supported");
    for (size_t i = 0; i < vocab.labels.size(); ++i)
      vocab.label_ids[vocab.labels[i]] = static_cast<uint32_t>(i);
    uint32_t id = 1;
    for (const auto& t : xpos) vocab.xpos[t] = id++;
    id = 1;
    for (const auto& t : upos) vocab.upos[t] = id++;
    id = 1;
    for (const auto& [w, c] : counts)
      if (c >= opts.min_word_count) vocab.words[w] = id++;
  }
  log << "parser: " << vocab.labels.size() << " labels, " << vocab.xpos.size() << " xpos, "
      << vocab.upos.size() << " upos, " << vocab.words.size() << " words\n";
  const int L = vocab.num_labels();
  const int C = vocab.num_classes();

  // Samples (projectivised).
  std::vector<Sample> samples;
  int lifted = 0, nonproj = 0;
  long train_words_total = 0;
  for (size_t i = 0; i < train_conllu.size(); ++i) {
    const auto& s = train_conllu[i];
    const int n = static_cast<int>(s.words.size());
    if (n == 0) continue;
    Sample sm;
    sm.words = std::move(train_words[i]);
    sm.gold_head.resize(n);
    sm.gold_label.resize(n);
    int roots = 0;
    for (int d = 0; d < n; ++d) {
      int h = s.words[d].head;
      sm.gold_head[d] = h == 0 ? n : h - 1;
      if (h == 0) ++roots;
      auto it = vocab.label_ids.find(s.words[d].deprel);
      sm.gold_label[d] = h == 0 ? 0 : (it == vocab.label_ids.end() ? 1 : it->second);
    }
    if (roots != 1) continue;  // not a single-rooted tree: skip
    int k = projectivize(sm.gold_head);
    if (k) {
      ++nonproj;
      lifted += k;
    }
    compute_atoms(vocab, sm.words.data(), n, sm.atoms);
    train_words_total += n;
    samples.push_back(std::move(sm));
  }
  log << "parser: " << samples.size() << " sentences (" << train_words_total << " words), "
      << nonproj << " non-projective (" << lifted << " arcs lifted)\n";

  // Dev data as token vectors (retagged when asked).
  std::vector<std::vector<std::vector<Token>>> dev_words(dev_sets.size());
  for (size_t d = 0; d < dev_sets.size(); ++d)
    for (const auto& s : dev_sets[d]) {
      dev_words[d].push_back(tokens_from_conllu(s));
      if (opts.tagger && !dev_words[d].back().empty())
        retag_sentence(*opts.tagger, dev_words[d].back());
    }

  Perceptron model;
  Rng rng(opts.seed);
  std::vector<size_t> order(samples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int32_t> scores(C);
  std::vector<int> cost(C);
  uint64_t keys[kNumFeatures];
  State st;
  Oracle oracle;
  double best_las = -1;
  int best_iter = 0;

  for (int it = 1; it <= opts.iterations; ++it) {
    Timer t;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    long transitions = 0, errors = 0;
    const bool explore = it > opts.explore_after;
    for (size_t oi : order) {
      const Sample& sm = samples[oi];
      const int n = static_cast<int>(sm.words.size());
      st.init(n);
      oracle.init(sm);
      while (!st.terminal()) {
        extract_features(st, sm.atoms.data(), keys);
        std::fill(scores.begin(), scores.end(), 0);
        model.score(keys, kNumFeatures, scores.data());
        int csh, cla, cra, gla, gra;
        oracle.costs(st, csh, cla, cra, gla, gra);
        // Labelled cost of every valid class; invalid = large.
        std::fill(cost.begin(), cost.end(), 1 << 20);
        if (st.can_shift()) cost[0] = csh;
        if (st.can_left()) {
          if (st.b == st.n) {
            cost[1] = cla;
          } else {
            for (int l = 1; l < L; ++l) cost[1 + l] = cla + (gla >= 0 && gla != l ? 1 : 0);
          }
        }
        if (st.can_right())
          for (int l = 1; l < L; ++l) cost[1 + L + l] = cra + (gra >= 0 && gra != l ? 1 : 0);
        int pred = best_valid(st, scores.data(), L);
        int min_cost = *std::min_element(cost.begin(), cost.end());
        int gold = -1;
        for (int c = 0; c < C; ++c)
          if (cost[c] == min_cost && (gold < 0 || scores[c] > scores[gold])) gold = c;
        int next = gold;
        if (cost[pred] > min_cost) {
          ++errors;
          model.update(keys, kNumFeatures, static_cast<uint32_t>(gold), +1);
          model.update(keys, kNumFeatures, static_cast<uint32_t>(pred), -1);
          if (explore && rng.uniform() < opts.explore_prob) next = pred;
        } else {
          next = pred;
        }
        model.tick();
        ++transitions;
        oracle.apply(st, next);
        st.apply(next, L);
      }
    }
    // Evaluate the averaged weights on the dev sets.
    ParserModelData avg;
    avg.vocab = vocab;
    size_t entries = 0;
    auto feats = model.averaged(opts.prune, avg.weights.scale, entries);
    avg.weights.build(feats, C);
    log << "iter " << it << ": train err " << (100.0 * errors / std::max(1L, transitions))
        << "%, " << model.num_features() << " features (" << feats.size() << " kept, "
        << entries << " weights), " << t.seconds() << " s";
    double select_las = 0;
    for (size_t d = 0; d < dev_sets.size(); ++d) {
      AttachmentScore sc;
      Timer pt;
      for (size_t si = 0; si < dev_sets[d].size(); ++si) {
        auto words = dev_words[d][si];
        if (words.empty()) continue;
        greedy_parse(avg, words.data(), static_cast<int>(words.size()), 0);
        for (size_t w = 0; w < words.size(); ++w) {
          const ConlluWord& g = dev_sets[d][si].words[w];
          ++sc.words;
          if (words[w].head == g.head - 1) {
            ++sc.head_correct;
            std::string_view a = words[w].deprel, b = g.deprel;
            if (a.substr(0, a.find(':')) == b.substr(0, b.find(':'))) ++sc.label_correct;
          }
        }
      }
      if (d == 0) select_las = sc.las();
      log << "; dev" << d << " UAS " << sc.uas() << " LAS " << sc.las() << " ("
          << static_cast<long>(sc.words / std::max(1e-9, pt.seconds())) << " w/s)";
    }
    if (dev_sets.empty()) select_las = it;  // no dev data: keep the last iteration
    if (select_las > best_las) {
      best_las = select_las;
      best_iter = it;
      save_model(vocab, avg.weights.scale, feats, opts.out);
      log << " *saved*";
    }
    log << "\n" << std::flush;
  }
  log << "parser: best iteration " << best_iter << " (dev0 LAS " << best_las << "), saved to "
      << opts.out << "; total " << total.seconds() << " s\n";
}

}  // namespace ng
