#pragma once
// The exercise files compiled into calccore_builtin_exercises (see
// exercise/builtin.h). The array is generated at configure time from
// exercises/*.toml by the "embedded exercises" block in CMakeLists.txt, so the
// native programs find the exercises from any working directory.
#include <cstddef>

namespace calc::exercise {

struct EmbeddedFile {
  const char* name;  // "calculus.example.toml"
  const unsigned char* text;  // the file's UTF-8 bytes
  std::size_t size;
};

extern const EmbeddedFile kEmbeddedExercises[];  // kEmbeddedExerciseCount entries, then a sentinel
extern const std::size_t kEmbeddedExerciseCount;

}  // namespace calc::exercise
