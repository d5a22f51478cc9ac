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
    graph.set(file, [...text.matchAll(/^import\s[^;]*?from\s+'\.\/([^']+)'/gm)].map((m) => m[1]));
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
