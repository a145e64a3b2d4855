// Tagger training: see tagger_train.h. The trainer uses the same feature
// extractor and greedy decoder as the runtime tagger (syntax/tagger.h), keys
// its weights by the same 32-bit fingerprints, and evaluates the dev sets with
// the quantized tables it saves, so the reported dev scores are the scores of
// the saved file.
#include "train/tagger_train.h"

#include <chrono>
#include <cmath>
#include <map>
#include <ostream>
#include <unordered_map>

#include "core/data_path.h"
#include "core/error.h"
#include "io/conllu.h"
#include "syntax/tagger.h"

namespace ng {

namespace {

using tagger_internal::WeightTable;
using tagger_internal::WordInfo;

struct TrainSentence {
  std::vector<std::string_view> forms;  // views into the ConlluSentence
  std::vector<WordInfo> words;
  std::vector<int> gold;                // tag pair id; -1 = pair unseen in training
  std::vector<int> first;               // pass-1 tags (jackknifed on train)
  std::vector<int> gold_upos, gold_xpos;  // for dev scoring: ids into upos/xpos names
};

// Averaged perceptron with lazy averaging, weights keyed by feature fingerprint.
class Perceptron {
 public:
  explicit Perceptron(int classes) : classes_(classes) { index_.reserve(1 << 21); }

  void score(const uint64_t* f, int n, float* scores) const {
    for (int k = 0; k < n; ++k) {
      auto it = index_.find(tagger_internal::fingerprint(f[k]));
      if (it == index_.end()) continue;
      for (const Weight& w : feats_[it->second]) scores[w.cls] += w.w;
    }
  }

  void update(const uint64_t* f, int n, int gold, int pred) {
    for (int k = 0; k < n; ++k) {
      auto [it, inserted] =
          index_.try_emplace(tagger_internal::fingerprint(f[k]), static_cast<uint32_t>(feats_.size()));
      if (inserted) feats_.emplace_back();
      auto& list = feats_[it->second];
      if (gold >= 0) bump(list, gold, 1.0f);
      bump(list, pred, -1.0f);
    }
  }
  void tick() { ++now_; }

  // Averaged weights, quantized to int16; entries that round to 0 are dropped.
  WeightTable average() const {
    double max_abs = 0;
    std::vector<std::vector<std::pair<uint16_t, double>>> avg(feats_.size());
    for (size_t i = 0; i < feats_.size(); ++i)
      for (const Weight& w : feats_[i]) {
        double a = (w.total + w.w * static_cast<double>(now_ - w.stamp)) /
                   static_cast<double>(std::max<int64_t>(now_, 1));
        avg[i].emplace_back(w.cls, a);
        max_abs = std::max(max_abs, std::fabs(a));
      }
    WeightTable t;
    t.classes = classes_;
    t.scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
    std::vector<std::pair<uint32_t, std::vector<WeightTable::Entry>>> list;
    for (const auto& [fp, i] : index_) {
      std::vector<WeightTable::Entry> entries;
      for (const auto& [cls, a] : avg[i]) {
        long q = std::lround(a / t.scale);
        if (q != 0) entries.push_back({cls, static_cast<int16_t>(q)});
      }
      if (!entries.empty()) list.emplace_back(fp, std::move(entries));
    }
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    t.build(list);
    return t;
  }

 private:
  struct Weight {
    uint16_t cls;
    float w;
    double total;    // sum of w over past ticks up to stamp
    int64_t stamp;   // tick of the last change
  };
  void bump(std::vector<Weight>& list, int cls, float delta) {
    for (Weight& w : list)
      if (w.cls == cls) {
        w.total += w.w * static_cast<double>(now_ - w.stamp);
        w.stamp = now_;
        w.w += delta;
        return;
      }
    list.push_back({static_cast<uint16_t>(cls), delta, 0.0, now_});
  }

