#pragma once
// The exercise files compiled into the library. The array is generated at
// configure time from exercises/*.toml by the "embedded exercises" block in
// CMakeLists.txt, so the CLI and the wasm module find the exercises without
// any file system access.
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
