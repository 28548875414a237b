// The exercise files' trees as JSON (exercise/tree_json.h): what the writer
// gives, that every shipped file reads back to the same tree and the same
// catalog, that integers and floats keep their type, that the reader refuses
// what a tree cannot hold, and the exercise tool (api/exercise_tool.h) that
// writes the page's trees after checking the TOML.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "api/exercise_tool.h"
#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "exercise/catalog.h"
#include "exercise/toml.h"
#include "exercise/tree_json.h"
#include "exercise_fixture.h"
#include "facade_environment.h"
#include "numeric_json_reader.h"

namespace {

using namespace calc;
using testing_support::Json;
using testing_support::parse_json;
using toml::Value;

Value toml_document(const std::string& text) {
  toml::ParseOutcome parsed = toml::parse(text);
  EXPECT_TRUE(parsed.document) << (parsed.error ? parsed.error->message : "");
  return parsed.document.value_or(Value{});
}

std::string json_of(const Value& tree) {
  const exercise::TreeJson out = exercise::tree_json(tree);
  EXPECT_FALSE(out.error) << out.error->message;
  return out.json;
}

Value read(const std::string& json) {
  json::ApiResult<Value> r = exercise::read_tree_json(json, exercise::kMaxTreeNesting);
  EXPECT_TRUE(r.ok()) << json << ": " << (r.ok() ? "" : r.error().en);
  return r.ok() ? std::move(*r) : Value{};
}

// The same tree, lines aside.
void expect_same_tree(const Value& a, const Value& b, const std::string& where) {
  ASSERT_EQ(a.type, b.type) << where;
  EXPECT_EQ(a.string, b.string) << where;
  EXPECT_EQ(a.integer, b.integer) << where;
  EXPECT_EQ(std::signbit(a.floating), std::signbit(b.floating)) << where;
  EXPECT_EQ(a.floating, b.floating) << where;
  EXPECT_EQ(a.boolean, b.boolean) << where;
  ASSERT_EQ(a.items.size(), b.items.size()) << where;
  for (std::size_t i = 0; i < a.items.size(); ++i) expect_same_tree(a.items[i], b.items[i], where + "[" + std::to_string(i) + "]");
  ASSERT_EQ(a.keys, b.keys) << where;
  for (std::size_t i = 0; i < a.values.size(); ++i) expect_same_tree(a.values[i], b.values[i], where + "." + a.keys[i]);
}

TEST(ExerciseTreeJson, TablesArraysStringsAndNumbersInFileOrder) {
  const Value doc = toml_document(
      "z = \"last \\\"quoted\\\"\"\na = 2\nb = 2.0\nc = [1, 2.5, true, false]\n[t]\ny = -0.0\nx = 1e300\n[[list]]\nk = 'v'\n");
  EXPECT_EQ(json_of(doc),
            R"({"z":"last \"quoted\"","a":2,"b":2.0,"c":[1,2.5,true,false],"t":{"y":-0.0,"x":1e+300},"list":[{"k":"v"}]})");
}

TEST(ExerciseTreeJson, IntegersAndFloatsKeepTheirType) {
  const Value doc = toml_document(
      "i = 3\nf = 3.0\nneg = -9223372036854775808\nbig = 9223372036854775807\nsmall = 5e-324\n"
      "third = 0.3333333333333333\nzero = 0.0\nnz = -0.0\nexp = 1.5e20\n");
  const Value back = read(json_of(doc));
  expect_same_tree(doc, back, "doc");
  EXPECT_EQ(back.find("i")->type, Value::Type::Integer);
  EXPECT_EQ(back.find("f")->type, Value::Type::Float);
  EXPECT_EQ(back.find("zero")->type, Value::Type::Float);
  EXPECT_EQ(back.find("neg")->integer, INT64_MIN);
  // Every float's text carries a '.' or an exponent; no integer's does.
  for (std::size_t i = 0; i < doc.keys.size(); ++i) {
    const std::string text = json_of(doc.values[i]);
    EXPECT_EQ(text.find_first_of(".eE") != std::string::npos, doc.values[i].type == Value::Type::Float)
        << doc.keys[i] << " = " << text;
  }
  // Values read from JSON have no line.
  EXPECT_EQ(back.line, 0);
  EXPECT_EQ(back.find("i")->line, 0);
}

