// Agreement with @pydantic/genai-prices: random usages priced by Versus and by genai-prices' calcPrice at the
// routes where genai-prices has that route's own price (the catalog's offer comes from genai-prices or lists
// its price as an alternative), each disagreement put in a kind with examples. The latest result is in
// docs/genai-agreement.md.
//
//   node bench/genai-agreement.mjs [--usages 4000] [--seed 11] [--json]
//   env VERSUS_WASM_DIR (default build/wasm), VERSUS_CATALOG (default data/catalog.json)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { calcPrice } from '@pydantic/genai-prices';
import { rng } from './rng.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const USAGES = Number(arg('usages', 4000));
const SEED = Number(arg('seed', 11));
const WASM_DIR = path.resolve(ROOT, process.env.VERSUS_WASM_DIR ?? 'build/wasm');
const CATALOG = path.resolve(ROOT, process.env.VERSUS_CATALOG ?? 'data/catalog.json');

/** Versus provider id → genai-prices provider id, where they differ (scripts/importer/providers.mjs genaiProvider, reversed). */
const GENAI_PROVIDER = { xai: 'x-ai', 'together-ai': 'together', 'fireworks-ai': 'fireworks', 'amazon-bedrock': 'aws',
  'cloudflare-workers-ai': 'cloudflare', 'novita-ai': 'novita' };

// The moment both sides price at: genai-prices' snapshot date, at noon UTC on a weekday. calcPrice otherwise prices
// at the clock's time, so a run in DeepSeek's peak windows (UTC 01:00–04:00 and 06:00–10:00) got its peak rates,
// which the catalog names in the offer's note and does not model (data/IMPORT.md).
const PRICED_AT = new Date('2026-09-23T12:00:00Z');

/** Whether two prices differ by more than 0.5% on input, output or cache read (both known). */
function priceDiffers(a, b) {
  const off = (x, y) => typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) > 0.005 * Math.max(Math.abs(x), Math.abs(y), 1e-12);
  return off(a.input, b.input) || off(a.output, b.output) || off(a.cacheRead, b.cacheRead);
}

