#include "graph/link.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <numeric>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "core/utf8.h"
#include "graph/iri.h"

namespace ng {

namespace {

constexpr std::string_view kPerson = "http://schema.org/Person";

// ---------------------------------------------------------------- words

// Lower case, accents folded: the form names are compared in.
std::string fold(std::string_view s) { return to_lower(fold_accents(s)); }

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    size_t b = i;
    while (i < s.size() && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

// A word's comparison key: folded, trailing ",;:" dropped.
std::string word_key(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':')) w.remove_suffix(1);
  return fold(w);
}

std::string join(const std::vector<std::string>& words, size_t from = 0,
                 size_t to = std::string::npos) {
  std::string out;
  for (size_t i = from; i < std::min(to, words.size()); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::string key_of(const std::vector<std::string>& words, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += word_key(words[i]);
  }
  return out;
}

// Lower-case words that may stand inside a name ("Mohammed bin Salman",
// "Ludwig van Beethoven"), never as its last word.
bool is_particle(std::string_view k) {
  return one_of(k, {"al",    "el",  "bin", "ibn", "bint", "abu", "ben", "de", "del",
                    "della", "der", "den", "di",  "da",   "dos", "das", "du", "la",
                    "le",    "van", "von", "y",   "zu",   "ter", "op"});
}

// Words around a title that are no name: "former President", "the late
// Queen", "then-Senator", "Bishop Emeritus".
bool is_qualifier(std::string_view k) {
  return one_of(k, {"former", "then", "late", "acting", "interim", "outgoing", "incoming", "ex",
                    "emeritus", "retired"});
}

// Qualifiers and the words linking a title to what it is of ("Secretary of
// State", "Minister for Health").
bool is_modifier(std::string_view k) { return is_qualifier(k) || one_of(k, {"the", "of", "for"}); }

// A word that can be part of a person's name: capitalised ("Varga",
// "O'Rourke", "II"), a lower-case particle before the last word, or a
// lower-case particle glued with a hyphen to a capitalised word
// ("al-Rashid").
bool is_name_word(std::string_view w, bool last) {
  if (starts_upper(w)) return true;
  std::string k = word_key(w);
  if (!last && is_particle(k)) return true;
  size_t dash = w.find('-');
  if (dash != std::string_view::npos && dash + 1 < w.size() &&
      is_particle(word_key(w.substr(0, dash))))
    return starts_upper(w.substr(dash + 1));
  return false;
}

// Levenshtein distance over bytes of folded keys (names are mostly ASCII
// once folded; a multi-byte letter counts as more than one edit, erring on
// the side of not linking).
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// "'A', 'B' and 3 more" style lists of doc ids.
std::string list_some(const std::vector<std::string>& items, size_t max = 3) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max; ++i) {
    if (i)
      out += i + 1 == items.size() || i + 1 == max ? (items.size() > max ? ", " : " and ") : ", ";
    out += items[i];
  }
  if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
  return out;
}

// ---------------------------------------------------------------- lexicon

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

// Calls row(fields) for each data line of a TSV lexicon file.
void read_lexicon(const std::filesystem::path& path,
                  const std::function<void(const std::vector<std::string>&)>& row) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read lexicon '" + path.string() + "'");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    row(split(line, '\t'));
  }
}

void add_words(std::set<std::string>& to, std::string_view phrase) {
  for (const auto& w : split_words(phrase)) {
    std::string k = word_key(w);
    if (!k.empty() && !is_modifier(k)) to.insert(k);
  }
}

// ---------------------------------------------------------------- entities

// Everything the articles say about one entity IRI.
struct Ent {
  std::string iri;
  std::map<std::string, int> label_votes;                   // label -> articles using it
  std::set<std::string> names;                              // labels and altLabels
  std::set<std::string> graphs;                             // articles mentioning it
  std::map<std::string, std::set<std::string>> aliases_in;  // graph -> altLabels there
  std::map<std::string, int> type_votes;                    // class IRI -> articles
  std::set<std::string> titles;                             // schema:jobTitle values
  std::string name;                                         // most used label
  int person = 0;                                           // articles typing it Person

  // Analysis of `name`.
  bool name_like = false;         // every word can be part of a person's name
  bool title_only = false;        // only title, honorific, place and linking words
  bool role_only = false;         // only title, honorific and linking words
  std::vector<std::string> core;  // the name once leading titles are dropped
  std::string key;                // folded core
  std::string dropped;            // the title words dropped ("President"); "" = none
  bool surname_only = false;      // core is one word, or particles and a word ("van Dijk")