TEST(ExerciseTreeJson, TheWriterRefusesWhatJsonCannotCarry) {
  const Value doc = toml_document("ok = 1\nbig = 1e999\n");
  const exercise::TreeJson out = exercise::tree_json(doc);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->line, 2);
  EXPECT_NE(out.error->message.find("not finite"), std::string::npos) << out.error->message;
  EXPECT_TRUE(out.json.empty());
  // A tree nested deeper than the reader reads (dotted keys nest without bound).
  std::string key = "k";
  for (int i = 0; i < exercise::kMaxTreeNesting; ++i) key += ".k";
  const exercise::TreeJson deep = exercise::tree_json(toml_document(key + " = 1\n"));
  ASSERT_TRUE(deep.error);
  EXPECT_NE(deep.error->message.find("deeper than 32"), std::string::npos) << deep.error->message;
  key.resize(key.size() - 2);
  EXPECT_FALSE(exercise::tree_json(toml_document(key + " = 1\n")).error);
}

TEST(ExerciseTreeJson, NestingIsBounded) {
  const auto nested = [](int levels) { return std::string(levels, '[') + std::string(levels, ']'); };
  EXPECT_TRUE(exercise::read_tree_json(nested(exercise::kMaxTreeNesting), exercise::kMaxTreeNesting).ok());
  const auto too_deep = exercise::read_tree_json(nested(exercise::kMaxTreeNesting + 1), exercise::kMaxTreeNesting);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.error().en, "Malformed JSON argument near character 32: nests deeper than 32 levels.");
  // A bomb of a million brackets stops at the bound, as does the page's load.
  const std::string bomb(1'000'000, '[');
  EXPECT_EQ(exercise::read_tree_json(bomb, exercise::kMaxTreeNesting).error().code, "bad-json");
  const Json loaded = parse_json(api::load_exercises_json("[{\"name\":\"a\",\"tree\":{\"x\":" + bomb + "}}]"));
  EXPECT_NE(loaded["error"]["en"].string.find("nests deeper than 34 levels"), std::string::npos) << loaded["error"]["en"].string;
  testing_support::reload_builtin_catalog();
}

TEST(ExerciseTreeJson, ValuesAreBounded) {
  const auto zeros = [](int n) {
    std::string json = "[0";
    for (int i = 1; i < n; ++i) json += ",0";
    return json + "]";
  };
  // The array itself is one value.
  EXPECT_TRUE(exercise::read_tree_json(zeros(exercise::kMaxTreeValues - 1), exercise::kMaxTreeNesting).ok());
  const auto too_many = exercise::read_tree_json(zeros(exercise::kMaxTreeValues), exercise::kMaxTreeNesting);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().code, "bad-json");
  EXPECT_NE(too_many.error().en.find("more than 200000 values"), std::string::npos) << too_many.error().en;
  // Through the page's entry point, the previous catalog stays.
  const std::string before = api::catalog_json();
  const Json loaded = parse_json(api::load_exercises_json("[" + zeros(exercise::kMaxTreeValues) + "]"));
  EXPECT_EQ(loaded["error"]["code"].string, "bad-json");
  EXPECT_EQ(api::catalog_json(), before);
}

TEST(ExerciseTreeJson, EveryShippedFileReadsBackToItsTreeAndCatalog) {
  std::vector<exercise::TreeFile> trees;
  for (const auto& f : exercise::embedded_sources()) {
    const Value doc = toml_document(f.text);
    Value back = read(json_of(doc));
    expect_same_tree(doc, back, f.name);
    trees.push_back({f.name, std::move(back)});
  }
  ASSERT_GE(trees.size(), 9u);
  const exercise::Catalog from_trees = exercise::build_catalog_from_trees(trees);
  EXPECT_TRUE(from_trees.errors.empty());
  const std::string compiled_in = api::catalog_json();
  api::load_catalog(from_trees);
  EXPECT_EQ(api::catalog_json(), compiled_in);
  testing_support::reload_builtin_catalog();
}

