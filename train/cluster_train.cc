// Bisecting spherical k-means over word vectors (see cluster_train.h).
// Deterministic: the initial centroids of each split come from a generator
// of our own seeding (mt19937_64 is fully specified; no std distributions),
// members keep frequency order, and sums run in a fixed order in double.
#include "train/cluster_train.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <random>

#include "core/error.h"
#include "core/utf8.h"
#include "lexicon/word_clusters.h"

namespace ng {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A small reader for the one JSON layout of the package:
// {..., "dimensions":D, ..., "vectors":{"word":[v1..vD, norm, rank], ...}, ...}.
struct JsonScanner {
  const std::string& s;
  const std::string& file;
  size_t i = 0;

  Error error(const std::string& why) const {
    return Error(file + ": byte " + std::to_string(i) + ": " + why);
  }
  void skip_space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  }
  void expect(char c) {
    skip_space();
    if (i >= s.size() || s[i] != c) throw error(std::string("expected '") + c + "'");
    ++i;
  }
  uint32_t hex4() {
    if (i + 4 > s.size()) throw error("short \\u escape");
    uint32_t v = static_cast<uint32_t>(std::strtoul(s.substr(i, 4).c_str(), nullptr, 16));
    i += 4;
    return v;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i >= s.size()) break;
      char e = s[i++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          uint32_t cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s.compare(i, 2, "\\u") == 0) {
            i += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: out.push_back(e);
      }
    }
    expect('"');
    return out;
  }
  double number() {
    skip_space();
    char* end = nullptr;
    double v = std::strtod(s.c_str() + i, &end);
    if (end == s.c_str() + i) throw error("expected a number");
    i = static_cast<size_t>(end - s.c_str());
    return v;
  }
};

}  // namespace

WordVectors read_word_vectors(const std::string& path, size_t limit, std::ostream& log) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("word vectors: cannot read '" + path + "'");
  const std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  JsonScanner js{s, path};
  const size_t d = s.find("\"dimensions\":");
  const size_t v = s.find("\"vectors\":{");
  if (d == std::string::npos || v == std::string::npos)
    throw Error("word vectors: '" + path + "' has no \"dimensions\" or \"vectors\"");
  js.i = d + 13;
  WordVectors out;
  out.dim = static_cast<size_t>(js.number());
  std::map<size_t, std::pair<std::string, std::vector<float>>> by_rank;
  std::vector<double> vals;
  js.i = v + 10;
  js.expect('{');
  for (js.skip_space(); js.i < s.size() && s[js.i] != '}'; js.skip_space()) {
    if (s[js.i] == ',') ++js.i;
    std::string word = js.string();
    js.expect(':');
    js.expect('[');
    vals.clear();
    for (js.skip_space(); s[js.i] != ']'; js.skip_space()) {
      if (s[js.i] == ',') ++js.i;
      vals.push_back(js.number());
    }
    ++js.i;
    if (vals.size() != out.dim + 2) throw js.error("vector of '" + word + "' has a bad length");
    const size_t rank = static_cast<size_t>(vals.back());
    if (rank >= limit) continue;
    std::vector<float> x(vals.begin(), vals.begin() + static_cast<long>(out.dim));
    by_rank.emplace(rank, std::make_pair(std::move(word), std::move(x)));
  }
  std::map<std::string, bool> seen;
  size_t dropped = 0;
  for (auto& [rank, wx] : by_rank) {
    std::string key = to_lower(fold_accents(wx.first));
    bool ok = !key.empty() && key.find_first_of(" \t\n\r") == std::string::npos;
    if (!ok || !seen.emplace(key, true).second) {
      ++dropped;
      continue;
    }
    double norm = 0;
    for (float f : wx.second) norm += double(f) * f;
    norm = std::sqrt(norm);
    if (norm <= 0) {
      ++dropped;
      continue;
    }
    out.keys.push_back(std::move(key));
    for (float f : wx.second) out.x.push_back(static_cast<float>(f / norm));
  }
  log << path << ": " << out.dim << " dimensions, kept " << out.keys.size() << " of the "
      << by_rank.size() << " most frequent words (" << dropped << " duplicate keys or empty)\n";
  return out;
}