  int classes_;
  int64_t now_ = 0;
  std::unordered_map<uint32_t, uint32_t> index_;
  std::vector<std::vector<Weight>> feats_;
};

// Deterministic Fisher-Yates shuffle (std::shuffle's result is library-defined).
void shuffle(std::vector<size_t>& v, uint64_t& state) {
  for (size_t i = v.size(); i > 1; --i) {
    state = tagger_internal::mix64(state + 0x9e3779b97f4a7c15ULL);
    std::swap(v[i - 1], v[state % i]);
  }
}

struct Accuracy {
  long words = 0, upos = 0, xpos = 0;
  double upos_pct() const { return words ? 100.0 * upos / words : 0; }
  double xpos_pct() const { return words ? 100.0 * xpos / words : 0; }
  double mean() const { return (upos_pct() + xpos_pct()) / 2; }
};

class TrainerImpl {
 public:
  TrainerImpl(const TaggerTrainOptions& opts, std::ostream& log) : opts_(opts), log_(log) {}

  TaggerTrainResult run() {
    auto start = std::chrono::steady_clock::now();
    load();
    tagger_internal::Model model;
    model.upos = upos_;
    model.xpos = xpos_;
    model.lexicon = lexicon_;
    const WordClusters clusters = WordClusters::load(
        opts_.clusters.empty() ? data_path("models/clusters.bin").string() : opts_.clusters);
    for (auto& s : train_) tagger_internal::word_infos(s.forms, lexicon_, clusters, s.words);
    for (auto& dev : dev_)
      for (auto& s : dev.second)
        tagger_internal::word_infos(s.forms, lexicon_, clusters, s.words);

    log_ << "tagger: pass 1\n";
    int best_epochs = 0;
    model.pass1 = train_pass(false, all_indices(), true, &best_epochs);
    if (opts_.two_pass) {
      log_ << "tagger: jackknifing pass-1 tags (" << opts_.folds << " folds, " << best_epochs
           << " passes each)\n";
      jackknife(best_epochs);
      for (auto& dev : dev_)
        for (auto& s : dev.second) decode_with(model.pass1, s, nullptr, s.first);
      log_ << "tagger: pass 2\n";
      model.pass2 = train_pass(true, all_indices(), true, nullptr);
    }
    TaggerTrainResult result;
    Accuracy total;
    for (auto& dev : dev_) {
      Accuracy a = evaluate(model, dev.second);
      log_ << "tagger: final dev " << dev.first << ": UPOS " << fixed2(a.upos_pct()) << " XPOS "
           << fixed2(a.xpos_pct()) << '\n';
      total.words += a.words;
      total.upos += a.upos;
      total.xpos += a.xpos;
    }
    result.dev_upos = total.upos_pct();
    result.dev_xpos = total.xpos_pct();
    result.features = model.pass1.features() + model.pass2.features();
    tagger_internal::save_model(model, opts_.out);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    log_ << "tagger: saved " << opts_.out << " (" << result.features << " features, "
         << fixed2(secs) << " s)\n";
    return result;
  }

 private:
  static std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
  }

  void load() {
    std::map<std::string, int> pair_ids;
    std::map<uint32_t, std::map<int, long>> word_tags;  // lexicon key -> tag counts
    for (const auto& path : opts_.train_files) {
      for (auto& s : read_conllu(path)) train_raw_.push_back(std::move(s));
    }
    if (train_raw_.empty()) throw Error("tagger training: no sentences in the training files");
    // Tag pairs, in a deterministic order (sorted by name).
    for (const auto& s : train_raw_)
      for (const auto& w : s.words) pair_ids.emplace(w.upos + '\t' + w.xpos, 0);
    for (auto& [name, id] : pair_ids) {
      id = static_cast<int>(upos_.size());
      size_t tab = name.find('\t');
      upos_.push_back(name.substr(0, tab));
      xpos_.push_back(name.substr(tab + 1));
    }
    if (upos_.size() > 255) throw Error("tagger training: more than 255 (UPOS, XPOS) pairs");
    for (const auto& s : train_raw_) train_.push_back(make_sentence(s, pair_ids, &word_tags));
    for (const auto& path : opts_.dev_files) {
      dev_raw_.push_back(read_conllu(path));
      std::vector<TrainSentence> dev;
      for (const auto& s : dev_raw_.back()) dev.push_back(make_sentence(s, pair_ids, nullptr));
      dev_.emplace_back(path.substr(path.find_last_of('/') + 1), std::move(dev));
    }
    // Lexicon: ambiguity class = the set of tags with a share >= min_share.
    std::map<std::vector<int>, uint32_t> classes;
    std::vector<std::pair<uint32_t, uint32_t>> entries;
    for (const auto& [word, counts] : word_tags) {
      long total = 0;
      for (const auto& [t, c] : counts) total += c;
      if (total < opts_.lexicon_min_count) continue;
      std::vector<int> set;
      for (const auto& [t, c] : counts)
        if (c >= opts_.lexicon_min_share * static_cast<double>(total)) set.push_back(t);
      auto [it, inserted] = classes.emplace(set, static_cast<uint32_t>(classes.size() + 1));
      entries.emplace_back(word, it->second);
    }
    lexicon_.build(entries);
    size_t words = 0;
    for (const auto& s : train_) words += s.gold.size();
    log_ << "tagger: " << train_.size() << " training sentences, " << words << " words, "
         << upos_.size() << " tag pairs, lexicon " << entries.size() << " words in "
         << classes.size() << " ambiguity classes\n";
  }

