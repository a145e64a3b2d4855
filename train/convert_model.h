// Rewrites a model file (tagger, lemmatizer, parser or NER, any container
// format this build reads) in the current format (model_io.h: mapped arrays).
#pragma once

#include <string>

namespace ng {

// Reads the model at in (its kind from the header) and saves it to out (which
// may be in). The weights are unchanged, so the outputs of the pipeline are
// too. Returns the kind. Throws ng::Error naming the file on a bad input.
std::string convert_model(const std::string& in, const std::string& out);

}  // namespace ng
