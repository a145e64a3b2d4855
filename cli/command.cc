#include "cli/command.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_set>

#include "core/error.h"
#include "graph/iri.h"
#include "rdf/ontology.h"
#include "pipeline/pipeline.h"
#include "graph/knowledge_graph.h"

namespace ng::cli {

static std::vector<CommandSetup>& registry() {
  static std::vector<CommandSetup> r;
  return r;
}

int register_command(CommandSetup setup) {
  registry().push_back(setup);
  return static_cast<int>(registry().size());
}

const std::vector<CommandSetup>& commands() { return registry(); }

size_t& bad_input_count() {
  static size_t n = 0;
  return n;
}

void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("files", o.files, "Input files (plain text; '-' = standard input)");
  cmd->add_flag("--jsonl", o.jsonl,
                "Each input line is one article: {\"id\",\"text\"} plus optional "
                "title, date, url, source");
  cmd->add_flag("--sentences", o.sentences,
                "Each input line is one sentence and one document (doc = line number)");
  cmd->add_flag("--conllu", o.conllu,
                "Inputs are analysed CoNLL-U (one document per '# newdoc'): the pipeline starts "
                "after the parser, on the file's tags and trees");
  cmd->add_option("--doc-id", o.doc_id,
                  "Id of the one plain-text article read (default: its file name; for standard "
                  "input, 'stdin-' and a hash of its text)");
  cmd->add_flag("--strict", o.strict, "Stop at the first bad article instead of skipping it");
  cmd->add_flag("--repair-utf8", o.repair_utf8,
                "Accept invalid UTF-8, replacing bad bytes by U+FFFD with a warning");
  cmd->add_flag("--lang-any", o.lang_any,
                "Also read articles that do not look like English (they are reported and "
                "skipped otherwise: the models are English)");
}

void add_rules_option(CLI::App* cmd, std::vector<std::string>& rules) {
  cmd->add_option("--rules", rules,
                  "Extra rule file (YAML; the language: extraction/rule_language.md); one file "
                  "per --rules, repeat the flag for several")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_base_option(CLI::App* cmd, std::string& base, const std::string& help) {
  cmd->add_option("--base", base, help)
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            try {
              check_base_iri(s);
            } catch (const Error& e) {
              return e.what();
            }
            return {};
          },
          "IRI", "base IRI"))
      ->capture_default_str();
}

void add_store_options(CLI::App* cmd, StoreOptions& store, const std::string& flag,
                       const std::string& help) {
  cmd->add_option(flag, store.url, help);
  cmd->add_option("--user", store.user, "User name for the store (digest or basic auth)");
  cmd->add_option("--password", store.password,
                  "Password for the store (default: $NEWSGRAPH_STORE_PASSWORD)");
  cmd->add_option("--attempts", store.attempts,
                  "Tries per graph on a 5xx answer, a timeout or a lost connection (waits 0.5 s, "
                  "1 s, 2 s... between them)")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  if (const char* p = std::getenv("NEWSGRAPH_STORE_PASSWORD")) store.password = p;
}

PipelineOptions pipeline_options(const InputOptions& input, Layer goal) {
  PipelineOptions po;
  po.input = input.conllu ? kParsedLayers : kTextLayers;
  po.goal = goal;
  po.is_declared = ontology_check();
  return po;
}

std::vector<Document> read_inputs(const InputOptions& options) {
  std::vector<Document> docs;
  size_t bad = read_articles(
      options,
      [&](Document&& d) {
        for (const auto& w : d.warnings) std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
        d.warnings.clear();
        docs.push_back(std::move(d));
      },
      [&](const std::string& message) { std::fprintf(stderr, "newsgraph: %s\n", message.c_str()); });
  bad_input_count() += bad;
  if (docs.empty() && bad > 0) throw Error("no usable input (" + std::to_string(bad) + " bad)");
  return docs;
}

void stream_inputs(const InputOptions& options, const std::function<void(Document&&)>& emit,
                   ReadCounts& counts) {
  std::unordered_set<std::string> ids;
  counts.bad += read_articles(
      options,
      [&](Document&& d) {
        for (const auto& w : d.warnings)
          std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
        d.warnings.clear();
        if (!ids.insert(d.id).second) {
          if (options.strict) throw Error("article id '" + d.id + "' repeats an earlier one");
          std::fprintf(stderr,
                       "newsgraph: article id '%s' repeats an earlier one "
                       "(skipped: duplicate id)\n",
                       d.id.c_str());
          ++counts.duplicate;
          return;
        }
        ++counts.good;
        emit(std::move(d));
      },
      [&](const std::string& m) { std::fprintf(stderr, "newsgraph: %s\n", m.c_str()); });
}

