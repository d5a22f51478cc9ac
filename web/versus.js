/**
 * versus.js — the Versus engine (C++ compiled to WebAssembly) as a small ES module API.
 *
 * Usage (browser, next to versus-engine.js / versus-engine.wasm / catalog.json):
 *
 *   import { loadVersus } from './versus.js';
 *   const versus = await loadVersus({ catalogUrl: './catalog.json' });
 *   if (!versus.ready.ok) console.log(versus.ready.error.message);   // module or catalog failed
 *   const r = versus.compare('openai/o3', 'meta/llama-3.2-1b-instruct',
 *                            { requests: 1e6, inputTokens: 800, outputTokens: 250, ratio: 0.7 });
 *   if (r.ok) r.value;   // Comparison (see docs/engine-api.md)
 *   else r.error;        // { message: "…", problems: [{ path: "models[3].id", message: "…" }] }
 *
 * Usage (Node 20 tests or tools; Emscripten 3.1.6 cannot fetch a file path, so hand it the bytes):
 *
 *   const versus = await loadVersus({
 *     moduleUrl: new URL('../build/wasm/versus-engine.js', import.meta.url),
 *     wasmBinary: await readFile('build/wasm/versus-engine.wasm'),
 *     catalogText: await readFile('data/catalog.json', 'utf8'),
 *   });
 *
 * Options of loadVersus (all optional):
 *   moduleUrl    URL of versus-engine.js (default: next to this file)
 *   wasmUrl      URL of versus-engine.wasm (default: next to versus-engine.js)
 *   wasmBinary   the .wasm bytes (ArrayBuffer / Uint8Array / Buffer); skips fetching the .wasm
 *   catalogText  the catalog JSON as text; or
 *   catalogBytes a catalog pack (`versus pack`, data/README.md) as an ArrayBuffer / Uint8Array / Buffer; or
 *   catalogUrl   where to fetch it (default './catalog.json' relative to the page); a URL whose path ends
 *                in `.pack` is fetched as bytes and loaded as a pack (several times faster than the JSON)
 *   fetch        a fetch implementation (default globalThis.fetch)
 *
 * Rules:
 *   - The wasm module is instantiated once, lazily, on the first loadVersus call, and shared by every
 *     later call with the same moduleUrl (a memoised promise). Each Versus object remembers its own
 *     catalog and reloads it into the shared engine when another Versus object used it in between.
 *   - Nothing here throws for a data problem: every answer is `{ok: true, value}` or
 *     `{ok: false, error: {message, problems}}` (`problems` is always an array, maybe empty).
 *     loadVersus itself resolves even when the module or the catalog cannot load; check `versus.ready`.
 *   - A workload is `{requests, inputTokens, outputTokens, ratio, cacheHitRate, cacheWriteRate,
 *     batchShare, longShare, longInputTokens, allRoutes}`; missing fields take the engine's defaults
 *     (versus.limits.workload: 1,000,000 requests × 800 input + 250 output tokens, ratio 0.7, no cache or batch, the headline route
 *     from labs, clouds, hosts and gateways only: allRoutes true lets resellers and outliers head). `on: 'YYYY-MM-DD'`
 *     prices every route as on that day by its price history (a route whose price that day is unknown is unpriced,
 *     and its offer's `priceOn` says why; docs/engine-api.md). `reasoning` ('visible' | 'typical'), `tier`
 *     ('standard' | 'flex' | 'priority'), `cacheLifetime` ('5m' | '1h') and `region` ('' for anywhere, or a
 *     region like 'EU') are passed on as text; the engine checks them (versus.limits.workloadChoices, lists().regions).
 *     The engine rejects
 *     negative or non-finite values and a ratio outside 0..1 with an error naming the field; a value
 *     that is not a number at all (e.g. a string) is rejected here, before it reaches the engine.
 *   - Numbers in answers are unrounded; `null` means unknown. Format them with format.js.
 */

const ENGINE_FUNCTIONS = ['loadCatalog', 'loadCatalogPack', 'setOverrides', 'compare', 'pairFigures', 'model', 'rank', 'search', 'prepareSearch', 'priceBatch', 'priceInput', 'pricePacked', 'priceOutput', 'catalogLists', 'parseState', 'formatState', 'resolve', 'rivals', 'limits'];

/** moduleUrl (string) → Promise<{engine, owner}>; `owner` is the Versus whose catalog is loaded. */
const engines = new Map();

/** Build an error value. */
export function failure(message, problems = []) {
  return { ok: false, error: { message: String(message), problems: Array.isArray(problems) ? problems : [] } };
}