  bool mostly_person() const { return person > 0 && size_t(person) * 2 >= graphs.size(); }
  size_t votes(std::string_view type) const {
    auto it = type_votes.find(std::string(type));
    return it == type_votes.end() ? 0 : size_t(it->second);
  }
  std::string top_type() const {
    std::string best;
    int n = 0;
    for (const auto& [t, v] : type_votes)
      if (v > n) {
        n = v;
        best = t;
      }
    return best;
  }
};

struct Analyzer {
  const LinkLexicon& lex;

  bool role(std::string_view k) const {
    if (lex.role_words.count(std::string(k))) return true;
    // Plurals: "Senators Kamala Harris" (from "Senators Kamala Harris and ...").
    if (k.size() > 3 && k.back() == 's' &&
        lex.role_words.count(std::string(k.substr(0, k.size() - 1))))
      return true;
    size_t dash = k.find('-');  // "then-president", "ex-minister"
    return dash != std::string_view::npos && is_modifier(k.substr(0, dash)) &&
           lex.role_words.count(std::string(k.substr(dash + 1)));
  }
  bool place(std::string_view k) const { return lex.place_words.count(std::string(k)) > 0; }

  void analyze(Ent& e) const {
    std::vector<std::string> w = split_words(e.name);
    e.name_like = !w.empty();
    for (size_t i = 0; i < w.size(); ++i)
      if (!is_name_word(w[i], i + 1 == w.size()) &&
          !(i + 1 < w.size() && (role(word_key(w[i])) || is_modifier(word_key(w[i])))))
        e.name_like = false;
    e.title_only = e.role_only = !w.empty();
    for (const auto& x : w) {
      std::string k = word_key(x);
      if (!role(k) && !place(k) && !is_modifier(k)) e.title_only = false;
      if (!role(k) && !is_modifier(k)) e.role_only = false;
    }
    // Leading titles: the longest run of title, place and linking words that
    // ends with a title word ("US Secretary of State").
    size_t lead = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string k = word_key(w[i]);
      if (!role(k) && !place(k) && !is_modifier(k)) break;
      if (role(k) && i + 1 < w.size()) lead = i + 1;
    }
    if (lead > 0)  // "Bishop Emeritus Dinualdo Gutierrez"
      while (lead + 1 < w.size() && is_qualifier(word_key(w[lead]))) ++lead;
    // A title inside ("Emergencies Minister Oleg Sorin"): the words
    // after the last title word when two or more, none a title.
    for (size_t i = w.size(); i-- > lead;) {
      if (role(word_key(w[i]))) {
        if (w.size() - i - 1 >= 2) lead = i + 1;
        break;
      }
    }
    e.core.assign(w.begin() + static_cast<long>(lead), w.end());
    // "Archbishop of Gdansk", "Speaker of the House": an office, no name.
    if (!e.core.empty() && is_modifier(word_key(e.core.front()))) e.name_like = false;
    e.key = key_of(e.core);
    e.dropped = join(w, 0, lead);
    e.surname_only = !e.core.empty();
    for (size_t i = 0; i + 1 < e.core.size(); ++i)
      if (!is_particle(word_key(e.core[i]))) e.surname_only = false;
  }
};

// The words of a full name that can be its surname: the last one (the one
// before a generational suffix), and for "al-Rashid" also "rashid".
std::vector<std::string> surnames_of(const std::vector<std::string>& core) {
  std::vector<std::string> out;
  if (core.size() < 2) return out;
  size_t i = core.size() - 1;
  if (generational_suffix(word_key(core[i])) && core.size() >= 3) --i;
  std::string k = word_key(core[i]);
  out.push_back(k);
  size_t dash = k.find('-');
  if (dash != std::string::npos && is_particle(k.substr(0, dash)))
    out.push_back(k.substr(dash + 1));
  // "Piet van Dijk": also "van dijk".
  size_t first = i;
  while (first > 1 && is_particle(word_key(core[first - 1]))) --first;
  if (first < i)
    out.push_back(
        key_of(std::vector<std::string>(core.begin() + long(first), core.begin() + long(i) + 1)));
  return out;
}

// Union-find over entity indices.
struct Groups {
  std::vector<int> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  bool unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    parent[std::max(a, b)] = std::min(a, b);
    return true;
  }
};

// Why two entities are one: an edge of the evidence graph.
struct Reason {
  int other;
  std::string rule;
  std::string evidence;
  std::set<std::string> graphs;  // articles the evidence comes from
};

