#include "syntax/tokenizer.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "tests/test_support.h"

namespace {

const ng::Tokenizer& tokenizer() {
  static const ng::Tokenizer tok;
  return tok;
}

// Renders the tokenizer's output: words separated by " ", the words of one
// multiword token joined by "·" ("do·n't"), sentences separated by " ‖ ".
std::string render(const ng::Document& doc, const std::vector<ng::TokenizedWord>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += words[i].sentence_start ? " ‖ " : (words[i - 1].joined_next ? "·" : " ");
    out += doc.tokens[i].form;
  }
  return out;
}

bool is_space_byte_run(std::string_view text, size_t i, size_t& len) {
  size_t j = i;
  char32_t cp = ng::next_code_point(text, j);
  len = j - i;
  return ng::is_space(cp) || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
         cp == 0x200B || cp == 0x2060;
}

// The contract of tokenizer.h, checked on any output.
void check_invariants(const ng::Document& doc, const std::vector<ng::TokenizedWord>& words) {
  const size_t body_end = doc.body_end == 0 ? doc.text.size() : doc.body_end;
  REQUIRE(words.size() == doc.tokens.size());
  size_t prev_end = doc.body_begin;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const ng::Token& t = doc.tokens[i];
    INFO("token " << i << " '" << t.form << "' [" << t.begin << "," << t.end << ")");
    REQUIRE(t.begin < t.end);
    REQUIRE(t.begin >= prev_end);
    REQUIRE(t.end <= body_end);
    REQUIRE(t.end - t.begin <= ng::Tokenizer::kMaxWordBytes);
    CHECK(t.form == doc.text.substr(t.begin, t.end - t.begin));
    CHECK(t.space_after == (i + 1 == doc.tokens.size() || t.end != doc.tokens[i + 1].begin));
    // Every byte between two words is white space (or a control character).
    for (size_t p = prev_end; p < t.begin;) {
      size_t len;
      REQUIRE(is_space_byte_run(doc.text, p, len));
      p += len;
    }
    if (words[i].joined_next) CHECK(i + 1 < words.size());
    prev_end = t.end;
  }
  // Sentences cover the tokens contiguously.
  if (doc.tokens.empty()) {
    CHECK(doc.sentences.empty());
    return;
  }
  REQUIRE_FALSE(doc.sentences.empty());
  CHECK(doc.sentences.front().first == 0);
  CHECK(doc.sentences.back().last == static_cast<int>(doc.tokens.size()));
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const ng::Sentence& sent = doc.sentences[s];
    REQUIRE(sent.first < sent.last);
    if (s > 0) CHECK(sent.first == doc.sentences[s - 1].last);
    CHECK(sent.begin == doc.tokens[sent.first].begin);
    CHECK(sent.end == doc.tokens[sent.last - 1].end);
    CHECK(words[sent.first].sentence_start);
    CHECK(sent.last - sent.first <= ng::Tokenizer::kMaxSentenceWords);
  }
}

std::string tokenize(const std::string& text, std::vector<ng::TokenizedWord>* out = nullptr) {
  ng::Document doc;
  doc.text = text;
  std::vector<ng::TokenizedWord> words;
  tokenizer().process(doc, words);
  check_invariants(doc, words);
  if (out) *out = words;
  return render(doc, words);
}

struct Case {
  const char* rule;
  const char* text;
  const char* expected;
};

}  // namespace

