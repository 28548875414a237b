#pragma once
// The grading facade: exercise catalog, live preview, grading, hints,
// solutions and variants as JSON text (shapes in wasm/API.md). Every failure
// is reported in the text itself, so the CLI and the wasm bindings can pass
// it straight on.
#include <cstdint>
#include <string>
#include <string_view>

namespace calc::exercise {
struct Catalog;
}

namespace calc::api {

// Exercises from the catalog compiled into the core (exercises/*.toml).
std::string catalog_json();
// Parses `text` in the box's declared context: {ok, latex, text} or
// {ok:false, error:{code, en, zh, position, length}}.
std::string preview_json(std::string_view box_id, std::string_view text);
// {verdict, score, feedback:[{code, zh, en}], position?, length?, latex?};
// verdict is correct | incorrect | invalid | undecided, or
// {error:{code:"unknown-box", en, zh}} for an id the catalog lacks. seed 0 = the book's numbers.
std::string grade_json(std::string_view box_id, std::string_view answer, std::uint64_t seed);
// The same against another catalog (the CLI's --exercises DIR).
std::string grade_json(const exercise::Catalog& catalog, std::string_view box_id, std::string_view answer,
                       std::uint64_t seed);
std::string hint_json(std::string_view box_id, int index, std::uint64_t seed);
std::string solution_json(std::string_view box_id, std::uint64_t seed);
std::string variant_json(std::string_view exercise_id, std::uint64_t seed);

}  // namespace calc::api