struct Linker {
  explicit Linker(const Analyzer& analyzer) : an(analyzer) {}
  const Analyzer& an;
  std::vector<Ent> ents;
  std::map<std::string, std::pair<std::string, std::string>>
      articles;                                      // graph -> (article IRI, doc id)
  std::map<std::string, std::vector<int>> in_graph;  // graph -> entities
  std::vector<std::vector<Reason>> reasons;          // per entity
  std::vector<LinkDecision> out;

  std::string doc_of(const std::string& graph) const {
    auto it = articles.find(graph);
    if (it == articles.end()) return graph;
    return !it->second.second.empty()  ? it->second.second
           : !it->second.first.empty() ? it->second.first
                                       : graph;
  }
  std::vector<std::string> docs_of(const std::set<std::string>& graphs) const {
    std::vector<std::string> d;
    for (const auto& g : graphs) d.push_back(doc_of(g));
    std::sort(d.begin(), d.end());
    return d;
  }

  void link(int a, int b, std::string rule, std::string evidence, std::set<std::string> graphs) {
    reasons[a].push_back({b, rule, evidence, graphs});
    reasons[b].push_back({a, std::move(rule), std::move(evidence), std::move(graphs)});
  }

  // "'President Lena Varga' is the name 'Lena Varga' after the title words 'President'".
  std::string titled_evidence(const Ent& e) const {
    bool place = false;
    for (const auto& w : split_words(e.dropped))
      if (an.place(word_key(w))) place = true;
    return "'" + e.name + "' is the name '" + join(e.core) + "' after the title" +
           (place ? " or place" : "") + " words '" + e.dropped + "'";
  }

  bool share_article(const std::vector<int>& a, const std::vector<int>& b) const {
    for (int x : a)
      for (int y : b)
        for (const auto& g : ents[x].graphs)
          if (ents[y].graphs.count(g)) return true;
    return false;
  }

  // State shared by the steps of run(), in their order.
  size_t n = 0;                                        // entities read (minted ones come after)
  Groups groups{0};                                    // entities found to be one person
  std::map<std::string, std::vector<int>> by_key;      // full name (folded core) -> entities
  std::map<std::string, int> hub;                      // full name -> the entity standing for it
  std::map<std::string, std::set<std::string>> given;  // first word -> full names starting with it
  std::set<int> glued_members;                         // entities named with a glued prefix
  std::map<int, std::vector<int>> members;             // group root -> its entities
  std::vector<int> canonical;                          // entity -> its group's canonical; -1 = none

  bool full_name(const Ent& e) const {
    return e.name_like && !e.title_only && e.core.size() >= 2 && !e.surname_only;
  }

  void run() {
    n = ents.size();
    reasons.resize(n);
    groups = Groups(n);
    for (auto& e : ents) an.analyze(e);
    group_full_names();
    link_middle_initials();
    link_spelling_variants();
    link_glued_prefixes();
    choose_canonicals();
    link_surnames();
    decide_groups();
    std::sort(out.begin(), out.end(),
              [](const LinkDecision& a, const LinkDecision& b) { return a.variant < b.variant; });
  }

  // 1. Full names: persons whose name (titles dropped) has two or more
  // words; the plain name is the hub of its key, titled forms hang on it.
  void group_full_names() {
    for (size_t i = 0; i < n; ++i)
      if (full_name(ents[i]) && ents[i].mostly_person()) by_key[ents[i].key].push_back(int(i));
    // Title and place words before a person's full name make it that person
    // whatever the NER typed it ("United States Tom Berg", a place).
    for (size_t i = 0; i < n; ++i) {
      const Ent& e = ents[i];
      if (full_name(e) && !e.mostly_person() && !e.dropped.empty() && by_key.count(e.key))
        by_key[e.key].push_back(int(i));
    }
    for (auto& [key, m] : by_key) {
      std::sort(m.begin(), m.end(), [&](int a, int b) {
        bool pa = ents[a].dropped.empty(), pb = ents[b].dropped.empty();
        if (pa != pb) return pa;
        if (ents[a].graphs.size() != ents[b].graphs.size())
          return ents[a].graphs.size() > ents[b].graphs.size();
        return ents[a].iri < ents[b].iri;
      });
      int h = m.front();
      hub[key] = h;
      for (size_t j = 1; j < m.size(); ++j) {
        const Ent& e = ents[m[j]];
        groups.unite(h, m[j]);
        if (!e.dropped.empty())
          link(m[j], h, "titled-form", titled_evidence(e), e.graphs);
        else
          link(m[j], h, "same-name",
               "'" + e.name + "' and '" + ents[h].name + "' are the same name", e.graphs);
      }
    }
    // Given names tell "Mary Ann Smith" (a given name before "Ann Smith")
    // from "Vermont Karl Weiss".
    for (const auto& [key, h] : hub) given[word_key(ents[h].core.front())].insert(key);
  }

