// Tests of the dependency parser with the committed model (models/parser.bin):
// attachments on hand-tagged sentences, tree well-formedness on random tag
// sequences, document-global heads, the scorer, model loading errors, and a
// floor on EWT dev accuracy when ../shared is present.
#include "syntax/parser.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

#include "core/data_path.h"
#include "core/error.h"
#include "io/conllu.h"
#include "syntax/parser_model.h"
#include "tests/doc_builder.h"
#include "tests/test_support.h"

namespace {

using ng::Document;
using ng::Token;

// A parsed sentence for the repair tests: word i has forms[i], upos[i], head
// heads[i] (-1 = the root) and relation rels[i]; base 0.
std::vector<Token> parsed(const std::vector<const char*>& forms, const std::vector<const char*>& upos,
                          const std::vector<int>& heads, const std::vector<const char*>& rels) {
  REQUIRE(upos.size() == forms.size());
  REQUIRE(heads.size() == forms.size());
  REQUIRE(rels.size() == forms.size());
  std::vector<Token> t(forms.size());
  for (size_t i = 0; i < t.size(); ++i) {
    t[i].form = forms[i];
    t[i].upos = upos[i];
    t[i].head = heads[i];
    t[i].deprel = rels[i];
  }
  return t;
}

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Appends a sentence given as space-separated forms / xpos / upos (see
// tests/doc_builder.h), with a junk head and relation on every word that the
// parser must overwrite.
void add_tagged_sentence(Document& doc, const std::string& forms, const std::string& xpos,
                         const std::string& upos) {
  auto f = split(forms), x = split(xpos), u = split(upos);
  REQUIRE(f.size() == x.size());
  REQUIRE(f.size() == u.size());
  std::vector<ng::test::W> words;
  for (size_t i = 0; i < f.size(); ++i)
    words.push_back({.form = f[i], .upos = u[i], .xpos = x[i]});
  const ng::Sentence& s = doc.sentences[ng::test::add_sentence(doc, words)];
  for (int i = s.first; i < s.last; ++i) {
    doc.tokens[i].head = 12345;  // must be overwritten
    doc.tokens[i].deprel = "junk";
  }
}

const ng::Parser& model() {
  static const ng::Parser parser;  // models/parser.bin
  return parser;
}

// Checks that every sentence of doc is a single-rooted tree inside the
// sentence; returns a description of the first problem ("" = fine).
std::string tree_problem(const Document& doc) {
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    int roots = 0;
    for (int i = s.first; i < s.last; ++i) {
      const Token& t = doc.tokens[i];
      if (t.head == -1) {
        ++roots;
        if (t.deprel != "root") return "root token " + std::to_string(i) + " has " + t.deprel;
        continue;
      }
      if (t.head < s.first || t.head >= s.last || t.head == i)
        return "token " + std::to_string(i) + " has head " + std::to_string(t.head) +
               " outside sentence " + std::to_string(si);
      if (t.deprel == "root" || t.deprel.empty())
        return "non-root token " + std::to_string(i) + " labelled '" + t.deprel + "'";
      int x = i, steps = 0;
      while (x != -1 && steps++ <= s.last - s.first) x = doc.tokens[x].head;
      if (x != -1) return "cycle through token " + std::to_string(i);
    }
    if (roots != 1) return "sentence " + std::to_string(si) + " has " + std::to_string(roots) +
                           " roots";
  }
  return "";
}

struct Arc {
  int dep;          // 0-based in the sentence
  int head;         // 0-based in the sentence; -1 = root
  const char* rel;  // expected deprel (full, with subtype)
};

struct Case {
  const char* name;
  const char* forms;
  const char* xpos;
  const char* upos;
  std::vector<Arc> arcs;
};

}  // namespace