TEST_CASE("tokenizer follows UD English EWT conventions", "[tokenizer][unit]") {
  const Case cases[] = {
      // Clitics and multiword tokens: syntactic words, natural slices.
      {"n't", "I don't know", "I do·n't know"},
      {"can't", "We can't stop", "We ca·n't stop"},
      {"won't", "They won't", "They wo·n't"},
      {"upper case", "I DON'T CARE", "I DO·N'T CARE"},
      {"cannot", "You cannot", "You can·not"},
      {"gonna", "We're gonna win", "We·'re gon·na win"},
      {"wanna gotta", "wanna go gotta go", "wan·na go got·ta go"},
      {"'s", "Mary's book", "Mary·'s book"},
      {"'s is", "it's late", "it·'s late"},
      {"curly 's", "it’s the firm’s", "it·’s the firm·’s"},
      {"curly n't", "don’t", "do·n’t"},
      {"'m 've 'll 'd 're", "I'm sure you've said we'll see he'd come they're here",
       "I·'m sure you·'ve said we·'ll see he·'d come they·'re here"},
      {"plural possessive", "the parents' house", "the parents·' house"},
      {"clitic after a period", "the U.S.'s role", "the U.S.·'s role"},
      {"names with apostrophes", "O'Brien and Qur'an", "O'Brien and Qur'an"},
      {"decade with 's", "the 1990's", "the 1990's"},
      {"decade with apostrophe", "the '90s and ’80s", "the '90s and ’80s"},
      // Punctuation.
      {"comma and period", "Yes, sir.", "Yes , sir ."},
      {"brackets", "(and now) [it]", "( and now ) [ it ]"},
      {"quotes", "a \"big\" deal", "a \" big \" deal"},
      {"curly quotes", "a “big” and ‘small’ deal", "a “ big ” and ‘ small ’ deal"},
      {"colon semicolon", "one: two; three", "one : two ; three"},
      {"ellipsis", "Wait... no", "Wait ... no"},
      {"unicode ellipsis", "Wait… no", "Wait … no"},
      {"double dash", "yes--no", "yes -- no"},
      {"em dash", "yes—no — maybe", "yes — no — maybe"},
      {"repeated punctuation", "Really?! Wow!!!", "Really ?! ‖ Wow !!!"},
      {"emoticon", "great :) thanks", "great :) thanks"},
      // Hyphens: split, except after prefixes; numbers by shape.
      {"compound", "a well-known man", "a well - known man"},
      {"age", "a 26-year-old", "a 26 - year - old"},
      {"prefixes", "non-violent e-mail re-elected co-founder anti-war",
       "non-violent e-mail re-elected co-founder anti-war"},
      {"ISO date", "on 2024-05-06 we", "on 2024-05-06 we"},
      {"phone", "call 555-0100 now", "call 555-0100 now"},
      {"range", "in 1990-1995 it", "in 1990 - 1995 it"},
      // Slashes.
      {"and/or", "yes and/or no", "yes and / or no"},
      {"US date", "on 5/6/2024 and 9/11", "on 5/6/2024 and 9/11"},
      {"fraction", "1/2 cup", "1 / 2 cup"},
      // Numbers, money, percent, time.
      {"decimal with thousands", "$1,000.50 paid", "$ 1,000.50 paid"},
      {"percent", "rose 3.5%", "rose 3.5 %"},
      {"time", "at 10:30 sharp", "at 10:30 sharp"},
      {"ordinal", "the 3rd and 21st", "the 3rd and 21st"},
      {"decades", "the 1990s", "the 1990s"},
      {"units", "a 35mm lens at 5pm", "a 35 mm lens at 5 pm"},
      {"codes", "F16 and 3D", "F16 and 3D"},
      {"leading decimal", "about .5 percent", "about .5 percent"},
      {"phone prefix", "dial +44 now", "dial +44 now"},
      // Names, domains, addresses.
      {"dotted name", "News.Az reported", "News.Az reported"},
      {"domain", "Yahoo.com and node.js", "Yahoo.com and node.js"},
      {"e-mail address", "write to john.doe@example.org, now",
       "write to john.doe@example.org , now"},
      {"URL", "see https://example.com/a/b?c=1&d=2. Next",
       "see https://example.com/a/b?c=1&d=2 . ‖ Next"},
      {"URL in brackets", "(www.example.org/x)", "( www.example.org/x )"},
      {"handle and hashtag", "@jack posted #MeToo!", "@jack posted #MeToo !"},
      {"ampersand", "AT&T and R&D", "AT&T and R&D"},
      {"comma between words", "red,green", "red , green"},
      // Abbreviations and initials.
      {"titles", "Mr. Smith met Gen. Jones", "Mr. Smith met Gen. Jones"},
      {"initials", "J. R. Smith", "J. R. Smith"},
      {"dotted abbreviations", "the U.S. and U.K. and U.S.A. forces",
       "the U.S. and U.K. and U.S.A. forces"},
      {"latin", "e.g. this, i.e. that, vs. them", "e.g. this , i.e. that , vs. them"},
      {"months", "on Jan. 5 and Sept. 30", "on Jan. 5 and Sept. 30"},
      {"time abbreviations", "at 10 a.m. Tuesday", "at 10 a.m. Tuesday"},
      {"number sign", "No. 5 seed", "No. 5 seed"},
      {"glued abbreviation", "Mr.Smith on Nov.28", "Mr. Smith on Nov. 28"},
      {"capitalised lexicon entry", "Etc. and more", "Etc. and more"},
      {"lower-case no is not an abbreviation", "he said no. Then", "he said no . ‖ Then"},
  };
  for (const Case& c : cases) {
    INFO(c.rule << ": " << c.text);
    CHECK(tokenize(c.text) == c.expected);
  }
}

