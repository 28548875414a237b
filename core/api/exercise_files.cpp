#include "api/exercise_files.h"

#include <optional>
#include <string>
#include <utility>

#include "api/json_reader.h"
#include "exercise/tree_json.h"

namespace calc::api {

namespace {

// index counts from 0; the message from 1.
json::ApiError bad_shape(std::size_t index, std::string_view second, std::string_view second_zh) {
  const std::string n = std::to_string(index + 1);
  return {"bad-json", "Exercise file " + n + " needs one string \"name\" and one " + std::string(second) + ".",
          "第 " + n + " 个练习文件需要一个字符串 \"name\" 和一个" + std::string(second_zh) + "（各一个）。", {}, {}};
}

std::optional<json::ApiError> over_bound(std::string_view files_json) {
  if (files_json.size() <= kMaxExerciseFilesJson) return std::nullopt;
  return json::ApiError{"bad-arguments", "The exercise files are larger than 4 MiB together.",
                        "练习文件合计超过 4 MiB。", {}, {}};
}

}  // namespace

void load_error_json(json::Writer& w, const exercise::LoadError& e) {
  w.begin_object();
  w.key("file");
  w.value(e.file);
  w.key("line");
  w.value(e.line);
  w.key("message");
  w.value(e.message);
  w.end_object();
}

json::ApiResult<std::vector<exercise::TreeFile>> read_exercise_trees(std::string_view files_json) {
  if (auto error = over_bound(files_json)) return *error;
  // The array and each file's object are two levels above the tree.
  json::ApiResult<toml::Value> list = exercise::read_tree_json(files_json, exercise::kMaxTreeNesting + 2);
  if (!list.ok()) return list.error();
  if (!(*list).is_array()) return json::JsonReader(files_json).error();
  std::vector<exercise::TreeFile> files;
  std::vector<toml::Value>& items = (*list).items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    toml::Value* name = items[i].find("name");
    toml::Value* tree = items[i].find("tree");
    if (!name || !name->is_string() || !tree || !tree->is_table())
      return bad_shape(i, "object \"tree\"", "对象 \"tree\"");
    files.push_back({std::move(name->string), std::move(*tree)});
  }
  return files;
}

json::ApiResult<std::vector<exercise::SourceFile>> read_exercise_files(std::string_view files_json) {
  if (auto error = over_bound(files_json)) return *error;
  json::ApiResult<std::vector<json::Members<std::string>>> objects =
      json::JsonReader(files_json).string_object_array();
  if (!objects.ok()) return objects.error();
  std::vector<exercise::SourceFile> files;
  for (std::size_t i = 0; i < (*objects).size(); ++i) {
    std::optional<std::string> name, text;
    for (auto& [key, value] : (*objects)[i]) {
      std::optional<std::string>* member = key == "name" ? &name : key == "text" ? &text : nullptr;
      if (!member) continue;
      if (*member) return bad_shape(i, "string \"text\"", "字符串 \"text\"");
      *member = std::move(value);
    }
    if (!name || !text) return bad_shape(i, "string \"text\"", "字符串 \"text\"");
    files.push_back({std::move(*name), std::move(*text)});
  }
  return files;
}

}  // namespace calc::api
