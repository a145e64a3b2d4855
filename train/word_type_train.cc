// Word-type prior by logistic regression over word vectors (see
// word_type_train.h). Deterministic: the example order comes from a
// generator of our own seeding (mt19937_64, no std distributions) and every
// sum runs in a fixed order.
#include "train/word_type_train.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <random>

#include "core/data_path.h"
#include "core/error.h"
#include "core/utf8.h"
#include "entities/gazetteer.h"
#include "lexicon/word_clusters.h"
#include "lexicon/word_types.h"
#include "train/cluster_train.h"

namespace ng {

namespace {

constexpr int kClasses = 4;  // WordType::Kind: none, person, organisation, place
using Dist = std::array<double, kClasses>;

bool upper_initial(const std::string& w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}
bool lower_word(const std::string& w) {
  for (unsigned char c : w)
    if (!std::islower(c)) return false;
  return !w.empty();
}

// Evidence per class of each word key (see the header).
std::map<std::string, Dist> evidence(const WordTypeTrainOptions& o, std::ostream& log) {
  std::map<std::string, Dist> ev;
  auto add = [&](const std::string& form, int cls, double w) {
    ev.try_emplace(to_lower(fold_accents(form)), Dist{}).first->second[cls] += w;
  };
  for (const GoldSentence& s : read_ner_training(o.data, log)) {
    std::vector<char> in_name(s.forms.size(), 0);
    for (const auto& sp : s.names) {
      for (int i = sp.first; i < sp.last; ++i) in_name[i] = 1;
      const int cls = sp.type == ner_internal::kPer     ? WordType::Person
                      : sp.type == ner_internal::kOrg   ? WordType::Org
                      : sp.type == ner_internal::kPlace ? WordType::Place
                                                        : -1;
      if (cls < 0) continue;
      for (int i = sp.first; i < sp.last; ++i)
        if (upper_initial(s.forms[i]))
          add(s.forms[i], cls, sp.last - sp.first == 1 ? 2.0 : i + 1 == sp.last ? 1.0 : 0.5);
    }
    for (size_t i = 0; i < s.forms.size(); ++i) {
      if (in_name[i]) continue;
      if (lower_word(s.forms[i])) add(s.forms[i], WordType::None, 1.0);
      else if (i > 0 && upper_initial(s.forms[i])) add(s.forms[i], WordType::None, 0.5);
    }
  }
  const Gazetteer g =
      Gazetteer::load(o.data.lexicon_dir.empty() ? data_path("lexicon") : o.data.lexicon_dir);
  auto one_word = [](const std::string& k) { return k.find(' ') == std::string::npos; };
  for (const auto& [k, v] : g.given_names) add(k, WordType::Person, 1.0);
  for (const auto& [k, v] : g.geo_cities)
    if (one_word(k)) add(k, WordType::Place, 1.0);
  for (const auto& [k, v] : g.places)
    if (one_word(k)) add(k, WordType::Place, 1.0);
  return ev;
}

struct Example {
  uint32_t row;   // the word's row in the vectors
  Dist target;    // class-reweighted evidence, normalised before reweighting
  double weight;  // sum of the reweighted target times log(1 + evidence)
  int gold;       // argmax of the evidence
};

// Scales each dimension to mean 0 and variance 1/dim over the vocabulary
// (a row then has length about 1), which SGD needs to converge evenly.
void standardise(WordVectors& v) {
  const size_t n = v.keys.size(), d = v.dim;
  std::vector<double> mean(d, 0.0), var(d, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < d; ++k) mean[k] += v.x[i * d + k];
  for (double& m : mean) m /= double(n);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < d; ++k) var[k] += (v.x[i * d + k] - mean[k]) * (v.x[i * d + k] - mean[k]);
  for (size_t k = 0; k < d; ++k) {
    const double sd = std::sqrt(var[k] / double(n) * double(d));
    for (size_t i = 0; i < n; ++i)
      v.x[i * d + k] = static_cast<float>((v.x[i * d + k] - mean[k]) / (sd > 0 ? sd : 1.0));
  }
}

// Multinomial logistic regression: w[c * (dim + 1) + k], the bias last.
struct Model {
  size_t dim = 0;
  std::vector<double> w;

  Dist predict(const float* x) const {
    Dist z{};
    double mx = -1e300;
    for (int c = 0; c < kClasses; ++c) {
      const double* wc = &w[c * (dim + 1)];
      double s = wc[dim];
      for (size_t k = 0; k < dim; ++k) s += wc[k] * x[k] * 10.0;
      z[c] = s;
      mx = std::max(mx, s);
    }
    double sum = 0;
    for (double& v : z) sum += v = std::exp(v - mx);
    for (double& v : z) v /= sum;
    return z;
  }
};

// SGD on the cross-entropy of the (weighted, soft) targets, L2-regularised;
// the model returned is the average of the weights after every step.
Model train(const WordVectors& v, const std::vector<Example>& ex, const std::vector<uint32_t>& use,
            const WordTypeTrainOptions& o) {
  Model m{v.dim, std::vector<double>(kClasses * (v.dim + 1), 0.0)};
  std::vector<double> sum(m.w.size(), 0.0);
  std::vector<uint32_t> order = use;
  std::mt19937_64 rng(o.seed);
  const double l2 = 1e-6;
  size_t steps = 0;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double rate = 0.01 / (1.0 + 0.1 * epoch);
    for (uint32_t e : order) {
      const Example& x = ex[e];
      const float* row = &v.x[size_t(x.row) * v.dim];
      const Dist p = m.predict(row);
      for (int c = 0; c < kClasses; ++c) {
        const double g = x.weight * p[c] - x.target[c];  // d loss / d logit c
        double* wc = &m.w[c * (v.dim + 1)];
        for (size_t k = 0; k < v.dim; ++k) wc[k] -= rate * (g * row[k] * 10.0 + l2 * wc[k]);
        wc[v.dim] -= rate * g;
      }
      for (size_t k = 0; k < sum.size(); ++k) sum[k] += m.w[k];
      ++steps;
    }
  }
  for (size_t k = 0; k < sum.size(); ++k) m.w[k] = sum[k] / double(steps ? steps : 1);
  return m;
}

