// One libm for every build: musl's double-precision functions (vendored in this
// folder, MIT, see COPYRIGHT), compiled into the core natively and in wasm, so
// both builds compute bit-identical results. The platform libms (glibc natively,
// Emscripten's musl in wasm) differ in the last bit for some arguments, which
// made the native and wasm outputs differ. The core calls these instead of
// std::sin etc.; sqrt, fabs, floor and the like are exact in every libm and
// stay std::.
#pragma once

namespace calc::libm {

double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double exp(double x);
double log(double x);
double pow(double x, double y);
double cbrt(double x);

}  // namespace calc::libm
