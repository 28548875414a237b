#include "api/json.h"

#include <cstdio>

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
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
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
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  out += buf;
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

}  // namespace calc::json
