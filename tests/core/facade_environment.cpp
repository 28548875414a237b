#include "facade_environment.h"

#include <gtest/gtest.h>

#include "api/grade_api.h"
#include "exercise/builtin.h"

namespace calc::testing_support {

namespace {

BeforeLoad before_load;

class BuiltinCatalogLoaded : public ::testing::Environment {
 public:
  void SetUp() override {
    before_load = {api::catalog_json(),
                   api::preview_json("calculus.example-derivative", "6x - 4"),
                   api::grade_json("calculus.example-derivative", "6x - 4", 0),
                   api::hint_json("calculus.example-derivative", 0, 0),
                   api::solution_json("calculus.example-derivative", 0),
                   api::variant_json("calculus.example", 0)};
    reload_builtin_catalog();
  }
};

// Registered before main() runs the tests; gtest owns and deletes it.
::testing::Environment* const kEnvironment = ::testing::AddGlobalTestEnvironment(new BuiltinCatalogLoaded);

}  // namespace

const BeforeLoad& facade_before_load() { return before_load; }

void reload_builtin_catalog() { api::load_catalog(exercise::builtin_catalog()); }

}  // namespace calc::testing_support
