#include "entities/roles.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/dates.h"
#include "core/text.h"
#include "core/utf8.h"
#include "entities/gazetteer.h"
#include "entities/mention_spans.h"
#include "lexicon/lexicon.h"

namespace ng {

namespace {


// One line of titles.tsv (columns: phrase, canonical, of, gender, implies,
// flags) as a TitleInfo; throws line.error() when a column is malformed.
TitleInfo title_of(const LexiconLine& line) {
  const auto& f = line.fields;
  if (f.size() < 3 || f[0].empty() || f[1].empty())
    throw line.error("expected phrase, canonical, of");
  TitleInfo t;
  t.canonical = f[1];
  static const std::pair<const char*, TitleOf> kinds[] = {
      {"gpe", TitleOf::Gpe}, {"region", TitleOf::Region}, {"city", TitleOf::City},
      {"org", TitleOf::Org}, {"any", TitleOf::Any},       {"-", TitleOf::Nothing}};
  const auto kind = std::find_if(std::begin(kinds), std::end(kinds),
                                 [&](const auto& k) { return f[2] == k.first; });
  if (kind == std::end(kinds))
    throw line.error("unknown 'of' kind '" + f[2] + "' (gpe, region, city, org, any, -)");
  t.of_kind = kind->second;
  if (f.size() > 3 && f[3] != "-") {
    if (f[3] != "m" && f[3] != "f") throw line.error("gender must be m, f or -");
    t.gender = f[3][0];
  }
  if (f.size() > 4 && f[4] != "-" && !f[4].empty()) t.implies = split_at(f[4], '|');
  if (f.size() > 5 && f[5] != "-" && !f[5].empty()) {
    if (f[5] != "weak") throw line.error("unknown flag '" + f[5] + "' (weak, -)");
    t.weak = true;
  }
  return t;
}

}  // namespace

RoleLexicon RoleLexicon::load(const std::filesystem::path& dir) {
  RoleLexicon lex;
  read_lexicon(dir / "titles.tsv", LexiconFormat::Tsv, [&](const LexiconLine& line) {
    TitleInfo t = title_of(line);
    std::string key = gazetteer_key(line.fields[0]);
    lex.longest_ = std::max(lex.longest_,
                            static_cast<size_t>(std::count(key.begin(), key.end(), ' ') +
                                                std::count(key.begin(), key.end(), '-') * 2 + 1));
    lex.first_words_.emplace(key.substr(0, key.find_first_of(" -")), 1);
    lex.first_words_.emplace(key.substr(0, key.find(' ')), 1);
    auto& imp = lex.implies_[t.canonical];
    for (const auto& i : t.implies)
      if (std::find(imp.begin(), imp.end(), i) == imp.end()) imp.push_back(i);
    lex.titles_.emplace(std::move(key), std::move(t));
  });
  read_lexicon(dir / "portfolios.tsv", LexiconFormat::Tsv,
               [&](const LexiconLine& line) { lex.portfolios_.emplace(gazetteer_key(line.fields[0]), 1); });
  return lex;
}

const TitleInfo* RoleLexicon::match(const Document& doc, int t, int& len) const {
  const int n = static_cast<int>(doc.tokens.size());
  const TitleInfo* best = nullptr;
  len = 0;
  if (t >= n) return nullptr;
  // "Ex-Prime Minister": the title after a glued "ex-" (find_roles marks
  // it former).
  auto unprefixed = [](std::string key) { return key.starts_with("ex-") ? key.substr(3) : key; };
  const std::string first = unprefixed(gazetteer_key(doc.tokens[t].form));
  if (first.empty() || first == "the") return nullptr;  // keys drop a leading "the"
  // A plural title before names ("Presidents Ana Ruiz of X and Jan Novak
  // of Y") is the title of each.
  // An accented word is no plural: "Coös County" is not "COOs".
  auto plural = [&](const std::string& key, int end) {
    const std::string& last = doc.tokens[end - 1].form;
    return key.size() > 3 && key.back() == 's' && end < n && doc.tokens[end].upos == "PROPN" &&
           starts_upper(doc.tokens[end].form) &&
           std::all_of(last.begin(), last.end(), [](char c) { return (c & 0x80) == 0; });
  };
  const bool known_first = first_words_.count(first) ||
                           (plural(first, t + 1) && first_words_.count(first.substr(0, first.size() - 1)));
  if (!known_first) return nullptr;
  for (int k = 1; k <= static_cast<int>(longest_) && t + k <= n; ++k) {
    std::string key = unprefixed(gazetteer_key(doc, t, t + k));
    auto it = titles_.find(key);
    if (it == titles_.end() && plural(key, t + k)) it = titles_.find(key.substr(0, key.size() - 1));
    if (it != titles_.end()) {
      best = &it->second;
      len = k;
    }
  }
  return best;
}

bool RoleLexicon::satisfies(std::string_view held, std::string_view wanted) const {
  if (held == wanted) return true;
  auto it = implies_.find(std::string(held));
  if (it != implies_.end())
    return std::find(it->second.begin(), it->second.end(), wanted) != it->second.end();
  // A title with a portfolio the lexicon lacks ("Commerce Secretary",
  // find_roles) holds its title word ("Secretary"); a lower rank ("Deputy
  // Secretary") or a title of the lexicon ("Senate President") does not.
  const size_t space = held.find(' ');
  if (space == std::string_view::npos || titles_.count(to_lower(held))) return false;
  const std::string first = to_lower(held.substr(0, space));
  if (one_of(first, {"deputy", "assistant", "vice", "under", "associate"})) return false;
  return satisfies(held.substr(space + 1), wanted);
}

namespace {

bool is_person(const Mention& m) { return m.type == EntityType::Person; }
bool is_place_or_org(const Mention& m) {
  return m.type == EntityType::Gpe || m.type == EntityType::Loc || m.type == EntityType::Org ||
         m.type == EntityType::Fac;
}

// Words that may stand between a determiner and a title ("the former
// acting President").
bool title_premodifier(const Token& tok) {
  static const char* words[] = {"former", "new",      "current", "acting", "incumbent", "outgoing",
                                "then",   "late",     "interim", "newly",  "elected",   "first",
                                "deputy", "incoming", "sitting", "-",      "then-",     "ex-",
                                "previous", "erstwhile"};
  std::string l = to_lower(tok.form);
  for (const char* w : words)
    if (l == w) return true;
  return false;
}

// A premodifier saying the title was held in the past ("former", "ex-",
// "then-President", "retired", "the late Senator", "the previous mayor").
bool past_word(const Token& tok) {
  const std::string l = to_lower(tok.form);
  return l == "former" || l == "previous" || l == "erstwhile" || l == "ex-" || l == "then" || l == "then-" || l == "retired" ||
         l == "late" || l == "ex" || l.rfind("ex-", 0) == 0 || l.rfind("then-", 0) == 0;
}

// Prefixes of a vessel's name ("MV", "HMS"): "MV Professor Ana Ruiz" is a
// ship, not a professor.
bool vessel_prefix(const Token& tok) {
  return one_of(tok.form, {"MV", "MS", "SS", "RV", "HMS", "USS", "HMAS", "HMCS", "USNS", "FV"});
}

bool determiner(const Token& tok) {
  std::string l = to_lower(tok.form);
  return l == "the" || l == "this" || l == "that" || l == "its" || l == "his" || l == "her" ||
         l == "their" || l == "our" || l == "a" || l == "an";
}

// What find_roles knows of the document: its Name mentions by token, and
// the steps that read one title's description.
struct RoleFinder {
  const Document& doc;
  const RoleLexicon& lexicon;
  const Gazetteer* gazetteer;
  const int n;
  std::vector<int> cover;  // token -> innermost Name mention

