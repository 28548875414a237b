#include "api/json.h"

#include "api/json_number.h"
#include "parse/parser.h"

namespace calc::json {

void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";  // printf's "\\u%04x", for c < 0x20
          out += "0123456789abcdef"[c >> 4];
          out += "0123456789abcdef"[c & 15];
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[kMaxNumberChars];
  out.append(buf, format_shortest(buf, v));
}

void Writer::separate() {
  if (need_comma_) out_.push_back(',');
  need_comma_ = true;
}

void Writer::begin_object() {
  separate();
  out_.push_back('{');
  need_comma_ = false;
}
void Writer::end_object() {
  out_.push_back('}');
  need_comma_ = true;
}
void Writer::begin_array() {
  separate();
  out_.push_back('[');
  need_comma_ = false;
}
void Writer::end_array() {
  out_.push_back(']');
  need_comma_ = true;
}
void Writer::key(std::string_view k) {
  separate();
  append_string(out_, k);
  out_.push_back(':');
  need_comma_ = false;
}
void Writer::value(std::string_view s) {
  separate();
  append_string(out_, s);
}
void Writer::value(double v) {
  separate();
  append_number(out_, v);
}
void Writer::value(std::int64_t v) {
  separate();
  out_ += std::to_string(v);
}
void Writer::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
}
void Writer::null() {
  separate();
  out_ += "null";
}
void Writer::raw(std::string_view json) {
  separate();
  out_ += json;
}

ApiError api_error(const ParseError& e) { return {e.code, e.message, e.message_zh, e.position, e.length}; }

void error_member(Writer& w, const ApiError& e) {
  w.key("error");
  w.begin_object();
  w.key("code");
  w.value(e.code);
  w.key("en");
  w.value(e.en);
  w.key("zh");
  w.value(e.zh);
  if (e.position) {
    w.key("position");
    w.value(static_cast<std::int64_t>(*e.position));
    w.key("length");
    w.value(static_cast<std::int64_t>(e.length.value_or(1)));
  }
  w.end_object();
}

std::string error_json(const ApiError& e) {
  Writer w;
  w.begin_object();
  error_member(w, e);
  w.end_object();
  return w.take();
}

std::string internal_error_json() {
  return error_json({"internal", "The core could not handle this request.", "核心无法处理这个请求。", {}, {}});
}

}  // namespace calc::json
