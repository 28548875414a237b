// The JSON writer's helpers: guarded_json's error objects, and numbers that
// read back as the same double.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "api/json.h"
#include "numeric_json_reader.h"

namespace calc {
namespace {

using testing_support::Json;
using testing_support::parse_json;

TEST(GuardedJson, PassesTheResultThrough) {
  EXPECT_EQ(json::guarded_json([] { return std::string("{\"ok\":true}"); }), "{\"ok\":true}");
}

TEST(GuardedJson, AnApiErrorBecomesItsErrorObject) {
  const Json r = parse_json(json::guarded_json([]() -> std::string {
    throw json::ApiError{"bad-arguments", "Bad.", "错误。", 3, 2};
  }));
  EXPECT_EQ(r["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(r["error"]["en"].string, "Bad.");
  EXPECT_EQ(r["error"]["zh"].string, "错误。");
  EXPECT_EQ(r["error"]["position"].number, 3);
  EXPECT_EQ(r["error"]["length"].number, 2);
}

TEST(GuardedJson, AnErrorWithoutPositionHasNoPositionKeys) {
  const Json r = parse_json(json::guarded_json([]() -> std::string { throw json::ApiError{"c", "e", "z", {}, {}}; }));
  EXPECT_FALSE(r["error"].has("position"));
  EXPECT_FALSE(r["error"].has("length"));
}

TEST(GuardedJson, AnythingElseBecomesTheInternalError) {
  const Json std_error = parse_json(json::guarded_json([]() -> std::string { throw std::runtime_error("boom"); }));
  EXPECT_EQ(std_error["error"]["code"].string, "internal");
  EXPECT_FALSE(std_error["error"]["en"].string.empty());
  EXPECT_FALSE(std_error["error"]["zh"].string.empty());
  const Json other = parse_json(json::guarded_json([]() -> std::string { throw 42; }));
  EXPECT_EQ(other["error"]["code"].string, "internal");
}

}  // namespace
}  // namespace calc
