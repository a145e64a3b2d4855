// Tokenizer and sentence splitter for English news, following UD English
// (EWT) tokenization: clitics split ('s n't 're 'll 've 'd 'm), punctuation
// split, numbers, dates, times, URLs, e-mail addresses and hashtags kept whole,
// abbreviations (U.S., Mr., Gen., a.m., Jan.) and dotted names (News.Az)
// kept whole; sentences split also when glued without a space
// ("efforts.Highlighting"), at paragraph breaks, and around quotations.
//
// Contract: every token's [begin,end) is a byte range of Document::text inside
// [body_begin, body_end) (body_end == 0 means text.size()); token.form is that
// slice; tokens are in text order and do not overlap; sentences cover the
// tokens contiguously. process() is const and thread-safe.
//
// The output is UD's *syntactic words*: "don't" gives "do" + "n't", "cannot"
// gives "can" + "not", "gonna" gives "gon" + "na", "Mary's" gives "Mary" +
// "'s"; each word's slice is the natural cut of the surface token. Every byte
// of the body that is not white space (Unicode spaces incl. NBSP, control
// characters, zero-width space) belongs to exactly one word. Words are at most
// kMaxWordBytes long (longer runs without a break are cut at code point
// boundaries) and sentences at most kMaxSentenceWords long.
//
// EWT conventions followed (verified on the treebank): hyphenated compounds
// are split ("well - known", "26 - year - old") except after prefixes such as
// non-, anti-, pre-, re-, co-, e- ("e-mail"); digit groups joined by "-" or
// "/" stay whole when they look like dates or phone numbers ("2024-05-06",
// "5/6/2024", "9/11") and are split when they look like ranges or fractions
// ("1990 - 1995", "1 / 2"); ordinals and decades stay whole ("3rd", "1990s",
// "'90s"), units are split ("35 mm", "5 pm"); "%" and "$" are separate words;
// repeated punctuation stays one word ("...", "--", "?!", "!!!").
//
// Sentences end at . ! ? runs (and the closing quotes/brackets glued after
// them) followed by white space and a word that is not , ; : % or a clitic;
// a lower-case word starts a sentence only right after the terminal ("...
// interested. jill said"), not after a closing quote ('"Really?" asked
// Smith'); a list number ("2. In Section 3") does not end one. After an
// abbreviation or initial, a sentence ends only when the lexicon tags it
// `final` (Inc., etc., p.m.) and a capitalised word other than a weekday or
// month follows; such an abbreviation then gives its period to the sentence
// ("Apple Inc" + "."), as EWT does. Sentences also end at every line break,
// after an ellipsis followed by a capital, after an emoticon followed by a
// capital, and at a glued "word.Capital" boundary (not "News.Az": a short
// capitalised part that is not a common word is taken as a domain).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/stage.h"

namespace ng {

// One syntactic word as the tokenizer found it: the raw form of its output,
// which also records the multiword-token grouping that Document has no field for.
struct TokenizedWord {
  uint32_t begin = 0;          // byte offset of the first byte in the text
  uint32_t end = 0;            // byte offset one past the last byte
  bool sentence_start = false; // this word starts a sentence
  bool joined_next = false;    // the next word belongs to the same surface token
                               // (a multiword token: "do" of "don't", "Mary" of "Mary's")
  bool space_after = true;     // white space (or the end of the range) follows
};

class Tokenizer : public Stage {
 public:
  static constexpr size_t kMaxWordBytes = 1000;   // longer words are cut
  static constexpr int kMaxSentenceWords = 1000;  // longer sentences are cut

  // Loads the abbreviation lexicon from
  // data_path("lexicon/abbreviations.txt"). Throws ng::Error when it
  // is missing or has a bad line.
  Tokenizer();
  // Loads the abbreviation lexicon from `abbreviations`: one abbreviation a
  // line, ending in "." ("Gen."), optionally followed by the tag `final`
  // (it often ends a sentence: "Inc.", "etc."); "#" starts a comment. Throws
  // ng::Error "FILE:LINE: ..." quoting a bad line.
  explicit Tokenizer(const std::filesystem::path& abbreviations);

  std::string_view name() const override { return "tokenizer"; }
  // Fills doc.tokens (begin, end, form, space_after) and doc.sentences,
  // replacing what was there.
  void process(Document& doc) const override;

  // Like process(); also returns the words with their multiword-token
  // grouping (words[i] corresponds to doc.tokens[i]).
  void process(Document& doc, std::vector<TokenizedWord>& words) const;

  // Tokenizes text[begin, end) (valid UTF-8; end is clamped to text.size()),
  // appending the words to `out` in text order; the first word appended
  // starts a sentence. Thread-safe.
  void tokenize(std::string_view text, size_t begin, size_t end,
                std::vector<TokenizedWord>& out) const;

  // Whether `s` (with its final period, "Gen.") is in the abbreviation lexicon.
  bool is_abbreviation(std::string_view s) const { return abbreviations_.count(s) != 0; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // abbreviation with its final "." -> true when tagged `final`
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> abbreviations_;

  friend class TokenizerScanner;
};

}  // namespace ng
