// newsgraph link: the cross-article identity step (graph/link.h) over graph
// files written by `build`, any number of them from any number of runs.
// Writes the owl:sameAs decisions with their evidence (rdf/link.h) and,
// on request, the corpus entity table.
#include "cli/command.h"
#include "core/data_path.h"
#include "core/error.h"
#include "graph/iri.h"
#include "graph/link.h"
#include "rdf/link.h"
#include "rdf/rdf.h"

namespace ng::cli {
namespace {

struct LinkOptions {
  std::vector<std::string> graphs;
  std::string output;
  std::string format = "nquads";
  std::string entities;
  std::string base = std::string(kDefaultBaseIri);
  std::string lexicon_dir;
};

void run(const LinkOptions& o) {
  // One file at a time: memory holds one file's model, not the corpus.
  std::vector<EntitySighting> sightings;
  for (const auto& f : o.graphs) {
    RdfModel model;
    model.load_file(f);
    auto s = read_sightings(model);
    sightings.insert(sightings.end(), std::make_move_iterator(s.begin()),
                     std::make_move_iterator(s.end()));
  }
  if (sightings.empty())
    throw Error(
        "link: no entity mentions (schema:mentions) in the graph files; give graphs "
        "written by `newsgraph build`");
  LinkLexicon lexicon = LinkLexicon::load(
      o.lexicon_dir.empty() ? data_path("lexicon") : std::filesystem::path(o.lexicon_dir));
  auto links = link_entities(sightings, lexicon);
  if (!o.entities.empty())
    write_output(o.entities, entity_table_tsv(entity_table(sightings, links)));
  if (o.format == "tsv") {
    write_output(o.output, entity_table_tsv(entity_table(sightings, links)));
    return;
  }
  std::string quads = links_nquads(links, o.base);
  RdfFormat format;
  if (!parse_rdf_format(o.format, format)) throw Error("unknown --format '" + o.format + "'");
  if (format == RdfFormat::NQuads) {
    write_output(o.output, quads);
    return;
  }
  RdfModel model;
  model.parse(quads, RdfFormat::NQuads, links_graph_iri(o.base));
  write_output(o.output, model.serialize(format));
}

void setup(CLI::App& app) {
  auto o = std::make_shared<LinkOptions>();
  auto* cmd = app.add_subcommand(
      "link",
      "Decide which entities of different articles are the same person (surname-only and "
      "titled forms, spelling variants, glued place words) and write owl:sameAs links with "
      "their evidence, or the corpus entity table");
  cmd->add_option("graph", o->graphs,
                  "Graph files written by `newsgraph build` (N-Quads keep one graph per article; "
                  "any number, from any number of runs)")
      ->required();
  cmd->add_option("-o,--output", o->output, "Write to this file (atomically) instead of stdout");
  cmd->add_option("--format", o->format,
                  "nquads (the links in the named graph <base>graph/links), turtle, ntriples, "
                  "rdfxml, or tsv (the entity table instead of the links)")
      ->check(CLI::IsMember({"nquads", "turtle", "ntriples", "rdfxml", "tsv"}))
      ->capture_default_str();
  cmd->add_option("--entities", o->entities,
                  "Also write the entity table after the links (TSV: iri, name, type, aliases, "
                  "articles) to this file");
  add_base_option(cmd, o->base, "Base IRI of the links graph and link nodes");
  cmd->add_option("--lexicons", o->lexicon_dir,
                  "Directory of the title and place word lists (default: lexicon/)");
  cmd->footer(
      "Give the links file to who-met, query or render together with the graphs (or "
      "articles): they then answer with one IRI and one name per person.");
  cmd->callback([o]() { run(*o); });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
