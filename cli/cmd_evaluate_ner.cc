// newsgraph evaluate-ner FILE.iob2: scores the named entities of the pipeline
// (NER, then coreference, as `newsgraph entities` reports them) on a gold
// Universal NER file (eval/ner_eval.h). The pipeline runs on the gold tokens
// and sentences (io/iob2.h: no re-tokenisation), one document per
// "# newdoc". Prints precision, recall and F1 of exact spans for PER, ORG,
// LOC and all three pooled; last line:
//   NER_F1=x.xxxx PER_F1=x.xxxx ORG_F1=x.xxxx LOC_F1=x.xxxx
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "core/error.h"
#include "eval/ner_eval.h"
#include "io/iob2.h"

namespace ng::cli {
namespace {

struct EvalNerArgs {
  std::string file;
  unsigned threads = 0;
};

void run(const EvalNerArgs& a) {
  const std::vector<Iob2Sentence> gold = read_iob2(a.file);
  if (gold.empty()) throw Error(a.file + ": no sentences");
  std::vector<size_t> first_sentence;
  std::vector<Document> docs = documents_from_iob2(gold, "iob2", &first_sentence);
  PipelineOptions po;
  po.input = Layer::Text | Layer::Tokens | Layer::Sentences;
  po.goal = Layer::Entities;
  Pipeline pipeline(po);
  std::vector<std::string> errors;
  // Documents are processed in place (none is dropped: a failure is an error).
  process_all(pipeline, docs, a.threads, [&](const std::string& e) { errors.push_back(e); });
  if (!errors.empty()) throw Error(a.file + ": " + errors.front());
  if (docs.size() != first_sentence.size()) throw Error(a.file + ": a document was dropped");
  NerScore score;
  for (size_t d = 0; d < docs.size(); ++d) {
    std::vector<NerSpan> g;
    const size_t end = d + 1 < docs.size() ? first_sentence[d + 1] : gold.size();
    for (size_t s = first_sentence[d]; s < end; ++s) {
      auto spans = spans_from_bio(gold[s].tags, static_cast<long>(s));
      g.insert(g.end(), spans.begin(), spans.end());
    }
    score_spans(std::move(g), system_spans(docs[d], static_cast<long>(first_sentence[d])), score);
  }
  std::cout << format_ner_score(score);
}

void setup(CLI::App& app) {
  auto a = std::make_shared<EvalNerArgs>();
  auto* cmd = app.add_subcommand(
      "evaluate-ner",
      "Score named entities (PER, ORG, LOC; exact spans) on a gold Universal NER IOB2 file, "
      "running the pipeline on its gold tokens; last line NER_F1= PER_F1= ORG_F1= LOC_F1=");
  cmd->add_option("FILE", a->file, "Gold file in the IOB2 format of Universal NER")->required();
  cmd->add_option("--threads", a->threads, "Worker threads (0 = all cores)");
  cmd->callback([a]() { run(*a); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
