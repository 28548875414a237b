#pragma once
// A minimal JSON writer. The core's outward API (CLI output and the wasm
// bindings) speaks JSON text, so no C++ object or exception crosses into JS and
// native and wasm builds can be compared byte for byte.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace calc::json {

// Appends s as a JSON string literal (quotes included), escaping control
// characters, quotes and backslashes; other UTF-8 passes through unchanged.
void append_string(std::string& out, std::string_view s);
// Appends a short decimal that reads back as the same double (Grisu2: the
// shortest in all but rare cases, at most 17 digits), the same text natively
// and in wasm; NaN and infinities become null.
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

// A failure an API call reports instead of its result. Throw it inside
// guarded_json; position and length point into the learner's text.
struct ApiError {
  std::string code, en, zh;
  std::optional<std::size_t> position, length;
};

// {"error": {"code", "en", "zh"[, "position", "length"]}}, the one shape every
// API call uses for failure (wasm/API.md).
std::string error_json(const ApiError& e);
// The error for anything unexpected (a bug, bad_alloc): the request failed, not the learner.
std::string internal_error_json();

// Runs body, which returns JSON text. A thrown ApiError becomes its error
// object and anything else the internal one, so no C++ exception crosses the
// API boundary into JS or the CLI.
template <class Body>
std::string guarded_json(Body&& body) {
  try {
    return body();
  } catch (const ApiError& e) {
    return error_json(e);
  } catch (...) {
    return internal_error_json();
  }
}

}  // namespace calc::json
