// The mapped model container (syntax/model_io.h) and the committed models in
// it: round trip, alignment, truncated and corrupt files, conversion.
#include "syntax/model_io.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/error.h"
#include "entities/ner.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "tests/test_support.h"
#include "train/convert_model.h"

namespace {

std::string write_sample(const ng::test::TempDir& dir) {
  ng::ModelWriter w("sample", 3);
  w.str("labels");
  w.varint(300);
  std::vector<uint64_t> big(1000);
  for (size_t i = 0; i < big.size(); ++i) big[i] = i * 0x9E3779B97F4A7C15ULL;
  w.array(big);
  w.f32(1.5f);
  const int16_t small[3] = {-1, 2, -3};
  w.array(small, 3);
  w.array(std::vector<float>{});
  const std::string path = (dir.path() / "sample.bin").string();
  w.save(path);
  return path;
}

}  // namespace

TEST_CASE("model_io: fields and mapped arrays round trip, 64-byte aligned", "[unit]") {
  ng::test::TempDir dir;
  const std::string path = write_sample(dir);
  ng::ModelReader r(path, "sample", 3);
  CHECK_FALSE(r.legacy());
  CHECK(r.str() == "labels");
  CHECK(r.varint() == 300);
  const auto big = r.array<uint64_t>();
  REQUIRE(big.size() == 1000);
  CHECK(reinterpret_cast<uintptr_t>(big.data()) % 64 == 0);
  CHECK(big[999] == 999 * 0x9E3779B97F4A7C15ULL);
  CHECK(r.f32() == 1.5f);
  const auto small = r.array<int16_t>();
  REQUIRE(small.size() == 3);
  CHECK(small[0] == -1);
  CHECK(small[2] == -3);
  CHECK(reinterpret_cast<uintptr_t>(small.data()) % 64 == 0);
  CHECK(r.array<float>().empty());
  CHECK(r.at_end());
  // A mapped array outlives its reader; changing it copies it first.
  auto copy = big;
  copy[0] = 7;
  CHECK(copy[0] == 7);
  CHECK(big[0] == 0);
}

TEST_CASE("model_io: resident copies hold the same elements and ResidentModel switches to one",
          "[unit]") {
  ng::ModelArray<uint64_t> big;
  for (size_t i = 0; i < ng::kResidentMinBytes / sizeof(uint64_t) + 5; ++i)
    big.push_back(i * 0x9E3779B97F4A7C15ULL);
  const auto copy = ng::resident_copy(big);
  CHECK(copy.data() != big.data());
  REQUIRE(copy.size() == big.size());
  CHECK(std::memcmp(copy.data(), big.data(), big.size() * sizeof(uint64_t)) == 0);
  ng::test::TempDir dir;  // a small mapped array stays a view of the mapping
  ng::ModelReader r(write_sample(dir), "sample", 3);
  r.str();
  r.varint();
  r.array<uint64_t>();
  r.f32();
  const auto small = r.array<int16_t>();
  CHECK(ng::resident_copy(small).data() == small.data());

  struct Table {
    ng::ModelArray<uint64_t> values;
  };
  const Table mapped{big};
  ng::ResidentModel<Table> model(&mapped, [](const Table& t) {
    return std::unique_ptr<const Table>(new Table{ng::resident_copy(t.values)});
  });
  CHECK(&model.get() == &mapped);
  model.note_use(ng::kResidentAfter - 1);
  CHECK(&model.get() == &mapped);
  model.note_use(1);
  CHECK(&model.get() != &mapped);
  CHECK(model.get().values.size() == big.size());
  CHECK(model.get().values[12345] == big[12345]);
}

TEST_CASE("model_io: wrong kind, version or element type is an error naming the file", "[unit]") {
  ng::test::TempDir dir;
  const std::string path = write_sample(dir);
  CHECK_THROWS_WITH(ng::ModelReader(path, "tagger", 3),
                    Catch::Contains(path) && Catch::Contains("'sample'"));
  CHECK_THROWS_WITH(ng::ModelReader(path, "sample", 4), Catch::Contains("version 3"));
  ng::ModelReader r(path, "sample", 3);
  r.str();
  r.varint();
  CHECK_THROWS_WITH(r.array<uint32_t>(), Catch::Contains("element size 8"));
}

