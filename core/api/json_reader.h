#pragma once
// Reads the JSON arguments the facade takes: an array of numbers (the limit
// table's steps), an object of numbers (evaluate's bindings) and an array of
// objects of strings (the exercise tool's TOML files). Each read takes the
// whole text and fails with a bad-json ApiError naming the character where it
// stopped. No recursion: the shapes are fixed, so no input can nest deeper
// than them. The token steps are public for the one reader of free-form JSON,
// the exercise trees' (exercise/tree_json.h), which bounds its own nesting.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/json.h"

namespace calc::json {

// An object's members, in order; a key may repeat.
template <class T>
using Members = std::vector<std::pair<std::string, T>>;

class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  ApiResult<std::vector<double>> number_array();
  ApiResult<Members<double>> number_object();
  // [{"key": "string", ...}, ...]: every member of every object a string.
  ApiResult<std::vector<Members<std::string>>> string_object_array();

  // Token steps. Each skips the whitespace before it; a failed one leaves the
  // position where the text went wrong.
  char peek();  // the next character, '\0' at the end
  bool expect(char c);
  bool at_end();  // the end of the text, not a NUL inside it
  std::optional<std::string> string();  // a string literal, every escape decoded to UTF-8
  std::size_t position() const { return i_; }
  void skip(std::size_t n) { i_ += n; }
  // bad-json: "Malformed JSON argument near character <position>."
  ApiError error() const;

 private:
  std::optional<double> number();
  bool escape(std::string& out);
  std::optional<unsigned> hex4();
  // Reads `{ "key": value, ... }`, value by read_value (false = stop).
  template <class T, class ReadValue>
  std::optional<Members<T>> object(ReadValue read_value);

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace calc::json