  RoleFinder(const Document& d, const RoleLexicon& l, const Gazetteer* g)
      : doc(d), lexicon(l), gazetteer(g), n(static_cast<int>(d.tokens.size())), cover(n, -1) {
    for (int i = 0; i < static_cast<int>(doc.mentions.size()); ++i) {
      const Mention& m = doc.mentions[i];
      if (m.kind != MentionKind::Name) continue;
      for (int t = m.first; t < m.last; ++t) {
        const int c = cover[t];
        if (c < 0 || doc.mentions[c].last - doc.mentions[c].first > m.last - m.first) cover[t] = i;
      }
    }
  }

  // Index of the innermost Name mention that covers token t (-1 = none).
  int name_at(int t) const { return t >= 0 && t < n ? cover[t] : -1; }
  bool form_is(int t, const char* w) const {
    return t >= 0 && t < n && to_lower(doc.tokens[t].form) == w;
  }

  // Whether the title words [t, t + len) are used as a title: a weak title
  // only capitalised or followed by "of"; "general public", "chief concern":
  // a one-word title used as an adjective is none.
  bool used_as_title(int t, int len, const TitleInfo& info, bool of_follows) const {
    const bool capital = starts_upper(doc.tokens[t].form);
    if (info.weak && !capital && !of_follows) return false;
    return !(len == 1 && (doc.tokens[t].upos == "VERB" || doc.tokens[t].upos == "ADJ"));
  }

  // Whose title the word before token a (after premodifiers) says: a
  // demonym ("French President"), a place/org name ("Tarsk Governor", "Apple
  // CEO"), a possessive ("France's President"). Sets r.of or r.of_demonym;
  // returns where the description now starts.
  int read_owner(const Sentence& s, int a, int inside, RoleMention& r) const {
    const int prev = name_at(a - 1);
    std::string key = gazetteer_key(doc.tokens[a - 1].form);
    if (prev >= 0 && doc.mentions[prev].type == EntityType::Norp && inside < 0) {
      r.of_demonym = gazetteer_key(doc, doc.mentions[prev].first, doc.mentions[prev].last);
      return doc.mentions[prev].first;
    }
    if (prev >= 0 && is_place_or_org(doc.mentions[prev]) && inside < 0) {
      r.of = prev;
      return doc.mentions[prev].first;
    }
    if (gazetteer && inside >= 0 && gazetteer->demonyms.count(key)) {
      r.of_demonym = key;
      return a - 1;
    }
    if ((key == "'s" || key == "’s" || key == "'") && a - 1 > s.first) {
      // "Y's Governor"; "Y's chief of staff", "Y's spokeswoman" (Y a
      // person: a lower-case title is held for that person; a capitalised
      // one may follow a name the NER took for a person's: "Acme's CEO")
      const int owner = name_at(a - 2);
      if (owner >= 0 && (is_place_or_org(doc.mentions[owner]) ||
                         (is_person(doc.mentions[owner]) && !starts_upper(doc.tokens[a].form)))) {
        r.of = owner;
        // "then-Governor X's deputy chief of staff": held then, for X then
        const int f = doc.mentions[owner].first;
        if (is_person(doc.mentions[owner]) &&
            (past_word(doc.tokens[f]) || former_before_owner(s, f)))
          r.former = true;
        return doc.mentions[owner].first;
      }
    }
    return a;
  }