TEST(ExerciseTreeJson, AWrongModelIsReportedAsFileColonMessage) {
  std::vector<exercise::TreeFile> trees;
  trees.push_back({"t.toml", read(R"({"id":"t.x","title":{"zh":"t","en":"t"}})")});
  const exercise::Catalog c = exercise::build_catalog_from_trees(trees);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].line, 0);
  EXPECT_EQ(c.errors[0].format(), "t.toml: " + c.errors[0].message);
  EXPECT_EQ(c.errors[0].format().find("t.toml:0"), std::string::npos);
  // The same file as TOML names its line.
  const exercise::Catalog from_toml = exercise::build_catalog({{"t.toml", "id = \"t.x\"\ntitle = { zh = \"t\", en = \"t\" }\n"}});
  ASSERT_EQ(from_toml.errors.size(), 1u);
  EXPECT_EQ(from_toml.errors[0].message, c.errors[0].message);
  EXPECT_EQ(from_toml.errors[0].format(), "t.toml:1: " + c.errors[0].message);
}

// The tool's files as JSON text, [{"name": …, "text": …}, …].
std::string toml_files_json(const std::vector<exercise::SourceFile>& files) {
  std::string out = "[";
  for (const auto& f : files) {
    if (out.size() > 1) out += ',';
    out += "{\"name\":";
    json::append_string(out, f.name);
    out += ",\"text\":";
    json::append_string(out, f.text);
    out += '}';
  }
  return out + "]";
}

TEST(ExerciseTool, TheShippedFilesGiveTreesThatLoadAsTheCompiledInCatalog) {
  const std::string result = api::exercise_trees_json(toml_files_json(exercise::embedded_sources()));
  const Json j = parse_json(result);
  EXPECT_EQ(j["errors"].size(), 0u) << result.substr(result.find("\"errors\""));
  ASSERT_EQ(j["files"].size(), exercise::embedded_sources().size());
  // The files array is the page's input as it stands.
  const std::size_t from = result.find('[');
  const std::size_t to = result.rfind(",\"errors\"");
  const std::string compiled_in = api::catalog_json();
  const Json loaded = parse_json(api::load_exercises_json(result.substr(from, to - from)));
  EXPECT_EQ(loaded["errors"].size(), 0u);
  EXPECT_EQ(loaded["exercises"].number, static_cast<double>(exercise::builtin_catalog().exercises.size()));
  EXPECT_EQ(api::catalog_json(), compiled_in);
  testing_support::reload_builtin_catalog();
}

TEST(ExerciseTool, ReportsEveryProblemWithFileAndLine) {
  const std::string good = exercise::fixture::header() + exercise::fixture::kBox;
  std::string model = good;
  model.replace(model.find("kind = \"expression\""), 19, "kind = \"nonsense\"");
  const Json j = parse_json(api::exercise_trees_json(toml_files_json({{"good.toml", good},
                                                                       {"syntax.toml", "id = \"t.s\"\ntitle = \n"},
                                                                       {"model.toml", model},
                                                                       {"inf.toml", good + "[extra]\nx = 1e999\n"}})));
  ASSERT_EQ(j["errors"].size(), 4u);
  EXPECT_EQ(j["errors"][0]["file"].string, "syntax.toml");
  EXPECT_EQ(j["errors"][0]["line"].number, 2);
  EXPECT_EQ(j["errors"][1]["file"].string, "model.toml");
  EXPECT_EQ(j["errors"][1]["line"].number, 12);
  EXPECT_NE(j["errors"][1]["message"].string.find("nonsense"), std::string::npos);
  // inf.toml: the exercise reader refuses [extra] (the catalog's error), and
  // its tree cannot be written (the tool's).
  EXPECT_EQ(j["errors"][2]["file"].string, "inf.toml");
  EXPECT_EQ(j["errors"][3]["file"].string, "inf.toml");
  EXPECT_EQ(j["errors"][3]["line"].number, 25);
  // Every file the TOML reader read has its tree, except the one JSON cannot carry.
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["name"].string, "good.toml");
  EXPECT_EQ(j["files"][0]["tree"]["id"].string, "t.bad");
  EXPECT_EQ(j["files"][1]["name"].string, "model.toml");
  // Input that is not the files is refused whole.
  EXPECT_EQ(parse_json(api::exercise_trees_json("[{\"name\":\"a\"}]"))["error"]["code"].string, "bad-json");
  EXPECT_EQ(parse_json(api::exercise_trees_json("x"))["error"]["code"].string, "bad-json");
}

}  // namespace