TEST_CASE("tokenizer splits sentences", "[tokenizer][unit]") {
  const Case cases[] = {
      {"period + capital", "It rained. We left.", "It rained . ‖ We left ."},
      {"question and exclamation", "Why? Because! Fine.", "Why ? ‖ Because ! ‖ Fine ."},
      {"period + digit", "It ended. 2024 was hard.", "It ended . ‖ 2024 was hard ."},
      {"period + quote", "It ended. \"Yes,\" he said.",
       "It ended . ‖ \" Yes , \" he said ."},
      {"lower case after a plain period", "it ended. then we left",
       "it ended . ‖ then we left"},
      {"closing quote stays", "He said, \"We will win.\" Then he left.",
       "He said , \" We will win . \" ‖ Then he left ."},
      {"curly closing quote", "He said: “We won.” Then", "He said : “ We won . ” ‖ Then"},
      {"closing bracket stays", "(It rained.) We left.", "( It rained . ) ‖ We left ."},
      {"quote then reporting verb", "\"Really?\" asked Smith.",
       "\" Really ? \" asked Smith ."},
      {"not after a title", "Dr. Who came.", "Dr. Who came ."},
      {"not after an initial", "by J. Smith today", "by J. Smith today"},
      {"not after U.S.", "the U.S. Army", "the U.S. Army"},
      {"after a final abbreviation", "He works at Apple Inc. The firm grew.",
       "He works at Apple Inc . ‖ The firm grew ."},
      {"final abbreviation before a weekday", "at 9 p.m. Monday we", "at 9 p.m. Monday we"},
      {"abbreviation at paragraph end", "fruit, nuts, etc.\nNext", "fruit , nuts , etc . ‖ Next"},
      {"glued sentence", "the efforts.Highlighting the role",
       "the efforts . ‖ Highlighting the role"},
      {"glued sentence with a short word", "it ended.The end", "it ended . ‖ The end"},
      {"glued question", "Why?Because", "Why ? ‖ Because"},
      {"newline", "Headline without period\nBody text here.",
       "Headline without period ‖ Body text here ."},
      {"blank line", "One\n\nTwo", "One ‖ Two"},
      {"dateline line", "BAKU, May 6\nThe president met", "BAKU , May 6 ‖ The president met"},
      {"ellipsis + capital", "Well... Maybe not.", "Well ... ‖ Maybe not ."},
      {"ellipsis + lower case", "Well... maybe not.", "Well ... maybe not ."},
      {"comma after period", "3 p.m., then", "3 p.m. , then"},
  };
  for (const Case& c : cases) {
    INFO(c.rule << ": " << c.text);
    CHECK(tokenize(c.text) == c.expected);
  }
}

