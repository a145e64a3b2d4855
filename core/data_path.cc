#include "core/data_path.h"

#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "core/error.h"

namespace ng {

std::filesystem::path data_path(const std::string& relative) {
  std::vector<std::filesystem::path> roots;
  if (const char* env = std::getenv("NEWSGRAPH_DATA"); env && *env) roots.emplace_back(env);
  roots.emplace_back(NEWSGRAPH_SOURCE_DIR);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    roots.push_back(std::filesystem::path(exe).parent_path().parent_path() / "share/newsgraph");
  }
  roots.emplace_back(NEWSGRAPH_INSTALL_DATADIR);
  std::string looked;
  for (const auto& r : roots) {
    std::error_code ec;
    auto p = r / relative;
    if (std::filesystem::exists(p, ec)) return p;
    looked += (looked.empty() ? "" : ", ") + p.string();
  }
  throw Error("data file '" + relative + "' not found (looked in: " + looked +
              "; set NEWSGRAPH_DATA to the directory holding models/ and ontology/)");
}

}  // namespace ng
