// CoNLL-U reading and writing. See conllu.h for the contract.
//
// Reading is strict about structure (10 tab-separated columns, integer IDs in
// sequence, integer HEADs inside the sentence) and lax about content: "_" in
// HEAD (blind test files) reads as 0, empty nodes ("8.1") are skipped, a final
// sentence without a trailing blank line is accepted, CRLF and a UTF-8 BOM are
// tolerated.
#include "io/conllu.h"
#include "core/text.h"

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

// CoNLL-U fields must not be empty nor contain tabs or newlines: appends s to
// out as "_" when empty, else as one_line(s).
void append_field(std::string& out, std::string_view s) {
  if (s.empty())
    out += '_';
  else
    append_one_line(out, s);
}

}  // namespace

namespace {

// Reads CoNLL-U line by line: a blank line ends a sentence, "#" lines are
// comments, the rest are word, multiword-token or empty-node lines.
struct ConlluReader {
  std::string name;                      // for messages: "FILE:LINE: ..."
  std::vector<ConlluSentence> sentences;
  ConlluSentence cur;
  std::string doc_id;
  bool pending_doc = false, pending_par = false;
  size_t sentence_line = 0;  // line of the sentence's first word (for HEAD errors)
  size_t line_no = 0;

  explicit ConlluReader(std::string file_name) : name(std::move(file_name)) {}

  std::string where(size_t ln) const { return name + ":" + std::to_string(ln) + ": "; }

  // Ends the current sentence (if it has words), checking its heads and
  // multiword ranges.
  void finish_sentence() {
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
  }

  // "# newdoc id = X", "# newpar", "# text = ...", any other comment.
  void comment(const std::string& line) {
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
  }

  // "1-2 don't ...": a multiword token starting at the next word.
  void multiword(std::string_view id, size_t dash, const std::string_view* cols,
                 const std::string& line) {
    const int expected = static_cast<int>(cur.words.size()) + 1;
    ConlluMultiword mw;
    if (!parse_int(id.substr(0, dash), mw.first) || !parse_int(id.substr(dash + 1), mw.last) ||
        mw.first != expected || mw.last < mw.first)
      throw Error(where(line_no) + "bad multiword ID '" + std::string(id) + "' (expected " +
                  std::to_string(expected) + "-N) in " + quote(line));
    mw.form = std::string(cols[1]);
    mw.misc = std::string(cols[9]);
    cur.multiwords.push_back(std::move(mw));
  }