TEST_CASE("tokenizer handles any UTF-8", "[tokenizer][unit]") {
  const Case cases[] = {
      {"NBSP is a space", "New\xC2\xA0York", "New York"},
      {"narrow NBSP and ideographic space", "a\xE2\x80\xAF" "b\xE3\x80\x80" "c", "a b c"},
      {"zero-width space", "a\xE2\x80\x8B" "b", "a b"},
      {"accented letters", "Erdoğan’s café in Zürich", "Erdoğan·’s café in Zürich"},
      {"Cyrillic", "Привет, мир! Это тест.", "Привет , мир ! ‖ Это тест ."},
      {"Greek", "Καλημέρα κόσμε.", "Καλημέρα κόσμε ."},
      {"CJK", "北京欢迎你。Next", "北京欢迎你 。 ‖ Next"},
      {"Arabic", "مرحبا بالعالم", "مرحبا بالعالم"},
      {"guillemets", "«Oui» dit-il", "« Oui » dit - il"},
      {"emoji with modifier", "ok 👍🏽 fine", "ok 👍🏽 fine"},
      {"emoji glued", "great👍", "great 👍"},
      {"currency symbols", "€5 and £3", "€ 5 and £ 3"},
      {"control characters are spaces", "a\x01" "b\x7F" "c", "a b c"},
      {"CRLF", "One.\r\nTwo.", "One . ‖ Two ."},
      {"tabs", "a\tb", "a b"},
  };
  for (const Case& c : cases) {
    INFO(c.rule << ": " << c.text);
    CHECK(tokenize(c.text) == c.expected);
  }
}

TEST_CASE("tokenizer survives hostile input", "[tokenizer][unit]") {
  std::vector<ng::TokenizedWord> words;
  SECTION("empty and blank") {
    CHECK(tokenize("") == "");
    CHECK(tokenize("   \n\n \t ") == "");
    CHECK(tokenize("\xC2\xA0\xE2\x80\x83") == "");
  }
  SECTION("1 MB without spaces") {
    std::string text(1 << 20, 'a');
    tokenize(text, &words);
    CHECK(words.size() == (text.size() + ng::Tokenizer::kMaxWordBytes - 1) /
                              ng::Tokenizer::kMaxWordBytes);
  }
  SECTION("1 MB of multibyte letters cuts at code point boundaries") {
    std::string text;
    while (text.size() < (1 << 20)) text += "ğ";
    ng::Document doc;
    doc.text = text;
    tokenizer().process(doc, words);
    check_invariants(doc, words);
    for (const auto& t : doc.tokens) CHECK(ng::find_invalid_utf8(t.form) == std::string::npos);
  }
  SECTION("1 MB of punctuation and connectors") {
    std::string text;
    const char* pieces[] = {"a.", "b-", "1,", "'s", "...", "\"", "(", ")", "--", "@", "#", "/"};
    for (size_t i = 0; text.size() < (1 << 20); ++i) text += pieces[(i * 7 + i / 3) % 12];
    tokenize(text, &words);
    CHECK_FALSE(words.empty());
  }
  SECTION("long sentences are cut") {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "word ";
    tokenize(text, &words);
    CHECK(words.size() == 3000);
  }
  SECTION("connectors and multibyte letters at the word length limit") {
    for (size_t pad = 990; pad <= 1002; ++pad)
      for (const char* tail : {"-ğ", ".ğ", "'s", "ğğ", "n't", ".com", "..."}) {
        INFO(pad << " " << tail);
        tokenize(std::string(pad, 'a') + tail + " x", &words);
      }
  }
  SECTION("random text from a tricky alphabet keeps the contract") {
    const char* alphabet[] = {"a", "Z", "7", " ", "\n", ".", ",", "-", "'", "’", "\"", "“",
                              "”", "(", ")", "/", ":", "@", "#", "&", "!", "?", "…", "—",
                              "ğ", "北", "👍", "\xC2\xA0", "\t", "_", "$", "%", "+", "n't",
                              "'s", "U.S.", "Mr.", "http://", "www.", "e-mail", "\x01"};
    std::mt19937 rng(12345);
    for (int n = 0; n < 3000; ++n) {
      std::string text;
      size_t len = rng() % 60;
      for (size_t i = 0; i < len; ++i) text += alphabet[rng() % std::size(alphabet)];
      INFO("text: " << text);
      tokenize(text, &words);
    }
  }
  SECTION("truncated UTF-8 does not crash") {
    ng::Document doc;
    doc.text = std::string("abc \xE2\x80", 6);
    tokenizer().process(doc);
    CHECK(doc.tokens.size() >= 1);
    doc.text = std::string("\xF0", 1);
    tokenizer().process(doc);
  }
}

