#include "rdf/rdf.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_set>

#include "core/error.h"
#include "io/graph_file.h"
#include "rdf/jsonld.h"
#include "rdf/redland.h"
#include "graph/iri.h"

namespace ng {

namespace redland {

namespace {

int log_handler(void* user_data, librdf_log_message* message) {
  int level = librdf_log_message_level(message);
  if (level < LIBRDF_LOG_WARN) return 1;
  const char* text = librdf_log_message_message(message);
  raptor_locator* loc = librdf_log_message_locator(message);
  int line = loc ? raptor_locator_line(loc) : -1;
  static_cast<World*>(user_data)->log(level, text ? text : "(no message)", line);
  return 1;
}

}  // namespace

World::World() {
  world_ = librdf_new_world();
  if (!world_) throw Error("cannot create a Redland world (out of memory?)");
  librdf_world_set_logger(world_, this, log_handler);
  librdf_world_open(world_);
}

World::~World() { librdf_free_world(world_); }

void World::log(int level, const std::string& message, int line) {
  std::string m = line > 0 ? "line " + std::to_string(line) + ": " + message : message;
  if (level == LIBRDF_LOG_WARN) m = "warning: " + m;
  if (messages_.size() < 20) messages_.push_back(std::move(m));
}

std::vector<std::string> World::take_messages() {
  std::vector<std::string> out;
  out.swap(messages_);
  return out;
}

std::string World::take_message(const std::string& fallback) {
  auto messages = take_messages();
  // Errors first: a warning is rarely why something failed.
  std::string out;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& m : messages) {
      bool warning = m.rfind("warning: ", 0) == 0;
      if (warning != (pass == 1)) continue;
      if (!out.empty()) out += "; ";
      out += m;
    }
  return out.empty() ? fallback : out;
}

librdf_node* make_node(World& world, const RdfTerm& t) {
  auto str = [](const std::string& s) { return reinterpret_cast<const unsigned char*>(s.c_str()); };
  switch (t.kind) {
    case RdfTerm::Kind::Iri:
      return librdf_new_node_from_uri_string(world.get(), str(t.value));
    case RdfTerm::Kind::Blank:
      return librdf_new_node_from_blank_identifier(world.get(), str(t.value));
    case RdfTerm::Kind::Literal: {
      if (t.datatype.empty())
        return librdf_new_node_from_literal(world.get(), str(t.value),
                                            t.language.empty() ? nullptr : t.language.c_str(), 0);
      Owned<librdf_uri, librdf_free_uri> dt(librdf_new_uri(world.get(), str(t.datatype)));
      if (!dt) return nullptr;
      return librdf_new_node_from_typed_literal(world.get(), str(t.value), nullptr, dt.get());
    }
    case RdfTerm::Kind::None:
      break;
  }
  return nullptr;
}

RdfTerm to_term(librdf_node* node) {
  RdfTerm t;
  if (!node) return t;
  auto str = [](const unsigned char* s) {
    return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
  };
  if (librdf_node_is_resource(node)) {
    t.kind = RdfTerm::Kind::Iri;
    t.value = str(librdf_uri_as_string(librdf_node_get_uri(node)));
  } else if (librdf_node_is_literal(node)) {
    t.kind = RdfTerm::Kind::Literal;
    size_t len = 0;
    const unsigned char* v = librdf_node_get_literal_value_as_counted_string(node, &len);
    t.value = v ? std::string(reinterpret_cast<const char*>(v), len) : std::string();
    if (librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(node))
      t.datatype = str(librdf_uri_as_string(dt));
    if (const char* lang = librdf_node_get_literal_value_language(node)) t.language = lang;
  } else if (librdf_node_is_blank(node)) {
    t.kind = RdfTerm::Kind::Blank;
    t.value = str(librdf_node_get_blank_identifier(node));
  }
  return t;
}

}  // namespace redland

using redland::Owned;

RdfModel::Impl::Impl(bool with_contexts)
    : world(std::make_unique<redland::World>()), contexts(with_contexts) {
  storage =
      librdf_new_storage(world->get(), "hashes", "newsgraph",
                         with_contexts ? "hash-type='memory',contexts='yes',index-predicates='yes'"
                                       : "hash-type='memory',contexts='no',index-predicates='yes'");
  if (!storage)
    throw Error("cannot create Redland storage: " + world->take_message("unknown error"));
  model = librdf_new_model(world->get(), storage, nullptr);
  if (!model) {
    librdf_free_storage(storage);
    throw Error("cannot create Redland model: " + world->take_message("unknown error"));
  }
}

RdfModel::Impl::~Impl() {
  if (model) librdf_free_model(model);
  if (storage) librdf_free_storage(storage);
}

