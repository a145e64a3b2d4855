// Benchmark (not a test): newsgraph's hand-written N-Quads and Turtle writers
// (rdf/quads.h) against serd's (Debian libserd-dev) on the same quads: the
// graph of a corpus, built once, then each writer timed (best of 5).
//   cmake --build build --target bench_rdf_writers
//   build/bench_rdf_writers ../shared/corpus/wikinews/articles.jsonl
#include <serd/serd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "graph/iri.h"
#include "graph/knowledge_graph.h"
#include "io/article_reader.h"
#include "pipeline/pipeline.h"
#include "rdf/ontology.h"
#include "rdf/quads.h"

namespace {

size_t append(const void* buf, size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
}

SerdNode node(const ng::RdfTerm& t) {
  auto* s = reinterpret_cast<const uint8_t*>(t.value.c_str());
  return serd_node_from_substring(t.kind == ng::RdfTerm::Kind::Iri ? SERD_URI : SERD_LITERAL, s,
                                  t.value.size());
}

// The graph's quads through a serd writer (syntax SERD_NQUADS or SERD_TURTLE).
std::string serd_write(const ng::KnowledgeGraph& g, SerdSyntax syntax) {
  std::string out;
  SerdEnv* env = serd_env_new(nullptr);
  const bool turtle = syntax == SERD_TURTLE;
  SerdWriter* w = serd_writer_new(
      syntax, turtle ? SerdStyle(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED) : SerdStyle(0), env,
      nullptr, append, &out);
  if (turtle)
    for (auto ns = ng::namespaces_begin(); ns != ng::namespaces_end(); ++ns) {
      std::string prefix(ns->prefix), iri(ns->iri);
      SerdNode p =
          serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(prefix.c_str()));
      SerdNode i = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(iri.c_str()));
      serd_env_set_prefix(env, &p, &i);
      serd_writer_set_prefix(w, &p, &i);
    }
  std::string graph_iri;
  ng::emit_quads(g, [&](const std::string& graph, const ng::RdfTerm& s, const ng::RdfTerm& p,
                        const ng::RdfTerm& o) {
    SerdNode gn = serd_node_from_substring(
        SERD_URI, reinterpret_cast<const uint8_t*>(graph.c_str()), graph.size());
    SerdNode sn = node(s), pn = node(p), on = node(o);
    SerdNode dt = o.datatype.empty()
                      ? SERD_NODE_NULL
                      : serd_node_from_substring(
                            SERD_URI, reinterpret_cast<const uint8_t*>(o.datatype.c_str()),
                            o.datatype.size());
    serd_writer_write_statement(w, 0, turtle ? nullptr : &gn, &sn, &pn, &on,
                                o.datatype.empty() ? nullptr : &dt, nullptr);
  });
  serd_writer_finish(w);
  serd_writer_free(w);
  serd_env_free(env);
  return out;
}

double best_of(int n, const std::function<size_t()>& f, size_t& bytes) {
  double best = 1e9;
  for (int i = 0; i < n; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    bytes = f();
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_rdf_writers CORPUS.jsonl\n");
    return 2;
  }
  ng::InputOptions in;
  in.files = {argv[1]};
  in.jsonl = true;
  std::vector<ng::Document> docs;
  ng::read_articles(
      in, [&](ng::Document&& d) { docs.push_back(std::move(d)); },
      [](const std::string& m) { std::fprintf(stderr, "%s\n", m.c_str()); });
  ng::PipelineOptions po;
  po.is_declared = &ng::ontology_declares;
  ng::Pipeline pipeline(po);
  ng::process_all(pipeline, docs, 0, [](const std::string&) {});
  ng::KnowledgeGraph g;
  for (const auto& d : docs) g.add(d);
  size_t quads = 0;
  ng::emit_quads(g, [&](const std::string&, const ng::RdfTerm&, const ng::RdfTerm&,
                        const ng::RdfTerm&) { ++quads; });
  std::printf("%zu articles, %zu quads; best of 5:\n", docs.size(), quads);
  size_t bytes = 0;
  double t = best_of(
      5,
      [&] {
        size_t n = 0;
        ng::emit_quads(g, [&](const std::string&, const ng::RdfTerm&, const ng::RdfTerm&,
                              const ng::RdfTerm&) { ++n; });
        return n;
      },
      bytes);
  std::printf("quads alone (emit_quads, in every writer's time)  %.3f s\n", t);
  std::printf("N-Quads identical: %s\n",
              ng::to_ntriples(g, true) == serd_write(g, SERD_NQUADS) ? "yes" : "no");
  t = best_of(
      5, [&] { return ng::to_ntriples(g, true).size(); }, bytes);
  std::printf("N-Quads  newsgraph  %.3f s  %zu bytes\n", t, bytes);
  t = best_of(
      5, [&] { return serd_write(g, SERD_NQUADS).size(); }, bytes);
  std::printf("N-Quads  serd       %.3f s  %zu bytes\n", t, bytes);
  t = best_of(
      5, [&] { return ng::to_turtle(g).size(); }, bytes);
  std::printf("Turtle   newsgraph  %.3f s  %zu bytes\n", t, bytes);
  t = best_of(
      5, [&] { return serd_write(g, SERD_TURTLE).size(); }, bytes);
  std::printf("Turtle   serd       %.3f s  %zu bytes\n", t, bytes);
  return 0;
}