TEST_CASE("tokenizer processes only the body", "[tokenizer][unit]") {
  ng::Document doc;
  doc.text = "Title line\n\nThe body. Second sentence.\nSource: X";
  doc.body_begin = static_cast<uint32_t>(doc.text.find("The"));
  doc.body_end = static_cast<uint32_t>(doc.text.find("\nSource"));
  std::vector<ng::TokenizedWord> words;
  tokenizer().process(doc, words);
  check_invariants(doc, words);
  CHECK(render(doc, words) == "The body . ‖ Second sentence .");
  CHECK(doc.tokens.front().begin == doc.body_begin);
  CHECK(doc.tokens.back().end == doc.body_end);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentence_text(1) == "Second sentence.");

  // process() replaces earlier results; body_end == 0 means the whole text.
  doc.body_begin = 0;
  doc.body_end = 0;
  tokenizer().process(doc);
  CHECK(doc.tokens.front().form == "Title");
  CHECK(doc.tokens.back().form == "X");
  CHECK(doc.sentences.size() == 4);
}

TEST_CASE("tokenizer offsets are byte slices", "[tokenizer][unit]") {
  ng::Document doc;
  doc.text = "“Don’t,” she said.";
  tokenizer().process(doc);
  const struct {
    const char* form;
    uint32_t begin, end;
  } expected[] = {{"“", 0, 3},   {"Do", 3, 5},   {"n’t", 5, 10}, {",", 10, 11},
                  {"”", 11, 14}, {"she", 15, 18}, {"said", 19, 23}, {".", 23, 24}};
  REQUIRE(doc.tokens.size() == std::size(expected));
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    INFO(i);
    CHECK(doc.tokens[i].form == expected[i].form);
    CHECK(doc.tokens[i].begin == expected[i].begin);
    CHECK(doc.tokens[i].end == expected[i].end);
  }
  CHECK_FALSE(doc.tokens[0].space_after);
  CHECK(doc.tokens[4].space_after);
}

TEST_CASE("abbreviation lexicon is loaded and validated", "[tokenizer][unit]") {
  CHECK(tokenizer().is_abbreviation("Gen."));
  CHECK(tokenizer().is_abbreviation("Inc."));
  CHECK_FALSE(tokenizer().is_abbreviation("no."));

  ng::test::TempDir dir;
  auto custom = dir.write("abbr.txt", "# mine\nZz.  # comment\nQq. final\n");
  ng::Tokenizer tok(custom);
  ng::Document doc;
  doc.text = "Zz. Smith met Qq. Then Mr. Jones";
  std::vector<ng::TokenizedWord> words;
  tok.process(doc, words);
  CHECK(render(doc, words) == "Zz. Smith met Qq . ‖ Then Mr . ‖ Jones");

  const struct {
    const char* content;
    const char* message;
  } bad[] = {
      {"Gen.\nGen\n", "abbr.txt:2: an abbreviation must end with '.': 'Gen'"},
      {"Inc. finale\n", "abbr.txt:1: unknown tag 'finale': 'Inc. finale'"},
      {"a. b. c.\n", "abbr.txt:1: expected an abbreviation and an optional tag"},
  };
  for (const auto& b : bad) {
    auto path = dir.write("abbr.txt", b.content);
    try {
      ng::Tokenizer t(path);
      FAIL("no error for " << b.content);
    } catch (const ng::Error& e) {
      CHECK_THAT(e.what(), Catch::Contains(b.message));
    }
  }
  CHECK_THROWS_AS(ng::Tokenizer(dir.path() / "missing.txt"), ng::Error);
}
