// versus.priceRecords (the packed fast path: interned keys, records as numbers in wasm memory, resolutions
// remembered across calls) against the engine's JSON function priceBatch, on the seed fixture catalog.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { WASM_JS, WASM_BIN, SEED_CATALOG, VERSUS_JS, need } from './helpers.mjs';

const { loadVersus } = await import(VERSUS_JS);

let versus;
let engine; // a second engine instance, for the JSON path
let catalogText;
let wasmBinary;

before(async () => {
  need(WASM_JS);
  wasmBinary = await readFile(need(WASM_BIN));
  catalogText = await readFile(SEED_CATALOG, 'utf8');
  versus = await loadVersus({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary, catalogText });
  assert.equal(versus.ready.ok, true, JSON.stringify(versus.ready));
  const factory = (await import(`${pathToFileURL(WASM_JS).href}?json-path`)).default;
  engine = await factory({ wasmBinary, print: () => {}, printErr: () => {} });
  assert.equal(JSON.parse(engine.loadCatalog(catalogText)).ok, true);
});

/** The JSON path: the engine's priceBatch binding on the same records. */
function priceBatch(records) {
  const env = JSON.parse(engine.priceBatch(JSON.stringify(records)));
  assert.equal(env.ok, true, env.error);
  return env.result;
}

function priced(records, v = versus) {
  const r = v.priceRecords(records);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.value;
}

const MIXED = [
  { model: 'o3', provider: 'openai', inputTokens: 1e6, outputTokens: 0 },
  { model: '@cf/meta/llama-3.2-1b-instruct', inputTokens: 1e6, outputTokens: 1e6 },
  { model: 'llama guard', provider: 'fireworks-ai', inputTokens: 0, outputTokens: 2e6 },
  { model: 'gpt-99', provider: 'openai', inputTokens: 10, outputTokens: 10 },
  { model: 'o3', provider: 'openrouter', inputTokens: 10, outputTokens: 10 },
  { model: 'o4 mini', inputTokens: 1200, outputTokens: 300 },
  { model: 'openai/o3', provider: 'openai', inputTokens: 123456, outputTokens: 7890 },
  { model: 'Llama 3.2 1B Instruct', provider: 'cloudflare-workers-ai', inputTokens: 800, outputTokens: 250 },
  { model: 'codex', inputTokens: 3, outputTokens: 4 },
];

test('priceRecords gives the JSON path\'s answer on the seed catalog', () => {
  const expected = priceBatch(MIXED);
  assert.deepEqual(priced(MIXED), expected);
  assert.deepEqual(priced(MIXED), expected, 'again, from remembered resolutions');
  assert.equal(Math.round(expected.prices[0] * 1e6) / 1e6, 2);
  assert.ok(expected.unresolved >= 2);
});

test('a long stream of random records equals the JSON path, record for record', () => {
  const names = ['o3', 'openai/o3', 'o4-mini', 'o4 mini', 'llama 3.2 1b', '@cf/meta/llama-3.2-1b-instruct', 'llama guard', 'gpt 5.3 codex', 'gpt-99', 'llama'];
  const providers = [undefined, 'openai', 'openrouter', 'cloudflare-workers-ai', 'fireworks-ai', 'nowhere'];
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const records = Array.from({ length: 5000 }, () => {
    const r = { model: names[Math.floor(rand() * names.length)], inputTokens: Math.floor(rand() * 1e6), outputTokens: rand() * 1e5 };
    const p = providers[Math.floor(rand() * providers.length)];
    if (p !== undefined) r.provider = p;
    return r;
  });
  const expected = priceBatch(records);
  const got = priced(records);
  assert.equal(got.prices.length, records.length);
  assert.deepEqual(got, expected);
  assert.ok(got.prices.some((p) => p === null) && got.prices.some((p) => p > 0));
});

test('an empty stream prices as empty', () => {
  assert.deepEqual(priced([]), { prices: [], unresolved: 0, reasons: [] });
});

