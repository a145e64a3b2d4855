#include "io/article_reader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/dates.h"
#include "core/error.h"
#include "core/language.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/conllu.h"
#include "io/graph_file.h"

namespace ng {
namespace {

// Reads a whole file (or stdin for "-"). Throws ng::Error naming the path.
std::string slurp(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open (missing or unreadable)");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(path + ": read error");
  return ss.str();
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

bool blank(std::string_view s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

// Checks that text is usable article text; repairs or throws.
void check_text(const std::string& where, std::string& text, bool repair, std::vector<std::string>& warnings) {
  if (blank(text)) throw Error(where + ": empty input (no text)");
  size_t nul = text.find('\0');
  if (nul != std::string::npos)
    throw Error(where + ": binary data (NUL byte at byte offset " + std::to_string(nul) + ")");
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    if (!repair) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(text[bad]));
      throw Error(where + ": invalid UTF-8 at byte offset " + std::to_string(bad) + " (byte " +
                  buf + "); use --repair-utf8 to accept it");
    }
    size_t n = repair_utf8(text);
    warnings.push_back(where + ": " + std::to_string(n) +
                       " invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte offset " +
                       std::to_string(bad));
  }
}

// [begin, end) of the line containing offset p.
struct Line { size_t begin, end; };

std::vector<Line> nonblank_lines(const std::string& text) {
  std::vector<Line> lines;
  size_t p = 0;
  while (p <= text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    if (!blank(std::string_view(text).substr(p, e - p))) lines.push_back({p, e});
    if (e == text.size()) break;
    p = e + 1;
  }
  return lines;
}

bool ends_like_sentence(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' ||
         s.ends_with("\xE2\x80\x9D");  // ”
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = std::isspace(static_cast<unsigned char>(c));
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Plain-text conventions of news page dumps: a first short line holding the
// publication date ("Friday, January 4, 2019", " date 2024-05-06 + ...") is
// metadata; a last short line without sentence punctuation (one to four words,
// e.g. "News.Az", "Reuters") is the source. Sets body_begin/body_end.
void detect_metadata(Document& doc, bool take_source) {
  auto lines = nonblank_lines(doc.text);
  doc.body_begin = 0;
  doc.body_end = static_cast<uint32_t>(doc.text.size());
  if (lines.empty()) return;
  std::string_view first = std::string_view(doc.text).substr(lines[0].begin, lines[0].end - lines[0].begin);
  if (lines.size() > 1 && first.size() < 100 && !ends_like_sentence(first)) {
    if (auto d = find_date(first)) {
      if (doc.date.empty()) doc.date = *d;
      doc.body_begin = static_cast<uint32_t>(lines[1].begin);
      lines.erase(lines.begin());
    }
  }
  if (take_source && lines.size() > 1) {
    const Line& last = lines.back();
    std::string_view l = std::string_view(doc.text).substr(last.begin, last.end - last.begin);
    while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.remove_suffix(1);
    while (!l.empty() && std::isspace(static_cast<unsigned char>(l.front()))) l.remove_prefix(1);
    if (!l.empty() && l.size() <= 40 && word_count(l) <= 4 && !ends_like_sentence(l) &&
        !find_date(l)) {
      if (doc.source.empty()) doc.source = std::string(l);
      doc.body_end = static_cast<uint32_t>(last.begin);
    }
  }
}

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return it->dump();
}

}  // namespace

Document document_from_text(const std::string& name, std::string text, bool repair) {
  Document doc;
  check_text(name, text, repair, doc.warnings);
  doc.id = name;
  doc.text = std::move(text);
  detect_metadata(doc, /*take_source=*/true);
  return doc;
}

