#include "cli/command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "core/error.h"
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
}

void add_rules_option(CLI::App* cmd, std::vector<std::string>& rules) {
  cmd->add_option("--rules", rules,
                  "Extra rule file (YAML; the language: extraction/rule_language.md); one file "
                  "per --rules, repeat the flag for several")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
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

void process_inputs(const Pipeline& pipeline, std::vector<Document>& docs, unsigned threads) {
  process_all(pipeline, docs, threads, [](const std::string& m) {
    std::fprintf(stderr, "newsgraph: %s (skipped)\n", m.c_str());
    ++bad_input_count();
  });
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

void write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    return;
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw Error("cannot write '" + path + "': it is a directory");
  std::random_device rd;
  fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw Error("cannot write '" + path + "': directory '" + dir.string() +
                          "' is missing or not writable");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      throw Error("cannot write '" + path + "': write failed (disk full?)");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("cannot write '" + path + "': " + ec.message());
  }
}

}  // namespace ng::cli

namespace ng::cli {

std::function<bool(const std::string&)> ontology_check() { return &ontology_declares; }

}  // namespace ng::cli
