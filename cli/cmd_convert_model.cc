// newsgraph convert-model IN [OUT]: rewrites a model file in the current
// format (memory-mapped arrays; see syntax/model_io.h). Models written by an
// older build (zlib-compressed, rebuilt at every start) load and convert; the
// weights, and so the outputs, do not change.
#include <iostream>

#include "cli/command.h"
#include "train/convert_model.h"

namespace ng::cli {
namespace {

struct ConvertArgs {
  std::string in, out;
};

void setup(CLI::App& app) {
  auto a = std::make_shared<ConvertArgs>();
  auto* cmd = app.add_subcommand(
      "convert-model",
      "Rewrite a model file (tagger, lemmatizer, parser, NER) in the current, memory-mapped "
      "format; OUT defaults to IN");
  cmd->add_option("IN", a->in, "Model file to read")->required();
  cmd->add_option("OUT", a->out, "Model file to write (default: IN, replaced atomically)");
  cmd->callback([a]() {
    const std::string out = a->out.empty() ? a->in : a->out;
    const std::string kind = convert_model(a->in, out);
    std::cerr << "convert-model: " << kind << " model " << a->in << " -> " << out << "\n";
  });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
