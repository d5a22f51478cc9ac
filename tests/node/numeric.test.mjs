// Numeric honesty: the wasm engine (through web/versus.js) on a small inline catalog of edge-case prices —
// zero prices, a half-zero price, a free tier only, missing prices, no offers, identical twins, prices a
// hair apart, tiny and huge prices — compared pairwise (and with themselves) under edge-case workloads.
// Every answer must hold finite numbers where a number is promised, and the engine's words (verdict, prose)
// and the page's price wording (web/format.js) must never say "NaN", "Infinity×", "100.0% cheaper",
// "0% cheaper" or "N% cheaper" with N > 100.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { WASM_JS, WASM_BIN, VERSUS_JS, need } from './helpers.mjs';

const { loadVersus } = await import(VERSUS_JS);

const SRC = 'num';
const f = (value) => ({ value, source: SRC });
const CATALOG = {
  schema: 'versus-catalog/1',
  generated: '2026-11-23',
  sources: { [SRC]: { name: 'Numeric test', url: 'https://example.com/num', date: '2026-11-01' } },
  benchmarks: [{ id: 'b1', name: 'Bench one', unit: '%', higherIsBetter: true }],
  providers: ['p1', 'p2', 'p3'].map((id) => ({ id, name: `Provider ${id}`, source: SRC })),
  models: [
    { id: 'z/zero', name: 'Zero', context: f(8000), benchmarks: { b1: f(50) } },
    { id: 'z/half-zero', name: 'Half Zero', benchmarks: { b1: f(50) } },
    { id: 'z/paid', name: 'Paid', context: f(8000), benchmarks: { b1: f(60) } },
    { id: 'z/paid-twin', name: 'Paid Twin', context: f(8000), benchmarks: { b1: f(60) } },
    { id: 'z/almost', name: 'Almost', benchmarks: { b1: f(60.0000001) } },
    { id: 'z/free', name: 'Free Tier Only' },
    { id: 'z/unpriced', name: 'Unpriced' },
    { id: 'z/no-offers', name: 'No Offers' },
    { id: 'z/tiny', name: 'Tiny' },
    { id: 'z/huge', name: 'Huge' },
  ],
  offers: [
    { model: 'z/zero', provider: 'p1', price: { input: 0, output: 0 }, source: SRC },
    { model: 'z/half-zero', provider: 'p1', price: { input: 0, output: 1 }, source: SRC },
    { model: 'z/paid', provider: 'p1', price: { input: 1, output: 2 }, source: SRC },
    { model: 'z/paid', provider: 'p2', price: { input: 1, output: 2 }, source: SRC },
    { model: 'z/paid-twin', provider: 'p1', price: { input: 1, output: 2 }, source: SRC },
    { model: 'z/almost', provider: 'p1', price: { input: 0.9999999, output: 2 }, source: SRC },
    { model: 'z/free', provider: 'p1', free: true, source: SRC },
    { model: 'z/unpriced', provider: 'p2', source: SRC },
    { model: 'z/unpriced', provider: 'p3', price: { input: 3 }, source: SRC },
    { model: 'z/tiny', provider: 'p3', price: { input: 1e-4, output: 1e-4 }, source: SRC },
    { model: 'z/huge', provider: 'p3', price: { input: 10000, output: 10000 }, source: SRC },
  ],
};
const IDS = CATALOG.models.map((m) => m.id);
const WORKLOADS = {
  default: {},
  'zero requests': { requests: 0 },
  'zero tokens': { inputTokens: 0, outputTokens: 0 },
  'all input': { ratio: 1, outputTokens: 0 },
  'all output': { ratio: 0, inputTokens: 0 },
  'at the bounds': { requests: 1e12, inputTokens: 1e9, outputTokens: 1e9 },
  'one request': { requests: 1, inputTokens: 1, outputTokens: 1 },
};

