// newsgraph entities: the entities of each article after NER and
// coreference, with every mention's UTF-8 byte offsets into the input.
//
//   newsgraph entities a.txt b.txt --format json   one JSON object per document, one per line:
//     {"doc": "a.txt", "entities": [{"id": "e1", "name": "...", "type": "PERSON",
//       "aliases": [...], "roles": [{"title": "President", "of": "e2"}],
//       "mentions": [{"start": 0, "end": 12, "text": "...", "kind": "name"}]}]}
//   newsgraph entities a.txt --format text        a readable listing
// --explain adds "merged_by" (which coreference pass joined which mentions).
// --conllu reads analysed CoNLL-U instead of text (one document per
// "# newdoc"; the text is rebuilt from the forms and SpaceAfter) and runs
// only the stages after the parser, on its tags and trees: to measure NER and
// coreference apart from the tagger and parser.
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "core/text.h"
#include "core/error.h"
#include "pipeline/pipeline.h"

namespace ng::cli {
namespace {

struct EntitiesOptions {
  InputOptions input;
  std::string format = "json";
  std::string output;
  unsigned threads = 0;
  bool explain = false;
};

std::string_view kind_name(MentionKind k) {
  switch (k) {
    case MentionKind::Name:
      return "name";
    case MentionKind::Nominal:
      return "nominal";
    default:
      return "pronoun";
  }
}

nlohmann::json to_json(const Document& d, bool explain) {
  nlohmann::json ents = nlohmann::json::array();
  for (size_t e = 0; e < d.entities.size(); ++e) {
    const Entity& ent = d.entities[e];
    nlohmann::json mentions = nlohmann::json::array();
    for (int mi : ent.mentions) {
      const Mention& m = d.mentions[mi];
      mentions.push_back({{"start", m.extent_begin},
                          {"end", m.extent_end},
                          {"text", std::string(d.span_text(m.extent_begin, m.extent_end))},
                          {"kind", kind_name(m.kind)}});
    }
    nlohmann::json j = {{"id", "e" + std::to_string(e + 1)},
                        {"name", ent.name},
                        {"type", std::string(to_string(ent.type))}};
    if (!ent.aliases.empty()) j["aliases"] = ent.aliases;
    if (!ent.roles.empty()) {
      nlohmann::json roles = nlohmann::json::array();
      for (const auto& r : ent.roles) {
        nlohmann::json rj = {{"title", r.title}};
        if (r.former) rj["former"] = true;
        if (r.of >= 0) {
          rj["of"] = "e" + std::to_string(r.of + 1);
          rj["of_name"] = d.entities[r.of].name;
        }
        roles.push_back(rj);
      }
      j["roles"] = roles;
    }
    j["mentions"] = mentions;
    if (explain) j["merged_by"] = ent.merged_by;
    ents.push_back(std::move(j));
  }
  return {{"doc", d.id}, {"entities", ents}};
}

std::string to_text(const Document& d, bool explain) {
  std::ostringstream out;
  // Every value on one line (one_line): an id or name cannot add lines.
  out << "# " << one_line(d.id) << "\n";
  for (size_t e = 0; e < d.entities.size(); ++e) {
    const Entity& ent = d.entities[e];
    out << "e" << e + 1 << "\t" << to_string(ent.type) << "\t" << one_line(ent.name);
    for (const auto& r : ent.roles)
      out << "\t[" << (r.former ? "former " : "") << one_line(r.title)
          << (r.of >= 0 ? " of " + one_line(d.entities[r.of].name) : "") << "]";
    out << "\n";
    for (int mi : ent.mentions) {
      const Mention& m = d.mentions[mi];
      out << "\t" << m.extent_begin << "-" << m.extent_end << "\t" << kind_name(m.kind) << "\t"
          << one_line(d.span_text(m.extent_begin, m.extent_end)) << "\n";
    }
    if (explain)
      for (const auto& why : ent.merged_by) out << "\t  merged by " << one_line(why) << "\n";
  }
  return out.str();
}

void setup(CLI::App& app) {
  auto o = std::make_shared<EntitiesOptions>();
  auto* cmd = app.add_subcommand(
      "entities",
      "List the people, organisations, places (and dates, nationalities) of each article "
      "with their mentions after coreference; offsets are UTF-8 bytes, end exclusive");
  add_input_options(cmd, o->input);
  cmd->add_option("--format", o->format, "json (one object per document per line) or text")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores)");
  cmd->add_flag("--explain", o->explain, "Also show which coreference pass merged what");
  cmd->callback([o]() {
    Pipeline pipeline(pipeline_options(o->input, Layer::Entities));
    std::vector<Document> docs = read_inputs(o->input);
    process_inputs(pipeline, docs, o->threads);
    std::string out;
    for (const auto& d : docs) {
      if (o->format == "json") {
        out +=
            to_json(d, o->explain).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
      } else {
        out += to_text(d, o->explain);
      }
    }
    write_output(o->output, out);
  });
}

NG_COMMAND(setup);

}  // namespace
}  // namespace ng::cli
