#include "util/decimal_int.h"

#include <climits>
#include <cstdint>
#include <stdexcept>

namespace calc {

int decimal_int(std::string_view text) {
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  if (i == text.size() || text[i] < '0' || text[i] > '9') throw std::invalid_argument("decimal_int: no digits");
  std::int64_t value = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + (text[i] - '0');
    if (value > std::int64_t{INT_MAX} + 1) throw std::out_of_range("decimal_int: beyond int");
  }
  if (negative) value = -value;
  if (value > INT_MAX || value < INT_MIN) throw std::out_of_range("decimal_int: beyond int");
  return static_cast<int>(value);
}

}  // namespace calc