  TrainSentence make_sentence(const ConlluSentence& s, const std::map<std::string, int>& ids,
                              std::map<uint32_t, std::map<int, long>>* word_tags) {
    TrainSentence t;
    for (const auto& w : s.words) {
      t.forms.emplace_back(w.form);
      auto it = ids.find(w.upos + '\t' + w.xpos);
      t.gold.push_back(it == ids.end() ? -1 : it->second);
      t.gold_upos.push_back(index_of(upos_, w.upos));
      t.gold_xpos.push_back(index_of(xpos_, w.xpos));
      if (word_tags) (*word_tags)[tagger_internal::lexicon_key(w.form)][t.gold.back()]++;
    }
    return t;
  }

  // First index of name in names (a tag name that is not in the list: -1).
  static int index_of(const std::vector<std::string>& names, const std::string& name) {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return static_cast<int>(i);
    return -1;
  }

  std::vector<size_t> all_indices() const {
    std::vector<size_t> v(train_.size());
    for (size_t i = 0; i < v.size(); ++i) v[i] = i;
    return v;
  }

  void decode_with(const WeightTable& t, const TrainSentence& s, const int* first,
                   std::vector<int>& out) const {
    thread_local std::vector<int32_t> scratch;
    auto score = [&](const uint64_t* f, int n, int32_t* sc) { t.score(f, n, sc); };
    tagger_internal::decode(s.words, first, static_cast<int>(upos_.size()), score, scratch, out);
  }

  Accuracy score_tags(const std::vector<TrainSentence>& dev, const WeightTable& t,
                      bool pass2) const {
    Accuracy a;
    std::vector<int> out;
    for (const auto& s : dev) {
      decode_with(t, s, pass2 ? s.first.data() : nullptr, out);
      add(a, s, out);
    }
    return a;
  }

  void add(Accuracy& a, const TrainSentence& s, const std::vector<int>& out) const {
    for (size_t i = 0; i < out.size(); ++i) {
      ++a.words;
      // Compare names: several pairs share a UPOS or an XPOS.
      if (s.gold_upos[i] >= 0 && upos_[out[i]] == upos_[s.gold_upos[i]]) ++a.upos;
      if (s.gold_xpos[i] >= 0 && xpos_[out[i]] == xpos_[s.gold_xpos[i]]) ++a.xpos;
    }
  }

  Accuracy evaluate(const tagger_internal::Model& m, const std::vector<TrainSentence>& dev) const {
    Accuracy a;
    std::vector<int> first, out;
    for (const auto& s : dev) {
      decode_with(m.pass1, s, nullptr, first);
      if (m.pass2.classes) {
        decode_with(m.pass2, s, first.data(), out);
        add(a, s, out);
      } else {
        add(a, s, first);
      }
    }
    return a;
  }

