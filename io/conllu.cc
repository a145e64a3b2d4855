// CoNLL-U reading and writing. See conllu.h for the contract.
//
// Reading is strict about structure (10 tab-separated columns, integer IDs in
// sequence, integer HEADs inside the sentence) and lax about content: "_" in
// HEAD (blind test files) reads as 0, empty nodes ("8.1") are skipped, a final
// sentence without a trailing blank line is accepted, CRLF and a UTF-8 BOM are
// tolerated.
#include "io/conllu.h"

#include <charconv>
#include <fstream>
#include <ostream>
#include <string_view>

#include "core/error.h"

namespace ng {

namespace {

// Splits line at tabs into exactly `cols` fields; false when the count differs.
bool split_columns(std::string_view line, std::string_view* out, int cols) {
  int n = 0;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (n == cols) return false;
    if (tab == std::string_view::npos) {
      out[n++] = line.substr(start);
      break;
    }
    out[n++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return n == cols;
}

bool parse_int(std::string_view s, int& v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string quote(std::string_view line) {
  constexpr size_t kMax = 120;
  if (line.size() > kMax) return "'" + std::string(line.substr(0, kMax)) + "...'";
  return "'" + std::string(line) + "'";
}

// Value of "key = value" comments ("newdoc id = X" -> "X" for key "newdoc id").
bool comment_value(std::string_view comment, std::string_view key, std::string& value) {
  if (comment.substr(0, key.size()) != key) return false;
  std::string_view rest = comment.substr(key.size());
  size_t p = 0;
  while (p < rest.size() && rest[p] == ' ') ++p;
  if (p == rest.size()) {  // "# newdoc" without an id
    value.clear();
    return true;
  }
  if (rest[p] != '=') return false;
  ++p;
  while (p < rest.size() && rest[p] == ' ') ++p;
  value = std::string(rest.substr(p));
  return true;
}

// CoNLL-U fields must not be empty nor contain tabs or newlines.
std::string field(std::string_view s) {
  if (s.empty()) return "_";
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

std::vector<ConlluSentence> read_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open CoNLL-U file");
  std::vector<ConlluSentence> sentences;
  ConlluSentence cur;
  std::string doc_id;
  bool pending_doc = false, pending_par = false;
  size_t sentence_line = 0;   // line of the sentence's first word (for HEAD errors)
  std::string line;
  size_t line_no = 0;
  std::string_view cols[10];

  auto where = [&](size_t ln) { return path + ":" + std::to_string(ln) + ": "; };
  auto finish = [&]() {
    if (!cur.words.empty()) {
      const int n = static_cast<int>(cur.words.size());
      for (int i = 0; i < n; ++i)
        if (cur.words[i].head < 0 || cur.words[i].head > n)
          throw Error(where(sentence_line + i) + "HEAD " + std::to_string(cur.words[i].head) +
                      " of word " + std::to_string(i + 1) + " is outside the sentence of " +
                      std::to_string(n) + " words");
      for (const auto& mw : cur.multiwords)
        if (mw.last > n)
          throw Error(where(sentence_line) + "multiword token '" + mw.form + "' covers words " +
                      std::to_string(mw.first) + "-" + std::to_string(mw.last) +
                      " but the sentence has " + std::to_string(n) + " words");
      cur.doc_id = doc_id;
      sentences.push_back(std::move(cur));
    }
    cur = ConlluSentence();
  };

  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      if (!cur.words.empty())
        throw Error(where(line_no) + "comment inside a sentence (missing blank line?): " +
                    quote(line));
      std::string_view c(line);
      c.remove_prefix(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      std::string value;
      if (comment_value(c, "newdoc id", value) || comment_value(c, "newdoc", value)) {
        doc_id = value;
        pending_doc = true;
      } else if (comment_value(c, "newpar id", value) || comment_value(c, "newpar", value)) {
        pending_par = true;
      } else if (comment_value(c, "text", value) && cur.text.empty()) {
        cur.text = value;
      }
      cur.comments.emplace_back(c);
      continue;
    }
    if (!split_columns(line, cols, 10))
      throw Error(where(line_no) + "the CoNLL-U line " + quote(line) +
                  " does not contain 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node of the enhanced graph
    if (cur.words.empty() && cur.multiwords.empty()) {
      sentence_line = line_no;
      cur.new_doc = pending_doc;
      cur.new_par = pending_par || pending_doc;
      pending_doc = pending_par = false;
    }
    const int expected = static_cast<int>(cur.words.size()) + 1;
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluMultiword mw;
      if (!parse_int(id.substr(0, dash), mw.first) || !parse_int(id.substr(dash + 1), mw.last) ||
          mw.first != expected || mw.last < mw.first)
        throw Error(where(line_no) + "bad multiword ID '" + std::string(id) + "' (expected " +
                    std::to_string(expected) + "-N) in " + quote(line));
      mw.form = std::string(cols[1]);
      mw.misc = std::string(cols[9]);
      cur.multiwords.push_back(std::move(mw));
      continue;
    }
    int n = 0;
    if (!parse_int(id, n) || n != expected)
      throw Error(where(line_no) + "bad ID '" + std::string(id) + "' (expected " +
                  std::to_string(expected) + ") in " + quote(line));
    ConlluWord w;
    w.form = std::string(cols[1]);
    w.lemma = std::string(cols[2]);
    w.upos = std::string(cols[3]);
    w.xpos = std::string(cols[4]);
    w.feats = std::string(cols[5]);
    if (cols[6] == "_") {
      w.head = 0;
    } else if (!parse_int(cols[6], w.head) || w.head < 0) {
      throw Error(where(line_no) + "bad HEAD '" + std::string(cols[6]) + "' in " + quote(line));
    }
    w.deprel = std::string(cols[7]);
    w.misc = std::string(cols[9]);
    cur.words.push_back(std::move(w));
  }
  if (in.bad()) throw Error(path + ": read error");
  finish();
  return sentences;
}

void write_conllu(const Document& doc, std::ostream& out) {
  bool first_sentence = true;
  std::string text;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (first_sentence) {
      out << "# newdoc id = " << (doc.id.empty() ? "doc" : doc.id) << '\n';
      first_sentence = false;
    }
    out << "# sent_id = " << (doc.id.empty() ? "" : doc.id + "-") << (s + 1) << '\n';
    text.assign(doc.sentence_text(static_cast<int>(s)));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out << "# text = " << text << '\n';
    for (int t = sent.first; t < sent.last; ++t) {
      const Token& tok = doc.tokens[t];
      int head = 0;
      if (tok.head >= sent.first && tok.head < sent.last) head = tok.head - sent.first + 1;
      const bool parsed = tok.head >= 0 || !tok.deprel.empty();
      out << (t - sent.first + 1) << '\t' << field(tok.form) << '\t' << field(tok.lemma) << '\t'
          << field(tok.upos) << '\t' << field(tok.xpos) << "\t_\t";
      if (parsed)
        out << head << '\t' << field(tok.deprel);
      else
        out << "_\t_";
      out << "\t_\t";
      if (!tok.space_after) out << "SpaceAfter=No|";
      out << "TokenRange=" << tok.begin << ':' << tok.end << '\n';
    }
    out << '\n';
  }
}

}  // namespace ng