TEST_CASE("parser: attachments on hand-tagged sentences", "[parser][!mayfail][model]") {
  const std::vector<Case> cases = {
      {"transitive verb with oblique",
       "The president met the governor in Moscow .",
       "DT NN VBD DT NN IN NNP .",
       "DET NOUN VERB DET NOUN ADP PROPN PUNCT",
       {{1, 2, "nsubj"}, {2, -1, "root"}, {4, 2, "obj"}, {6, 2, "obl"}, {5, 6, "case"},
        {0, 1, "det"}, {7, 2, "punct"}}},
      {"passive with agent",
       "The delegation was received by the president .",
       "DT NN VBD VBN IN DT NN .",
       "DET NOUN AUX VERB ADP DET NOUN PUNCT",
       {{1, 3, "nsubj:pass"}, {2, 3, "aux:pass"}, {3, -1, "root"}, {6, 3, "obl:agent"},
        {4, 6, "case"}}},
      {"apposition",
       "John Smith , the head of the company , arrived yesterday .",
       "NNP NNP , DT NN IN DT NN , VBD NN .",
       "PROPN PROPN PUNCT DET NOUN ADP DET NOUN PUNCT VERB NOUN PUNCT",
       {{0, 9, "nsubj"}, {1, 0, "flat"}, {4, 0, "appos"}, {7, 4, "nmod"}, {9, -1, "root"}}},
      {"coordination of subjects and objects",
       "The minister and the governor discussed trade and energy .",
       "DT NN CC DT NN VBD NN CC NN .",
       "DET NOUN CCONJ DET NOUN VERB NOUN CCONJ NOUN PUNCT",
       {{1, 5, "nsubj"}, {4, 1, "conj"}, {2, 4, "cc"}, {5, -1, "root"}, {6, 5, "obj"},
        {8, 6, "conj"}, {7, 8, "cc"}}},
      {"ditransitive with possessive",
       "The minister gave his counterpart a book .",
       "DT NN VBD PRP$ NN DT NN .",
       "DET NOUN VERB PRON NOUN DET NOUN PUNCT",
       {{1, 2, "nsubj"}, {2, -1, "root"}, {3, 4, "nmod:poss"}, {4, 2, "iobj"}, {6, 2, "obj"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Document doc;
      add_tagged_sentence(doc, c.forms, c.xpos, c.upos);
      model().process(doc);
      REQUIRE(tree_problem(doc) == "");
      for (const Arc& a : c.arcs) {
        INFO(c.forms << ": word " << a.dep << " '" << doc.tokens[a.dep].form << "'");
        CHECK(doc.tokens[a.dep].head == a.head);
        CHECK(doc.tokens[a.dep].deprel == a.rel);
      }
    }
  }
}

TEST_CASE("parser: heads are document-global across sentences", "[parser][model]") {
  Document doc;
  add_tagged_sentence(doc, "He left .", "PRP VBD .", "PRON VERB PUNCT");
  add_tagged_sentence(doc, "The president met the governor .", "DT NN VBD DT NN .",
                      "DET NOUN VERB DET NOUN PUNCT");
  model().process(doc);
  REQUIRE(tree_problem(doc) == "");
  CHECK(doc.tokens[0].head == 1);   // He <- left
  CHECK(doc.tokens[1].head == -1);  // left = root
  CHECK(doc.tokens[4].head == 5);   // president <- met (token 5)
  CHECK(doc.tokens[5].head == -1);
  CHECK(doc.tokens[7].head == 5);   // governor <- met
  CHECK(doc.tokens[7].deprel == "obj");
}

TEST_CASE("parser: every output is a single-rooted tree (random tag sequences)",
          "[parser][model]") {
  const std::vector<std::pair<const char*, const char*>> tags = {
      {"NN", "NOUN"},  {"NNS", "NOUN"}, {"NNP", "PROPN"}, {"VB", "VERB"},   {"VBD", "VERB"},
      {"VBZ", "AUX"},  {"IN", "ADP"},   {"DT", "DET"},    {"JJ", "ADJ"},    {"RB", "ADV"},
      {"CC", "CCONJ"}, {"PRP", "PRON"}, {",", "PUNCT"},   {".", "PUNCT"},   {"CD", "NUM"},
      {"TO", "PART"},  {"MD", "AUX"},   {"WDT", "PRON"},  {"HYPH", "PUNCT"}, {"XX", "X"},
      {"", ""},        {"NOT-A-TAG", "NOPE"}};
  const std::vector<std::string> words = {"the", "of", "president", "met", ",", ".", "Baku",
                                          "and", "said", "zzqx", "42", "\xC3\xA9t\xC3\xA9",
                                          // words the repairs look at
                                          "on", "Sunday", "Presidents", "\""};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    Document doc;
    int sentences = 1 + static_cast<int>(rng() % 3);
    for (int s = 0; s < sentences; ++s) {
      int n = 1 + static_cast<int>(rng() % (round < 250 ? 30 : 150));
      std::string f, x, u;
      for (int i = 0; i < n; ++i) {
        const auto& t = tags[rng() % tags.size()];
        f += words[rng() % words.size()] + " ";
        x += std::string(*t.first ? t.first : "_") + " ";
        u += std::string(*t.second ? t.second : "_") + " ";
      }
      add_tagged_sentence(doc, f, x, u);
    }
    model().process(doc);
    INFO("round " << round << ": " << doc.text);
    REQUIRE(tree_problem(doc) == "");
  }
}

// The greedy decoding of greedy_parse written plainly: every feature's weights
// added at every choice.
std::vector<std::pair<int, int>> reference_parse(const ng::parser_internal::ParserModelData& m,
                                                 const std::vector<Token>& words) {
  using namespace ng::parser_internal;
  const int n = static_cast<int>(words.size());
  std::vector<WordAtoms> atoms;
  compute_atoms(m.vocab, words.data(), n, atoms);
  State s;
  s.init(n);
  const int L = m.vocab.num_labels();
  std::vector<int32_t> scores(Weights::kScoreCells);
  uint64_t keys[kNumFeatures];
  while (!s.terminal()) {
    int c = s.forced();
    if (c < 0) {
      extract_features(s, atoms.data(), keys);
      std::fill(scores.begin(), scores.end(), 0);
      m.weights.add_all(keys, kNumFeatures, scores.data());
      c = best_valid(s, scores.data(), L);
    }
    s.apply(c, L);
  }
  std::vector<std::pair<int, int>> out;
  for (int i = 0; i < n; ++i) out.emplace_back(s.head[i], s.label[i]);
  return out;
}

TEST_CASE("parser: the feature groups are the templates of extract_features",
          "[parser][unit]") {
  using namespace ng::parser_internal;
  int total = 0;
  for (int size : kGroupSize) total += size;
  REQUIRE(total == kNumFeatures);
  std::mt19937 rng(11);
  std::vector<WordAtoms> atoms(13);
  for (size_t i = 0; i < atoms.size(); ++i)
    atoms[i] = WordAtoms{static_cast<uint32_t>(rng() % 50), static_cast<uint32_t>(rng() % 9),
                         static_cast<uint32_t>(rng() % 5), static_cast<uint32_t>(rng() % 6),
                         static_cast<uint32_t>(rng()), static_cast<uint16_t>(i / 3),
                         static_cast<uint16_t>(i / 4)};
  State s;
  s.init(12);
  while (!s.terminal()) {
    std::vector<uint64_t> all(kNumFeatures), grouped;
    extract_features(s, atoms.data(), all.data());
    for (int g = 0; g < kNumGroups; ++g) {
      std::vector<uint64_t> keys(kGroupSize[g]);
      group_features(static_cast<FeatureGroup>(g), s, atoms.data(), keys.data());
      grouped.insert(grouped.end(), keys.begin(), keys.end());
    }
    std::sort(all.begin(), all.end());
    std::sort(grouped.begin(), grouped.end());
    REQUIRE(grouped == all);
    // A random valid transition.
    std::vector<int> valid;
    if (s.can_shift()) valid.push_back(0);
    if (s.can_left()) valid.push_back(s.b == s.n ? 1 : 2);
    if (s.can_right()) valid.push_back(1 + 3 + 1 + static_cast<int>(rng() % 2));
    s.apply(valid[rng() % valid.size()], 3);
  }
}

TEST_CASE("parser: decoding with group sums gives the trees of adding every feature",
          "[parser][model]") {
  ng::parser_internal::ParserModelData m;
  ng::parser_internal::load_model(m, ng::data_path("models/parser.bin").string());
  const std::vector<std::pair<const char*, const char*>> tags = {
      {"NN", "NOUN"}, {"NNP", "PROPN"}, {"VBD", "VERB"}, {"VBZ", "AUX"}, {"IN", "ADP"},
      {"DT", "DET"},  {"JJ", "ADJ"},    {"RB", "ADV"},   {"CC", "CCONJ"}, {",", "PUNCT"},
      {"PRP", "PRON"}, {"CD", "NUM"},   {"TO", "PART"},  {"WDT", "PRON"}};
  const std::vector<std::string> forms = {"the", "of", "president", "met", ",", "Baku",
                                          "and", "said", "zzqx", "42", "it", "that"};
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::vector<Token> words(1 + rng() % 40);
    for (Token& w : words) {
      const auto& t = tags[rng() % tags.size()];
      w.form = forms[rng() % forms.size()];
      w.xpos = t.first;
      w.upos = t.second;
    }
    const auto expected = reference_parse(m, words);
    ng::parser_internal::greedy_parse(m, words.data(), static_cast<int>(words.size()), 0);
    INFO("round " << round);
    for (size_t i = 0; i < words.size(); ++i) {
      const int head = expected[i].first == static_cast<int>(words.size()) ? -1 : expected[i].first;
      REQUIRE(words[i].head == head);
      REQUIRE(words[i].deprel == m.vocab.labels[expected[i].second]);
    }
  }
}