  // One epoch of perceptron training over the sentences in `order`.
  void epoch(Perceptron& p, const std::vector<size_t>& order, bool pass2) {
    std::vector<int> pred;
    std::vector<float> scratch(upos_.size());
    uint64_t f[tagger_internal::kMaxFeatures];
    for (size_t idx : order) {
      const TrainSentence& s = train_[idx];
      const int n = static_cast<int>(s.words.size());
      pred.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        int nf = tagger_internal::features(s.words, i, i > 0 ? pred[i - 1] : -1,
                                   i > 1 ? pred[i - 2] : -1, pass2 ? s.first.data() : nullptr, f);
        std::fill(scratch.begin(), scratch.end(), 0.0f);
        p.score(f, nf, scratch.data());
        int best = 0;
        for (size_t c = 1; c < scratch.size(); ++c)
          if (scratch[c] > scratch[best]) best = static_cast<int>(c);
        p.tick();
        if (best != s.gold[i]) p.update(f, nf, s.gold[i], best);
        pred[i] = best;  // predicted history, as at run time
      }
    }
  }

  // Trains one pass with model selection on dev when select is true; with
  // select false it runs exactly *epochs passes (jackknife folds).
  WeightTable train_pass(bool pass2, std::vector<size_t> order, bool select, int* epochs) {
    Perceptron p(static_cast<int>(upos_.size()));
    uint64_t rng = opts_.seed * 0x2545F4914F6CDD1DULL + (pass2 ? 7 : 3);
    WeightTable best;
    double best_score = -1;
    int best_it = 0, since = 0;
    const int max_it = select ? opts_.iterations : *epochs;
    for (int it = 1; it <= max_it; ++it) {
      auto t0 = std::chrono::steady_clock::now();
      shuffle(order, rng);
      epoch(p, order, pass2);
      if (!select) continue;
      WeightTable t = p.average();
      Accuracy total;
      std::string detail;
      for (const auto& dev : dev_) {
        Accuracy a = score_tags(dev.second, t, pass2);
        total.words += a.words;
        total.upos += a.upos;
        total.xpos += a.xpos;
        detail += "  " + dev.first + " UPOS " + fixed2(a.upos_pct()) + " XPOS " +
                  fixed2(a.xpos_pct());
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      log_ << "  pass " << (pass2 ? 2 : 1) << " iteration " << it << ":" << detail << "  ("
           << t.features() << " features, " << fixed2(secs) << " s)\n";
      log_.flush();
      double score = total.mean();
      if (score > best_score) {
        best_score = score;
        best = std::move(t);
        best_it = it;
        since = 0;
      } else if (++since >= opts_.patience) {
        break;
      }
    }
    if (!select) return p.average();
    if (epochs) *epochs = best_it;
    log_ << "  pass " << (pass2 ? 2 : 1) << ": best iteration " << best_it << '\n';
    return best;
  }

  void jackknife(int epochs) {
    const int k = std::max(2, opts_.folds);
    for (int fold = 0; fold < k; ++fold) {
      std::vector<size_t> order, held;
      for (size_t i = 0; i < train_.size(); ++i) (static_cast<int>(i % k) == fold ? held : order).push_back(i);
      WeightTable t = train_pass(false, order, false, &epochs);
      for (size_t i : held) decode_with(t, train_[i], nullptr, train_[i].first);
      long words = 0, right = 0;
      for (size_t i : held)
        for (size_t j = 0; j < train_[i].gold.size(); ++j) {
          ++words;
          right += train_[i].first[j] == train_[i].gold[j];
        }
      log_ << "  fold " << fold + 1 << "/" << k << ": held-out pair accuracy "
           << fixed2(words ? 100.0 * right / words : 0) << '\n';
      log_.flush();
    }
  }

  const TaggerTrainOptions& opts_;
  std::ostream& log_;
  std::vector<ConlluSentence> train_raw_;
  std::vector<std::vector<ConlluSentence>> dev_raw_;
  std::vector<TrainSentence> train_;
  std::vector<std::pair<std::string, std::vector<TrainSentence>>> dev_;
  std::vector<std::string> upos_, xpos_;
  tagger_internal::Lexicon lexicon_;
};

}  // namespace

TaggerTrainResult train_tagger(const TaggerTrainOptions& opts, std::ostream& log) {
  if (opts.train_files.empty()) throw Error("tagger training: no training files given");
  if (opts.out.empty()) throw Error("tagger training: no output path given");
  TrainerImpl impl(opts, log);
  return impl.run();
}

}  // namespace ng