namespace {

// "All-but-the-top" (Mu and Viswanath, 2018): subtracts the mean vector and
// the projections on the top `components` principal directions (found by
// power iteration from a fixed start), then normalises each row again.
// Without it the first splits follow word frequency more than word use.
void remove_top_directions(WordVectors& v, int components, std::ostream& log) {
  const size_t n = v.keys.size(), d = v.dim;
  std::vector<double> mean(d, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < d; ++k) mean[k] += v.x[i * d + k];
  for (double& m : mean) m /= double(n);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < d; ++k) v.x[i * d + k] -= static_cast<float>(mean[k]);
  std::vector<double> cov(d * d, 0.0);
  for (size_t i = 0; i < n; ++i) {
    const float* x = &v.x[i * d];
    for (size_t a = 0; a < d; ++a)
      for (size_t b = a; b < d; ++b) cov[a * d + b] += double(x[a]) * x[b];
  }
  for (size_t a = 0; a < d; ++a)
    for (size_t b = 0; b < a; ++b) cov[a * d + b] = cov[b * d + a];
  std::vector<std::vector<double>> dirs;
  for (int c = 0; c < components; ++c) {
    std::vector<double> u(d, 1.0 / std::sqrt(double(d))), w(d);
    for (int it = 0; it < 200; ++it) {
      for (size_t a = 0; a < d; ++a) {
        w[a] = 0;
        for (size_t b = 0; b < d; ++b) w[a] += cov[a * d + b] * u[b];
      }
      for (const auto& p : dirs) {  // deflate: stay orthogonal to earlier directions
        double q = 0;
        for (size_t a = 0; a < d; ++a) q += w[a] * p[a];
        for (size_t a = 0; a < d; ++a) w[a] -= q * p[a];
      }
      double nn = 0;
      for (double x : w) nn += x * x;
      nn = std::sqrt(nn);
      if (nn <= 0) break;
      for (size_t a = 0; a < d; ++a) u[a] = w[a] / nn;
    }
    dirs.push_back(u);
  }
  for (size_t i = 0; i < n; ++i) {
    float* x = &v.x[i * d];
    for (const auto& p : dirs) {
      double q = 0;
      for (size_t a = 0; a < d; ++a) q += x[a] * p[a];
      for (size_t a = 0; a < d; ++a) x[a] -= static_cast<float>(q * p[a]);
    }
    double nn = 0;
    for (size_t a = 0; a < d; ++a) nn += double(x[a]) * x[a];
    nn = nn > 0 ? std::sqrt(nn) : 1;
    for (size_t a = 0; a < d; ++a) x[a] = static_cast<float>(x[a] / nn);
  }
  log << "removed the mean and " << components << " principal directions\n";
}

struct Bisect {
  const WordVectors& v;
  const ClusterTrainOptions& o;
  std::vector<ClusterPath> paths;
  size_t leaves = 0;

