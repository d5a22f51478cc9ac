// Engine throughput: price a stream of (model name as a user types it, provider, usage) records with the
// Versus wasm engine under Node and with @pydantic/genai-prices' calcPrice, same records, same run.
//
//   node bench/engine.mjs [--records 10000] [--seed 7] [--rounds 5] [--round-ms 1000] [--phase-ms 15000] [--json]
//   VERSUS_WASM_DIR=build/wasm-price node bench/engine.mjs      (another build of the engine; default build/wasm)
//
// Records are drawn with a fixed seed from the catalog's live, priced offers whose typed model name both
// tools resolve (Versus through its ids/aliases/words, genai-prices through its match rules) at a provider
// genai-prices knows. The headline is the engine's stream pricer through the public ES module API:
//   versus.priceRecords   records in the API's shape ({model, provider, inputTokens, outputTokens}), 1,000 a
//                         call; versus.js packs them (names interned, numbers into wasm memory), the engine
//                         prices them, versus.js turns the prices back into an array with nulls. Timed in
//                         whole passes over the same records, alternating with calcPrice for --rounds rounds
//                         of at least --round-ms each; the ratio is the sum of records over the sum of time.
//                         Names resolve once and are remembered across calls, so this is the steady state of a
//                         long-running pricer; the "first pass" row is the same records on a fresh engine
//                         instance with nothing remembered (every distinct name resolved: hash, else words).
//   calcPrice             @pydantic/genai-prices (sync), with {providerId}, one call per record.
// Other phases, for context (each stops after --phase-ms):
//   engine.model raw   model(name, {requests: 1, …}): the whole ModelView serialised to JSON
//   + JSON.parse       what a caller must add to read one number out of it
//   versus.js model()  the public ES module API (envelope parsing included)
//   engine.search      name resolution only (search(name, 1)), a lower bound on per-call engine work
//   engine.priceBatch  the JSON binding: records as JSON text in, {"prices": …} JSON out, 1,000 a call,
//                      names resolved once per call (nothing remembered across calls)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { calcPrice } from '@pydantic/genai-prices';
import { rng } from './rng.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const RECORDS = Number(arg('records', process.env.BENCH_RECORDS ?? 10000));
const SEED = Number(arg('seed', 7));
/** Each engine phase stops after this many ms (the records it priced are what its calls/s counts). */
const PHASE_MS = Number(arg('phase-ms', process.env.BENCH_PHASE_MS ?? 15000));
/** The headline alternates versus.priceRecords and calcPrice for ROUNDS rounds of at least ROUND_MS each. */
const ROUNDS = Number(arg('rounds', process.env.BENCH_ROUNDS ?? 5));
const ROUND_MS = Number(arg('round-ms', process.env.BENCH_ROUND_MS ?? 1000));
if (process.argv.includes('--help')) {
  console.log(`node bench/engine.mjs [--records N] [--seed S] [--rounds R] [--round-ms MS] [--phase-ms MS] [--json]
  --records   records drawn (default 10000; env BENCH_RECORDS)
  --seed      the draw's seed (default 7)
  --rounds    headline rounds, each versus.priceRecords then calcPrice (default 5; env BENCH_ROUNDS)
  --round-ms  least time of each side of a round, in whole passes over the records (default 1000; env BENCH_ROUND_MS)
  --phase-ms  time cap of each context phase (model, search) (default 15000; env BENCH_PHASE_MS)
  --json      print the results as JSON
env VERSUS_WASM_DIR (default build/wasm), VERSUS_CATALOG (default data/catalog.json)`);
  process.exit(0);
}
const WASM_DIR = path.resolve(ROOT, process.env.VERSUS_WASM_DIR ?? 'build/wasm');
const CATALOG = path.resolve(ROOT, process.env.VERSUS_CATALOG ?? 'data/catalog.json');


/** Versus provider id → genai-prices provider id, where they differ. */
const GENAI_PROVIDER = { xai: 'x-ai', 'together-ai': 'together', 'fireworks-ai': 'fireworks', 'amazon-bedrock': 'aws', 'google-vertex': 'google', 'azure-ai-foundry': 'azure', 'novita-ai': 'novita' };

/** Forms a user would type for a model: short aliases, the id's last segment, the name in lower case. */
function typedForms(m, offer) {
  const forms = new Set();
  for (const a of m.aliases ?? []) if (!a.includes('/') && a.length <= 40) forms.add(a);
  forms.add(m.id.split('/').pop());
  if (offer.providerModelId && !offer.providerModelId.includes('/')) forms.add(offer.providerModelId);
  forms.add(m.name.toLowerCase());
  return [...forms];
}

