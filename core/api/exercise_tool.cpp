#include "api/exercise_tool.h"

#include <vector>

#include "api/exercise_files.h"
#include "api/json.h"
#include "exercise/catalog.h"
#include "exercise/toml.h"
#include "exercise/tree_json.h"

namespace calc::api {

std::string exercise_trees_json(std::string_view files_json) {
  const json::ApiResult<std::vector<exercise::SourceFile>> files = read_exercise_files(files_json);
  if (!files.ok()) return json::error_json(files.error());
  // The catalog's own errors, exactly as the native programs report them.
  const exercise::Catalog catalog = exercise::build_catalog(*files);
  std::vector<exercise::LoadError> errors = catalog.errors;
  json::Writer w;
  w.begin_object();
  w.key("files");
  w.begin_array();
  for (const auto& f : *files) {
    // A file the TOML reader refuses is among the catalog's errors already.
    const toml::ParseOutcome parsed = toml::parse(f.text);
    if (!parsed.document) continue;
    const exercise::TreeJson tree = exercise::tree_json(*parsed.document);
    if (tree.error) {
      errors.push_back({f.name, tree.error->line, tree.error->message});
      continue;
    }
    w.begin_object();
    w.key("name");
    w.value(f.name);
    w.key("tree");
    w.raw(tree.json);
    w.end_object();
  }
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const auto& e : errors) load_error_json(w, e);
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace calc::api
