// Fuzz target: read_articles on JSON Lines content (--jsonl), written to a
// temp file since read_articles reads paths. Non-strict mode: bad lines go
// to on_error and must never throw. Inputs over 16 KB are skipped.
#include "fuzz/fuzz_support.h"
#include "io/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return -1;
  ng::fuzz::TempFile file(ng::fuzz::as_text(data, size), ".jsonl");
  ng::InputOptions options;
  options.files = {file.path()};
  options.jsonl = true;
  options.repair_utf8 = (size & 1) != 0;
  size_t good = 0;
  size_t errors = 0;
  size_t bad = ng::read_articles(
      options, [&](ng::Document&&) { ++good; }, [&](const std::string&) { ++errors; });
  if (bad > errors) __builtin_trap();  // every bad article is reported
  return 0;
}
