#include "calculus/domain.h"

#include <utility>
#include <vector>

#include "expr/functions.h"
#include "expr/walk.h"
#include "util/hash_index.h"

namespace calc::detail {
namespace {

enum class Restriction { Function, Nonzero, Root };
using Marker = std::pair<Restriction, Expr>;

struct MarkerHash {
  std::size_t operator()(const Marker& m) const { return m.second.hash() * 3 + static_cast<std::size_t>(m.first); }
};
// Only membership matters (keeps_restrictions), so a hash set with
// structural equality rather than an ordered set.
using Markers = HashSet<Marker, MarkerHash>;

bool restricted_function(const FunctionRecord& fn) {
  return fn.name == "ln" || fn.name == "asin" || fn.name == "acos" || fn.name == "tan";
}

void note_power(const Expr& base, const Expr& exponent, Markers& out) {
  const Number* n = as_number(exponent);
  if (!n) {  // b^g for a symbolic g: b > 0 is needed in general
    out.insert({Restriction::Root, base});
    return;
  }
  if (n->is_negative()) out.insert({Restriction::Nonzero, base});
  if (!n->is_integer()) out.insert({Restriction::Root, base});
}

Markers markers_of(const Expr& root) {
  Markers out;
  for_each_node(root, [&](const Expr& e) {
    if (e.is(Kind::Apply) && restricted_function(static_cast<const ApplyNode&>(*e).fn()))
      out.insert({Restriction::Function, e});
    if (e.is(Kind::Pow)) {
      const auto& p = static_cast<const PowNode&>(*e);
      if (!p.base().is(Kind::Number)) note_power(p.base(), p.exponent(), out);
    }
    if (e.is(Kind::Mul))
      for (const auto& [b, x] : static_cast<const MulNode&>(*e).factors())
        if (!b.is(Kind::Number)) note_power(b, x, out);
  });
  return out;
}

}  // namespace

bool keeps_restrictions(const Expr& before, const Expr& after) {
  const Markers kept = markers_of(after);
  for (const Marker& m : markers_of(before))
    if (!kept.count(m)) return false;
  return true;
}

}  // namespace calc::detail
