#include "calculus/substitute.h"

#include "calculus/memo.h"
#include "expr/map_children.h"
#include "expr/walk.h"
#include "util/hash_index.h"
#include "util/stable_order.h"

namespace calc {
namespace {

class Substituter {
 public:
  explicit Substituter(const Substitution& s) : s_(s) {}

  Expr operator()(const Expr& e) {
    if (auto it = s_.find(e); it != s_.end()) return it->second;
    if (const Expr* known = memo_.find(e)) return *known;
    return memo_.insert(e, map_children(e, *this));
  }

 private:
  const Substitution& s_;
  NodeMemo<Expr> memo_;
};

}  // namespace

Expr substitute(const Expr& e, const Substitution& s) { return Substituter(s)(e); }

std::vector<std::string> free_symbols(const Expr& e) {
  HashSet<std::string> names;
  for_each_node(e, [&](const Expr& n) {
    if (n.is(Kind::Symbol)) names.insert(static_cast<const SymbolNode&>(*n).name());
  });
  // Sorted by name, through util/stable_order.h rather than a std::set.
  std::vector<std::string> sorted(names.begin(), names.end());
  apply_order(sorted, stable_order(sorted.size(), [&](std::uint32_t a, std::uint32_t b) { return sorted[a] < sorted[b]; }));
  return sorted;
}

}  // namespace calc