  // 2. Middle initials: "Jan Novak" = "Jan T. Novak" when that is
  // the only initialled form (first name, initials, then the same surname
  // and suffix). Whole middle names are not dropped: "Eva Maria Berg" and
  // "Eva Berg" can be mother and daughter.
  void link_middle_initials() {
    std::map<std::string, std::vector<std::string>> longer;  // first + surname -> initialled keys
    for (const auto& [key, h] : hub) {
      const auto& c = ents[h].core;
      size_t last = c.size() - 1;
      while (last > 1 && generational_suffix(word_key(c[last]))) --last;
      size_t from = last;
      while (from > 1 && is_particle(word_key(c[from - 1]))) --from;
      if (from <= 1) continue;  // nothing between first name and surname
      bool initials = true;
      for (size_t i = 1; i < from; ++i) {
        std::string k = word_key(c[i]);
        size_t len = code_point_count(k);
        if (!(len == 1 || (len == 2 && k.back() == '.'))) initials = false;
      }
      if (!initials) continue;
      std::vector<std::string> short_form{c.front()};
      short_form.insert(short_form.end(), c.begin() + long(from), c.end());
      longer[key_of(short_form)].push_back(key);
    }
    for (const auto& [plain, forms] : longer) {
      auto it = hub.find(plain);
      if (it == hub.end() || forms.size() != 1) continue;
      int a = it->second, b = hub[forms.front()];
      if (groups.unite(a, b))
        link(
            a, b, "middle-initial",
            "'" + join(ents[a].core) + "' is '" + join(ents[b].core) +
                "' without the middle initial, the only initialled form of that name in the corpus",
            ents[a].graphs);
    }
  }

  // 3. Spelling variants: same first name and word count, last names a
  // small edit apart, never both in one article.
  void link_spelling_variants() {
    std::map<std::pair<std::string, size_t>, std::vector<std::string>> by_first;
    for (const auto& [key, h] : hub)
      by_first[{word_key(ents[h].core.front()), ents[h].core.size()}].push_back(key);
    for (const auto& [first, keys] : by_first)
      for (size_t x = 0; x < keys.size(); ++x)
        for (size_t y = x + 1; y < keys.size(); ++y) spelling_variant(keys[x], keys[y]);
  }

  void spelling_variant(const std::string& key_a, const std::string& key_b) {
    int a = hub[key_a], b = hub[key_b];
    const auto &ca = ents[a].core, &cb = ents[b].core;
    for (size_t i = 1; i + 1 < ca.size(); ++i)
      if (word_key(ca[i]) != word_key(cb[i])) return;
    std::string la = word_key(ca.back()), lb = word_key(cb.back());
    if (la.empty() || lb.empty() || la[0] != lb[0]) return;
    size_t shortest = std::min(code_point_count(la), code_point_count(lb));
    size_t allowed = shortest >= 9 ? 2 : shortest >= 5 ? 1 : 0;
    size_t d = edit_distance(la, lb);
    if (d == 0 || d > allowed || share_article(by_key[key_a], by_key[key_b])) return;
    if (!groups.unite(a, b)) return;
    std::set<std::string> g = ents[a].graphs;
    g.insert(ents[b].graphs.begin(), ents[b].graphs.end());
    link(a, b, "spelling-variant",
         "'" + ents[a].name + "' and '" + ents[b].name + "': same first name, last names " +
             std::to_string(d) + " edit" + (d > 1 ? "s" : "") +
             " apart, both persons, never in the same article",
         std::move(g));
  }

  // 4. Glued prefixes: the name ends with another person's full name after
  // place, group or title words ("Vermont Karl Weiss"), or, for a name
  // most articles type a person, after words no name of the corpus starts
  // with ("Businessman Tom Berg"; but "Mary Ann Smith" is not "Ann
  // Smith" when some name starts with "Mary").
  void link_glued_prefixes() {
    std::set<int> variants;
    for (const auto& [key, h] : hub)
      if (ents[h].core.size() >= 3 && glue(h, true)) variants.insert(h);
    for (size_t i = 0; i < n; ++i) {
      const Ent& e = ents[i];
      if (full_name(e) && e.core.size() >= 3 && !by_key.count(e.key) && glue(int(i), false))
        variants.insert(int(i));
    }
    for (int g : variants)
      for (int x : by_key.count(ents[g].key) ? by_key[ents[g].key] : std::vector<int>{g})
        glued_members.insert(x);
  }

