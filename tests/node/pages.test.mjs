// web/pages.js: where the static pages live, and the key that says which state a page stands for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { slug, modelPagePath, pairPagePath, pagePathOf, pageKey, blankState } from '../../web/pages.js';
import { loadVersus } from '../../web/versus.js';
import { WASM_JS, WASM_BIN, SEED_CATALOG, need } from './helpers.mjs';

test('slug: lower case, one dash for each run of other characters, never "." or ".." or empty', () => {
  assert.equal(slug('Llama-3.2-1B Instruct'), 'llama-3.2-1b-instruct');
  assert.equal(slug('gpt-4o:2024-08-06'), 'gpt-4o-2024-08-06');
  assert.equal(slug('..'), 'model');
  assert.equal(slug('.hidden.'), 'hidden');
  assert.equal(slug('@cf/x'), 'cf-x');
  assert.equal(slug(''), 'model');
});

test('page paths: a model under models/<maker>/<name>/, a pair under compare/<a>-vs-<b>/ in its order', () => {
  assert.equal(modelPagePath('openai/o3'), 'models/openai/o3/');
  assert.equal(modelPagePath('evil/../../x'), 'models/evil/model/model/x/');
  assert.equal(pairPagePath('openai/o3', 'openai/o4-mini'), 'compare/openai-o3-vs-openai-o4-mini/');
  assert.equal(pagePathOf({ models: ['openai/o4-mini', 'openai/o3'], model: '', tool: '' }), 'compare/openai-o4-mini-vs-openai-o3/');
  assert.equal(pagePathOf({ models: [], model: 'openai/o3', tool: '' }), 'models/openai/o3/');
  assert.equal(pagePathOf({ models: ['openai/o3', 'openai/o4-mini'], model: '', tool: 'rank' }), null, 'a tool has no page');
  assert.equal(pagePathOf({ models: ['openai/o3', 'openai/o4-mini', 'x/y'], model: '', tool: '' }), null, 'nor three models');
  assert.equal(pagePathOf({ models: ['openai/o3'], model: '', tool: '' }), null, 'nor one model of a pair');
});

test('pageKey: the engine\'s hash of the page\'s state with everything else at its default, whatever the traffic', async () => {
  need(WASM_BIN);
  const versus = await loadVersus({ moduleUrl: new URL(`file://${WASM_JS}`), wasmBinary: await readFile(WASM_BIN), catalogText: await readFile(SEED_CATALOG, 'utf8') });
  const blank = blankState(versus);
  const w = blank.workload;
  const traffic = `ratio=${w.ratio}&req=${w.requests}&in=${w.inputTokens}&out=${w.outputTokens}`;
  assert.equal(pageKey(versus, { ...blank, models: ['openai/o3', 'openai/o4-mini'] }), `#a=openai/o3&b=openai/o4-mini&${traffic}`);
  const busy = { ...blank, models: ['openai/o3', 'openai/o4-mini'], workload: { ...w, requests: 5, cacheHitRate: 0.5 } };
  assert.equal(pageKey(versus, busy), `#a=openai/o3&b=openai/o4-mini&${traffic}`, 'the traffic and the details are not part of it');
  assert.equal(pageKey(versus, { ...blank, model: 'openai/o3' }), `#model=openai/o3&${traffic}`);
  assert.equal(pageKey(versus, { ...blank, models: ['openai/o3', 'openai/o4-mini'], tool: 'rank' }), null);
});