std::string_view to_string(RdfFormat f) {
  switch (f) {
    case RdfFormat::Turtle:
      return "turtle";
    case RdfFormat::NTriples:
      return "ntriples";
    case RdfFormat::NQuads:
      return "nquads";
    case RdfFormat::RdfXml:
      return "rdfxml";
  }
  return "turtle";
}

bool parse_rdf_format(std::string_view name, RdfFormat& out) {
  struct Name {
    std::string_view name;
    RdfFormat format;
  };
  static constexpr Name names[] = {{"turtle", RdfFormat::Turtle},     {"ttl", RdfFormat::Turtle},
                                   {"ntriples", RdfFormat::NTriples}, {"nt", RdfFormat::NTriples},
                                   {"nquads", RdfFormat::NQuads},     {"nq", RdfFormat::NQuads},
                                   {"rdfxml", RdfFormat::RdfXml},     {"xml", RdfFormat::RdfXml},
                                   {"rdf", RdfFormat::RdfXml}};
  for (const auto& n : names)
    if (n.name == name) {
      out = n.format;
      return true;
    }
  return false;
}

namespace {

// Adds one statement (in `context` when not null); frees nothing it does not own.
void add_statement(RdfModel::Impl& m, librdf_node* context, const RdfTerm& s, const RdfTerm& p,
                   const RdfTerm& o) {
  librdf_node* ns = redland::make_node(*m.world, s);
  librdf_node* np = redland::make_node(*m.world, p);
  librdf_node* no = redland::make_node(*m.world, o);
  if (!ns || !np || !no) {
    if (ns) librdf_free_node(ns);
    if (np) librdf_free_node(np);
    if (no) librdf_free_node(no);
    throw Error("cannot make an RDF statement for <" + s.value + "> <" + p.value +
                ">: " + m.world->take_message("invalid term"));
  }
  Owned<librdf_statement, librdf_free_statement> st(
      librdf_new_statement_from_nodes(m.world->get(), ns, np, no));
  int rc = context ? librdf_model_context_add_statement(m.model, context, st.get())
                   : librdf_model_add_statement(m.model, st.get());
  if (rc)
    throw Error("cannot add an RDF statement for <" + s.value +
                ">: " + m.world->take_message("Redland refused it"));
}

// The Redland serializer for a format: its own name (a string literal, so
// data() ends in NUL), but the abbreviating RDF/XML writer.
const char* serializer_name(RdfFormat f) {
  return f == RdfFormat::RdfXml ? "rdfxml-abbrev" : to_string(f).data();
}

std::string serialize_model(RdfModel::Impl& m, librdf_model* model, RdfFormat format) {
  Owned<librdf_serializer, librdf_free_serializer> ser(
      librdf_new_serializer(m.world->get(), serializer_name(format), nullptr, nullptr));
  if (!ser) throw Error(std::string("no Redland serializer '") + serializer_name(format) + "'");
  if (format == RdfFormat::Turtle || format == RdfFormat::RdfXml) {
    for (auto ns = namespaces_begin(); ns != namespaces_end(); ++ns) {
      Owned<librdf_uri, librdf_free_uri> uri(librdf_new_uri(
          m.world->get(), reinterpret_cast<const unsigned char*>(std::string(ns->iri).c_str())));
      librdf_serializer_set_namespace(ser.get(), uri.get(), std::string(ns->prefix).c_str());
    }
  }
  // Through a memory FILE*: ..._to_counted_string grows its buffer so slowly
  // that it dominated the run time (1 s for 5,000 quads).
  char* buffer = nullptr;
  size_t length = 0;
  FILE* mem = open_memstream(&buffer, &length);
  if (!mem) throw Error("cannot serialize: out of memory");
  int rc = librdf_serializer_serialize_model_to_file_handle(ser.get(), mem, nullptr, model);
  std::fclose(mem);
  std::string text(buffer ? buffer : "", length);
  std::free(buffer);
  if (rc)
    throw Error(std::string("cannot serialize as ") + std::string(to_string(format)) + ": " +
                m.world->take_message("serializer failed"));
  return text;
}

struct ParseState {
  RdfModel::Impl* model;
  librdf_node* default_graph;  // context of statements without a graph name
  std::string error;           // first failure while adding
};

void on_statement(void* user_data, raptor_statement* st) {
  auto* state = static_cast<ParseState*>(user_data);
  if (!state->error.empty()) return;
  RdfModel::Impl& m = *state->model;
  librdf_statement* copy = librdf_new_statement_from_nodes(
      m.world->get(), librdf_new_node_from_node(st->subject),
      librdf_new_node_from_node(st->predicate), librdf_new_node_from_node(st->object));
  if (!copy) {
    state->error = "cannot copy a statement";
    return;
  }
  // A statement without a graph name goes to the default-graph context: in a
  // hashes store with contexts, adding statements without a context is
  // quadratic (10,000 statements: 37 s).
  librdf_node* context = st->graph ? st->graph : state->default_graph;
  int rc = librdf_model_context_add_statement(m.model, context, copy);
  librdf_free_statement(copy);
  if (rc) state->error = "Redland refused a statement";
}

std::string read_whole_file(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read graph file '" + path + "': missing or unreadable");
  ss << in.rdbuf();
  return ss.str();
}

std::string file_uri(const std::string& path) {
  std::string abs = path;
  if (abs.empty() || abs[0] != '/') {
    char buf[4096];
    if (getcwd(buf, sizeof buf)) abs = std::string(buf) + "/" + path;
  }
  std::string uri = "file://";
  for (unsigned char c : abs) {
    bool keep = std::isalnum(c) || c == '/' || c == '_' || c == '-' || c == '.' || c == '~';
    if (keep) {
      uri += static_cast<char>(c);
    } else {
      static const char hex[] = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

}  // namespace

RdfModel::RdfModel() : impl_(std::make_unique<Impl>()) {}
RdfModel::~RdfModel() = default;
RdfModel::RdfModel(RdfModel&&) noexcept = default;
RdfModel& RdfModel::operator=(RdfModel&&) noexcept = default;

void RdfModel::add(const KnowledgeGraph& graph) {
  Impl& m = *impl_;
  std::string current;
  librdf_node* context = nullptr;
  try {
    emit_quads(graph,
               [&](const std::string& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
                 if (!context || g != current) {
                   if (context) librdf_free_node(context);
                   current = g;
                   context = redland::make_node(*m.world, RdfTerm::iri(g));
                   if (!context) throw Error("invalid graph IRI '" + g + "'");
                 }
                 add_statement(m, context, s, p, o);
               });
  } catch (...) {
    if (context) librdf_free_node(context);
    throw;
  }
  if (context) librdf_free_node(context);
}

void RdfModel::parse(std::string_view text, RdfFormat syntax, const std::string& name) {
  parse_syntax(text, to_string(syntax).data(), name);
}

void RdfModel::parse_syntax(std::string_view text, const char* syntax, const std::string& name) {
  Impl& m = *impl_;
  m.world->take_messages();
  Owned<raptor_parser, raptor_free_parser> parser(raptor_new_parser(m.world->raptor(), syntax));
  if (!parser) throw Error(std::string("no raptor parser '") + syntax + "'");
  Owned<librdf_node, librdf_free_node> default_graph(
      redland::make_node(*m.world, RdfTerm::iri(std::string(kDefaultGraphIri))));
  ParseState state{&m, default_graph.get(), {}};
  raptor_parser_set_statement_handler(parser.get(), &state, on_statement);
  std::string base = name.find("://") != std::string::npos ? name : file_uri(name);
  Owned<raptor_uri, raptor_free_uri> base_uri(
      raptor_new_uri(m.world->raptor(), reinterpret_cast<const unsigned char*>(base.c_str())));
  int rc = raptor_parser_parse_start(parser.get(), base_uri.get());
  if (!rc)
    rc = raptor_parser_parse_chunk(
        parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), 1);
  std::string messages = m.world->take_message("");
  bool has_error = !messages.empty() && messages.rfind("warning: ", 0) != 0;
  if (rc || has_error || !state.error.empty()) {
    std::string why = !state.error.empty() ? state.error
                      : messages.empty()   ? "parse failed"
                                           : messages;
    throw Error("cannot parse '" + name + "' as " + syntax + ": " + why);
  }
}

void RdfModel::parse_jsonld(std::string_view text, const std::string& name) {
  Impl& m = *impl_;
  Owned<librdf_node, librdf_free_node> default_graph(
      redland::make_node(*m.world, RdfTerm::iri(std::string(kDefaultGraphIri))));
  RdfTerm current;  // the graph of `context`
  librdf_node* context = nullptr;
  try {
    read_jsonld(text, name,
                [&](const RdfTerm& g, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
                  if (g.kind == RdfTerm::Kind::None) {
                    add_statement(m, default_graph.get(), s, p, o);
                    return;
                  }
                  if (!context || !(g == current)) {
                    if (context) librdf_free_node(context);
                    current = g;
                    context = redland::make_node(*m.world, g);
                    if (!context) throw Error("'" + name + "': invalid graph name '" + g.value + "'");
                  }
                  add_statement(m, context, s, p, o);
                });
  } catch (...) {
    if (context) librdf_free_node(context);
    throw;
  }
  if (context) librdf_free_node(context);
}

void RdfModel::load_text(std::string_view text, const std::string& name) {
  GraphFileKind kind = detect_graph_file(std::string_view(name), text);
  switch (kind) {
    case GraphFileKind::Turtle: return parse_syntax(text, "turtle", name);
    case GraphFileKind::TriG: return parse_syntax(text, "trig", name);
    case GraphFileKind::NTriples: return parse_syntax(text, "ntriples", name);
    // N-Quads through raptor: graph names kept (librdf's own parser drops them).
    case GraphFileKind::NQuads: return parse_syntax(text, "nquads", name);
    case GraphFileKind::RdfXml: return parse_syntax(text, "rdfxml", name);
    case GraphFileKind::JsonLd: return parse_jsonld(text, name);
    case GraphFileKind::Json:
    case GraphFileKind::Dot:
    case GraphFileKind::GraphMl:
      throw Error(name + " is a newsgraph " +
                  (kind == GraphFileKind::Json ? std::string("JSON") : std::string(describe(kind))) +
                  " export, not RDF: build with --format nquads (or turtle, ntriples, rdfxml, "
                  "jsonld)");
    case GraphFileKind::None:
      break;
  }
  throw Error("cannot read '" + name +
              "' as a graph: not Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD (name it "
              ".ttl, .nt, .nq, .rdf or .jsonld if it is one)");
}

void RdfModel::load_file(const std::string& path) {
  std::string text = read_whole_file(path);
  load_text(text, path == "-" ? "<stdin>" : path);
}

void RdfModel::for_each_quad(const std::function<void(const RdfTerm&, const RdfTerm&,
                                                      const RdfTerm&, const RdfTerm&)>& f) const {
  Impl& m = *impl_;
  Owned<librdf_stream, librdf_free_stream> stream(librdf_model_as_stream(m.model));
  if (!stream) throw Error("cannot read the RDF model: " + m.world->take_message("no stream"));
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    librdf_node* context = librdf_stream_get_context2(stream.get());
    RdfTerm g = context ? redland::to_term(context) : RdfTerm::iri(std::string(kDefaultGraphIri));
    f(g, redland::to_term(librdf_statement_get_subject(st)),
      redland::to_term(librdf_statement_get_predicate(st)),
      redland::to_term(librdf_statement_get_object(st)));
  }
}

size_t RdfModel::size() const {
  int n = librdf_model_size(impl_->model);
  return n < 0 ? 0 : static_cast<size_t>(n);
}

std::string RdfModel::serialize(RdfFormat format) const {
  Impl& m = *impl_;
  if (format == RdfFormat::NQuads) return serialize_model(m, m.model, format);
  // Triple formats: each distinct triple once (the hashes store keeps one copy
  // per context, and the N-Triples / RDF/XML writers print every copy).
  Impl f(/*with_contexts=*/false);
  Owned<librdf_stream, librdf_free_stream> stream(librdf_model_as_stream(m.model));
  if (!stream) throw Error("cannot read the RDF model: " + m.world->take_message("no stream"));
  std::unordered_set<std::string> seen;
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    RdfTerm s = redland::to_term(librdf_statement_get_subject(st));
    RdfTerm p = redland::to_term(librdf_statement_get_predicate(st));
    RdfTerm o = redland::to_term(librdf_statement_get_object(st));
    std::string key = s.value + '\x1f' + p.value + '\x1f' + static_cast<char>('0' + int(o.kind)) +
                      o.value + '\x1f' + o.datatype + '\x1f' + o.language +
                      static_cast<char>('0' + int(s.kind));
    if (!seen.insert(std::move(key)).second) continue;
    add_statement(f, nullptr, s, p, o);
  }
  return serialize_model(f, f.model, format);
}

std::string to_rdf(const KnowledgeGraph& graph, RdfFormat format) {
  if (format == RdfFormat::NTriples) return to_ntriples(graph, false);
  if (format == RdfFormat::NQuads) return to_ntriples(graph, true);
  if (format == RdfFormat::Turtle) return to_turtle(graph);
  // Each distinct triple once, straight into a store without contexts.
  RdfModel::Impl flat(/*with_contexts=*/false);
  std::unordered_set<std::string> seen;
  emit_quads(graph, [&](const std::string&, const RdfTerm& s, const RdfTerm& p, const RdfTerm& o) {
    std::string key = s.value + '\x1f' + p.value + '\x1f' +
                      (o.kind == RdfTerm::Kind::Iri ? 'I' : 'L') + o.value + '\x1f' + o.datatype;
    if (seen.insert(std::move(key)).second) add_statement(flat, nullptr, s, p, o);
  });
  return serialize_model(flat, flat.model, format);
}

bool is_rdf_file(const std::string& path) { return is_rdf(detect_graph_file(path)); }

}  // namespace ng
