// Readers: one per upstream file. Each returns entries in one shape (see makeEntry) for build.mjs to join.
import { readSource, parseSource, expectObject, expectArray, expectArrayAt, expectColumns, isObject, lookupTable } from './input.mjs';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { readTar } from './tar.mjs';
import { splitId, baseModelAgrees } from './names.mjs';
import { MODELS_DEV_PROVIDER, LITELLM_PROVIDER, genaiProvider } from './providers.mjs';

export function makeEntry(src, sourceId, fields) {
  return { src, sourceId, provider: null, providerModelId: null, creator: null, name: null, displayName: null,
    level: 'provider', facts: { caps: {}, bench: {}, speed: {} }, offer: null, aliases: [], ...fields };
}

/** Round a per-1M price to 10 significant digits (removes float noise from per-token × 1e6). */
export function money(x) {
  if (x === null || x === undefined || x === '') return undefined;
  const n = typeof x === 'string' ? Number(x) : x;
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Number(n.toPrecision(10));
}
const perToken = (x) => (x === undefined || x === null || x === '' ? undefined : money(Number(x) * 1e6));

function date(s) {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s.trim());
  if (!m) return undefined;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}
const int = (x) => (Number.isFinite(Number(x)) && Number(x) > 0 ? Math.round(Number(x)) : undefined);
const MODALITIES = new Set(['text', 'image', 'audio', 'video', 'pdf']);
function modalities(list) {
  if (!Array.isArray(list)) return undefined;
  const out = [...new Set(list.map((m) => (m === 'file' ? 'pdf' : String(m).toLowerCase())).filter((m) => MODALITIES.has(m)))].sort();
  return out.length ? out : undefined;
}
function capsFromModalities(caps, input) {
  if (!input) return;
  caps.vision = input.includes('image');
  caps.multimodal = input.some((m) => m !== 'text');
}
/** 0 input and 0 output = a free tier (a source's 0 is not a price). */
function priceOrFree(offer, price) {
  const clean = Object.fromEntries(Object.entries(price).filter(([k, v]) => v !== undefined && !(v === 0 && k !== 'input' && k !== 'output' && k !== 'tiers')));
  if (clean.input === 0 && clean.output === 0) { offer.free = true; return; }
  // A price of $1,000 or more per 1M tokens is a unit error in the source (e.g. per-token prices stored per 1M).
  if ([clean.input, clean.output, clean.cacheRead, clean.cacheWrite, clean.batchInput, clean.batchOutput].some((v) => v >= 1000)) {
    offer.note = 'price dropped: implausible (>= $1,000 per 1M tokens) in the source';
    return;
  }
  for (const k of ['input', 'output']) if (clean[k] === 0 && clean[k === 'input' ? 'output' : 'input'] === undefined) delete clean[k];
  if (Object.keys(clean).length) offer.price = clean;
}

// ---------------------------------------------------------------- models.dev
function deepMerge(a, b) {
  if (Array.isArray(b) || typeof b !== 'object' || b === null) return b;
  const out = { ...(typeof a === 'object' && a && !Array.isArray(a) ? a : {}) };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}
function omit(obj, dotted) {
  const parts = dotted.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) { if (!o || typeof o !== 'object') return; o = o[parts[i]]; }
  if (o && typeof o === 'object') delete o[parts[parts.length - 1]];
}
const MD_BENCH = lookupTable({
  'aider polyglot': 'aider-polyglot', 'artificial analysis coding index': 'aa-coding', scicode: 'scicode',
  'terminal-bench hard': 'terminal-bench-hard', 'swe-bench pro': 'swe-bench-pro', 'swe bench pro': 'swe-bench-pro',
  'swe-bench verified': 'swe-bench-verified', 'gpqa diamond': 'gpqa', 'humanity’s last exam': 'hle',
  "humanity's last exam": 'hle', livecodebench: 'livecodebench',
});

