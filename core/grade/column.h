#pragma once
// The values of one expression at every sampled point of a table, flat: one
// contiguous array of values and, per point, where its values start and how
// many there are. A grading compares a handful of these; a vector of
// optional vectors cost one heap allocation per point and column.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace calc::grade {

class Column {
 public:
  std::size_t size() const { return points_.size(); }
  // Undefined: a domain error, overflow, unbound symbol or failed lowering
  // there. A defined value is never empty (an expression without components
  // has no value anywhere), so width 0 is the undefined mark.
  bool defined(std::size_t i) const { return points_[i].width > 0; }
  // The components at point i; empty where undefined.
  std::span<const double> operator[](std::size_t i) const {
    return {values_.data() + points_[i].offset, points_[i].width};
  }

  void reserve(std::size_t points, std::size_t values) {
    points_.reserve(points);
    values_.reserve(values);
  }
  // An empty `v` appends an undefined point.
  void push(std::span<const double> v) {
    points_.push_back({static_cast<std::uint32_t>(values_.size()), static_cast<std::uint32_t>(v.size())});
    values_.insert(values_.end(), v.begin(), v.end());
  }
  void push_undefined() { points_.push_back({static_cast<std::uint32_t>(values_.size()), 0}); }

 private:
  struct Point {
    std::uint32_t offset;
    std::uint32_t width;
  };
  std::vector<double> values_;
  std::vector<Point> points_;
};

}  // namespace calc::grade
