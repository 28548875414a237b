#include "api/json_reader.h"

#include "expr/decimal.h"
#include "util/utf8.h"

namespace calc::json {

ApiResult<std::vector<double>> JsonReader::number_array() {
  std::vector<double> out;
  if (!expect('[')) return error();
  if (peek() == ']') {
    ++i_;
  } else {
    for (;;) {
      const std::optional<double> v = number();
      if (!v) return error();
      out.push_back(*v);
      if (peek() == ',') { ++i_; continue; }
      if (!expect(']')) return error();
      break;
    }
  }
  if (!at_end()) return error();
  return out;
}

ApiResult<Members<double>> JsonReader::number_object() {
  std::optional<Members<double>> out = object<double>([&](double& v) {
    const std::optional<double> n = number();
    if (n) v = *n;
    return n.has_value();
  });
  if (!out || !at_end()) return error();
  return std::move(*out);
}

ApiResult<std::vector<Members<std::string>>> JsonReader::string_object_array() {
  std::vector<Members<std::string>> out;
  const auto read_string = [&](std::string& v) {
    std::optional<std::string> s = string();
    if (s) v = std::move(*s);
    return s.has_value();
  };
  if (!expect('[')) return error();
  if (peek() == ']') {
    ++i_;
  } else {
    for (;;) {
      std::optional<Members<std::string>> o = object<std::string>(read_string);
      if (!o) return error();
      out.push_back(std::move(*o));
      if (peek() == ',') { ++i_; continue; }
      if (!expect(']')) return error();
      break;
    }
  }
  if (!at_end()) return error();
  return out;
}

template <class T, class ReadValue>
std::optional<Members<T>> JsonReader::object(ReadValue read_value) {
  Members<T> out;
  if (!expect('{')) return std::nullopt;
  if (peek() == '}') {
    ++i_;
    return out;
  }
  for (;;) {
    std::optional<std::string> k = string();
    if (!k || !expect(':')) return std::nullopt;
    T v{};
    if (!read_value(v)) return std::nullopt;
    out.emplace_back(std::move(*k), std::move(v));
    if (peek() == ',') { ++i_; continue; }
    if (!expect('}')) return std::nullopt;
    return out;
  }
}

// Each reading step stops where the text goes wrong, so the error names the
// character it stopped at.
char JsonReader::peek() {
  while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  return i_ < s_.size() ? s_[i_] : '\0';
}

bool JsonReader::expect(char c) {
  if (peek() != c) return false;
  ++i_;
  return true;
}

// The end of the text, not a NUL character inside it.
bool JsonReader::at_end() {
  peek();
  return i_ == s_.size();
}

std::optional<double> JsonReader::number() {
  peek();
  const std::size_t start = i_;
  while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '-' || s_[i_] == '+' || s_[i_] == '.' ||
                            s_[i_] == 'e' || s_[i_] == 'E'))
    ++i_;
  const std::string_view text = s_.substr(start, i_ - start);
  double v = 0;
  if (text.empty() || decimal::parse(text, v) != text.size()) return std::nullopt;
  return v;
}

// A string literal with every JSON escape, as UTF-8. Raw control characters
// are refused, as JSON requires; other bytes pass through unchanged.
std::optional<std::string> JsonReader::string() {
  if (!expect('"')) return std::nullopt;
  std::string out;
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (c == '"') {
      ++i_;
      return out;
    }
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    if (c == '\\') {
      ++i_;
      if (!escape(out)) return std::nullopt;
      continue;
    }
    // The run of plain characters up to the next quote, escape or control character.
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
    out.append(s_.substr(start, i_ - start));
  }
  return std::nullopt;
}

// The escape after a backslash. \uXXXX is a UTF-16 code unit: a high
// surrogate must be followed by an escaped low one (the pair is one code
// point); a surrogate alone is no character and is refused.
bool JsonReader::escape(std::string& out) {
  if (i_ >= s_.size()) return false;
  switch (s_[i_++]) {
    case '"': out.push_back('"'); return true;
    case '\\': out.push_back('\\'); return true;
    case '/': out.push_back('/'); return true;
    case 'b': out.push_back('\b'); return true;
    case 'f': out.push_back('\f'); return true;
    case 'n': out.push_back('\n'); return true;
    case 'r': out.push_back('\r'); return true;
    case 't': out.push_back('\t'); return true;
    case 'u': break;
    default: --i_; return false;
  }
  const std::optional<unsigned> unit = hex4();
  if (!unit || (*unit >= 0xDC00 && *unit <= 0xDFFF)) return false;
  if (*unit < 0xD800 || *unit > 0xDBFF) {
    append_utf8(out, *unit);
    return true;
  }
  if (s_.substr(i_, 2) != "\\u") return false;
  i_ += 2;
  const std::optional<unsigned> low = hex4();
  if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
  append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
  return true;
}

std::optional<unsigned> JsonReader::hex4() {
  unsigned v = 0;
  for (int k = 0; k < 4; ++k, ++i_) {
    if (i_ >= s_.size()) return std::nullopt;
    const char c = s_[i_];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return std::nullopt;
    v = v * 16 + static_cast<unsigned>(digit);
  }
  return v;
}

ApiError JsonReader::error() const {
  return {"bad-json", "Malformed JSON argument near character " + std::to_string(i_) + ".",
          "JSON 参数格式错误（第 " + std::to_string(i_) + " 个字符附近）。", {}, {}};
}

}  // namespace calc::json
