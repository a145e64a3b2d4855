// newsgraph build: articles -> extraction -> one knowledge graph -> RDF
// (Turtle, N-Triples, N-Quads, RDF/XML), JSON-LD, JSON, DOT or GraphML.
#include <sstream>

#include "cli/command.h"
#include "core/error.h"
#include "export/graphviz.h"
#include "export/html.h"
#include "export/json.h"
#include "rdf/jsonld.h"
#include "rdf/rdf.h"
#include "pipeline/pipeline.h"
#include "graph/iri.h"
#include "graph/knowledge_graph.h"

#include <memory>
#include <optional>

#include "cli/progress.h"
#include "pipeline/stream.h"
#include "rdf/quads.h"
#include "rdf/store_push.h"

namespace ng::cli {
namespace {

struct BuildOptions {
  InputOptions input;
  std::string format = "turtle";
  std::string output;
  std::string base = std::string(kDefaultBaseIri);
  std::vector<std::string> rules;
  unsigned threads = 0;
  bool open_triples = false;  // open-extraction text facts as direct triples too
  StoreOptions store;         // --push URL (url "" = no push), --user, --password
  bool progress = false;
  bool quiet = false;
};

const std::vector<std::string> kFormats = {"turtle", "ntriples", "nquads", "rdfxml",
                                           "jsonld",  "json",     "dot",    "graphml", "html"};

std::string serialize(const KnowledgeGraph& graph, const std::string& format) {
  RdfFormat rdf;
  if (parse_rdf_format(format, rdf)) return to_rdf(graph, rdf);
  if (format == "jsonld") return to_jsonld(graph);
  if (format == "json") return to_json(graph);
  if (format == "dot") return to_dot(graph);
  if (format == "graphml") return to_graphml(graph);
  if (format == "html") return to_html(graph);
  throw Error("unknown --format '" + format + "'");
}

// The formats written article by article; the others need the whole graph.
bool streamed(const std::string& format, RdfFormat& rdf) {
  return parse_rdf_format(format, rdf) && rdf != RdfFormat::RdfXml;
}

// What happened to the articles of a run, for the summary line.
struct BuildCounts {
  ReadCounts read;
  size_t failed = 0;    // analysis or graph errors
  size_t written = 0;   // articles in the output
  size_t facts = 0;     // statements
  size_t meetings = 0;  // asserted ng:Meeting events
};

std::string summary(const BuildCounts& c, bool pushed) {
  std::string s =
      "built " + std::to_string(c.written) + (c.written == 1 ? " article" : " articles");
  if (pushed) s += " (each pushed)";
  s += ", " + std::to_string(c.facts) + " facts, " + std::to_string(c.meetings) + " meetings";
  const size_t skipped = c.read.bad + c.read.duplicate + c.failed;
  s += "; skipped " + std::to_string(skipped);
  if (skipped) {
    std::vector<std::string> why;
    if (c.read.bad) why.push_back(std::to_string(c.read.bad) + " bad input");
    if (c.read.duplicate) why.push_back(std::to_string(c.read.duplicate) + " duplicate id");
    if (c.failed) why.push_back(std::to_string(c.failed) + " failed");
    s += " (";
    for (size_t i = 0; i < why.size(); ++i) s += (i ? ", " : "") + why[i];
    s += ")";
  }
  return s;
}

void count_graph(const KnowledgeGraph& g, size_t events_from, BuildCounts& c) {
  for (size_t i = events_from; i < g.events().size(); ++i) {
    const GraphEvent& e = g.events()[i];
    if (e.cls == "ng:Meeting" && e.provenance.modality == Modality::Asserted) ++c.meetings;
  }
}

// Takes each analysed article, in input order, into the output.
class ArticleConsumer {
 public:
  explicit ArticleConsumer(const BuildOptions& o) : o_(o), graph_(o.base) {
    graph_.set_direct_open_facts(o.open_triples);
    RdfFormat rdf;
    if (streamed(o.format, rdf)) writer_ = std::make_unique<StreamingRdfWriter>(rdf);
    // With --push and no -o, nothing is written.
    if (o.store.url.empty() || !o.output.empty()) out_ = std::make_unique<OutputSink>(o.output);
    if (!o.store.url.empty()) store_ = std::make_unique<GraphStoreClient>(o.store);
  }

  void add(const Document& doc, BuildCounts& c) {
    if (writer_ || store_) {
      KnowledgeGraph one(o_.base);
      one.set_direct_open_facts(o_.open_triples);
      if (!add_to(one, doc, c)) return;
      count_graph(one, 0, c);
      c.facts += one.statements().size();
      if (store_) push(one);
      if (writer_ && out_) {
        start();
        chunk_.clear();
        writer_->write(one, chunk_);
        out_->write(chunk_);
      }
      if (writer_ || !out_) {
        ++c.written;
        return;
      }
    }
    const size_t facts = graph_.statements().size(), events = graph_.events().size();
    if (!add_to(graph_, doc, c)) return;
    if (!store_) {
      count_graph(graph_, events, c);
      c.facts += graph_.statements().size() - facts;
    }
    ++c.written;
  }

