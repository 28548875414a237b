#include "grade/scenarios.h"

#include <memory>
#include <string>

#include "calculus/lower.h"
#include "calculus/substitute.h"
#include "util/hash_index.h"

namespace calc::grade {

namespace {

// A random smooth body for f(params...): every parameter enters through a
// nonlinear term and one cross term couples the first two, so every partial
// derivative is a non-constant, distinct function. Bounded trigonometric
// terms keep nested instances (f of x(a, b)) finite at the sampled points.
std::string random_body(const std::vector<std::string>& params, Rng& rng) {
  static const char* kShapes[] = {"sin(%)", "cos(%)", "%^2", "sin(%/3)", "%^3/50"};
  auto coefficient = [&] {
    const int k = 1 + static_cast<int>(rng.next() % 5);
    return std::string(rng.next() % 2 ? "+" : "-") + std::to_string(k) + "*";
  };
  std::string body = "0";
  for (const auto& p : params) {
    std::string shape = kShapes[rng.next() % 5];
    std::string term;
    for (char c : shape) term += c == '%' ? "(" + p + ")" : std::string(1, c);
    body += coefficient() + term;
    body += coefficient() + "(" + p + ")";
  }
  if (params.size() >= 2) body += coefficient() + "(" + params[0] + ")*(" + params[1] + ")";
  return body;
}

// Instantiates abstract functions like instantiate_functions, keeping each
// call it instantiated: the answers to one box use the same few calls
// (f_x(x(a, b), ...), x_a(a, b)), and instantiating one differentiates and
// substitutes a body. A call's instance does not depend on where it occurs,
// so the kept ones give exactly what instantiating afresh gives.
class CallInstantiator final : public Lowering {
 public:
  explicit CallInstantiator(std::vector<FunctionInstance> instances) : instances_(std::move(instances)) {}

  Expr operator()(const Expr& e) override {
    Substitution calls;
    HashSet<const Node*> seen;
    collect(e, calls, seen);
    return calls.empty() ? e : substitute(e, calls);
  }

 private:
  // Learners can type arbitrarily many distinct calls; past this many kept
  // ones the store starts over.
  static constexpr std::size_t kMaxKept = 256;

  // The outermost calls of e (their arguments are instantiated with them).
  void collect(const Expr& e, Substitution& calls, HashSet<const Node*>& seen) {
    if (!seen.insert(e.get()).second) return;
    if (!e.is(Kind::Function)) {
      for_each_child(e, [&](const Expr& c) { collect(c, calls, seen); });
      return;
    }
    auto it = kept_.find(e);
    if (it == kept_.end()) {
      Expr instance = instantiate_functions(e, instances_);
      if (kept_.size() >= kMaxKept) kept_.clear();
      it = kept_.emplace(e, std::move(instance)).first;
    }
    calls.emplace(e, it->second);
  }

  std::vector<FunctionInstance> instances_;
  Substitution kept_;
};

// A vector variable expanded into its n components.
class VectorExpansion final : public Lowering {
 public:
  VectorExpansion(Expr vec, int n) : vec_(std::move(vec)), n_(n) {}
  Expr operator()(const Expr& e) override { return expand_vector(e, vec_, n_); }

 private:
  Expr vec_;
  int n_;
};

std::vector<SampledSymbol> scalar_symbols(const Problem& p) {
  std::vector<SampledSymbol> out;
  for (const auto& v : p.exercise->variables)
    if (v.domain != exercise::Domain::VectorNonZero) out.push_back({v.name, v.domain});
  return out;
}

}  // namespace

ScenarioSet make_scenarios(const Problem& p) {
  ScenarioSet set;
  const Expr vec = p.vector_variable();
  if (vec) {
    set.per_scenario = 16;
    for (int n : {2, 3, 5}) {
      Scenario s;
      s.lower = std::make_shared<VectorExpansion>(vec, n);
      const std::string& base = static_cast<const SymbolNode&>(*vec).base();
      for (int i = 1; i <= n; ++i)
        s.symbols.push_back({static_cast<const SymbolNode&>(*indexed(base, i)).name(), exercise::Domain::VectorNonZero});
      set.scenarios.push_back(std::move(s));
      set.dimensions.push_back(n);
    }
    return set;
  }
  if (p.has_functions()) {
    set.per_scenario = 16;
    Rng rng(hash_string(p.box->id) ^ 0x5eedull);
    for (int k = 0; k < 3; ++k) {
      std::vector<FunctionInstance> instances;
      for (const auto& f : p.exercise->functions) {
        ParseContext ctx;
        ctx.scalars = f.params;
        ParseResult r = parse(random_body(f.params, rng), ctx);
        if (r.ok()) instances.push_back({f.name, f.params, *r.expr});
      }
      Scenario s;
      s.lower = std::make_shared<CallInstantiator>(std::move(instances));
      s.symbols = scalar_symbols(p);
      set.scenarios.push_back(std::move(s));
      set.dimensions.push_back(0);
    }
    return set;
  }
  Scenario s;
  s.symbols = scalar_symbols(p);
  set.scenarios.push_back(std::move(s));
  set.dimensions.push_back(0);
  return set;
}

}  // namespace calc::grade
