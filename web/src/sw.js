// Service worker: keeps the workbook working offline once it has been opened
// over http(s). Install caches the page, the bundle, the core and KaTeX (the
// font list is read from katex.min.css); fetches are answered cache-first and
// anything new from our own origin is added to the cache.
// __CACHE_VERSION__ is filled in by web/build.mjs from a hash of the cached files.
const CACHE = `calcwb-${__CACHE_VERSION__}`;
const CORE = ['./', 'index.html', 'boot.js', 'app.js', 'styles.css', 'calccore.mjs', 'calccore.wasm', 'katex/katex.min.css'];

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(CORE);
  const css = await (await cache.match('katex/katex.min.css'))?.text();
  const fonts = new Set([...(css ?? '').matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((m) => `katex/${m[1]}`));
  await Promise.all([...fonts].map((font) => cache.add(font).catch(() => {})));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    // Refresh in the background so a redeploy reaches the learner on the next visit.
    const network = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (hit) {
      event.waitUntil(network.catch(() => {}));
      return hit;
    }
    return network;
  })());
});
