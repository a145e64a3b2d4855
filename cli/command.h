// The CLI is a thin layer: each command lives in its own cli/cmd_*.cc file,
// registers itself with NG_COMMAND, parses its flags with CLI11 and calls the
// library. Errors are ng::Error (one line naming what and where) mapped to
// exit codes by main.cc: 0 ok, 1 failure, 2 usage error.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string_view>
#include <string>
#include <vector>

#include "io/article_reader.h"
#include "pipeline/pipeline.h"
#include "rdf/store_push.h"

namespace ng {
class KnowledgeGraph;
}  // namespace ng

namespace ng::cli {

// Adds a subcommand to `app` and sets its callback. Called once at start.
using CommandSetup = void (*)(CLI::App& app);
int register_command(CommandSetup setup);
const std::vector<CommandSetup>& commands();

#define NG_CONCAT2(a, b) a##b
#define NG_CONCAT(a, b) NG_CONCAT2(a, b)
#define NG_COMMAND(setup) \
  static const int NG_CONCAT(ng_command_, __LINE__) = ::ng::cli::register_command(setup)

// The input flags every article-reading command shares: FILE… ("-" = stdin),
// --jsonl, --sentences, --conllu, --strict, --repair-utf8.
void add_input_options(CLI::App* cmd, InputOptions& options);

// --rules FILE: one extra rule file per occurrence (repeat the flag for
// several), so `--rules r.yaml a.txt` leaves a.txt to the input files.
void add_rules_option(CLI::App* cmd, std::vector<std::string>& rules);

// Options for a pipeline that takes documents read with `input` (text, or
// analysed CoNLL-U) to `goal`; rules are checked against the ontology.
PipelineOptions pipeline_options(const InputOptions& input, Layer goal);

// Adds --base (a base IRI, checked by check_base_iri) bound to `base`.
void add_base_option(CLI::App* cmd, std::string& base, const std::string& help);

// Adds `flag` URL (a SPARQL 1.1 Graph Store endpoint), --user, --password
// and --attempts, bound to store.
void add_store_options(CLI::App* cmd, StoreOptions& store, const std::string& flag,
                       const std::string& help);

// Reads all articles of the options, printing "newsgraph: <message>" on
// stderr for each bad one (skipped). Returns the good ones. In strict mode,
// or when every input was bad, throws ng::Error.
std::vector<Document> read_inputs(const InputOptions& options);

// Counts of stream_inputs.
struct ReadCounts {
  size_t good = 0;       // articles handed on
  size_t bad = 0;        // unreadable or invalid articles (reported)
  size_t duplicate = 0;  // articles whose id an earlier one had (reported)
};

// Reads the articles of the options like read_inputs, handing each to emit
// as soon as it is read (on the calling thread), and skipping, before any
// analysis, an article whose id an earlier article of the batch had
// ("... (skipped: duplicate id)"). Messages go to stderr. Counts are added
// to `counts`, not to bad_input_count(). Throws ng::Error in strict mode.
void stream_inputs(const InputOptions& options, const std::function<void(Document&&)>& emit,
                   ReadCounts& counts);

// Runs `pipeline` over docs on `threads` workers (0 = all cores). A document
// whose processing fails is reported on stderr ("newsgraph: <message>
// (skipped)"), counted in bad_input_count() and dropped.
void process_inputs(const Pipeline& pipeline, std::vector<Document>& docs, unsigned threads);

// Prints the warnings processing left on doc ("newsgraph: warning: ...")
// and clears them.
void print_warnings(Document& doc);

// Adds every document to graph. One the graph refuses is reported and
// counted the same way and skipped; with --strict the error is rethrown.
void add_to_graph(KnowledgeGraph& graph, const std::vector<Document>& docs,
                  const InputOptions& input);

// Number of bad inputs seen by read_inputs so far; main() exits 1 when
// nonzero after a command succeeded on the rest.
size_t& bad_input_count();

// Writes `content` to `path`, or to stdout when path is "" or "-". A
// regular file (or a new one) is replaced atomically: written to
// ".NAME.newsgraph-tmp.PID" in its directory, given the old file's
// permission bits, then renamed over it; such temp files of dead processes
// are removed first. A symlink is followed and its final target replaced
// (the link stays). A character device or FIFO (-o /dev/null) is written
// through, never replaced. Throws ng::Error naming the path when it cannot
// be written; no partial regular file is left.
void write_output(const std::string& path, const std::string& content);

// Output written piece by piece (streamed formats), with write_output's
// rules: a regular file appears, replaced atomically, only at commit(); one
// left uncommitted (an error, an exception) is removed with its temporary
// file, so a failed run leaves no partial file. Devices, FIFOs and stdout
// are written through as data comes. Throws ng::Error naming the path.
class OutputSink {
 public:
  explicit OutputSink(const std::string& path);  // "" or "-" = stdout
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  void write(std::string_view data);
  void commit();

 private:
  [[noreturn]] void fail(int err);
  std::string shown_;              // the path as given, for messages
  int fd_ = -1;                    // -1 with tmp_ empty = stdout
  std::filesystem::path tmp_;      // the temporary file; empty when none
  std::filesystem::path target_;   // what tmp_ is renamed to
  bool committed_ = false;
};

// Whether ontology/newsgraph.ttl declares a CURIE; loaded once. Passed to the
// Pipeline so rules naming undeclared terms are rejected at load.
std::function<bool(const std::string&)> ontology_check();

}  // namespace ng::cli
