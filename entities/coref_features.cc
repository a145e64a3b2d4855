// Mention features (Info): what each mention tells the sieves. Pronouns:
// person, number, gender; nominals: gender; names: the core name (without
// determiners, honorifics and titles), its words and key, its place
// identity and acronym.
#include "entities/coref_internal.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace ng::coref_internal {

Class class_of(EntityType t) {
  switch (t) {
    case EntityType::Person:
      return Class::Person;
    case EntityType::Gpe:
    case EntityType::Loc:
    case EntityType::Fac:
      return Class::Place;
    case EntityType::Org:
      return Class::Org;
    case EntityType::Event:
      return Class::Event;
    case EntityType::Norp:
      return Class::Norp;
    case EntityType::Date:
      return Class::Date;
    default:
      return Class::Other;
  }
}

bool pronoun_info(std::string_view lower, PronounInfo& p) {
  struct Row {
    const char* w;
    char gender;
    bool plural, reflexive, possessive;
    int person;
  };
  static const Row rows[] = {
      {"he", 'm', false, false, false, 3},    {"him", 'm', false, false, false, 3},
      {"his", 'm', false, false, true, 3},    {"himself", 'm', false, true, false, 3},
      {"she", 'f', false, false, false, 3},   {"her", 'f', false, false, true, 3},
      {"hers", 'f', false, false, true, 3},   {"herself", 'f', false, true, false, 3},
      {"it", 'n', false, false, false, 3},    {"its", 'n', false, false, true, 3},
      {"itself", 'n', false, true, false, 3}, {"they", 0, true, false, false, 3},
      {"them", 0, true, false, false, 3},     {"their", 0, true, false, true, 3},
      {"theirs", 0, true, false, true, 3},    {"themselves", 0, true, true, false, 3},
      {"i", 0, false, false, false, 1},       {"me", 0, false, false, false, 1},
      {"my", 0, false, false, true, 1},       {"myself", 0, false, true, false, 1},
      {"we", 0, true, false, false, 1},       {"us", 0, true, false, false, 1},
      {"our", 0, true, false, true, 1},       {"ours", 0, true, false, true, 1},
      {"ourselves", 0, true, true, false, 1},
  };
  for (const Row& r : rows)
    if (lower == r.w) {
      p = {r.gender, r.plural, r.reflexive, r.possessive, r.person};
      return true;
    }
  return false;
}

void Resolver::compute_info() {
  const auto& ms = doc_.mentions;
  info_.assign(ms.size(), Info());
  for (size_t r = 0; r < roles_.size(); ++r)
    if (role_mention_[r] >= 0 && info_[role_mention_[r]].role < 0 &&
        !(roles_[r].holder == role_mention_[r]))
      info_[role_mention_[r]].role = static_cast<int>(r);
  for (auto& [g, members] : groups_) {
    info_[g].group = true;
    info_[g].members = members;
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    Info& in = info_[i];
    in.cls = class_of(m.type);
    if (m.kind == MentionKind::Pronoun) {
      pronoun_features(m, in);
      continue;
    }
    const std::string& x = doc_.tokens[m.head].xpos;
    in.plural = x == "NNS" || x == "NNPS" || in.group;
    if (m.kind == MentionKind::Nominal)
      nominal_features(m, in);
    else
      name_features(m, in);
  }
}

void Resolver::pronoun_features(const Mention& m, Info& in) const {
  in.pronoun = true;
  pronoun_info(to_lower(doc_.tokens[m.first].form), in.pron);
  in.cls = Class::Other;
  if (in.pron.gender == 'm' || in.pron.gender == 'f') in.gender = in.pron.gender;
}

// A nominal's gender: its noun's in nominals.tsv, else its title's.
void Resolver::nominal_features(const Mention& m, Info& in) const {
  const Token& h = doc_.tokens[m.head];
  auto it = g_.nominals.find(to_lower(h.lemma.empty() ? h.form : h.lemma));
  if (it != g_.nominals.end())
    if (const char g = it->second.gender) in.gender = g;
  if (in.role >= 0) {
    int len = 0;
    const TitleInfo* ti = rl_.match(doc_, roles_[in.role].title_first, len);
    if (ti && ti->gender) in.gender = ti->gender;
  }
}

