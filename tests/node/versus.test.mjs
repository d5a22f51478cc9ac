// The ES module API (web/versus.js) against the built wasm, with the seed fixture catalog:
// every derived figure of the four seed pair pages, errors as values, and the same JSON as the native CLI.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { WASM_JS, WASM_BIN, CLI, SEED_CATALOG, VERSUS_JS, need, round } from './helpers.mjs';

const run = promisify(execFile);
const { loadVersus, parseEnvelope } = await import(VERSUS_JS);
// The seed's traffic: the engine's defaults (versus.limits.workload), stated here as the seed pages give them.
const SEED_WORKLOAD = Object.freeze({ requests: 1000000, inputTokens: 800, outputTokens: 250, ratio: 0.7 });

const LLAMA = 'meta/llama-3.2-1b-instruct';
const O3 = 'openai/o3';
const O4 = 'openai/o4-mini';
const CODEX = 'openai/gpt-5.3-codex';
const GUARD = 'meta/llama-guard-3-1b';

let versus;
let catalogText;
let wasmBinary;
const opts = () => ({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary });

before(async () => {
  need(WASM_JS);
  wasmBinary = await readFile(need(WASM_BIN));
  catalogText = await readFile(SEED_CATALOG, 'utf8');
  versus = await loadVersus({ ...opts(), catalogText });
  assert.equal(versus.ready.ok, true, JSON.stringify(versus.ready));
});

function compare(b, a = LLAMA, workload = {}) {
  const r = versus.compare(a, b, workload);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.value;
}

test('catalogInfo counts the seed catalog', () => {
  const seed = JSON.parse(catalogText);
  assert.deepEqual(
    { models: versus.catalogInfo.models, providers: versus.catalogInfo.providers, offers: versus.catalogInfo.offers },
    { models: seed.models.length, providers: seed.providers.length, offers: seed.offers.length },
  );
  assert.equal(versus.catalogInfo.generated, seed.generated);
});

test('limits are the engine\'s: the bounds it enforces and its defaults', () => {
  const w = versus.limits.workload;
  assert.deepEqual(w.requests, { default: 1e6, min: 0, max: 1e12, share: false, what: 'requests a month' });
  assert.equal(w.ratio.default, SEED_WORKLOAD.ratio);
  assert.equal(versus.limits.comparedModels, 6);
  // The reported bound is the one compare() applies.
  assert.ok(versus.compare(LLAMA, O3, { requests: w.requests.max }).ok);
  const over = versus.compare(LLAMA, O3, { requests: w.requests.max * 2 });
  assert.equal(over.ok, false);
  assert.match(over.error.message, /requests/);
});

test('seed 000: Llama 3.2 1B Instruct vs o3', () => {
  const c = compare(O3);
  const p = c.price;
  assert.equal(Math.round(p.inputPercentMoreExpensive), 7307); // the seed's "~7307%", worded "more expensive"
  assert.equal(round(p.inputPercentCheaper, 2), 98.65); // correctly: "98.6% cheaper"
  assert.equal(round(p.inputRatio, 1), 74.1);
  assert.equal(p.cheaperInput, 0);
  assert.equal(round(p.blendGap), 3.72);
  assert.equal(round(p.outputDelta), 7.8);
  assert.equal(round(c.models[0].monthly.cost), 71.85);
  assert.equal(c.models[0].monthly.route.provider.name, 'Cloudflare Workers AI');
  assert.equal(round(c.models[1].monthly.cost), 3600);
  assert.equal(c.models[1].monthly.route.provider.name, 'OpenAI API');
  assert.equal(Math.round(p.monthlyGap), 3528);
  assert.equal(p.cheaperMonthly, 0);
  assert.equal(c.models[0].cheapest.input, 0.027);
  assert.equal(c.models[0].cheapest.output, 0.201);
  assert.equal(round(c.models[0].blended.price, 4), 0.0792);

  const gaps = Object.fromEntries(c.benchmarks.shared.map((s) => [s.id, round(s.gap, 1)]));
  assert.deepEqual(gaps, { gpqa: 62.1, humaneval: 68.6 });
  assert.equal(c.benchmarks.shared.find((s) => s.id === 'gpqa').name, 'Google-Proof Q&A');
  assert.equal(c.benchmarks.largestGap.id, 'humaneval');
  assert.equal(round(c.benchmarks.largestGap.gap, 1), 68.6);
  assert.equal(c.benchmarks.largestGap.leader, 1);

  assert.deepEqual(c.providers.shared.map((x) => x.name).sort(), ['OpenRouter', 'Vercel AI Gateway']);
  assert.equal(c.models[0].routes, 7);
  assert.equal(c.models[1].routes, 3);
});

