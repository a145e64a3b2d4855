// Builds small Documents by hand, so tests depend neither on the tokenizer nor
// on the statistical models. Every test that needs a hand-made Document uses
// this header. Two shapes:
//
// Word by word (add_sentence, add_parsed_sentence, add_name, add_mention), for
// the syntax, entity and extraction tests. Contracts:
//  - Document::text is the words' forms, each followed by one space unless its
//    space_after is false, with no space after the last word of the document.
//    Token begin/end are the byte offsets of the form in text, so
//    tokens_text() gives the words back as written.
//  - Sentences are contiguous token ranges appended in order; begin/end span
//    the first to the last word. An empty sentence sits, empty, at the end of
//    the text so far. body_end is the end of the text (body_begin stays 0).
//  - Heads are given 1-based within the sentence, 0 = root, and stored as
//    Token::head wants them: document-global 0-based indices, -1 = root.
//  - What a word leaves empty stays empty in its Token (no lemma, no tags,
//    no relation), as before the stage that would fill it.
//
// Sentence by sentence as plain text (DocBuilder), for the graph and export
// tests: sentences without tokens, with entities, facts and events set
// directly (see sample_documents.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"
#include "entities/ner.h"

namespace ng::test {

// One word of a hand-made sentence.
struct W {
  std::string form;
  std::string lemma;
  std::string upos;
  int head = 0;              // 1-based within the sentence; 0 = root
  std::string deprel;
  std::string xpos;
  bool space_after = true;   // false: the next word follows without a space
};

// Appends one sentence of words to doc (see the contracts above); returns
// the sentence's index.
inline int add_sentence(Document& doc, const std::vector<W>& words) {
  Sentence s;
  s.first = static_cast<int>(doc.tokens.size());
  for (const W& w : words) {
    if (!doc.tokens.empty() && doc.tokens.back().space_after) doc.text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form = w.form;
    t.lemma = w.lemma;
    t.upos = w.upos;
    t.xpos = w.xpos;
    t.head = w.head == 0 ? -1 : s.first + w.head - 1;
    t.deprel = w.deprel;
    t.space_after = w.space_after;
    doc.tokens.push_back(t);
  }
  s.last = static_cast<int>(doc.tokens.size());
  s.begin = s.last > s.first ? doc.tokens[s.first].begin : static_cast<uint32_t>(doc.text.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  doc.body_end = static_cast<uint32_t>(doc.text.size());
  return static_cast<int>(doc.sentences.size()) - 1;
}

// A word of a tagged and parsed sentence whose lemma is its lower-cased form.
struct ParsedWord {
  std::string form;
  std::string upos;
  int head = 0;              // 1-based within the sentence; 0 = root
  std::string deprel;
};

// Appends a sentence of ParsedWords (lemma = ng::to_lower(form)); returns the
// sentence's index.
inline int add_parsed_sentence(Document& doc, const std::vector<ParsedWord>& words) {
  std::vector<W> ws;
  for (const ParsedWord& p : words)
    ws.push_back({p.form, ng::to_lower(p.form), p.upos, p.head, p.deprel});
  return add_sentence(doc, ws);
}

// Adds a name as the recogniser leaves it: a Name mention of tokens
// [first, last) (document-global) of the given type, headed by
// ng::span_head, with no entity yet (coreference links it). Returns the
// mention's index.
inline int add_name(Document& doc, int first, int last, EntityType type) {
  Mention m;
  m.sentence = doc.sentence_of(first);
  m.first = first;
  m.last = last;
  m.head = span_head(doc, first, last);
  m.begin = doc.tokens[first].begin;
  m.end = doc.tokens[last - 1].end;
  m.type = type;
  m.kind = MentionKind::Name;
  doc.mentions.push_back(m);
  return static_cast<int>(doc.mentions.size()) - 1;
}

// Adds a resolved mention over tokens [first, last) (document-global) headed
// by `head`, with its own new entity named by its text (or joining `entity`
// when >= 0), as coreference leaves it; returns the entity index.
inline int add_mention(Document& doc, int first, int last, int head, EntityType type,
                       MentionKind kind = MentionKind::Name, int entity = -1) {
  Mention m;
  m.first = first;
  m.last = last;
  m.head = head;
  m.sentence = doc.sentence_of(first);
  m.begin = doc.tokens[first].begin;
  m.end = doc.tokens[last - 1].end;
  m.type = type;
  m.kind = kind;
  if (entity < 0) {
    Entity e;
    e.name = std::string(doc.tokens_text(first, last));
    e.type = type;
    doc.entities.push_back(e);
    entity = static_cast<int>(doc.entities.size()) - 1;
  }
  m.entity = entity;
  doc.mentions.push_back(m);
  doc.entities[entity].mentions.push_back(static_cast<int>(doc.mentions.size()) - 1);
  return entity;
}

// Builds a Document of text-only sentences (no tokens) with its entities,
// roles, facts and events, as the extractor would leave them: for the graph
// and export tests. sentence() appends the sentence's text and then one
// space; the sentence spans its text without that space.
class DocBuilder {
 public:
  DocBuilder(std::string id, std::string title = "", std::string date = "", std::string source = "",
             std::string url = "") {
    d_.id = std::move(id);
    d_.title = std::move(title);
    d_.date = std::move(date);
    d_.source = std::move(source);
    d_.url = std::move(url);
  }
  int sentence(const std::string& text) {
    Sentence s;
    s.begin = static_cast<uint32_t>(d_.text.size());
    d_.text += text;
    s.end = static_cast<uint32_t>(d_.text.size());
    d_.text += ' ';
    d_.sentences.push_back(s);
    return static_cast<int>(d_.sentences.size()) - 1;
  }
  int entity(const std::string& name, EntityType type, std::vector<std::string> aliases = {}) {
    Entity e;
    e.name = name;
    e.type = type;
    e.aliases = std::move(aliases);
    d_.entities.push_back(std::move(e));
    return static_cast<int>(d_.entities.size()) - 1;
  }
  void role(int entity, const std::string& title, int of, int sentence) {
    d_.entities[entity].roles.push_back({title, of, sentence});
  }
  static Argument ent(int i) {
    Argument a;
    a.entity = i;
    return a;
  }
  static Argument lit(const std::string& value, const std::string& datatype = "") {
    Argument a;
    a.literal = value;
    a.datatype = datatype;
    return a;
  }
  static Argument article() {
    Argument a;
    a.article = true;
    return a;
  }
  void fact(int sentence, Argument s, const std::string& predicate, Argument o,
            const std::string& rule = "test.rule", double confidence = 0.9,
            Modality modality = Modality::Asserted,
            std::vector<std::pair<std::string, Argument>> extra = {}) {
    Fact f;
    f.sentence = sentence;
    f.subject = std::move(s);
    f.predicate = predicate;
    f.object = std::move(o);
    f.relation_text = predicate.substr(predicate.find(':') + 1);
    f.rule = rule;
    f.confidence = confidence;
    f.modality = modality;
    f.extra = std::move(extra);
    d_.facts.push_back(std::move(f));
  }
  void event(int sentence, const std::string& cls,
             std::vector<std::pair<std::string, Argument>> roles, const std::string& date = "",
             Argument place = {}, Modality modality = Modality::Asserted,
             const std::string& rule = "test.meet", double confidence = 0.85) {
    Event e;
    e.cls = cls;
    e.roles = std::move(roles);
    e.date = date;
    e.place = std::move(place);
    e.sentence = sentence;
    e.trigger_text = "met";
    e.rule = rule;
    e.confidence = confidence;
    e.modality = modality;
    d_.events.push_back(std::move(e));
  }
  Document& doc() { return d_; }

 private:
  Document d_;
};

}  // namespace ng::test