export async function runAgreement({ usages = USAGES, seed = SEED } = {}) {
  const catalogText = await readFile(CATALOG, 'utf8');
  const catalog = JSON.parse(catalogText);
  const wasmBinary = await readFile(path.join(WASM_DIR, 'versus-engine.wasm'));
  const { loadVersus } = await import(pathToFileURL(path.join(ROOT, 'web/versus.js')).href);
  const versus = await loadVersus({ moduleUrl: pathToFileURL(path.join(WASM_DIR, 'versus-engine.js')), wasmBinary, catalogText });
  if (!versus.ready.ok) throw new Error(versus.ready.error.message);

  // Routes where genai-prices has the route's own price, and calcPrice finds it at that provider.
  const routes = [];
  for (const o of catalog.offers) {
    if ((o.status ?? 'live') !== 'live' || o.free || typeof o.price?.input !== 'number' || !o.providerModelId) continue;
    const genai = o.source === 'genai' ? o.price : o.alternatives?.find((a) => a.source === 'genai')?.price;
    const listsIt = o.source === 'genai' || o.alternatives?.some((a) => a.source === 'genai') || /genai/.test(o.note ?? '');
    if (!listsIt) continue;
    const providerId = GENAI_PROVIDER[o.provider] ?? o.provider;
    const probe = calcPrice({ input_tokens: 1000, output_tokens: 100 }, o.providerModelId, { providerId });
    if (!probe || probe.provider.id !== providerId) continue;
    // OpenRouter's own /api/v1/models is that route's record, and the catalog shows it. Where genai-prices' copy
    // of OpenRouter's list prices the route otherwise, genai-prices does not have the route's own price: its list
    // lags the API (../shared/upstream/MANIFEST.md names one such stale price, Llama 3.2 1B; the copy holds 701
    // OpenRouter models where the API of 2026-08-01 lists 336). Decided per route, before any usage is priced.
    const orCopyDiffers = o.provider === 'openrouter' && o.source === 'or' && genai !== undefined && priceDiffers(genai, o.price);
    const olderSnapshot = orCopyDiffers && (o.alternatives ?? []).some((a) => a.source !== 'genai' && !priceDiffers(a.price, genai));
    routes.push({ o, providerId, genaiShown: o.source === 'genai', genaiPrice: genai ?? null, ownPrice: !orCopyDiffers, olderSnapshot });
  }
  const notOwn = routes.filter((r) => !r.ownPrice);
  const rand = rng(seed);
  const kinds = new Map();
  const add = (kind, example) => {
    if (!kinds.has(kind)) kinds.set(kind, { count: 0, examples: [] });
    const k = kinds.get(kind);
    k.count++;
    if (example && k.examples.length < 3 && !k.examples.some((e) => e.startsWith(example.split(':')[0]))) k.examples.push(example);
  };
  let compared = 0, within = 0, ownCompared = 0, ownWithin = 0;
  for (let i = 0; i < usages; i++) {
    const { o, providerId, genaiShown, ownPrice } = routes[Math.floor(rand() * routes.length)];
    // Prompts from 50 to 300k tokens (log-uniform, so long-context tiers are crossed), 10–8,000 output tokens,
    // and in a third of the usages a cached share of the prompt.
    const input = Math.round(Math.exp(Math.log(50) + rand() * (Math.log(300000) - Math.log(50))));
    const output = 10 + Math.floor(rand() * 8000);
    const cached = rand() < 1 / 3 && o.price.cacheRead !== undefined ? Math.floor(input * rand() * 0.8) : 0;
    if (o.context && input > o.context) { i--; continue; }
    const g = calcPrice({ input_tokens: input, output_tokens: output, cache_read_tokens: cached }, o.providerModelId, { providerId, timestamp: PRICED_AT });
    const r = versus.model(o.model, { requests: 1, inputTokens: input, outputTokens: output, cacheHitRate: cached / input, allRoutes: true });
    const mine = r.ok ? r.value.offers.find((x) => x.provider.id === o.provider && x.providerModelId === o.providerModelId && (x.deployment ?? null) === (o.deployment ?? null)) : null;
    if (!g || !mine || mine.monthly === null) {
      add(!g ? 'genai-prices prices no such usage' : !mine ? 'the route is not in Versus\' answer' : 'Versus has no price for the route', `${o.model} @ ${o.provider} (${o.providerModelId}, ${input} in)`);
      continue;
    }
    compared++;
    if (ownPrice) ownCompared++;
    const ours = mine.monthly, theirs = g.total_price;
    const rel = Math.abs(ours - theirs) / Math.max(Math.abs(theirs), 1e-12);
    if (rel <= 0.01) { within++; if (ownPrice) ownWithin++; continue; }
    const ex = `${o.model} @ ${o.provider} (${input} in${cached ? `, ${cached} cached` : ''}, ${output} out): Versus $${ours.toPrecision(4)}, genai-prices $${theirs.toPrecision(4)}`;
    const tierCrossed = (o.price.tiers ?? []).some((t) => input > t.start) || (g.model?.prices && JSON.stringify(g.model.prices).includes('tiers'));
    // OpenRouter's own /api/v1/models is that route's record; genai-prices' OpenRouter list is a copy that lags it
    // (../shared/upstream/MANIFEST.md: "a stale OpenRouter price for Llama 3.2 1B sits in genai-prices").
    if (!ownPrice) add('OpenRouter route: genai-prices\' copy differs from OpenRouter\'s own API, which the catalog shows (Versus right; not the route\'s own price)', ex);
    else if (!genaiShown) add(`price source: the offer shows ${o.source}'s price, genai-prices has another (${o.provider})`, ex);
    else if (tierCrossed) add('long-context tier', ex);
    else if (cached) add('cache price', ex);
    else add('other', ex);
  }
  return {
    routes: routes.length, usages, seed, compared, within,
    ownPrice: { routes: routes.length - notOwn.length, compared: ownCompared, within: ownWithin },
    openRouterCopies: { routes: notOwn.length, matchingAnOlderSnapshot: notOwn.filter((r) => r.olderSnapshot).length,
      examples: notOwn.slice(0, 3).map((r) => `${r.o.providerModelId}: OpenRouter $${r.o.price.input} / $${r.o.price.output}, genai-prices $${r.genaiPrice.input} / $${r.genaiPrice.output}`) },
    kinds: Object.fromEntries([...kinds].sort((a, b) => b[1].count - a[1].count)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runAgreement();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 1));
  else {
    console.log(`genai-agreement: ${r.usages} usages (seed ${r.seed}) over ${r.routes} routes where genai-prices has the route's own price`);
    const pct = (a, b) => (100 * a / b).toFixed(1);
    console.log(`where genai-prices has the route's own price (${r.ownPrice.routes} routes): ${r.ownPrice.within} of ${r.ownPrice.compared} within 1% (${pct(r.ownPrice.within, r.ownPrice.compared)}%)`);
    console.log(`every route genai-prices lists: ${r.within} of ${r.compared} within 1% (${pct(r.within, r.compared)}%)`);
    console.log(`OpenRouter routes where genai-prices' copy differs from OpenRouter's API: ${r.openRouterCopies.routes} (${r.openRouterCopies.matchingAnOlderSnapshot} of them at an older snapshot's price)`);
    for (const e of r.openRouterCopies.examples) console.log(`       e.g. ${e}`);
    for (const [k, v] of Object.entries(r.kinds)) {
      console.log(`  ${v.count}  ${k}`);
      for (const e of v.examples) console.log(`       e.g. ${e}`);
    }
  }
}