// A name: its core (without determiners, honorifics, titles and their "of"
// complement, demonyms before a title, a trailing possessive or reflexive), the
// core's words and key, its place identity and acronym. A name with no core
// (a description: "the President of France") keeps an empty key, so it is
// no real name.
void Resolver::name_features(const Mention& m, Info& in) const {
  int a = m.first, b = m.last;
  const bool description = strip_name_front(m, in, a, b);
  while (b > a) {
    const std::string& f = doc_.tokens[b - 1].form;
    PronounInfo p;  // "Biden himself": the intensifier is no part of the name
    if (f == "'s" || f == "’s" || f == "'" || f == "’" || doc_.tokens[b - 1].upos == "PUNCT" ||
        (b - 1 > a && pronoun_info(to_lower(f), p) && p.reflexive))
      --b;
    else
      break;
  }
  if (description || a >= b) return;  // no real name
  b = person_name_end(m, a, b);
  // A style of address alone ("Majesty", "Sir") is no name either.
  if (b - a == 1 && g_.honorifics.count(gazetteer_key(doc_.tokens[a].form))) return;
  a = person_name_start(m, a, b);
  if (m.type == EntityType::Person) a = past_inner_title(a, b);
  // "Labour MP", "US Senator", "Regents Professor": words that are no
  // given name before a title that ends the name describe; "Jan Mayor" is a
  // name.
  if (m.type == EntityType::Person && b - a >= 2 &&
      !g_.given_names.count(gazetteer_key(doc_.tokens[a].form)))
    for (int k = a + 1; k < b; ++k)
      if (int len = 0; rl_.match(doc_, k, len) && k + len == b) return;
  // A title alone is no name: "Special Presidential [Envoy]".
  if (int len = 0; m.type == EntityType::Person && rl_.match(doc_, a, len) && a + len >= b) return;
  in.core_first = a;
  in.core_last = b;
  // A person's gender from a first name of one gender ("Dave X": not the
  // "her" of the next clause), unless a title or honorific told it.
  if (m.type == EntityType::Person && !in.gender && b - a >= 2)
    if (auto g = g_.given_names.find(gazetteer_key(doc_.tokens[a].form));
        g != g_.given_names.end() && (g->second == 'm' || g->second == 'f'))
      in.gender = g->second;
  int id_last = place_identity_end(in, a, b);
  // A generational suffix is no part of the identity: "Joseph R. Biden, Jr."
  // is the "Biden" of later sentences.
  if (m.type == EntityType::Person && id_last - a >= 3 && doc_.tokens[id_last - 2].form == "," &&
      one_of(to_lower(doc_.tokens[id_last - 1].form), {"jr.", "jr", "sr.", "sr"}))
    id_last -= 2;
  set_words_and_key(in, a, id_last);
  if (in.key.empty()) return;
  set_place_key(in);
  set_acronym(in, a, b);
}

