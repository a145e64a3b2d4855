// newsgraph train: trains the tagger, lemmatizer and parser models from the UD
// treebanks (EWT train + GUM CC-BY train; EWT dev + GUM dev select the model)
// and writes models/tagger.bin, models/lemmatizer.bin, models/parser.bin.
// Deterministic for a given --seed. The committed models were made with
//
//   newsgraph train --what all --ud-dir ../shared/data --out models --seed 1
//
// The parser is trained on the tags of the tagger in --out (trained first
// when --what all), so it learns from predicted tags as at run time.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "core/data_path.h"
#include "core/error.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "train/lemmatizer_train.h"
#include "train/parser_train.h"
#include "train/tagger_train.h"

namespace ng::cli {
namespace {

struct TrainArgs {
  std::string what = "all";
  std::string ud_dir;          // "" = ../shared/data (cwd), else next to the source tree
  std::string out = "models";
  uint64_t seed = 1;
  int iterations = 0;          // 0 = each trainer's default
};

std::filesystem::path find_ud_dir(const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) {
    if (!fs::is_directory(given)) throw Error("train: --ud-dir '" + given + "' is not a directory");
    return given;
  }
  std::error_code ec;
  if (fs::is_directory("../shared/data", ec)) return "../shared/data";
  try {
    return data_path("../shared/data");
  } catch (const Error&) {
    throw Error("train: no treebank directory found (looked for ../shared/data); give --ud-dir");
  }
}

std::string need(const std::filesystem::path& p) {
  if (!std::filesystem::exists(p)) throw Error("train: treebank file '" + p.string() + "' not found");
  return p.string();
}

void run(const TrainArgs& a) {
  namespace fs = std::filesystem;
  const fs::path ud = find_ud_dir(a.ud_dir);
  const std::vector<std::string> train = {
      need(ud / "ud-english-ewt/en_ewt-ud-train.conllu"),
      need(ud / "gum-cc-by/gum-cc-by-train.conllu")};
  const std::vector<std::string> dev = {need(ud / "ud-english-ewt/en_ewt-ud-dev.conllu"),
                                        need(ud / "gum-cc-by/gum-cc-by-dev.conllu")};
  std::error_code ec;
  fs::create_directories(a.out, ec);
  if (!fs::is_directory(a.out)) throw Error("train: cannot create output directory '" + a.out + "'");
  const fs::path out(a.out);
  const bool all = a.what == "all";
  auto timed = [](const char* what, auto&& fn) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << "train: " << what << " done in " << static_cast<long>(s + 0.5) << " s\n";
  };

  if (all || a.what == "tagger") {
    timed("tagger", [&] {
      TaggerTrainOptions o;
      o.train_files = train;
      o.dev_files = dev;
      o.out = (out / "tagger.bin").string();
      o.seed = a.seed;
      if (a.iterations > 0) o.iterations = a.iterations;
      train_tagger(o, std::cerr);
    });
  }
  if (all || a.what == "lemmatizer") {
    timed("lemmatizer", [&] {
      LemmatizerTrainOptions o;
      o.train_files = train;
      o.dev_files = dev;
      o.out = (out / "lemmatizer.bin").string();
      train_lemmatizer(o, std::cerr);
    });
  }
  if (all || a.what == "parser") {
    timed("parser", [&] {
      const fs::path tagger_path = out / "tagger.bin";
      if (!fs::exists(tagger_path))
        throw Error("train: the parser learns from predicted tags; train the tagger first ('" +
                    tagger_path.string() + "' is missing)");
      Tagger tagger(tagger_path.string());
      ParserTrainOptions o;
      o.train_files = train;
      o.dev_files = dev;
      o.out = (out / "parser.bin").string();
      o.seed = a.seed;
      if (a.iterations > 0) o.iterations = a.iterations;
      o.tagger = &tagger;
      train_parser(o, std::cerr);
    });
  }
}

void setup(CLI::App& app) {
  auto a = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand(
      "train", "Train the tagger, lemmatizer and parser from the UD English treebanks");
  cmd->add_option("--what", a->what, "Which model: tagger, lemmatizer, parser or all (default)")
      ->check(CLI::IsMember({"tagger", "lemmatizer", "parser", "all"}));
  cmd->add_option("--ud-dir", a->ud_dir,
                  "Directory holding ud-english-ewt/ and gum-cc-by/ (default ../shared/data)");
  cmd->add_option("--out", a->out, "Directory the models are written to (default models)");
  cmd->add_option("--seed", a->seed, "Random seed for shuffling (default 1)");
  cmd->add_option("--iterations", a->iterations,
                  "Maximum passes over the training data (default: tagger 15, parser 15)")
      ->check(CLI::Range(1, 1000));
  cmd->callback([a]() { run(*a); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
