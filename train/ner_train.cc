// Training of the NER model (see entities/ner.h): a structured averaged
// perceptron over BILOU labels, Viterbi-decoded, trained on
//  - GUM CoNLL-U with CorefUD Entity= annotations: names are the mentions of
//    type person / place / organization / event whose UD head is PROPN, cut
//    to the name itself (relative clauses, appositions and a leading article
//    or trailing possessive removed); nested names keep the outermost one;
//  - UNER IOB2 (PER/ORG/LOC), whose PER spans are widened over a preceding
//    capitalised title ("President X") to follow GUM's convention.
// Documents whose id starts with options.exclude_prefix are skipped.
// Deterministic: the sentence order of each epoch comes from a seeded
// generator of our own (not std::shuffle, whose algorithm is unspecified).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <ostream>
#include <random>
#include <unordered_map>

#include "core/data_path.h"
#include "core/error.h"
#include "core/utf8.h"
#include "io/conllu.h"
#include "entities/ner.h"
#include "train/ner_train.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace ng {

using namespace ner_internal;

namespace {

struct TrainSentence {
  std::vector<std::string> forms, upos, deprel, head_lemma, lemma;
  std::vector<uint8_t> space_after;
  std::vector<int> labels;  // gold BILOU labels
};

// A name: words [first, last) of a sentence, of SpanType type.
using Span = LabelSpan;

int gum_type(std::string_view t) {
  if (t == "person") return kPer;
  if (t == "place") return kPlace;
  if (t == "organization") return kOrg;
  if (t == "event") return kEvent;
  return -1;
}

// Parses the CorefUD Entity= brackets of one sentence into spans (word
// indices, end exclusive) with their GUM type names.
std::vector<std::pair<Span, std::string>> entity_spans(const ConlluSentence& s,
                                                       const std::string& where) {
  std::vector<std::pair<Span, std::string>> out;
  std::map<std::string, std::vector<std::pair<int, std::string>>> open;
  for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
    const std::string& misc = s.words[i].misc;
    size_t at = misc.find("Entity=");
    if (at == std::string::npos) continue;
    size_t end = misc.find('|', at);
    std::string v =
        misc.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
    size_t p = 0;
    while (p < v.size()) {
      if (v[p] == '(') {
        size_t j = p + 1;
        while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
        std::string body = v.substr(p + 1, j - p - 1);
        size_t d1 = body.find('-');
        std::string id = body.substr(0, d1);
        std::string type;
        if (d1 != std::string::npos) {
          size_t d2 = body.find('-', d1 + 1);
          type = body.substr(d1 + 1, d2 == std::string::npos ? std::string::npos : d2 - d1 - 1);
        }
        if (j < v.size() && v[j] == ')') {
          out.push_back({{i, i + 1, 0}, type});
          p = j + 1;
        } else {
          open[id].push_back({i, type});
          p = j;
        }
      } else {
        size_t j = p;
        while (j < v.size() && v[j] != ')') ++j;
        std::string id = v.substr(p, j - p);
        auto it = open.find(id);
        if (it == open.end() || it->second.empty())
          throw Error(where + ": closing bracket of entity " + id + " without an opening in '" + v +
                      "'");
        auto [first, type] = it->second.back();
        it->second.pop_back();
        out.push_back({{first, i + 1, 0}, type});
        p = j + 1;
      }
    }
  }
  return out;
}

// The UD head of words [first, last): the word whose head is outside the
// span and closest to the root (punctuation last, ties to nominals).
int span_head(const ConlluSentence& s, int first, int last) {
  int best = -1, best_depth = 1 << 30;
  for (int i = first; i < last; ++i) {
    int h = s.words[i].head - 1;
    if (h >= first && h < last) continue;
    int depth = 0;
    for (int x = i; s.words[x].head > 0 && depth < 100; x = s.words[x].head - 1) ++depth;
    const std::string& u = s.words[i].upos;
    if (u == "PUNCT") depth += 1000;
    bool nominal = u == "PROPN" || u == "NOUN" || u == "PRON" || u == "NUM";
    if (depth < best_depth || (depth == best_depth && nominal)) {
      best = i;
      best_depth = depth;
    }
  }
  return best;
}

bool in_subtree_kept(const std::string& deprel) {
  // Dependents that are part of a name: everything except clauses,
  // appositions, coordination and punctuation.
  static const char* drop[] = {"acl",   "acl:relcl", "appos", "conj", "cc",        "parataxis",
                               "advcl", "punct",     "dep",   "list", "discourse", "vocative"};
  for (const char* d : drop)
    if (deprel == d) return false;
  return true;
}

