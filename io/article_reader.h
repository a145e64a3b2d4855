// Reading articles into Documents: plain-text files, stdin ("-"), JSON Lines
// (--jsonl: one {"id","text", optional "title","date","url","source"} per
// line) and sentence files (--sentences: every line is one document, id =
// line number). This is the "text" end of text -> extract -> graph -> export.
//
// Plain text like a news page dump (a line holding the publication date, the
// body, a trailing short source line) yields date and source metadata; the
// body range is recorded in Document::body_begin/body_end, and offsets stay
// offsets into the whole file.
//
// Input is checked at the door: a missing, empty, binary or non-UTF-8 input
// is reported as an ng::Error naming the file (and line / byte offset) and
// skipped; the rest of a batch goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"

namespace ng {

struct InputOptions {
  std::vector<std::string> files;  // paths; "-" = stdin; empty = stdin
  bool jsonl = false;              // every line is one JSON article
  bool sentences = false;          // every line is one sentence = one document
  bool strict = false;             // a bad article ends the batch (else: skip)
  // Invalid UTF-8: false = refuse the article; true = repair with U+FFFD and
  // warn naming the byte offset.
  bool repair_utf8 = false;
  // Every file is analysed CoNLL-U (one document per "# newdoc", id = its
  // "newdoc id", else the file name): documents arrive with tokens, tags,
  // lemmas and a parse (kParsedLayers), so the pipeline starts after the parser.
  bool conllu = false;
  // Id of the one plain-text article read (--doc-id). "" = its file name, or
  // for standard input an id derived from its content ("stdin-" + 12 hex
  // digits of a hash of the text), so two different texts read from
  // standard input never share an id.
  std::string doc_id;
  // Read articles that do not look English (ng::check_english) too; else
  // such an article is reported and skipped.
  bool lang_any = false;
};

// The largest article read (bytes of text); a larger one is reported and
// skipped, so one runaway input cannot exhaust memory or time.
inline constexpr size_t kMaxArticleBytes = 10u << 20;

// Calls on_document for every good article, in input order, and on_error
// with a one-line message for every bad one ("a.txt: empty file"). Returns
// the number of bad articles. Throws ng::Error only in strict mode.
size_t read_articles(const InputOptions& options,
                     const std::function<void(Document&&)>& on_document,
                     const std::function<void(const std::string&)>& on_error);

// Builds a Document from one article's raw text (plain-text conventions
// above). `name` is used as the id and in messages. Throws ng::Error for an
// empty, binary or (unless repair) invalid UTF-8 text.
Document document_from_text(const std::string& name, std::string text, bool repair_utf8 = false);

}  // namespace ng
