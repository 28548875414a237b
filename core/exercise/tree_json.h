#pragma once
// An exercise file's document (the toml::Value tree) as JSON: the form the
// page hands its exercises to the core in (api::load_exercises_json), so the
// page's module carries no TOML reader. The site build reads exercises/*.toml
// with every check and writes their trees (the exercise tool, wasm/API.md).
//   table   -> object, keys in file order
//   array   -> array
//   string  -> string
//   integer -> integer: digits only, no '.' and no exponent
//   float   -> a number with a '.' or an exponent, so it reads back as a float
//   boolean -> true / false
// JSON null has no TOML counterpart and is refused; so are inf and nan, which
// JSON cannot write. Lines are not carried: every value read from JSON has
// line 0, and a load error then reads "file: message".
#include <optional>
#include <string>
#include <string_view>

#include "api/json.h"
#include "exercise/toml.h"

namespace calc::exercise {

// How deep one file's tree may nest tables and arrays (its root table is the
// first level): the TOML reader's bound on arrays and inline tables. An
// exercise file needs 4.
constexpr int kMaxTreeNesting = 32;

// How many values (strings, numbers, tables, arrays, ...) one read builds at
// most: the shipped exercises are ~800. Without it the 4 MiB bound on the
// input (api/exercise_files.h) would still let [0,0,0,...] build two
// million tree nodes, hundreds of MB.
constexpr int kMaxTreeValues = 200000;

struct TreeJson {
  std::string json;
  std::optional<toml::Error> error;  // a float that is not finite, or nesting beyond kMaxTreeNesting
};

TreeJson tree_json(const toml::Value& tree);

// One JSON value (the whole text) as a tree, nesting at most max_nesting
// arrays and objects deep. Malformed JSON, null, a repeated key, an integer
// beyond 64 bits, a float beyond the doubles, deeper nesting or more than
// kMaxTreeValues values are bad-json,
// the message naming the character where reading stopped.
json::ApiResult<toml::Value> read_tree_json(std::string_view text, int max_nesting);

}  // namespace calc::exercise
