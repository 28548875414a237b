// Pipeline slice: load the wasm core, compute something through it, show it.
// The workbook page replaces this; the contract it keeps is <html data-ready>.
import { loadCore } from './core.js';

async function start() {
  const out = document.querySelector('[data-role=slice-result]');
  try {
    const core = await loadCore();
    const { version } = core.version();
    if (core.evaluate) {
      const result = core.evaluate('3*x^2 - 4*x', JSON.stringify({ x: 1 }));
      out.textContent = `f(1) = ${result.value ?? JSON.stringify(result)} (calccore ${version})`;
    } else {
      out.textContent = `calccore ${version}`;
    }
    document.documentElement.dataset.ready = 'true';
  } catch (err) {
    out.textContent = `The calculus core could not be loaded: ${err.message}`;
    document.documentElement.dataset.ready = 'error';
  }
}

start();
