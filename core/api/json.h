#pragma once
// A minimal JSON writer. The core's outward API (CLI output and the wasm
// bindings) speaks JSON text, so no C++ object or exception crosses into JS and
// native and wasm builds can be compared byte for byte.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace calc::json {

// Appends s as a JSON string literal (quotes included), escaping control
// characters, quotes and backslashes; other UTF-8 passes through unchanged.
void append_string(std::string& out, std::string_view s);
// Appends a number with 17 significant digits; NaN and infinities become null.
void append_number(std::string& out, double v);

// Builds one JSON object or array in order. Usage:
//   Writer w; w.begin_object(); w.key("verdict"); w.value("correct"); w.end_object();
class Writer {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(double v);
  void value(std::int64_t v);
  void value(int v) { value(static_cast<std::int64_t>(v)); }
  void value(bool b);
  void null();
  // Inserts already-serialized JSON (e.g. a nested result).
  void raw(std::string_view json);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace calc::json
