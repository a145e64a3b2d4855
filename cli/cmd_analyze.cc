// newsgraph analyze: the linguistic analysis alone (tokens, sentences, UPOS/
// XPOS tags, lemmas, dependency trees), printed as CoNLL-U or TSV.
//
//   newsgraph analyze article.txt                  CoNLL-U on stdout
//   newsgraph analyze --jsonl news.jsonl --format tsv --threads 2
//
// TSV: a header line, then one line per token: doc, sentence (1-based), id
// (1-based in the sentence), form, lemma, upos, xpos, head (sentence id; 0 =
// root), deprel, begin, end (UTF-8 byte offsets into the article text).
#include <chrono>
#include <cstdio>
#include <sstream>

#include "cli/command.h"
#include "core/text.h"
#include "core/error.h"
#include "io/conllu.h"
#include "pipeline/pipeline.h"

namespace ng::cli {
namespace {

struct AnalyzeArgs {
  InputOptions input;
  std::string format = "conllu";
  std::string output;        // "" = stdout
  unsigned threads = 1;      // 0 = all cores
  bool timing = false;
};

void write_tsv(const Document& doc, std::ostream& out) {
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (int t = sent.first; t < sent.last; ++t) {
      const Token& tok = doc.tokens[t];
      int head = 0;
      if (tok.head >= sent.first && tok.head < sent.last) head = tok.head - sent.first + 1;
      out << one_line(doc.id) << '\t' << s + 1 << '\t' << t - sent.first + 1 << '\t'
          << one_line(tok.form) << '\t' << one_line(tok.lemma) << '\t' << tok.upos << '\t'
          << one_line(tok.xpos) << '\t' << head << '\t' << tok.deprel << '\t' << tok.begin << '\t'
          << tok.end << '\n';
    }
  }
}

void run(const AnalyzeArgs& a) {
  using Clock = std::chrono::steady_clock;
  std::vector<Document> docs = read_inputs(a.input);
  PipelineOptions po = pipeline_options(a.input, Layer::Parse);
  auto t_load = Clock::now();
  Pipeline pipeline(po);
  auto t0 = Clock::now();
  process_all(pipeline, docs, a.threads, [](const std::string& message) {
    std::fprintf(stderr, "newsgraph: %s\n", message.c_str());
    ++bad_input_count();
  });
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  if (a.timing) {
    size_t tokens = 0;
    for (const auto& d : docs) tokens += d.tokens.size();
    std::fprintf(stderr,
                 "analyze: %zu documents, %zu tokens in %.3f s = %.0f tokens/s (%u threads; "
                 "models loaded in %.3f s)\n",
                 docs.size(), tokens, secs, secs > 0 ? static_cast<double>(tokens) / secs : 0.0,
                 a.threads, std::chrono::duration<double>(t0 - t_load).count());
  }
  std::ostringstream out;
  if (a.format == "tsv")
    out << "doc\tsentence\tid\tform\tlemma\tupos\txpos\thead\tdeprel\tbegin\tend\n";
  for (const auto& d : docs) {
    if (a.format == "tsv")
      write_tsv(d, out);
    else
      write_conllu(d, out);
  }
  write_output(a.output, out.str());
}

void setup(CLI::App& app) {
  auto a = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand(
      "analyze", "Tokenize, tag, lemmatize and parse articles; print CoNLL-U or TSV");
  add_input_options(cmd, a->input);
  cmd->add_option("--format", a->format, "Output format: conllu (default) or tsv")
      ->check(CLI::IsMember({"conllu", "tsv"}));
  cmd->add_option("-o,--output", a->output, "Write to this file instead of standard output");
  cmd->add_option("--threads", a->threads, "Worker threads (default 1; 0 = all cores)");
  cmd->add_flag("--timing", a->timing, "Print documents, tokens and tokens/s on stderr");
  cmd->callback([a]() { run(*a); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