namespace {

// Reports a bad article: thrown in strict mode, else counted and passed on.
struct BadArticles {
  const InputOptions& options;
  const std::function<void(const std::string&)>& on_error;
  size_t count = 0;
  void operator()(const std::string& message) {
    if (options.strict) throw Error(message);
    ++count;
    on_error(message);
  }
};

// One line of a --jsonl file: {"id","text"} plus optional title, date, url,
// source. `at` is "FILE:LINE" for messages and the fallback id.
Document article_from_json_line(const std::string& at, const std::string& line, bool repair_utf8) {
  if (line.find('\0') != std::string::npos) throw Error(at + ": binary data (NUL byte)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& pe) {
    std::string snippet = line.substr(0, 40);
    throw Error(at + ": invalid JSON (" + std::string(pe.what()) + ") in '" + snippet +
                (line.size() > 40 ? "…'" : "'"));
  }
  if (!j.is_object()) throw Error(at + ": expected a JSON object {\"id\",\"text\"}");
  auto t = j.find("text");
  if (t == j.end() || !t->is_string()) throw Error(at + ": missing string field \"text\"");
  Document doc;
  std::string text = t->get<std::string>();
  check_text(at, text, repair_utf8, doc.warnings);
  doc.id = json_string(j, "id");
  if (doc.id.empty()) doc.id = at;
  doc.title = json_string(j, "title");
  doc.url = json_string(j, "url");
  doc.source = json_string(j, "source");
  if (auto d = parse_date(json_string(j, "date"))) doc.date = *d;
  doc.text = std::move(text);
  detect_metadata(doc, /*take_source=*/doc.source.empty());
  return doc;
}

// One line of a --sentences file: a document of one sentence, id = line number.
Document article_from_sentence_line(const std::string& at, std::string line, size_t line_no,
                                    bool repair_utf8) {
  Document doc;
  check_text(at, line, repair_utf8, doc.warnings);
  doc.id = std::to_string(line_no);
  doc.text = std::move(line);
  doc.body_end = static_cast<uint32_t>(doc.text.size());
  return doc;
}

// The id of a plain-text article: --doc-id, else the file name, else (standard
// input) one derived from the content.
std::string plain_text_id(const InputOptions& options, const std::string& path,
                          const std::string& content) {
  if (!options.doc_id.empty()) return options.doc_id;
  if (path != "-") return std::filesystem::path(path).filename().string();
  return "stdin-" + stable_hash(content).substr(0, 12);
}

// Line-oriented inputs: each line is checked on its own, so one bad line is
// skipped and the rest of the file goes on.
void read_lines(const InputOptions& options, const std::string& where, const std::string& content,
                const std::function<void(Document&&)>& on_document, BadArticles& fail) {
  size_t line_no = 0, p = 0;
  while (p < content.size()) {
    size_t e = content.find('\n', p);
    if (e == std::string::npos) e = content.size();
    std::string line = content.substr(p, e - p);
    p = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (blank(line)) continue;
    const std::string at = where + ":" + std::to_string(line_no);
    try {
      on_document(options.sentences
                      ? article_from_sentence_line(at, std::move(line), line_no, options.repair_utf8)
                      : article_from_json_line(at, line, options.repair_utf8));
    } catch (const Error& e) {
      fail(e.what());
    }
  }
}

// An analysed CoNLL-U file: one document per "# newdoc". A malformed file is
// one bad input (nothing of it is used).
void read_conllu_documents(const std::string& path, const std::string& where,
                           const std::string& content,
                           const std::function<void(Document&&)>& on_document) {
  std::string fallback = path == "-" ? "stdin" : std::filesystem::path(path).filename().string();
  std::istringstream in(content);
  std::vector<Document> docs = documents_from_conllu(read_conllu(in, where), fallback);
  if (docs.empty()) throw Error(where + ": no CoNLL-U sentences");
  for (auto& d : docs) {
    check_text(where + " (document '" + d.id + "')", d.text, false, d.warnings);
    on_document(std::move(d));
  }
}

}  // namespace

size_t read_articles(const InputOptions& options,
                     const std::function<void(Document&&)>& on_document,
                     const std::function<void(const std::string&)>& on_error) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  if (!options.doc_id.empty() &&
      (files.size() != 1 || options.jsonl || options.sentences || options.conllu))
    throw Error("--doc-id names the one plain-text article read; it cannot be used with " +
                std::string(files.size() != 1 ? "several inputs" : "--jsonl, --sentences or --conllu"));
  BadArticles fail{options, on_error};
  // Every article passes the size limit and the language check first.
  auto accept = [&](Document&& d) {
    if (d.text.size() > kMaxArticleBytes)
      return fail(d.id + ": " + std::to_string(d.text.size()) + " bytes of text, over the " +
                  std::to_string(kMaxArticleBytes >> 20) + " MB limit of one article");
    if (!options.lang_any && !options.sentences && !options.conllu)
      if (const LanguageCheck lc = check_english(d.text); !lc.english)
        return fail(d.id + ": does not look like English (" + lc.reason() +
                    "); skipped (--lang-any reads it)");
    on_document(std::move(d));
  };
  for (const auto& path : files) {
    const std::string where = display_name(path);
    try {
      std::error_code ec;
      if (path != "-" && !options.jsonl && !options.sentences && !options.conllu &&
          std::filesystem::is_regular_file(path, ec) &&
          std::filesystem::file_size(path, ec) > kMaxArticleBytes + 4096)
        throw Error(where + ": " + std::to_string(std::filesystem::file_size(path, ec)) +
                    " bytes, over the " + std::to_string(kMaxArticleBytes >> 20) +
                    " MB limit of one article");
      std::string content = slurp(path);
      // A graph written by `newsgraph build` is not an article (io/graph_file.h).
      if (GraphFileKind kind = detect_graph_file(path, content); kind != GraphFileKind::None)
        throw Error(graph_file_refusal(where, kind));
      if (options.conllu) {
        read_conllu_documents(path, where, content, accept);
      } else if (!options.jsonl && !options.sentences) {
        Document doc = document_from_text(where, content, options.repair_utf8);
        doc.id = plain_text_id(options, path, content);
        accept(std::move(doc));
      } else if (blank(content)) {
        fail(where + ": empty input (no text)");
      } else {
        read_lines(options, where, content, accept, fail);
      }
    } catch (const Error& e) {
      fail(e.what());
    }
  }
  return fail.count;
}

}  // namespace ng
