// INTERNAL: RAII around Redland for rdf/rdf.cc, rdf/sparql.cc, rdf/link.cc and
// rdf/ontology.cc (the only files that include librdf). Not thread-safe:
// a World and everything made from it belong to one thread at a time.
#pragma once

#include <librdf.h>

#include <memory>
#include <string>
#include <vector>

#include "rdf/rdf.h"
#include "rdf/quads.h"

namespace ng::redland {

// A librdf world with a logger that collects warnings and errors (the default
// logger reads uninitialised memory), so callers can turn them into ng::Error.
class World {
 public:
  World();
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  librdf_world* get() const { return world_; }
  raptor_world* raptor() const { return librdf_world_get_raptor(world_); }
  // Errors (and warnings) logged since the last call, one per entry, oldest first.
  std::vector<std::string> take_messages();
  // The messages joined by "; ", or `fallback` when there are none.
  std::string take_message(const std::string& fallback);
  void log(int level, const std::string& message, int line);

 private:
  librdf_world* world_ = nullptr;
  std::vector<std::string> messages_;
};

// New node for a term (caller owns it); nullptr on failure.
librdf_node* make_node(World& world, const RdfTerm& term);
// The term a node denotes (node may be nullptr = unbound).
RdfTerm to_term(librdf_node* node);

// Frees a librdf object when leaving scope.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  explicit Owned(T* x = nullptr) : p(x) {}
  ~Owned() { if (p) Free(p); }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  T* get() const { return p; }
  explicit operator bool() const { return p != nullptr; }
};

}  // namespace ng::redland

namespace ng {

struct RdfModel::Impl {
  std::unique_ptr<redland::World> world;
  librdf_storage* storage = nullptr;
  librdf_model* model = nullptr;
  bool contexts = true;  // storage keeps named graphs
  explicit Impl(bool with_contexts = true);
  ~Impl();
};

}  // namespace ng