TEST_CASE("parser: the same trees before and after its tables become resident",
          "[parser][model]") {
  const ng::Parser parser;  // its own, so it starts from the mapped tables
  auto parse = [&] {
    Document doc;
    add_tagged_sentence(doc, "The president met the governor of the region on Monday .",
                        "DT NN VBD DT NN IN DT NN IN NNP .",
                        "DET NOUN VERB DET NOUN ADP DET NOUN ADP PROPN PUNCT");
    parser.process(doc);
    return doc.tokens;
  };
  const std::vector<Token> mapped = parse();
  for (size_t parsed = 0; parsed <= ng::kResidentAfter; parsed += mapped.size()) parse();
  const std::vector<Token> resident = parse();
  REQUIRE(resident.size() == mapped.size());
  for (size_t i = 0; i < mapped.size(); ++i) {
    CHECK(resident[i].head == mapped[i].head);
    CHECK(resident[i].deprel == mapped[i].deprel);
  }
}

TEST_CASE("parser: empty sentences and an empty document are left alone", "[parser][model]") {
  Document doc;
  model().process(doc);
  CHECK(doc.tokens.empty());
  add_tagged_sentence(doc, "Hello", "UH", "INTJ");
  doc.sentences.push_back(ng::Sentence{1, 1, doc.body_end, doc.body_end});  // empty
  model().process(doc);
  CHECK(doc.tokens[0].head == -1);
  CHECK(doc.tokens[0].deprel == "root");
}