  // Whether token k, right before a title, is a word of a name the title
  // word belongs to ("Jan Mayor": a surname; "Samuel Lewis King Jr."),
  // or of a longer title the lexicon lacks ("Postmaster General"), rather
  // than a word saying whose title it is: a place, organisation or group
  // ("Ohio Governor", "US Senator", "Senate Leader", "Chilean President").
  bool name_word(int k) const {
    const Token& tok = doc.tokens[k];
    if (tok.upos != "PROPN" || !starts_upper(tok.form) || title_premodifier(tok) || determiner(tok))
      return false;
    const int m = name_at(k);
    if (m >= 0 && !is_person(doc.mentions[m])) return false;
    if (!gazetteer) return true;
    for (int j = std::max(k - 3, 0); j < k; ++j)  // "New York City", "United States"
      if (gazetteer->place(gazetteer_key(doc, j, k + 1))) return false;
    const std::string key = gazetteer_key(tok.form);
    if (gazetteer->place(key) || gazetteer->demonyms.count(key) || gazetteer->groups.count(key) ||
        gazetteer->org_words.count(key) || gazetteer->region_words.count(key) ||
        gazetteer->titles.count(key))
      return false;
    const auto nominal = gazetteer->nominals.find(key);
    return nominal == gazetteer->nominals.end() || nominal->second.type == EntityType::Person ||
           nominal->second.type == EntityType::Other;
  }

  // "former Ohio governor", "former New York City Mayor": a past word before
  // the capitalised words that say whose title it is (read_premodifiers
  // stops at a name it cannot read as the owner).
  // "then-U.S.-president": the hyphens glue the words (no spaces).
  bool former_before_owner(const Sentence& s, int a) const {
    int k = a - 1;
    auto glue = [&](int t) {
      return doc.tokens[t].form == "-" && t > s.first && !doc.tokens[t - 1].space_after &&
             !doc.tokens[t].space_after;
    };
    while (k > s.first && k >= a - 5 && !past_word(doc.tokens[k]) &&
           (glue(k) || (starts_upper(doc.tokens[k].form) &&
                        (doc.tokens[k].upos == "PROPN" || doc.tokens[k].upos == "ADJ"))))
      --k;
    return k >= s.first && past_word(doc.tokens[k]);
  }

  // "the resignation of Governor X", "the death of President Y": a noun of
  // leaving (or of the end of a life) whose "of" complement holds the title
  // or its holder's name: the title was held until then.
  bool left_office(int title_first, int title_last, int inside) const {
    static const char* nouns[] = {"resignation", "death", "ouster", "removal", "retirement",
                                  "assassination", "funeral", "overthrow", "killing"};
    std::vector<int> heads = {span_head(doc, title_first, title_last)};
    if (inside >= 0) heads.push_back(doc.mentions[inside].head);
    for (int h : heads) {
      for (int steps = 0; h >= 0 && steps < 3; ++steps) {  // up a name's flat/compound words
        const Token& tok = doc.tokens[h];
        if (tok.head < 0) break;
        const Token& gov = doc.tokens[tok.head];
        const std::string noun = to_lower(gov.lemma.empty() ? gov.form : gov.lemma);
        if (tok.deprel.starts_with("nmod") && tok.deprel != "nmod:poss" &&
            std::find(std::begin(nouns), std::end(nouns), noun) != std::end(nouns))
          return true;
        if (!(tok.deprel == "flat" || tok.deprel == "compound" || tok.deprel == "nmod:desc" ||
              tok.deprel == "appos"))
          break;
        h = tok.head;
      }
    }
    return false;
  }

  // The head of the clause token t lies in: t's ancestors up to the first
  // clause relation (root, ccomp, advcl, acl, parataxis, csubj, xcomp).
  int clause_of(int t) const {
    for (int steps = 0; t >= 0 && steps < 64; ++steps) {
      const std::string& rel = doc.tokens[t].deprel;
      if (doc.tokens[t].head < 0 || rel.starts_with("ccomp") || rel.starts_with("advcl") ||
          rel.starts_with("acl") || rel.starts_with("parataxis") || rel.starts_with("csubj") ||
          rel.starts_with("xcomp"))
        return t;
      t = doc.tokens[t].head;
    }
    return t;
  }

  // Whether the clause of title r tells of years before the article's own:
  // a past-tense verb heads it and a year in it is at least two before the
  // publication year, not after "since" ("In 1978, President Ana Ruiz
  // signed ..." in a 2020 article: the title was held then). False when
  // the publication date is unknown.
  // "sixties" .. "nineties" -> 1960 .. 1990; 0 for any other word.
  static int spelled_decade(const std::string& form) {
    static const char* words[] = {"sixties", "seventies", "eighties", "nineties"};
    const std::string l = to_lower(form);
    for (int k = 0; k < 4; ++k)
      if (l == words[k]) return 1960 + 10 * k;
    return 0;
  }