// Whether the nmod/obl dependent c of a name is part of it: "Bank of
// America" yes, "the museum in Paris" / "X on Monday" no.
bool modifier_in_name(const ConlluSentence& s, int c) {
  for (const auto& w : s.words)
    if (&w - &s.words[0] != c && w.head - 1 == c && w.deprel == "case") {
      static const char* outside[] = {"in",     "at", "on",     "from",  "near",
                                      "with",   "by", "during", "since", "after",
                                      "before", "to", "into",   "across"};
      for (const char* o : outside)
        if (to_lower(w.form) == o) return false;
    }
  return true;
}

// Cuts a GUM mention down to its name: head + name-internal dependents,
// contiguous around the head, without a leading determiner/possessive
// pronoun or a trailing possessive clitic.
Span trim_to_name(const ConlluSentence& s, int first, int last, int head) {
  std::vector<char> keep(s.words.size(), 0);
  keep[head] = 1;
  bool changed = true;
  while (changed) {
    changed = false;
    for (int i = first; i < last; ++i) {
      if (keep[i]) continue;
      int h = s.words[i].head - 1;
      if (h >= first && h < last && keep[h] && in_subtree_kept(s.words[i].deprel) &&
          (s.words[i].deprel.rfind("nmod", 0) != 0 || modifier_in_name(s, i))) {
        keep[i] = 1;
        changed = true;
      }
    }
  }
  int a = head, b = head + 1;
  while (a > first && keep[a - 1]) --a;
  while (b < last && keep[b]) ++b;
  auto strip_front = [&](int i) {
    const auto& w = s.words[i];
    return w.upos == "DET" || w.upos == "PRON" || w.upos == "PUNCT" ||
           (w.upos == "ADJ" && (w.lemma == "all" || w.lemma == "most" || w.lemma == "many"));
  };
  while (a < head && strip_front(a)) ++a;
  while (b - 1 > head && (s.words[b - 1].upos == "PART" || s.words[b - 1].upos == "PUNCT")) --b;
  return {a, b, 0};
}

void set_labels(std::vector<int>& labels, const Span& sp) {
  if (sp.last - sp.first == 1) {
    labels[sp.first] = label_of(sp.type, 'U');
    return;
  }
  labels[sp.first] = label_of(sp.type, 'B');
  for (int i = sp.first + 1; i < sp.last - 1; ++i) labels[i] = label_of(sp.type, 'I');
  labels[sp.last - 1] = label_of(sp.type, 'L');
}

// Chooses non-overlapping spans, longest first (outermost names win).
std::vector<Span> non_overlapping(std::vector<Span> spans, size_t n) {
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return (a.last - a.first) > (b.last - b.first);
  });
  std::vector<char> used(n, 0);
  std::vector<Span> out;
  for (const Span& sp : spans) {
    bool free = true;
    for (int i = sp.first; i < sp.last; ++i) free = free && !used[i];
    if (!free) continue;
    for (int i = sp.first; i < sp.last; ++i) used[i] = 1;
    out.push_back(sp);
  }
  return out;
}

bool space_after(const std::string& misc) {
  return misc.find("SpaceAfter=No") == std::string::npos;
}

void read_gum(const std::string& path, const std::string& exclude, std::vector<TrainSentence>& out,
              size_t& skipped_docs, std::ostream& log) {
  auto sentences = read_conllu(path);
  std::string last_skipped;
  size_t names = 0, before = out.size();
  for (const auto& s : sentences) {
    if (!exclude.empty() && s.doc_id.rfind(exclude, 0) == 0) {
      if (s.doc_id != last_skipped) {
        ++skipped_docs;
        last_skipped = s.doc_id;
      }
      continue;
    }
    TrainSentence t;
    const size_t n = s.words.size();
    for (const auto& w : s.words) {
      t.forms.push_back(w.form);
      t.upos.push_back(w.upos);
      t.space_after.push_back(space_after(w.misc));
      t.deprel.push_back(w.deprel);
      t.head_lemma.push_back(
          head_lemma_feature(w.head == 0 ? nullptr : &s.words[w.head - 1].lemma));
      t.lemma.push_back(to_lower(w.lemma));
    }
    std::vector<Span> spans;
    for (auto& [sp, type] : entity_spans(s, path + ": " + s.doc_id)) {
      int ty = gum_type(type);
      if (ty < 0) continue;
      int head = span_head(s, sp.first, sp.last);
      if (head < 0 || s.words[head].upos != "PROPN") continue;
      Span name = trim_to_name(s, sp.first, sp.last, head);
      name.type = ty;
      spans.push_back(name);
    }
    t.labels.assign(n, 0);
    for (const Span& sp : non_overlapping(spans, n)) {
      set_labels(t.labels, sp);
      ++names;
    }
    out.push_back(std::move(t));
  }
  log << path << ": " << out.size() - before << " sentences, " << names << " names\n";
}

