// The real bill (issue 17) through the wasm module and web/versus.js, on the committed catalog's offers:
// each workload option changes the month exactly as hand-computed from the offer's own prices.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, WASM_JS, WASM_BIN, VERSUS_JS, need } from './helpers.mjs';

const { loadVersus } = await import(VERSUS_JS);
let versus;

before(async () => {
  const wasmBinary = await readFile(need(WASM_BIN));
  const catalogText = await readFile(path.join(ROOT, 'data/catalog.json'), 'utf8');
  versus = await loadVersus({ moduleUrl: pathToFileURL(need(WASM_JS)), wasmBinary, catalogText });
  assert.equal(versus.ready.ok, true, JSON.stringify(versus.ready));
});

function model(id, workload) {
  const r = versus.model(id, workload);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.value;
}
const offerAt = (view, provider, region = null) => view.offers.find((o) => o.provider.id === provider && o.region === region);
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

test('reasoning: typical bills o3\'s hidden reasoning at its output price, and says where the ratio comes from', () => {
  const visible = model('openai/o3', {});
  const typical = model('openai/o3', { reasoning: 'typical' });
  const { ratio, basis, models, sentence } = typical.reasoning;
  assert.equal(basis, 'maker median');
  assert.equal(models, 11);
  assert.match(sentence, /median of OpenAI's 11 measured reasoning models/);
  const route = typical.monthly.route;  // OpenAI's $2 / $8
  assert.deepEqual([route.provider.id, route.input, route.output], ['openai', 2, 8]);
  close(visible.monthly.cost, 1e6 * (800 * 2 + 250 * 8) / 1e6);
  close(typical.monthly.cost, 1e6 * (800 * 2 + 250 * 8 + 250 * ratio * 8) / 1e6);
  close(typical.reasoning.visibleMonthly, visible.monthly.cost);
  assert.equal(typical.reasoning.counted, true);
  assert.equal(visible.reasoning.counted, false);
});

test('tier: flex and priority bill o3 at OpenAI\'s own flex and priority rates', () => {
  for (const tier of ['flex', 'priority']) {
    const view = model('openai/o3', { tier, cacheHitRate: 0.5 });
    const o = offerAt(view, 'openai');
    const sp = o[tier];
    assert.ok(sp && sp.input && sp.output && sp.cacheRead, `OpenAI lists o3's ${tier} prices`);
    assert.equal(o.offersTier, true);
    close(o.monthly, 1e6 * (400 * sp.input + 400 * sp.cacheRead + 250 * sp.output) / 1e6);
  }
  const view = model('openai/o3', { tier: 'flex' });
  const without = view.offers.find((o) => o.status === 'live' && o.input !== null && !o.flex);
  assert.equal(without.offersTier, false);
  assert.deepEqual(without.assumptions, ['no flex price listed: billed at the standard price']);
});

test('cacheLifetime: 1h bills Claude Sonnet 4.5\'s cache writes at Anthropic\'s 1-hour price', () => {
  const w = { cacheWriteRate: 0.5 };
  const five = offerAt(model('anthropic/claude-sonnet-4-5', w), 'anthropic');
  const hour = offerAt(model('anthropic/claude-sonnet-4-5', { ...w, cacheLifetime: '1h' }), 'anthropic');
  assert.ok(hour.cacheWrite1h > hour.cacheWrite, 'Anthropic prices the 1-hour write above the 5-minute one');
  close(five.monthly, 1e6 * (400 * five.input + 400 * five.cacheWrite + 250 * five.output) / 1e6);
  close(hour.monthly, 1e6 * (400 * hour.input + 400 * hour.cacheWrite1h + 250 * hour.output) / 1e6);
});

test('region: EU keeps routes that process there, at their uplift, and drops the rest', () => {
  const anywhere = model('openai/gpt-5.4', {});
  const eu = model('openai/gpt-5.4', { region: 'EU' });
  const o = offerAt(eu, 'openai');
  assert.equal(o.regionUplift.EU, 1.1);
  close(o.monthly, 1.1 * offerAt(anywhere, 'openai').monthly);
  const elsewhere = eu.offers.filter((x) => x.status === 'live' && x.input !== null && !x.inRegion);
  assert.ok(elsewhere.length > 0, 'some routes do not serve the EU');
  assert.ok(elsewhere.every((x) => x.monthly === null));
  assert.ok(eu.monthly.cost >= anywhere.monthly.cost);
  const bad = versus.model('openai/gpt-5.4', { region: 'E\nU' });
  assert.equal(bad.ok, false);
  assert.match(bad.error.message, /region/);
});

test('the choices and the regions come from the engine', () => {
  assert.deepEqual(versus.limits.workloadChoices.tier.options, ['standard', 'flex', 'priority']);
  assert.equal(versus.limits.workloadChoices.reasoning.default, 'visible');
  const lists = versus.lists();
  assert.ok(lists.value.regions.some((r) => r.id === 'EU' && r.routes > 0));
});