test('seed 001: o4-mini — 1752%, $0.87 blend gap, MMLU-Pro 63.2, BFCL 42.4', () => {
  const c = compare(O4);
  assert.equal(Math.round(c.price.inputPercentMoreExpensive), 1752);
  assert.equal(round(c.price.blendGap), 0.87);
  const gaps = Object.fromEntries(c.benchmarks.shared.map((s) => [s.id, round(s.gap, 1)]));
  assert.equal(gaps['mmlu-pro'], 63.2);
  assert.equal(gaps.bfcl, 42.4);
});

test('seed 002: GPT-5.3-Codex — 6381%, $5.35 blend gap', () => {
  const c = compare(CODEX);
  assert.equal(Math.round(c.price.inputPercentMoreExpensive), 6381);
  assert.equal(round(c.price.blendGap), 5.35);
});

test('seed 003: Llama Guard 3 1B — 270%, $0.02 blend gap', () => {
  const c = compare(GUARD);
  assert.equal(Math.round(c.price.inputPercentMoreExpensive), 270);
  assert.equal(round(c.price.blendGap), 0.02);
});

test('the ten capabilities come in the fixed order with true/false/null', () => {
  const c = compare(O3);
  assert.deepEqual(c.capabilities.map((x) => x.id), ['vision', 'multimodal', 'reasoning', 'functionCalling', 'toolUse',
    'structuredOutputs', 'codeExecution', 'ideIntegration', 'computerUse', 'parallelAgents']);
  for (const cap of c.capabilities) {
    for (const v of [cap.a, cap.b]) assert.ok(v === true || v === false || v === null, `${cap.id}: ${v}`);
  }
  const vision = c.capabilities.find((x) => x.id === 'vision');
  assert.deepEqual([vision.a, vision.b, vision.differs], [false, true, true]);
});

test('unknown stays unknown: unpriced offers carry null prices, never 0', () => {
  const c = compare(O3);
  const unpriced = c.models[0].offers.filter((o) => o.provider.id === 'openrouter');
  assert.equal(unpriced.length, 1);
  assert.equal(unpriced[0].input, null);
  assert.equal(unpriced[0].output, null);
  assert.equal(unpriced[0].monthly, null);
  assert.equal(c.models[0].pricedRoutes, 1);
});

test('aliases resolve case-insensitively and search matches aliases', () => {
  const c = compare('OPENAI/O3', '@cf/meta/llama-3.2-1b-instruct');
  assert.equal(c.models[0].id, LLAMA);
  assert.equal(c.models[1].id, O3);
  const s = versus.search('@cf/meta', 5);
  assert.equal(s.ok, true);
  assert.equal(s.value[0].id, LLAMA);
  const all = versus.search('', 100);
  assert.equal(all.ok, true);
  assert.equal(all.value.length, 5);
  const m = versus.model(O4);
  assert.equal(m.ok, true);
  assert.equal(m.value.id, O4);
});

test('prepareSearch prepares the search names a few models at a time; search then answers the same', async () => {
  const before = versus.search('llama', 5);
  const fresh = await loadVersus({ ...opts(), catalogText }); // its catalog loaded again: nothing prepared
  const steps = [];
  for (let r = fresh.prepareSearch(2); r.ok; r = fresh.prepareSearch(2)) {
    steps.push(r.value.left);
    if (r.value.left === 0) break;
  }
  assert.deepEqual(steps, [3, 1, 0]); // the seed catalog's five models, two a call
  assert.deepEqual(fresh.search('llama', 5), before);
});

test('the ratio moves the blended prices: ratio 0 is the output price, 1 the input price', () => {
  const c0 = compare(O3, LLAMA, { ratio: 0 });
  assert.equal(round(c0.models[1].blended.price, 6), 8);
  assert.equal(round(c0.price.blendGap, 6), round(8 - 0.201, 6));
  const c1 = compare(O3, LLAMA, { ratio: 1 });
  assert.equal(round(c1.price.blendGap, 6), round(2 - 0.027, 6));
  const half = compare(O3, LLAMA, { ratio: 0.5 });
  assert.equal(round(half.price.blendGap, 6), round((2 + 8) / 2 - (0.027 + 0.201) / 2, 6));
});

