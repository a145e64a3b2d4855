// Lemmatizer: case policy, exception table and suffix rules. See lemmatizer.h.
#include "syntax/lemmatizer.h"


#include "core/data_path.h"
#include "core/error.h"
#include "core/utf8.h"
#include "syntax/model_io.h"

namespace ng {
namespace lemmatizer_internal {

namespace {

bool is_cont(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string lower_of(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return to_lower(s);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace

int case_class(std::string_view form) {
  int letters = 0, upper = 0;
  bool first_upper = false;
  size_t i = 0;
  while (i < form.size()) {
    char32_t cp = next_code_point(form, i);
    if (!is_letter(cp)) continue;
    const bool up = is_upper(cp);
    if (letters == 0) first_upper = up;
    ++letters;
    upper += up;
  }
  if (upper == 0) return 0;
  if (upper == letters && letters >= 2) return 2;
  if (first_upper && upper == 1) return 1;
  return 3;
}

uint64_t key_hash(uint32_t tag, std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL ^ (static_cast<uint64_t>(tag) * 0x9e3779b97f4a7c15ULL);
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h;
}

void HashIndex::build(const std::vector<std::pair<uint64_t, uint32_t>>& entries) {
  size_t n = 16;
  while (n < entries.size() * 2) n <<= 1;
  slots_.assign(n, Slot{});
  mask_ = n - 1;
  for (const auto& [key, value] : entries) {
    uint64_t i = key & mask_;
    while (slots_[i].value != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    slots_[i] = Slot{key, value + 1};
  }
}

void Model::index() {
  tag_ids.clear();
  for (size_t i = 0; i < tags.size(); ++i) tag_ids.emplace(tags[i], static_cast<uint32_t>(i));
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  rule_list.clear();
  for (size_t t = 0; t < rules.size(); ++t)
    for (const auto& [suffix, list] : rules[t]) {
      entries.emplace_back(key_hash(static_cast<uint32_t>(t), suffix),
                           static_cast<uint32_t>(rule_list.size()));
      rule_list.push_back(&list);
    }
  rule_index.build(entries);
  known.clear();
  known.insert(known_lemmas.begin(), known_lemmas.end());
  entries.clear();
  for (size_t i = 0; i < exceptions.size(); ++i)
    entries.emplace_back(key_hash(exceptions[i].tag, exceptions[i].form), static_cast<uint32_t>(i));
  exception_index.build(entries);
}

int Model::tag_id(std::string_view upos, std::string_view xpos) const {
  if (!xpos.empty() && xpos != "_") {
    auto it = tag_ids.find(std::string(xpos));
    if (it != tag_ids.end()) return static_cast<int>(it->second);
  }
  if (!upos.empty()) {
    auto it = tag_ids.find("u:" + std::string(upos));
    if (it != tag_ids.end()) return static_cast<int>(it->second);
  }
  return -1;
}

std::string Model::apply(std::string_view form, int tag, bool use_exceptions) const {
  std::string lower = lower_of(form);
  if (tag < 0) return lower;
  const uint32_t t = static_cast<uint32_t>(tag);
  if (use_exceptions) {
    int64_t e = exception_index.find(key_hash(t, form));
    if (e < 0) e = exception_index.find(key_hash(t, lower));
    if (e >= 0 && (exceptions[e].form == form || exceptions[e].form == lower))
      return exceptions[e].lemma;
  }
  const uint8_t policy = keep_case[t * 4 + case_class(form)];
  const bool keep = policy != 0 && lower.size() == form.size();
  bool is_known = false;
  std::string cased = by_rules(lower, keep ? form : std::string_view(lower), t, is_known);
  // Keeping the case is right for names and demonyms ("American"); a
  // capitalised common word ("Glad" at a sentence start) is lower-cased when
  // only its lower-cased lemma is known.
  if (keep && policy == 2 && !is_known && lower != form) {
    std::string low = by_rules(lower, lower, t, is_known);
    if (is_known) return low;
  }
  return cased;
}

std::string Model::by_rules(const std::string& lower, std::string_view base, uint32_t t,
                            bool& is_known) const {
  is_known = false;
  size_t starts[12];  // byte offsets of the last code points, from the end
  int nstarts = 0;
  for (size_t i = lower.size(); i > 0 && nstarts < 12;) {
    --i;
    while (i > 0 && is_cont(lower[i])) --i;
    starts[nstarts++] = i;
  }
  std::string first, out;
  for (int len = nstarts; len >= 0; --len) {
    std::string_view suffix =
        len == 0 ? std::string_view() : std::string_view(lower).substr(starts[len - 1]);
    const int64_t list = rule_index.find(key_hash(t, suffix));
    if (list < 0) continue;
    for (const Rule& r : *rule_list[list]) {
      if (r.strip.size() > lower.size() ||
          lower.compare(lower.size() - r.strip.size(), r.strip.size(), r.strip) != 0)
        continue;
      out.assign(base.substr(0, base.size() - r.strip.size()));
      out += r.append;
      if (out.empty()) continue;
      if (known.contains(out)) {
        is_known = true;
        return out;
      }
      if (first.empty()) first = out;
    }
    if (!first.empty()) break;  // only the longest context with an applicable rule
  }
  if (!first.empty()) return first;
  is_known = known.contains(base);
  return std::string(base);
}

std::unique_ptr<Model> load_model(const std::string& path) {
  ModelReader r(path, "lemmatizer", kModelVersion);
  auto m = std::make_unique<Model>();
  const size_t n = r.varint();
  if (n > 100000) throw Error(path + ": corrupt lemmatizer model (tag count)");
  for (size_t i = 0; i < n; ++i) m->tags.push_back(r.str());
  m->keep_case.resize(n * 4);
  for (auto& k : m->keep_case) k = r.u8();
  m->rules.resize(n);
  for (auto& list : m->rules) {
    const size_t k = r.varint();
    if (k > 10000000) throw Error(path + ": corrupt lemmatizer model (rule count)");
    list.resize(k);
    for (auto& [suffix, rules] : list) {
      suffix = r.str();
      rules.resize(r.u8());
      for (auto& rule : rules) {
        rule.strip = r.str();
        rule.append = r.str();
      }
    }
  }
  const size_t e = r.varint();
  if (e > 100000000) throw Error(path + ": corrupt lemmatizer model (exception count)");
  m->exceptions.resize(e);
  for (auto& x : m->exceptions) {
    x.form = r.str();
    x.tag = static_cast<uint32_t>(r.varint());
    x.lemma = r.str();
    if (x.tag >= n) throw Error(path + ": corrupt lemmatizer model (tag index)");
  }
  const size_t nk = r.varint();
  if (nk > 100000000) throw Error(path + ": corrupt lemmatizer model (lemma count)");
  m->known_lemmas.resize(nk);
  for (auto& k : m->known_lemmas) k = r.str();
  if (!r.at_end()) throw Error(path + ": corrupt lemmatizer model (trailing data)");
  m->index();
  return m;
}

void save_model(const Model& m, const std::string& path) {
  ModelWriter w("lemmatizer", kModelVersion);
  w.varint(m.tags.size());
  for (const auto& t : m.tags) w.str(t);
  for (uint8_t k : m.keep_case) w.u8(k);
  for (const auto& list : m.rules) {
    w.varint(list.size());
    for (const auto& [suffix, rules] : list) {
      w.str(suffix);
      w.u8(static_cast<uint8_t>(rules.size()));
      for (const auto& rule : rules) {
        w.str(rule.strip);
        w.str(rule.append);
      }
    }
  }
  w.varint(m.exceptions.size());
  for (const auto& x : m.exceptions) {
    w.str(x.form);
    w.varint(x.tag);
    w.str(x.lemma);
  }
  w.varint(m.known_lemmas.size());
  for (const auto& k : m.known_lemmas) w.str(k);
  w.save(path);
}

}  // namespace lemmatizer_internal

namespace {

// Per thread: recent lemmas by (lemmatizer, form, upos, xpos), what a lemma
// depends on (most words of a text are frequent ones). Direct-mapped: a new
// word replaces the one in its entry; entries are compared in full.
class LemmaCache {
 public:
  // The cached lemma of the word, or nullptr.
  const std::string* find(uint64_t owner, const Token& t) {
    const Entry& e = entries_[slot(t)];
    if (e.owner == owner && e.form == t.form && e.upos == t.upos && e.xpos == t.xpos)
      return &e.lemma;
    return nullptr;
  }
  void put(uint64_t owner, const Token& t, const std::string& lemma) {
    Entry& e = entries_[slot(t)];
    e.owner = owner;
    e.form = t.form;
    e.upos = t.upos;
    e.xpos = t.xpos;
    e.lemma = lemma;
  }

 private:
  static constexpr size_t kEntries = 4096;
  struct Entry {
    uint64_t owner = 0;  // 0 = empty
    std::string form, upos, xpos, lemma;
  };
  static size_t slot(const Token& t) {
    const size_t h = std::hash<std::string_view>{}(t.form) * 31 + t.xpos.size() * 7 + t.upos.size();
    return h % kEntries;
  }
  std::vector<Entry> entries_ = std::vector<Entry>(kEntries);
};

}  // namespace

Lemmatizer::Lemmatizer() : Lemmatizer(data_path("models/lemmatizer.bin").string()) {}
Lemmatizer::Lemmatizer(const std::string& model_path)
    : model_(lemmatizer_internal::load_model(model_path)), id_(next_model_instance_id()) {}
Lemmatizer::~Lemmatizer() = default;
Lemmatizer::Lemmatizer(Lemmatizer&&) noexcept = default;
Lemmatizer& Lemmatizer::operator=(Lemmatizer&&) noexcept = default;

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  return model_->apply(form, model_->tag_id(upos, xpos), true);
}

void Lemmatizer::process(Document& doc) const {
  thread_local LemmaCache cache;
  for (Token& t : doc.tokens) {
    if (const std::string* known = cache.find(id_, t)) {
      t.lemma = *known;
      continue;
    }
    t.lemma = lemma(t.form, t.upos, t.xpos);
    cache.put(id_, t, t.lemma);
  }
}

}  // namespace ng