/** Wording no honest price comparison may contain. */
const BAD_TEXT = [
  [/\bNaN\b/, 'NaN'], [/Infinity|\binf\b|∞/i, 'Infinity'], [/\bundefined\b/, 'undefined'], [/\bnull\b/, 'null'],
  [/\[object/, '[object'], [/(^|[^\d.,])0(\.0+)?% (cheaper|more expensive|less)/, '0% cheaper/more'],
  [/100(\.0+)?% cheaper(?! \(free\))/, '100% cheaper'], [/-\$|\$-|−\$/, 'negative dollars'],
  [/(^|[^\d.])0(\.0+)?× /, '0×'], [/(^|[^\d.])1(\.0+)?× (the|as)/, '1× (no difference)'], [/-0(?![\d.])/, '-0'],
];
function badWords(s) {
  const out = BAD_TEXT.filter(([re]) => re.test(s)).map(([, name]) => name);
  for (const m of s.matchAll(/([\d,.]+)% cheaper/g)) if (Number(m[1].replace(/,/g, '')) > 100) out.push(`${m[0]} (> 100%)`);
  return out;
}

/** Every string and number in a value, with its JSON path. */
function* walk(v, path = '') {
  if (typeof v === 'string' || typeof v === 'number') yield [path, v];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* walk(v[i], `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* walk(x, path ? `${path}.${k}` : k);
}

let versus;
before(async () => {
  need(WASM_JS);
  versus = await loadVersus({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary: await readFile(need(WASM_BIN)), catalogText: JSON.stringify(CATALOG) });
  assert.equal(versus.ready.ok, true, JSON.stringify(versus.ready));
});

function compare(a, b, w) {
  const r = versus.compare(a, b, w);
  assert.equal(r.ok, true, `${a} vs ${b}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Numbers the contract promises (never null) and nullable ones that must be finite when present. */
function numberProblems(c, label) {
  const out = [];
  for (const [path, v] of walk(c)) {
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${label}: ${path} = ${v}`);
    if (typeof v === 'number' && Object.is(v, -0)) out.push(`${label}: ${path} = -0`);
  }
  for (const k of ['requests', 'inputTokens', 'outputTokens', 'ratio']) {
    if (typeof c.workload?.[k] !== 'number') out.push(`${label}: workload.${k} = ${c.workload?.[k]}`);
  }
  c.models.forEach((m, i) => {
    for (const k of ['routes', 'pricedRoutes']) if (typeof m[k] !== 'number') out.push(`${label}: models[${i}].${k} = ${m[k]}`);
    if (m.monthly && typeof m.monthly.cost !== 'number') out.push(`${label}: models[${i}].monthly.cost = ${m.monthly.cost}`);
    if (m.monthly && m.monthly.cost < 0) out.push(`${label}: models[${i}].monthly.cost < 0`);
    if (m.blended && typeof m.blended.price !== 'number') out.push(`${label}: models[${i}].blended.price = ${m.blended.price}`);
  });
  const p = c.price;
  for (const k of ['inputRatio', 'monthlyRatio']) if (p[k] !== null && !(p[k] >= 1)) out.push(`${label}: price.${k} = ${p[k]} (a ratio of higher ÷ lower is ≥ 1 or null)`);
  if (p.inputPercentCheaper !== null && !(p.inputPercentCheaper > 0 && p.inputPercentCheaper <= 100)) out.push(`${label}: price.inputPercentCheaper = ${p.inputPercentCheaper}`);
  if (p.inputPercentMoreExpensive !== null && !(p.inputPercentMoreExpensive > 0)) out.push(`${label}: price.inputPercentMoreExpensive = ${p.inputPercentMoreExpensive}`);
  // A "cheaper" index needs a real difference; equal prices give null.
  const [A, B] = c.models;
  if (A.cheapest && B.cheapest && A.cheapest.input === B.cheapest.input && p.cheaperInput !== null) out.push(`${label}: equal input prices but cheaperInput = ${p.cheaperInput}`);
  if (A.monthly && B.monthly && A.monthly.cost === B.monthly.cost && p.cheaperMonthly !== null) out.push(`${label}: equal monthly costs but cheaperMonthly = ${p.cheaperMonthly}`);
  return out;
}

function textProblems(c, label) {
  const out = [];
  const texts = [['verdict', c.verdict], ['price.inputSentence', c.price.inputSentence], ...[...walk(c.prose ?? {}, 'prose')].filter(([, v]) => typeof v === 'string')];
  for (const [path, s] of texts) {
    const bad = badWords(String(s));
    if (bad.length) out.push(`${label}: ${path} says ${bad.join(', ')}: “${String(s).slice(0, 220)}”`);
  }
  return out;
}

const pairs = [];
for (const a of IDS) for (const b of IDS) pairs.push([a, b]);

test('every pair under every edge workload answers with finite numbers where numbers are promised', () => {
  const problems = [];
  for (const [wname, w] of Object.entries(WORKLOADS)) {
    for (const [a, b] of pairs) problems.push(...numberProblems(compare(a, b, w), `${a} vs ${b} (${wname})`));
  }
  assert.deepEqual(problems, []);
});

test('the engine\'s verdict, input-price sentence and prose never say NaN, Infinity×, 0% or 100.0% cheaper', () => {
  const problems = [];
  for (const [wname, w] of Object.entries(WORKLOADS)) {
    for (const [a, b] of pairs) problems.push(...textProblems(compare(a, b, w), `${a} vs ${b} (${wname})`));
  }
  // One line per distinct complaint keeps the report readable.
  const distinct = [...new Map(problems.map((p) => [p.replace(/^[^:]*\(([^)]*)\): /, '').slice(0, 120), p])).values()];
  assert.deepEqual(distinct, []);
});

test('identical models: no cheaper side, no ratio, words say they cost the same', () => {
  for (const [a, b] of [['z/paid', 'z/paid-twin'], ['z/paid', 'z/paid'], ['z/zero', 'z/zero']]) {
    const c = compare(a, b, {});
    assert.equal(c.price.cheaperInput, null, `${a} vs ${b}`);
    assert.equal(c.price.cheaperMonthly, null, `${a} vs ${b}`);
    assert.equal(c.price.blendGap, 0);
    assert.equal(c.price.monthlyGap, 0);
    assert.doesNotMatch(c.verdict, /cheaper|more expensive|×/, `${a} vs ${b}: ${c.verdict}`);
  }
});

test('a zero price against a positive one: no ratio, no "Infinity×", the free side is named', () => {
  const c = compare('z/zero', 'z/paid', {});
  assert.equal(c.price.cheaperInput, 0);
  assert.equal(c.price.inputRatio, null);
  assert.equal(c.price.monthlyRatio, null);
  assert.equal(c.price.cheaperMonthly, 0);
  assert.equal(c.models[0].monthly.cost, 0);
  assert.ok(c.verdict.includes('Zero'), c.verdict);
  assert.deepEqual(badWords(c.verdict), [], c.verdict);
  assert.match(c.price.inputSentence, /is 100% cheaper \(free\)/);
  assert.deepEqual(badWords(c.price.inputSentence), [], c.price.inputSentence);
});

test('a free tier, missing prices and no offers are unknown (null), never $0', () => {
  for (const id of ['z/free', 'z/unpriced', 'z/no-offers']) {
    const c = compare(id, 'z/paid', {});
    assert.equal(c.models[0].cheapest, null, id);
    assert.equal(c.models[0].monthly, null, id);
    assert.equal(c.models[0].blended, null, id);
    assert.equal(c.price.cheaperInput, null, id);
    assert.equal(c.price.cheaperMonthly, null, id);
    assert.equal(c.price.monthlyGap, null, id);
    assert.doesNotMatch(c.verdict, /\$0(?![.\d])/, `${id}: ${c.verdict}`);
  }
  const m = versus.model('z/free', {});
  assert.equal(m.ok, true);
  assert.equal(m.value.offers[0].free, true);
  assert.equal(m.value.offers[0].input, null);
});

test('prices a hair apart: the engine says no "0.0% cheaper", no "1.00×"', () => {
  const c = compare('z/almost', 'z/paid', {});
  const words = [c.verdict, ...[...walk(c.prose ?? {})].map(([, v]) => v).filter((v) => typeof v === 'string')];
  for (const s of words) assert.deepEqual(badWords(s), [], s);
});

test('prices a hair apart: the input-price sentence says no "0% cheaper" / "0% more expensive"', () => {
  const c = compare('z/almost', 'z/paid', {});
  assert.match(c.price.inputSentence, /marginally cheaper/);
  assert.doesNotMatch(c.price.inputSentence, /more expensive/);
  assert.deepEqual(badWords(c.price.inputSentence), [], c.price.inputSentence);
});

test('rank and model stay finite under edge workloads', () => {
  const problems = [];
  for (const [wname, w] of Object.entries(WORKLOADS)) {
    const r = versus.rank(w, {}, 100);
    assert.equal(r.ok, true, JSON.stringify(r.error));
    for (const [path, v] of walk(r.value)) if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`rank (${wname}): ${path} = ${v}`);
    for (const id of IDS) {
      const m = versus.model(id, w);
      assert.equal(m.ok, true, `${id}: ${JSON.stringify(m.error)}`);
      for (const [path, v] of walk(m.value)) {
        if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`model ${id} (${wname}): ${path} = ${v}`);
        if (typeof v === 'string' && path.includes('analysis')) {
          const bad = badWords(v);
          if (bad.length) problems.push(`model ${id} (${wname}): ${path} says ${bad.join(', ')}: “${v.slice(0, 160)}”`);
        }
      }
    }
  }
  const distinct = [...new Map(problems.map((p) => [p.replace(/^[^:]*\(([^)]*)\): /, '').slice(0, 120), p])).values()];
  assert.deepEqual(distinct, []);
});

test('3 to 6 models with zero, free and unknown prices: cheapestMonthly is an index or null', () => {
  const r = versus.compareMany(['z/zero', 'z/free', 'z/unpriced', 'z/paid', 'z/paid-twin', 'z/huge'], {});
  assert.equal(r.ok, true, JSON.stringify(r.error));
  const t = r.value;
  assert.ok(t.cheapestMonthly === null || (Number.isInteger(t.cheapestMonthly) && t.cheapestMonthly < 6));
  assert.equal(t.cheapestMonthly, 0);
  for (const [path, v] of walk(t)) if (typeof v === 'number') assert.ok(Number.isFinite(v), `${path} = ${v}`);
});