  // "74 years ago", "Seventy-four years ago", "decades ago": how many years
  // back the phrase ending in "ago" at token t goes (at least), or 0.
  int years_ago(const Sentence& s, int t) const {
    if (to_lower(doc.tokens[t].form) != "ago" || t - 2 < s.first) return 0;
    const std::string unit = to_lower(doc.tokens[t - 1].form);
    if (unit == "decades" || unit == "centuries") return 20;
    if (unit != "years") return 0;
    const std::string n = to_lower(doc.tokens[t - 2].form);
    if (n == "several" || n == "many") return 3;
    return cardinal(n);
  }

  bool told_of_past_years(const Sentence& s, const RoleMention& r) const {
    if (doc.date.size() < 4) return false;
    const int published = std::atoi(doc.date.substr(0, 4).c_str());
    const int own = clause_of(span_head(doc, r.title_first, r.title_last));
    if (own < 0) return false;
    // A clause without a tense of its own ("citing ...", "to consider ...",
    // "incumbent Senator X" read as a secondary predicate) is told in the
    // tense of the clause it hangs on; the year may be in any clause from
    // the title's up to that one.
    int clause = own;
    for (int steps = 0; steps < 4 && !finite(clause) && doc.tokens[clause].head >= 0; ++steps)
      clause = clause_of(doc.tokens[clause].head);
    if (!past_tense(s, clause)) return false;
    for (int t = s.first; t < s.last; ++t) {
      const std::string& f = doc.tokens[t].form;
      // a year ("1978"), a decade ("the 1800s": its last year) or a decade in
      // words ("in the eighties": of the 1900s)
      const bool decade = f.size() == 5 && f[4] == 's' && f[3] == '0';
      const int spelled = spelled_decade(f);
      if (years_ago(s, t) >= 2 && dominates(clause, clause_of(t)) && dominates(clause_of(t), own))
        return true;
      if (spelled > 0 && dominates(clause, clause_of(t)) && dominates(clause_of(t), own) &&
          spelled + 9 <= published - 2)
        return true;
      if ((f.size() != 4 && !decade) || !std::all_of(f.begin(), f.begin() + 4, ::isdigit) ||
          !dominates(clause, clause_of(t)) || !dominates(clause_of(t), own))
        continue;
      const int year = std::atoi(f.substr(0, 4).c_str()) + (decade ? 9 : 0);
      const bool since = t > s.first && to_lower(doc.tokens[t - 1].form) == "since";
      if (year >= 1800 && year <= published - 2 && !since) return true;
    }
    return false;
  }

  // Whether clause head c is a finite verb or has a finite auxiliary or
  // copula (not a participle, gerund or infinitive on its own).
  bool finite(int c) const {
    const std::string& x = doc.tokens[c].xpos;
    if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") return true;
    const Sentence& s = doc.sentences[doc.sentence_of(c)];
    for (int t = s.first; t < s.last; ++t)
      if (doc.tokens[t].head == c && (doc.tokens[t].deprel.starts_with("aux") ||
                                      doc.tokens[t].deprel == "cop") &&
          doc.tokens[t].xpos != "TO")
        return true;
    return false;
  }

  // Whether clause head c is in the past tense (its verb or auxiliary).
  bool past_tense(const Sentence& s, int c) const {
    if (doc.tokens[c].xpos == "VBD") return true;
    for (int t = s.first; t < s.last; ++t)
      if (doc.tokens[t].head == c && doc.tokens[t].xpos == "VBD" &&
          (doc.tokens[t].deprel.starts_with("aux") || doc.tokens[t].deprel == "cop"))
        return true;
    return false;
  }

  // Whether clause head `outer` is `inner` or one of its ancestors.
  bool dominates(int outer, int inner) const {
    for (int steps = 0; inner >= 0 && steps < 64; ++steps) {
      if (inner == outer) return true;
      inner = doc.tokens[inner].head;
    }
    return false;
  }

  // Whether token k can be a word of a title's portfolio or rank: a
  // capitalised word of portfolios.tsv ("Commerce", "Civil Aviation",
  // "Senior", "Grand") in no name but the person's name the title is inside
  // (`inside`).
  bool portfolio_word(int k, int inside) const {
    const Token& tok = doc.tokens[k];
    return starts_upper(tok.form) && (name_at(k) < 0 || name_at(k) == inside) &&
           lexicon.portfolio(gazetteer_key(tok.form));
  }

  // Whether title [t, t + len) is a rank word ("Deputy", "Assistant")
  // followed by up to three capitalised portfolio words and another title: the rank of
  // that title ("Principal Deputy National Security Advisor").
  bool rank_of_next_title(const Sentence& s, int t, int len) const {
    if (len != 1 || !one_of(to_lower(doc.tokens[t].form), {"deputy", "assistant"})) return false;
    int k = t + 1;
    while (k < s.last && k - t <= 3 && starts_upper(doc.tokens[k].form) &&
           lexicon.portfolio(gazetteer_key(doc.tokens[k].form)))
      ++k;
    int next_len = 0;
    return k < s.last && lexicon.match(doc, k, next_len) != nullptr;
  }

