// The TOML-subset reader: values, structure, and errors with line numbers.
#include <gtest/gtest.h>

#include "exercise/toml.h"

namespace calc::toml {
namespace {

Value parse_ok(std::string_view text) {
  ParseOutcome r = parse(text);
  EXPECT_FALSE(r.error.has_value()) << (r.error ? r.error->message : "");
  return r.document.value_or(Value{});
}

Error parse_error(std::string_view text) {
  ParseOutcome r = parse(text);
  EXPECT_TRUE(r.error.has_value());
  return r.error.value_or(Error{});
}

TEST(ExerciseToml, ScalarsAndLines) {
  Value doc = parse_ok("# comment\nid = \"a.b\"\nn = -12\nf = 1.5e-3\nyes = true\n");
  ASSERT_NE(doc.find("id"), nullptr);
  EXPECT_EQ(doc.find("id")->string, "a.b");
  EXPECT_EQ(doc.find("id")->line, 2);
  EXPECT_EQ(doc.find("n")->integer, -12);
  EXPECT_DOUBLE_EQ(doc.find("f")->floating, 1.5e-3);
  EXPECT_TRUE(doc.find("yes")->boolean);
  EXPECT_EQ(doc.find("yes")->line, 5);
}

TEST(ExerciseToml, StringsKeepLatexInLiteralForms) {
  Value doc = parse_ok(
      "a = '\\frac{1}{x}'\n"
      "b = \"tab\\there \\u00e9\"\n"
      "c = '''\nline1 \\nabla\nline2'''\n"
      "d = \"\"\"\nx \\\n   y\"\"\"\n");
  EXPECT_EQ(doc.find("a")->string, "\\frac{1}{x}");
  EXPECT_EQ(doc.find("b")->string, "tab\there \xC3\xA9");
  EXPECT_EQ(doc.find("c")->string, "line1 \\nabla\nline2");
  EXPECT_EQ(doc.find("d")->string, "x y");
}

TEST(ExerciseToml, TablesArraysOfTablesAndDottedKeys) {
  Value doc = parse_ok(
      "title.zh = '标题'\n"
      "[variables]\nx = \"real\"\n"
      "[[box]]\nid = \"one\"\nwrt = [\"x_1\",\n  \"x_2\", # trailing comma next\n]\n"
      "[[box.hint]]\nen = 'h1'\n[[box.hint]]\nen = 'h2'\n[box.solution]\nen = 's'\n"
      "[[box]]\nid = \"two\"\nplot = { of = \"f\", xmin = 0, xmax = 3 }\n");
  EXPECT_EQ(doc.find("title")->find("zh")->string, "标题");
  EXPECT_EQ(doc.find("variables")->find("x")->string, "real");
  const Value* boxes = doc.find("box");
  ASSERT_TRUE(boxes && boxes->is_array());
  ASSERT_EQ(boxes->items.size(), 2u);
  const Value& first = boxes->items[0];
  EXPECT_EQ(first.find("wrt")->items.size(), 2u);
  EXPECT_EQ(first.find("hint")->items.size(), 2u);
  EXPECT_EQ(first.find("hint")->items[1].find("en")->string, "h2");
  EXPECT_EQ(first.find("solution")->find("en")->string, "s");
  EXPECT_EQ(boxes->items[1].find("plot")->find("xmax")->integer, 3);
  EXPECT_EQ(boxes->items[1].line, 15);
}

TEST(ExerciseToml, ErrorsCarryTheirLine) {
  EXPECT_EQ(parse_error("a = 1\nb = \"open\n").line, 2);
  EXPECT_EQ(parse_error("a = 1\na = 2\n").line, 2);
  EXPECT_EQ(parse_error("\n\nkey = bare\n").line, 3);
  EXPECT_EQ(parse_error("[t]\nx = 1\n[t]\n").line, 3);
  EXPECT_EQ(parse_error("x = [1, 2\n").line, 2);
  EXPECT_EQ(parse_error("x = '''\nnever closed\n").line, 1);
  EXPECT_EQ(parse_error("s = \"bad \\q escape\"\n").line, 1);
  EXPECT_EQ(parse_error("x = 1 2\n").line, 1);
  EXPECT_EQ(parse_error("n = 99999999999999999999\n").line, 1);
}

// The first error wins, also when it lies inside a nested value.
TEST(ExerciseToml, ErrorsSayWhatIsWrong) {
  EXPECT_EQ(parse_error("x = [\"a\\q\", 1 2]\n").message, "unknown escape '\\q' (use a literal '...' string for LaTeX)");
  EXPECT_EQ(parse_error("x = [[1, 2], [3 4]]\n").message, "expected ',' or ']' in array");
  EXPECT_EQ(parse_error("x = { a = 1, b = \"\\u12\" }\n").message, "bad \\u escape");
  EXPECT_EQ(parse_error("x = \"\\uD800\"\n").message, "\\u escape is not a Unicode scalar value");
  EXPECT_EQ(parse_error("x = { a = 1, a = 2 }\n").message, "key 'a' is defined twice");
  EXPECT_EQ(parse_error("x = { a = 1\n b = 2 }\n").message,
            "expected ',' or '}' in inline table (inline tables stay on one line)");
  EXPECT_EQ(parse_error("a = 1\n[a]\n").message, "'a' is already a integer");
  EXPECT_EQ(parse_error("a.b = 1\na.b.c = 2\n").message, "key 'b' is already a integer");
  EXPECT_EQ(parse_error("a = 1\n[[a]]\n").message, "'a' is already a integer, not an array of tables");
  EXPECT_EQ(parse_error("[t\n").message, "expected ']' to close the table header");
  EXPECT_EQ(parse_error("x = 1.2.3\n").message, "malformed number '1.2.3'");
  EXPECT_EQ(parse_error("x =\n").message, "missing value after '='");
  const Error open = parse_error("a = 1\nb = \"\"\"\nnever\n");
  EXPECT_EQ(open.line, 2);
  EXPECT_EQ(open.message, "unterminated \"\"\" string");
}

TEST(ExerciseToml, HostileInputIsAnErrorNotACrash) {
  for (std::string_view text : {"[", "[[", "=", "a.=1", "a = {", "a = { b = 1", "\"", "a = [[[[[", "[a]]"}) {
    ParseOutcome r = parse(text);
    EXPECT_TRUE(r.error.has_value()) << text;
  }
}

// Nesting is bounded before it could exhaust the stack: 30,000 brackets
// used to overflow it natively.
TEST(ExerciseToml, DeepNestingIsRefused) {
  for (const char open : {'[', '{'}) {
    std::string text = "x = ";
    for (int k = 0; k < 30000; ++k) text += open == '[' ? "[" : "{ a = ";
    const Error e = parse_error(text);
    EXPECT_EQ(e.message, "arrays and inline tables nest deeper than 32 levels") << open;
    EXPECT_EQ(e.line, 1);
  }
  std::string nested = "x = ";
  for (int k = 0; k < 32; ++k) nested += "[";
  nested += "1";
  for (int k = 0; k < 32; ++k) nested += "]";
  EXPECT_FALSE(parse(nested + "\n").error.has_value());
}

}  // namespace
}  // namespace calc::toml