TEST_CASE("parser: scorer compares heads and universal relations", "[parser][model]") {
  // Gold = the parser's own output, with subtypes added: LAS must be 100.
  Document doc;
  add_tagged_sentence(doc, "The president met the governor in Moscow .",
                      "DT NN VBD DT NN IN NNP .", "DET NOUN VERB DET NOUN ADP PROPN PUNCT");
  model().process(doc);
  ng::ConlluSentence gold;
  for (const Token& t : doc.tokens) {
    ng::ConlluWord w;
    w.form = t.form;
    w.xpos = t.xpos;
    w.upos = t.upos;
    w.head = t.head + 1;
    w.deprel = t.deprel == "root" ? "root" : t.deprel + ":x";
    gold.words.push_back(w);
  }
  auto sc = ng::evaluate_parser(model(), {gold});
  CHECK(sc.words == 8);
  CHECK(sc.uas() == Approx(100.0));
  CHECK(sc.las() == Approx(100.0));
  // One wrong head and one wrong label.
  gold.words[0].head = gold.words[0].head == 1 ? 3 : 1;
  gold.words[7].deprel = "dep";
  sc = ng::evaluate_parser(model(), {gold});
  CHECK(sc.head_correct == 7);
  CHECK(sc.label_correct == 6);
  // tokens_from_conllu: 0-based heads, -1 = root.
  auto toks = ng::tokens_from_conllu(gold);
  REQUIRE(toks.size() == 8);
  CHECK(toks[2].head == -1);
  CHECK(toks[0].form == "The");
}