  // Whether the words before a portfolio [a, ...) leave it a portfolio:
  // nothing, a lower-case word, a premodifier or determiner ("Former
  // Health Secretary"), an organisation word ("Police"), or a place, nationality or organisation
  // (the owner: "US Commerce Secretary"); not the inside of a longer name
  // ("Police and Crime Commissioner", "League of Latin American Citizens
  // President").
  bool portfolio_starts(const Sentence& s, int a) const {
    auto capital = [&](int k) { return k >= s.first && starts_upper(doc.tokens[k].form); };
    if (a == s.first) return true;
    const Token& tok = doc.tokens[a - 1];
    // (after "A and", a list of people goes on: "Envoy A and Deputy X Y Z")
    if (one_of(to_lower(tok.form), {"and", "&"}) && name_at(a - 2) >= 0 &&
        is_person(doc.mentions[name_at(a - 2)]))
      return true;
    if (one_of(to_lower(tok.form), {"and", "of", "for", "&"})) return !capital(a - 2);
    if (!starts_upper(tok.form) || title_premodifier(tok) || past_word(tok) || determiner(tok)) return true;
    const std::string key = gazetteer_key(tok.form);
    if (gazetteer && gazetteer->org_words.count(key)) return true;  // "Police Senior Superintendent"
    // An owner that starts its own run of capitalised words.
    const int m = name_at(a - 1);
    if (m >= 0 && (is_place_or_org(doc.mentions[m]) || doc.mentions[m].type == EntityType::Norp))
      return !capital(doc.mentions[m].first - 1) || doc.mentions[m].first == s.first;
    const bool owner = gazetteer && (gazetteer->place(key) || gazetteer->demonyms.count(key));
    return owner && (!capital(a - 2) || a - 1 == s.first);
  }

  // "Commerce Secretary", "Civil Aviation Minister", "Senior
  // Superintendent": up to five portfolio words right before the title
  // (portfolio_word) join the title, when a person's name follows the
  // title (in its mention or right after it). Returns where the title now
  // starts.
  int read_portfolio(const Sentence& s, int inside, RoleMention& r) const {
    int a = r.title_first;
    const int next = inside >= 0 ? inside : name_at(r.title_last);
    if (next < 0 || !is_person(doc.mentions[next]) || doc.mentions[next].last <= r.title_last) return a;
    // A rank word role() already put in the title ("Deputy Governor") is
    // no portfolio word again.
    int stop = r.title_first;
    if (stop > s.first && r.title.rfind(doc.tokens[stop - 1].form + " ", 0) == 0) stop = a = stop - 1;
    while (a > s.first && r.title_first - a < 5 && portfolio_word(a - 1, inside)) --a;
    if (a < stop && !portfolio_starts(s, a)) return r.title_first;
    if (a < stop) r.title = std::string(doc.tokens_text(a, stop)) + " " + r.title;
    return std::min(a, r.title_first);
  }

  // Premodifiers: the owner (read_owner), adjectives like "former", then a
  // determiner. Sets r.first (covering a person name the title is inside);
  // returns whether the description is definite (a definite determiner or
  // an owner).
  bool read_premodifiers(const Sentence& s, int inside, RoleMention& r) const {
    int a = read_portfolio(s, inside, r);
    r.former |= former_before_owner(s, a);
    while (a > s.first && title_premodifier(doc.tokens[a - 1])) r.former |= past_word(doc.tokens[--a]);
    if (a > s.first) a = read_owner(s, a, inside, r);
    while (a > s.first && title_premodifier(doc.tokens[a - 1])) r.former |= past_word(doc.tokens[--a]);
    bool definite = false;
    if (a > s.first && determiner(doc.tokens[a - 1])) {
      --a;
      std::string d = to_lower(doc.tokens[a].form);
      definite = !(d == "a" || d == "an");
    }
    if (r.of >= 0 || !r.of_demonym.empty()) definite = true;
    r.first = inside >= 0 ? std::min(a, doc.mentions[inside].first) : a;
    return definite;
  }