/** Describe anything thrown (an Error, a string, or a bare number from a C++ exception) as text. */
function describeThrown(e) {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'number') return `the engine stopped with an internal error (code ${e})`;
  return String(e);
}

/** Turn an engine JSON envelope (a string) into {ok, value} / {ok:false, error}. */
export function parseEnvelope(text) {
  let env;
  try {
    env = JSON.parse(text);
  } catch (e) {
    return failure(`the engine answered with text that is not JSON: ${describeThrown(e)}`);
  }
  if (env && env.ok === true) return { ok: true, value: env.result };
  if (env && env.ok === false) {
    const problems = Array.isArray(env.problems)
      ? env.problems.map((p) => ({ path: String(p?.path ?? ''), message: String(p?.message ?? '') }))
      : [];
    const msg = typeof env.error === 'string' ? env.error : env.error?.message ?? 'the engine reported an error';
    return failure(msg, problems);
  }
  return failure('the engine answered with an unexpected shape');
}

/** A copy of a catalog pack's bytes as a Uint8Array (from an ArrayBuffer or any typed array view), else null. */
function packBytes(b) {
  if (b instanceof ArrayBuffer) return new Uint8Array(b.slice(0));
  if (ArrayBuffer.isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice();
  return null;
}

/** Load a catalog into the engine: JSON text, or the bytes of a pack (a Uint8Array) → envelope value. */
function loadInto(engine, catalog) {
  return parseEnvelope(catalog instanceof Uint8Array ? engine.loadCatalogPack(catalog) : engine.loadCatalog(catalog));
}

function toHref(u, base) {
  if (u instanceof URL) return u.href;
  return new URL(String(u), base).href;
}

function pageBase() {
  return globalThis.location?.href ?? import.meta.url;
}

async function instantiate(moduleUrl, { wasmUrl, wasmBinary }) {
  const mod = await import(moduleUrl);
  const factory = mod.default ?? mod.createVersusEngine;
  if (typeof factory !== 'function') throw new Error(`${moduleUrl} does not export an engine factory`);
  const opts = {
    print: () => {},
    printErr: (s) => console.warn(`[versus-engine] ${s}`),
  };
  if (wasmBinary) opts.wasmBinary = wasmBinary instanceof ArrayBuffer ? new Uint8Array(wasmBinary) : wasmBinary;
  if (wasmUrl) opts.locateFile = (p) => (p.endsWith('.wasm') ? wasmUrl : new URL(p, moduleUrl).href);
  const engine = await factory(opts);
  for (const fn of ENGINE_FUNCTIONS) {
    if (typeof engine[fn] !== 'function') throw new Error(`the engine module lacks the function ${fn}()`);
  }
  // The engine's bounds and defaults, asked once: they do not depend on the catalog.
  return { engine, owner: null, limits: parseEnvelope(engine.limits()).value ?? null };
}

function getEngine(moduleUrl, opts) {
  let p = engines.get(moduleUrl);
  if (!p) {
    p = instantiate(moduleUrl, opts);
    engines.set(moduleUrl, p);
    p.catch(() => engines.delete(moduleUrl)); // a failed load may be retried later
  }
  return p;
}

/**
 * A workload for the engine: an object (missing or null means the engine's defaults), its null or undefined
 * fields dropped. The types, bounds, defaults and options are the engine's (versus.limits.workload,
 * .workloadChoices): it checks each field and names its JSON path (workload.requests: expected a number).
 */
export function normaliseWorkload(workload) {
  if (workload == null) return { ok: true, value: {} };
  if (typeof workload !== 'object' || Array.isArray(workload)) return failure('workload must be an object', [{ path: 'workload', message: 'must be an object' }]);
  const w = {};
  for (const [f, v] of Object.entries(workload)) {
    if (v === undefined || v === null) continue;
    // JSON has no NaN or infinity (JSON.stringify would send null, which reads as "the default").
    if (typeof v === 'number' && !Number.isFinite(v)) return failure(`${f} must be a number, got ${v}`, [{ path: `workload.${f}`, message: `must be a number, got ${v}` }]);
    w[f] = v;
  }
  return { ok: true, value: w };
}

// The most rows a rank or search answer, or models a prepareSearch step, may ask for (the engine takes an int).
const MAX_COUNT = 100000;
/** A count argument: a positive integer, at most MAX_COUNT; anything else is `fallback`. */
const countOr = (n, fallback) => (Number.isInteger(n) && n > 0 ? Math.min(n, MAX_COUNT) : fallback);

/**
 * A loaded engine plus one catalog. Create it with loadVersus(); see the header comment.
 */
class Versus {
  constructor(slot, catalog, ready) {
    this._slot = slot; // {engine, owner} or null when the module failed to load
    this._catalog = catalog; // what it loads into the engine: JSON text or a pack's bytes (Uint8Array)
    this._overrides = ''; // the visitor's prices as JSON text, re-applied whenever the catalog is reloaded
    /** {ok:true, value: catalogInfo} or {ok:false, error}: whether the module and the catalog loaded. */
    this.ready = ready;
    /** {models, providers, offers, generated} of the loaded catalog, or null when it failed to load. */
    this.catalogInfo = ready.ok ? ready.value : null;
    /**
     * The engine's limits and defaults, or null when the module failed to load: {workload: {FIELD: {default,
     * min, max, share, what}}, comparedModels, modelNameBytes, urlStateBytes, custom: {entries, price, nameBytes}}.
     * Check input against these, not against copies of them.
     */
    this.limits = slot?.limits ?? null;
  }

  _call(fn, args) {
    if (!this.ready.ok) return failure(`no catalog is loaded: ${this.ready.error.message}`, this.ready.error.problems);
    const slot = this._slot;
    try {
      if (slot.owner !== this) {
        const r = loadInto(slot.engine, this._catalog);
        if (!r.ok) return r;
        if (this._overrides) {
          const o = parseEnvelope(slot.engine.setOverrides(this._overrides));
          if (!o.ok) return o;
        }
        slot.owner = this;
      }
      return parseEnvelope(slot.engine[fn](...args));
    } catch (e) {
      return failure(describeThrown(e));
    }
  }

  /** Compare model `a` with model `b` (ids or aliases) for a workload → {ok, value: Comparison + prose}. */
  compare(a, b, workload) {
    return this.compareMany([a, b], workload);
  }

  /**
   * The figures of a pair only: compare(a, b, workload)'s `workload`, `price` and `models` (each without its
   * `offers`), the same values at a fraction of the work (no offer lists, tables or prose). For redrawing
   * the figures while an input moves.
   */
  pairFigures(a, b, workload) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    return this._call('pairFigures', [JSON.stringify([String(a ?? ''), String(b ?? '')]), JSON.stringify(w.value)]);
  }

  /** Compare 2 to 6 models: two give the pair Comparison (with `prose`), more the side-by-side table. */
  compareMany(ids, workload) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    if (!Array.isArray(ids)) return failure('models must be an array of ids', [{ path: 'models', message: 'must be an array' }]);
    return this._call('compare', [JSON.stringify(ids.map((id) => String(id ?? ''))), JSON.stringify(w.value)]);
  }

  /** One model (id or alias) with its prices for a workload, specs, capabilities, benchmarks, `analysis`. */
  model(id, workload) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    return this._call('model', [String(id ?? ''), JSON.stringify(w.value)]);
  }

  /**
   * Every model ranked by its monthly cost for a workload → {ok, value: {matched, unpriced, rows}}.
   * filter: {capabilities: ['functionCalling', …], minContext, openWeightsOnly, benchmark, minScore,
   * provider, byOffer}; all optional.
   */
  rank(workload, filter = {}, limit = 50) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    return this._call('rank', [JSON.stringify(w.value), JSON.stringify(filter ?? {}), countOr(limit, 50)]);
  }

  /**
   * The visitor's own prices on top of the catalog → {ok, value: {prices, models, privateIds}} (the counts, and the
   * engine's id of each private model, in order: "Our Fine-Tune v2" is custom/our-fine-tune-v2).
   * overrides: {prices: [{model, provider?, input?, output?, cacheRead?}], models: [{name, input, output, context?}]};
   * null or {} clears them. Answers then carry source "visitor" ("Your price") where they apply.
   */
  setOverrides(overrides) {
    const text = overrides && ((overrides.prices?.length ?? 0) + (overrides.models?.length ?? 0) > 0) ? JSON.stringify(overrides) : '';
    const previous = this._overrides;
    this._overrides = text;
    const r = this._call('setOverrides', [text]);
    if (!r.ok) {
      this._overrides = previous;
      if (this._slot) this._slot.owner = null; // reload with the previous prices on the next call
    }
    return r;
  }

  /**
   * Price a stream of usage records → {ok, value: {prices: [USD|null…], unresolved, reasons: [{index, message}…]}}
   * (`reasons`: the first 20 unpriced records; `unresolved` counts them all).
   * records: [{model (id, alias or typed name), provider? (id; absent: the cheapest route), inputTokens, outputTokens}].
   * Each distinct (model, provider) pair crosses into the engine once, and what it resolves to is remembered
   * until the catalog or the visitor's prices change; the records cross as numbers in wasm memory, 65,536 a
   * call. The prices are those of the engine's JSON function priceBatch. A record that is not an object with
   * a string model, an optional string provider and token counts from 0 to 1e9 is an error naming it.
   */
  priceRecords(records) {
    if (!Array.isArray(records)) return failure('records must be an array', [{ path: 'records', message: 'must be an array' }]);
    if (!this.ready.ok) return this._call('pricePacked', []);
    const CHUNK = 65536;
    const prices = [];
    const reasons = [];
    let unresolved = 0;
    for (let start = 0; start < records.length; start += CHUNK) {
      const r = this._priceChunk(records, start, Math.min(records.length, start + CHUNK), prices);
      if (!r.ok) return r;
      unresolved += r.value.unresolved;
      for (const reason of r.value.reasons) if (reasons.length < 20) reasons.push(reason);
    }
    return { ok: true, value: { prices, unresolved, reasons } };
  }

  /** priceRecords for records[start, end): packs them into the engine's memory, prices them, appends to `prices`. */
  _priceChunk(records, start, end, prices) {
    const slot = this._slot;
    // name → provider → key, as interned in the engine (shared by every Versus on it); started over past 100,000.
    if (!slot.priceKeys || slot.priceKeyCount > 100000) {
      slot.priceKeys = new Map();
      slot.priceKeyCount = 0;
    }
    const keys = slot.priceKeys;
    const firstKey = slot.priceKeyCount;
    let nextKey = firstKey;
    const fresh = [];
    const bad = (i, field, message) => {
      slot.priceKeys = null; // its new keys never reached the engine: start over next call
      const path = `records[${i}]${field ? `.${field}` : ''}`;
      return failure(`the records have a problem: ${path}: ${message}`, [{ path, message }]);
    };
    const got = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    try {
      const view = slot.engine.priceInput(end - start); // valid until the next engine call
      if (!view) return failure('the engine has no room for these records');
      for (let i = start, k = 0; i < end; i++, k += 3) {
        const record = records[i];
        if (record === null || typeof record !== 'object' || Array.isArray(record)) return bad(i, '', `expected an object, got ${got(record)}`);
        const model = record.model;
        let provider = record.provider;
        const input = record.inputTokens;
        const output = record.outputTokens;
        if (typeof model !== 'string') return bad(i, 'model', model === undefined ? 'is required' : `expected a string, got ${got(model)}`);
        if (provider === undefined) provider = '';
        else if (typeof provider !== 'string') return bad(i, 'provider', `expected a string, got ${got(provider)}`);
        if (typeof input !== 'number') return bad(i, 'inputTokens', input === undefined ? 'is required' : `expected a number, got ${got(input)}`);
        if (typeof output !== 'number') return bad(i, 'outputTokens', output === undefined ? 'is required' : `expected a number, got ${got(output)}`);
        let byProvider = keys.get(model);
        if (byProvider === undefined) keys.set(model, (byProvider = new Map()));
        let key = byProvider.get(provider);
        if (key === undefined) {
          key = nextKey++;
          byProvider.set(provider, key);
          fresh.push(model, provider);
        }
        view[k] = key;
        view[k + 1] = input; // the engine rejects NaN, negative and > 1e9, naming the record
        view[k + 2] = output;
      }
    } catch (e) {
      slot.priceKeys = null;
      return failure(describeThrown(e));
    }
    slot.priceKeyCount = nextKey;
    const r = this._call('pricePacked', [fresh.length ? JSON.stringify(fresh) : '', firstKey, end - start, start]);
    if (!r.ok) {
      slot.priceKeys = null;
      return r;
    }
    let out;
    try {
      out = slot.engine.priceOutput();
    } catch (e) {
      return failure(describeThrown(e));
    }
    for (let k = 0; k < out.length; k++) {
      const p = out[k];
      prices.push(p === p ? p : null); // NaN: unknown
    }
    return r;
  }

  /** What the catalog lists → {ok, value: {benchmarks: [{id, name, unit, higherIsBetter}], providers: [{id, name}] by name}}. */
  lists() {
    return this._call('catalogLists', []);
  }

  /** The URL hash → {ok, value: {models, workload, problems}}; bad values keep defaults and are named in problems. */
  parseState(hash) {
    return this._call('parseState', [String(hash ?? '')]);
  }

  /** {models, workload} → {ok, value: '#a=…&b=…'}, the canonical hash. */
  formatState(state) {
    return this._call('formatState', [JSON.stringify(state ?? {})]);
  }

  /** "Continue comparing": the nearest rivals of model `id` (src/rank.hpp suggestRivals) → {ok, value: [{id, name, why}]}. */
  rivals(id, exclude = []) {
    return this._call('rivals', [String(id ?? ''), JSON.stringify(Array.isArray(exclude) ? exclude.map(String) : [])]);
  }

  /**
   * What a typed model name means (src/search.hpp resolveModelName) → {ok, value: {id, name, guess, also, note?}} or
   * {ok: false, error: {message}}. Every field that names a model resolves with it.
   */
  resolve(query) {
    return this._call('resolve', [String(query ?? '')]);
  }

  /** Models whose name, id or alias matches `query`, best first → {ok, value: [{id, name, creator, matched}]}. */
  search(query = '', limit = 20) {
    return this._call('search', [String(query ?? ''), countOr(limit, 20)]);
  }

  /**
   * Prepare the search names of up to `count` more models (src/catalog.hpp prepareSearchNames), so that the first
   * search() does not pay for every model at once: a page calls it in idle time → {ok, value: {left}}, `left` the
   * models still unprepared (0: done).
   */
  prepareSearch(count = 64) {
    return this._call('prepareSearch', [countOr(count, 64)]);
  }

  /** Replace this object's catalog with `text` when valid → {ok, value: catalogInfo} or the problems. */
  loadCatalog(text) {
    if (!this._slot) return this.ready;
    try {
      const r = parseEnvelope(this._slot.engine.loadCatalog(String(text)));
      if (r.ok) {
        this._slot.owner = this;
        this._catalog = String(text);
        this.ready = r;
        this.catalogInfo = r.value;
      } else if (this._slot.owner === this) {
        this._slot.owner = null; // the engine keeps its old catalog, which is ours; stay safe and reload next call
      }
      return r;
    } catch (e) {
      return failure(describeThrown(e));
    }
  }
}

