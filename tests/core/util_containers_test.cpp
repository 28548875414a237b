// HashMap, HashSet (util/hash_index.h), stable_order (util/stable_order.h) and
// decimal_int (util/decimal_int.h), checked against the standard containers,
// std::stable_sort and what std::stoi gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "util/decimal_int.h"
#include "util/hash_index.h"
#include "util/stable_order.h"

namespace calc {
namespace {

TEST(HashMap, AgreesWithStdMapAcrossGrowth) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> key(0, 3000);
  HashMap<int, int> ours;
  std::map<int, int> reference;
  std::vector<int> insertion_order;
  for (int i = 0; i < 5000; ++i) {
    const int k = key(rng);
    const auto [it, inserted] = ours.try_emplace(k, i);
    const bool reference_inserted = reference.try_emplace(k, i).second;
    ASSERT_EQ(inserted, reference_inserted);
    ASSERT_EQ(it->second, reference.at(k));
    if (inserted) insertion_order.push_back(k);
  }
  ASSERT_EQ(ours.size(), reference.size());
  for (int k = -10; k < 3010; ++k) {
    ASSERT_EQ(ours.contains(k), reference.count(k) == 1) << k;
    if (reference.count(k)) EXPECT_EQ(ours.at(k), reference.at(k));
  }
  // Iteration follows insertion order.
  std::vector<int> iterated;
  for (const auto& [k, v] : ours) iterated.push_back(k);
  EXPECT_EQ(iterated, insertion_order);
  // at() is for keys known to be there: a missing one is a bug and stops the program.
  EXPECT_DEATH_IF_SUPPORTED(static_cast<void>(ours.at(-1)), "");
}

TEST(HashMap, StringKeysAssignmentAndClear) {
  HashMap<std::string, double> m{{"x", 1.0}, {"x_1", 2.0}};
  m["y"] = 3.0;
  m["x"] = 4.0;
  auto [it, inserted] = m.insert_or_assign("x_1", 5.0);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(it->second, 5.0);
  EXPECT_EQ(m.size(), 3u);
  EXPECT_EQ(m.at("x"), 4.0);
  EXPECT_EQ(m.find("z"), m.end());
  m.clear();
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.find("x"), m.end());
  m.emplace("x", 6.0);
  EXPECT_EQ(m.at("x"), 6.0);
}

struct PairHash {
  std::size_t operator()(const std::pair<int, int>& p) const { return static_cast<std::size_t>(p.first) * 7 + p.second; }
};

TEST(HashSet, AgreesWithStdSet) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> key(0, 500);
  HashSet<std::pair<int, int>, PairHash> ours;
  std::set<std::pair<int, int>> reference;
  for (int i = 0; i < 3000; ++i) {
    const std::pair<int, int> k{key(rng), key(rng) % 7};
    ASSERT_EQ(ours.insert(k).second, reference.insert(k).second);
  }
  EXPECT_EQ(ours.size(), reference.size());
  for (int a = 0; a <= 500; ++a)
    for (int b = 0; b < 7; ++b) ASSERT_EQ(ours.contains({a, b}), reference.count({a, b}) == 1);
}

TEST(StableOrder, MatchesStdStableSort) {
  std::mt19937 rng(3);
  for (std::size_t n : {0u, 1u, 2u, 3u, 31u, 32u, 33u, 100u, 257u}) {
    std::uniform_int_distribution<int> key(0, static_cast<int>(n / 4 + 1));  // many ties
    std::vector<std::pair<int, std::size_t>> xs;  // (key, original position)
    for (std::size_t i = 0; i < n; ++i) xs.push_back({key(rng), i});
    auto expected = xs;
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    apply_order(xs, stable_order(xs.size(), [&](std::uint32_t i, std::uint32_t j) { return xs[i].first < xs[j].first; }));
    EXPECT_EQ(xs, expected) << n;
  }
}

// Each input with what std::stoi gives for it: a value, or nothing where
// it throws (std::invalid_argument without digits, std::out_of_range
// beyond int). The tests run without exceptions, so the values are written
// out rather than taken from std::stoi.
TEST(DecimalInt, ReadsAsStdStoi) {
  const std::vector<std::pair<std::string, std::optional<int>>> cases = {
      {"0", 0},
      {"7", 7},
      {"42", 42},
      {"-5", -5},
      {"+30", 30},
      {"-05", -5},
      {"007", 7},
      {"12abc", 12},
      {"1_2", 1},
      {"", std::nullopt},
      {"-", std::nullopt},
      {"+", std::nullopt},
      {"abc", std::nullopt},
      {"_1", std::nullopt},
      {"+-1", std::nullopt},
      {"2147483647", std::numeric_limits<int>::max()},
      {"2147483648", std::nullopt},
      {"-2147483648", std::numeric_limits<int>::min()},
      {"-2147483649", std::nullopt},
      {"99999999999", std::nullopt},
      {"999999999", 999999999},
      {"1e5", 1},
      {"00000000000000000000042", 42},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(decimal_int(input), expected) << '"' << input << '"';
}

}  // namespace
}  // namespace calc
