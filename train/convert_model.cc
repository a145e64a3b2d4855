#include "train/convert_model.h"

#include <fstream>

#include "core/error.h"
#include "entities/ner.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_io.h"
#include "syntax/parser_model.h"
#include "syntax/tagger.h"

namespace ng {

namespace {
// The kind string of a model file's header (both container formats start
// with magic, u32 format version, u32 kind length, kind).
std::string model_kind(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open model '" + path + "'");
  char head[16];
  if (!in.read(head, 16) || std::string(head, 7) != "NGMODEL")
    throw Error("model '" + path + "': not a newsgraph model file (bad magic)");
  uint32_t len = 0;
  for (int i = 0; i < 4; ++i)
    len |= static_cast<uint32_t>(static_cast<unsigned char>(head[12 + i])) << (8 * i);
  if (len > 64) throw Error("model '" + path + "': corrupt header");
  std::string kind(len, '\0');
  if (!in.read(kind.data(), len)) throw Error("model '" + path + "': truncated header");
  return kind;
}
}  // namespace

std::string convert_model(const std::string& in, const std::string& out) {
  const std::string kind = model_kind(in);
  if (kind == "tagger") {
    auto m = tagger_internal::load_model(in);
    tagger_internal::save_model(*m, out);
  } else if (kind == "lemmatizer") {
    auto m = lemmatizer_internal::load_model(in);
    lemmatizer_internal::save_model(*m, out);
  } else if (kind == parser_internal::kModelKind) {
    parser_internal::ParserModelData m;
    parser_internal::load_model(m, in);
    parser_internal::save_model(m, out);
  } else if (kind == "ner") {
    ner_internal::Weights::load(in).save(out);
  } else {
    throw Error("model '" + in + "': unknown model kind '" + kind + "'");
  }
  return kind;
}

}  // namespace ng