  // Links entity i to the person whose full name ends its name; false when none.
  bool glue(int i, bool person) {
    const Ent& e = ents[i];
    const auto& c = e.core;
    for (size_t len = c.size() - 1; len >= 2; --len) {
      auto it = hub.find(key_of(c, c.size() - len));
      if (it == hub.end() || groups.find(it->second) == groups.find(i)) continue;
      bool lexical = false, given_name = false;
      for (size_t j = 0; j < c.size() - len; ++j) {
        std::string k = word_key(c[j]);
        if (an.role(k) || an.place(k)) lexical = true;
        auto g = given.find(k);
        if (g != given.end() && (g->second.size() > 1 || !g->second.count(e.key)))
          given_name = true;
      }
      if (!lexical && (!person || given_name)) return false;
      groups.unite(i, it->second);
      link(i, it->second, "glued-prefix",
           "'" + e.name + "' is the name '" + join(ents[it->second].core) +
               "' of a person of the corpus after " +
               (lexical ? "the place, group or title words '"
                        : "words that begin no name of the corpus '") +
               join(c, 0, c.size() - len) + "'",
           e.graphs);
      return true;
    }
    return false;
  }

  // The canonical of each group: its plain full name mentioned by most
  // articles; with no plain one, the name the titled forms share, as the IRI
  // an article naming it plainly would get ("Minister Karl Weiss",
  // "Ruritania Karl Weiss" -> "Karl Weiss").
  void choose_canonicals() {
    for (size_t i = 0; i < n; ++i) members[groups.find(int(i))].push_back(int(i));
    canonical.assign(n, -1);
    auto plain = [&](int x) { return ents[x].dropped.empty() && !glued_members.count(x); };
    for (auto& [root, m] : members) {
      if (m.size() < 2) {
        // A titled name alone ("District Judge Ana Lopes").
        if (!plain(m.front()) && hub.count(ents[m.front()].key)) {
          int c = mint(m, glued_members, -1);
          if (c >= 0) canonical[m.front()] = c;
        }
        continue;
      }
      int best = m.front();
      auto rank = [&](int y) { return std::make_tuple(plain(y), ents[y].graphs.size()); };
      for (int x : m)
        if (rank(x) > rank(best) || (rank(x) == rank(best) && ents[x].iri < ents[best].iri))
          best = x;
      if (!plain(best)) best = mint(m, glued_members, best);
      for (int x : m) canonical[x] = best;
    }
  }

  std::string group_name(int root) const {
    int c = canonical[root] >= 0 ? canonical[root] : root;
    return ents[c].name;
  }

  // 5. One-word names ("Varga", "President Varga") link to the one person
  // with that surname the articles point to.
  void link_surnames() {
    std::map<std::string, std::set<int>> by_surname;  // surname -> group roots
    for (auto& [root, m] : members)
      for (int x : m)
        if (full_name(ents[x]) && hub.count(ents[x].key))
          for (const auto& s : surnames_of(ents[x].core)) by_surname[s].insert(root);
    for (size_t i = 0; i < n; ++i) {
      const Ent& b = ents[i];
      if (!b.name_like || b.title_only || !b.surname_only) continue;
      auto cands = by_surname.find(b.key);
      if (cands != by_surname.end()) link_surname(int(i), cands->second);
    }
  }

  // Where the articles point a surname: group root -> articles.
  struct Pointers {
    std::map<int, std::set<std::string>> in_article;  // the article names only that person
    std::map<int, std::set<std::string>> alias;       // the article calls that person so
  };

  Pointers pointers(const Ent& b, const std::set<int>& cands) {
    Pointers p;
    for (const auto& g : b.graphs) {
      std::set<int> named;
      bool ambiguous = false;
      for (int x : in_graph[g]) {
        if (cands.count(groups.find(x))) named.insert(groups.find(x));
        // The form is someone's given name here: no evidence.
        if (full_name(ents[x]) && ents[x].mostly_person() &&
            word_key(ents[x].core.front()) == b.key)
          ambiguous = true;
      }
      if (named.size() == 1 && !ambiguous) p.in_article[*named.begin()].insert(g);
    }
    for (int r : cands)
      for (int x : members[r])
        for (const auto& [g, names] : ents[x].aliases_in)
          for (const auto& a : names) {
            Ent tmp;
            tmp.name = a;
            an.analyze(tmp);
            if (tmp.name_like && tmp.surname_only && tmp.key == b.key) p.alias[r].insert(g);
          }
    return p;
  }

