// Builds small parsed Documents by hand for extraction tests, so they do not
// depend on the statistical models.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "core/document.h"

namespace ng::test {

struct W {
  const char* form;
  const char* lemma;
  const char* upos;
  int head;             // 1-based within the sentence; 0 = root
  const char* deprel;
};

// Appends one sentence of words (joined by single spaces) to doc.
inline void add_sentence(Document& doc, std::initializer_list<W> words) {
  if (!doc.text.empty()) doc.text += ' ';
  int base = static_cast<int>(doc.tokens.size());
  Sentence s;
  s.first = base;
  s.begin = static_cast<uint32_t>(doc.text.size());
  for (const W& w : words) {
    if (doc.text.size() > s.begin) doc.text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form = w.form;
    t.lemma = w.lemma;
    t.upos = w.upos;
    t.head = w.head == 0 ? -1 : base + w.head - 1;
    t.deprel = w.deprel;
    doc.tokens.push_back(t);
  }
  s.last = static_cast<int>(doc.tokens.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  doc.body_end = static_cast<uint32_t>(doc.text.size());
}

// Adds a mention over tokens [first, last) (document-global) with its own
// new entity (or `entity` when >= 0); returns the entity index.
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

}  // namespace ng::test
