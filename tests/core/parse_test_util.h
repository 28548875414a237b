#pragma once
// Assertions shared by the parser tests: an input parses to an expression
// built with the constructors, or fails with a given code and span.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <type_traits>

#include "expr/expr.h"
#include "expr/functions.h"
#include "parse/parser.h"

namespace calc::parse_test {

// A structural dump for failure messages, independent of the printers
// (which are tested on their own, and round-tripped in parse_roundtrip_test).
inline std::string dump(const Expr& e) {
  std::string out;
  auto child = [&](const Expr& c) { out += " " + dump(c); };
  visit(e, [&](const auto& node) {
    using N = std::decay_t<decltype(node)>;
    if constexpr (std::is_same_v<N, NumberNode>) {
      out = node.value().to_string();
    } else if constexpr (std::is_same_v<N, SymbolNode>) {
      out = node.name();
    } else if constexpr (std::is_same_v<N, ConstantNode>) {
      out = node.id() == ConstantId::E ? "e" : "pi";
    } else if constexpr (std::is_same_v<N, AddNode>) {
      out = "(+ " + node.constant().to_string();
      for (const auto& [t, c] : node.terms()) out += " " + c.to_string() + "*" + dump(t);
      out += ")";
    } else if constexpr (std::is_same_v<N, MulNode>) {
      out = "(* " + node.coefficient().to_string();
      for (const auto& [b, x] : node.factors()) out += " " + dump(b) + "^" + dump(x);
      out += ")";
    } else if constexpr (std::is_same_v<N, ApplyNode>) {
      out = "(" + std::string(node.fn().name) + " " + dump(node.arg()) + ")";
    } else if constexpr (std::is_same_v<N, FunctionNode>) {
      out = "(" + node.name() + "[";
      for (auto o : node.orders()) out += std::to_string(o);
      out += "]";
      for (const auto& a : node.args()) child(a);
      out += ")";
    } else {
      out = "(" + std::string(kind_name(e.kind()));
      for_each_child(e, child);
      out += ")";
    }
  });
  return out;
}

inline Expr x() { return symbol("x"); }
inline Expr y() { return symbol("y"); }
inline Expr fn(std::string_view name, const Expr& arg) { return apply(*find_function(name), arg); }

inline std::string describe(const ParseError& e) {
  return e.code + " at " + std::to_string(e.position) + "+" + std::to_string(e.length) + ": " + e.message;
}

inline ::testing::AssertionResult parses_to(std::string_view input, const Expr& expected,
                                            const ParseContext& ctx = ParseContext::permissive()) {
  const ParseResult r = parse(input, ctx);
  if (!r.ok()) return ::testing::AssertionFailure() << "'" << input << "' failed: " << describe(*r.error);
  if (*r.expr != expected)
    return ::testing::AssertionFailure() << "'" << input << "' parsed as " << dump(*r.expr) << ", expected "
                                         << dump(expected);
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult fails_with(std::string_view input, std::string_view code, std::size_t position,
                                             std::size_t length,
                                             const ParseContext& ctx = ParseContext::permissive(),
                                             const ParseLimits& limits = {}) {
  const ParseResult r = parse(input, ctx, limits);
  if (r.ok())
    return ::testing::AssertionFailure() << "'" << input << "' parsed as " << dump(*r.expr) << ", expected "
                                         << code;
  const ParseError& e = *r.error;
  if (e.code != code || e.position != position || e.length != length)
    return ::testing::AssertionFailure() << "'" << input << "': got " << describe(e) << "; expected " << code
                                         << " at " << position << "+" << length;
  if (e.message.empty() || e.message_zh.empty() || e.message == e.message_zh)
    return ::testing::AssertionFailure() << "'" << input << "': missing English or Chinese message";
  return ::testing::AssertionSuccess();
}

}  // namespace calc::parse_test