TEST_CASE("parser: loading a bad model fails with the file name", "[parser][unit]") {
  ng::test::TempDir tmp;
  auto missing = (tmp.path() / "none.bin").string();
  CHECK_THROWS_WITH(ng::Parser(missing), Catch::Contains("none.bin"));
  auto junk = tmp.write("junk.bin", "this is not a model").string();
  CHECK_THROWS_AS(ng::Parser(junk), ng::Error);
  CHECK_THROWS_WITH(ng::Parser(junk), Catch::Contains("junk.bin"));
}

TEST_CASE("parser: accuracy floor on EWT dev with gold tags", "[parser][shared]") {
  auto path = ng::test::require_shared("data/ud-english-ewt/en_ewt-ud-dev.conllu");
  if (path.empty()) return;  // skipped
  auto gold = ng::read_conllu(path.string());
  auto sc = ng::evaluate_parser(model(), gold);
  INFO("EWT dev, gold tags: UAS " << sc.uas() << " LAS " << sc.las());
  CHECK(sc.words == 25147);
  CHECK(sc.uas() > 85.0);
  CHECK(sc.las() > 82.0);
}

TEST_CASE("parser: a preposition with dependents is repaired into a case marker",
          "[parser][unit]") {
  // met(0) on(1) Monday(2) with(3) Ann(4) Lee(5): "with" wrongly heads "Ann".
  struct R { const char* form; const char* upos; int head; const char* rel; };
  const R words[] = {{"met", "VERB", -1, "root"}, {"on", "ADP", 2, "case"},
                     {"Monday", "PROPN", 0, "obl"}, {"with", "ADP", 2, "nmod"},
                     {"Ann", "PROPN", 3, "appos"},  {"Lee", "PROPN", 4, "flat"}};
  const int base = 10;  // heads are relative to a sentence starting at word 10
  std::vector<Token> t;
  for (const R& r : words) {
    Token x;
    x.form = r.form;
    x.upos = r.upos;
    x.head = r.head < 0 ? -1 : base + r.head;
    x.deprel = r.rel;
    t.push_back(x);
  }
  ng::repair_parse(t.data(), static_cast<int>(t.size()), base);
  CHECK(t[3].head == base + 4);
  CHECK(t[3].deprel == "case");
  CHECK(t[4].head == base + 2);  // Ann takes the preposition's place under Monday
  CHECK(t[4].deprel == "nmod");
  CHECK(t[5].head == base + 4);
  CHECK(t[1].head == base + 2);  // a proper case marker is left alone
  // Still one tree: every word reaches the root.
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    int x = i, steps = 0;
    while (t[x].head >= 0 && steps++ < 10) x = t[x].head - base;
    CHECK(t[x].head == -1);
  }
}

