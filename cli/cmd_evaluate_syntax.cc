// newsgraph evaluate-syntax: scores the tagger, lemmatizer and parser on a gold
// CoNLL-U file with the CoNLL 2018 definitions (eval/syntax_eval.h).
//
//   newsgraph evaluate-syntax FILE.conllu          gold tokenization; last line:
//     UPOS=xx.xx XPOS=xx.xx LEMMA=xx.xx UAS=xx.xx LAS=xx.xx
//   newsgraph evaluate-syntax FILE.conllu --raw    from the raw text (tokenizer
//     included), scores over aligned words; last line:
//     TOKENS_F1=xx.xx SENTENCES_F1=xx.xx UPOS=xx.xx UAS=xx.xx LAS=xx.xx
//
// Speed (words/s per stage and overall) goes to stderr. Without a parser model
// UAS and LAS print as 0.00 (with a warning).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "core/error.h"
#include "io/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "eval/syntax_eval.h"
#include "syntax/tagger.h"
#include "eval/tokenization_eval.h"
#include "syntax/tokenizer.h"

namespace ng::cli {
namespace {

struct EvalArgs {
  std::string file;
  bool raw = false;
  std::string tagger, lemmatizer, parser;  // model paths; "" = the defaults
};

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Gold words of the whole file with document-global heads (-1 = root).
std::vector<Token> gold_tokens(const std::vector<ConlluSentence>& gold) {
  return documents_from_conllu(gold, "gold", {.space_after = false, .annotation = true},
                               /*split_documents=*/false)
      .front()
      .tokens;
}

// One Document holding the gold words (forms joined by spaces, one sentence
// per line) with nothing but forms, offsets and sentences.
Document gold_tokenized_document(const std::vector<ConlluSentence>& gold) {
  return std::move(documents_from_conllu(gold, "gold",
                                         {.space_after = false, .annotation = false},
                                         /*split_documents=*/false)
                       .front());
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void report_speed(const char* what, size_t words, double secs) {
  std::fprintf(stderr, "%-10s %10.0f words/s (%zu words, %.3f s)\n", what,
               secs > 0 ? static_cast<double>(words) / secs : 0.0, words, secs);
}

void run(const EvalArgs& a) {
  const auto gold = read_conllu(a.file);
  if (gold.empty()) throw Error(a.file + ": no sentences");
  Tagger tagger = a.tagger.empty() ? Tagger() : Tagger(a.tagger);
  Lemmatizer lemmatizer = a.lemmatizer.empty() ? Lemmatizer() : Lemmatizer(a.lemmatizer);
  std::unique_ptr<Parser> parser;
  try {
    parser = a.parser.empty() ? std::make_unique<Parser>() : std::make_unique<Parser>(a.parser);
  } catch (const Error& e) {
    std::fprintf(stderr, "newsgraph: warning: no parser (%s); UAS and LAS are 0\n", e.what());
  }
  const std::vector<Token> gold_words = gold_tokens(gold);

  Document doc;
  double t_tok = 0;
  TokenizationEvaluation tokenization;
  if (a.raw) {
    Tokenizer tokenizer;
    {  // time the tokenizer alone on the raw text
      Document timing;
      timing.text = conll18_raw_text(gold);
      timing.body_end = static_cast<uint32_t>(timing.text.size());
      auto t0 = Clock::now();
      tokenizer.process(timing);
      t_tok = seconds_since(t0);
    }
    tokenization = evaluate_tokenization(gold, tokenizer);
    doc = std::move(tokenization.doc);
  } else {
    doc = gold_tokenized_document(gold);
  }
  const size_t words = doc.tokens.size();
  auto t0 = Clock::now();
  tagger.process(doc);
  const double t_tag = seconds_since(t0);
  t0 = Clock::now();
  lemmatizer.process(doc);
  const double t_lem = seconds_since(t0);
  double t_parse = 0;
  if (parser) {
    t0 = Clock::now();
    parser->process(doc);
    t_parse = seconds_since(t0);
  }
  if (a.raw) report_speed("tokenizer", words, t_tok);
  report_speed("tagger", words, t_tag);
  report_speed("lemmatizer", words, t_lem);
  if (parser) report_speed("parser", words, t_parse);
  report_speed("total", words, t_tok + t_tag + t_lem + t_parse);

  SyntaxScore score;
  if (a.raw) {
    score_aligned(gold_words, doc.tokens, tokenization.aligned, score);
  } else {
    score_same_tokens(gold_words, doc.tokens, score);
  }
  const double uas = parser ? score.f1(score.uas) : 0.0;
  const double las = parser ? score.f1(score.las) : 0.0;
  if (a.raw) {
    std::printf("WORDS_F1=%s XPOS=%s LEMMA=%s (%ld gold words, %ld system words, %ld aligned)\n",
                fmt(tokenization.score.words_f1 * 100).c_str(), fmt(score.f1(score.xpos)).c_str(),
                fmt(score.f1(score.lemma)).c_str(), score.gold_words, score.system_words,
                score.aligned);
    std::printf("TOKENS_F1=%s SENTENCES_F1=%s UPOS=%s UAS=%s LAS=%s\n",
                fmt(tokenization.score.tokens_f1 * 100).c_str(),
                fmt(tokenization.score.sentences_f1 * 100).c_str(),
                fmt(score.f1(score.upos)).c_str(), fmt(uas).c_str(), fmt(las).c_str());
  } else {
    std::printf("%ld words, %zu sentences\n", score.gold_words, gold.size());
    std::printf("UPOS=%s XPOS=%s LEMMA=%s UAS=%s LAS=%s\n", fmt(score.f1(score.upos)).c_str(),
                fmt(score.f1(score.xpos)).c_str(), fmt(score.f1(score.lemma)).c_str(),
                fmt(uas).c_str(), fmt(las).c_str());
  }
}

void setup(CLI::App& app) {
  auto a = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand(
      "evaluate-syntax",
      "Score tagger, lemmatizer and parser on a gold CoNLL-U file (CoNLL 2018 metrics; LAS "
      "compares universal relations)");
  cmd->add_option("file", a->file, "Gold CoNLL-U file")->required();
  cmd->add_flag("--raw", a->raw,
                "Analyse the raw text (tokenizer included) and score over aligned words");
  cmd->add_option("--tagger", a->tagger, "Tagger model (default models/tagger.bin)");
  cmd->add_option("--lemmatizer", a->lemmatizer,
                  "Lemmatizer model (default models/lemmatizer.bin)");
  cmd->add_option("--parser", a->parser, "Parser model (default models/parser.bin)");
  cmd->callback([a]() { run(*a); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