// The EWT analysis of a UNER sentence.
struct Analysis {
  std::vector<std::string> upos, deprel, head_lemma, lemma;
};

void read_uner(const std::string& path, const Gazetteer& g,
               const std::unordered_map<std::string, Analysis>& by_sent,
               std::vector<TrainSentence>& out, std::ostream& log) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read UNER file '" + path + "'");
  std::string line, sent_id;
  TrainSentence t;
  std::vector<std::string> tags;
  size_t names = 0, before = out.size(), lineno = 0;
  auto flush = [&]() {
    if (t.forms.empty()) return;
    const size_t n = t.forms.size();
    auto it = by_sent.find(sent_id);
    if (it != by_sent.end() && it->second.upos.size() == n) {
      t.upos = it->second.upos;
      t.deprel = it->second.deprel;
      t.head_lemma = it->second.head_lemma;
      t.lemma = it->second.lemma;
    } else {
      t.upos.assign(n, "");
    }
    t.space_after.assign(n, 1);
    t.labels.assign(n, 0);
    for (size_t i = 0; i < n;) {
      if (tags[i].size() < 3 || tags[i][0] != 'B') {
        ++i;
        continue;
      }
      std::string ty = tags[i].substr(2);
      size_t j = i + 1;
      while (j < n && tags[j] == "I-" + ty) ++j;
      Span sp{static_cast<int>(i), static_cast<int>(j),
              ty == "PER"   ? kPer
              : ty == "ORG" ? kOrg
                            : kPlace};
      if (sp.type == kPer)  // GUM includes a preceding title: "President X"
        while (sp.first > 0 && !t.forms[sp.first - 1].empty() &&
               std::isupper(static_cast<unsigned char>(t.forms[sp.first - 1][0])) &&
               (g.titles.count(gazetteer_key(t.forms[sp.first - 1])) ||
                g.honorifics.count(gazetteer_key(t.forms[sp.first - 1]))) &&
               t.labels[sp.first - 1] == 0 && tags[sp.first - 1] == "O")
          --sp.first;
      set_labels(t.labels, sp);
      ++names;
      i = j;
    }
    out.push_back(std::move(t));
    t = TrainSentence();
    tags.clear();
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) sent_id = line.substr(12);
      continue;
    }
    std::vector<std::string> cols;
    size_t a = 0;
    for (;;) {
      size_t tab = line.find('\t', a);
      cols.push_back(line.substr(a, tab == std::string::npos ? std::string::npos : tab - a));
      if (tab == std::string::npos) break;
      a = tab + 1;
    }
    if (cols.size() < 3)
      throw Error(path + ":" + std::to_string(lineno) + ": expected ID, FORM and TAG in '" + line +
                  "'");
    t.forms.push_back(cols[1]);
    tags.push_back(cols[2]);
  }
  flush();
  log << path << ": " << out.size() - before << " sentences, " << names << " names\n";
}

// Training-time weights: feature -> row of kLabels (current and the
// averaging accumulator, average = w - acc / steps).
struct TrainWeights {
  std::unordered_map<uint64_t, uint32_t> row;
  std::vector<float> w, acc;
  float trans[kLabels + 1][kLabels] = {}, trans_acc[kLabels + 1][kLabels] = {};
  float fin[kLabels] = {}, fin_acc[kLabels] = {};

  const float* find(uint64_t h) const {
    auto it = row.find(h);
    return it == row.end() ? nullptr : &w[static_cast<size_t>(it->second) * kLabels];
  }
  void add(uint64_t h, int label, float delta, float step) {
    auto [it, fresh] = row.try_emplace(h, static_cast<uint32_t>(row.size()));
    if (fresh) {
      w.resize(w.size() + kLabels, 0.0f);
      acc.resize(acc.size() + kLabels, 0.0f);
    }
    size_t k = static_cast<size_t>(it->second) * kLabels + label;
    w[k] += delta;
    acc[k] += step * delta;
  }
};

struct Prepared {
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  std::vector<int> gold;
};