/** GitHub's archive of a repository puts it in one top folder (`models.dev-dev/models/…`): read it from inside. */
function withoutTopFolder(files) {
  if (files.some((f) => /^(models|providers)\//.test(f.path))) return files;
  const top = files[0]?.path.split('/')[0];
  if (!top || !files.every((f) => f.path.startsWith(`${top}/`))) return files;
  return files.map((f) => ({ path: f.path.slice(top.length + 1), get text() { return f.text; } }));
}

export function readModelsDev(path, snapshotDate) {
  const files = withoutTopFolder(readTar(path, 'models.dev'));
  const labs = new Map(); const providers = Object.create(null); const entries = [];
  const toml = (f) => parseSource(`models.dev: ${path}: ${f.path}`, f.text, parseToml, 'TOML');
  for (const f of files) {
    let m;
    if ((m = /^models\/([^/]+)\/(.+)\.toml$/.exec(f.path))) labs.set(`${m[1]}/${m[2]}`, toml(f));
    else if ((m = /^providers\/([^/]+)\/provider\.toml$/.exec(f.path))) providers[m[1]] = toml(f);
  }
  const toEntry = (t, e) => {
    const facts = e.facts;
    if (t.name) e.displayName = String(t.name);
    if (t.family) facts.family = String(t.family);
    facts.released = date(t.release_date);
    facts.knowledgeCutoff = date(t.knowledge);
    if (typeof t.open_weights === 'boolean') facts.openWeights = t.open_weights;
    if (t.license) facts.license = String(t.license);
    facts.context = int(t.limit?.context);
    facts.maxOutput = int(t.limit?.output);
    facts.inputModalities = modalities(t.modalities?.input);
    facts.outputModalities = modalities(t.modalities?.output);
    capsFromModalities(facts.caps, facts.inputModalities);
    if (typeof t.reasoning === 'boolean') facts.caps.reasoning = t.reasoning;
    if (typeof t.tool_call === 'boolean') { facts.caps.functionCalling = t.tool_call; facts.caps.toolUse = t.tool_call; }
    if (typeof t.structured_output === 'boolean') facts.caps.structuredOutputs = t.structured_output;
    for (const b of t.benchmarks || []) {
      const id = MD_BENCH[String(b.name).toLowerCase()];
      if (!id || typeof b.score !== 'number') continue;
      if (b.dataset && b.dataset !== 'public') continue;
      if (!(id in facts.bench)) facts.bench[id] = { value: b.score, date: date(b.date) };
    }
    return e;
  };
  for (const [key, t] of [...labs.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lab, name] = key.split('/');
    const s = splitId(name);
    entries.push(toEntry(t, makeEntry('models.dev', key, { level: 'lab', creator: s.creator && s.creator !== lab && lab === 'meta' ? s.creator : labCreator(lab), name: s.name })));
  }
  for (const f of files) {
    const m = /^providers\/([^/]+)\/models\/(.+)\.toml$/.exec(f.path);
    if (!m) continue;
    let t = toml(f);
    // The provider record's own last edit (not its base model's): a price another source dates after it is
    // newer evidence (build.mjs). Ministral 8B's `-latest` alias was last edited 2024-10-04; genai-prices
    // dates its move to Ministral 3 8B (and a new price) 2025-12-02.
    const recordUpdated = date(t.last_updated);
    // A base_model pointer is taken only when the provider's id is that model (same size, no other variant).
    if (t.base_model && !baseModelAgrees(m[2], String(t.base_model))) t = { ...t, base_model: undefined, base_model_refused: String(t.base_model) };
    if (t.base_model && labs.has(t.base_model)) {
      const base = structuredClone(labs.get(t.base_model));
      for (const o of t.base_model_omit || []) omit(base, o);
      delete base.benchmarks;
      t = deepMerge(base, t);
    }
    const provider = MODELS_DEV_PROVIDER[m[1]] || m[1];
    const pmid = m[2];
    const s = splitId(t.base_model && !/[:]free$/.test(pmid) ? t.base_model : pmid, provider);
    const e = toEntry(t, makeEntry('models.dev', `${m[1]}/${pmid}`, { provider, providerModelId: pmid, creator: s.creator,
      name: /:free$/.test(pmid) && !s.name.endsWith(':free') ? s.name + ':free' : s.name }));
    if (t.base_model) e.aliases.push(pmid);
    if (recordUpdated) e.recordUpdated = recordUpdated;
    const offer = { status: t.status === 'deprecated' ? 'deprecated' : 'live', context: int(t.limit?.context), maxOutput: int(t.limit?.output) };
    const c = t.cost || {};
    const price = { input: money(c.input), output: money(c.output), cacheRead: money(c.cache_read), cacheWrite: money(c.cache_write) };
    const tiers = [];
    for (const tier of c.tiers || []) {
      const start = int(tier.tier?.size);
      if (start) tiers.push(cleanTier({ start, input: money(tier.input), output: money(tier.output), cacheRead: money(tier.cache_read), cacheWrite: money(tier.cache_write) }));
    }
    if (c.context_over_200k) {
      const o = c.context_over_200k;
      tiers.push(cleanTier({ start: 200000, input: money(o.input), output: money(o.output), cacheRead: money(o.cache_read), cacheWrite: money(o.cache_write) }));
    }
    if (tiers.length) price.tiers = uniqTiers(tiers);
    const unit = nonTokenCostUnit(f.text);
    if (unit) {
      // evroc's speech models state their [cost] "# per audio minute": read as per 1M tokens, Voxtral
      // became the cheapest model of the catalog. Such an offer keeps no token price, and says why.
      offer.note = `priced per ${unit} by the provider, not per token: no token price is shown`;
    } else if (/coding-plan|token-plan/.test(m[1]) && !(price.input > 0) && !(price.output > 0)) {
      offer.note = 'subscription plan: included in the plan price, not billed per token';
    } else if (t.cost) priceOrFree(offer, price);
    e.offer = offer;
    entries.push(e);
  }
  const providerInfo = {};
  for (const [dir, p] of Object.entries(providers)) {
    const id = MODELS_DEV_PROVIDER[dir] || dir;
    if (!providerInfo[id]) providerInfo[id] = { name: p.name, url: typeof p.doc === 'string' && /^https?:/.test(p.doc) ? p.doc : undefined };
  }
  return { entries, providers: providerInfo };
}
function labCreator(lab) { return { 'zhipuai': 'zhipuai', 'moonshotai': 'moonshotai' }[lab] || lab; }
function cleanTier(t) { return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)); }
/**
 * The unit a models.dev file's [cost] table states in a comment when it is not tokens ("# per audio minute"
 * → "audio minute"), or null. TOML parsers drop comments, so this reads the file's text.
 */
