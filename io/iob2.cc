#include "io/iob2.h"

#include <fstream>
#include <sstream>

#include "core/error.h"

namespace ng {

namespace {

bool valid_tag(const std::string& t) {
  if (t == "O") return true;
  return t.size() > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-';
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return cols;
    start = tab + 1;
  }
}

// "newdoc id = x" -> "x" when line (without "# ") starts with key.
bool comment_value(const std::string& c, const std::string& key, std::string& value) {
  if (c.compare(0, key.size(), key) != 0) return false;
  size_t p = key.size();
  while (p < c.size() && (c[p] == ' ' || c[p] == '=')) ++p;
  value = c.substr(p);
  return true;
}

}  // namespace

std::vector<Iob2Sentence> read_iob2(std::istream& in, const std::string& name) {
  std::vector<Iob2Sentence> out;
  Iob2Sentence cur;
  std::string doc_id, line;
  auto flush = [&] {
    if (!cur.forms.empty()) out.push_back(std::move(cur));
    cur = Iob2Sentence{};
  };
  for (long lineno = 1; std::getline(in, line); ++lineno) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      const std::string c = line.substr(line.size() > 1 && line[1] == ' ' ? 2 : 1);
      std::string v;
      if (comment_value(c, "newdoc id", v)) {
        flush();
        doc_id = v;
        cur.new_doc = true;
      } else if (comment_value(c, "sent_id", v)) {
        cur.sent_id = v;
      } else if (comment_value(c, "text", v)) {
        cur.text = v;
      }
      continue;
    }
    const auto cols = split_tabs(line);
    auto bad = [&](const std::string& why) {
      return Error(name + ":" + std::to_string(lineno) + ": " + why + ": '" + line + "'");
    };
    if (cols.size() < 3) throw bad("expected index, token and tag separated by tabs");
    if (cols[1].empty()) throw bad("empty token");
    if (!valid_tag(cols[2])) throw bad("bad tag '" + cols[2] + "' (O, B-TYPE or I-TYPE)");
    cur.doc_id = doc_id;
    cur.forms.push_back(cols[1]);
    cur.tags.push_back(cols[2]);
  }
  flush();
  return out;
}

std::vector<Iob2Sentence> read_iob2(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot open '" + path + "'");
  return read_iob2(in, path);
}

std::vector<Document> documents_from_iob2(const std::vector<Iob2Sentence>& sentences,
                                          const std::string& fallback_id,
                                          std::vector<size_t>* first_sentence) {
  std::vector<Document> docs;
  if (first_sentence) first_sentence->clear();
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Iob2Sentence& sent = sentences[s];
    if (docs.empty() || sent.new_doc) {
      docs.emplace_back();
      docs.back().id =
          sent.doc_id.empty() ? fallback_id + "-" + std::to_string(docs.size()) : sent.doc_id;
      if (first_sentence) first_sentence->push_back(s);
    }
    Document& doc = docs.back();
    if (!doc.text.empty()) doc.text += '\n';
    Sentence out;
    out.begin = static_cast<uint32_t>(doc.text.size());
    out.first = static_cast<int>(doc.tokens.size());
    for (size_t i = 0; i < sent.forms.size(); ++i) {
      if (i) doc.text += ' ';
      Token t;
      t.form = sent.forms[i];
      t.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += sent.forms[i];
      t.end = static_cast<uint32_t>(doc.text.size());
      doc.tokens.push_back(std::move(t));
    }
    out.end = static_cast<uint32_t>(doc.text.size());
    out.last = static_cast<int>(doc.tokens.size());
    doc.sentences.push_back(out);
    doc.body_end = static_cast<uint32_t>(doc.text.size());
  }
  return docs;
}

}  // namespace ng
