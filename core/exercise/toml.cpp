#include "exercise/toml.h"

#include <cctype>
#include <charconv>
#include <string>

#include "expr/decimal.h"
#include "util/utf8.h"

namespace calc::toml {

const Value* Value::find(std::string_view key) const {
  if (type != Type::Table) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &values[i];
  return nullptr;
}

Value* Value::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value&>(*this).find(key));
}

Value& Value::insert(std::string key, Value v) {
  keys.push_back(std::move(key));
  values.push_back(std::move(v));
  return values.back();
}

std::string_view Value::type_name(Type t) {
  switch (t) {
    case Type::String: return "string";
    case Type::Integer: return "integer";
    case Type::Float: return "float";
    case Type::Boolean: return "boolean";
    case Type::Array: return "array";
    case Type::Table: return "table";
  }
  return "?";
}

namespace {

// Reading stops at the first error: a step that fails records it and returns
// at once, and its caller checks failed() before going on.
class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  // The document, or nothing when error() says why not.
  std::optional<Value> document() {
    Value root;
    root.type = Value::Type::Table;
    root.line = 1;
    Value* current = &root;
    while (true) {
      skip_blank_lines();
      if (at_end()) break;
      if (peek() == '[') {
        current = header(root);
      } else {
        key_value(*current);
      }
      if (failed()) return std::nullopt;
      end_of_line();
      if (failed()) return std::nullopt;
    }
    return root;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  bool at_end() const { return i_ >= s_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  bool starts_with(std::string_view t) const { return s_.substr(i_, t.size()) == t; }
  static constexpr int kMaxNesting = 32;

  bool failed() const { return error_.has_value(); }
  void fail(std::string message) { fail_at(line_, std::move(message)); }
  void fail_at(int line, std::string message) {
    if (!error_) error_ = Error{line, std::move(message)};
  }

  void advance() {
    if (s_[i_] == '\n') ++line_;
    ++i_;
  }
  void skip_spaces() {
    while (!at_end() && (peek() == ' ' || peek() == '\t')) advance();
  }
  void skip_comment() {
    if (peek() == '#')
      while (!at_end() && peek() != '\n') advance();
  }
  void skip_blank_lines() {
    while (true) {
      skip_spaces();
      skip_comment();
      if (at_end()) return;
      if (peek() == '\r' && peek(1) == '\n') advance();
      if (peek() == '\n') {
        advance();
        continue;
      }
      return;
    }
  }
  // Inside arrays: whitespace, newlines and comments are all insignificant.
  void skip_whitespace_and_comments() { skip_blank_lines(); }

  void end_of_line() {
    skip_spaces();
    skip_comment();
    if (at_end()) return;
    if (peek() == '\r') advance();
    if (at_end() || peek() == '\n') return;
    fail(std::string("unexpected '") + peek() + "' after a value; one key = value per line");
  }

  static bool bare_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }

  std::string key_part() {
    skip_spaces();
    if (peek() == '"') return basic_string();
    if (peek() == '\'') return literal_string();
    std::string k;
    while (!at_end() && bare_key_char(peek())) {
      k.push_back(peek());
      advance();
    }
    if (k.empty()) fail("expected a key");
    return k;
  }

  // Empty when a part fails.
  std::vector<std::string> dotted_key() {
    std::vector<std::string> parts{key_part()};
    if (failed()) return {};
    skip_spaces();
    while (peek() == '.') {
      advance();
      parts.push_back(key_part());
      if (failed()) return {};
      skip_spaces();
    }
    return parts;
  }

  // Walks (creating) intermediate tables; an array of tables resolves to its
  // last element. Null when the key holds something else.
  Value* descend(Value& table, const std::string& key, int line) {
    Value* next = table.find(key);
    if (!next) {
      Value t;
      t.type = Value::Type::Table;
      t.line = line;
      return &table.insert(key, std::move(t));
    }
    if (next->is_array() && !next->items.empty() && next->items.back().is_table()) return &next->items.back();
    if (!next->is_table()) {
      fail("key '" + key + "' is already a " + std::string(Value::type_name(next->type)));
      return nullptr;
    }
    return next;
  }

  // The table the header opens; null when it fails.
  Value* header(Value& root) {
    const int line = line_;
    advance();  // '['
    const bool array_of_tables = peek() == '[';
    if (array_of_tables) advance();
    std::vector<std::string> path = dotted_key();
    if (failed()) return nullptr;
    skip_spaces();
    if (peek() != ']') {
      fail("expected ']' to close the table header");
      return nullptr;
    }
    advance();
    if (array_of_tables) {
      if (peek() != ']') {
        fail("expected ']]' to close the array-of-tables header");
        return nullptr;
      }
      advance();
    }
    Value* t = &root;
    for (std::size_t k = 0; k + 1 < path.size(); ++k)
      if (!(t = descend(*t, path[k], line))) return nullptr;
    const std::string& last = path.back();
    Value fresh;
    fresh.type = Value::Type::Table;
    fresh.line = line;
    if (array_of_tables) {
      Value* arr = t->find(last);
      if (!arr) {
        Value a;
        a.type = Value::Type::Array;
        a.line = line;
        arr = &t->insert(last, std::move(a));
      } else if (!arr->is_array()) {
        fail("'" + last + "' is already a " + std::string(Value::type_name(arr->type)) + ", not an array of tables");
        return nullptr;
      }
      arr->items.push_back(std::move(fresh));
      return &arr->items.back();
    }
    // Two [headers] naming the same table would silently merge; TOML forbids
    // it, and so do we. Tables created implicitly (by a dotted path) may still
    // get their own header once.
    if (Value* existing = t->find(last)) {
      if (!existing->is_table()) {
        fail("'" + last + "' is already a " + std::string(Value::type_name(existing->type)));
        return nullptr;
      }
      if (existing->from_header) {
        fail("table [" + last + "] is defined twice");
        return nullptr;
      }
      existing->from_header = true;
      return existing;
    }
    fresh.from_header = true;
    return &t->insert(last, std::move(fresh));
  }

  void key_value(Value& table) {
    const int line = line_;
    std::vector<std::string> path = dotted_key();
    if (failed()) return;
    skip_spaces();
    if (peek() != '=') {
      fail("expected '=' after key '" + path.back() + "'");
      return;
    }
    advance();
    skip_spaces();
    Value v = value();
    if (failed()) return;
    Value* t = &table;
    for (std::size_t k = 0; k + 1 < path.size(); ++k)
      if (!(t = descend(*t, path[k], line))) return;
    if (t->find(path.back())) {
      fail("key '" + path.back() + "' is defined twice");
      return;
    }
    t->insert(path.back(), std::move(v));
  }

  // The caller checks failed() before it uses the value.
  Value value() {
    Value v;
    v.line = line_;
    const char c = peek();
    if (starts_with("\"\"\"")) {
      v.type = Value::Type::String;
      v.string = multiline_basic_string();
    } else if (starts_with("'''")) {
      v.type = Value::Type::String;
      v.string = multiline_literal_string();
    } else if (c == '"') {
      v.type = Value::Type::String;
      v.string = basic_string();
    } else if (c == '\'') {
      v.type = Value::Type::String;
      v.string = literal_string();
    } else if (c == '[' || c == '{') {
      // Arrays and inline tables nest by recursion: deep nesting is refused
      // before it could exhaust the stack (no exercise needs more than 3).
      if (nesting_ == kMaxNesting) {
        fail("arrays and inline tables nest deeper than " + std::to_string(kMaxNesting) + " levels");
        return v;
      }
      ++nesting_;
      if (c == '[') {
        v.type = Value::Type::Array;
        array(v);
      } else {
        v.type = Value::Type::Table;
        inline_table(v);
      }
      --nesting_;
    } else if (starts_with("true") && !bare_key_char(peek(4))) {
      v.type = Value::Type::Boolean;
      v.boolean = true;
      for (int k = 0; k < 4; ++k) advance();
    } else if (starts_with("false") && !bare_key_char(peek(5))) {
      v.type = Value::Type::Boolean;
      for (int k = 0; k < 5; ++k) advance();
    } else if (c == '+' || c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      number(v);
    } else if (at_end() || c == '\n' || c == '\r') {
      fail("missing value after '='");
    } else {
      fail(std::string("unexpected '") + c + "' where a value should start (strings need quotes)");
    }
    return v;
  }

  void number(Value& v) {
    std::string digits;
    bool is_float = false;
    while (!at_end()) {
      const char c = peek();
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-') {
        digits.push_back(c);
      } else if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
        digits.push_back(c);
      } else if (c != '_') {
        break;
      }
      advance();
    }
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    if (*first == '+') ++first;
    if (is_float) {
      v.type = Value::Type::Float;
      const std::string_view text(first, static_cast<std::size_t>(last - first));
      if (decimal::parse(text, v.floating) != text.size()) fail("malformed number '" + digits + "'");
    } else {
      v.type = Value::Type::Integer;
      auto [ptr, ec] = std::from_chars(first, last, v.integer);
      if (ec != std::errc() || ptr != last) fail("malformed or too large integer '" + digits + "'");
    }
  }

  void array(Value& v) {
    advance();  // '['
    while (true) {
      skip_whitespace_and_comments();
      if (at_end()) {
        fail("unterminated array (missing ']')");
        return;
      }
      if (peek() == ']') {
        advance();
        return;
      }
      Value item = value();
      if (failed()) return;
      v.items.push_back(std::move(item));
      skip_whitespace_and_comments();
      if (peek() == ',') {
        advance();
      } else if (peek() == ']') {
        advance();
        return;
      } else {
        fail("expected ',' or ']' in array");
        return;
      }
    }
  }

  void inline_table(Value& v) {
    advance();  // '{'
    skip_spaces();
    if (peek() == '}') {
      advance();
      return;
    }
    while (true) {
      key_value(v);
      if (failed()) return;
      skip_spaces();
      if (peek() == ',') {
        advance();
      } else if (peek() == '}') {
        advance();
        return;
      } else {
        fail("expected ',' or '}' in inline table (inline tables stay on one line)");
        return;
      }
    }
  }

  // The code point of the escape's hex digits; the caller checks failed().
  std::uint32_t hex_escape(int digits) {
    std::uint32_t cp = 0;
    for (int k = 0; k < digits; ++k) {
      const char c = peek();
      if (!std::isxdigit(static_cast<unsigned char>(c))) {
        fail("bad \\u escape");
        return 0;
      }
      cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
      advance();
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      fail("\\u escape is not a Unicode scalar value");
      return 0;
    }
    return cp;
  }

  void escape(std::string& out) {
    advance();  // backslash
    const char c = peek();
    if (at_end()) {
      fail("unterminated string");
      return;
    }
    advance();
    switch (c) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u':
      case 'U': {
        const std::uint32_t cp = hex_escape(c == 'u' ? 4 : 8);
        if (!failed()) append_utf8(out, cp);
        break;
      }
      default: fail(std::string("unknown escape '\\") + c + "' (use a literal '...' string for LaTeX)");
    }
  }

  // The strings are empty when they fail; the caller checks failed().
  std::string basic_string() {
    advance();  // '"'
    std::string out;
    while (true) {
      if (at_end() || peek() == '\n') {
        fail("unterminated string");
        return {};
      }
      const char c = peek();
      if (c == '"') {
        advance();
        return out;
      }
      if (c == '\\') {
        escape(out);
        if (failed()) return {};
      } else {
        out.push_back(c);
        advance();
      }
    }
  }

  std::string literal_string() {
    advance();  // '\''
    std::string out;
    while (true) {
      if (at_end() || peek() == '\n') {
        fail("unterminated string");
        return {};
      }
      if (peek() == '\'') {
        advance();
        return out;
      }
      out.push_back(peek());
      advance();
    }
  }

  void skip_first_newline() {
    if (peek() == '\r' && peek(1) == '\n') advance();
    if (peek() == '\n') advance();
  }

  std::string multiline_basic_string() {
    const int start = line_;
    for (int k = 0; k < 3; ++k) advance();
    skip_first_newline();
    std::string out;
    while (true) {
      if (at_end()) {
        fail_at(start, "unterminated \"\"\" string");
        return {};
      }
      if (starts_with("\"\"\"")) {
        for (int k = 0; k < 3; ++k) advance();
        return out;
      }
      if (peek() == '\\') {
        // A backslash at the end of a line joins it with the next non-blank text.
        std::size_t j = i_ + 1;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t' || s_[j] == '\r')) ++j;
        if (j < s_.size() && s_[j] == '\n') {
          advance();
          while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) advance();
          continue;
        }
        escape(out);
        if (failed()) return {};
      } else {
        out.push_back(peek());
        advance();
      }
    }
  }

  std::string multiline_literal_string() {
    const int start = line_;
    for (int k = 0; k < 3; ++k) advance();
    skip_first_newline();
    std::string out;
    while (true) {
      if (at_end()) {
        fail_at(start, "unterminated ''' string");
        return {};
      }
      if (starts_with("'''")) {
        for (int k = 0; k < 3; ++k) advance();
        return out;
      }
      out.push_back(peek());
      advance();
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
  int nesting_ = 0;  // arrays and inline tables open around the value being read
  std::optional<Error> error_;
};

}  // namespace

ParseOutcome parse(std::string_view text) {
  Reader reader(text);
  ParseOutcome out;
  out.document = reader.document();
  out.error = reader.error();
  return out;
}

}  // namespace calc::toml