  void link_surname(int i, const std::set<int>& cands) {
    const Ent& b = ents[i];
    // A form typed a person, or mistyped by the NER ("Varga" a place,
    // "Weiss" an organisation): the latter only when every article using
    // it names the person and calls them so.
    const bool mistyped = !b.mostly_person() && !(b.person > 0 && !b.dropped.empty());
    const std::string surname = join(b.core);
    Pointers p = pointers(b, cands);
    std::set<int> voted;
    for (const auto& [r, g] : p.in_article) voted.insert(r);
    for (const auto& [r, g] : p.alias) voted.insert(r);
    if (mistyped) {
      if (voted.size() != 1) return;
      for (const auto& g : b.graphs)
        if (!p.in_article[*voted.begin()].count(g) || !p.alias[*voted.begin()].count(g)) return;
    }
    int target = -1;
    std::string rule, evidence;
    std::set<std::string> graphs;
    if (voted.size() == 1) {
      target = *voted.begin();
      std::string who = group_name(target);
      std::vector<std::string> parts;
      if (p.in_article.count(target)) {
        graphs = p.in_article[target];
        parts.push_back("surname-only form '" + surname + "' in article" +
                        (graphs.size() > 1 ? "s " : " ") + list_some(docs_of(graphs)) +
                        (graphs.size() > 1 ? ", which name " : ", which names ") + who +
                        " and no other person named " + surname);
      }
      if (p.alias.count(target)) {
        const auto& ga = p.alias[target];
        parts.push_back("article" + std::string(ga.size() > 1 ? "s " : " ") +
                        list_some(docs_of(ga)) + (ga.size() > 1 ? " call " : " calls ") + who +
                        " '" + surname + "'");
        graphs.insert(ga.begin(), ga.end());
      }
      rule = p.in_article.count(target) ? "surname-in-article" : "surname-alias";
      if (mistyped)
        parts.front() += " (typed " + compact_iri(b.top_type()) + " there, " +
                         (b.graphs.size() > 1 ? "in every article using it" : "its only article") +
                         ")";
      evidence = parts.front() + (parts.size() > 1 ? "; " + parts[1] : "") +
                 (cands.size() > 1 ? "; no article points to another person named " + surname : "");
    } else if (voted.empty() && cands.size() == 1 && !given.count(b.key) &&
               size_t(b.person) == b.graphs.size()) {
      // No article ties the form to anyone: only a surname nobody else has
      // (nor as a given name), typed a person by every article using it,
      // and given the same job title as the person somewhere ("Prime
      // Minister Varga"); sharing a surname and a newspaper is not enough.
      std::string shared = shared_title(b, *cands.begin());
      if (shared.empty()) return;
      target = *cands.begin();
      rule = "unique-surname";
      evidence = group_name(target) + " is the only person in the corpus with the surname '" +
                 surname + "', which no one has as a given name, and both have the job title '" +
                 shared + "'";
      graphs = b.graphs;
    }
    if (target < 0) return;
    if (!b.dropped.empty()) {
      evidence =
          "'" + b.name + "' is the title '" + b.dropped + "' before '" + surname + "'; " + evidence;
      rule = "titled-form+" + rule;
    }
    add_decision(i, canonical[target] >= 0 ? canonical[target] : target, rule, evidence, graphs);
  }

  // A job title b and some member of group `root` share; "" = none.
  std::string shared_title(const Ent& b, int root) {
    for (int m : members[root])
      for (const auto& t : ents[m].titles)
        if (b.titles.count(t)) return t;
    return "";
  }

  // Decisions for group members: the chain of reasons from member to canonical.
  void decide_groups() {
    for (auto& [root, m] : members) {
      int c = canonical[m.front()];
      if (c < 0) continue;
      for (int x : m) {
        if (x == c) continue;
        std::string rule, evidence;
        std::set<std::string> graphs;
        for (const Reason* r : path(x, c)) {
          rule += (rule.empty() ? "" : "+") + r->rule;
          evidence += (evidence.empty() ? "" : "; ") + r->evidence;
          graphs.insert(r->graphs.begin(), r->graphs.end());
        }
        add_decision(x, c, rule, evidence, graphs);
      }
    }
  }

