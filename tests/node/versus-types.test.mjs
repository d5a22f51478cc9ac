// web/versus.d.ts, docs/engine-api.md and web/versus.js name the same API: every method of the Versus object
// is typed and documented, and nothing is typed or documented that the module does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const read = (p) => readFileSync(path.join(ROOT, p), 'utf8');

test('every Versus method is in versus.d.ts and docs/engine-api.md, and only those', () => {
  const js = read('web/versus.js');
  const body = js.slice(js.indexOf('class Versus'), js.indexOf('export async function loadVersus'));
  const methods = [...body.matchAll(/^ {2}([a-z][A-Za-z]+)\([^)]*\) \{/gm)].map((m) => m[1]).filter((m) => m !== 'constructor').sort();
  assert.ok(methods.includes('compare') && methods.includes('resolve'), `set-up: the methods are read (${methods})`);

  const dts = read('web/versus.d.ts');
  const start = dts.indexOf('export interface Versus {');
  const iface = dts.slice(start, dts.indexOf('\n}\n', start));
  const typed = [...iface.matchAll(/^ {2}([a-z][A-Za-z]+)\(/gm)].map((m) => m[1]).sort();
  assert.deepEqual(typed, methods, 'versus.d.ts types exactly the methods of versus.js');

  const doc = read('docs/engine-api.md');
  const section = doc.slice(doc.indexOf('## ES module `web/versus.js`'));
  const documented = [...new Set([...section.matchAll(/versus\.([a-z][A-Za-z]+)\(/g)].map((m) => m[1]))].sort();
  assert.deepEqual(documented, methods, 'docs/engine-api.md shows a call of exactly the methods of versus.js');

  const exported = [...js.matchAll(/^export (?:async function|function|const) ([A-Za-z_]+)/gm)].map((m) => m[1]).sort();
  const declared = [...dts.matchAll(/^export (?:function|const) ([A-Za-z_]+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, exported, 'versus.d.ts declares exactly the exports of versus.js');
});
