#include "export/render.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "core/error.h"

extern char** environ;

namespace ng {

namespace {

namespace fs = std::filesystem;

std::string format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".svg") return "svg";
  if (ext == ".png") return "png";
  if (ext == ".pdf") return "pdf";
  throw Error("cannot render '" + path + "': unknown image type '" + ext +
              "' (use .svg, .png or .pdf)");
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// First lines of a program's error output, on one line.
std::string summary(std::string err) {
  if (err.size() > 400) err.resize(400);
  for (char& c : err)
    if (c == '\n' || c == '\r') c = ' ';
  while (!err.empty() && err.back() == ' ') err.pop_back();
  return err;
}

// Removes the listed files when leaving scope.
struct Cleanup {
  std::vector<fs::path> files;
  ~Cleanup() {
    std::error_code ec;
    for (const auto& f : files) fs::remove(f, ec);
  }
};

}  // namespace

void render_dot(const std::string& dot_text, const std::string& out_path) {
  const std::string format = format_of(out_path);
  fs::path target(out_path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error("cannot write '" + out_path + "': directory '" + dir.string() + "' is missing");
  std::random_device rd;
  const std::string stem = "." + target.filename().string() + ".tmp" + std::to_string(rd());
  Cleanup cleanup;
  fs::path dot_file = dir / (stem + ".dot");
  fs::path image_file = dir / (stem + "." + format);
  fs::path err_file = dir / (stem + ".err");
  cleanup.files = {dot_file, image_file, err_file};
  {
    std::ofstream out(dot_file, std::ios::binary);
    out << dot_text;
    out.flush();
    if (!out) throw Error("cannot write '" + out_path + "': directory '" + dir.string() +
                          "' is not writable");
  }
  const char* env = std::getenv("NEWSGRAPH_DOT");
  std::string program = env && *env ? env : "dot";
  std::string type_flag = "-T" + format;
  std::string out_flag = "-o" + image_file.string();
  std::string input = dot_file.string();
  std::vector<char*> argv = {program.data(), type_flag.data(), out_flag.data(), input.data(),
                             nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    if (rc == ENOENT)
      throw Error("cannot render '" + out_path + "': GraphViz '" + program +
                  "' not found on PATH (install graphviz, or write DOT with "
                  "`newsgraph build --format dot`)");
    throw Error("cannot render '" + out_path + "': cannot run '" + program +
                "': " + std::strerror(rc));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw Error("cannot render '" + out_path + "': waitpid failed");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "killed by signal " + std::to_string(WTERMSIG(status));
    std::string err = summary(read_all(err_file));
    // posix_spawnp reports a missing program as exit 127 on some systems.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err.empty())
      throw Error("cannot render '" + out_path + "': GraphViz '" + program +
                  "' not found (install graphviz)");
    throw Error("cannot render '" + out_path + "': '" + program + "' failed (" + why + ")" +
                (err.empty() ? "" : ": " + err));
  }
  if (!fs::exists(image_file, ec) || fs::file_size(image_file, ec) == 0)
    throw Error("cannot render '" + out_path + "': '" + program + "' wrote no image");
  fs::rename(image_file, target, ec);
  if (ec) throw Error("cannot write '" + out_path + "': " + ec.message());
}

}  // namespace ng