  // The shortest chain of reasons from entity x to entity c (breadth-first).
  std::vector<const Reason*> path(int x, int c) const {
    std::map<int, std::pair<int, const Reason*>> from{{x, {-1, nullptr}}};
    std::vector<int> queue{x};
    for (size_t q = 0; q < queue.size() && !from.count(c); ++q)
      for (const auto& r : reasons[queue[q]])
        if (!from.count(r.other)) {
          from[r.other] = {queue[q], &r};
          queue.push_back(r.other);
        }
    std::vector<const Reason*> out_path;
    for (int y = c; from.count(y) && from.at(y).second; y = from.at(y).first)
      out_path.push_back(from.at(y).second);
    std::reverse(out_path.begin(), out_path.end());
    return out_path;
  }

  // A canonical entity for a group without a plain full name: the core name
  // of its most mentioned member that is no glued form. Returns `fallback`
  // when that IRI is taken by an entity outside the group.
  int mint(const std::vector<int>& group, const std::set<int>& glued, int fallback) {
    int t = -1;
    for (int x : group)
      if (!glued.count(x) && ents[x].core.size() >= 2 &&
          (t < 0 || ents[x].graphs.size() > ents[t].graphs.size() ||
           (ents[x].graphs.size() == ents[t].graphs.size() && ents[x].iri < ents[t].iri)))
        t = x;
    if (t < 0) return fallback;
    size_t cut = ents[t].iri.rfind("/entity/");
    if (cut == std::string::npos) return fallback;
    std::string name = join(ents[t].core);
    std::string iri = ents[t].iri.substr(0, cut + 8) + normalise_name(name);
    for (const auto& e : ents)
      if (e.iri == iri) return fallback;
    Ent c;
    c.iri = iri;
    c.name = name;
    c.core = ents[t].core;
    c.key = ents[t].key;
    ents.push_back(std::move(c));
    reasons.emplace_back();
    int ci = int(ents.size()) - 1;
    for (int x : group)  // every titled form of that name, directly
      if (!glued.count(x) && ents[x].key == ents[ci].key)
        link(x, ci, "titled-form", titled_evidence(ents[x]), ents[x].graphs);
    return ci;
  }

  void add_decision(int variant, int canonical, const std::string& rule,
                    const std::string& evidence, const std::set<std::string>& graphs) {
    LinkDecision d;
    d.variant = ents[variant].iri;
    d.canonical = ents[canonical].iri;
    d.variant_name = ents[variant].name;
    d.canonical_name = ents[canonical].name;
    d.rule = rule;
    d.evidence = evidence;
    for (const auto& g : graphs) {
      auto it = articles.find(g);
      d.articles.push_back(it != articles.end() && !it->second.first.empty() ? it->second.first
                                                                             : g);
    }
    std::sort(d.articles.begin(), d.articles.end());
    d.articles.erase(std::unique(d.articles.begin(), d.articles.end()), d.articles.end());
    out.push_back(std::move(d));
  }
};

// Sightings grouped by entity IRI (graph and article maps filled too).
void gather(const std::vector<EntitySighting>& sightings, std::vector<Ent>& ents,
            std::map<std::string, std::pair<std::string, std::string>>* articles,
            std::map<std::string, std::vector<int>>* in_graph) {
  std::unordered_map<std::string, int> index;
  std::set<std::pair<std::string, std::string>> seen;  // (iri, graph) counted once
  for (const auto& s : sightings) {
    auto [it, fresh] = index.emplace(s.iri, int(ents.size()));
    if (fresh) {
      ents.emplace_back();
      ents.back().iri = s.iri;
    }
    Ent& e = ents[it->second];
    bool first = seen.emplace(s.iri, s.graph).second;
    if (first) {
      e.graphs.insert(s.graph);
      if (!s.label.empty()) ++e.label_votes[s.label];
      if (!s.type.empty()) ++e.type_votes[s.type];
      if (s.type == kPerson) ++e.person;
      if (in_graph) (*in_graph)[s.graph].push_back(it->second);
    }
    if (!s.label.empty()) e.names.insert(s.label);
    e.titles.insert(s.titles.begin(), s.titles.end());
    for (const auto& a : s.aliases) {
      e.names.insert(a);
      e.aliases_in[s.graph].insert(a);
    }
    if (articles) {
      auto& a = (*articles)[s.graph];
      if (a.first.empty()) a.first = s.article;
      if (a.second.empty()) a.second = s.doc_id;
    }
  }
  for (auto& e : ents) {
    int best = -1;
    for (const auto& [label, votes] : e.label_votes)
      if (votes > best) {
        best = votes;
        e.name = label;
      }
    if (e.name.empty() && !e.names.empty()) e.name = *e.names.begin();
  }
}

