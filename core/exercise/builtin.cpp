#include "exercise/builtin.h"

#include <string>

#include "exercise/embedded.h"

namespace calc::exercise {

std::vector<SourceFile> embedded_sources() {
  std::vector<SourceFile> out;
  for (std::size_t i = 0; i < kEmbeddedExerciseCount; ++i)
    out.push_back({std::string("exercises/") + kEmbeddedExercises[i].name,
                   std::string(reinterpret_cast<const char*>(kEmbeddedExercises[i].text), kEmbeddedExercises[i].size)});
  return out;
}

const Catalog& builtin_catalog() {
  static const Catalog catalog = build_catalog(embedded_sources());
  return catalog;
}

}  // namespace calc::exercise
