#pragma once
// Reads the JSON arguments the facade takes: an array of numbers (the limit
// table's steps), an object of numbers (evaluate's bindings) and an array of
// objects of strings (the exercise files). Each read takes the whole text and
// fails with a bad-json ApiError naming the character where it stopped. No
// recursion: the shapes are fixed, so no input can nest deeper than them.
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


 private:
  ApiError error() const;
  char peek();
  bool expect(char c);
  bool at_end();
  std::optional<double> number();
  std::optional<std::string> string();
  bool escape(std::string& out);
  std::optional<unsigned> hex4();
  // Reads `{ "key": value, ... }`, value by read_value (false = stop).
  template <class T, class ReadValue>
  std::optional<Members<T>> object(ReadValue read_value);

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace calc::json