// Moves a past the determiners, honorifics, titles (and their "of", "for"
// or "from" complement) and demonyms before a title at the front of name m, up to b;
// an honorific or title gives in.gender. Returns whether a title's "of"
// complement ends the name: the name is a description.
bool Resolver::strip_name_front(const Mention& m, Info& in, int& a, int b) const {
  bool description = false;
  // "Director of [National Intelligence Ana Ruiz]": a name that starts
  // inside the "of" complement of the title before it starts past that
  // complement.
  if (m.type == EntityType::Person && a == m.first && in_title_complement(a)) {
    const int of = gazetteer_key(doc_.tokens[a - 1].form) == "the" ? a - 2 : a - 1;
    if (const int after = name_after_of_complement(m, of, b); after > a && b - after >= 2) a = after;
  }
  if (m.type == EntityType::Person) a = past_title_tail(a, b);
  if (m.type == EntityType::Person) a = past_department_title(a, b);
  if (m.type == EntityType::Person) a = past_member_word(a, b);
  for (bool stripped = true; stripped && a < b;) {
    stripped = false;
    if (m.type == EntityType::Person && strip_leading_place(a, b, a == m.first && in_title_complement(a))) {
      stripped = true;
      continue;
    }
    const std::string low = gazetteer_key(doc_.tokens[a].form);
    // (and sentence adverbs of time the NER took in: "currently Queen X")
    if (one_of(low, {"the", "a", "an", "former", "late", "incumbent", "outgoing", "acting",
                     "interim", "current", "sitting", "currently", "now", "formerly"})) {
      ++a;
      stripped = true;
      continue;
    }
    // "Most Rev. X", "Right Hon. X": the degree of a style of address
    if ((low == "most" || low == "right") && a + 2 < b &&
        g_.honorifics.count(gazetteer_key(doc_.tokens[a + 1].form))) {
      ++a;
      stripped = true;
      continue;
    }
    if (auto h = g_.honorifics.find(low); h != g_.honorifics.end() && a + 1 < b) {
      if (h->second) in.gender = h->second;
      ++a;
      stripped = true;
      continue;
    }
    int len = 0;
    if (const TitleInfo* ti = rl_.match(doc_, a, len); ti && a + len <= b) {
      if (ti->gender) in.gender = ti->gender;
      a += len;
      stripped = true;
      if (a < b && one_of(gazetteer_key(doc_.tokens[a].form), {"of", "for", "from"})) {
        if (const int after = name_after_of_complement(m, a, b); after >= 0) {
          a = after;
          continue;
        }
        description = true;
      }
      continue;
    }
    if (g_.demonyms.count(low) && a + 1 < b && m.type == EntityType::Person) {
      int l2 = 0;
      if (rl_.match(doc_, a + 1, l2)) {
        ++a;
        stripped = true;
      }
    }
  }
  return description;
}

// A title that starts before the name and ends inside it ("Secretary of
// [State Mike Pompeo]", "First [Lady Ana Ruiz]", "United [States Donald
// Trump]" for a place): returns where the name starts past it, when at
// least two words remain; else a.
int Resolver::past_title_tail(int a, int b) const {
  for (int k = std::max(0, a - 3); k < a; ++k) {
    int len = 0;
    if (rl_.match(doc_, k, len) && k + len > a && k + len + 2 <= b) return k + len;
    for (int e = a + 1; e <= std::min(a + 2, b - 2); ++e)
      if (const auto* p = g_.place(gazetteer_key(doc_, k, e)); p && (p->kinds & Gazetteer::Country))
        return e;
  }
  return a;
}

// Whether token a follows "of", "from" or "for" (maybe with "the"): the
// name may begin with the place of a title before it ("Senator from
// [Vermont Bernie Sanders]", "First Minister of [Scotland Nicola
// Sturgeon]", "Special Representative for [Iran Brian Hook]").
bool Resolver::in_title_complement(int a) const {
  int k = a - 1;
  if (k >= 0 && gazetteer_key(doc_.tokens[k].form) == "the") --k;
  if (k < 0) return false;
  const std::string w = gazetteer_key(doc_.tokens[k].form);
  return w == "of" || w == "from" || w == "for";
}

// A word for a member of a party, religion or camp before a person's full
// name ("Democrat X Y", "Republican X Y"; groups.tsv holds the plurals):
// returns where the name starts past it, when two capitalised words remain;
// else a.
int Resolver::past_member_word(int a, int b) const {
  if (b - a < 3 || !starts_upper(doc_.tokens[a + 1].form)) return a;
  const std::string w = gazetteer_key(doc_.tokens[a].form);
  return g_.groups.count(w) || g_.groups.count(w + "s") ? a + 1 : a;
}