std::string clean_cell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

LinkLexicon LinkLexicon::load(const std::filesystem::path& dir) {
  LinkLexicon lex;
  read_lexicon(dir / "titles.tsv", [&](const auto& f) { add_words(lex.role_words, f[0]); });
  read_lexicon(dir / "honorifics.tsv", [&](const auto& f) { add_words(lex.role_words, f[0]); });
  read_lexicon(dir / "countries.tsv", [&](const auto& f) {
    for (size_t i = 0; i < f.size() && i < 4; ++i)
      for (const auto& name : split(f[i], '|')) add_words(lex.place_words, name);
  });
  for (const char* file : {"cities.tsv", "regions.tsv", "groups.tsv"})
    read_lexicon(dir / file, [&](const auto& f) { add_words(lex.place_words, f[0]); });
  return lex;
}

std::vector<LinkDecision> link_entities(const std::vector<EntitySighting>& sightings,
                                        const LinkLexicon& lexicon) {
  Analyzer an{lexicon};
  Linker l(an);
  gather(sightings, l.ents, &l.articles, &l.in_graph);
  l.run();
  return std::move(l.out);
}

std::vector<EntityRow> entity_table(const std::vector<EntitySighting>& sightings,
                                    const std::vector<LinkDecision>& links) {
  std::vector<Ent> ents;
  gather(sightings, ents, nullptr, nullptr);
  std::map<std::string, std::string> canonical, canonical_name;
  for (const auto& d : links) {
    canonical[d.variant] = d.canonical;
    canonical_name[d.canonical] = d.canonical_name;
  }
  std::map<std::string, std::vector<const Ent*>> groups;  // canonical IRI -> members
  for (const auto& e : ents) {
    auto it = canonical.find(e.iri);
    groups[it == canonical.end() ? e.iri : it->second].push_back(&e);
  }
  std::unordered_map<std::string, const Ent*> by_iri;
  for (const auto& e : ents) by_iri[e.iri] = &e;
  std::vector<EntityRow> rows;
  for (const auto& [iri, members] : groups) {
    EntityRow row;
    row.iri = iri;
    auto self = by_iri.find(iri);
    auto named = canonical_name.find(iri);
    row.name = self != by_iri.end()            ? self->second->name
               : named != canonical_name.end() ? named->second
                                               : members.front()->name;
    std::set<std::string> graphs, names;
    std::map<std::string, int> types;
    for (const Ent* e : members) {
      graphs.insert(e->graphs.begin(), e->graphs.end());
      names.insert(e->names.begin(), e->names.end());
      for (const auto& [t, v] : e->type_votes) types[t] += v;
    }
    names.erase(row.name);
    row.aliases.assign(names.begin(), names.end());
    row.articles = graphs.size();
    int best = 0;
    for (const auto& [t, v] : types)
      if (v > best) {
        best = v;
        row.type = compact_iri(t);
      }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const EntityRow& a, const EntityRow& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    if (a.name != b.name) return a.name < b.name;
    return a.iri < b.iri;
  });
  return rows;
}

std::string entity_table_tsv(const std::vector<EntityRow>& rows) {
  std::string out = "iri\tname\ttype\taliases\tarticles\n";
  for (const auto& r : rows) {
    std::string aliases;
    for (const auto& a : r.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    out += clean_cell(r.iri) + '\t' + clean_cell(r.name) + '\t' + clean_cell(r.type) + '\t' +
           clean_cell(aliases) + '\t' + std::to_string(r.articles) + '\n';
  }
  return out;
}

size_t apply_links(const SameAsLinks& links, std::vector<Document>& docs) {
  // The IRI's path segment after "/entity/" -> the canonical's name.
  std::unordered_map<std::string, std::string> rename;
  for (const auto& [variant, canonical] : links.canonical) {
    size_t cut = variant.rfind("/entity/");
    auto name = links.name.find(canonical);
    if (cut != std::string::npos && name != links.name.end())
      rename[variant.substr(cut + 8)] = name->second;
  }
  size_t renamed = 0;
  if (rename.empty()) return 0;
  for (auto& doc : docs)
    for (auto& e : doc.entities) {
      if (e.name.empty()) continue;
      auto it = rename.find(normalise_name(e.name));
      if (it == rename.end() || it->second == e.name) continue;
      const std::string* target = &it->second;
      if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end())
        e.aliases.push_back(e.name);
      e.name = *target;
      ++renamed;
    }
  return renamed;
}

}  // namespace ng