TEST_CASE("model_io: every truncation and a flipped meta byte are clear errors", "[unit]") {
  ng::test::TempDir dir;
  const std::string path = write_sample(dir);
  const std::string bytes = ng::test::read_file(path);
  for (size_t n : {size_t{0}, size_t{5}, size_t{12}, size_t{30}, size_t{60}, bytes.size() / 2,
                   bytes.size() - 1}) {
    auto cut = dir.write("cut.bin", bytes.substr(0, n));
    CHECK_THROWS_WITH(ng::ModelReader(cut.string(), "sample", 3), Catch::Contains("cut.bin"));
  }
  std::string flipped = bytes;
  flipped[60] ^= 0x10;  // inside the meta stream
  auto bad = dir.write("flipped.bin", flipped);
  CHECK_THROWS_WITH(ng::ModelReader(bad.string(), "sample", 3), Catch::Contains("checksum"));
}

TEST_CASE("committed models: truncated copies are errors naming the file, never a crash",
          "[model]") {
  ng::test::TempDir dir;
  const auto models = ng::test::source_dir() / "models";
  for (const char* name : {"tagger.bin", "parser.bin", "lemmatizer.bin", "ner.bin"}) {
    const std::string bytes = ng::test::read_file(models / name);
    auto cut = dir.write(std::string("cut-") + name, bytes.substr(0, bytes.size() - 100));
    const std::string p = cut.string();
    auto load = [&] {
      const std::string n = name;
      if (n == "tagger.bin")
        ng::Tagger t(p);
      else if (n == "parser.bin")
        ng::Parser t(p);
      else if (n == "lemmatizer.bin")
        ng::Lemmatizer t(p);
      else
        ng::ner_internal::Weights::load(p);
    };
    CHECK_THROWS_WITH(load(), Catch::Contains(p));
  }
}

TEST_CASE("convert-model rewrites a committed model byte for byte", "[model]") {
  ng::test::TempDir dir;
  const auto models = ng::test::source_dir() / "models";
  for (const char* name : {"tagger.bin", "parser.bin", "lemmatizer.bin", "ner.bin"}) {
    const auto out = dir.path() / name;
    ng::convert_model((models / name).string(), out.string());
    CHECK(ng::test::read_file(out) == ng::test::read_file(models / name));
  }
}

TEST_CASE("models with random bytes in their arrays never crash the pipeline", "[cli]") {
  namespace fs = std::filesystem;
  ng::test::TempDir dir;
  const fs::path src = ng::test::source_dir();
  fs::create_directories(dir.path() / "extraction");
  fs::create_directory_symlink(src / "ontology", dir.path() / "ontology");
  fs::create_directory_symlink(src / "lexicon", dir.path() / "lexicon");
  fs::create_directory_symlink(src / "extraction/rules", dir.path() / "extraction/rules");
  fs::create_directories(dir.path() / "models");
  // The word clusters (read by the tagger and the NER) are not damaged here.
  fs::create_symlink(src / "models/clusters.bin", dir.path() / "models/clusters.bin");
  const char* names[] = {"tagger.bin", "parser.bin", "ner.bin", "lemmatizer.bin"};
  std::mt19937 rnd(7);
  for (const char* damaged : names) {
    for (const char* name : names) {
      std::string bytes = ng::test::read_file(src / "models" / name);
      if (std::string(name) == damaged) {
        // The data part starts at the u64 after the meta size (see model_io.h).
        const size_t at = 8 + 4 + 4 + static_cast<unsigned char>(bytes[12]) + 4 + 8;
        uint64_t data_at = 0;
        std::memcpy(&data_at, bytes.data() + at, 8);
        const size_t lo = data_at < bytes.size() ? data_at : 0;
        for (int k = 0; k < 3000; ++k)
          bytes[lo + rnd() % (bytes.size() - lo)] = static_cast<char>(rnd());
      }
      dir.write("models/" + std::string(name), bytes);
    }
    auto r = ng::test::run_shell("NEWSGRAPH_DATA='" + dir.path().string() + "' '" +
                                 ng::test::binary() + "' build --format turtle '" +
                                 (src / "examples/article.txt").string() + "'");
    INFO(damaged << ": " << r.err);
    CHECK((r.status == 0 || (r.status == 1 && r.err.find(damaged) != std::string::npos)));
  }
}
