// The data model every stage shares. A Document owns one article's text and
// everything the pipeline finds in it. Stages refer to each other's results by
// index into the Document (a Mention is a token span, a Fact argument is an
// entity index), never by copying text around.
//
// Offsets are UTF-8 byte offsets into Document::text, end exclusive.
// Token indices are document-global (0-based) unless a field says otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

// One token of the input. Produced by the tokenizer; tagger, lemmatizer and
// parser fill the remaining fields.
struct Token {
  uint32_t begin = 0;      // byte offset of the first byte in Document::text
  uint32_t end = 0;        // byte offset one past the last byte
  std::string form;        // surface form (normally text.substr(begin, end-begin))
  std::string lemma;       // lemma; empty until the lemmatizer ran
  std::string upos;        // UD universal POS ("PROPN"); empty until tagged
  std::string xpos;        // Penn Treebank POS ("NNP"); empty until tagged
  int head = -1;           // document-global index of the syntactic head; -1 = root
  std::string deprel;      // UD relation to the head ("nsubj"); "root" for the root
  bool space_after = true; // whether whitespace follows the token in the text
};

// A sentence is a contiguous token range.
struct Sentence {
  int first = 0;           // index of the first token
  int last = 0;            // one past the last token
  uint32_t begin = 0;      // byte offset of the first token
  uint32_t end = 0;        // byte offset one past the last token
};

// Coarse entity types (OntoNotes-style names, as the CLI prints them).
enum class EntityType : uint8_t { Person, Org, Gpe, Loc, Fac, Event, Norp, Date, Other };

// "PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "DATE", "OTHER".
std::string_view to_string(EntityType t);
// Inverse of to_string; also accepts "PER", "LOCATION", "ORGANIZATION". Returns
// false for an unknown name.
bool parse_entity_type(std::string_view s, EntityType& out);

// How a mention refers to its entity.
enum class MentionKind : uint8_t { Name, Nominal, Pronoun };

// A span of tokens that refers to an entity.
struct Mention {
  int sentence = 0;        // index into Document::sentences
  int first = 0;           // first token (document-global)
  int last = 0;            // one past the last token
  int head = 0;            // head token of the span (document-global)
  uint32_t begin = 0;      // byte offset of the span's first byte
  uint32_t end = 0;        // byte offset one past the span
  // The whole referring expression, as bytes [extent_begin, extent_end):
  // for names the name with its modifiers ("U.S. President Donald Trump",
  // "Lee Cheuk-yan of the Labour Party"; ng::referring_extent), otherwise the
  // span itself. Set by coreference; what `entities` reports as a mention.
  uint32_t extent_begin = 0;
  uint32_t extent_end = 0;
  EntityType type = EntityType::Other;
  MentionKind kind = MentionKind::Name;
  int entity = -1;         // index into Document::entities; -1 = unresolved
};

// A thing the article talks about: the set of mentions that corefer.
struct Entity {
  std::string name;                 // canonical name (longest proper name mention)
  EntityType type = EntityType::Other;
  std::vector<std::string> aliases; // other surface names ("Aliyev")
  std::vector<int> mentions;        // indices into Document::mentions, in text order
  std::vector<std::string> merged_by; // one line per merge: which pass joined what
  // Roles the article gives the entity ("President"), each with the entity
  // the role is "of" (index into entities, -1 = none stated).
  struct Role {
    std::string title;              // normalised title ("President", "Governor")
    int of = -1;                    // entity index of the place/organisation
    int sentence = -1;              // where it was stated
    bool former = false;            // held in the past ("former President")
  };
  std::vector<Role> roles;
  // false: no mention gives a proper name, only a title or description
  // ("the President", "U.S. Senator"): an unnamed holder of a role, which
  // the graph keeps as a node of its own article, never shared.
  bool named = true;
  // A group ("A and B", "the two leaders" once resolved): the entity
  // indices of its members, in text order; empty for anything else.
  std::vector<int> members;
};

// One argument of a fact or event: an entity where one exists, otherwise a
// literal (text, a date, a number).
struct Argument {
  int entity = -1;          // index into Document::entities; -1 = literal
  std::string literal;      // canonical value when entity == -1 ("2024-05-06")
  std::string datatype;     // "" = plain string; "date" = xsd:date; "gYear"...
  std::string text;         // the surface words of the sentence
  int first = -1;           // first token of the surface span; -1 = not in text
  int last = -1;            // one past the last token
  bool article = false;     // the argument is the document itself (e.g. subject of schema:publisher)
  bool empty() const { return entity < 0 && literal.empty() && !article; }
};

// Whether a fact or event is reported as having happened.
enum class Modality : uint8_t {
  Asserted,    // "X met Y"
  Negated,     // "X did not meet Y"
  Future,      // "X will meet Y", "plans to meet", "is expected to visit"
  Hypothetical, // "X may meet Y", "if X met Y"
  Former        // a role held in the past: "former President X"
};
std::string_view to_string(Modality m);

// A subject–predicate–object fact extracted from one sentence.
struct Fact {
  int sentence = 0;         // index into Document::sentences
  Argument subject;
  std::string predicate;    // ontology term as a CURIE ("ng:presented")
  Argument object;
  std::string relation_text; // the surface relation words ("presented")
  std::string rule;         // id of the rule that fired ("give.present")
  double confidence = 0.0;  // 0..1
  Modality modality = Modality::Asserted;
  // Extra arguments of the fact (e.g. recipient of "present"), role CURIE +
  // argument; exported on the fact's statement node.
  std::vector<std::pair<std::string, Argument>> extra;
};

// An n-ary event (a Meeting, a Visit...) with role-labelled participants.
struct Event {
  std::string cls;          // ontology class as a CURIE ("ng:Meeting")
  std::vector<std::pair<std::string, Argument>> roles; // role CURIE -> argument
  std::string date;         // ISO date ("2024-05-06", "2024-05", "2024"); "" = unknown
  Argument place;           // where; empty = unknown
  int sentence = 0;         // sentence that reported it
  std::string trigger_text; // the trigger words ("received")
  std::string rule;         // rule id
  double confidence = 0.0;
  Modality modality = Modality::Asserted;
};

// One article and everything extracted from it.
struct Document {
  std::string id;           // document id (file name, JSONL "id", or line number)
  std::string title;        // optional metadata; "" = unknown
  std::string date;         // publication date, ISO ("2024-05-06"); "" = unknown
  std::string source;       // publisher ("News.Az"); "" = unknown
  std::string url;
  std::string text;         // the article body, valid UTF-8
  uint32_t body_begin = 0;  // byte offset where the body starts (after metadata lines)
  uint32_t body_end = 0;    // byte offset where the body ends (before a source line)

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Fact> facts;
  std::vector<Event> events;
  std::vector<std::string> warnings; // non-fatal problems found while processing

  // The text of a token range / sentence (a view into text).
  std::string_view span_text(uint32_t begin, uint32_t end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
  std::string_view sentence_text(int s) const {
    return span_text(sentences[s].begin, sentences[s].end);
  }
  // Surface text of tokens [first, last), as written (original spacing).
  std::string_view tokens_text(int first, int last) const {
    if (first >= last) return {};
    return span_text(tokens[first].begin, tokens[last - 1].end);
  }
  // Index of the sentence that contains token t (binary search).
  int sentence_of(int t) const;
};

}  // namespace ng