  // The "of" complement after the title: the first place/organisation name
  // after "of (the)" (r.of unless set); further "of ..." links extend the
  // description ("Governor of the X Oblast of the Ruritanian Federation").
  // Capitalised words that name no place make the title longer ("Minister
  // of Foreign Affairs"). Returns the end of the description.
  int read_of_complement(const Sentence& s, RoleMention& r) const {
    int end = r.title_last;
    int x = end + 1;
    if (form_is(x, "the")) ++x;
    const int m = name_at(x);
    // "Director General of the X's institute": the place has what the
    // title is of; the title is not of the place.
    const bool possessed = m >= 0 && (form_is(doc.mentions[m].last, "'s") ||
                                      form_is(doc.mentions[m].last, "’s"));
    if (m >= 0 && is_place_or_org(doc.mentions[m]) && doc.mentions[m].first == x) {
      if (r.of < 0 && !possessed) r.of = m;
      end = doc.mentions[m].last;
      for (;;) {  // chained "of the Ruritanian Federation"
        int y = end;
        if (!form_is(y, "of")) break;
        ++y;
        if (form_is(y, "the")) ++y;
        const int m2 = name_at(y);
        if (m2 < 0 || !is_place_or_org(doc.mentions[m2]) || doc.mentions[m2].first != y) break;
        end = doc.mentions[m2].last;
      }
    } else if (x < s.last && starts_upper(doc.tokens[x].form) &&
               (m < 0 || (is_person(doc.mentions[m]) &&
                          ((doc.mentions[m].first < x && !place_at(x)) ||
                           (gazetteer &&
                            gazetteer->titles.count(gazetteer_key(doc.tokens[x].form))))))) {
      // "Minister of Justice" (a title word the NER took for a person's
      // name, or a person's name that starts with the title): the words
      // belong to the title. They end where the name starts: "Secretary of
      // Justice Ana Ruiz Lopes" (a given name before a capitalised word);
      // a name that starts with the title must show where.
      const bool in_name = m >= 0 && doc.mentions[m].first < x &&
                           !(gazetteer && gazetteer->titles.count(gazetteer_key(doc.tokens[x].form)));
      bool name_starts = false;
      int y = x;
      while (y < s.last &&
             (starts_upper(doc.tokens[y].form) ||
              (form_is(y, "and") && y + 1 < s.last && starts_upper(doc.tokens[y + 1].form)))) {
        if (y > x && y + 1 < s.last && gazetteer &&
            gazetteer->given_names.count(gazetteer_key(doc.tokens[y].form)) &&
            starts_upper(doc.tokens[y + 1].form)) {
          name_starts = true;
          break;
        }
        ++y;
      }
      // Not an adjective of a common noun: "president of the African nation".
      if ((!in_name || name_starts) &&
          !(y < s.last && doc.tokens[y].upos == "NOUN" && !starts_upper(doc.tokens[y].form))) {
        r.title += " of " + std::string(doc.tokens_text(x, y));
        end = y;
      }
    }
    return end;
  }

  // Whether the holder's name of role r, after the title, is a place or
  // a facility's name: its last word a facility, organisation or region
  // word of the gazetteer ("Base", "Airport", "City"), or all of it a
  // place the gazetteer knows ("America").
  bool names_no_person(const RoleMention& r) const {
    if (!gazetteer) return false;
    const Mention& h = doc.mentions[r.holder];
    const int from = std::max(h.first, r.title_last);
    int to = from;  // the name itself: up to an "of" phrase, a comma or a bracket
    while (to < h.last && !one_of(doc.tokens[to].form, {"of", ",", "("})) ++to;
    if (from >= to) return false;
    const std::string last = gazetteer_key(doc.tokens[to - 1].form);
    if (to - from > 1 && (gazetteer->org_words.count(last) || gazetteer->region_words.count(last)))
      return true;
    return gazetteer->place(gazetteer_key(doc, from, to)) != nullptr;
  }

  // Whether a place of the gazetteer starts at token x ("United States").
  bool place_at(int x) const {
    if (!gazetteer) return false;
    for (int e = x + 1; e <= std::min(x + 4, n); ++e)
      if (gazetteer->place(gazetteer_key(doc, x, e))) return true;
    return false;
  }

  // Predicate nominative / xcomp: "X is the president of Y", "X was
  // elected president", "X became governor": the person who is the subject.
  int predicate_subject(const Sentence& s, const RoleMention& r) const {
    const int h = span_head(doc, r.title_first, r.title_last);
    int subj = -1;
    for (int c = s.first; c < s.last && h >= 0; ++c) {
      if (doc.tokens[c].head != h) continue;
      const std::string& rel = doc.tokens[c].deprel;
      if (rel == "nsubj" || rel == "nsubj:pass") subj = c;
    }
    bool has_cop = false;
    for (int c = s.first; c < s.last && h >= 0; ++c)
      if (doc.tokens[c].head == h && doc.tokens[c].deprel == "cop") has_cop = true;
    if (!has_cop) subj = -1;
    if (subj < 0 && h >= 0 && doc.tokens[h].deprel == "xcomp" && doc.tokens[h].head >= 0) {
      const int v = doc.tokens[h].head;
      for (int c = s.first; c < s.last; ++c)
        if (doc.tokens[c].head == v &&
            (doc.tokens[c].deprel == "nsubj:pass" || doc.tokens[c].deprel == "obj" ||
             (doc.tokens[c].deprel == "nsubj" && to_lower(doc.tokens[v].lemma) == "become")))
          subj = c;
    }
    if (subj >= 0) {
      const int m = name_at(subj);
      if (m >= 0 && is_person(doc.mentions[m])) return m;
    }
    return -1;
  }

  // The named holder of description r when the title is not inside the
  // holder's name (-1 = none): right after it ("Governor of the X Oblast Y
  // Z", "President Y Z"), before it with a comma ("X, President of Y"),
  // after it between commas ("The governor of X, Y Z, said"), or the
  // predicate_subject.
  int holder_of(const Sentence& s, const RoleMention& r, int inside) const {
    const int end = r.last;
    if (const int m = name_at(std::max(end, inside >= 0 ? doc.mentions[inside].last : 0));
        m >= 0 && is_person(doc.mentions[m]) && doc.mentions[m].first == end)
      return m;
    if (form_is(r.first - 1, ",") && name_at(r.first - 2) >= 0 &&
        is_person(doc.mentions[name_at(r.first - 2)]) &&
        doc.mentions[name_at(r.first - 2)].last == r.first - 1)
      return name_at(r.first - 2);
    if (form_is(end, ",") && name_at(end + 1) >= 0 && is_person(doc.mentions[name_at(end + 1)]) &&
        doc.mentions[name_at(end + 1)].first == end + 1 &&
        (r.first == s.first || form_is(r.first - 1, ",")))
      return name_at(end + 1);
    return predicate_subject(s, r);
  }