export async function runEngineBench({ records = RECORDS, seed = SEED, log = console.log } = {}) {
  const catalogText = await readFile(CATALOG, 'utf8');
  const catalog = JSON.parse(catalogText);
  const wasmBinary = await readFile(path.join(WASM_DIR, 'versus-engine.wasm'));
  const moduleUrl = pathToFileURL(path.join(WASM_DIR, 'versus-engine.js')).href;
  const factory = (await import(moduleUrl)).default;
  const engine = await factory({ wasmBinary, print: () => {}, printErr: () => {} });
  const loaded = JSON.parse(engine.loadCatalog(catalogText));
  if (!loaded.ok) throw new Error(`catalog: ${loaded.error}`);
  const { loadVersus } = await import(pathToFileURL(path.join(ROOT, 'web/versus.js')).href);
  const versus = await loadVersus({ moduleUrl: pathToFileURL(path.join(WASM_DIR, 'versus-engine.js')), wasmBinary, catalogText });
  if (!versus.ready.ok) throw new Error(versus.ready.error.message);

  // ---- the pool of (typed name, provider) both tools resolve ----
  const models = new Map(catalog.models.map((m) => [m.id, m]));
  const resolved = new Map(); // typed name → model id (Versus)
  const resolve = (name) => {
    if (!resolved.has(name)) {
      const r = JSON.parse(engine.search(name, 1));
      let id = null;
      if (r.ok && r.result.length) {
        const m = JSON.parse(engine.model(name, ''));
        id = m.ok ? m.result.id : null;
      }
      resolved.set(name, id);
    }
    return resolved.get(name);
  };
  const pool = [];
  const probe = { input_tokens: 1000, output_tokens: 100 };
  const seen = new Set();
  for (const o of catalog.offers) {
    if ((o.status ?? 'live') !== 'live' || o.free || typeof o.price?.input !== 'number' || typeof o.price?.output !== 'number' || o.price.tiers) continue;
    const m = models.get(o.model);
    const providerId = GENAI_PROVIDER[o.provider] ?? o.provider;
    for (const name of typedForms(m, o)) {
      const key = `${name}|${o.provider}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const g = calcPrice(probe, name, { providerId });
      if (!g || g.provider.id !== providerId) continue;
      if (resolve(name) !== o.model) continue;
      pool.push({ name, provider: o.provider, providerId, model: o.model });
    }
  }
  if (!pool.length) throw new Error('no record both tools resolve');
  const rand = rng(seed);
  const recs = [];
  for (let i = 0; i < records; i++) {
    const p = pool[Math.floor(rand() * pool.length)];
    recs.push({ ...p, input: 50 + Math.floor(rand() * 20000), output: 10 + Math.floor(rand() * 4000) });
  }
  const pairsUsed = new Set(recs.map((r) => `${r.name}|${r.provider}`)).size;
  log(`records: ${recs.length} drawn (seed ${seed}) from ${pool.length} (typed name, provider) pairs both tools resolve; ${pairsUsed} distinct pairs used; e.g. ${[...new Set(recs.slice(0, 40).map((r) => `“${r.name}” @ ${r.provider}`))].slice(0, 6).join(', ')}`);

  const workloads = recs.map((r) => JSON.stringify({ requests: 1, inputTokens: r.input, outputTokens: r.output }));
  const pick = (view, r) => {
    let best = null;
    for (const o of view.offers) if (o.provider.id === r.provider && o.status === 'live' && o.monthly !== null && (best === null || o.monthly < best)) best = o.monthly;
    return best;
  };

  /** Run fn(i) for i = 0, 1, … up to every record or until the phase's time is up; calls/s from what ran. */
  const time = (fn, budget = PHASE_MS) => {
    for (let i = 0; i < Math.min(20, recs.length); i++) fn(i); // warm-up
    const t0 = performance.now();
    let n = 0;
    while (n < recs.length) {
      fn(n++);
      if ((n & 7) === 0 && performance.now() - t0 > budget) break;
    }
    return { ms: performance.now() - t0, n };
  };
  const results = {};
  let bytes = 0;
  let total = 0;
  results.engineRaw = time((i) => { total += engine.model(recs[i].name, workloads[i]).length; });
  bytes = total / (results.engineRaw.n + Math.min(20, recs.length));
  const engineCosts = new Array(recs.length).fill(null);
  results.engineParsed = time((i) => {
    const env = JSON.parse(engine.model(recs[i].name, workloads[i]));
    engineCosts[i] = env.ok ? pick(env.result, recs[i]) : null;
  });
  results.versusApi = time((i) => {
    const r = versus.model(recs[i].name, { requests: 1, inputTokens: recs[i].input, outputTokens: recs[i].output });
    if (!r.ok) throw new Error(r.error.message);
  });
  results.engineSearch = time((i) => { engine.search(recs[i].name, 1); });
  // The engine's JSON binding: records in batches of 1,000 through one embind call each, names resolved
  // once per batch; JSON in and out is part of the measured cost.
  const BATCH = 1000;
  const batchCosts = new Array(recs.length).fill(null);
  results.engineBatch = time((i) => {
    if (i % BATCH) return;
    const chunk = recs.slice(i, i + BATCH).map((r) => ({ model: r.name, provider: r.provider, inputTokens: r.input, outputTokens: r.output }));
    const env = JSON.parse(engine.priceBatch(JSON.stringify(chunk)));
    if (!env.ok) throw new Error(env.error);
    env.result.prices.forEach((p, k) => { batchCosts[i + k] = p; });
  }, Infinity);

  // ---- the headline: versus.priceRecords (public API) against calcPrice, same records, alternating ----
  // Both sides get their input in their own API's shape, built before timing.
  const apiRecords = recs.map((r) => ({ model: r.name, provider: r.provider, inputTokens: r.input, outputTokens: r.output }));
  const apiBatches = [];
  for (let i = 0; i < apiRecords.length; i += BATCH) apiBatches.push(apiRecords.slice(i, i + BATCH));
  const usages = recs.map((r) => ({ input_tokens: r.input, output_tokens: r.output }));
  const genaiOptions = recs.map((r) => ({ providerId: r.providerId }));

  const streamCosts = new Array(recs.length).fill(null);
  /** One pass of versus.priceRecords over every record, 1,000 a call (or all in one call). */
  const pricePass = (v, batches, keep) => {
    let at = 0;
    for (const batch of batches) {
      const r = v.priceRecords(batch);
      if (!r.ok) throw new Error(r.error.message);
      if (keep) for (const p of r.value.prices) streamCosts[at++] = p;
    }
  };
  const genaiCosts = new Array(recs.length).fill(null);
  const calcPass = () => {
    for (let i = 0; i < recs.length; i++) {
      const r = calcPrice(usages[i], recs[i].name, genaiOptions[i]);
      genaiCosts[i] = r ? r.total_price : null;
    }
  };
  /** Whole passes of fn until at least `ms` have gone by → {ms, n: records priced}. */
  const passes = (fn, ms) => {
    const t0 = performance.now();
    let n = 0;
    do {
      fn();
      n += recs.length;
    } while (performance.now() - t0 < ms);
    return { ms: performance.now() - t0, n };
  };

  // First pass: a fresh engine instance (a module URL of its own), nothing interned or remembered;
  // taken after a warm-up pass on the main instance, so JIT compilation is not what it measures.
  pricePass(versus, apiBatches, false); // warm-up: JIT, and every name resolved once
  calcPass();
  const cold = await loadVersus({ moduleUrl: `${moduleUrl}?first-pass`, wasmBinary, catalogText });
  if (!cold.ready.ok) throw new Error(cold.ready.error.message);
  results.streamFirst = passes(() => pricePass(cold, apiBatches, true), 0);
  results.stream = { ms: 0, n: 0 };
  results.calcPrice = { ms: 0, n: 0 };
  const rounds = [];
  for (let k = 0; k < ROUNDS; k++) {
    const a = passes(() => pricePass(versus, apiBatches, false), ROUND_MS);
    const b = passes(calcPass, ROUND_MS);
    for (const [sum, p] of [[results.stream, a], [results.calcPrice, b]]) {
      sum.ms += p.ms;
      sum.n += p.n;
    }
    rounds.push(Math.round(((a.n / a.ms) / (b.n / b.ms)) * 10) / 10);
  }
  results.streamWhole = passes(() => pricePass(versus, [apiRecords], false), ROUND_MS);
  const firstCosts = streamCosts.slice();
  pricePass(versus, apiBatches, true); // and the steady state's answers, to check them too

  let agree = 0;
  let compared = 0;
  const disagreements = [];
  for (let i = 0; i < recs.length; i++) {
    if (engineCosts[i] === null || genaiCosts[i] === null) continue;
    compared++;
    const rel = Math.abs(engineCosts[i] - genaiCosts[i]) / Math.max(genaiCosts[i], 1e-12);
    if (rel <= 0.01) agree++;
    else if (disagreements.length < 5 && !disagreements.some((d) => d.startsWith(`“${recs[i].name}” @ ${recs[i].provider}`))) disagreements.push(`“${recs[i].name}” @ ${recs[i].provider}: Versus $${engineCosts[i].toPrecision(4)} vs genai-prices $${genaiCosts[i].toPrecision(4)}`);
  }
  const perSec = (p) => (p.n / p.ms) * 1000;
  const rows = [
    ['engine.model (raw embind call)', results.engineRaw],
    ['engine.model + JSON.parse + pick offer', results.engineParsed],
    ['versus.js model() (public API)', results.versusApi],
    ['engine.search(name, 1) (resolution only)', results.engineSearch],
    ['engine.priceBatch (JSON, 1,000 records a call)', results.engineBatch],
    ['versus.priceRecords, first pass (fresh engine)', results.streamFirst],
    ['versus.priceRecords (1,000 records a call)', results.stream],
    ['versus.priceRecords (10,000 records a call)', results.streamWhole],
    ['genai-prices calcPrice', results.calcPrice],
  ].map(([what, p]) => ({ what, calls: p.n, callsPerSec: Math.round(perSec(p)), usPerCall: Number(((p.ms * 1000) / p.n).toPrecision(3)) }));
  const base = perSec(results.calcPrice);
  for (const r of rows) r.vsCalcPrice = Math.round((r.callsPerSec / base) * 100) / 100;
  const within = (costs) => {
    let n = 0, same = 0;
    for (let i = 0; i < recs.length; i++) {
      if (costs[i] === null || genaiCosts[i] === null) continue;
      n++;
      if (Math.abs(costs[i] - genaiCosts[i]) / Math.max(genaiCosts[i], 1e-12) <= 0.01) same++;
    }
    return { compared: n, within1pct: same };
  };
  let identical = 0;
  for (let i = 0; i < recs.length; i++) if (streamCosts[i] === batchCosts[i] && firstCosts[i] === batchCosts[i]) identical++;
  // Typed names that are an id or alias resolve by a hash lookup; the others by a word search.
  const exact = new Set(catalog.models.flatMap((m) => [m.id, ...(m.aliases ?? [])]).map((n) => n.toLowerCase()));
  const distinctNames = new Set(recs.map((r) => r.name));
  const wordNames = [...distinctNames].filter((n) => !exact.has(n.toLowerCase())).length;
  return {
    headline: {
      what: 'versus.priceRecords, 1,000 records a call, vs calcPrice',
      ratio: Math.round((perSec(results.stream) / base) * 10) / 10,
      perRound: rounds,
      firstPassRatio: Math.round((perSec(results.streamFirst) / base) * 100) / 100,
      rounds: ROUNDS,
      roundMs: ROUND_MS,
    },
    streamAgreement: { ...within(streamCosts), identicalToPriceBatch: identical, records: recs.length },
    names: { distinct: distinctNames.size, byWords: wordNames },
    records: recs.length,
    seed,
    poolPairs: pool.length,
    distinctPairs: pairsUsed,
    responseBytesPerCall: Math.round(bytes),
    rows,
    agreement: { compared, within1pct: agree, share: compared ? Math.round((agree / compared) * 1000) / 10 : null, examples: disagreements },
    phaseMs: PHASE_MS,
    enginePricedRecords: engineCosts.filter((x) => x !== null).length,
    batchAgreement: within(batchCosts),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runEngineBench();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    console.table(r.rows);
    console.log(`headline: ${r.headline.what}: ${r.headline.ratio}× (rounds: ${r.headline.perRound.join(', ')}×); first pass on a fresh engine: ${r.headline.firstPassRatio}× (${r.names.distinct} distinct typed names, ${r.names.byWords} of them resolved by words)`);
    console.log(`response: ${r.responseBytesPerCall} bytes of JSON per model() call; agreement with genai-prices within 1%: model() ${r.agreement.within1pct}/${r.agreement.compared}; priceBatch ${r.batchAgreement.within1pct}/${r.batchAgreement.compared}; priceRecords ${r.streamAgreement.within1pct}/${r.streamAgreement.compared}, identical to priceBatch ${r.streamAgreement.identicalToPriceBatch}/${r.streamAgreement.records}`);
    for (const d of r.agreement.examples) console.log(`  differs: ${d}`);
  }
}
