// Writing article graphs into a triple store through the SPARQL 1.1 Graph
// Store HTTP Protocol: one PUT per named graph, which replaces that graph, so
// pushing an article again (or an edited version) never duplicates it.
// Works with Virtuoso (/sparql-graph-crud-auth, digest auth), Apache Jena
// Fuseki (/DATASET/data) and Oxigraph (/store). The only file that includes
// curl is rdf/store_push.cc.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace ng {

struct StoreOptions {
  std::string url;   // the Graph Store endpoint; "?graph=<IRI>" is appended
  std::string user;  // "" = no authentication
  std::string password;
  int attempts = 5;            // tries per graph (5xx, timeouts, lost connections)
  double first_backoff = 0.5;  // seconds before the 2nd try, doubled for each next one
  long timeout_seconds = 120;  // per request
  long connect_timeout_seconds = 10;
};

// One connection (kept alive between PUTs) to a Graph Store endpoint. Not
// thread-safe: one client per thread.
class GraphStoreClient {
 public:
  // Throws ng::Error when the URL is not http(s).
  explicit GraphStoreClient(StoreOptions options);
  ~GraphStoreClient();
  GraphStoreClient(const GraphStoreClient&) = delete;
  GraphStoreClient& operator=(const GraphStoreClient&) = delete;

  // Replaces named graph `graph_iri` by the triples of `ntriples` (an
  // N-Triples document) with an HTTP PUT (Content-Type application/n-triples).
  // Returns only once the store answered 2xx. Retries, waiting
  // first_backoff, 2x, 4x... seconds, on a 5xx answer, a timeout or a
  // connection error; digest or basic authentication as the server asks.
  // Throws ng::Error naming the graph, the endpoint and the status with the
  // start of the server's answer on a 4xx (401/403: the credentials or the
  // store's permissions), or after the last attempt failed.
  void put(const std::string& graph_iri, const std::string& ntriples);

  // Called before each retry with a one-line message (default: stderr).
  void on_retry(std::function<void(const std::string&)> report);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace ng