test('an unknown name or route prices as null, with the reason', () => {
  const v = priced([
    { model: 'o3', provider: 'openai', inputTokens: 1, outputTokens: 1 },
    { model: 'gpt-99', provider: 'openai', inputTokens: 1, outputTokens: 1 },
    { model: 'o3', provider: 'openrouter', inputTokens: 1, outputTokens: 1 },
  ]);
  assert.equal(v.prices[1], null);
  assert.equal(v.prices[2], null);
  assert.equal(v.unresolved, 2);
  assert.deepEqual(v.reasons.map((r) => r.index), [1, 2]);
  assert.match(v.reasons[0].message, /unknown model "gpt-99"/);
  assert.match(v.reasons[1].message, /no priced live route at "openrouter"/);
});

test('reasons list the first 20 unpriced records; unresolved counts them all', () => {
  const records = Array.from({ length: 70000 }, (_, i) => ({ model: i % 2 ? 'o3' : `nothing-${i % 50}`, inputTokens: 1, outputTokens: 1 }));
  const v = priced(records); // two chunks of the fast path
  assert.equal(v.prices.length, 70000);
  assert.equal(v.unresolved, 35000);
  assert.equal(v.reasons.length, 20);
  assert.deepEqual(v.reasons.slice(0, 3).map((r) => r.index), [0, 2, 4]);
  assert.ok(v.prices[69999] > 0);
});

test('setOverrides changes what remembered names price at; clearing them restores it', () => {
  const o3 = [{ model: 'o3', provider: 'openai', inputTokens: 1e6, outputTokens: 0 }, { model: 'o3', inputTokens: 1e6, outputTokens: 0 }];
  assert.deepEqual(priced(o3).prices, [2, 2]);
  const r = versus.setOverrides({ prices: [{ model: 'openai/o3', provider: 'openai', input: 0.5, output: 1 }] });
  assert.equal(r.ok, true, JSON.stringify(r.error));
  try {
    assert.deepEqual(priced(o3).prices, [0.5, 0.5]);
    const again = versus.setOverrides({ prices: [{ model: 'openai/o3', provider: 'openai', input: 0.25, output: 1 }] });
    assert.equal(again.ok, true, JSON.stringify(again.error));
    assert.deepEqual(priced(o3).prices, [0.25, 0.25]);
  } finally {
    assert.equal(versus.setOverrides(null).ok, true);
  }
  assert.deepEqual(priced(o3).prices, [2, 2]);
});

test('a new catalog is seen by remembered names', () => {
  const cheaper = JSON.parse(catalogText);
  for (const o of cheaper.offers) if (o.model === 'openai/o3' && o.provider === 'openai') o.price = { ...o.price, input: 1 };
  const record = [{ model: 'o3', provider: 'openai', inputTokens: 1e6, outputTokens: 0 }];
  assert.deepEqual(priced(record).prices, [2]);
  assert.equal(versus.loadCatalog(JSON.stringify(cheaper)).ok, true);
  try {
    assert.deepEqual(priced(record).prices, [1]);
    for (const o of cheaper.offers) if (o.model === 'openai/o3' && o.provider === 'openai') o.price.input = 3;
    assert.equal(versus.loadCatalog(JSON.stringify(cheaper)).ok, true);
    assert.deepEqual(priced(record).prices, [3]);
  } finally {
    assert.equal(versus.loadCatalog(catalogText).ok, true);
  }
  assert.deepEqual(priced(record).prices, [2]);
});

test('two Versus objects on one engine keep their own catalogs and share the keys', async () => {
  const cheaper = JSON.parse(catalogText);
  for (const o of cheaper.offers) if (o.model === 'openai/o3' && o.provider === 'openai') o.price = { ...o.price, input: 1 };
  const other = await loadVersus({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary, catalogText: JSON.stringify(cheaper) });
  const record = [{ model: 'o3', provider: 'openai', inputTokens: 1e6, outputTokens: 0 }, { model: 'o4-mini', inputTokens: 5, outputTokens: 5 }];
  for (let round = 0; round < 2; round++) {
    assert.equal(priced(record, other).prices[0], 1);
    assert.equal(priced(record).prices[0], 2);
  }
  assert.deepEqual(priced(record), priceBatch(record));
});