  void finish() {
    if (!out_) return;
    if (!writer_) out_->write(serialize(graph_, o_.format));
    start();
    out_->commit();
  }

 private:
  // Writes what comes before the first article (Turtle's prefixes) once,
  // only when there is output: a run whose every input was bad writes nothing.
  void start() {
    if (started_ || !writer_) return;
    started_ = true;
    out_->write(writer_->header());
  }

  // PUTs the article's graph; a refusal names what was stored before it.
  void push(const KnowledgeGraph& one) {
    try {
      store_->put(one.articles().front().graph, to_ntriples(one, false));
    } catch (const Error& e) {
      throw Error(std::string(e.what()) + "; " + std::to_string(pushed_) +
                  " article graphs were stored before it");
    }
    ++pushed_;
  }

  // Adds doc to g; false (reported, counted) when the graph refuses it.
  bool add_to(KnowledgeGraph& g, const Document& doc, BuildCounts& c) {
    try {
      g.add(doc);
      return true;
    } catch (const Error& e) {
      if (o_.input.strict) throw;
      std::fprintf(stderr, "newsgraph: %s (skipped)\n", e.what());
      ++c.failed;
      return false;
    }
  }

  const BuildOptions& o_;
  KnowledgeGraph graph_;  // the whole graph, for the formats that need it
  std::unique_ptr<StreamingRdfWriter> writer_;
  std::unique_ptr<OutputSink> out_;
  std::unique_ptr<GraphStoreClient> store_;
  std::string chunk_;
  bool started_ = false;
  size_t pushed_ = 0;  // article graphs the store took
};

// Articles stream through the pipeline (pipeline/stream.h). N-Quads,
// N-Triples and Turtle are written article by article (StreamingRdfWriter),
// so memory is bounded by the articles in flight; the other formats need the
// whole graph and build it first. --push sends each article's graph to a
// triple store (rdf/store_push.h) as soon as it is built.
void run(const BuildOptions& o) {
  PipelineOptions po = pipeline_options(o.input, Layer::Facts);
  po.extra_rules = o.rules;
  Pipeline pipeline(po);
  ArticleConsumer consumer(o);
  BuildCounts counts;
  Progress progress(progress_wanted(o.progress, o.quiet), count_articles(o.input));
  process_stream(
      pipeline, [&](const DocumentEmit& emit) { stream_inputs(o.input, emit, counts.read); },
      StreamOptions{o.threads, 0},
      [&](Document& doc) {
        print_warnings(doc);
        consumer.add(doc, counts);
        progress.step();
      },
      [&](const std::string& m) {
        std::fprintf(stderr, "newsgraph: %s (skipped)\n", m.c_str());
        ++counts.failed;
        progress.step();
      });
  bad_input_count() += counts.read.bad + counts.read.duplicate + counts.failed;
  if (counts.read.good == 0 && counts.read.bad > 0)
    throw Error("no usable input (" + std::to_string(counts.read.bad) + " bad)");
  consumer.finish();
  progress.finish(summary(counts, !o.store.url.empty()));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand(
      "build", "Build a knowledge graph from articles and write it as RDF, JSON or a diagram");
  add_input_options(cmd, o->input);
  cmd->add_flag("--open-triples", o->open_triples,
                "Also state open-extraction facts with a text object ('X ng:relation \"...\"') "
                "as direct triples; by default they are only reified ng:Fact records");
  cmd->add_option("--format", o->format,
                  "turtle, ntriples, nquads (one named graph per article), rdfxml, jsonld, json "
                  "(plain nodes/edges/events), dot, graphml or html (interactive viewer, offline)")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to this file (atomically) instead of stdout");
  add_base_option(cmd, o->base, "Base IRI of entity, article and event IRIs");
  add_rules_option(cmd, o->rules);
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  add_store_options(cmd, o->store, "--push",
                    "Also PUT each article's named graph into this SPARQL 1.1 Graph Store "
                    "endpoint as it is built (see `push`); without -o nothing else is written");
  cmd->add_flag("--progress", o->progress,
                "Show a progress line and a summary on stderr (default: when stderr is a "
                "terminal)");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line and no summary");
  cmd->footer(
      "Streaming: turtle, ntriples and nquads are written article by article, so memory is "
      "bounded by the articles in flight; the other formats need the whole graph in memory "
      "before anything is written.");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