/**
 * Load the engine (once) and a catalog. Resolves to a Versus object in every case; `versus.ready`
 * says whether it is usable ({ok:true, value: catalogInfo}) or why not ({ok:false, error}).
 */
export async function loadVersus(options = {}) {
  const moduleUrl = toHref(options.moduleUrl ?? new URL('./versus-engine.js', import.meta.url), pageBase());
  const wasmUrl = options.wasmUrl ? toHref(options.wasmUrl, pageBase()) : undefined;
  const doFetch = options.fetch ?? globalThis.fetch;

  // Module and catalog load in parallel.
  const catalogPromise = (async () => {
    if (typeof options.catalogText === 'string') return { ok: true, value: options.catalogText };
    if (options.catalogBytes != null) {
      const bytes = packBytes(options.catalogBytes);
      return bytes ? { ok: true, value: bytes } : failure('catalogBytes must be an ArrayBuffer or a Uint8Array');
    }
    const url = toHref(options.catalogUrl ?? './catalog.json', pageBase());
    const pack = new URL(url).pathname.endsWith('.pack');
    try {
      const res = await doFetch(url);
      if (!res.ok) return failure(`could not load the catalog ${url}: HTTP ${res.status}`);
      return { ok: true, value: pack ? new Uint8Array(await res.arrayBuffer()) : await res.text() };
    } catch (e) {
      return failure(`could not load the catalog ${url}: ${describeThrown(e)}`);
    }
  })();

  let slot = null;
  let moduleError = null;
  try {
    slot = await getEngine(moduleUrl, { wasmUrl, wasmBinary: options.wasmBinary });
  } catch (e) {
    moduleError = failure(`could not load the engine module ${moduleUrl}: ${describeThrown(e)}`);
  }
  const catalog = await catalogPromise;
  if (moduleError) return new Versus(null, null, moduleError);
  if (!catalog.ok) return new Versus(slot, null, catalog);

  let ready;
  try {
    ready = loadInto(slot.engine, catalog.value);
  } catch (e) {
    ready = failure(describeThrown(e));
  }
  if (ready.ok) {
    const v = new Versus(slot, catalog.value, ready);
    slot.owner = v;
    return v;
  }
  ready.error.message = `the catalog is not valid: ${ready.error.message}`;
  return new Versus(slot, null, ready);
}
