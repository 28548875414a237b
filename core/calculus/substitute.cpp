#include "calculus/substitute.h"

#include <set>

#include "calculus/memo.h"
#include "expr/map_children.h"
#include "util/hash_index.h"

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

void collect_symbols(const Expr& e, std::set<std::string>& names, HashSet<const Node*>& seen) {
  if (!seen.insert(e.get()).second) return;
  if (e.is(Kind::Symbol)) names.insert(static_cast<const SymbolNode&>(*e).name());
  for_each_child(e, [&](const Expr& c) { collect_symbols(c, names, seen); });
}

}  // namespace

Expr substitute(const Expr& e, const Substitution& s) { return Substituter(s)(e); }

std::vector<std::string> free_symbols(const Expr& e) {
  std::set<std::string> names;
  HashSet<const Node*> seen;
  collect_symbols(e, names, seen);
  return {names.begin(), names.end()};
}

}  // namespace calc
