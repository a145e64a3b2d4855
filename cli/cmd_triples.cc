// newsgraph triples: lists the facts extracted from articles, one per row.
#include <nlohmann/json.hpp>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "core/text.h"
#include "core/error.h"
#include "pipeline/pipeline.h"
#include "graph/iri.h"

namespace ng::cli {
namespace {

struct TriplesOptions {
  InputOptions input;
  std::string format = "tsv";
  std::string output;
  std::vector<std::string> rules;
  unsigned threads = 0;
  bool no_open = false;
  double min_confidence = 0.0;
  bool trace_rules = false;
  bool keep_unresolved = false;
};

// Tabs, newlines and other control characters inside a value become spaces.
std::string cell(std::string_view s) { return one_line(s); }

std::string arg_term(const Document& doc, const Argument& a) {
  if (a.article) return doc.id;
  if (a.entity >= 0) return doc.entities[a.entity].name;
  return a.literal;
}

std::string fmt_conf(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  return buf;
}

void run(const TriplesOptions& o) {
  if (o.format != "tsv" && o.format != "json")
    throw Error("unknown --format '" + o.format + "' (tsv, json)");
  PipelineOptions po = pipeline_options(o.input, Layer::Facts);
  po.extra_rules = o.rules;
  po.open_extraction = !o.no_open;
  po.keep_unresolved = o.keep_unresolved;
  if (o.trace_rules) po.trace_rules = &std::cerr;
  Pipeline pipeline(po);
  auto docs = read_inputs(o.input);
  process_inputs(pipeline, docs, o.trace_rules ? 1 : o.threads);
  std::ostringstream out;
  if (o.format == "tsv") {
    out << "doc\tsentence\tconfidence\tmodality\tsubject_text\trelation_text\tobject_text\t"
           "subject\tpredicate\tobject\trule\tsentence_text\n";
    for (const auto& d : docs) {
      for (const auto& f : d.facts) {
        if (f.confidence < o.min_confidence) continue;
        out << cell(d.id) << '\t' << f.sentence + 1 << '\t' << fmt_conf(f.confidence) << '\t'
            << to_string(f.modality) << '\t' << cell(f.subject.text) << '\t' << cell(f.relation_text) << '\t'
            << cell(f.object.text) << '\t' << cell(arg_term(d, f.subject)) << '\t'
            << cell(expand_curie(f.predicate)) << '\t' << cell(arg_term(d, f.object)) << '\t'
            << cell(f.rule) << '\t' << cell(d.sentence_text(f.sentence)) << '\n';
      }
    }
  } else {
    for (const auto& d : docs) {
      nlohmann::json facts = nlohmann::json::array();
      for (const auto& f : d.facts) {
        if (f.confidence < o.min_confidence) continue;
        auto arg = [&](const Argument& a) {
          nlohmann::json j = {{"text", a.text}, {"term", arg_term(d, a)}};
          if (a.entity >= 0) j["type"] = to_string(d.entities[a.entity].type);
          if (a.article) j["article"] = true;
          if (!a.datatype.empty()) j["datatype"] = a.datatype;
          return j;
        };
        nlohmann::json j = {{"sentence", f.sentence + 1},
                            {"confidence", f.confidence},
                            {"subject", arg(f.subject)},
                            {"relation_text", f.relation_text},
                            {"predicate", expand_curie(f.predicate)},
                            {"object", arg(f.object)},
                            {"modality", to_string(f.modality)},
                            {"rule", f.rule},
                            {"sentence_text", d.sentence_text(f.sentence)},
                            {"sentence_start", d.sentences[f.sentence].begin},
                            {"sentence_end", d.sentences[f.sentence].end}};
        if (!f.extra.empty()) {
          nlohmann::json extra = nlohmann::json::object();
          for (const auto& [role, a] : f.extra) extra[expand_curie(role)] = arg(a);
          j["extra"] = extra;
        }
        facts.push_back(std::move(j));
      }
      out << nlohmann::json{{"doc", d.id}, {"facts", facts}}.dump(-1, ' ', false,
                                                                  nlohmann::json::error_handler_t::replace)
          << '\n';
    }
  }
  write_output(o.output, out.str());
}

void setup(CLI::App& app) {
  auto o = std::make_shared<TriplesOptions>();
  auto* cmd = app.add_subcommand("triples", "List the facts extracted from articles (TSV or JSON)");
  add_input_options(cmd, o->input);
  cmd->add_option("--format", o->format, "tsv (header row, one fact per row; the modality column tells asserted from negated, future...) or json (one line per document)")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->add_flag("--no-open", o->no_open, "Only facts from specific rules (no open extraction)");
  cmd->add_flag("--keep-unresolved", o->keep_unresolved,
                "Also list facts whose subject or object is a pronoun coreference left "
                "unresolved ('it', 'they'), as open-IE benchmarks such as CaRB expect");
  cmd->add_option("--min-confidence", o->min_confidence, "Drop facts below this confidence");
  cmd->add_flag("--trace-rules", o->trace_rules,
                 "Explain on standard error, per trigger word and rule, what fired or why not "
                 "(doc, sentence, word, rule, reason); runs on one thread");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