// A department or portfolio word before a title at the start of a person's
// name ("Commerce Secretary X Y", "Foreign Minister X", "Emergencies
// Minister X"): returns where the name starts past the title, when a word
// remains after it, or where the title starts when an "of", "for" or "from"
// complement follows it; else a.
int Resolver::past_department_title(int a, int b) const {
  for (int k = a + 1; k <= std::min(a + 3, b - 2); ++k) {
    if (!starts_upper(doc_.tokens[k - 1].form)) return a;
    int len = 0;
    if (!rl_.match(doc_, k, len) || k + len >= b) continue;
    if (starts_upper(doc_.tokens[k + len].form)) return k + len;
    // "Special Representative for Iran X": the title and its complement are
    // the caller's to skip.
    if (one_of(gazetteer_key(doc_.tokens[k + len].form), {"of", "for", "from"})) return k;
  }
  return a;
}

// A place before a title ("United States Senator X", "Georgia Governor
// X") or, in a title's complement, before a person's full name ("Vermont
// Bernie Sanders", "India Narendra Modi"; complement = true): moves a past
// the longest place of up to four words at a. Returns whether it moved.
bool Resolver::strip_leading_place(int& a, int b, bool complement) const {
  for (int e = std::min(a + 4, b - 1); e > a; --e) {
    if (!g_.place(gazetteer_key(doc_, a, e))) continue;
    int len = 0;
    const bool title_follows = rl_.match(doc_, e, len) != nullptr;
    const bool name_follows = complement && e + 2 <= b && starts_upper(doc_.tokens[e].form) &&
                              doc_.tokens[e].upos == "PROPN";
    if (!title_follows && !name_follows) return false;
    a = e;
    return true;
  }
  return false;
}

// "President of France Ana Ruiz", "Minister of Health Ana Ruiz", "Special
// Representative for Iran Ana Ruiz": past the "of" (or "for", "from")
// complement at token `of` (a place or organisation name, or a
// portfolio before a given name) a person's name may follow. Returns where
// that name starts, or -1 when none does.
int Resolver::name_after_of_complement(const Mention& m, int of, int b) const {
  int x = of + 1;
  if (x < b && gazetteer_key(doc_.tokens[x].form) == "the") ++x;
  int after = -1;
  for (const Mention& o : doc_.mentions)
    if (&o != &m && o.first == x && o.last < b && o.kind == MentionKind::Name &&
        o.type != EntityType::Person && o.type != EntityType::Date)
      after = std::max(after, o.last);
  if (after < 0)  // no mention of the place: the gazetteer's ("of Scotland X")
    for (int e = std::min(x + 4, b - 1); e > x && after < 0; --e)
      if (g_.place(gazetteer_key(doc_, x, e))) after = e;
  // A portfolio ("Secretary of Justice Ana Ruiz Lopes"): capitalised words,
  // then a given name that starts a name of two or more words.
  for (int e = x + 1; after < 0 && e <= std::min(x + 3, b - 2); ++e) {
    if (!starts_upper(doc_.tokens[e - 1].form)) break;
    if (g_.given_names.count(gazetteer_key(doc_.tokens[e].form)) &&
        !g_.given_names.count(gazetteer_key(doc_.tokens[x].form)) &&
        starts_upper(doc_.tokens[e + 1].form))
      after = e;
  }
  if (after > 0 && starts_upper(doc_.tokens[after].form)) return after;
  return -1;
}

// A person's name ends before an "of"/"from" phrase that the span took in:
// "[Isaac Herzog] of Israel", "[Ana Ruiz] from the Labour Party" (the
// NER, trained on referring expressions, may tag the whole). Returns the
// name's end in [a, b).
int Resolver::person_name_end(const Mention& m, int a, int b) const {
  if (m.type != EntityType::Person) return b;
  // (a regnal number ends a name too: "King Abdullah II of Jordan")
  auto regnal = [](const std::string& f) {
    return !f.empty() && f.size() <= 5 && f.find_first_not_of("IVX") == std::string::npos;
  };
  for (int t = a + 1; t + 1 < b; ++t) {
    const std::string low = to_lower(doc_.tokens[t].form);
    if ((low == "of" || low == "from") &&
        (doc_.tokens[t - 1].upos == "PROPN" || regnal(doc_.tokens[t - 1].form)))
      return t;
  }
  return b;
}

