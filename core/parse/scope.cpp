#include "parse/scope.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "parse/unicode.h"
#include "util/decimal_int.h"

namespace calc::parsing {

namespace {

// Declared functions whose parameters are declared functions nest; a context
// that declares f(x) and x(f) would otherwise expand forever.
constexpr int kMaxFunctionNesting = 4;

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kAliases{{
    {"arcsin", "asin"},
    {"arccos", "acos"},
    {"arctan", "atan"},
}};

const FunctionRecord* find_builtin(std::string_view letters) {
  if (const FunctionRecord* f = find_function(letters)) return f;
  for (const auto& [alias, name] : kAliases)
    if (alias == letters) return find_function(name);
  return nullptr;
}

bool is_single_code_point(std::string_view utf8) {
  return !utf8.empty() && count_code_points(utf8) == 1;
}

}  // namespace

std::string canonical_name(std::string_view letters, int index) {
  std::string s(letters);
  if (index >= 0) s += "_" + std::to_string(index);
  return s;
}

std::string normalize_name(std::string_view name) {
  std::u32string cps;
  if (decode_utf8(name, cps)) return std::string(name);
  std::size_t i = 0;
  while (i < cps.size() && is_name_letter(cps[i])) ++i;
  if (i == 0 || i == cps.size()) return std::string(name);
  const std::u32string letters = cps.substr(0, i);
  std::u32string rest = cps.substr(i);
  if (rest.size() >= 3 && rest.substr(0, 2) == U"_{" && rest.back() == U'}') {
    rest = rest.substr(2, rest.size() - 3);
  } else if (rest.size() >= 2 && rest[0] == U'_') {
    rest = rest.substr(1);
  }
  std::string digits;
  for (char32_t c : rest) {
    if (is_ascii_digit(c)) {
      digits += static_cast<char>(c);
    } else if (subscript_digit(c)) {
      digits += static_cast<char>(subscript_digit(c));
    } else {
      return std::string(name);
    }
  }
  const std::optional<int> index = digits.size() <= 6 ? decimal_int(digits) : std::nullopt;
  if (!index) return std::string(name);
  return canonical_name(to_utf8(letters), *index);
}

Scope::Scope(const ParseContext& ctx) : implicit_scalars_(ctx.implicit_scalars) {
  auto declare = [&](const std::string& name, Entry e) {
    e.declared = true;
    const std::string canonical = normalize_name(name);
    max_name_length_ = std::max(max_name_length_, count_code_points(canonical));
    declared_.insert_or_assign(canonical, e);
  };
  for (const FunctionRecord& f : builtin_functions()) max_name_length_ = std::max(max_name_length_, f.name.size());
  for (const auto& [alias, name] : kAliases) max_name_length_ = std::max(max_name_length_, alias.size());
  max_name_length_ = std::max<std::size_t>(max_name_length_, 4);  // norm
  for (const auto& n : ctx.scalars) declare(n, Entry{What::Scalar});
  for (const auto& n : ctx.vectors) declare(n, Entry{What::Vector});
  for (const auto& n : ctx.matrices) declare(n, Entry{What::Matrix});
  for (const auto& f : ctx.functions) {
    Entry e{What::Function};
    e.function = &f;
    declare(f.name, e);
    for (const auto& p : f.params) parameters_.insert(normalize_name(p));
  }
  for (const auto& d : ctx.definitions) {
    Entry e{What::Definition};
    e.definition = &d;
    declare(d.name, e);
  }
}

Scope::Entry Scope::lookup(std::string_view letters, int index) const {
  if (auto it = declared_.find(canonical_name(letters, index)); it != declared_.end()) return it->second;
  if (index < 0) {
    Entry e;
    if ((e.builtin = find_builtin(letters))) {
      e.what = What::Builtin;
      return e;
    }
    if (letters == "dot") return Entry{What::Dot};
    if (letters == "norm") return Entry{What::Norm};
    if (letters == "e" || letters == "pi" || letters == "π") {
      e.what = What::Constant;
      e.constant = letters == "e" ? ConstantId::E : ConstantId::Pi;
      return e;
    }
  }
  if (implicit_scalars_ && is_single_code_point(letters)) return Entry{What::Scalar};
  return Entry{};
}

Expr Scope::variable(std::string_view letters, int index, What what) const {
  if (what == What::Vector) return symbol(canonical_name(letters, index), Shape::Vector);
  if (what == What::Matrix) return symbol(canonical_name(letters, index), Shape::Matrix);
  return index >= 0 ? indexed(letters, index) : symbol(letters);
}

Expr Scope::bare_function(const ParseContext::AbstractFunction& f) const { return bare_function(f, 0); }

Expr Scope::parameter(std::string_view name) const { return parameter(name, 0); }

Expr Scope::bare_function(const ParseContext::AbstractFunction& f, int depth) const {
  std::vector<Expr> args;
  args.reserve(f.params.size());
  for (const auto& p : f.params) args.push_back(parameter(p, depth + 1));
  return function(f.name, f.params, std::move(args), std::vector<std::uint8_t>(f.params.size(), 0));
}

Expr Scope::parameter(std::string_view name, int depth) const {
  const std::string n = normalize_name(name);
  if (auto it = declared_.find(n); it != declared_.end()) {
    const Entry& e = it->second;
    if (e.what == What::Function && depth < kMaxFunctionNesting) return bare_function(*e.function, depth);
    if (e.what == What::Vector) return symbol(n, Shape::Vector);
    if (e.what == What::Matrix) return symbol(n, Shape::Matrix);
  }
  return symbol(n);
}

}  // namespace calc::parsing
