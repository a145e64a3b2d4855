// Cross-article identity: the reduce step that decides which entity IRIs of
// different articles name the same real person (DESIGN.md, "Identity and
// provenance"). Each article's graph is a pure map of that article; this step
// reads what every article says about the entities it mentions (its name for
// them, the other names it used, the type it gave) and links variant IRIs to
// one canonical IRI. It can be rerun as the corpus grows; rdf/link.h reads
// the sightings from graph files and writes the decisions as owl:sameAs.
//
// The rules (people only; every decision names its rule and evidence):
//
//   titled-form       leading title, honorific or role words are dropped
//                     ("President Lena Varga", "Secretary of State Tom Berg",
//                     "Emergencies Minister Oleg Sorin"); what is left is the
//                     name ("Lena Varga"). Also when the NER typed the whole
//                     a place ("United States Tom Berg").
//   glued-prefix      a name whose last two or more words are the full name
//                     of another person of the corpus ("Vermont Karl Weiss",
//                     "Ruritania Ana Lopes") when the leading words hold a
//                     place, demonym or title word, or, for a name typed a
//                     person, begin no name of the corpus ("Businessman Tom
//                     Berg"; "Mary Ann Smith" stays when a "Mary" exists).
//   middle-initial    "Jan Novak" = "Jan T. Novak" when exactly one
//                     initialled form of that name exists (whole middle names
//                     are kept apart: a mother and daughter can differ by one).
//   spelling-variant  same first name, same number of words, last names one
//                     edit apart (two when both have 9+ letters), same first
//                     letter, both persons, never both in one article
//                     ("Anna Kowalsky" / "Anna Kowalskyy").
//   surname-in-article / surname-alias / unique-surname
//                     a one-word name (or title + one word: "President
//                     Varga") links to the one person with that surname that
//                     the articles point to: an article using the form names
//                     exactly one person with that surname, or an article
//                     calls that person by it (skos:altLabel). When articles
//                     point to two people, it links to neither. A form the
//                     NER typed otherwise (a place, an organisation) links
//                     only when every article using it names the person and
//                     calls them so. Without such articles it links only when
//                     exactly one person of the corpus has that surname, no
//                     one has it as a given name, and both have the same job
//                     title somewhere.
//
// Never linked: a title alone ("President", "Russian President", "Queen"),
// an office ("Archbishop of Gdansk"), names with lower-case words ("Varga
// himself"), two full names that merely share a surname (DESIGN.md: Ilham
// and Heydar Aliyev are two people). The canonical IRI of a group is its
// plain full name mentioned by the most articles; when no article names the
// person plainly ("Minister Karl Weiss", "Ruritania Karl Weiss"), it is the
// IRI the plain name would have ("karl_weiss"), so a later article naming it
// plainly lands on it. No person name is built in: the rules use only word
// lists of titles and places (lexicon/).
//
// Pure functions over plain structs; thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"

namespace ng {

// What one article's graph says about one entity it mentions.
struct EntitySighting {
  std::string iri;                   // entity IRI
  std::string graph;                 // the article's named graph IRI: one article per graph
  std::string article;               // article IRI (subject of schema:mentions); "" = unknown
  std::string doc_id;                // ng:docId of the article; "" = unknown
  std::string label;                 // rdfs:label there ("" = none)
  std::vector<std::string> aliases;  // skos:altLabel values there
  std::string type;                  // rdf:type class IRI there ("" = none)
  std::vector<std::string> titles;   // its schema:jobTitle values there ("Prime Minister")
};

// The word lists the rules need, folded (lower case, no accents).
struct LinkLexicon {
  std::set<std::string> role_words;   // words of titles and honorifics: "president", "mr", "lady"
  std::set<std::string> place_words;  // words of countries, cities, regions, demonyms, groups
  // Reads titles.tsv, honorifics.tsv, countries.tsv, cities.tsv, regions.tsv
  // and groups.tsv (first column; demonyms from countries.tsv too) from dir.
  // Throws ng::Error naming a missing file.
  static LinkLexicon load(const std::filesystem::path& dir);
};

// One owl:sameAs decision: variant -> canonical, with why.
struct LinkDecision {
  std::string variant;         // IRI linked away
  std::string canonical;       // IRI it is the same as
  std::string variant_name;    // the variant's most used rdfs:label
  std::string canonical_name;  // the canonical's most used rdfs:label
  std::string rule;            // rule names joined by '+' ("titled-form+spelling-variant")
  std::string evidence;        // one sentence per rule, "; "-joined, quoting names and doc ids
  std::vector<std::string> articles;  // article IRIs the evidence comes from, sorted
};

// Decides the links over all sightings (any order; duplicates ignored).
// Result sorted by variant IRI; no variant is itself a canonical (no chains).
std::vector<LinkDecision> link_entities(const std::vector<EntitySighting>& sightings,
                                        const LinkLexicon& lexicon);

// One row of the corpus entity table, after the links.
struct EntityRow {
  std::string iri;                   // canonical IRI
  std::string name;                  // its most used rdfs:label
  std::string type;                  // class CURIE most articles give the group ("schema:Person")
  std::vector<std::string> aliases;  // every other label and altLabel of the group, sorted
  size_t articles = 0;               // number of articles (graphs) mentioning any member
};

// The table, most mentioned first (then by name, then IRI).
std::vector<EntityRow> entity_table(const std::vector<EntitySighting>& sightings,
                                    const std::vector<LinkDecision>& links);
// TSV: header "iri\tname\ttype\taliases\tarticles"; aliases '|'-separated;
// tabs and line breaks in values become spaces.
std::string entity_table_tsv(const std::vector<EntityRow>& rows);

// variant IRI -> canonical IRI, and canonical IRI -> its name, as read back
// from owl:sameAs statements (rdf/link.h).
struct SameAsLinks {
  std::map<std::string, std::string> canonical;  // variant -> canonical (chains resolved)
  std::map<std::string, std::string> name;       // canonical -> rdfs:label in the links graph
  bool empty() const { return canonical.empty(); }
};

// Renames every entity of docs whose IRI is a variant (compared by the part
// after "entity/", normalise_name of its name, so whatever the base IRI) to
// the canonical's name, keeping the old name as an alias, so a
// KnowledgeGraph built from them merges the linked people. Only canonicals
// with a name in links are applied. Returns the number of entities renamed.
size_t apply_links(const SameAsLinks& links, std::vector<Document>& docs);

}  // namespace ng
