#pragma once
// A minimal JSON writer. The core's outward API (CLI output and the wasm
// bindings) speaks JSON text, so no C++ object crosses into JS and native and
// wasm builds can be compared byte for byte.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace calc {
struct ParseError;
}

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

// A failure an API call reports instead of its result; position and length
// point into the learner's text.
struct ApiError {
  std::string code, en, zh;
  std::optional<std::size_t> position, length;
};

// A step's value, or the ApiError the call reports in its place. The facade's
// steps return one and each caller hands an error on at once: errors are
// values, so the core builds without C++ exceptions.
template <class T>
class ApiResult {
 public:
  ApiResult(T value) : value_(std::move(value)) {}
  ApiResult(ApiError error) : error_(std::move(error)) {}

  bool ok() const { return !error_; }
  const ApiError& error() const { return *error_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  std::optional<ApiError> error_;
};

// A parse error of the learner's text as the API reports it.
ApiError api_error(const ParseError& e);

// {"error": {"code", "en", "zh"[, "position", "length"]}}, the one shape every
// API call uses for failure (wasm/API.md): error_member writes the member
// into an open object, error_json is the object with it alone.
void error_member(Writer& w, const ApiError& e);
std::string error_json(const ApiError& e);
// The error for a request the core could not handle (a bug): the request
// failed, not the learner.
std::string internal_error_json();

}  // namespace calc::json