TEST_CASE("parser: a generational suffix is part of the name, not the subject",
          "[parser][unit]") {
  // Ana(0) M.(1) Ruiz(2) ,(3) Jr.(4) spoke(5) .(6): the parser took "Jr." for
  // the subject of "spoke" and hung "spoke" under the name.
  const char* forms[] = {"Ana", "M.", "Ruiz", ",", "Jr.", "spoke", "."};
  const char* upos[] = {"PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"};
  const int heads[] = {-1, 0, 0, 0, 5, 0, 5};
  const char* rels[] = {"root", "flat", "flat", "punct", "nsubj", "acl:relcl", "punct"};
  const int base = 4;
  std::vector<Token> t(7);
  for (int i = 0; i < 7; ++i) {
    t[i].form = forms[i];
    t[i].upos = upos[i];
    t[i].head = heads[i] < 0 ? -1 : base + heads[i];
    t[i].deprel = rels[i];
  }
  ng::repair_name_suffix(t.data(), 7, base);
  CHECK(t[5].head == -1);
  CHECK(t[5].deprel == "root");
  CHECK(t[0].head == base + 5);
  CHECK(t[0].deprel == "nsubj");
  CHECK(t[4].head == base + 0);
  CHECK(t[4].deprel == "flat");
  CHECK(t[3].head == base + 0);
  CHECK(t[6].head == base + 5);
  // A suffix already flat under its name is left alone.
  const std::vector<Token> before = t;
  ng::repair_name_suffix(t.data(), 7, base);
  for (int i = 0; i < 7; ++i) CHECK(t[i].head == before[i].head);
}

TEST_CASE("parser: a sentence-initial 'today' taken for the root gives it to the verb",
          "[parser][unit]") {
  // Today(0) ,(1) Ana(2) Ruiz(3) hosted(4) Karl(5) .(6): "Today" the root,
  // "Ana" its dep, "hosted" an acl of "Ana".
  const char* forms[] = {"Today", ",", "Ana", "Ruiz", "hosted", "Karl", "."};
  const char* upos[] = {"NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"};
  const char* xpos[] = {"NN", ",", "NNP", "NNP", "VBN", "NNP", "."};
  const int heads[] = {-1, 0, 0, 2, 2, 4, 0};
  const char* rels[] = {"root", "punct", "dep", "flat", "acl", "obj", "punct"};
  std::vector<Token> t(7);
  for (int i = 0; i < 7; ++i) {
    t[i].form = forms[i];
    t[i].upos = upos[i];
    t[i].xpos = xpos[i];
    t[i].head = heads[i];
    t[i].deprel = rels[i];
  }
  ng::repair_temporal_root(t.data(), 7, 0);
  CHECK(t[4].head == -1);
  CHECK(t[0].head == 4);
  CHECK(t[0].deprel == "obl:tmod");
  CHECK(t[2].head == 4);
  CHECK(t[2].deprel == "nsubj");
  CHECK(t[6].head == 4);
  CHECK(t[1].head == 4);
  // A verb root is left alone.
  const std::vector<Token> before = t;
  ng::repair_temporal_root(t.data(), 7, 0);
  for (int i = 0; i < 7; ++i) CHECK(t[i].head == before[i].head);
}

TEST_CASE("parser: 'between A, <interruption>, and B' makes B a conjunct of A",
          "[parser][unit]") {
  // talks(0) between(1) Ruiz(2) ,(3) claiming(4) victory(5) ,(6) and(7) Novak(8)
  std::vector<Token> t =
      parsed({"talks", "between", "Ruiz", ",", "claiming", "victory", ",", "and", "Novak"},
             {"NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT", "CCONJ", "PROPN"},
             {-1, 2, 0, 4, 0, 4, 8, 8, 5},
             {"root", "case", "nmod", "punct", "acl", "obj", "punct", "cc", "conj"});
  ng::repair_between_interrupted(t.data(), 9, 0);
  CHECK(t[8].head == 2);
  CHECK(t[8].deprel == "conj");
  CHECK(t[7].head == 8);
  // Already a conjunct of the "between" noun: left alone.
  const std::vector<Token> before = t;
  ng::repair_between_interrupted(t.data(), 9, 0);
  for (int i = 0; i < 9; ++i) CHECK(t[i].head == before[i].head);
}