// A person's name is the proper-noun run at the end: "future band guitarist
// Jan Novak", "economy minister Ana Ruiz" -> the name. Returns where the
// name [a, b) of m starts.
int Resolver::person_name_start(const Mention& m, int a, int b) const {
  if (m.type != EntityType::Person || doc_.tokens[b - 1].upos != "PROPN") return a;
  int x = b - 1;
  // "Joseph R. Biden, Jr.": the suffix after a comma ends the name.
  if (x - 2 >= a && doc_.tokens[x - 1].form == "," &&
      one_of(to_lower(doc_.tokens[x].form), {"jr.", "jr", "sr.", "sr"}))
    x -= 2;
  while (x > a) {
    const Token& p = doc_.tokens[x - 1];
    // "Ursula von der Leyen": particles inside the span join; a title in
    // lower case is no name word ("then-U.S.-president X Y")
    const bool particle = name_particle(p.form) && x - 1 > a;
    int len = 0;
    // "[Prime Minister Narendra] Modi": an editor's closing bracket inside
    const bool bracket = p.form == "]" && x - 1 > a && doc_.tokens[x - 2].upos == "PROPN";
    const bool joiner = (p.form == "-" || p.upos == "PROPN" || particle || bracket ||
                         (starts_upper(p.form) && p.upos != "NOUN" && p.upos != "ADJ")) &&
                        !(!starts_upper(p.form) && rl_.match(doc_, x - 1, len));
    if (!joiner) break;
    --x;
  }
  if (x > a && x < b) return x;
  return past_occupation_word(a, b);
}