void predict(const TrainWeights& tw, const Prepared& p, std::vector<int>& labels) {
  std::vector<float> emit;
  emissions(tw, p.feats, p.offsets, emit);
  viterbi(emit, p.gold.size(), tw.trans, tw.fin, labels);
}

void predict(const Weights& w, const Prepared& p, std::vector<int>& labels) {
  decode(w, p.feats, p.offsets, labels);
}

// Exact-span typed F1 of the current (non-averaged or averaged) weights.
template <class W>
std::string evaluate(const W& weights, const std::vector<Prepared>& data) {
  size_t gold = 0, sys = 0, hit = 0;
  std::vector<int> labels;
  for (const auto& p : data) {
    predict(weights, p, labels);
    auto g = spans_of(p.gold), s = spans_of(labels);
    gold += g.size();
    sys += s.size();
    for (const auto& a : s)
      for (const auto& b : g)
        if (a.first == b.first && a.last == b.last && a.type == b.type) ++hit;
  }
  double pr = sys ? double(hit) / sys : 0, rc = gold ? double(hit) / gold : 0;
  double f = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
  char buf[128];
  std::snprintf(buf, sizeof buf, "P=%.4f R=%.4f F1=%.4f (%zu gold, %zu predicted)", pr, rc, f, gold,
                sys);
  return buf;
}

// The perceptron update for one sentence whose prediction pred differs from
// p.gold somewhere (nothing otherwise); returns the number of wrong labels.
size_t update(TrainWeights& tw, const Prepared& p, const std::vector<int>& pred, float step) {
  const size_t n = p.gold.size();
  size_t errors = 0;
  for (size_t i = 0; i < n; ++i) errors += pred[i] != p.gold[i];
  if (errors == 0) return 0;
  for (size_t i = 0; i < n; ++i) {
    if (pred[i] != p.gold[i]) {
      for (uint32_t f = p.offsets[i]; f < p.offsets[i + 1]; ++f) {
        tw.add(p.feats[f], p.gold[i], 1.0f, step);
        tw.add(p.feats[f], pred[i], -1.0f, step);
      }
    }
    int gp = i ? p.gold[i - 1] + 1 : 0, pp = i ? pred[i - 1] + 1 : 0;
    if (gp != pp || p.gold[i] != pred[i]) {
      tw.trans[gp][p.gold[i]] += 1;
      tw.trans_acc[gp][p.gold[i]] += step;
      tw.trans[pp][pred[i]] -= 1;
      tw.trans_acc[pp][pred[i]] -= step;
    }
  }
  if (p.gold[n - 1] != pred[n - 1]) {
    tw.fin[p.gold[n - 1]] += 1;
    tw.fin_acc[p.gold[n - 1]] += step;
    tw.fin[pred[n - 1]] -= 1;
    tw.fin_acc[pred[n - 1]] -= step;
  }
  return errors;
}

// The averaged weights of tw after step - 1 updates (accumulators zeroed).
TrainWeights averaged(const TrainWeights& tw, float step) {
  TrainWeights avg = tw;
  for (size_t k = 0; k < avg.w.size(); ++k) avg.w[k] = tw.w[k] - tw.acc[k] / step;
  for (int a = 0; a <= kLabels; ++a)
    for (int b = 0; b < kLabels; ++b) avg.trans[a][b] = tw.trans[a][b] - tw.trans_acc[a][b] / step;
  for (int b = 0; b < kLabels; ++b) avg.fin[b] = tw.fin[b] - tw.fin_acc[b] / step;
  std::fill(avg.acc.begin(), avg.acc.end(), 0.0f);
  std::memset(avg.trans_acc, 0, sizeof avg.trans_acc);
  std::memset(avg.fin_acc, 0, sizeof avg.fin_acc);
  return avg;
}

// Adds the weights of b to a (a row for every feature of b), each times scale.
void add_scaled(TrainWeights& a, const TrainWeights& b, float scale) {
  for (const auto& [h, r] : b.row) {
    for (int l = 0; l < kLabels; ++l)
      a.add(h, l, scale * b.w[static_cast<size_t>(r) * kLabels + l], 0.0f);
  }
  for (int x = 0; x <= kLabels; ++x)
    for (int y = 0; y < kLabels; ++y) a.trans[x][y] += scale * b.trans[x][y];
  for (int y = 0; y < kLabels; ++y) a.fin[y] += scale * b.fin[y];
}