TEST_CASE("parser: a list split off as the subject joins the list it continues",
          "[parser][unit]") {
  // officials(0) from(1) Chile(2) ,(3) Peru(4) and(5) Bolivia(6) met(7): the
  // parser made "Peru and Bolivia" the subject and "officials" an oblique.
  auto sentence = [] {
    return parsed({"officials", "from", "Chile", ",", "Peru", "and", "Bolivia", "met"},
                  {"NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"},
                  {7, 2, 0, 4, 7, 6, 4, -1},
                  {"obl", "case", "nmod", "punct", "nsubj", "cc", "conj", "root"});
  };
  std::vector<Token> t = sentence();
  ng::repair_split_list(t.data(), 8, 0);
  CHECK(t[0].head == 7);
  CHECK(t[0].deprel == "nsubj");
  CHECK(t[4].head == 2);
  CHECK(t[4].deprel == "conj");
  CHECK(t[6].head == 2);
  CHECK(t[3].head == 4);
  // "In Paris, France and Germany met": the phrase before the comma hangs on
  // the verb, not on a noun; left alone.
  t = sentence();
  t[0].form = "In";
  t[0].upos = "ADP";
  t[0].head = 2;
  t[0].deprel = "case";
  t[1].form = "Paris";
  t[1].upos = "PROPN";
  t[1].head = 7;
  t[1].deprel = "obl";
  t[2].form = "today";
  t[2].upos = "NOUN";
  t[2].head = 7;
  t[2].deprel = "obl:tmod";
  const std::vector<Token> before = t;
  ng::repair_split_list(t.data(), 8, 0);
  for (int i = 0; i < 8; ++i) CHECK(t[i].head == before[i].head);
}

TEST_CASE("parser: a name hung as flat across 'and' becomes a conjunct", "[parser][unit]") {
  // Ana(0) Ruiz(1) and(2) President(3) Jan(4) Novak(5) met(6): "Jan" flat
  // under "Ana", with "and" hung on "President".
  std::vector<Token> t =
      parsed({"Ana", "Ruiz", "and", "President", "Jan", "Novak", "met"},
             {"PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB"}, {6, 0, 3, 4, 0, 4, -1},
             {"nsubj", "flat", "cc", "nmod:desc", "flat", "flat", "root"});
  ng::repair_flat_across_cc(t.data(), 7, 0);
  CHECK(t[4].head == 0);
  CHECK(t[4].deprel == "conj");
  CHECK(t[2].head == 4);
  CHECK(t[1].deprel == "flat");  // "Ruiz" stays part of "Ana Ruiz"
}

TEST_CASE("parser: a subject with a preposition is repaired into an oblique", "[parser][unit]") {
  // in(0) Rome(1) Ann(2) spoke(3): "Rome" wrongly the subject.
  std::vector<Token> t = parsed({"in", "Rome", "Ann", "spoke"}, {"ADP", "PROPN", "PROPN", "VERB"},
                                {1, 3, 3, -1}, {"case", "nsubj", "appos", "root"});
  ng::repair_parse(t.data(), 4, 0);
  CHECK(t[1].deprel == "obl");
  CHECK(t[0].deprel == "case");
}