  // Whether the past words among tokens [a, b) are all "then" ("then-
  // President X": held at that time, maybe still held), and there is one.
  bool only_then(int a, int b) const {
    bool then = false;
    for (int k = a; k < b; ++k) {
      const std::string l = to_lower(doc.tokens[k].form);
      const bool is_then = l == "then" || l.starts_with("then-");
      if (past_word(doc.tokens[k]) && !is_then) return false;
      then = then || is_then;
    }
    return then;
  }

  // "former presidents A, B and C", "Senators A and B": a title in the
  // plural before coordinated names is the title of each; appends to out a
  // copy of r for each person conjunct of r's holder.
  void add_plural_holders(const RoleMention& r, std::vector<RoleMention>& out) const {
    const std::string word = to_lower(doc.tokens[r.title_last - 1].form);
    const std::string canonical = to_lower(r.title.substr(r.title.rfind(' ') + 1));
    if (word.size() < 3 || word.back() != 's' || word == canonical) return;
    const int head = doc.mentions[r.holder].head;
    const Sentence& s = doc.sentences[r.sentence];
    for (int c = head + 1; c < s.last; ++c) {
      if (doc.tokens[c].deprel != "conj" || doc.tokens[c].head != head) continue;
      const int m = name_at(c);
      if (m < 0 || m == r.holder || !is_person(doc.mentions[m]) || doc.mentions[m].head != c) continue;
      RoleMention copy = r;
      copy.holder = m;
      copy.conjunct = true;
      // "Presidents A of X and B of Y": each holder's own "of" place.
      if (r.of >= 0 && doc.mentions[r.of].first > doc.mentions[r.holder].first)
        copy.of = place_after_holder(s, copy);
      out.push_back(copy);
    }
  }

  // The description of title [t, t + len) of sentence si (inside = the
  // person name it is part of, or -1) with its owner and holder.
  RoleMention role(int si, int t, int len, const TitleInfo& info, int inside,
                   bool of_follows) const {
    const Sentence& s = doc.sentences[si];
    RoleMention r;
    r.sentence = si;
    r.title_first = t;
    r.title_last = t + len;
    r.title = info.canonical;
    r.first = t;
    r.last = t + len;
    // "deputy director", "assistant secretary": a lower rank of the title
    // the lexicon lacks keeps its rank word.
    if (t > s.first && one_of(to_lower(doc.tokens[t - 1].form), {"deputy", "assistant", "vice"}) &&
        !one_of(to_lower(r.title.substr(0, r.title.find(' '))), {"deputy", "assistant", "vice"})) {
      std::string rank = to_lower(doc.tokens[t - 1].form);
      rank[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rank[0])));
      r.title = rank + " " + r.title;
    }
    bool definite = read_premodifiers(s, inside, r);
    r.former_then = r.former && only_then(r.first, t + 1);
    const bool explicit_former = r.former || to_lower(doc.tokens[t].form).starts_with("ex-") ||
                                 left_office(t, t + len, inside);
    if (explicit_former && !r.former) r.former_then = false;
    r.former_by_date = !explicit_former && told_of_past_years(s, r);
    r.former = explicit_former || r.former_by_date;
    r.last = of_follows ? read_of_complement(s, r) : t + len;
    // A person "name" that is only the title and its complement
    // ("President of the United States") describes; one with words after
    // the title names the holder ("President Ana Ruiz").
    const bool inside_names = inside >= 0 && doc.mentions[inside].last > r.last;
    if (inside >= 0 && !inside_names) definite = true;
    r.holder = inside_names ? inside : holder_of(s, r, inside);
    r.description = r.holder < 0 && definite;
    if (r.holder >= 0 && r.of < 0 && r.of_demonym.empty() &&
        (info.of_kind == TitleOf::Gpe || info.of_kind == TitleOf::Region ||
         info.of_kind == TitleOf::City || info.of_kind == TitleOf::Any))
      r.of = place_after_holder(s, r);
    return r;
  }

  // "President Ana Ruiz of Tarsk", "Presidents A of X and B of Y": the
  // place named by an "of" phrase right after the holder's name (inside
  // the name mention or just after it), or -1. Places only: "Senator X of
  // the Y Party" says a membership, not where the office is.
  int place_after_holder(const Sentence& s, const RoleMention& r) const {
    const Mention& h = doc.mentions[r.holder];
    int x = std::max(h.first, r.title_last);
    while (x < h.last && !form_is(x, "of") && !one_of(doc.tokens[x].form, {",", "(", "and"})) ++x;
    if (x >= s.last || !form_is(x, "of") || x == std::max(h.first, r.title_last)) return -1;
    ++x;
    if (form_is(x, "the")) ++x;
    const int m = name_at(x);
    if (m < 0 || doc.mentions[m].first != x) return -1;
    const EntityType ty = doc.mentions[m].type;
    // (not the first word of a longer name: "of Boston University")
    const int after = doc.mentions[m].last;
    if (after < s.last && doc.tokens[after].upos == "PROPN") return -1;
    return ty == EntityType::Gpe || ty == EntityType::Loc ? m : -1;
  }
};

}  // namespace