// One perceptron run over ptrain (GUM sentences, the first gum_sentences,
// seen o.gum_weight times an epoch) with the sentence order drawn from seed;
// returns the averaged weights. Progress (and dev scores) go to log.
TrainWeights train_once(const NerTrainOptions& o, uint64_t seed, const std::vector<Prepared>& ptrain,
                        size_t gum_sentences, const std::vector<Prepared>& pdev, std::ostream& log) {
  TrainWeights tw;
  std::mt19937_64 rng(seed);
  std::vector<size_t> order;
  for (size_t i = 0; i < ptrain.size(); ++i)
    for (int k = 0; k < (i < gum_sentences ? std::max(1, o.gum_weight) : 1); ++k)
      order.push_back(i);
  float step = 1;
  std::vector<int> pred;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t errors = 0, tokens = 0;
    for (size_t idx : order) {
      const Prepared& p = ptrain[idx];
      predict(tw, p, pred);
      tokens += p.gold.size();
      errors += update(tw, p, pred, step);
      step += 1;
    }
    log << "epoch " << epoch << ": " << errors << " token errors / " << tokens << ", "
        << tw.row.size() << " features";
    if (!pdev.empty()) log << "; dev " << evaluate(averaged(tw, step), pdev);
    log << "\n";
    log.flush();
  }
  return averaged(tw, step);
}

}  // namespace

void default_ner_data(NerTrainOptions& o, const std::filesystem::path& d) {
  if (o.gum.empty() && o.uner.empty()) {
    o.gum = {(d / "gum-cc-by/gum-cc-by-train.conllu").string(),
             (d / "gum-cc-by/gum-cc-by-dev.conllu").string()};
    o.uner = {(d / "uner-english-ewt/en_ewt-ud-dev.iob2").string()};
  }
  if (o.uner_conllu.empty() && !o.uner.empty())
    o.uner_conllu = {(d / "ud-english-ewt/en_ewt-ud-dev.conllu").string()};
  for (const auto& f : o.gum)
    if (!std::filesystem::exists(f))
      throw Error("GUM file '" + f + "' not found (see --data)");
}

std::vector<GoldSentence> read_ner_training(const NerTrainOptions& o, std::ostream& log) {
  const Gazetteer g =
      Gazetteer::load(o.lexicon_dir.empty() ? data_path("lexicon") : o.lexicon_dir, false);
  std::vector<TrainSentence> train;
  size_t skipped = 0;
  for (const auto& f : o.gum) read_gum(f, o.exclude_prefix, train, skipped, log);
  for (const auto& f : o.uner) read_uner(f, g, {}, train, log);
  log << "left out " << skipped << " documents with prefix '" << o.exclude_prefix << "'\n";
  std::vector<GoldSentence> out(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    out[k].forms = std::move(train[k].forms);
    out[k].names = spans_of(train[k].labels);
  }
  return out;
}

