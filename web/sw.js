/**
 * sw.js — the offline cache (service worker). Registered by offline.js.
 *
 * scripts/stamp-release (run by scripts/build-site) replaces the two lines marked @stamp below with the
 * release's build id and the list of the release's files with their SHA-256, e.g.
 *   const BUILD = '3f9c0a1be2d4c5e6';
 *   const FILES = [["index.html","sha256-…"],["versus-engine.wasm","sha256-…"],…];
 * (every file at the top of the site: with them catalog.pack, the catalog the page loads, so it works offline)
 * Unstamped (BUILD 'dev', no files) it caches nothing and every request goes to the network.
 *
 * Rules:
 *   - One cache per release, named versus-<BUILD>. Install fetches every file of the release, bypassing the
 *     HTTP cache, and checks each against its SHA-256; only when all of them match are they written. A file
 *     from another release (a half-finished deploy, a stale CDN copy) fails the install, and the page keeps
 *     running the release it has: never new JS with an old wasm or catalog.
 *   - Requests for the release's files (any query, e.g. index.html?catalog=…, versus-engine.js?embed) are
 *     answered from that release's cache only, cache-first; everything else goes to the network.
 *   - The first release activates at once. A later one waits until the page asks for it ("Update ready —
 *     reload", see offline.js): it posts {type:'update-ready', build} to the pages; {type:'skip-waiting'}
 *     activates it; activation deletes every other versus-* cache, so files are replaced all together.
 *   - {type:'build'} on a MessageChannel port answers {build, cache, files}.
 */
const BUILD = 'dev'; // @stamp build
const FILES = []; // @stamp files
const PREFIX = 'versus-';
const CACHE = `${PREFIX}${BUILD}`;
const PATHS = new Set(FILES.map(([p]) => p));

const scopeUrl = () => new URL(self.registration.scope);

function toBase64(buf) {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function precache() {
  if (!FILES.length) return;
  const entries = await Promise.all(FILES.map(async ([path, hash]) => {
    const url = new URL(path, scopeUrl()).href;
    const res = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    const got = `sha256-${toBase64(await crypto.subtle.digest('SHA-256', body))}`;
    if (got !== hash) throw new Error(`${path} is not the file of release ${BUILD}; not installing`);
    return [url, new Response(body, { status: 200, statusText: 'OK', headers: res.headers })];
  }));
  try {
    const cache = await caches.open(CACHE);
    for (const [url, res] of entries) await cache.put(url, res);
  } catch (e) {
    await caches.delete(CACHE);
    throw e;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await precache();
    if (!self.registration.active) {
      await self.skipWaiting(); // the first release: nothing to replace
      return;
    }
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const page of pages) page.postMessage({ type: 'update-ready', build: BUILD });
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'build' && event.ports?.[0]) event.ports[0].postMessage({ build: BUILD, cache: CACHE, files: FILES.length });
});

async function fromCache(request, path) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(new URL(path, scopeUrl()).href);
  return hit ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !PATHS.size) return;
  const url = new URL(request.url);
  const scope = scopeUrl();
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  let path = url.pathname.slice(scope.pathname.length);
  if (path === '') path = 'index.html';
  try {
    path = decodeURIComponent(path);
  } catch {
    return;
  }
  if (!PATHS.has(path)) return;
  event.respondWith(fromCache(request, path));
});