test('pairFigures is the comparison less its offer lists, break-even answers, lifecycle, tables and prose', () => {
  for (const w of [{ ratio: 0.3, requests: 2000 }, { ratio: 1 }]) {
    const full = compare(O3, LLAMA, w);
    const r = versus.pairFigures(LLAMA, O3, w); // compare(b, a) asks versus.compare(a, b)
    assert.equal(r.ok, true);
    assert.deepEqual(r.value.price, full.price);
    assert.deepEqual(r.value.workload, full.workload);
    assert.deepEqual(r.value.models, full.models.map(({ offers, breakEven, lifecycle, ...m }) => m));
    assert.equal(r.value.prose, undefined);
    assert.equal(r.value.specs, undefined);
  }
  assert.equal(versus.pairFigures(O3, 'no such model').ok, false);
  assert.match(versus.pairFigures(O3, LLAMA, { ratio: 2 }).error.message, /ratio/);
});

test('the wasm JSON equals the native CLI JSON for the same question', async () => {
  need(CLI);
  const cases = [
    [LLAMA, O3, SEED_WORKLOAD],
    [LLAMA, O4, SEED_WORKLOAD],
    [CODEX, LLAMA, { requests: 12345, inputTokens: 3000, outputTokens: 17, ratio: 0.25 }],
    [LLAMA, GUARD, { requests: 0, inputTokens: 800, outputTokens: 250, ratio: 1 }],
  ];
  for (const [a, b, w] of cases) {
    const { stdout } = await run(CLI, ['compare', a, b, '--catalog', SEED_CATALOG,
      '--requests', String(w.requests), '--input-tokens', String(w.inputTokens),
      '--output-tokens', String(w.outputTokens), '--ratio', String(w.ratio), '--json']);
    const fromCli = JSON.parse(stdout);
    const fromWasm = versus.compare(a, b, w);
    assert.equal(fromWasm.ok, true);
    assert.deepEqual(fromWasm.value, fromCli, `${a} vs ${b}`);
  }
  const { stdout } = await run(CLI, ['model', LLAMA, '--catalog', SEED_CATALOG, '--json']);
  assert.deepEqual(versus.model(LLAMA).value, JSON.parse(stdout));
});

test('negative, non-finite or out-of-range traffic is an error value naming the field', () => {
  const bad = [
    [{ requests: -1 }, 'requests'],
    [{ inputTokens: -800 }, 'inputTokens'],
    [{ outputTokens: -0.5 }, 'outputTokens'],
    [{ ratio: 1.5 }, 'ratio'],
    [{ ratio: -0.1 }, 'ratio'],
    [{ requests: NaN }, 'requests'],
    [{ inputTokens: Infinity }, 'inputTokens'],
  ];
  for (const [w, field] of bad) {
    const r = versus.compare(LLAMA, O3, w);
    assert.equal(r.ok, false, JSON.stringify(w));
    assert.equal(typeof r.error.message, 'string');
    const named = r.error.message.includes(field) || r.error.problems.some((p) => p.path.includes(field));
    assert.ok(named, `${JSON.stringify(w)} → ${JSON.stringify(r.error)}`);
    assert.ok(Array.isArray(r.error.problems));
  }
  const s = versus.compare(LLAMA, O3, { requests: '1000' });
  assert.equal(s.ok, false);
  assert.match(s.error.message, /requests/);
});

test('a mistyped workload field is named by the engine with its JSON path; missing fields take its defaults', () => {
  const mistyped = [
    [{ requests: '1000' }, 'workload.requests', /expected a number, got a string/],
    [{ allRoutes: 'yes' }, 'workload.allRoutes', /expected true or false/],
    [{ tier: 3 }, 'workload.tier', /expected a string/],
    [{ on: 20260817 }, 'workload.on', /expected a string/],
  ];
  for (const [w, path, message] of mistyped) {
    const r = versus.compare(LLAMA, O3, w);
    assert.equal(r.ok, false, JSON.stringify(w));
    assert.deepEqual(r.error.problems.map((p) => p.path), [path]);
    assert.match(r.error.problems[0].message, message);
  }
  assert.equal(versus.compare(LLAMA, O3, 'lots').error.problems[0].path, 'workload');
  // null and undefined fields are the engine's defaults, exactly as if left out.
  const defaults = compare(O3, LLAMA, {});
  assert.deepEqual(compare(O3, LLAMA, { requests: null, ratio: undefined }).workload, defaults.workload);
  assert.equal(defaults.workload.requests, versus.limits.workload.requests.default);
  assert.equal(defaults.workload.ratio, versus.limits.workload.ratio.default);
});