export function nonTokenCostUnit(tomlText) {
  const section = /^\[cost\][^\n]*\n((?:(?!\[)[^\n]*\n?)*)/m.exec(tomlText)?.[1] ?? '';
  const m = /^\s*#\s*per\s+((?:audio\s+|video\s+)?(?:minute|second|hour|image|request|character|page|call)s?)\b/im.exec(section);
  return m ? m[1].toLowerCase().replace(/\s+/g, ' ') : null;
}

function uniqTiers(tiers) {
  const seen = new Map();
  for (const t of tiers) if (!seen.has(t.start)) seen.set(t.start, t);
  return [...seen.values()].filter((t) => t.input !== undefined || t.output !== undefined).sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- LiteLLM
const LITELLM_MODES = new Set(['chat', 'completion', 'responses', undefined]);
export function readLitellm(path, snapshotDate) {
  const data = readSource('litellm', path, { shape: expectObject });
  const entries = [];
  for (const key of Object.keys(data).sort()) {
    const r = data[key];
    if (key === 'sample_spec' || !r || typeof r !== 'object') continue;
    if (!LITELLM_MODES.has(r.mode)) continue;
    const provider = LITELLM_PROVIDER[r.litellm_provider];
    if (!provider) continue;
    let pmid = key;
    const pre = r.litellm_provider + '/';
    if (pmid.startsWith(pre)) pmid = pmid.slice(pre.length);
    else pmid = pmid.replace(/^(bedrock|bedrock_converse|vertex_ai|gemini|azure|azure_ai|together_ai|fireworks_ai|groq|mistral|cohere|xai|deepseek|perplexity|openrouter|vercel_ai_gateway|nvidia_nim|novita|dashscope|moonshot|zai|cerebras|sambanova|databricks|watsonx|oci|nebius|nscale|lambda_ai|hyperbolic|github_copilot|ovhcloud|scaleway|replicate|baseten|wandb|gmi|volcengine|deepinfra|cloudflare|snowflake|anyscale|meta_llama|aiml|heroku|llamagate|libertai|publicai|crusoe|featherless_ai|friendliai|gradient_ai|sagemaker|amazon_nova|bedrock_mantle)\//, '');
    // Bedrock keys carry region / invoke prefixes: "bedrock/us-east-1/…", "invoke/…", "converse/…"
    pmid = pmid.replace(/^([a-z]{2}(-gov)?-[a-z]+-\d)\//, '').replace(/^(invoke|converse)\//, '');
    const s = splitId(pmid, provider);
    const e = makeEntry('litellm', key, { provider, providerModelId: pmid, creator: s.creator, name: s.name });
    const f = e.facts;
    f.context = int(r.max_input_tokens);
    f.maxOutput = int(r.max_output_tokens);
    const inMods = modalities(r.supported_modalities ? [...r.supported_modalities, ...(r.supports_pdf_input ? ['pdf'] : [])] : undefined);
    f.inputModalities = inMods;
    f.outputModalities = modalities(r.supported_output_modalities);
    if (typeof r.supports_vision === 'boolean') f.caps.vision = r.supports_vision;
    if (inMods) f.caps.multimodal = inMods.some((m) => m !== 'text');
    else if (r.supports_vision === true || r.supports_audio_input === true || r.supports_pdf_input === true) f.caps.multimodal = true;
    if (typeof r.supports_reasoning === 'boolean') f.caps.reasoning = r.supports_reasoning;
    if (typeof r.supports_function_calling === 'boolean') f.caps.functionCalling = r.supports_function_calling;
    if (typeof r.supports_tool_choice === 'boolean') f.caps.toolUse = r.supports_tool_choice;
    if (typeof r.supports_response_schema === 'boolean') f.caps.structuredOutputs = r.supports_response_schema;
    if (typeof r.supports_computer_use === 'boolean') f.caps.computerUse = r.supports_computer_use;
    if (r.code_interpreter_cost_per_session !== undefined) f.caps.codeExecution = true;
    const dep = date(r.deprecation_date);
    const offer = { status: dep ? (dep <= snapshotDate ? 'retired' : 'deprecated') : 'live', context: f.context, maxOutput: f.maxOutput };
    if (dep) offer.note = `deprecation date ${dep}`;
    if (isDay(dep)) offer.retires = dep;
    const price = {
      input: perToken(r.input_cost_per_token), output: perToken(r.output_cost_per_token),
      cacheRead: perToken(r.cache_read_input_token_cost), cacheWrite: perToken(r.cache_creation_input_token_cost),
      batchInput: perToken(r.input_cost_per_token_batches), batchOutput: perToken(r.output_cost_per_token_batches),
    };
    if (typeof r.input_cost_per_request === 'number' && r.input_cost_per_request > 0) price.request = r.input_cost_per_request;
    const tiers = [];
    for (const k of Object.keys(r)) {
      const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k);
      if (!m) continue;
      const n = m[1];
      tiers.push(cleanTier({ start: Number(n) * 1000, input: perToken(r[k]), output: perToken(r[`output_cost_per_token_above_${n}k_tokens`]),
        cacheRead: perToken(r[`cache_read_input_token_cost_above_${n}k_tokens`]), cacheWrite: perToken(r[`cache_creation_input_token_cost_above_${n}k_tokens`]),
        cacheWrite1h: positive(perToken(r[`cache_creation_input_token_cost_above_1hr_above_${n}k_tokens`])) }));
    }
    if (tiers.length) price.tiers = uniqTiers(tiers);
    Object.assign(price, litellmBill(r, price, offer));
    if (r.input_cost_per_token !== undefined || r.output_cost_per_token !== undefined) priceOrFree(offer, price);
    e.offer = offer;
    entries.push(e);
  }
  return { entries };
}

const positive = (x) => (x > 0 ? x : undefined);
const isDay = (d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
/** A service tier's rates (`_flex`, `_priority` keys) with their long-context tiers; both input and output, or null. */
function litellmService(r, suffix) {
  const input = positive(perToken(r[`input_cost_per_token${suffix}`])), output = positive(perToken(r[`output_cost_per_token${suffix}`]));
  if (input === undefined && output === undefined) return null;
  if (input === undefined || output === undefined) return { missing: input === undefined ? 'input' : 'output' };
  const s = cleanTier({ input, output, cacheRead: positive(perToken(r[`cache_read_input_token_cost${suffix}`])),
    cacheWrite: positive(perToken(r[`cache_creation_input_token_cost${suffix}`])) });
  const tiers = [];
  for (const k of Object.keys(r)) {
    const m = new RegExp(`^input_cost_per_token_above_(\\d+)k_tokens${suffix}$`).exec(k);
    if (!m) continue;
    const n = m[1];
    const t = cleanTier({ start: Number(n) * 1000, input: positive(perToken(r[k])), output: positive(perToken(r[`output_cost_per_token_above_${n}k_tokens${suffix}`])),
      cacheRead: positive(perToken(r[`cache_read_input_token_cost_above_${n}k_tokens${suffix}`])),
      cacheWrite: positive(perToken(r[`cache_creation_input_token_cost_above_${n}k_tokens${suffix}`])) });
    if (t.input !== undefined && t.output !== undefined) tiers.push(t);
  }
  if (tiers.length) s.tiers = uniqTiers(tiers);
  return s;
}
/**
 * What a LiteLLM row prices beyond the standard rates (data/IMPORT.md "Prices, free tiers, status"): hidden reasoning tokens
 * where they bill apart from the output, the 1-hour cache write, the flex and priority service tiers and the
 * regional uplift. A service tier lacking its input or output price is dropped, and `offer.billNote` says so.
 */
function litellmBill(r, price, offer) {
  const bill = {};
  const reasoning = positive(perToken(r.output_cost_per_reasoning_token));
  if (reasoning !== undefined && reasoning !== price.output) bill.reasoningOutput = reasoning;
  bill.cacheWrite1h = positive(perToken(r.cache_creation_input_token_cost_above_1hr));
  const dropped = [];
  for (const [key, suffix] of [['flex', '_flex'], ['priority', '_priority']]) {
    const s = litellmService(r, suffix);
    if (s?.missing) dropped.push(`${key} price dropped: the source lists no ${key} ${s.missing} price`);
    else if (s) bill[key] = s;
  }
  // OpenAI's data residency: every rate × the factor in that region. The engine takes factors in (1, 3].
  const uplift = {};
  for (const [region, k] of [['EU', 'regional_processing_uplift_multiplier_eu'], ['US', 'regional_processing_uplift_multiplier_us']]) {
    if (typeof r[k] === 'number' && r[k] > 1 && r[k] <= 3) uplift[region] = r[k];
  }
  if (Object.keys(uplift).length) bill.regionUplift = uplift;
  if (dropped.length) {
    offer.billNote = dropped.join('; ');
    offer.note = [offer.note, offer.billNote].filter(Boolean).join('; ');
  }
  return Object.fromEntries(Object.entries(bill).filter(([, v]) => v !== undefined));
}

// ---------------------------------------------------------------- genai-prices
function activePrices(prices, snapshotDate) {
  if (!Array.isArray(prices)) return { prices, date: undefined };
  let best = null, bestDate = '';
  for (const p of prices) {
    const c = p.constraint;
    if (!c) { if (!best) best = p; continue; }
    if (c.type === 'start_date' && c.start_date <= snapshotDate && c.start_date >= bestDate) { best = p; bestDate = c.start_date; }
  }
  return { prices: best ? best.prices : {}, date: bestDate || undefined };
}
function splitTiered(v) {
  if (v === undefined || v === null) return { base: undefined, tiers: [] };
  if (typeof v === 'number') return { base: money(v), tiers: [] };
  return { base: money(v.base), tiers: (v.tiers || []).map((t) => ({ start: t.start, price: money(t.price) })) };
}
/** A genai-prices `prices` object as an offer's price (or free tier, or the note saying why it has none). */
function genaiOffer(prices) {
  const offer = {};
  const fields = { input: 'input_mtok', output: 'output_mtok', cacheRead: 'cache_read_mtok', cacheWrite: 'cache_write_mtok' };
  const price = {}; const tierMap = new Map();
  for (const [k, src] of Object.entries(fields)) {
    const t = splitTiered(prices[src]);
    price[k] = t.base;
    for (const tt of t.tiers) {
      if (!tierMap.has(tt.start)) tierMap.set(tt.start, { start: tt.start });
      tierMap.get(tt.start)[k] = tt.price;
    }
  }
  if (tierMap.size) price.tiers = uniqTiers([...tierMap.values()].map(cleanTier));
  // A fee per request on top of the tokens (Perplexity's Sonar: $12 per 1,000 requests).
  if (typeof prices.requests_kcount === 'number' && prices.requests_kcount > 0) price.request = prices.requests_kcount / 1000;
  if (Object.keys(prices).length === 0) offer.free = true; // "prices": {} — the model is served at no charge
  else priceOrFree(offer, price);
  return offer;
}

/**
 * Every price a genai-prices model dates (`constraint.start_date`), for data/price-history.json: each dated
 * price `from` its start date, and the undated price `until` the first one (the source does not say since when).
 * Prices by time of day are no dated change. null when the model dates none.
 */
function datedPrices(prices) {
  if (!Array.isArray(prices)) return null;
  const dated = prices.filter((p) => p.constraint?.type === 'start_date' && typeof p.constraint.start_date === 'string')
    .sort((a, b) => (a.constraint.start_date < b.constraint.start_date ? -1 : a.constraint.start_date > b.constraint.start_date ? 1 : 0));
  if (!dated.length) return null;
  const points = [];
  const undated = prices.find((p) => !p.constraint);
  const point = (when, p) => { const o = genaiOffer(p.prices || {}); return o.price || o.free ? { ...when, ...(o.free ? { free: true } : { price: o.price }) } : null; };
  if (undated) points.push(point({ until: date(dated[0].constraint.start_date) }, undated));
  for (const p of dated) points.push(point({ from: date(p.constraint.start_date) }, p));
  return points.filter(Boolean);
}

export function readGenaiPrices(path, snapshotDate) {
  const data = readSource('genai-prices', path, {
    shape: (v) => expectArray(v) || (v.every((p) => isObject(p) && typeof p.id === 'string' && Array.isArray(p.models)) ? null : 'expected providers, each with an "id" and a "models" array'),
  });
  const entries = []; const providers = Object.create(null);
  for (const p of data) {
    const provider = genaiProvider(p.id);
    if (provider === 'voyage-ai') continue; // embeddings only
    providers[provider] = { name: p.name, url: (p.pricing_urls || [])[0] };
    for (const m of p.models) {
      const { prices, date: since } = activePrices(m.prices, snapshotDate);
      if (!prices || (prices.input_mtok === undefined && prices.output_mtok === undefined && Object.keys(prices).length)) continue;
      const pmid = m.id.replace(/^(regional|global)\./, '');
      const s = splitId(pmid, provider);
      const e = makeEntry('genai-prices', `${p.id}/${m.id}`, { provider, providerModelId: m.id, creator: s.creator, name: s.name, displayName: m.name });
      e.facts.context = int(m.context_window);
      const offer = { status: m.deprecated ? 'deprecated' : 'live', context: int(m.context_window) };
      if (since) offer.date = since;
      // Prices by time of day (DeepSeek's peak windows) are not modelled: the note says what they are.
      const windows = (Array.isArray(m.prices) ? m.prices : []).filter((x) => x.constraint?.type === 'time_of_date');
      if (windows.length) {
        const w = windows[0].prices;
        const times = windows.map((x) => `${String(x.constraint.start_time).slice(0, 5)}–${String(x.constraint.end_time).slice(0, 5)}`).join(', ');
        offer.note = `peak hours (${times} UTC) cost $${w.input_mtok} / $${w.output_mtok}, not modelled: the price shown is off-peak`;
      }
      Object.assign(offer, genaiOffer(prices));
      const dated = datedPrices(m.prices);
      if (dated) e.datedPrices = dated;
      e.offer = offer;
      entries.push(e);
    }
  }
  return { entries, providers };
}

// ---------------------------------------------------------------- OpenRouter
export function readOpenRouter(path, snapshotDate) {
  const data = readSource('openrouter', path, { shape: expectArrayAt('data') });
  const entries = [];
  for (const r of [...data.data].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!r.id || r.id.startsWith('openrouter/')) continue;
    const s = splitId(r.id, 'openrouter');
    const e = makeEntry('openrouter', r.id, { provider: 'openrouter', providerModelId: r.id, creator: s.creator, name: s.name,
      displayName: String(r.name || '').replace(/^[^:]{1,40}:\s*/, '').replace(/\s*\(free\)$/, '') || null });
    if (r.hugging_face_id) e.aliases.push(r.hugging_face_id.toLowerCase());
    if (r.canonical_slug && r.canonical_slug !== r.id) e.aliases.push(r.canonical_slug.toLowerCase());
    e.hfId = r.hugging_face_id ? r.hugging_face_id.toLowerCase() : null;
    const f = e.facts;
    f.context = int(r.context_length);
    f.maxOutput = int(r.top_provider?.max_completion_tokens);
    f.knowledgeCutoff = date(r.knowledge_cutoff);
    f.inputModalities = modalities(r.architecture?.input_modalities);
    f.outputModalities = modalities(r.architecture?.output_modalities);
    capsFromModalities(f.caps, f.inputModalities);
    const sp = new Set(r.supported_parameters || []);
    if (r.supported_parameters) {
      f.caps.reasoning = sp.has('reasoning') || sp.has('include_reasoning');
      f.caps.functionCalling = sp.has('tools');
      f.caps.toolUse = sp.has('tool_choice') || sp.has('tools');
      f.caps.structuredOutputs = sp.has('structured_outputs') || sp.has('response_format');
    }
    const exp = date(r.expiration_date);
    const offer = { status: exp ? (exp <= snapshotDate ? 'retired' : 'deprecated') : 'live', context: int(r.top_provider?.context_length) || f.context, maxOutput: f.maxOutput };
    if (exp) offer.note = `expiration date ${exp}`;
    if (isDay(exp)) offer.retires = exp;
    const pr = r.pricing || {};
    if (Number(pr.prompt) < 0 || Number(pr.completion) < 0) { e.offer = offer; entries.push(e); continue; } // variable (router) pricing
    const price = { input: perToken(pr.prompt), output: perToken(pr.completion), cacheRead: perToken(pr.input_cache_read), cacheWrite: perToken(pr.input_cache_write) };
    // `overrides` with `min_prompt_tokens`: a request whose prompt has at least that many tokens is billed
    // whole at the override's rates; a tier's `start` is the last prompt length below it (the engine bills a
    // tier once the prompt passes `start`). Why: qwen/qwen3-max above 128k was billed at its base rates, 2.5× low.
    const tiers = (Array.isArray(pr.overrides) ? pr.overrides : [])
      .filter((t) => Number.isInteger(t?.min_prompt_tokens) && t.min_prompt_tokens > 1)
      .map((t) => cleanTier({ start: t.min_prompt_tokens - 1, input: perToken(t.prompt), output: perToken(t.completion),
        cacheRead: perToken(t.input_cache_read), cacheWrite: perToken(t.input_cache_write) }));
    if (tiers.length) price.tiers = uniqTiers(tiers);
    priceOrFree(offer, price);
    e.offer = offer;
    entries.push(e);
  }
  return { entries };
}

// ---------------------------------------------------------------- Artificial Analysis
const AA_BENCH = lookupTable({
  artificial_analysis_intelligence_index: ['aa-intelligence', 1], artificial_analysis_coding_index: ['aa-coding', 1],
  artificial_analysis_agentic_index: ['aa-agentic', 1], gpqa: ['gpqa', 100], hle: ['hle', 100], scicode: ['scicode', 100],
  ifbench: ['ifbench', 100], terminal_bench_hard: ['terminal-bench-hard', 100], tau2_bench: ['tau2-bench', 100],
  mmmu_pro: ['mmmu-pro', 100], aa_lcr: ['aa-lcr', 100],
});
const r2 = (x) => Math.round(x * 100) / 100;
// The API's evaluation keys that the leaderboard payload spells otherwise.
const AA_API_EVALUATION = lookupTable({ lcr: 'aa_lcr', terminalbench_hard: 'terminal_bench_hard', tau2: 'tau2_bench' });
/**
 * One row of Artificial Analysis' API (`/api/v2/data/llms/models`: `{status, data: [...]}`) in the leaderboard
 * payload's shape (`{models: [...]}`), which the reader below reads. The API carries the creator as
 * `model_creator`, speeds as top-level medians, and no open-weights, capability or deprecation facts: those
 * stay unknown, never false. Nor does it name a row's OpenRouter id, by which many rows join their model:
 * data/aa-openrouter-ids.json keeps those the leaderboard payload named (scripts/aa-openrouter-ids).
 */
export function fromApiRow(r) {
  const evaluations = Object.create(null);
  for (const [k, v] of Object.entries(isObject(r.evaluations) ? r.evaluations : {})) evaluations[AA_API_EVALUATION[k] || k] = v;
  return {
    id: r.id, name: r.name, slug: r.slug, release_date: r.release_date, creator: r.model_creator, evaluations,
    pricing: r.pricing,
    speed: {
      output_tokens_per_second: r.median_output_tokens_per_second,
      time_to_first_token_seconds: r.median_time_to_first_token_seconds,
      time_to_first_answer_token_seconds: r.median_time_to_first_answer_token,
    },
  };
}
function aaShape(v) {
  if (isObject(v) && Array.isArray(v.models)) return null;
  if (!isObject(v) || !Array.isArray(v.data)) return 'expected an object with a "models" array (the leaderboard payload) or a "data" array (the API)';
  const bad = v.data.findIndex((r) => !isObject(r) || typeof r.slug !== 'string' || !r.slug);
  return bad < 0 ? null : `data[${bad}].slug: expected a non-empty string`;
}
export function readArtificialAnalysis(path) {
  const data = readSource('artificial-analysis', path, { shape: aaShape });
  const rows = Array.isArray(data.models) ? data.models : data.data.map(fromApiRow);
  const entries = [];
  for (const r of [...rows].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const creator = splitId(`${r.creator?.slug || ''}/${r.slug}`).creator;
    const e = makeEntry('artificial-analysis', r.slug, { level: 'bench', creator, name: r.slug, displayName: r.name });
    e.aliases.push(r.slug);
    e.aaId = typeof r.id === 'string' ? r.id : null; // stable across renames, Artificial Analysis says
    e.orId = r.open_weights?.openrouter_api_id || null;
    e.deprecated = !!r.deprecated;
    const f = e.facts;
    f.creatorName = r.creator?.name;
    f.released = date(r.release_date);
    const ev = r.evaluations || {};
    for (const [k, [id, scale]] of Object.entries(AA_BENCH)) {
      if (typeof ev[k] !== 'number') continue;
      f.bench[id] = { value: r2(ev[k] * scale) };
      if (k === 'artificial_analysis_intelligence_index' && ev.artificial_analysis_intelligence_index_is_estimated) f.bench[id].note = 'estimated by Artificial Analysis';
    }
    const sp = r.speed || {};
    if (sp.output_tokens_per_second > 0) f.speed.outputTokensPerSecond = r2(sp.output_tokens_per_second);
    if (sp.time_to_first_token_seconds > 0) f.speed.timeToFirstToken = r2(sp.time_to_first_token_seconds);
    if (sp.reasoning_time_seconds > 0) f.speed.reasoningTime = r2(sp.reasoning_time_seconds);
    // The first token of the answer (reasoning included): with the output speed it gives the end-to-end
    // time, AA's own end_to_end_response_time_seconds for every row of the snapshot.
    if (sp.time_to_first_answer_token_seconds > 0) f.speed.timeToFirstAnswerToken = r2(sp.time_to_first_answer_token_seconds);
    // Running the Intelligence Index: tokens (millions) and cost at AA's list price, the model page's
    // verbosity and "cost to run the index".
    const tc = r.breakdowns?.intelligence_index_token_counts || {};
    const M = (x) => (typeof x === 'number' && x > 0 ? Math.round(x / 1e4) / 100 : undefined);
    f.indexRun = { inputMillionTokens: M(tc.inputTokens), answerMillionTokens: M(tc.answerTokens), reasoningMillionTokens: M(tc.reasoningTokens) };
    const cost = r.pricing?.intelligence_index_cost_total;
    if (typeof cost === 'number' && cost > 0) f.indexRun.costUsd = r2(cost);
    const c = r.capabilities || {};
    f.context = int(c.context_window_tokens);
    if (c.total_parameters > 0) f.parameters = c.total_parameters;
    if (c.active_parameters > 0 && c.active_parameters !== c.total_parameters) f.activeParameters = c.active_parameters;
    if (typeof c.input_modality_image === 'boolean') f.caps.vision = c.input_modality_image;
    if (typeof r.reasoning_model === 'boolean') f.caps.reasoning = r.reasoning_model;
    const ow = r.open_weights || {};
    if (typeof ow.is_open_weights === 'boolean') f.openWeights = ow.is_open_weights;
    if (ow.license_name) f.license = String(ow.license_name);
    else if (ow.is_open_weights === false) f.license = 'Proprietary';
    if (typeof ow.commercial_allowed === 'boolean' && ow.is_open_weights) f.commercialUse = ow.commercial_allowed ? 'Commercial use allowed' : 'Non-commercial only';
    entries.push(e);
  }
  return { entries };
}

/**
 * The OpenRouter id each row of a leaderboard payload names, by Artificial Analysis id (the slug where a row has
 * none): what data/aa-openrouter-ids.json holds, so that the API's rows, which name none, join the same models.
 */
export function aaOpenRouterIds(path) {
  const data = readSource('artificial-analysis', path, { shape: expectArrayAt('models') });
  const ids = Object.create(null);
  for (const r of [...data.models].sort((a, b) => (String(a.id ?? a.slug) < String(b.id ?? b.slug) ? -1 : 1))) {
    const or = r.open_weights?.openrouter_api_id;
    if (typeof or === 'string' && or) ids[r.id ?? r.slug] = { slug: r.slug, openrouter: or };
  }
  return ids;
}

// ---------------------------------------------------------------- BFCL, Epoch, Aider (benchmarks only)
const csvRows = (text) => parseCsv(text, { columns: true, bom: true, skip_empty_lines: true });
export function readBfcl(path) {
  const rows = readSource('bfcl', path, { parse: csvRows, format: 'CSV', shape: expectColumns('Model', 'Overall Acc') });
  const byModel = new Map();
  for (const r of rows) {
    const m = /^(.*?)\s*\((FC|Prompt)[^)]*\)\s*$/.exec(r.Model || '');
    const name = m ? m[1] : r.Model;
    const mode = m ? m[2] : '';
    const score = parseFloat(String(r['Overall Acc']).replace('%', ''));
    if (!name || !Number.isFinite(score)) continue;
    const prev = byModel.get(name);
    // FC (native function calling) is preferred over Prompt mode; the other mode goes in the note.
    if (!prev || (mode === 'FC' && prev.mode !== 'FC')) byModel.set(name, { score, mode, other: prev, raw: r.Model });
    else if (!prev.other) prev.other = { score, mode };
  }
  const entries = [];
  for (const [name, v] of [...byModel.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const s = splitId(name);
    const e = makeEntry('bfcl', name, { level: 'bench', creator: s.creator, name: s.name });
    e.aliases.push(name.toLowerCase());
    e.facts.bench.bfcl = { value: v.score, note: `${v.mode} mode` + (v.other ? `; ${v.other.mode} mode scored ${v.other.score}` : '') };
    entries.push(e);
  }
  return { entries };
}

const EPOCH_TASKS = lookupTable({ 'GPQA diamond': 'gpqa', 'MATH level 5': 'math-level-5', 'FrontierMath-2025-02-28-Private': 'frontiermath',
  'FrontierMath-Tier-4-2025-07-01-Private': 'frontiermath-tier-4', 'SWE-Bench verified': 'swe-bench-verified', 'OTIS Mock AIME 2024-2025': 'otis-mock-aime' });
const MONTHS = lookupTable({ January: '01', February: '02', March: '03', April: '04', May: '05', June: '06', July: '07', August: '08', September: '09', October: '10', November: '11', December: '12' });
export function readEpoch(path) {
  const rows = readSource('epoch', path, { parse: csvRows, format: 'CSV', shape: expectColumns('model', 'task', 'Status', 'Best score (across scorers)') });
  const best = new Map();
  for (const r of rows) {
    const bench = EPOCH_TASKS[r.task];
    if (!bench || r.Status !== 'Success') continue;
    const score = parseFloat(r['Best score (across scorers)']);
    if (!Number.isFinite(score)) continue;
    const [base, setting] = String(r.model).split('_');
    const dm = /^(\d{1,2}) (\w+) (\d{4})/.exec(r.started_at || '');
    const d = dm ? `${dm[3]}-${MONTHS[dm[2]]}-${dm[1].padStart(2, '0')}` : undefined;
    const key = base + '\u0000' + bench;
    const prev = best.get(key);
    if (!prev || score > prev.score || (score === prev.score && (d || '') > (prev.date || ''))) best.set(key, { base, bench, score, setting, date: d });
  }
  const byModel = new Map();
  for (const v of [...best.values()].sort((a, b) => (a.base + a.bench < b.base + b.bench ? -1 : 1))) {
    if (!byModel.has(v.base)) {
      const s = splitId(v.base);
      const e = makeEntry('epoch', v.base, { level: 'bench', creator: s.creator, name: s.name });
      e.aliases.push(v.base.toLowerCase());
      byModel.set(v.base, e);
    }
    byModel.get(v.base).facts.bench[v.bench] = { value: r2(v.score * 100), date: v.date, note: v.setting ? `best of Epoch runs (${v.setting} setting)` : undefined };
  }
  return { entries: [...byModel.values()] };
}

export const readAiderRows = (path) => readSource('aider', path, { parse: parseYaml, format: 'YAML', shape: expectArray });
export function readAider(path) {
  const rows = readAiderRows(path);
  const best = new Map();
  for (const r of rows) {
    if (!r.model || / \+ /.test(r.model) || typeof r.pass_rate_2 !== 'number') continue;
    const m = /^(.*?)\s*(\(([^)]*)\))?\s*$/.exec(String(r.model));
    const base = m[1].trim();
    const d = r.date instanceof Date ? r.date.toISOString().slice(0, 10) : date(String(r.date || ''));
    const prev = best.get(base);
    if (!prev || r.pass_rate_2 > prev.score) best.set(base, { score: r.pass_rate_2, setting: m[3], date: d, raw: r.model });
  }
  const entries = [];
  for (const [base, v] of [...best.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const s = splitId(base.replace(/\s+/g, '-'));
    const e = makeEntry('aider', base, { level: 'bench', creator: s.creator, name: s.name });
    e.aliases.push(base.toLowerCase());
    e.facts.bench['aider-polyglot'] = { value: v.score, date: v.date, note: v.setting ? `best run: ${v.raw}` : undefined };
    entries.push(e);
  }
  return { entries };
}