// "Ecologist Ana Ruiz", "Businessman Jan Novak", "alumnus Ana Ruiz": a word
// for what a person does, before a given name that starts a name of two
// or more words, is no part of the name. The word is lower-case, or a
// person noun of nominals.tsv, or has the ending of one ("-ist", "-er",
// "-or", "-ian", "-man", "-woman") and is no given name itself. Returns
// where the name starts past it, else a.
int Resolver::past_occupation_word(int a, int b) const {
  if (b - a < 3) return a;
  const std::string w = gazetteer_key(doc_.tokens[a].form);
  const std::string next = gazetteer_key(doc_.tokens[a + 1].form);
  if (!starts_upper(doc_.tokens[a + 1].form) || !g_.given_names.count(next) ||
      g_.given_names.count(w) || w.size() < 4 ||
      !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return a;
  auto ends = [&](std::string_view e) { return w.size() > e.size() + 2 && w.ends_with(e); };
  const auto nominal = g_.nominals.find(w);
  const bool person_noun =
      nominal != g_.nominals.end() && nominal->second.type == EntityType::Person;
  if (!starts_upper(doc_.tokens[a].form) || person_noun || ends("ist") || ends("er") ||
      ends("or") || ends("ian") || ends("man") || ends("woman"))
    return a + 1;
  return a;
}

// A title inside a person's name [a, b) after words that say whose title
// it is ("House Speaker Ana Ruiz", "National Security Adviser Jan Novak",
// "Newly elected Assemblywoman Ana Ruiz"): returns where the name starts
// past the last such title, when a name word (not only a suffix, "King
// Jr.") follows it; else a. A title that ends the name is a surname ("Jan
// Mayor").
int Resolver::past_inner_title(int a, int b) const {
  int start = a;
  for (int k = a; k < b; ++k) {
    if (k > a && !starts_upper(doc_.tokens[k - 1].form) && doc_.tokens[k - 1].form != "-") break;
    int len = 0;
    if (!rl_.match(doc_, k, len) || !starts_upper(doc_.tokens[k].form)) continue;
    bool name_after = false;
    for (int t = k + len; t < b; ++t)
      name_after = name_after ||
                   (starts_upper(doc_.tokens[t].form) &&
                    !one_of(to_lower(doc_.tokens[t].form), {"jr.", "jr", "sr.", "sr", "ii", "iii"}));
    if (name_after) start = k + len;
    k += len - 1;
  }
  return start;
}

// Where a place's identity ends in its core [a, b): "Igoumenitsa, Greece" is
// the city, so its identity is the part before the comma (the region after
// it is a mention of its own). "the Tver Oblast of Russia" is the oblast: the
// core itself ends before "of" (b and in.core_last shrink).
int Resolver::place_identity_end(Info& in, int a, int& b) const {
  int id_last = b;
  if (in.cls == Class::Place)
    for (int t = a + 1; t + 1 < b; ++t) {
      if (doc_.tokens[t].form == ",") {
        id_last = t;
        break;
      }
      if (t - a >= 2 && gazetteer_key(doc_.tokens[t].form) == "of" &&
          g_.region_words.count(gazetteer_key(doc_.tokens[t - 1].form)) &&
          !g_.place(gazetteer_key(doc_, a, b))) {  // not "the Federal Republic of X"
        id_last = t;
        b = t;
        in.core_last = t;
        break;
      }
    }
  return id_last;
}

// in.words and in.key from the identity tokens [a, id_last).
void Resolver::set_words_and_key(Info& in, int a, int id_last) const {
  const auto& tk = doc_.tokens;
  for (int t = a; t < id_last; ++t) {
    std::string w = gazetteer_key(tk[t].form);
    // A person's hyphenated name is one word: "Jong-un", "Trump-Biden" (whose
    // "Trump" is no surname of the two).
    if (in.cls == Class::Person && w == "-" && t > a && t + 1 < id_last && !in.words.empty() &&
        !tk[t - 1].space_after && !tk[t].space_after) {
      in.words.back() += "-" + gazetteer_key(tk[++t].form);
      continue;
    }
    if (w == "-" || w == "." || w == ",") continue;
    // An abbreviation with or without its last period: "d.c." = "d.c".
    if (w.size() > 2 && w.back() == '.' && w.find('.') + 1 < w.size()) w.pop_back();
    in.words.push_back(std::move(w));
  }
  in.key = gazetteer_key(doc_, a, id_last);
  if (in.key.size() > 2 && in.key.back() == '.' && !in.words.empty() &&
      in.words.back().find('.') != std::string::npos)
    in.key.pop_back();
}

// Place identity: the gazetteer's canonical name; else the name without
// its region word ("tarsk oblast" -> "tarsk").
void Resolver::set_place_key(Info& in) const {
  if (in.cls != Class::Place && in.cls != Class::Org) return;
  if (const auto* p = g_.place(in.key)) {
    in.place_key = gazetteer_key(p->canonical);
  } else if (in.cls == Class::Place) {
    std::vector<std::string> w = in.words;
    if (w.size() >= 2 && g_.region_words.count(w.back())) w.pop_back();
    if (w.size() >= 3 && g_.region_words.count(w[0]) && w[1] == "of")
      w.erase(w.begin(), w.begin() + 2);
    std::string k;
    for (const auto& x : w) k += (k.empty() ? "" : " ") + x;
    if (const auto* p = g_.place(k)) k = gazetteer_key(p->canonical);
    in.place_key = k;
  }
}

// Acronym of a multi-word organisation or place name: the initials of its
// capitalised words in [a, b) ("united nations" -> "un").
void Resolver::set_acronym(Info& in, int a, int b) const {
  if (in.words.size() < 2 || (in.cls != Class::Org && in.cls != Class::Place)) return;
  for (int t = a; t < b; ++t) {
    const std::string& f = doc_.tokens[t].form;
    if (starts_upper(f)) in.acronym += static_cast<char>(std::tolower(f[0]));
  }
  if (in.acronym.size() < 2) in.acronym.clear();
}

}  // namespace ng::coref_internal