  // "3 form lemma UPOS XPOS FEATS HEAD DEPREL DEPS MISC": the next word.
  void word(std::string_view id, const std::string_view* cols, const std::string& line) {
    const int expected = static_cast<int>(cur.words.size()) + 1;
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

  // Any line of 10 columns: a word, a multiword token or an empty node (skipped).
  void token_line(const std::string& line) {
    std::string_view cols[10];
    if (!split_columns(line, cols, 10))
      throw Error(where(line_no) + "the CoNLL-U line " + quote(line) +
                  " does not contain 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) return;  // empty node of the enhanced graph
    if (cur.words.empty() && cur.multiwords.empty()) {
      sentence_line = line_no;
      cur.new_doc = pending_doc;
      cur.new_par = pending_par || pending_doc;
      pending_doc = pending_par = false;
    }
    if (size_t dash = id.find('-'); dash != std::string_view::npos)
      multiword(id, dash, cols, line);
    else
      word(id, cols, line);
  }

  void read_line(std::string& text) {
    ++line_no;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (line_no == 1 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (text.empty())
      finish_sentence();
    else if (text[0] == '#')
      comment(text);
    else
      token_line(text);
  }
};

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& name) {
  ConlluReader reader(name);
  std::string line;
  while (std::getline(in, line)) reader.read_line(line);
  if (in.bad()) throw Error(name + ": read error");
  reader.finish_sentence();
  return std::move(reader.sentences);
}

std::vector<ConlluSentence> read_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open CoNLL-U file");
  return read_conllu(in, path);
}

void write_conllu(const Document& doc, std::ostream& out) {
  bool first_sentence = true;
  std::string text, line;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (first_sentence) {
      out << "# newdoc id = " << (doc.id.empty() ? "doc" : one_line(doc.id)) << '\n';
      first_sentence = false;
    }
    out << "# sent_id = " << (doc.id.empty() ? "" : one_line(doc.id) + "-") << (s + 1) << '\n';
    text = one_line(doc.sentence_text(static_cast<int>(s)));
    out << "# text = " << text << '\n';
    for (int t = sent.first; t < sent.last; ++t) {
      const Token& tok = doc.tokens[t];
      int head = 0;
      if (tok.head >= sent.first && tok.head < sent.last) head = tok.head - sent.first + 1;
      const bool parsed = tok.head >= 0 || !tok.deprel.empty();
      line.clear();  // the word line, written at once
      line += std::to_string(t - sent.first + 1);
      for (const std::string* f : {&tok.form, &tok.lemma, &tok.upos, &tok.xpos}) {
        line += '\t';
        append_field(line, *f);
      }
      line += "\t_\t";
      if (parsed) {
        line += std::to_string(head);
        line += '\t';
        append_field(line, tok.deprel);
      } else {
        line += "_\t_";
      }
      line += "\t_\t";
      if (!tok.space_after) line += "SpaceAfter=No|";
      line += "TokenRange=";
      line += std::to_string(tok.begin);
      line += ':';
      line += std::to_string(tok.end);
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    out << '\n';
  }
}

std::vector<Token> tokens_from_conllu(const ConlluSentence& sentence) {
  std::vector<Token> out(sentence.words.size());
  for (size_t i = 0; i < out.size(); ++i) {
    const ConlluWord& w = sentence.words[i];
    out[i].form = w.form;
    out[i].lemma = w.lemma;
    out[i].upos = w.upos;
    out[i].xpos = w.xpos;
    out[i].head = w.head - 1;
    out[i].deprel = w.deprel;
  }
  return out;
}

std::string text_from_forms(const ConlluSentence& s) {
  std::string out;
  size_t w = 0, m = 0;
  while (w < s.words.size()) {
    const std::string* form;
    const std::string* misc;
    size_t next;
    if (m < s.multiwords.size() && s.multiwords[m].first == static_cast<int>(w) + 1) {
      form = &s.multiwords[m].form;
      misc = &s.multiwords[m].misc;
      next = static_cast<size_t>(s.multiwords[m].last);
      ++m;
    } else {
      form = &s.words[w].form;
      misc = &s.words[w].misc;
      next = w + 1;
    }
    out += *form;
    if (misc->find("SpaceAfter=No") == std::string::npos && next < s.words.size()) out += ' ';
    w = next;
  }
  return out;
}

namespace {

const ConlluMultiword* multiword_of(const ConlluSentence& s, int w) {
  const ConlluMultiword* mw = nullptr;
  for (const auto& m : s.multiwords)
    if (m.first <= w + 1 && w + 1 <= m.last) mw = &m;
  return mw;
}

// Places word w, a part of multiword token mw, in doc.text: the token's form
// is written once, at its first word; a word whose forms spell the token
// gets its own bytes, otherwise the token's whole range.
void place_in_multiword(Document& d, const ConlluSentence& s, int w, const ConlluMultiword& mw,
                        uint32_t& mw_start, Token& t) {
  if (w + 1 == mw.first) {
    mw_start = static_cast<uint32_t>(d.text.size());
    d.text += mw.form;
  }
  std::string spelled;
  for (int k = mw.first; k <= mw.last; ++k) spelled += s.words[k - 1].form;
  if (spelled == mw.form) {
    uint32_t off = mw_start;
    for (int k = mw.first; k < w + 1; ++k) off += s.words[k - 1].form.size();
    t.begin = off;
    t.end = off + static_cast<uint32_t>(s.words[w].form.size());
  } else {
    t.begin = mw_start;
    t.end = mw_start + static_cast<uint32_t>(mw.form.size());
  }
  if (w + 1 != mw.last) t.space_after = false;
}

}  // namespace

void append_conllu_sentence(Document& d, const ConlluSentence& s, const ConlluConversion& how) {
  if (!d.tokens.empty()) d.text += "\n";
  Sentence sent;
  sent.first = static_cast<int>(d.tokens.size());
  sent.begin = static_cast<uint32_t>(d.text.size());
  const int base = sent.first;
  const int nw = static_cast<int>(s.words.size());
  std::vector<Token> words = tokens_from_conllu(s);
  uint32_t mw_start = 0;
  for (int w = 0; w < nw; ++w) {
    Token t;
    t.form = std::move(words[w].form);
    if (how.annotation) {
      t.lemma = std::move(words[w].lemma);
      t.upos = std::move(words[w].upos);
      t.xpos = std::move(words[w].xpos);
      t.deprel = std::move(words[w].deprel);
      t.head = words[w].head < 0 ? -1 : base + words[w].head;
    }
    const ConlluMultiword* mw = how.space_after ? multiword_of(s, w) : nullptr;
    if (how.space_after) {
      const std::string& misc = mw ? mw->misc : s.words[w].misc;
      t.space_after = misc.find("SpaceAfter=No") == std::string::npos;
    }
    if (mw) {
      place_in_multiword(d, s, w, *mw, mw_start, t);
    } else {
      t.begin = static_cast<uint32_t>(d.text.size());
      d.text += t.form;
      t.end = static_cast<uint32_t>(d.text.size());
    }
    const bool last_word = !mw || w + 1 == mw->last;
    if (last_word && t.space_after && w + 1 < nw) d.text += ' ';
    d.tokens.push_back(std::move(t));
  }
  sent.last = static_cast<int>(d.tokens.size());
  sent.end = d.tokens.empty() ? sent.begin : d.tokens.back().end;
  d.sentences.push_back(sent);
  d.body_end = static_cast<uint32_t>(d.text.size());
}

std::vector<Document> documents_from_conllu(const std::vector<ConlluSentence>& sentences,
                                            const std::string& fallback_id,
                                            const ConlluConversion& how, bool split_documents) {
  std::vector<Document> docs;
  for (const auto& s : sentences) {
    if (docs.empty() || (split_documents && s.new_doc)) {
      docs.emplace_back();
      docs.back().id = !split_documents || s.doc_id.empty() ? fallback_id : s.doc_id;
      docs.back().body_begin = 0;
    }
    append_conllu_sentence(docs.back(), s, how);
  }
  return docs;
}

}  // namespace ng
