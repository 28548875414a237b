// The page's Content-Security-Policy, in one place. web/build.mjs writes it into
// dist/index.html wherever the placeholder __CSP__ appears (a <meta http-equiv>
// tag, which also covers file:// and any static host), and the dev/test server
// (scripts/static-server.mjs) sends it as a header.
//  - script-src: only our own files; 'wasm-unsafe-eval' lets WebAssembly compile
//    without allowing JS eval (Embind is built with -sDYNAMIC_EXECUTION=0).
//  - connect-src data:: Emscripten 3.1.6's single-file core (the file:// path)
//    fetch()es its own embedded data: URL before decoding it.
//  - style-src 'unsafe-inline': KaTeX and MathLive set inline styles; styles
//    cannot run code, and learner text never reaches the page as HTML.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' data:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
