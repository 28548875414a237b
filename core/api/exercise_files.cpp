#include "api/exercise_files.h"

#include <optional>
#include <string>
#include <utility>

#include "api/json_reader.h"

namespace calc::api {

namespace {

// index counts from 0; the message from 1.
json::ApiError bad_shape(std::size_t index) {
  const std::string n = std::to_string(index + 1);
  return {"bad-json", "Exercise file " + n + " needs one string \"name\" and one string \"text\".",
          "第 " + n + " 个练习文件需要一个字符串 \"name\" 和一个字符串 \"text\"（各一个）。", {}, {}};
}

}  // namespace

json::ApiResult<std::vector<exercise::SourceFile>> read_exercise_files(std::string_view files_json) {
  if (files_json.size() > kMaxExerciseFilesJson)
    return json::ApiError{"bad-arguments", "The exercise files are larger than 4 MiB together.",
                          "练习文件合计超过 4 MiB。", {}, {}};
  json::ApiResult<std::vector<json::Members<std::string>>> objects =
      json::JsonReader(files_json).string_object_array();
  if (!objects.ok()) return objects.error();
  std::vector<exercise::SourceFile> files;
  for (std::size_t i = 0; i < (*objects).size(); ++i) {
    std::optional<std::string> name, text;
    for (auto& [key, value] : (*objects)[i]) {
      std::optional<std::string>* member = key == "name" ? &name : key == "text" ? &text : nullptr;
      if (!member) continue;
      if (*member) return bad_shape(i);
      *member = std::move(value);
    }
    if (!name || !text) return bad_shape(i);
    files.push_back({std::move(*name), std::move(*text)});
  }
  return files;
}

}  // namespace calc::api
