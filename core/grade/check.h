#pragma once
// `workbook check`: validates exercise files beyond their structure. Every
// definition and declared mistake parses, every reference computes (for the
// book's numbers and for a few variants), every placeholder fills, every
// worked solution's answer grades correct and every declared mistake grades
// incorrect with its declared code.
#include <cstdint>
#include <string>
#include <vector>

#include "exercise/catalog.h"

namespace calc::grade {

// Messages "file:line: message", in file order; empty when all is well.
std::vector<std::string> check_catalog(const exercise::Catalog& catalog);

// The seeds `check` tries: 0 (the book's numbers) and a few variants.
inline constexpr std::uint64_t kCheckSeeds[] = {0, 1, 2, 3, 4, 5};

}  // namespace calc::grade
