#pragma once
// A non-owning reference to a callable, for parameters that are only called
// during the call they are passed to. Unlike std::function it never
// allocates and instantiates no type-erasure class per lambda: one small
// thunk per callable type, which keeps the wasm module small.
#include <memory>
#include <type_traits>
#include <utility>

namespace calc {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> && std::is_invocable_r_v<R, F&, Args...>)
  FunctionRef(F&& f) {  // NOLINT: implicit, like std::function
    using T = std::remove_reference_t<F>;
    if constexpr (std::is_function_v<T> || std::is_function_v<std::remove_pointer_t<T>>) {
      // A function or function pointer: a function pointer cannot be stored
      // as void*, so it is kept as void(*)() and cast back in the thunk.
      using Pointer = decltype(+f);
      target_.function = reinterpret_cast<void (*)()>(+f);
      call_ = [](Target t, Args... args) -> R {
        return reinterpret_cast<Pointer>(t.function)(std::forward<Args>(args)...);
      };
    } else {
      target_.object = const_cast<void*>(static_cast<const void*>(std::addressof(f)));
      call_ = [](Target t, Args... args) -> R { return (*static_cast<T*>(t.object))(std::forward<Args>(args)...); };
    }
  }

  R operator()(Args... args) const { return call_(target_, std::forward<Args>(args)...); }

 private:
  union Target {
    void* object;
    void (*function)();
  };
  Target target_;
  R (*call_)(Target, Args...);
};

}  // namespace calc
