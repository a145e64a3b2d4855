// The word-type table (lexicon/word_types.h): the file round trip, lookups,
// bad files; and train-word-types (train/word_type_train.h) on a tiny input:
// the same bytes twice.
#include "lexicon/word_types.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.h"
#include "tests/test_support.h"
#include "train/word_type_train.h"

namespace {
std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("word types: a saved table is read back and looked up", "[lexicon][unit]") {
  ng::test::TempDir dir;
  const auto file = dir.path() / "t.bin";
  using K = ng::WordType;
  CHECK(ng::WordTypes::save(file, {{"lisbon", {K::Place, 15, true}},
                                   {"ingrid", {K::Person, 9, true}},
                                   {"said", {K::None, 0, true}}}) == 0);
  const ng::WordTypes t = ng::WordTypes::load(file);
  CHECK(t.size() == 3);
  CHECK(t.find("lisbon").kind == K::Place);
  CHECK(t.find("lisbon").confidence == 15);
  CHECK(t.find("ingrid").kind == K::Person);
  CHECK(t.find("ingrid").confidence == 9);
  CHECK(t.find("said").known);
  CHECK(t.find("said").kind == K::None);
  CHECK_FALSE(t.find("porto").known);
  CHECK_FALSE(t.find("").known);
  CHECK(ng::WordTypes::letter(K::Org) == 'O');
  CHECK_THROWS_AS(ng::WordTypes::save(dir.path() / "x.bin", {{"a", {K::Org, 16, true}}}),
                  ng::Error);
}

TEST_CASE("word types: bad files are refused naming the file", "[lexicon][unit]") {
  ng::test::TempDir dir;
  auto refused = [&](const std::string& name, const std::string& why) {
    try {
      ng::WordTypes::load(dir.path() / name);
      FAIL("no error for " << name);
    } catch (const ng::Error& e) {
      const std::string what = e.what();
      CHECK(what.find(name) != std::string::npos);
      CHECK(what.find(why) != std::string::npos);
    }
  };
  refused("missing.bin", "cannot read");
  dir.write("text.bin", "lisbon\tL\t15\n");
  refused("text.bin", "no NGWT header");
  ng::WordTypes::save(dir.path() / "good.bin", {{"lisbon", {ng::WordType::Place, 3, true}}});
  std::string bytes = read_bytes(dir.path() / "good.bin");
  dir.write("cut.bin", bytes.substr(0, bytes.size() - 1));
  refused("cut.bin", "corrupt payload");
  bytes.back() = char(0xC0);  // a type byte with its top bits set
  dir.write("byte.bin", bytes);
  refused("byte.bin", "bad type byte");
  bytes[4] = 9;
  dir.write("version.bin", bytes);
  refused("version.bin", "unsupported version");
}

TEST_CASE("word types: training on a tiny input is deterministic", "[lexicon][unit]") {
  ng::test::TempDir dir;
  // Six 4-d vectors in the package's layout: [v1..v4, norm, rank].
  dir.write("vec.json",
            "{\"dimensions\":4,\"vectors\":{"
            "\"lindqvist\":[0.9,0.1,0,0,1,0],\"jonas\":[0.8,0.2,0.1,0,1,1],"
            "\"lisbon\":[0,0.9,0.2,0,1,2],\"oslo\":[0.1,0.8,0.1,0.1,1,3],"
            "\"northwind\":[0,0,0.9,0.3,1,4],\"visited\":[0.1,0,0.1,0.9,1,5]}}");
  ng::WordTypeTrainOptions o;
  o.embeddings = (dir.path() / "vec.json").string();
  o.data.uner = {(ng::test::source_dir() / "tests/data/ner/small.iob2").string()};
  o.data.lexicon_dir = ng::test::source_dir() / "lexicon";
  o.epochs = 5;
  o.folds = 2;
  std::ostringstream log;
  o.output = (dir.path() / "a.bin").string();
  ng::train_word_types(o, log);
  o.output = (dir.path() / "b.bin").string();
  ng::train_word_types(o, log);
  const std::string a = read_bytes(dir.path() / "a.bin");
  CHECK(a.size() > 16);
  CHECK(a == read_bytes(dir.path() / "b.bin"));
  const ng::WordTypes t = ng::WordTypes::load(dir.path() / "a.bin");
  CHECK(t.size() == 6);
  CHECK(t.find("visited").kind == ng::WordType::None);
}

TEST_CASE("word types: the shipped table types given names and cities", "[lexicon][model]") {
  const ng::WordTypes t = ng::WordTypes::load(ng::test::source_dir() / "models/word_types.bin");
  CHECK(t.size() > 100000);
  CHECK(t.find("gwendolyn").kind == ng::WordType::Person);
  CHECK(t.find("tallinn").kind == ng::WordType::Place);
  CHECK(t.find("because").kind == ng::WordType::None);
}