int argmax(const Dist& d) {
  return static_cast<int>(std::max_element(d.begin(), d.end()) - d.begin());
}

void cross_validate(const WordVectors& v, const std::vector<Example>& ex,
                    const WordTypeTrainOptions& o, std::ostream& log) {
  // [gold][predicted], all and with confidence >= 12/16
  std::array<std::array<size_t, kClasses>, kClasses> all{}, sure{};
  for (int f = 0; f < o.folds; ++f) {
    std::vector<uint32_t> train_set, test_set;
    for (uint32_t e = 0; e < ex.size(); ++e)
      (WordClusters::fingerprint(v.keys[ex[e].row]) % o.folds == uint32_t(f) ? test_set
                                                                               : train_set)
          .push_back(e);
    const Model m = train(v, ex, train_set, o);
    for (uint32_t e : test_set) {
      const Dist p = m.predict(&v.x[size_t(ex[e].row) * v.dim]);
      const int c = argmax(p);
      ++all[ex[e].gold][c];
      if (p[c] >= 0.75) ++sure[ex[e].gold][c];
    }
  }
  static const char* names[kClasses] = {"none", "person", "org", "place"};
  auto report = [&](const char* what, const decltype(all)& t) {
    log << "cross-validation (" << o.folds << " folds, " << what << "):\n";
    for (int c = 0; c < kClasses; ++c) {
      size_t pred = 0, gold = 0;
      for (int g = 0; g < kClasses; ++g) pred += t[g][c], gold += t[c][g];
      char buf[160];
      std::snprintf(buf, sizeof buf, "  %-6s P=%.3f (%zu/%zu) R=%.3f (of %zu)\n", names[c],
                    pred ? double(t[c][c]) / pred : 0.0, t[c][c], pred,
                    gold ? double(t[c][c]) / gold : 0.0, gold);
      log << buf;
    }
  };
  report("all words", all);
  report("confidence >= 0.75", sure);
}

}  // namespace

void train_word_types(const WordTypeTrainOptions& o, std::ostream& log) {
  WordVectors v = read_word_vectors(o.embeddings, o.words, log);
  if (v.keys.empty()) throw Error("train-word-types: no words read");
  standardise(v);
  const std::map<std::string, Dist> ev = evidence(o, log);
  std::vector<Example> ex;
  Dist mass{};
  for (uint32_t r = 0; r < v.keys.size(); ++r) {
    auto it = ev.find(v.keys[r]);
    if (it == ev.end()) continue;
    double total = 0;
    for (double d : it->second) total += d;
    Example e{r, {}, std::log1p(total), argmax(it->second)};
    for (int c = 0; c < kClasses; ++c) {
      e.target[c] = it->second[c] / total;
      mass[c] += e.weight * e.target[c];
    }
    ex.push_back(e);
  }
  double mean = 0;
  for (double m : mass) mean += m / kClasses;
  size_t per_class[kClasses] = {};
  for (Example& e : ex) {
    double w = 0;
    for (int c = 0; c < kClasses; ++c) {
      e.target[c] *= e.weight * (mass[c] > 0 ? std::sqrt(mean / mass[c]) : 1.0);
      w += e.target[c];
    }
    e.weight = w;
    ++per_class[e.gold];
  }
  log << ex.size() << " labelled words in the vocabulary (none " << per_class[0] << ", person "
      << per_class[1] << ", org " << per_class[2] << ", place " << per_class[3] << ")\n";
  if (ex.size() < 2) throw Error("train-word-types: fewer than 2 labelled words");
  if (o.folds > 1) cross_validate(v, ex, o, log);
  std::vector<uint32_t> all(ex.size());
  for (uint32_t e = 0; e < all.size(); ++e) all[e] = e;
  const Model m = train(v, ex, all, o);
  std::vector<std::pair<std::string, WordType>> table;  // frequency order
  size_t kinds[kClasses] = {};
  for (uint32_t r = 0; r < v.keys.size(); ++r) {
    const Dist p = m.predict(&v.x[size_t(r) * v.dim]);
    const int c = argmax(p);
    ++kinds[c];
    table.push_back({v.keys[r], {static_cast<uint8_t>(c),
                                 static_cast<uint8_t>(std::min(15, int(p[c] * 16))), true}});
  }
  const size_t dropped = WordTypes::save(o.output, table);
  log << "wrote " << o.output << ": " << table.size() - dropped << " words (none " << kinds[0]
      << ", person " << kinds[1] << ", org " << kinds[2] << ", place " << kinds[3] << "; "
      << dropped << " rarer words dropped: fingerprint shared with a more frequent one)\n";
  if (!o.dump.empty()) {
    std::ofstream d(o.dump);
    for (const auto& [w, t] : table)
      d << w << '\t' << WordTypes::letter(t.kind) << '\t' << int(t.confidence) << '\n';
    if (!d) throw Error("train-word-types: cannot write '" + o.dump + "'");
  }
}

}  // namespace ng