test('an unknown model is an error value, not a throw', () => {
  const r = versus.compare('nope/not-a-model', O3);
  assert.equal(r.ok, false);
  assert.match(r.error.message, /nope\/not-a-model/);
  assert.equal(versus.model('nope/x').ok, false);
});

test('a malformed catalog comes back as {ok:false, error:{message, problems:[{path, message}]}}', async () => {
  const seed = JSON.parse(catalogText);
  const broken = structuredClone(seed);
  delete broken.models[3].id; // a missing id
  broken.offers[0].price.input = -1; // a negative price
  broken.offers[7].price.output = 'eight'; // a string where a number belongs
  const bad = await loadVersus({ ...opts(), catalogText: JSON.stringify(broken) });
  assert.equal(bad.ready.ok, false);
  assert.equal(bad.catalogInfo, null);
  const { message, problems } = bad.ready.error;
  assert.equal(typeof message, 'string');
  assert.ok(problems.length >= 3, JSON.stringify(problems));
  for (const p of problems) {
    assert.equal(typeof p.path, 'string');
    assert.equal(typeof p.message, 'string');
  }
  const paths = problems.map((p) => p.path);
  assert.ok(paths.some((p) => p.startsWith('models[3]')), paths.join(' | '));
  assert.ok(paths.some((p) => p.startsWith('offers[0]')), paths.join(' | '));
  assert.ok(paths.some((p) => p.startsWith('offers[7]')), paths.join(' | '));
  const r = bad.compare(LLAMA, O3);
  assert.equal(r.ok, false);

  const notJson = await loadVersus({ ...opts(), catalogText: '{"schema": "versus-catalog/1", "models": [' });
  assert.equal(notJson.ready.ok, false);
  assert.ok(notJson.ready.error.message.length > 0);

  // The good catalog still answers: the shared engine keeps or restores it.
  assert.equal(versus.compare(LLAMA, O3).ok, true);
  const viaMethod = versus.loadCatalog('[]');
  assert.equal(viaMethod.ok, false);
  assert.equal(versus.compare(LLAMA, O3).ok, true);
});

test('two Versus objects with different catalogs do not disturb each other', async () => {
  const seed = JSON.parse(catalogText);
  const small = structuredClone(seed);
  small.models = small.models.filter((m) => m.id === LLAMA || m.id === O3);
  small.offers = small.offers.filter((o) => o.model === LLAMA || o.model === O3);
  const other = await loadVersus({ ...opts(), catalogText: JSON.stringify(small) });
  assert.equal(other.ready.ok, true, JSON.stringify(other.ready));
  assert.equal(other.catalogInfo.models, 2);
  assert.equal(other.compare(LLAMA, O4).ok, false);
  assert.equal(versus.compare(LLAMA, O4).ok, true);
  assert.equal(other.search('', 10).value.length, 2);
  assert.equal(versus.search('', 10).value.length, 5);
});

test('a module that cannot load is an error value', async () => {
  const v = await loadVersus({ moduleUrl: pathToFileURL('/nonexistent/versus-engine.js'), catalogText });
  assert.equal(v.ready.ok, false);
  assert.match(v.ready.error.message, /engine module/);
  assert.equal(v.compare(LLAMA, O3).ok, false);
});

test('a catalog URL that fails is an error value', async () => {
  const v = await loadVersus({ ...opts(), catalogUrl: 'http://127.0.0.1:9/nothing.json', fetch: async () => ({ ok: false, status: 404 }) });
  assert.equal(v.ready.ok, false);
  assert.match(v.ready.error.message, /HTTP 404/);
});

test('parseEnvelope never throws', () => {
  assert.deepEqual(parseEnvelope('{"ok":true,"result":[1]}'), { ok: true, value: [1] });
  assert.equal(parseEnvelope('not json').ok, false);
  assert.equal(parseEnvelope('42').ok, false);
  const e = parseEnvelope('{"ok":false,"error":"bad","problems":[{"path":"models[0].id","message":"missing"}]}');
  assert.deepEqual(e, { ok: false, error: { message: 'bad', problems: [{ path: 'models[0].id', message: 'missing' }] } });
});
