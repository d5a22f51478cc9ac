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
 *   - One cache per release, named versus-<BUILD>. Install fetches every file of the release, revalidating what the
 *     HTTP cache holds (cache: 'no-cache': a 304 for a file the page has just loaded), and checks each against its
 *     SHA-256; only when all of them match are they written. A file from another release (a half-finished
 *     deploy, a stale CDN copy) fails the install, and the page keeps running the release it has: never new JS
 *     with an old wasm or catalog.
 *   - Requests for the release's files (any query, e.g. index.html?catalog=…, versus-engine.js?embed) are
 *     answered from that release's cache only, cache-first. A visit to another page of the site (a static model or
 *     comparison page) goes to the network and keeps a copy in the release's cache for offline use (sitePage);
 *     everything else goes to the network.
 *   - The first release activates at once. A later one waits until the page asks for it ("Update ready —
 *     reload", see offline.js): it posts {type:'update-ready', build} to the pages; {type:'skip-waiting'}
 *     activates it.
 *   - A tab keeps the release it started with until it reloads: each page's release is recorded when its
 *     navigation is answered (in the versus.clients cache, which outlives this worker), and its later requests
 *     (lazy modules, the widget's engine) are answered from that release's cache. An old release's cache is
 *     deleted once no open page uses it (checked on activation and whenever a page starts), so files are
 *     replaced all together in every tab, not only in the one that asked for the update.
 *   - {type:'build'} on a MessageChannel port answers {build, cache, files}.
 */
const BUILD = 'dev'; // @stamp build
const FILES = []; // @stamp files
const PREFIX = 'versus-';
const CACHE = `${PREFIX}${BUILD}`;
const PATHS = new Set(FILES.map(([p]) => p));
const CLIENTS = 'versus.clients'; // client id → the build that served its page (not a versus-<build> cache)
const clientBuilds = new Map(); // the same, for this worker's lifetime

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
    // index.html is asked for as the folder (what a first visit opened: the HTTP cache has it under that address),
    // and kept as index.html, where fromCache looks for it.
    const from = path === 'index.html' ? scopeUrl().href : url;
    // Revalidated against the server, not fetched again: a file the page has just loaded comes from the HTTP cache
    // after a 304 (one download a first visit, not two); a changed file comes in full, and the hash check below
    // still refuses a file of another release.
    const res = await fetch(from, { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    const got = `sha256-${toBase64(await crypto.subtle.digest('SHA-256', body))}`;
    if (got !== hash) throw new Error(`${path} is not the file of release ${BUILD}; not installing`);
    return [url, new Response(body, { status: 200, statusText: 'OK', headers: res.headers })];
  }));
  // Until it activates, the worker in charge must not drop this release's cache as unused: said before the
  // cache exists, since that worker may clean up (a page starting) while this one is still writing.
  const records = await caches.open(CLIENTS);
  await records.put(waitingKey(), new Response(BUILD));
  try {
    const cache = await caches.open(CACHE);
    for (const [url, res] of entries) await cache.put(url, res);
  } catch (e) {
    await caches.delete(CACHE);
    await records.delete(waitingKey());
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

const clientKey = (id) => new URL(`__versus-client/${encodeURIComponent(id)}`, scopeUrl()).href;
const waitingKey = () => new URL('__versus-waiting', scopeUrl()).href;

async function recordClient(id) {
  if (!id) return;
  clientBuilds.set(id, BUILD);
  await (await caches.open(CLIENTS)).put(clientKey(id), new Response(BUILD));
}

/** The build whose page a client is, or null when it is not known (a page this worker did not serve). */
async function buildOf(id) {
  if (!id) return null;
  if (clientBuilds.has(id)) return clientBuilds.get(id);
  const hit = await (await caches.open(CLIENTS)).match(clientKey(id));
  const build = hit ? await hit.text() : null;
  clientBuilds.set(id, build);
  return build;
}

/** Delete the caches of releases no open page uses, and the records of closed pages. */
async function dropUnusedReleases() {
  const open = new Set((await self.clients.matchAll({ type: 'all', includeUncontrolled: true })).map((c) => c.id));
  const inUse = new Set([BUILD]);
  const records = await caches.open(CLIENTS);
  const waiting = await records.match(waitingKey());
  if (waiting) {
    if (self.registration.waiting || self.registration.installing) inUse.add(await waiting.text());
    else await records.delete(waitingKey());
  }
  for (const key of await records.keys()) {
    if (key.url === waitingKey()) continue;
    const id = decodeURIComponent(new URL(key.url).pathname.split('/').pop());
    if (open.has(id)) inUse.add(await (await records.match(key)).text());
    else {
      await records.delete(key);
      clientBuilds.delete(id);
    }
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !inUse.has(name.slice(PREFIX.length))) await caches.delete(name);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await dropUnusedReleases();
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'build' && event.ports?.[0]) {
    // The page's own release (the one that served it) beside this worker's.
    event.waitUntil(buildOf(event.source?.id).then((page) => {
      event.ports[0].postMessage({ build: BUILD, cache: CACHE, files: FILES.length, page: page ?? BUILD });
    }));
  } else if (type === 'started') event.waitUntil(dropUnusedReleases()); // a page is up: the one it replaced is gone
});

/** A release file from the cache of the page's own release (this one for a new page), else the network. */
async function fromCache(event, path) {
  const url = new URL(path, scopeUrl()).href;
  if (event.request.mode === 'navigate') {
    event.waitUntil(recordClient(event.resultingClientId));
  } else {
    const build = await buildOf(event.clientId);
    if (build && build !== BUILD && (await caches.has(`${PREFIX}${build}`))) {
      const old = await (await caches.open(`${PREFIX}${build}`)).match(url);
      if (old) return old;
    }
  }
  const hit = await (await caches.open(CACHE)).match(url);
  return hit ?? fetch(event.request);
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
  if (PATHS.has(path)) event.respondWith(fromCache(event, path));
  else if (request.mode === 'navigate') event.respondWith(sitePage(event));
});

/**
 * A page of the site outside the release (a static model or comparison page, scripts/build-pages.mjs): from the
 * network, kept in this release's cache as it is visited (there are thousands: none is precached); offline, the copy
 * kept, else a short page that says so and links to the calculator, which works offline.
 */
async function sitePage(event) {
  event.waitUntil(recordClient(event.resultingClientId));
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(event.request);
    if (res.ok && res.type === 'basic' && !res.redirected) event.waitUntil(cache.put(event.request, res.clone()));
    return res;
  } catch {
    const kept = await cache.match(event.request);
    if (kept) return kept;
    return new Response(`<!doctype html><meta charset="utf-8"><title>Offline — Versus</title><p>This page was not saved for offline use. <a href="${scopeUrl().href}">Open the Versus calculator</a>, which works offline.</p>`,
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}
