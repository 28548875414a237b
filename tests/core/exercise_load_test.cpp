// load_exercise on broken files: the first problem is reported as
// file:line: message, and reading stops there (a check that fails does not
// let the reader go on to the data it guards).
#include <gtest/gtest.h>

#include <string>

#include "exercise/model.h"
#include "exercise_fixture.h"

namespace calc::exercise {
namespace {

// Lines 1-9: the exercise; 10-23: one box; anything appended starts at line 24.
const std::string kFile = fixture::header() + fixture::kBox;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string load_error(const std::string& text) {
  const LoadResult r = load_exercise(text, "bad.toml");
  EXPECT_FALSE(r.exercise.has_value());
  return r.error ? r.error->format() : "(loaded)";
}

TEST(ExerciseLoad, TheUnbrokenFileLoads) {
  const LoadResult r = load_exercise(kFile, "bad.toml");
  ASSERT_TRUE(r.exercise.has_value()) << r.error->format();
  EXPECT_FALSE(r.error.has_value());
  ASSERT_EQ(r.exercise->boxes.size(), 1u);
  EXPECT_EQ(r.exercise->boxes[0].line, 10);
  EXPECT_EQ(r.exercise->boxes[0].wrt, std::vector<std::string>{"x"});
}

TEST(ExerciseLoad, TomlErrorsKeepTheirLine) {
  EXPECT_EQ(load_error(replaced(kFile, "of = \"f\"", "of = \"f")), "bad.toml:14: unterminated string");
  EXPECT_EQ(load_error(kFile + "[[box.hint]]\nzh = '''\nnever closed\n"), "bad.toml:25: unterminated ''' string");
}

TEST(ExerciseLoad, WrongTypesAndValues) {
  EXPECT_EQ(load_error(replaced(kFile, "id = \"t.bad\"", "id = 5")), "bad.toml:1: the file.id must be a string");
  EXPECT_EQ(load_error(replaced(kFile, "x = \"real\"", "x = \"complex\"")),
            "bad.toml:7: unknown domain 'complex' (use real, nonzero, positive or vector-nonzero)");
  EXPECT_EQ(load_error(replaced(kFile, "kind = \"expression\"", "kind = 3")), "bad.toml:12: box.kind must be a string");
  EXPECT_EQ(load_error(replaced(kFile, "kind = \"expression\"", "kind = \"shape\"")),
            "bad.toml:12: unknown box kind 'shape' (expression, number, vector, line or choice)");
  EXPECT_EQ(load_error(replaced(kFile, "task = \"derivative\"", "task = 3")), "bad.toml:13: box.task must be a string");
  EXPECT_EQ(load_error(replaced(kFile, "task = \"derivative\"", "task = \"integral\"")),
            "bad.toml:13: unknown task 'integral'");
  EXPECT_EQ(load_error(replaced(kFile, "kind = \"expression\"", "kind = \"number\"")),
            "bad.toml:12: task 'derivative' answers a expression box, not a number box");
  EXPECT_EQ(load_error(replaced(kFile, "wrt = \"x\"", "wrt = [\"x\", 3]")),
            "bad.toml:15: each wrt entry must be a string");
  EXPECT_EQ(load_error(replaced(kFile, "label.en = \"t\"", "label.en = \"\"")),
            "bad.toml:16: [[box]].label needs non-empty zh and en text");
  EXPECT_EQ(load_error(kFile + "[box.tolerance]\nrel = 0.5\n"), "bad.toml:24: tolerances must lie in [0, 1e-3]");
  EXPECT_EQ(load_error(kFile + "[[box.mistake]]\nanswer = \"6x\"\ncode = \"Bad Code\"\nzh = \"t\"\nen = \"t\"\n"),
            "bad.toml:24: a mistake code is lower-case words joined by '-'");
}

// Each of these would index past what the failed check allowed if reading went on.
TEST(ExerciseLoad, StopsAtTheCheckThatGuardsTheData) {
  EXPECT_EQ(load_error(replaced(kFile, "wrt = \"x\"", "search = [1]")), "bad.toml:15: search must be [low, high]");
  EXPECT_EQ(load_error(replaced(kFile, "wrt = \"x\"", "search = [1, \"a\"]")),
            "bad.toml:15: search high must be a number");
  EXPECT_EQ(load_error(kFile + "[parameters]\na = { book = 2, choices = [] }\n"),
            "bad.toml:25: choices must be a non-empty array of integers");
  EXPECT_EQ(load_error(kFile + "[parameters]\na = { book = 2, choices = [1, \"b\"] }\n"),
            "bad.toml:25: each choice must be an integer");
}

TEST(ExerciseLoad, OnlyTheFirstProblemIsReported) {
  // The misspelt key is reported, not the label it leaves missing.
  EXPECT_EQ(load_error(replaced(kFile, "label.zh = \"t\"", "lable.zh = \"t\"")),
            "bad.toml:16: unknown key 'lable' in [[box]]");
  // The parameter's name is taken before its value is read.
  EXPECT_EQ(load_error(kFile + "[parameters]\nx = { book = 2000, choices = [1] }\n"),
            "bad.toml:25: name 'x' is declared twice");
  EXPECT_EQ(load_error(kFile + "[parameters]\na = { book = 2000, choices = [1] }\n"),
            "bad.toml:25: book value must lie in [-1000, 1000]");
  // The second box with the same id.
  const std::string box = kFile.substr(kFile.find("[[box]]"));
  EXPECT_EQ(load_error(kFile + box), "bad.toml:24: box id 't.bad/d' is used twice");
}

}  // namespace
}  // namespace calc::exercise