std::vector<RoleMention> find_roles(const Document& doc, const RoleLexicon& lexicon,
                                    const Gazetteer* gazetteer) {
  std::vector<RoleMention> out;
  const RoleFinder finder(doc, lexicon, gazetteer);
  int prev_end = -1;         // where the last title read ends
  bool prev_former = false;  // whether it was held in the past
  for (int t = 0; t < finder.n; ++t) {
    int len = 0;
    const TitleInfo* info = lexicon.match(doc, t, len);
    if (!info) continue;
    const int si = doc.sentence_of(t);
    const Sentence& s = doc.sentences[si];
    if (t + len > s.last) continue;
    const int inside = finder.name_at(t);
    // Titles inside a place/organisation name are part of that name
    // ("the Office of the President").
    if (inside >= 0 && !is_person(doc.mentions[inside])) {
      prev_end = t + len;  // "former Rhode Island governor" taken for a place
      prev_former = finder.former_before_owner(s, t);
      t += len - 1;
      continue;
    }
    // "the head of the UK's counter terror police": the "of" names what
    // the place has, not the place; a weak title is no title then.
    int of_name = t + len + 1;
    if (finder.form_is(of_name, "the")) ++of_name;
    const int of_m = finder.name_at(of_name);
    const bool possessed = of_m >= 0 && doc.mentions[of_m].first == of_name &&
                           (finder.form_is(doc.mentions[of_m].last, "'s") ||
                            finder.form_is(doc.mentions[of_m].last, "’s"));
    const bool of_follows = finder.form_is(t + len, "of") && info->of_kind != TitleOf::Nothing &&
                            !(possessed && info->weak);
    if (!finder.used_as_title(t, len, *info, of_follows)) continue;
    // "Principal Deputy National Security Advisor": a rank word that is a
    // title of its own ("Deputy") right before another title is that
    // title's rank, which the next title reads.
    if (finder.rank_of_next_title(s, t, len)) continue;
    // A title word inside a longer name is no title: a surname ("Jan
    // Mayor"), a longer title the lexicon lacks ("Postmaster General"), a
    // vessel ("MV Professor Ana Ruiz"), a name with only a suffix after it
    // ("King Jr.").
    if (t > s.first && finder.name_word(t - 1)) {
      // After a word of a name, a title is no title when no name follows
      // it (the name is over: "Jan Mayor", "Labour MP"), or when it is a
      // weak one, which ends longer titles ("Postmaster General"); a strong
      // one after an organisation's name stays ("Acme CEO Ana Ruiz").
      const int next = inside >= 0 ? inside : finder.name_at(t + len);
      const bool name_follows = next >= 0 && is_person(doc.mentions[next]) &&
                                doc.mentions[next].last > t + len &&
                                doc.mentions[next].first <= t + len;
      if (info->weak || !name_follows) continue;
    }
    if ((inside >= 0 && vessel_prefix(doc.tokens[doc.mentions[inside].first])) ||
        (t > s.first && vessel_prefix(doc.tokens[t - 1])))
      continue;
    if (t + len < s.last && generational_suffix(doc.tokens[t + len].form) &&
        (inside < 0 || doc.mentions[inside].last <= t + len + 1 ||
         (doc.mentions[inside].last == t + len + 2 && doc.tokens[t + len + 1].form == ".")))
      continue;
    RoleMention r = finder.role(si, t, len, *info, inside, of_follows);
    // "former Ohio governor and US Senator X": a past word before the first
    // of two joined titles holds for both (the second's place, when the
    // role does not start with it, may stand between "and" and the title).
    int joined = r.first - 1;
    if (const int p = finder.name_at(joined); p >= 0) {
      const Mention& m = doc.mentions[p];
      if (m.last == r.first && m.first > s.first &&
          (m.type == EntityType::Gpe || m.type == EntityType::Loc))
        joined = m.first - 1;
    }
    if (joined > s.first && joined == prev_end && prev_former &&
        one_of(to_lower(doc.tokens[joined].form), {"and", "or"}))
      r.former = true;
    prev_end = std::max(r.title_last, r.last);
    prev_former = r.former;
    // "Lord Mayor Candidate": a name that ends in a common noun is a
    // description, not the holder's name.
    if (r.holder >= 0 && inside == r.holder &&
        doc.tokens[doc.mentions[inside].last - 1].upos == "NOUN")
      continue;
    // "General X Base", "General Santos City", "Captain America": a title
    // before a name that ends in a facility, organisation or region word, or
    // before a place's name, names a place or a work, not a person.
    if (r.holder >= 0 && finder.names_no_person(r)) continue;
    // "the King Burgerlot store": a name that modifies a common noun after
    // a determiner names a thing (a shop, a brand), not a person.
    if (r.holder >= 0 && inside == r.holder && determiner(doc.tokens[r.first])) {
      const Token& h = doc.tokens[doc.mentions[inside].head];
      if (h.deprel == "compound" && h.head >= doc.mentions[inside].last && doc.tokens[h.head].upos == "NOUN")
        continue;
    }
    if (r.holder >= 0 || r.description) out.push_back(r);
    if (r.holder >= 0) finder.add_plural_holders(r, out);
    // Past the whole title ("Minister of Justice": no second title there).
    t = std::max(t, std::max(r.title_last, r.last) - 1);
  }
  return out;
}

}  // namespace ng
