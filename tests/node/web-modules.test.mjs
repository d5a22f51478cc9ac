// The page's ES modules (web/*.js): how they import each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const WEB = path.join(ROOT, 'web');

/** file → the web modules it imports statically (dynamic import() is lazy loading, not part of the graph). */
function importGraph() {
  const graph = new Map();
  for (const file of readdirSync(WEB).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(WEB, file), 'utf8');
    graph.set(file, [...text.matchAll(/^import\s(?:[^;]*?from\s+)?'\.\/([^']+)'/gm)].map((m) => m[1]));
  }
  return graph;
}

test('no import cycles in web/: every module can be read without the ones that import it', () => {
  const graph = importGraph();
  assert.ok(graph.get('tools.js').includes('nway.js'), 'set-up: the graph is read');
  const cycles = [];
  const state = new Map(); // file → 'open' while on the path, 'done' after
  const visit = (file, trail) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) visit(file, []);
  assert.deepEqual(cycles, []);
});

// Each page, and the modules it loads at start beside its entry scripts' static imports (dynamic imports made at once).
const PAGES = Object.freeze({
  'index.html': ['versus-engine.js'], // versus.js imports the engine's glue by its URL, an option
  'widget.html': ['versus.js', 'format.js', 'test-hooks.js', 'versus-engine.js?embed'], // embed.js loadLibs, loadCatalog
});

test('each page modulepreloads every module it loads at start, and no other', () => {
  // A module found only when its importer is parsed costs a round trip on the phone's critical path (issue 21:
  // pair-view.js and pages.js, missing in index.html, arrived 170 ms after the wasm at CPU x4 + fast 4G).
  const graph = importGraph();
  for (const [page, atStart] of Object.entries(PAGES)) {
    const html = readFileSync(path.join(WEB, page), 'utf8');
    const entries = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    assert.ok(entries.length >= 2, `set-up: the entry scripts of ${page} are read`);
    const loaded = new Set(atStart);
    const visit = (file) => {
      for (const next of graph.get(file.replace(/\?.*/, '')) ?? []) if (!loaded.has(next)) loaded.add(next), visit(next);
    };
    [...entries, ...atStart].forEach(visit);
    for (const e of entries) loaded.delete(e);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual([...preloaded].sort(), [...loaded].sort(), page);
    for (const asset of ['versus-engine.wasm', 'catalog.pack']) {
      assert.match(html, new RegExp(`<link rel="preload" href="${asset.replace('.', '\\.')}" as="fetch" crossorigin>`), `${page}: ${asset}`);
    }
  }
});

test('location.hash is read and written in web/state.js only, and no module splits a URL itself', () => {
  const offenders = [];
  for (const file of readdirSync(WEB).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(WEB, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, ''); // code, not comments
    // drawn.js, a classic script that runs before any module, compares the hash whole with the one the page's figures
    // were drawn for (it never reads a key out of it): anything else waits for state.js and the engine.
    if (file !== 'state.js' && file !== 'drawn.js' && /location\.hash/.test(text)) offenders.push(`${file}: location.hash`);
    // test-hooks.js owns the catalog test hook's parameter, which is needed before the engine has loaded; the
    // service worker decodes request paths, not the page's state.
    if (file !== 'test-hooks.js' && file !== 'sw.js' && /URLSearchParams|decodeURIComponent|split\('&'\)/.test(text)) offenders.push(`${file}: parses a URL`);
  }
  assert.deepEqual(offenders, []);
});
