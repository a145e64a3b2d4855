// The CLI is a thin layer: each command lives in its own cli/cmd_*.cc file,
// registers itself with NG_COMMAND, parses its flags with CLI11 and calls the
// library. Errors are ng::Error (one line naming what and where) mapped to
// exit codes by main.cc: 0 ok, 1 failure, 2 usage error.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "io/article_reader.h"
#include "pipeline/pipeline.h"

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

// Reads all articles of the options, printing "newsgraph: <message>" on
// stderr for each bad one (skipped). Returns the good ones. In strict mode,
// or when every input was bad, throws ng::Error.
std::vector<Document> read_inputs(const InputOptions& options);

// Runs `pipeline` over docs on `threads` workers (0 = all cores). A document
// whose processing fails is reported on stderr ("newsgraph: <message>
// (skipped)"), counted in bad_input_count() and dropped.
void process_inputs(const Pipeline& pipeline, std::vector<Document>& docs, unsigned threads);

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

// Whether ontology/newsgraph.ttl declares a CURIE; loaded once. Passed to the
// Pipeline so rules naming undeclared terms are rejected at load.
std::function<bool(const std::string&)> ontology_check();

}  // namespace ng::cli
