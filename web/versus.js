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
 *   catalogUrl   where to fetch it (default './catalog.json' relative to the page)
 *   fetch        a fetch implementation (default globalThis.fetch)
 *
 * Rules:
 *   - The wasm module is instantiated once, lazily, on the first loadVersus call, and shared by every
 *     later call with the same moduleUrl (a memoised promise). Each Versus object remembers its own
 *     catalog and reloads it into the shared engine when another Versus object used it in between.
 *   - Nothing here throws for a data problem: every answer is `{ok: true, value}` or
 *     `{ok: false, error: {message, problems}}` (`problems` is always an array, maybe empty).
 *     loadVersus itself resolves even when the module or the catalog cannot load; check `versus.ready`.
 *   - A workload is `{requests, inputTokens, outputTokens, ratio}`; missing fields take the defaults
 *     DEFAULT_WORKLOAD (1,000,000 requests × 800 input + 250 output tokens, ratio 0.7). The engine rejects
 *     negative or non-finite values and a ratio outside 0..1 with an error naming the field; a value
 *     that is not a number at all (e.g. a string) is rejected here, before it reaches the engine.
 *   - Numbers in answers are unrounded; `null` means unknown. Format them with format.js.
 */

/** The default traffic and input share: 1,000,000 requests a month × (800 in + 250 out), 70/30. */
export const DEFAULT_WORKLOAD = Object.freeze({ requests: 1000000, inputTokens: 800, outputTokens: 250, ratio: 0.7 });

const WORKLOAD_FIELDS = ['requests', 'inputTokens', 'outputTokens', 'ratio'];

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
  for (const fn of ['loadCatalog', 'compare', 'model', 'search']) {
    if (typeof engine[fn] !== 'function') throw new Error(`the engine module lacks the function ${fn}()`);
  }
  return { engine, owner: null };
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

/** Check a workload and fill in defaults; returns {ok, value} or an error naming the field. */
export function normaliseWorkload(workload) {
  if (workload != null && typeof workload !== 'object') return failure('workload must be an object', [{ path: 'workload', message: 'must be an object' }]);
  const w = { ...DEFAULT_WORKLOAD };
  for (const f of WORKLOAD_FIELDS) {
    const v = workload?.[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number') {
      const message = `${f} must be a number, got ${typeof v}`;
      return failure(message, [{ path: `workload.${f}`, message: 'must be a number' }]);
    }
    w[f] = v;
  }
  return { ok: true, value: w };
}

/**
 * A loaded engine plus one catalog. Create it with loadVersus(); see the header comment.
 */
class Versus {
  constructor(slot, catalogText, ready) {
    this._slot = slot; // {engine, owner} or null when the module failed to load
    this._catalogText = catalogText;
    /** {ok:true, value: catalogInfo} or {ok:false, error}: whether the module and the catalog loaded. */
    this.ready = ready;
    /** {models, providers, offers, generated} of the loaded catalog, or null when it failed to load. */
    this.catalogInfo = ready.ok ? ready.value : null;
  }

  _call(fn, args) {
    if (!this.ready.ok) return failure(`no catalog is loaded: ${this.ready.error.message}`, this.ready.error.problems);
    const slot = this._slot;
    try {
      if (slot.owner !== this) {
        const r = parseEnvelope(slot.engine.loadCatalog(this._catalogText));
        if (!r.ok) return r;
        slot.owner = this;
      }
      return parseEnvelope(slot.engine[fn](...args));
    } catch (e) {
      return failure(describeThrown(e));
    }
  }

  /** Compare model `a` with model `b` (ids or aliases) for a workload → {ok, value: Comparison}. */
  compare(a, b, workload) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    const { requests, inputTokens, outputTokens, ratio } = w.value;
    return this._call('compare', [String(a ?? ''), String(b ?? ''), requests, inputTokens, outputTokens, ratio]);
  }

  /** One model (id or alias) with its prices for a workload, specs, capabilities, benchmarks. */
  model(id, workload) {
    const w = normaliseWorkload(workload);
    if (!w.ok) return w;
    const { requests, inputTokens, outputTokens, ratio } = w.value;
    return this._call('model', [String(id ?? ''), requests, inputTokens, outputTokens, ratio]);
  }

  /** Models whose name, id or alias matches `query`, best first → {ok, value: [{id, name, creator, matched}]}. */
  search(query = '', limit = 20) {
    const n = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100000) : 20;
    return this._call('search', [String(query ?? ''), n]);
  }

  /** Replace this object's catalog with `text` when valid → {ok, value: catalogInfo} or the problems. */
  loadCatalog(text) {
    if (!this._slot) return this.ready;
    try {
      const r = parseEnvelope(this._slot.engine.loadCatalog(String(text)));
      if (r.ok) {
        this._slot.owner = this;
        this._catalogText = String(text);
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

  // Module and catalog text load in parallel.
  const catalogPromise = (async () => {
    if (typeof options.catalogText === 'string') return { ok: true, value: options.catalogText };
    const url = toHref(options.catalogUrl ?? './catalog.json', pageBase());
    try {
      const res = await doFetch(url);
      if (!res.ok) return failure(`could not load the catalog ${url}: HTTP ${res.status}`);
      return { ok: true, value: await res.text() };
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
    ready = parseEnvelope(slot.engine.loadCatalog(catalog.value));
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