  float dot(uint32_t a, const std::vector<float>& c) const {
    const float* x = &v.x[size_t(a) * v.dim];
    float s = 0;
    for (size_t k = 0; k < v.dim; ++k) s += x[k] * c[k];
    return s;
  }
  std::vector<float> row(uint32_t a) const {
    return std::vector<float>(v.x.begin() + long(size_t(a) * v.dim),
                              v.x.begin() + long(size_t(a + 1) * v.dim));
  }
  // Unit-length mean of the members on side `which`.
  std::vector<float> centroid(const std::vector<uint32_t>& m, const std::vector<uint8_t>& side,
                              uint8_t which) const {
    std::vector<double> sum(v.dim, 0.0);
    for (size_t i = 0; i < m.size(); ++i)
      if (side[i] == which)
        for (size_t k = 0; k < v.dim; ++k) sum[k] += v.x[size_t(m[i]) * v.dim + k];
    double n = 0;
    for (double d : sum) n += d * d;
    n = n > 0 ? std::sqrt(n) : 1;
    std::vector<float> c(v.dim);
    for (size_t k = 0; k < v.dim; ++k) c[k] = static_cast<float>(sum[k] / n);
    return c;
  }
  // Side of each member after spherical 2-means (1 = right); all 0 when the
  // split fails. Seeds: one member at random, the other drawn in proportion
  // to its cosine distance from the first (k-means++).
  std::vector<uint8_t> two_means(const std::vector<uint32_t>& m, uint64_t node) const {
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ull ^ node);
    std::vector<float> c0 = row(m[rng() % m.size()]);
    std::vector<double> dist(m.size());
    double total = 0;
    for (size_t i = 0; i < m.size(); ++i) total += dist[i] = std::max(0.0f, 1 - dot(m[i], c0));
    double r = double(rng() >> 11) * 0x1.0p-53 * total;
    size_t b = 0;
    while (b + 1 < m.size() && (r -= dist[b]) > 0) ++b;
    std::vector<float> c1 = row(m[b]);
    std::vector<uint8_t> side(m.size(), 0);
    for (int it = 0; it < o.iterations; ++it) {
      bool changed = false;
      for (size_t i = 0; i < m.size(); ++i) {
        uint8_t s = dot(m[i], c1) > dot(m[i], c0) ? 1 : 0;
        changed = changed || s != side[i];
        side[i] = s;
      }
      if (!changed && it > 0) break;
      c0 = centroid(m, side, 0);
      c1 = centroid(m, side, 1);
    }
    return side;
  }
  void split(const std::vector<uint32_t>& m, int depth, uint16_t bits) {
    if (depth >= o.depth || m.size() < o.min_split) return leaf(m, depth, bits);
    std::vector<uint8_t> side = two_means(m, (uint64_t(depth) << 16) | bits);
    const uint8_t first = side[0];  // the most frequent member goes left
    std::vector<uint32_t> left, right;
    for (size_t i = 0; i < m.size(); ++i) (side[i] == first ? left : right).push_back(m[i]);
    if (right.empty()) return leaf(m, depth, bits);
    split(left, depth + 1, bits);
    split(right, depth + 1, static_cast<uint16_t>(bits | (1u << (15 - depth))));
  }
  void leaf(const std::vector<uint32_t>& m, int depth, uint16_t bits) {
    ++leaves;
    for (uint32_t a : m) paths[a] = {bits, static_cast<uint8_t>(std::max(depth, 1))};
  }
};

}  // namespace

void train_clusters(const ClusterTrainOptions& o, std::ostream& log) {
  if (o.depth < 1 || o.depth > WordClusters::kMaxDepth)
    throw Error("train-clusters: depth must be 1.." + std::to_string(WordClusters::kMaxDepth));
  WordVectors v = read_word_vectors(o.embeddings, o.words, log);
  if (o.remove_components >= 0) remove_top_directions(v, o.remove_components, log);
  if (v.keys.size() < 2) throw Error("train-clusters: fewer than 2 words read");
  Bisect b{v, o, std::vector<ClusterPath>(v.keys.size()), 0};
  std::vector<uint32_t> all(v.keys.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint32_t>(i);
  b.split(all, 0, 0);
  log << b.leaves << " leaf clusters at depth <= " << o.depth << "\n";
  std::vector<std::pair<std::string, ClusterPath>> table;  // frequency order
  for (size_t i = 0; i < v.keys.size(); ++i) table.emplace_back(v.keys[i], b.paths[i]);
  const size_t dropped = WordClusters::save(o.output, table);
  log << "wrote " << o.output << " (" << dropped
      << " rarer words dropped: fingerprint shared with a more frequent one)\n";
  if (!o.dump.empty()) {
    std::ofstream d(o.dump);
    std::string bits;
    for (const auto& [w, p] : table) {
      WordClusters::prefix_string(p, WordClusters::kMaxDepth, bits);
      d << bits << '\t' << w << '\n';
    }
    if (!d) throw Error("train-clusters: cannot write '" + o.dump + "'");
  }
}

}  // namespace ng
