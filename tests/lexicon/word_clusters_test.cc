// The word-cluster table (lexicon/word_clusters.h): the file round trip,
// lookups, path prefixes, bad files, and the shipped table's load time.
#include "lexicon/word_clusters.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <string>

#include "core/error.h"
#include "tests/test_support.h"

TEST_CASE("word clusters: a saved table is read back and looked up", "[lexicon][unit]") {
  ng::test::TempDir dir;
  const auto file = dir.path() / "c.bin";
  ng::WordClusters::save(file, {{"paris", {0b1011000000000000, 4}},
                                {"london", {0b1010000000000000, 3}},
                                {"said", {0x0001, 16}}});
  const ng::WordClusters c = ng::WordClusters::load(file);
  CHECK(c.size() == 3);
  std::string s;
  ng::WordClusters::prefix_string(c.find("paris"), 16, s);
  CHECK(s == "1011");
  ng::WordClusters::prefix_string(c.find("london"), 2, s);
  CHECK(s == "10");
  ng::WordClusters::prefix_string(c.find("said"), 16, s);
  CHECK(s == "0000000000000001");
  CHECK(c.find("berlin").length == 0);
  CHECK(c.find("").length == 0);
  ng::WordClusters::prefix_string(c.find("berlin"), 8, s);
  CHECK(s.empty());
}

TEST_CASE("word clusters: bad files are refused naming the file", "[lexicon][unit]") {
  ng::test::TempDir dir;
  auto refused = [&](const std::string& name, const std::string& why) {
    try {
      ng::WordClusters::load(dir.path() / name);
      FAIL("no error for " << name);
    } catch (const ng::Error& e) {
      const std::string what = e.what();
      CHECK(what.find(name) != std::string::npos);
      CHECK(what.find(why) != std::string::npos);
    }
  };
  refused("missing.bin", "cannot read");
  dir.write("text.bin", "paris\t1011\n");
  refused("text.bin", "no NGWC header");
  ng::WordClusters::save(dir.path() / "good.bin", {{"paris", {0xB000, 4}}});
  std::ifstream in(dir.path() / "good.bin", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes.resize(bytes.size() - 3);
  dir.write("cut.bin", bytes);
  refused("cut.bin", "corrupt payload");
}

TEST_CASE("word clusters: the shipped table groups words used alike and loads quickly",
          "[lexicon][model]") {
  const auto t0 = std::chrono::steady_clock::now();
  const ng::WordClusters c = ng::WordClusters::load(ng::test::source_dir() / "models/clusters.bin");
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  CHECK(c.size() > 100000);
  CHECK(ms < 100);  // about 2 ms of CPU on the development machine; generous for loaded CI
  auto shared_bits = [&](const char* a, const char* b) {
    const ng::ClusterPath x = c.find(a), y = c.find(b);
    REQUIRE(x.length > 0);
    REQUIRE(y.length > 0);
    int k = 0;
    while (k < x.length && k < y.length && ((x.bits ^ y.bits) >> (15 - k) & 1) == 0) ++k;
    return k;
  };
  // Given names share a longer prefix with each other than with a verb.
  CHECK(shared_bits("margaret", "susan") > shared_bits("margaret", "announced"));
  CHECK(shared_bits("ankara", "nairobi") > shared_bits("ankara", "yesterday"));
}