TEST_CASE("parser: a weekday that swallowed the name after it gives the name its role",
          "[parser][unit]") {
  // where(0) on(1) Sunday(2) Presidents(3) Ana(4) Ruiz(5) signed(6): the
  // parser made "Sunday" the subject, with the title and name as its flat parts.
  std::vector<Token> t =
      parsed({"where", "on", "Sunday", "Presidents", "Ana", "Ruiz", "signed"},
             {"ADV", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"}, {6, 6, 6, 2, 2, 2, -1},
             {"advmod", "mark", "nsubj", "flat", "flat", "flat", "root"});
  t[3].lemma = "President";
  ng::repair_weekday_before_name(t.data(), 7, 0);
  CHECK(t[4].head == 6);
  CHECK(t[4].deprel == "nsubj");
  CHECK(t[3].head == 4);
  CHECK(t[3].deprel == "nmod:desc");
  CHECK(t[5].head == 4);
  CHECK(t[2].head == 6);
  CHECK(t[2].deprel == "obl");
  CHECK(t[1].head == 2);
  CHECK(t[1].deprel == "case");
  // A weekday read as a time with the name inside it, before a verb with
  // no subject: on(0) Thursday(1) Olaf(2) Scholz(3) agreed(4).
  t = parsed({"on", "Thursday", "Olaf", "Scholz", "agreed"}, {"ADP", "PROPN", "PROPN", "PROPN", "VERB"},
             {1, 4, 1, 1, -1}, {"case", "obl", "flat", "flat", "root"});
  ng::repair_weekday_before_name(t.data(), 5, 0);
  CHECK(t[2].head == 4);
  CHECK(t[2].deprel == "nsubj");
  CHECK(t[3].head == 2);
  CHECK(t[1].head == 4);
  CHECK(t[1].deprel == "obl");
  // The verb has a subject of its own: left alone ("X agreed on Monday Jan Novak").
  t = parsed({"Ana", "agreed", "on", "Monday", "Jan", "Novak"}, {"PROPN", "VERB", "ADP", "PROPN", "PROPN", "PROPN"},
             {1, -1, 3, 1, 3, 3}, {"nsubj", "root", "case", "obl", "flat", "flat"});
  const std::vector<Token> before = t;
  ng::repair_weekday_before_name(t.data(), 6, 0);
  for (int i = 0; i < 6; ++i) CHECK(t[i].head == before[i].head);
}

TEST_CASE("parser: 'A of X and B of Y' makes B a conjunct of A, not of X", "[parser][unit]") {
  // Ana(0) Ruiz(1) of(2) Peru(3) and(4) Jan(5) of(6) Chile(7) signed(8)
  std::vector<Token> t =
      parsed({"Ana", "Ruiz", "of", "Peru", "and", "Jan", "of", "Chile", "signed"},
             {"PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "ADP", "PROPN", "VERB"},
             {8, 0, 3, 1, 5, 3, 7, 5, -1}, {"nsubj", "flat", "case", "nmod", "cc", "conj", "case", "nmod", "root"});
  ng::repair_parallel_of(t.data(), 9, 0);
  CHECK(t[5].head == 0);
  CHECK(t[5].deprel == "conj");
  CHECK(t[3].head == 0);
  // "the governments of France and Peru": no "of" phrase on the conjunct; left alone.
  t = parsed({"Ana", "of", "France", "and", "Peru"}, {"PROPN", "ADP", "PROPN", "CCONJ", "PROPN"},
             {-1, 2, 0, 4, 2}, {"root", "case", "nmod", "cc", "conj"});
  ng::repair_parallel_of(t.data(), 5, 0);
  CHECK(t[4].head == 2);
}

TEST_CASE("parser: a noun object right before a subjectless finite clause is its subject",
          "[parser][unit]") {
  // claimed(0) the(1) nominee(2) "(3) has(4) a(5) backbone(6)
  std::vector<Token> t = parsed({"claimed", "the", "nominee", "\"", "has", "a", "backbone"},
                                {"VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN"},
                                {-1, 2, 0, 2, 0, 6, 4}, {"root", "det", "obj", "punct", "ccomp", "det", "obj"});
  t[4].xpos = "VBZ";
  ng::repair_object_before_clause(t.data(), 7, 0);
  CHECK(t[2].head == 4);
  CHECK(t[2].deprel == "nsubj");
  // "told(0) reporters(1) it(2) rained(3)": the clause has its own subject.
  t = parsed({"told", "reporters", "it", "rained"}, {"VERB", "NOUN", "PRON", "VERB"}, {-1, 0, 3, 0},
             {"root", "obj", "nsubj", "ccomp"});
  t[3].xpos = "VBD";
  ng::repair_object_before_clause(t.data(), 4, 0);
  CHECK(t[1].head == 0);
  CHECK(t[1].deprel == "obj");
}