void process_inputs(const Pipeline& pipeline, std::vector<Document>& docs, unsigned threads) {
  process_all(pipeline, docs, threads, [](const std::string& m) {
    std::fprintf(stderr, "newsgraph: %s (skipped)\n", m.c_str());
    ++bad_input_count();
  });
  for (Document& d : docs) print_warnings(d);
}

void print_warnings(Document& doc) {
  for (const auto& w : doc.warnings) std::fprintf(stderr, "newsgraph: warning: %s\n", w.c_str());
  doc.warnings.clear();
}

void add_to_graph(KnowledgeGraph& graph, const std::vector<Document>& docs,
                  const InputOptions& input) {
  for (const auto& d : docs) {
    try {
      graph.add(d);
    } catch (const Error& e) {
      if (input.strict) throw;
      std::fprintf(stderr, "newsgraph: %s (skipped)\n", e.what());
      ++bad_input_count();
    }
  }
}

namespace {

namespace fs = std::filesystem;

// The file a chain of symlinks ends at (relative links resolved against the
// link's folder); the path itself when it is no symlink. At most 40 links.
fs::path follow_symlinks(fs::path p, const std::string& shown) {
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(p, ec)); ++hops) {
    if (hops == 40) throw Error("cannot write '" + shown + "': too many levels of symbolic links");
    fs::path next = fs::read_symlink(p, ec);
    if (ec) throw Error("cannot write '" + shown + "': " + ec.message());
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  return p;
}

// Writes all of content to fd; false on an error (errno set).
bool write_all(int fd, std::string_view content) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Removes the temporary files ".NAME.newsgraph-tmp.PID" next to target
// whose process is gone (debris of a killed run).
void remove_stale_temps(const fs::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) fs::remove(entry.path(), ec);
  }
}

}  // namespace

OutputSink::OutputSink(const std::string& path) : shown_(path) {
  if (path.empty() || path == "-") return;  // stdout: fd_ stays -1
  fs::path target = follow_symlinks(fs::path(path), path);
  struct stat st{};
  const bool existed = ::stat(target.c_str(), &st) == 0;
  if (existed && S_ISDIR(st.st_mode)) throw Error("cannot write '" + path + "': it is a directory");
  if (existed && !S_ISREG(st.st_mode)) {  // a device or FIFO: written through, never replaced
    fd_ = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error("cannot write '" + path + "': " + std::strerror(errno));
    return;
  }
  // A regular file (or a new one): a temporary file in its folder, given the
  // old file's permission bits, renamed over it by commit().
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".newsgraph-tmp.";
  remove_stale_temps(dir, prefix);
  tmp_ = dir / (prefix + std::to_string(::getpid()));
  target_ = target;
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    tmp_.clear();
    throw Error("cannot write '" + path + "': directory '" + dir.string() +
                "' is missing or not writable");
  }
  if (existed && ::fchmod(fd_, st.st_mode & 07777) != 0) fail(errno);
}

OutputSink::~OutputSink() {
  if (fd_ >= 0) ::close(fd_);
  std::error_code ec;
  if (!tmp_.empty()) fs::remove(tmp_, ec);
}

void OutputSink::fail(int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ec;
  if (!tmp_.empty()) fs::remove(tmp_, ec);
  tmp_.clear();
  throw Error("cannot write '" + shown_ + "': write failed (" + std::strerror(err) + ")");
}

void OutputSink::write(std::string_view data) {
  if (committed_) throw Error("internal: write to '" + shown_ + "' after commit");
  if (fd_ < 0 && tmp_.empty()) {
    if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) fail(errno);
    return;
  }
  if (fd_ < 0) throw Error("cannot write '" + shown_ + "': write failed");
  if (!write_all(fd_, data)) fail(errno);
}

void OutputSink::commit() {
  if (committed_) return;
  committed_ = true;
  if (fd_ < 0 && tmp_.empty()) {
    if (std::fflush(stdout) != 0) throw Error("cannot write to standard output");
    return;
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (tmp_.empty()) return;  // written through
  std::error_code ec;
  fs::rename(tmp_, target_, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp_, ignored);
    tmp_.clear();
    throw Error("cannot write '" + shown_ + "': " + ec.message());
  }
  tmp_.clear();
}

void write_output(const std::string& path, const std::string& content) {
  OutputSink out(path);
  out.write(content);
  out.commit();
}

}  // namespace ng::cli

namespace ng::cli {

std::function<bool(const std::string&)> ontology_check() { return &ontology_declares; }

}  // namespace ng::cli
