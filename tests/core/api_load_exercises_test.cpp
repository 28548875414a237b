// The facade's catalog is what it was handed: load_exercises_json reads the
// page's files ([{name, tree}] as JSON, each tree the file's TOML document),
// leaves a broken file out with its name (trees carry no lines), refuses
// malformed JSON without touching the loaded catalog, and a second load
// replaces the first, prepared boxes included. Before any load the catalog is
// empty. The JSON reader's strings take every JSON escape.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/exercise_files.h"
#include "api/grade_api.h"
#include "api/json.h"
#include "api/json_reader.h"
#include "exercise/builtin.h"
#include "exercise/toml.h"
#include "exercise/tree_json.h"
#include "exercise_fixture.h"
#include "facade_environment.h"
#include "numeric_json_reader.h"

namespace {

using namespace calc;
using testing_support::Json;
using testing_support::parse_json;

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// A one-box exercise `id` whose box `id`/d asks for the derivative of f.
// `kind` is the box's kind line (line 12 of the file).
std::string exercise_text(const std::string& id, const std::string& f, const std::string& kind = "expression") {
  std::string text = exercise::fixture::header() + exercise::fixture::kBox;
  replace_all(text, "t.bad", id);
  replace_all(text, "3x^2", f);
  replace_all(text, "kind = \"expression\"", "kind = \"" + kind + "\"");
  return text;
}

struct File {
  std::string name, text;
};

// A TOML file's tree as JSON (exercise/tree_json.h), as the site build writes it.
std::string tree_of(const std::string& toml_text) {
  const toml::ParseOutcome parsed = toml::parse(toml_text);
  EXPECT_TRUE(parsed.document) << (parsed.error ? parsed.error->message : "");
  if (!parsed.document) return "{}";
  const exercise::TreeJson tree = exercise::tree_json(*parsed.document);
  EXPECT_FALSE(tree.error) << tree.error->message;
  return tree.json;
}

// The files as the page hands them over: [{"name": …, "tree": {…}}, …].
std::string files_json(const std::vector<File>& files) {
  std::string out = "[";
  for (const auto& f : files) {
    if (out.size() > 1) out += ',';
    out += "{\"name\":";
    json::append_string(out, f.name);
    out += ",\"tree\":" + tree_of(f.text) + '}';
  }
  return out + "]";
}

std::string verdict(const std::string& box, const std::string& answer, std::uint64_t seed = 0) {
  const Json j = parse_json(api::grade_json(box, answer, seed));
  return j.has("verdict") ? j["verdict"].string : j["error"]["code"].string;
}

std::vector<std::string> exercise_ids() {
  const Json catalog = parse_json(api::catalog_json());  // a range-for over a member of a temporary would dangle
  std::vector<std::string> ids;
  for (const auto& ex : catalog["exercises"].array) ids.push_back(ex["id"].string);
  return ids;
}

// Each test loads its own files; the compiled-in catalog is loaded again
// after it for the other suites.
class LoadExercises : public ::testing::Test {
 protected:
  void TearDown() override { testing_support::reload_builtin_catalog(); }
};

TEST_F(LoadExercises, TheCatalogIsEmptyBeforeAnyLoad) {
  const auto& before = testing_support::facade_before_load();
  EXPECT_EQ(before.catalog, R"({"exercises":[]})");
  for (const std::string* box_answer : {&before.preview, &before.grade, &before.hint, &before.solution})
    EXPECT_EQ(parse_json(*box_answer)["error"]["code"].string, "unknown-box") << *box_answer;
  EXPECT_EQ(parse_json(before.variant)["error"]["code"].string, "unknown-exercise") << before.variant;
  // Those same ids exist once the compiled-in catalog is loaded.
  EXPECT_EQ(verdict("calculus.example-derivative", "6x - 4"), "correct");
  EXPECT_TRUE(parse_json(api::variant_json("calculus.example", 0)).has("boxes"));
}

TEST_F(LoadExercises, LoadsTheFilesAndGradesTheirBoxes) {
  const std::string result = api::load_exercises_json(
      files_json({{"one.toml", exercise_text("t.one", "3x^2")}, {"two.toml", exercise_text("t.two", "x^3")}}));
  EXPECT_EQ(result, R"({"exercises":2,"boxes":2,"errors":[]})");
  EXPECT_EQ(exercise_ids(), (std::vector<std::string>{"t.one", "t.two"}));
  EXPECT_EQ(verdict("t.one/d", "6x"), "correct");
  EXPECT_EQ(verdict("t.two/d", "3x^2"), "correct");
  EXPECT_EQ(verdict("t.two/d", "6x"), "incorrect");
  EXPECT_EQ(parse_json(api::solution_json("t.two/d", 0))["answer"]["text"].string, "3*x^2");
  EXPECT_EQ(parse_json(api::hint_json("t.one/d", 0, 0))["count"].number, 1);
  EXPECT_TRUE(parse_json(api::preview_json("t.one/d", "6x"))["ok"].boolean);
  // The compiled-in exercises are not in this catalog.
  EXPECT_EQ(verdict("calculus.example-derivative", "6x - 4"), "unknown-box");
  EXPECT_EQ(parse_json(api::variant_json("calculus.example", 0))["error"]["code"].string, "unknown-exercise");
}

TEST_F(LoadExercises, TheShippedFilesAsJsonGiveTheCompiledInCatalog) {
  // What the page does: every exercises/*.toml under its own name.
  std::vector<File> files;
  for (const auto& f : exercise::embedded_sources()) files.push_back({f.name.substr(f.name.rfind('/') + 1), f.text});
  ASSERT_GE(files.size(), 9u);
  const std::string compiled_in = api::catalog_json();
  std::size_t boxes = 0;
  for (const auto& ex : exercise::builtin_catalog().exercises) boxes += ex.boxes.size();
  EXPECT_EQ(api::load_exercises_json(files_json(files)),
            R"({"exercises":)" + std::to_string(exercise::builtin_catalog().exercises.size()) +
                R"(,"boxes":)" + std::to_string(boxes) + R"(,"errors":[]})");
  EXPECT_EQ(api::catalog_json(), compiled_in);
  EXPECT_EQ(verdict("calculus.ex1-tangent/line", "y = 4(x-1)"), "correct");
}

TEST_F(LoadExercises, ABrokenFileIsReportedWithItsNameAndTheOthersLoad) {
  const Json result = parse_json(api::load_exercises_json(files_json({{"one.toml", exercise_text("t.one", "3x^2")},
                                                                      {"broken.toml", exercise_text("t.broken", "x", "nonsense")},
                                                                      {"two.toml", exercise_text("t.two", "x^3")}})));
  EXPECT_EQ(result["exercises"].number, 2);
  EXPECT_EQ(result["boxes"].number, 2);
  ASSERT_EQ(result["errors"].size(), 1u);
  const Json& error = result["errors"][0];
  EXPECT_EQ(error["file"].string, "broken.toml");
  // A tree carries no lines (the site build's check reported line 12).
  EXPECT_EQ(error["line"].number, 0);
  EXPECT_NE(error["message"].string.find("nonsense"), std::string::npos) << error["message"].string;
  const exercise::LoadError e{"broken.toml", 0, error["message"].string};
  EXPECT_EQ(e.format(), "broken.toml: " + e.message);
  EXPECT_EQ((exercise::LoadError{"broken.toml", 12, e.message}.format()), "broken.toml:12: " + e.message);
  EXPECT_EQ(exercise_ids(), (std::vector<std::string>{"t.one", "t.two"}));
  EXPECT_EQ(verdict("t.broken/d", "1"), "unknown-box");
  EXPECT_EQ(verdict("t.two/d", "3x^2"), "correct");
  // An exercise id used by two files: the second file is left out.
  const Json clash = parse_json(api::load_exercises_json(
      files_json({{"one.toml", exercise_text("t.one", "3x^2")}, {"again.toml", exercise_text("t.one", "x^3")}})));
  EXPECT_EQ(clash["exercises"].number, 1);
  ASSERT_EQ(clash["errors"].size(), 1u);
  EXPECT_EQ(clash["errors"][0]["file"].string, "again.toml");
  EXPECT_EQ(clash["errors"][0]["line"].number, 0);
  EXPECT_EQ(verdict("t.one/d", "6x"), "correct");
}

TEST_F(LoadExercises, ASecondLoadReplacesTheFirstAndItsPreparedBoxes) {
  api::load_exercises_json(
      files_json({{"one.toml", exercise_text("t.one", "3x^2")}, {"only.toml", exercise_text("t.only", "x^2")}}));
  // Graded twice, so the box is prepared and served from the cache.
  EXPECT_EQ(verdict("t.one/d", "6x"), "correct");
  EXPECT_EQ(verdict("t.one/d", "6x"), "correct");
  EXPECT_EQ(verdict("t.one/d", "6x", 5), "correct");
  EXPECT_EQ(verdict("t.only/d", "2x"), "correct");
  // The same box id, now the derivative of x^3.
  EXPECT_EQ(api::load_exercises_json(files_json({{"one.toml", exercise_text("t.one", "x^3")}})),
            R"({"exercises":1,"boxes":1,"errors":[]})");
  EXPECT_EQ(verdict("t.one/d", "6x"), "incorrect");
  EXPECT_EQ(verdict("t.one/d", "6x", 5), "incorrect");
  EXPECT_EQ(verdict("t.one/d", "3x^2"), "correct");
  EXPECT_EQ(verdict("t.only/d", "2x"), "unknown-box");
  EXPECT_EQ(exercise_ids(), (std::vector<std::string>{"t.one"}));
  // An empty array is a load too: it empties the catalog.
  EXPECT_EQ(api::load_exercises_json("[]"), R"({"exercises":0,"boxes":0,"errors":[]})");
  EXPECT_EQ(api::catalog_json(), R"({"exercises":[]})");
  EXPECT_EQ(verdict("t.one/d", "3x^2"), "unknown-box");
}

TEST_F(LoadExercises, MalformedJsonIsRefusedAndTheCatalogKept) {
  const std::string good = files_json({{"one.toml", exercise_text("t.one", "3x^2")}});
  ASSERT_EQ(api::load_exercises_json(good), R"({"exercises":1,"boxes":1,"errors":[]})");
  const std::string loaded = api::catalog_json();
  const std::vector<std::string> malformed = {
      "",
      "   ",
      "null",
      "{}",
      "[1]",
      R"(["one.toml"])",
      "[{]",
      "[{}]",
      R"([{"name":"a.toml"}])",
      R"([{"tree":{}}])",
      R"([{"name":1,"tree":{}}])",
      R"([{"name":"a.toml","tree":["x"]}])",
      R"([{"name":"a.toml","tree":"x"}])",
      R"([{"name":"a.toml","text":"id = 1"}])",
      R"([{"name":"a.toml","tree":{},"name":"b.toml"}])",
      R"([{"name":"a.toml","tree":{}},])",
      R"([{"name":"a.toml","tree":{}}] x)",
      R"([{"name":"a.toml","tree":{}}][])",
      R"([{"name":"a.toml" "tree":{}}])",
      R"([{"name":'a.toml',"tree":{}}])",
      // Values a tree cannot hold or JSON does not allow.
      R"([{"name":"a","tree":{"x":null}}])",
      R"([{"name":"a","tree":{"x":01}}])",
      R"([{"name":"a","tree":{"x":-}}])",
      R"([{"name":"a","tree":{"x":+1}}])",
      R"([{"name":"a","tree":{"x":1.}}])",
      R"([{"name":"a","tree":{"x":.5}}])",
      R"([{"name":"a","tree":{"x":1e}}])",
      R"([{"name":"a","tree":{"x":1e+}}])",
      R"([{"name":"a","tree":{"x":0x10}}])",
      R"([{"name":"a","tree":{"x":1e999}}])",
      R"([{"name":"a","tree":{"x":-1e400}}])",
      R"([{"name":"a","tree":{"x":9223372036854775808}}])",
      R"([{"name":"a","tree":{"x":NaN}}])",
      R"([{"name":"a","tree":{"x":Infinity}}])",
      R"([{"name":"a","tree":{"x":tru}}])",
      R"([{"name":"a","tree":{"x":True}}])",
      R"([{"name":"a","tree":{"x":[1,]}}])",
      R"([{"name":"a","tree":{"x":1,"x":2}}])",
      R"([{"name":"a","tree":{"x":{"b":1,"a":2,"b":3}}}])",
      R"([{"name":"a","tree":{1:2}}])",
      // Escapes: unknown, short, not hex, and surrogates alone or out of order.
      R"([{"name":"a\x.toml","tree":{}}])",
      R"([{"name":"a\u12.toml","tree":{}}])",
      R"([{"name":"a\uZZZZ","tree":{}}])",
      R"([{"name":"\ud83d","tree":{}}])",
      R"([{"name":"\ud83d\u0041","tree":{}}])",
      R"([{"name":"\ud83dx","tree":{}}])",
      R"([{"name":"\ude00\ud83d","tree":{}}])",
      R"([{"name":"\ude00","tree":{}}])",
      R"([{"name":"a","tree":{"x":"x\"}}])",
      // Raw control characters inside a string, and a NUL after the array.
      "[{\"name\":\"a\",\"tree\":{\"x\":\"line\nline\"}}]",
      "[{\"name\":\"a\",\"tree\":{\"x\":\"tab\tx\"}}]",
      std::string("[]\0", 3),
  };
  for (const auto& input : malformed) {
    const Json j = parse_json(api::load_exercises_json(input));
    EXPECT_EQ(j["error"]["code"].string, "bad-json") << input;
    EXPECT_FALSE(j["error"]["en"].string.empty()) << input;
    EXPECT_FALSE(j["error"]["zh"].string.empty()) << input;
  }
  // Every truncation of a good input.
  for (std::size_t n = 0; n < good.size(); ++n)
    EXPECT_EQ(parse_json(api::load_exercises_json(good.substr(0, n)))["error"]["code"].string, "bad-json") << n;
  // The reader says where it stopped, and why when it can; a shape error names the file.
  const auto message = [](const std::string& input) {
    return parse_json(api::load_exercises_json(input))["error"]["en"].string;
  };
  EXPECT_EQ(message(R"([{"name":"a","tree":{"x":tru}}])"), "Malformed JSON argument near character 25.");
  EXPECT_EQ(message(R"([{"name":"a","tree":{"x":01}}])"), "Malformed JSON argument near character 26.");
  EXPECT_EQ(message(R"([{"name":"a","tree":{"x":1,"x":2}}])"),
            "Malformed JSON argument near character 27: a key repeats.");
  EXPECT_EQ(message(R"([{"name":"a","tree":{"x":123456789012345678901}}])"),
            "Malformed JSON argument near character 25: an integer beyond 64 bits.");
  EXPECT_EQ(message(R"([{"name":"a","tree":{"x":1e999}}])"),
            "Malformed JSON argument near character 25: a number beyond the doubles.");
  EXPECT_EQ(message(R"([{"name":"a","tree":{}},{"name":"b"}])"),
            "Exercise file 2 needs one string \"name\" and one object \"tree\".");
  // Beyond the bound, nothing is read.
  const std::string huge = "[{\"name\":\"a.toml\",\"tree\":{\"x\":\"" + std::string(api::kMaxExerciseFilesJson, 'x') + "\"}}]";
  EXPECT_EQ(parse_json(api::load_exercises_json(huge))["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(api::catalog_json(), loaded);
  EXPECT_EQ(verdict("t.one/d", "6x"), "correct");
}

TEST_F(LoadExercises, TreeStringsMayUseEveryEscape) {
  // A title with an escaped quote, a newline, a non-ASCII letter and a
  // character beyond the BMP as a surrogate pair.
  std::string text = exercise_text("t.one", "3x^2");
  replace_all(text, "title.en = \"t\"", "title.en = \"\\\"é😀\\\" a/b\\n\"");
  std::string input = files_json({{"one.toml", text}});
  replace_all(input, "é", "\\u00e9");
  replace_all(input, "😀", "\\ud83d\\ude00");
  replace_all(input, "a/b", "a\\/b");
  ASSERT_NE(input.find("\\n"), std::string::npos);
  ASSERT_EQ(api::load_exercises_json(input), R"({"exercises":1,"boxes":1,"errors":[]})");
  EXPECT_EQ(parse_json(api::catalog_json())["exercises"][0]["title"]["en"].string, "\"é😀\" a/b\n");
}

TEST(JsonReader, StringsDecodeEveryEscapeToUtf8) {
  const auto read = [](const std::string& json) { return json::JsonReader(json).string_object_array(); };
  const auto objects = read(R"([{"k":"\"\\\/\b\f\n\r\t\u0041\u00e9\u4e2d\ud83d\ude00\uD83D\uDE00"}, {}, {"a":"","b":"x"}])");
  ASSERT_TRUE(objects.ok()) << objects.error().en;
  ASSERT_EQ((*objects).size(), 3u);
  EXPECT_EQ((*objects)[0][0].first, "k");
  EXPECT_EQ((*objects)[0][0].second, "\"\\/\b\f\n\r\tAé中😀😀");
  EXPECT_TRUE((*objects)[1].empty());
  EXPECT_EQ((*objects)[2].size(), 2u);
  // \u0000 is a character like any other; raw UTF-8 passes through.
  const auto nul = read(R"([{"k":"a\u0000b","中":"文"}])");
  ASSERT_TRUE(nul.ok());
  EXPECT_EQ((*nul)[0][0].second, std::string("a\0b", 3));
  EXPECT_EQ((*nul)[0][1].first, "中");
  EXPECT_EQ((*nul)[0][1].second, "文");
  EXPECT_TRUE(read(" [ ] ").ok());
  // The numeric arguments read their keys with the same escapes.
  const auto bindings = json::JsonReader(R"({"x\u005f1": 2})").number_object();
  ASSERT_TRUE(bindings.ok());
  EXPECT_EQ((*bindings)[0].first, "x_1");
}

}  // namespace
