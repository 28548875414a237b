#pragma once
// A small reader for the subset of TOML the exercise files use. Every value
// remembers the line it was written on, so `workbook check` can report
// errors as file:line. Supported: comments, bare/quoted/dotted keys, [table]
// and [[array.of.tables]] headers, basic/literal strings (single- and
// multi-line), integers, floats, booleans, arrays (may span lines, trailing
// comma allowed) and one-line inline tables. Dates and times are not.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calc::toml {

class Value {
 public:
  enum class Type { String, Integer, Float, Boolean, Array, Table };

  Type type = Type::Table;
  int line = 0;  // 1-based line of the value (of the header for tables)

  std::string string;
  std::int64_t integer = 0;
  double floating = 0.0;
  bool boolean = false;
  std::vector<Value> items;  // Array elements
  // Table entries in file order; keys are unique.
  std::vector<std::string> keys;
  std::vector<Value> values;
  bool from_header = false;  // a table opened by a [header]; a second header for it is an error

  bool is_table() const { return type == Type::Table; }
  bool is_array() const { return type == Type::Array; }
  bool is_string() const { return type == Type::String; }
  bool is_number() const { return type == Type::Integer || type == Type::Float; }
  double number() const { return type == Type::Integer ? static_cast<double>(integer) : floating; }

  // Table lookup; nullptr when absent or when this is not a table.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  Value& insert(std::string key, Value v);  // caller checks uniqueness
  static std::string_view type_name(Type t);
};

struct Error {
  int line = 0;
  std::string message;
};

struct ParseOutcome {
  std::optional<Value> document;  // a Table
  std::optional<Error> error;
};

ParseOutcome parse(std::string_view text);

}  // namespace calc::toml
