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

// The facade grades against one loaded catalog. Before the first load it is
// empty: catalog_json() lists no exercise, every box id is unknown-box and
// every exercise id unknown-exercise. A load replaces the catalog and drops
// every prepared box.
//
// files_json: [{"name":"calculus.example.toml","tree":{<the file's document>}}, ...],
// each tree the JSON form of the file's TOML (exercise/tree_json.h), which the
// site build writes with the exercise tool (exercise_tool.h) after checking
// the files: the page's module reads no TOML. Builds a catalog from the trees
// (a file that fails to load is left out, the others load) and makes it the
// facade's; returns {"exercises":N,"boxes":M,"errors":[{"file","line","message"}]}
// (errors empty when all loaded; line is 0, as trees carry no lines).
// Malformed JSON or another shape gives {"error":{"code":"bad-json",…}}, a
// text over 4 MiB bad-arguments; the current catalog is then kept.
std::string load_exercises_json(std::string_view files_json);
// The same for C++ callers with a catalog in hand (the CLI, tests, bench).
void load_catalog(exercise::Catalog catalog);

// The loaded exercises.
std::string catalog_json();
// Parses `text` in the box's declared context: {ok, latex, text} or
// {ok:false, error:{code, en, zh, position, length}}.
std::string preview_json(std::string_view box_id, std::string_view text);
// {verdict, score, feedback:[{code, zh, en}], position?, length?, latex?};
// verdict is correct | incorrect | invalid | undecided, or
// {error:{code:"unknown-box", en, zh}} for an id the catalog lacks. seed 0 = the book's numbers.
std::string grade_json(std::string_view box_id, std::string_view answer, std::uint64_t seed);
std::string hint_json(std::string_view box_id, int index, std::uint64_t seed);
std::string solution_json(std::string_view box_id, std::uint64_t seed);
std::string variant_json(std::string_view exercise_id, std::uint64_t seed);

}  // namespace calc::api
