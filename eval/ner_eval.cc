#include "eval/ner_eval.h"

#include <algorithm>
#include <cstdio>

namespace ng {

int ner_class(std::string_view t) {
  if (t == "PER" || t == "PERSON") return kNerPer;
  if (t == "ORG") return kNerOrg;
  if (t == "LOC" || t == "GPE" || t == "FAC") return kNerLoc;
  return kNerIgnored;
}

int ner_class(EntityType type) {
  switch (type) {
    case EntityType::Person:
      return kNerPer;
    case EntityType::Org:
      return kNerOrg;
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac:
      return kNerLoc;
    default:
      return kNerIgnored;
  }
}

std::vector<NerSpan> spans_from_bio(const std::vector<std::string>& tags, long sentence) {
  std::vector<NerSpan> out;
  std::string_view open;  // type of the span being read ("" = none)
  int start = 0;
  auto close = [&](int end) {
    if (!open.empty()) {
      int c = ner_class(open);
      if (c != kNerIgnored) out.push_back({sentence, start, end, c});
    }
    open = {};
  };
  const int n = static_cast<int>(tags.size());
  for (int i = 0; i < n; ++i) {
    std::string_view t = tags[i];
    const bool inside = t.size() > 2 && t[0] == 'I' && t[1] == '-';
    const bool begin = t.size() > 2 && t[0] == 'B' && t[1] == '-';
    if (inside && !open.empty() && t.substr(2) == open) continue;
    close(i);
    if (inside || begin) {
      open = t.substr(2);
      start = i;
    }
  }
  close(n);
  return out;
}

namespace {
double ratio(long a, long b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }
long pooled(const long* v, int cls) {
  if (cls >= 0) return v[cls];
  long s = 0;
  for (int c = 0; c < kNerClasses; ++c) s += v[c];
  return s;
}
}  // namespace

double NerScore::precision(int cls) const {
  return ratio(pooled(correct, cls), pooled(system, cls));
}
double NerScore::recall(int cls) const { return ratio(pooled(correct, cls), pooled(gold, cls)); }
double NerScore::f1(int cls) const {
  const double p = precision(cls), r = recall(cls);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void score_spans(std::vector<NerSpan> gold, std::vector<NerSpan> system, NerScore& score) {
  for (auto* v : {&gold, &system}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  for (const NerSpan& g : gold) ++score.gold[g.cls];
  for (const NerSpan& s : system) {
    ++score.system[s.cls];
    if (std::binary_search(gold.begin(), gold.end(), s)) ++score.correct[s.cls];
  }
}

std::vector<NerSpan> system_spans(const Document& doc, long sentence_base) {
  std::vector<NerSpan> out;
  for (const Mention& m : doc.mentions) {
    if (m.kind != MentionKind::Name) continue;
    const EntityType t = m.entity >= 0 && m.entity < static_cast<int>(doc.entities.size())
                             ? doc.entities[m.entity].type
                             : m.type;
    const int c = ner_class(t);
    if (c == kNerIgnored) continue;
    const int base = doc.sentences[m.sentence].first;
    out.push_back({sentence_base + m.sentence, m.first - base, m.last - base, c});
  }
  return out;
}

std::string format_ner_score(const NerScore& s) {
  std::string out;
  char buf[200];
  for (int c : {0, 1, 2, -1}) {  // PER, ORG, LOC, then all pooled
    std::snprintf(buf, sizeof buf,
                  "%-4s P=%.4f R=%.4f F1=%.4f (gold %ld, system %ld, correct %ld)\n",
                  c < 0 ? "ALL" : kNerClassNames[c], s.precision(c), s.recall(c), s.f1(c),
                  pooled(s.gold, c), pooled(s.system, c), pooled(s.correct, c));
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "NER_F1=%.4f PER_F1=%.4f ORG_F1=%.4f LOC_F1=%.4f\n", s.f1(),
                s.f1(kNerPer), s.f1(kNerOrg), s.f1(kNerLoc));
  out += buf;
  return out;
}

}  // namespace ng