test('bad records are an error naming the record and field, and the next call still works', () => {
  const good = { model: 'o3', provider: 'openai', inputTokens: 10, outputTokens: 10 };
  const cases = [
    [{ ...good, inputTokens: -1 }, 'records[1].inputTokens', /from 0 to 1e9, got -1/],
    [{ ...good, outputTokens: NaN }, 'records[1].outputTokens', /got nan/i],
    [{ ...good, inputTokens: Infinity }, 'records[1].inputTokens', /from 0 to 1e9/],
    [{ ...good, outputTokens: 2e9 }, 'records[1].outputTokens', /from 0 to 1e9/],
    [{ ...good, inputTokens: '10' }, 'records[1].inputTokens', /expected a number, got string/],
    [{ model: 'o3', outputTokens: 1 }, 'records[1].inputTokens', /is required/],
    [{ ...good, model: undefined }, 'records[1].model', /is required/],
    [{ ...good, model: 42 }, 'records[1].model', /expected a string, got number/],
    [{ ...good, provider: null }, 'records[1].provider', /expected a string, got null/],
    [{ ...good, model: 'brand-new-name\u202e' }, 'records[1].model', /override/],
    [null, 'records[1]', /expected an object, got null/],
    [[1, 2], 'records[1]', /expected an object, got array/],
  ];
  for (const [record, path, message] of cases) {
    const r = versus.priceRecords([good, record, { ...good, model: `fresh-${path}` }]);
    assert.equal(r.ok, false, `${path} ${JSON.stringify(record)}`);
    assert.equal(r.error.problems[0].path, path);
    assert.match(r.error.problems[0].message, message);
    assert.match(r.error.message, new RegExp(path.replace(/[[\].]/g, '\\$&')));
    assert.deepEqual(priced(MIXED), priceBatch(MIXED), `after ${path}`);
  }
  assert.equal(versus.priceRecords('o3').ok, false);
  assert.equal(versus.priceRecords(null).error.problems[0].path, 'records');
});

test('a getter that throws is an error value, not an exception', () => {
  const hostile = { get model() { throw new Error('no model for you'); } };
  const r = versus.priceRecords([hostile]);
  assert.equal(r.ok, false);
  assert.match(r.error.message, /no model for you/);
  assert.deepEqual(priced(MIXED), priceBatch(MIXED));
});

test('without a catalog the answer is an error value', async () => {
  const broken = await loadVersus({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary, catalogText: '{' });
  const r = broken.priceRecords([{ model: 'o3', inputTokens: 1, outputTokens: 1 }]);
  assert.equal(r.ok, false);
  assert.match(r.error.message, /no catalog/);
});

test('the shipped catalog: a ":free" name at OpenRouter prices at $0, the plain name at the paid route', async () => {
  const full = await loadVersus({ moduleUrl: new URL(`${pathToFileURL(WASM_JS).href}?full`), wasmBinary,
    catalogText: await readFile(new URL('../../data/catalog.json', import.meta.url), 'utf8') });
  assert.equal(full.ready.ok, true, JSON.stringify(full.ready));
  const [free, paid] = priced([
    { model: 'gpt-oss-20b:free', provider: 'openrouter', inputTokens: 1e6, outputTokens: 1e6 },
    { model: 'gpt-oss-20b', provider: 'openrouter', inputTokens: 1e6, outputTokens: 1e6 },
  ], full).prices;
  assert.equal(free, 0);
  assert.equal(paid, 0.16, 'the paid OpenRouter route of GPT OSS 20B: $0.03 + $0.13 for 1M in and 1M out');
  // DeepSeek R1's free route is gone from OpenRouter's own list (data/IMPORT.md): no price, and why; never the paid one.
  const gone = priced([{ model: 'deepseek-r1:free', provider: 'openrouter', inputTokens: 1e6, outputTokens: 1e6 }], full);
  assert.deepEqual(gone.prices, [null]);
  assert.match(gone.reasons[0].message, /free route deepseek-r1:free at "openrouter" is retired/);
});