void train_ner(const NerTrainOptions& o, std::ostream& log) {
  const auto lexdir = o.lexicon_dir.empty() ? data_path("lexicon") : o.lexicon_dir;
  const Gazetteer g = Gazetteer::load(lexdir);
  const WordClusters clusters =
      WordClusters::load(o.clusters.empty() ? data_path("models/clusters.bin") : o.clusters);
  const WordTypes types =
      WordTypes::load(o.word_types.empty() ? data_path("models/word_types.bin") : o.word_types);
  std::vector<TrainSentence> train, dev;
  size_t skipped = 0;
  for (const auto& f : o.gum) read_gum(f, o.exclude_prefix, train, skipped, log);
  const size_t gum_sentences = train.size();
  std::unordered_map<std::string, Analysis> by_sent;
  for (const auto& f : o.uner_conllu)
    for (const auto& s : read_conllu(f)) {
      std::string id;
      for (const auto& c : s.comments)
        if (c.rfind("sent_id = ", 0) == 0) id = c.substr(10);
      auto& a = by_sent[id];
      for (const auto& w : s.words) {
        a.upos.push_back(w.upos);
        a.deprel.push_back(w.deprel);
        a.head_lemma.push_back(
            head_lemma_feature(w.head == 0 ? nullptr : &s.words[w.head - 1].lemma));
        a.lemma.push_back(to_lower(w.lemma));
      }
    }
  for (const auto& f : o.uner) read_uner(f, g, by_sent, train, log);
  for (const auto& f : o.dev) read_gum(f, o.exclude_prefix, dev, skipped, log);
  log << "left out " << skipped << " documents with prefix '" << o.exclude_prefix << "'\n";
  if (train.empty()) throw Error("train-ner: no training sentences");

  std::unique_ptr<Tagger> tagger;
  if (!o.tagger_model.empty()) {
    tagger = std::make_unique<Tagger>(o.tagger_model);
    log << "using UPOS predicted by " << o.tagger_model << "\n";
  }
  std::unique_ptr<Parser> parser;
  if (!o.parser_model.empty()) {
    if (!tagger) throw Error("train-ner: --parser needs --tagger");
    parser = std::make_unique<Parser>(o.parser_model);
    log << "using relations predicted by " << o.parser_model << "\n";
  }
  auto prepare = [&](std::vector<TrainSentence>& data) {
    std::vector<Prepared> out(data.size());
    std::vector<std::string_view> forms;
    std::vector<int> tags;
    for (size_t k = 0; k < data.size(); ++k) {
      TrainSentence& t = data[k];
      if (tagger) {
        forms.assign(t.forms.begin(), t.forms.end());
        tagger->tag(forms, tags);
        for (size_t i = 0; i < tags.size(); ++i) t.upos[i] = tagger->upos_tags()[tags[i]];
        if (parser) {
          std::vector<Token> toks(t.forms.size());
          for (size_t i = 0; i < toks.size(); ++i) {
            toks[i].form = t.forms[i];
            toks[i].upos = t.upos[i];
            toks[i].xpos = tagger->xpos_tags()[tags[i]];
            toks[i].lemma = i < t.lemma.size() ? t.lemma[i] : to_lower(t.forms[i]);
          }
          parser->parse(toks.data(), static_cast<int>(toks.size()), 0);
          t.deprel.resize(toks.size());
          t.head_lemma.resize(toks.size());
          for (size_t i = 0; i < toks.size(); ++i) {
            t.deprel[i] = toks[i].deprel;
            // The lemmas are lower-cased already; lower-casing is idempotent.
            t.head_lemma[i] =
                head_lemma_feature(toks[i].head < 0 ? nullptr : &toks[toks[i].head].lemma);
          }
        }
      }
      SentenceView v;
      v.forms.assign(t.forms.begin(), t.forms.end());
      v.upos.assign(t.upos.begin(), t.upos.end());
      v.space_after = t.space_after;
      v.deprel.assign(t.deprel.begin(), t.deprel.end());
      v.head_lemma.assign(t.head_lemma.begin(), t.head_lemma.end());
      sentence_features(g, clusters, types, v, out[k].feats, out[k].offsets);
      out[k].gold = t.labels;
    }
    return out;
  };
  std::vector<Prepared> ptrain = prepare(train), pdev = prepare(dev);
  train.clear();
  dev.clear();

  // The average of o.ensemble runs with seeds o.seed, o.seed + 1, ...: a
  // linear model whose scores are the mean of the runs' scores.
  TrainWeights tw;
  const int runs = std::max(1, o.ensemble);
  for (int k = 0; k < runs; ++k) {
    if (runs > 1) log << "run " << k + 1 << " of " << runs << " (seed " << o.seed + k << ")\n";
    add_scaled(tw, train_once(o, o.seed + k, ptrain, gum_sentences, pdev, log), 1.0f / runs);
  }
  if (runs > 1 && !pdev.empty()) log << "ensemble dev " << evaluate(tw, pdev) << "\n";

  // Features whose every weight is tiny are dropped.
  Weights out;
  std::vector<std::pair<uint64_t, uint32_t>> rows(tw.row.begin(), tw.row.end());
  std::sort(rows.begin(), rows.end());
  std::vector<uint64_t> hashes;
  const float kPrune = o.prune;
  for (auto& [h, r] : rows) {
    float row[kLabels];
    float mx = 0;
    for (int l = 0; l < kLabels; ++l) {
      size_t k = static_cast<size_t>(r) * kLabels + l;
      row[l] = tw.w[k];
      mx = std::max(mx, std::fabs(row[l]));
    }
    if (mx < kPrune) continue;
    hashes.push_back(h);
    out.values.append(row, row + kLabels);
  }
  for (int a = 0; a <= kLabels; ++a)
    for (int b = 0; b < kLabels; ++b)
      out.transition[a][b] = tw.trans[a][b];
  for (int b = 0; b < kLabels; ++b) out.final_[b] = tw.fin[b];
  out.index(hashes);
  log << "kept " << hashes.size() << " of " << rows.size() << " features\n";
  if (!pdev.empty()) log << "final (averaged, pruned) dev " << evaluate(out, pdev) << "\n";
  out.save(o.output);
  log << "wrote " << o.output << "\n";
}

}  // namespace ng
