// Join the readers' entries into one catalog (versus-catalog/1). See data/IMPORT.md for the rules.
import { basename } from 'node:path';
import { joinKey, tokenKey, effortBase, baseModelLab, inferCreator, spellingKey, dateSuffix, shortDateSuffix, deploymentSuffix, idReleaseDate, shortDateIsRelease, routeVariant, routeHosts, splitId, humanName, looksLikeId, CREATOR_NAMES, FIRST_PARTY, ID_RE } from './names.mjs';
import { PROVIDER_NAMES, titleCase } from './providers.mjs';
import * as R from './sources.mjs';
import { lookupTable, readSource, checkSourceFile } from './input.mjs';

/** Source keys as written in the catalog (short: they appear on every fact). */
export const SOURCE_KEY = lookupTable({ 'models.dev': 'md', litellm: 'litellm', 'genai-prices': 'genai', openrouter: 'or',
  'artificial-analysis': 'aa', bfcl: 'bfcl', epoch: 'epoch', aider: 'aider', 'versus-rules': 'rules' });
const SK = (s) => SOURCE_KEY[s] || s;

export const SOURCE_META = lookupTable({
  'models.dev': { name: 'models.dev', url: 'https://models.dev', license: 'MIT' },
  litellm: { name: 'LiteLLM model prices and context windows', url: 'https://github.com/BerriAI/litellm', license: 'MIT' },
  'genai-prices': { name: 'genai-prices (Pydantic)', url: 'https://github.com/pydantic/genai-prices', license: 'MIT' },
  openrouter: { name: 'OpenRouter models API', url: 'https://openrouter.ai/api/v1/models', license: "OpenRouter terms" },
  'artificial-analysis': { name: 'Artificial Analysis', url: 'https://artificialanalysis.ai', attribution: 'Source: Artificial Analysis' },
  bfcl: { name: 'Berkeley Function-Calling Leaderboard (BFCL v4)', url: 'https://gorilla.cs.berkeley.edu/leaderboard.html', license: 'Apache-2.0' },
  epoch: { name: 'Epoch AI Benchmarking Hub', url: 'https://epoch.ai/benchmarks', license: 'MIT' },
  aider: { name: 'Aider polyglot leaderboard', url: 'https://aider.chat/docs/leaderboards/', license: 'Apache-2.0' },
  'versus-rules': { name: 'Versus import rules (derived from the other sources; see data/IMPORT.md)', url: 'data/IMPORT.md' },
});

/** Snapshot dates of the files listed in ../shared/upstream/MANIFEST.md, used when the file itself carries none. */
const KNOWN_DATES = lookupTable({
  'models-dev-toml-f3fc692.tar.gz': '2026-07-02', 'data-npm-0.1.8.json': '2026-09-23',
});

export const BENCHMARKS = [
  ['aa-intelligence', 'Artificial Analysis Intelligence Index', 'index', 'Composite of Artificial Analysis evaluations'],
  ['aa-coding', 'Artificial Analysis Coding Index', 'index'],
  ['aa-agentic', 'Artificial Analysis Agentic Index', 'index'],
  ['gpqa', 'Google-Proof Q&A', '%', 'GPQA Diamond: graduate-level science questions'],
  ['hle', "Humanity's Last Exam", '%'],
  ['mmlu-pro', 'MMLU-Pro', '%'],
  ['humaneval', 'HumanEval', '%'],
  ['bfcl', 'BFCL', '%', 'Berkeley Function-Calling Leaderboard overall accuracy'],
  ['scicode', 'SciCode', '%'],
  ['ifbench', 'IFBench', '%'],
  ['terminal-bench-hard', 'Terminal-Bench Hard', '%'],
  ['tau2-bench', 'τ²-Bench Telecom', '%'],
  ['mmmu-pro', 'MMMU-Pro', '%'],
  ['aa-lcr', 'AA Long Context Reasoning', '%'],
  ['aider-polyglot', 'Aider Polyglot', '%', 'Aider polyglot coding benchmark, pass rate (2 tries)'],
  ['swe-bench-verified', 'SWE-bench Verified', '%'],
  ['swe-bench-pro', 'SWE-Bench Pro (public)', '%'],
  ['livecodebench', 'LiveCodeBench', '%'],
  ['math-level-5', 'MATH Level 5', '%'],
  ['frontiermath', 'FrontierMath (tiers 1-3)', '%'],
  ['frontiermath-tier-4', 'FrontierMath Tier 4', '%'],
  ['otis-mock-aime', 'OTIS Mock AIME 2024-2025', '%'],
].map(([id, name, unit, description]) => ({ id, name, ...(description ? { description } : {}), unit, higherIsBetter: true }));
const BENCH_IDS = new Set(BENCHMARKS.map((b) => b.id));

export const CAPABILITIES = ['vision', 'multimodal', 'reasoning', 'functionCalling', 'toolUse', 'structuredOutputs',
  'codeExecution', 'ideIntegration', 'computerUse', 'parallelAgents'];

function sourceDate(key, path, fromContent) {
  if (fromContent) return fromContent;
  const m = /(\d{4}-\d{2}(?:-\d{2})?)/.exec(basename(path));
  if (m) return m[1];
  if (KNOWN_DATES[basename(path)]) return KNOWN_DATES[basename(path)];
  throw new Error(`no snapshot date for ${key} (${path}): pass --${key}-date YYYY-MM-DD`);
}

// A date the file states itself; a file that does not read says why here, before its reader runs.
function jsonDate(key, path, pick) {
  const d = pick(readSource(key, path));
  return typeof d === 'string' ? d.slice(0, 10) : undefined;
}
const litellmDate = (path) => jsonDate('litellm', path, (j) => j?.last_updated);
const aaDate = (path) => jsonDate('artificial-analysis', path, (j) => j?.meta?.fetched_at);

/** The aider leaderboard has no snapshot date: use its newest run date. */
function aiderDate(path) {
  const ds = R.readAiderRows(path).map((r) => (r.date instanceof Date ? r.date.toISOString() : String(r.date ?? '')).slice(0, 10))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return ds[ds.length - 1];
}

/** Read every source given in `paths` ({models.dev, litellm, genai-prices, openrouter, artificial-analysis, bfcl, epoch, aider}). */
export function readSources(paths, dateOverrides = {}) {
  const sources = {}; const entries = []; const providerInfo = Object.create(null);
  const add = (key, path, reader, contentDate) => {
    if (!path) return;
    checkSourceFile(key, path); // missing or a directory: said before the date is looked for
    const date = dateOverrides[key] || sourceDate(key, path, contentDate && contentDate(path));
    sources[SK(key)] = { ...SOURCE_META[key], date };
    const out = reader(path, date);
    for (const e of out.entries) entries.push(e);
    for (const [id, p] of Object.entries(out.providers || {})) if (!providerInfo[id]) providerInfo[id] = { ...p, source: key };
  };
  add('models.dev', paths['models.dev'], R.readModelsDev);
  add('openrouter', paths.openrouter, R.readOpenRouter);
  add('genai-prices', paths['genai-prices'], R.readGenaiPrices);
  add('litellm', paths.litellm, R.readLitellm, litellmDate);
  add('artificial-analysis', paths['artificial-analysis'], R.readArtificialAnalysis, aaDate);
  add('bfcl', paths.bfcl, R.readBfcl);
  add('epoch', paths.epoch, R.readEpoch);
  add('aider', paths.aider, R.readAider, aiderDate);
  return { sources, entries, providerInfo };
}

// ---------------------------------------------------------------- helpers
const isFirstParty = (e) => e.provider && FIRST_PARTY[e.provider] === e.creator;
function modelRank(e) {
  if (e.level === 'lab') return 0;
  if (e.src === 'models.dev' && isFirstParty(e)) return 1;
  if (e.src === 'openrouter') return 2;
  if (e.src === 'artificial-analysis') return 3;
  if (e.src === 'litellm' && isFirstParty(e)) return 4;
  if (e.src === 'genai-prices' && isFirstParty(e)) return 5;
  if (e.src === 'models.dev') return 6;
  if (e.src === 'litellm') return 7;
  if (e.src === 'genai-prices') return 8;
  if (e.curated) return 20;
  return 10;
}
const BENCH_RANK = lookupTable({ 'artificial-analysis': 0, bfcl: 0, aider: 0, epoch: 1, 'models.dev': 2, openrouter: 3 });
const OFFER_RANK = lookupTable({ 'models.dev': 1, 'genai-prices': 2, litellm: 3 });
function offerRank(e) {
  if (e.curated) return 9;
  if (e.provider === 'openrouter' && e.src === 'openrouter') return 0;
  return OFFER_RANK[e.src] ?? 5;
}
function cmpStr(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
function agrees(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') {
    if (/^\d{4}-\d{2}/.test(a) && /^\d{4}-\d{2}/.test(b)) return a.startsWith(b) || b.startsWith(a);
    return a.toLowerCase() === b.toLowerCase();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
const NOTE_PRIORITY = 'shown by source priority';

/** candidates: [{value, source, date?, note?}] in priority order → Fact or undefined. */
export function pickFact(candidates, sourceDates) {
  const c = candidates.filter((x) => x && x.value !== undefined && x.value !== null && !(Array.isArray(x.value) && !x.value.length))
    .map((x) => ({ ...x, source: SK(x.source) }));
  if (!c.length) return undefined;
  const shown = c[0];
  const fact = { value: shown.value, source: shown.source };
  if (shown.date && shown.date !== sourceDates[shown.source]) fact.date = shown.date;
  const alts = []; const seen = new Set([shown.source]);
  for (const x of c.slice(1)) {
    if (seen.has(x.source)) continue;
    seen.add(x.source);
    if (agrees(x.value, shown.value) || alts.some((a) => agrees(a.value, x.value))) continue;
    const a = { value: x.value, source: x.source };
    if (x.date && x.date !== sourceDates[x.source]) a.date = x.date;
    alts.push(a);
    if (alts.length === 3) break;
  }
  // `rule`: a rule of data/IMPORT.md chose the shown value (said instead of source priority).
  const why = shown.rule ?? NOTE_PRIORITY;
  if (alts.length) { fact.alternatives = alts; fact.note = shown.note ? `${shown.note}; ${why}` : why; }
  else if (shown.note || shown.rule) fact.note = [shown.note, shown.rule].filter(Boolean).join('; ');
  return fact;
}

/** Prices agree when every field both state is equal (a source that omits the cache price does not disagree). */
function priceEqual(a, b) {
  if (!a || !b) return a === b;
  for (const k of ['input', 'output', 'cacheRead', 'cacheWrite']) if (a[k] !== undefined && b[k] !== undefined && a[k] !== b[k]) return false;
  return true;
}

const splitKey = (key) => { const [c, ...n] = key.split('/'); return [c, n.join('/')]; };
/** Input or output prices more than 0.5% apart (a cache price rounded differently is no other route). */
const priceDiffers = (a, b) => ['input', 'output'].some((k) => typeof a[k] === 'number' && typeof b[k] === 'number'
  && Math.abs(a[k] - b[k]) > 0.005 * Math.max(a[k], b[k]));
/** The id a record would give its model: its creator and name, without OpenRouter's `:free`. */
const recordId = (e) => `${e.creator}/${e.name.replace(/:free$/, '')}`;

// ---------------------------------------------------------------- build
export function buildCatalog({ sources, entries, providerInfo }, { overrides = {}, curated = null, providerTypes = null, aaOpenRouterIds = null } = {}) {
  const sourceDates = Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, v.date]));
  const stats = { droppedNoCreator: 0, unjoined: {} };
  const aliasOverrides = Object.fromEntries(Object.entries(overrides.aliases || {}).map(([k, v]) => [k.toLowerCase(), v]));
  const dropIds = new Set((overrides.drop || []).map((s) => s.toLowerCase()));

  const override = (e) => {
    for (const k of [`${e.src}:${e.sourceId}`, e.provider && e.providerModelId ? `${e.provider}:${e.providerModelId}` : null, e.sourceId, e.providerModelId]) {
      if (k && aliasOverrides[k.toLowerCase()]) return aliasOverrides[k.toLowerCase()];
    }
    return null;
  };
  const isDropped = (e) => [`${e.src}:${e.sourceId}`, e.sourceId].some((k) => dropIds.has(String(k).toLowerCase()));

  // 1. Provider-level and lab entries define models.
  const groups = new Map();
  const put = (key, e) => { if (!groups.has(key)) groups.set(key, []); groups.get(key).push(e); };
  const modelEntries = entries.filter((e) => e.level !== 'bench' && !isDropped(e));
  for (const e of modelEntries) {
    const o = override(e);
    if (o) { const [c, ...n] = o.split('/'); e.creator = c; e.name = n.join('/'); e.forced = o; }
    if (!e.creator) { stats.droppedNoCreator++; continue; }
    // A deployment suffix (-fp8, -tee, -maas, …) is how a route serves the model: the offer keeps it, the
    // record is the model's own; the suffixed id stays an alias.
    const sourceName = e.name;
    const d = !o && deploymentSuffix(e.name);
    if (d) {
      e.aliases.push(e.name, recordId(e));
      e.name = d.base;
      e.deployment = d.label;
      // A quantisation another lab publishes (NVIDIA's `nvidia/DeepSeek-V3.2-NVFP4`) is a route of the base model.
      const lab = QUANTISED.has(d.label) && inferCreator(d.base);
      if (lab && lab !== e.creator) { e.aliases.push(recordId(e)); e.creator = lab; }
    }
    else if (/^tee\//i.test(e.providerModelId || '')) e.deployment = 'TEE'; // nano-gpt's `TEE/deepseek-v3.2`
    // Azure spells GPT-3.5 without its dot (`gpt-35-turbo-0125`): one model with OpenAI's `gpt-3.5-turbo-0125`.
    if (e.creator === 'openai' && /^gpt-35(-|$)/.test(e.name)) { e.aliases.push(recordId(e)); e.name = `gpt-3.5${e.name.slice(6)}`; }
    // Amazon's `-v1` is the API version (Bedrock's `amazon.nova-pro-v1:0`, OpenRouter's `amazon/nova-pro-v1`): one model.
    if (e.creator === 'amazon' && /^(nova|titan)-.+-v1$/.test(e.name)) { e.aliases.push(recordId(e)); e.name = e.name.slice(0, -3); }
    // A fine-tune credited to its maker (splitId) keeps the id it had under its base model's lab.
    const byName = !o && baseModelLab(e.name);
    if (byName && byName !== e.creator) e.aliases.push(recordId({ creator: byName, name: e.name }), ...(d ? [recordId({ creator: byName, name: sourceName })] : []));
    e.key = joinKey(e.creator, e.name);
    put(e.key, e);
  }
  // 1b. Groups whose ids differ only in spelling are one model (separators, word order, `.0`, `p` for `.`):
  // the group with the best-ranked record keeps its key, the others join it. A forced alias is left alone.
  const mergedInto = new Map(); // a key that joined another group → that group's key
  const releasedOf = (list) => {
    for (const e of [...list].sort((a, b) => modelRank(a) - modelRank(b))) if (e.facts.released) return e.facts.released;
    return undefined;
  };
  const liveKey = (k) => { while (!groups.has(k) && mergedInto.has(k)) k = mergedInto.get(k); return k; };
  const mergeGroup = (from, into) => {
    for (const e of groups.get(from)) { e.key = into; e.aliases.push(e.name); }
    groups.get(into).push(...groups.get(from));
    groups.delete(from);
    mergedInto.set(from, into);
  };
  const forcedGroup = (k) => groups.get(k).some((e) => e.forced);
  /** Some records of one group are another model's: they move, their ids kept as aliases. */
  const moveEntries = (from, into, which) => {
    const moved = groups.get(from).filter(which);
    for (const e of moved) { e.key = into; e.aliases.push(recordId(e)); }
    groups.set(from, groups.get(from).filter((e) => !moved.includes(e)));
    groups.get(into).push(...moved);
  };
  const bySpelling = new Map();
  for (const key of [...groups.keys()].sort()) {
    const [c, ...n] = key.split('/');
    const sk = spellingKey(c, n.join('/'));
    if (!bySpelling.has(sk)) bySpelling.set(sk, []);
    bySpelling.get(sk).push(key);
  }
  const bestRank = (key) => Math.min(...groups.get(key).map(idRank));
  for (const keys of bySpelling.values()) {
    if (keys.length < 2 || keys.some((k) => groups.get(k).some((e) => e.forced))) continue;
    keys.sort((x, y) => bestRank(x) - bestRank(y) || x.length - y.length || cmpStr(x, y));
    const [into, ...rest] = keys;
    for (const k of rest) mergeGroup(k, into); // their ids: step 5
  }

  // 1c. What sources say about each other. OpenRouter names a model's weights on Hugging Face: a provider serving
  // exactly that repository serves that model (`deepseek-ai/DeepSeek-V3.1` at Baseten is OpenRouter's
  // deepseek-chat-v3.1). A moving alias (`deepseek-chat`, repointed at each DeepSeek release) is no model: only
  // OpenRouter's route under it moves, to the model of its weights.
  const byPmid = new Map();
  for (const [key, list] of groups) for (const e of list) if (e.providerModelId && e.src !== 'openrouter') {
    const k = e.providerModelId.toLowerCase();
    if (!byPmid.has(k)) byPmid.set(k, new Set());
    byPmid.get(k).add(key);
  }
  const hfOwners = new Map(); // hf id → OpenRouter keys that name it
  for (const [key, list] of groups) for (const e of list) if (e.src === 'openrouter' && e.hfId) {
    if (!hfOwners.has(e.hfId)) hfOwners.set(e.hfId, new Set());
    hfOwners.get(e.hfId).add(key);
  }
  for (const [hf, owners] of [...hfOwners].sort((a, b) => cmpStr(a[0], b[0]))) {
    if (owners.size !== 1) continue; // two OpenRouter models, one repository: no evidence which
    const orKey = liveKey([...owners][0]);
    const servers = [...(byPmid.get(hf) || [])].map(liveKey).filter((k) => k !== orKey && groups.has(k));
    if (!servers.length || forcedGroup(orKey)) continue;
    if (MOVING_ALIASES.has(orKey)) {
      // Every source's record of that OpenRouter route (genai-prices and LiteLLM list it too).
      const orIds = new Set(groups.get(orKey).filter((e) => e.src === 'openrouter' && e.hfId === hf).map((e) => e.sourceId.replace(/:free$/, '')));
      moveEntries(orKey, servers[0], (e) => e.provider === 'openrouter' && orIds.has(String(e.providerModelId).toLowerCase().replace(/:free$/, '')));
      continue;
    }
    // A group named for that repository joins whole; a route of it inside another model's group (put there by a
    // base_model pointer) moves alone.
    const hfName = splitId(hf);
    const named = (k) => spellingKey(...splitKey(k)) === spellingKey(hfName.creator || '', hfName.name);
    for (const k of new Set(servers)) {
      if (!groups.has(k) || forcedGroup(k) || k === orKey) continue;
      if (named(k)) { mergeGroup(k, orKey); continue; }
      moveEntries(k, orKey, (e) => e.providerModelId?.toLowerCase() === hf);
    }
  }

  // A record its own source names "… Instruct" under the base model's id (Cerebras' `llama3.1-8b`, "Llama 3.1 8B
  // Instruct") is the instruct model: providers serve chat models under the base name. A record that no source
  // calls Instruct stays apart (OpenRouter's "Llama 3.1 405B (base)", `gpt-3.5-turbo` beside `-instruct`).
  for (const key of [...groups.keys()].sort()) {
    const into = liveKey(`${key}-instruct`);
    if (!groups.has(key) || !groups.has(into) || into === key || forcedGroup(key) || forcedGroup(into)) continue;
    const named = groups.get(key).filter((e) => e.displayName);
    if (named.length && named.every((e) => /\binstruct\b/i.test(e.displayName))) mergeGroup(key, into);
  }

  // Hand-judged merges (data/overrides.json `merge`, each with its evidence): two records the rules keep apart.
  for (const [from, into] of Object.entries(overrides.merge || {})) {
    const [f, t] = [from, into].map((id) => { const [c, ...n] = id.split('/'); return liveKey(joinKey(c, n.join('/'))); });
    if (!groups.has(f) || !groups.has(t)) throw new Error(`overrides.merge["${from}"]: ${groups.has(f) ? into : from} is no model of the sources`);
    if (f !== t) mergeGroup(f, t);
  }

  // 2. Dated snapshots join their undated model when the date is that model's release date.
  /**
   * The key of the undated model a dated name is a snapshot of: its full date within 14 days of that model's
   * release, or its month and day (shortDateIsRelease); else null.
   */
  const snapshotBaseKey = (creator, name) => {
    const ds = dateSuffix(name);
    const short = ds ? null : shortDateSuffix(name);
    if (!ds && !short) return null;
    const bk = liveKey(joinKey(creator, (ds ?? short).base));
    if (!groups.has(bk)) return null;
    const rel = releasedOf(groups.get(bk));
    const isRelease = ds ? rel && Math.abs(Date.parse(rel) - Date.parse(ds.date)) <= 14 * 86400e3 : shortDateIsRelease(short, rel);
    return isRelease ? bk : null;
  };
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key);
    const e0 = list[0];
    if (list.some((e) => e.forced)) continue;
    const baseKey = snapshotBaseKey(e0.creator, e0.name);
    if (!baseKey || baseKey === key) continue;
    for (const e of list) { e.key = baseKey; e.aliases.push(e.name); }
    groups.get(baseKey).push(...list);
    groups.delete(key);
  }

  // 3. Indexes for benchmark sources.
  const orIndex = new Map(); const tokIndex = new Map(); const spellIndex = new Map();
  const index = (map, k, key) => map.set(k, map.has(k) && map.get(k) !== key ? null : key); // ambiguous → null
  for (const [key, list] of groups) {
    for (const e of list) if (e.src === 'openrouter') { orIndex.set(e.sourceId.replace(/:free$/, ''), key); }
    const [c, ...n] = key.split('/');
    index(tokIndex, tokenKey(c, n.join('/')), key);
    // A benchmark's spelling (`granite-4-0-h-small`, `jamba-1-7-large`) of a record's id (`granite-4-h-small`,
    // `jamba-large-1.7`): step 1b's rule, used here only where it names one record.
    index(spellIndex, spellingKey(c, n.join('/')), key);
  }
  const findKey = (creator, name) => {
    if (!creator) return null;
    const k = liveKey(joinKey(creator, name));
    if (groups.has(k)) return k;
    const snapshotOf = snapshotBaseKey(creator, name);
    if (snapshotOf) return snapshotOf;
    return tokIndex.get(tokenKey(creator, name)) || spellIndex.get(spellingKey(creator, name)) || null;
  };
  // Artificial Analysis measures one model at several settings (`gpt-5-5-high`, `claude-sonnet-5-non-reasoning`,
  // `nova-2-0-pro-reasoning-low`): a setting with no record of its own is a variant of the model it names.
  // Its chat model is the instruction-tuned one (`gemma-3n-e2b` is served as `gemma-3n-e2b-it`), and a slug may
  // repeat the lab (`nvidia-nemotron-3-super-120b-a12b`).
  const findVariantKey = (creator, name) => {
    for (const n of [name, effortBase(name)].filter(Boolean)) {
      const bare = n.startsWith(`${creator}-`) ? n.slice(creator.length + 1) : null;
      for (const c of [bare, `${n}-it`, `${n}-instruct`, n === name ? null : n].filter(Boolean)) {
        const k = findKey(creator, c);
        if (k) return k;
      }
    }
    return null;
  };
  const aaJoins = new Map(); // Artificial Analysis id, and slug → the OpenRouter id its payload row named
  for (const [id, j] of Object.entries(aaOpenRouterIds?.ids || {})) { aaJoins.set(id, j.openrouter); if (!aaJoins.has(j.slug)) aaJoins.set(j.slug, j.openrouter); }
  const benchByGroup = new Map();
  for (const e of entries.filter((x) => x.level === 'bench' && !isDropped(x))) {
    let key = null;
    const o = override(e);
    if (o) { const [c, ...n] = o.split('/'); key = liveKey(joinKey(c, n.join('/'))); if (!groups.has(key)) key = null; }
    // A row that names no OpenRouter id (the API's never do) takes the one its payload row named.
    const orId = e.orId || (e.src === 'artificial-analysis' && (aaJoins.get(e.aaId) || aaJoins.get(e.sourceId))) || null;
    if (!key && orId) {
      key = orIndex.get(orId) || null;
      if (!key) { const s = splitId(orId); key = findKey(s.creator, s.name); }
      // AA points some GA rows at OpenRouter's preview id (`gemini-2-5-pro` → gemini-2.5-pro-preview): a record
      // named exactly like the row, of which the OpenRouter record is the preview, is the row's model.
      const exact = e.creator && liveKey(joinKey(e.creator, e.name));
      if (key && exact && exact !== key && groups.has(exact) && key.startsWith(`${exact}-preview`)) key = exact;
    }
    if (!key) key = findKey(e.creator, e.name) ?? findVariantKey(e.creator, e.name);
    if (!key) { stats.unjoined[e.src] = (stats.unjoined[e.src] || 0) + 1; continue; }
    e.key = key;
    if (!benchByGroup.has(key)) benchByGroup.set(key, []);
    benchByGroup.get(key).push(e);
  }
  // One record per benchmark source and model. Artificial Analysis measures a model at several settings
  // (`claude-4-5-haiku` without and `-reasoning` with thinking; `gpt-5-5-low` … `gpt-5-5` at xhigh): the setting
  // with the highest Intelligence Index is the model's, its name said in the notes, the others named in aliases.
  // Other sources: the variant whose name is the model's own, else the one with most scores.
  const ownName = (key) => { const sk = spellingKey(...splitKey(key)); return (e) => joinKey(e.creator || '', e.name) === key || spellingKey(e.creator || '', e.name) === sk; };
  const aaIndex = (e) => e.facts.bench['aa-intelligence']?.value ?? -1;
  for (const [key, list] of benchByGroup) {
    const bySrc = new Map();
    for (const e of list) { if (!bySrc.has(e.src)) bySrc.set(e.src, []); bySrc.get(e.src).push(e); }
    const keep = [];
    const own = ownName(key);
    for (const [src, l] of bySrc) {
      l.sort((a, b) => {
        if (src === 'artificial-analysis' && aaIndex(a) !== aaIndex(b)) return aaIndex(b) - aaIndex(a);
        const ea = own(a) ? 0 : 1, eb = own(b) ? 0 : 1;
        if (ea !== eb) return ea - eb;
        const na = Object.keys(a.facts.bench).length, nb = Object.keys(b.facts.bench).length;
        if (na !== nb) return nb - na;
        return cmpStr(a.sourceId, b.sourceId);
      });
      keep.push(l[0]);
      if (src !== 'artificial-analysis' || l.length < 2) continue;
      const setting = `setting: ${l[0].displayName}, best of ${l.length}`;
      for (const f of Object.values(l[0].facts.bench)) f.note = f.note ? `${f.note}; ${setting}` : setting;
      l[0].settingNote = setting; // its speed is that setting's too (a max-effort row thinks for minutes)
      for (const v of l.slice(1)) l[0].aliases.push(v.sourceId);
    }
    groups.get(key).push(...keep);
  }

  // 4. Curated facts (seed pages) join by canonical id.
  const curatedModels = new Map((curated?.models || []).map((m) => [m.id, m]));

  // 5. Canonical ids.
  const models = []; const keyToId = new Map();
  const usedIds = new Set();
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key).filter((e) => e.level !== 'bench');
    if (!list.length) continue;
    list.sort((a, b) => idRank(a) - idRank(b) || cmpStr(a.name, b.name) || cmpStr(a.sourceId, b.sourceId));
    // Whichever record would have named the model, its id resolves: links made before a join keep working.
    for (const e of list) if (e.creator) e.aliases.push(recordId(e));
    const forced = list.find((e) => e.forced);
    let id = forced ? forced.forced : recordId(list[0]);
    const ds = !forced && (dateSuffix(id.split('/')[1]) || shortDateSuffix(id.split('/')[1]));
    if (ds && joinKey(list[0].creator, ds.base) === key) id = `${list[0].creator}/${ds.base}`;
    if (!ID_RE.test(id) || usedIds.has(id)) { id = key; }
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    keyToId.set(key, id);
  }
  for (const [id] of curatedModels) if (![...keyToId.values()].includes(id)) { keyToId.set(`curated:${id}`, id); groups.set(`curated:${id}`, []); }

  // OpenRouter's own /api/v1/models lists every model it serves: a route only an older or copied list names
  // (models.dev's OpenRouter files, genai-prices' cumulative copy) is gone from OpenRouter.
  const openRouter = sourceDates.or ? { date: sourceDates.or, listed: new Set(entries.filter((e) => e.src === 'openrouter' && e.providerModelId).map((e) => e.providerModelId)) } : null;
  const offers = []; const providerUse = new Map();
  const datedPrices = []; // [{offer, source, points}]: the prices a source dates, for data/price-history.json
  for (const [key, id] of [...keyToId.entries()].sort((a, b) => cmpStr(a[1], b[1]))) {
    const list = groups.get(key);
    const cm = curatedModels.get(id);
    const model = assembleModel(id, list, cm, sourceDates, sources);
    if (!cm && !isTextModel(model)) { stats.droppedNotText = (stats.droppedNotText || 0) + 1; continue; }
    const kind = modelKind(model);
    if (kind !== 'text') { model.kind = kind; stats.notTextKinds = (stats.notTextKinds || 0) + 1; }
    const modelOffers = assembleOffers(id, list, curated, sourceDates, { providerTypes, openRouter, released: model.released?.value, datedPrices });
    for (const o of modelOffers) {
      offers.push(o);
      if (!providerUse.has(o.provider)) providerUse.set(o.provider, o.source);
    }
    const live = modelOffers.filter((o) => (o.status || 'live') === 'live');
    if (modelOffers.length && !live.length) model.status = modelOffers.some((o) => o.status === 'deprecated') ? 'deprecated' : 'retired';
    models.push(model);
  }

  // An alias must name one model only: drop aliases that are another model's id, and aliases claimed by several
  // models unless one of them is the alias's own join target.
  const idSet = new Set(models.map((m) => m.id));
  const claims = new Map();
  for (const m of models) for (const a of m.aliases || []) { if (!claims.has(a)) claims.set(a, []); claims.get(a).push(m); }
  const keyOfId = new Map([...keyToId.entries()].map(([k, v]) => [v, k]));
  for (const [a, ms] of claims) {
    let keepIn = null;
    if (!idSet.has(a) && ms.length > 1) {
      const s = splitId(a);
      const k = s.creator ? liveKey(joinKey(s.creator, s.name)) : null;
      const own = ms.filter((m) => keyOfId.get(m.id) === k);
      if (own.length === 1) keepIn = own[0];
    } else if (!idSet.has(a)) keepIn = ms[0];
    for (const m of ms) if (m !== keepIn) { m.aliases = m.aliases.filter((x) => x !== a); stats.aliasesDropped = (stats.aliasesDropped || 0) + 1; }
  }
  for (const m of models) if (m.aliases && !m.aliases.length) delete m.aliases;

  // 6. Providers.
  const curatedProviders = new Map((curated?.providers || []).map((p) => [p.id, p]));
  const providers = [...providerUse.keys()].sort().map((pid) => {
    const info = providerInfo[pid];
    const cp = curatedProviders.get(pid);
    const p = { id: pid, name: PROVIDER_NAMES[pid] || info?.name || cp?.name || titleCase(pid) };
    if (info?.url) p.url = info.url;
    p.source = info?.source ? SK(info.source) : cp?.source || providerUse.get(pid);
    // Its type (data/providers.json): what the headline route policy reads (src/routes.hpp).
    const t = providerTypes?.providers?.[pid];
    if (t) {
      if (!TYPES.has(t.type)) throw new Error(`providers: providers["${pid}"].type: "${t.type}" is not one of ${[...TYPES].join(', ')}`);
      p.type = t.type;
      if (t.maker) p.maker = t.maker;
    }
    return p;
  });

  const allSources = { ...sources, ...(curated?.sources || {}) };
  const dates = Object.values(allSources).map((s) => s.date).filter(Boolean).sort();
  const generated = dates[dates.length - 1];
  allSources.rules = { ...SOURCE_META['versus-rules'], date: generated };
  const usedBench = new Set(models.flatMap((m) => Object.keys(m.benchmarks || {})));
  const kept = new Set(offers);
  return {
    catalog: {
      schema: 'versus-catalog/1', generated,
      sources: Object.fromEntries(Object.keys(allSources).sort().map((k) => [k, allSources[k]])),
      benchmarks: BENCHMARKS.filter((b) => usedBench.has(b.id)),
      providers, models, offers,
    },
    stats,
    datedPrices: datedPrices.filter((d) => kept.has(d.offer)),
  };
}

/** Versus compares text-generating LLMs priced per token: embeddings, rerankers, speech, image and video models are left out. */
const NOT_TEXT = /(^|[-/_.])(embed|embedding|embeddings|rerank|reranker|tts|whisper|transcribe|dall-e|gpt-image|flux|imagen|veo|sora|stable-diffusion|sdxl|wan-v?\d|kling|recraft|ideogram|seedream|seedance|hailuo|musicgen|lyria|speech)([-_.:]|\d|$)|(^|\/)(auto|preset|router)([-/]|$)/;
/**
 * What a model that passes isTextModel makes, when it is not text generation: its kind (see src/catalog.hpp
 * kModelKinds), from its id. Embedding and safety-classifier families that say so only by name (BGE, E5, GTE,
 * Llama Guard, ShieldGemma, content-safety, moderation) would otherwise rank as the cheapest "LLMs"; the
 * engine ranks and suggests text generation only unless asked, but compares any model named.
 */
const KIND_RULES = [
  ['rerank', /rerank/], // before embedding: a BGE reranker is a reranker
  ['embedding', /(^|[-/_.])(bge|gte|uae|mxbai|e5|nv-embed\w*|\w*embed\w*)(-|$)|multilingual-e5/],
  ['classifier', /(^|[-/_.])(llama-?guard|prompt-guard|granite-guardian|shieldgemma|safety-guard|content-safety|moderation|distilbert|sst-2)([-_.:]|\d|$)/],
];
export function modelKind(m) {
  for (const [kind, re] of KIND_RULES) if (re.test(m.id)) return kind;
  return 'text';
}

export function isTextModel(m) {
  if (m.outputModalities && !m.outputModalities.value.includes('text')) return false;
  return !NOT_TEXT.test(m.id);
}

function idRank(e) {
  if (e.forced) return -1;
  if (e.level === 'lab') return 0;
  if (e.src === 'openrouter') return 1;
  if (e.src === 'models.dev' && isFirstParty(e)) return 2;
  if (isFirstParty(e)) return 3;
  return 4 + (e.name.includes(':') ? 5 : 0) + (dateSuffix(e.name) ? 2 : 0);
}

/**
 * Release-date candidates in the order the rules want (data/IMPORT.md): a source that agrees with the date in
 * the id first, else the id's own date; a `YYYY-01-01` (a placeholder) after a more precise date of that year.
 */
function releaseCandidates(id, candidates) {
  const c = candidates.filter((x) => x && x.value);
  const fromId = idReleaseDate(id.split('/').slice(1).join('/'));
  if (fromId) {
    const i = c.findIndex((x) => agrees(x.value, fromId));
    if (i > 0) c.unshift({ ...c.splice(i, 1)[0], rule: `shown: it agrees with the date in the id (${fromId})` });
    else if (i < 0) c.unshift({ value: fromId, source: 'versus-rules', rule: 'the date in the model id' });
  }
  if (c.length > 1 && /-01-01$/.test(c[0].value)) {
    const i = c.findIndex((x, k) => k > 0 && x.value.slice(0, 4) === c[0].value.slice(0, 4) && !/-01(-01)?$/.test(x.value));
    if (i > 0) c.unshift({ ...c.splice(i, 1)[0], rule: `shown: a precise date beats ${c[0].value}, a placeholder` });
  }
  return c;
}

function curatedCandidates(fact) {
  if (!fact) return [];
  return [{ value: fact.value, source: fact.source, date: fact.date }, ...(fact.alternatives || []).map((a) => ({ value: a.value, source: a.source, date: a.date }))];
}

function assembleModel(id, list, cm, sourceDates) {
  const sorted = [...list].sort((a, b) => modelRank(a) - modelRank(b) || cmpStr(a.src, b.src) || cmpStr(a.sourceId, b.sourceId));
  const cand = (field, filter = () => true) => sorted.filter(filter).map((e) => ({ value: e.facts[field], source: e.src }));
  const m = { id };
  // Display name: models.dev lab / first-party, OpenRouter, Artificial Analysis, then any.
  const named = sorted.find((e) => e.displayName && e.level !== 'bench' && e.src !== 'genai-prices') || sorted.find((e) => e.displayName);
  // Sources sometimes pad names ("DeepSeek R1 (Turbo)\t"): collapse whitespace.
  // A name that is only an id (no source names it, or names it by its id) is written for people (humanName).
  // A benchmark row's name carries its setting ("Qwen3 4B 2507 (Reasoning)"): not the model's name.
  const fromBench = named && named.level === 'bench';
  const given = String(cm?.name || (named ? named.displayName : '')).replace(/\s+/g, ' ').trim()
    .replace(fromBench ? /\s*\((?:non-reasoning|reasoning|thinking|[a-z]+ effort|minimal|low|medium|high|xhigh|max)[^)]*\)$/i : /$^/, '');
  m.name = cm?.name ? given : given && !looksLikeId(given) ? given : humanName(id.split('/').slice(1).join('/'));
  const aliases = new Set();
  for (const e of list) {
    if (e.src === 'openrouter' || e.src === 'artificial-analysis' || e.level === 'lab') aliases.add(e.sourceId.toLowerCase());
    if (e.providerModelId) aliases.add(e.providerModelId.toLowerCase());
    if (e.src === 'litellm') aliases.add(e.sourceId.toLowerCase());
    for (const a of e.aliases) aliases.add(String(a).toLowerCase());
  }
  for (const a of cm?.aliases || []) aliases.add(a.toLowerCase());
  aliases.delete(id);
  // LiteLLM's provider-prefixed keys (`together_ai/moonshotai/kimi-k2-instruct`) stay: a source uses them.
  if (aliases.size) m.aliases = [...aliases].sort();
  const creatorSlug = id.split('/')[0];
  const aa = sorted.find((e) => e.src === 'artificial-analysis' && e.facts.creatorName);
  const creatorCands = [];
  if (CREATOR_NAMES[creatorSlug]) creatorCands.push({ value: CREATOR_NAMES[creatorSlug], source: sorted.find((e) => e.level !== 'bench')?.src || sorted[0]?.src || 'versus-rules' });
  if (aa) creatorCands.push({ value: aa.facts.creatorName, source: 'artificial-analysis' });
  const set = (k, f) => { if (f) m[k] = f; };
  set('creator', pickFact([...(creatorCands.length ? creatorCands : [{ value: titleCase(creatorSlug), source: sorted[0]?.src || 'versus-rules' }]), ...curatedCandidates(cm?.creator)], sourceDates));
  const noOR = (e) => e.src !== 'openrouter';
  for (const f of ['family', 'knowledgeCutoff', 'parameters', 'activeParameters', 'architecture', 'license', 'commercialUse']) {
    set(f, pickFact([...cand(f), ...curatedCandidates(cm?.[f])], sourceDates));
  }
  // Open weights: the lab's own record and Artificial Analysis first; then weights published on Hugging Face
  // (OpenRouter's hugging_face_id) say yes; a reseller's flag comes last.
  const labOrAA = (e) => modelRank(e) <= 1 || e.src === 'artificial-analysis';
  const hf = sorted.find((e) => e.hfId);
  // Among resellers a "true" beats a "false": false is the default many provider files leave in place.
  const resellers = cand('openWeights', (e) => !labOrAA(e)).filter((x) => typeof x.value === 'boolean');
  const open = resellers.filter((x) => x.value);
  const ordered = open.length ? [...open, ...resellers.filter((x) => !x.value)] : resellers;
  if (open.length && !resellers[0].value) ordered[0] = { ...ordered[0], rule: `shown: ${open.length} of ${resellers.length} provider records say open, and a closed flag is often a file's default` };
  set('openWeights', pickFact([...cand('openWeights', labOrAA),
    ...(hf ? [{ value: true, source: 'openrouter', rule: `shown: its weights are on Hugging Face (${hf.hfId})` }] : []),
    ...ordered, ...curatedCandidates(cm?.openWeights)], sourceDates));
  set('released', pickFact(releaseCandidates(id, [...cand('released'), ...curatedCandidates(cm?.released)]), sourceDates));
  set('context', pickFact([...cand('context', noOR), ...curatedCandidates(cm?.context), ...cand('context', (e) => e.src === 'openrouter')], sourceDates));
  set('maxOutput', pickFact([...cand('maxOutput', noOR), ...curatedCandidates(cm?.maxOutput), ...cand('maxOutput', (e) => e.src === 'openrouter')], sourceDates));
  set('inputModalities', pickFact([...cand('inputModalities'), ...curatedCandidates(cm?.inputModalities)], sourceDates));
  set('outputModalities', pickFact([...cand('outputModalities'), ...curatedCandidates(cm?.outputModalities)], sourceDates));
  const caps = {};
  // A `-thinking` / `-reasoning` id is a reasoning model whatever a source's flag says.
  const saysReasoning = /(^|[-:])(thinking|reasoning)([-:]|$)/.test(id.split('/')[1]) && !/non-reasoning/.test(id);
  for (const c of CAPABILITIES) {
    const said = [...sorted.map((e) => ({ value: e.facts.caps[c], source: e.src })), ...curatedCandidates(cm?.capabilities?.[c])];
    const first = said.find((x) => x && x.value !== undefined && x.value !== null);
    const rule = c === 'reasoning' && saysReasoning && first?.value !== true ? [{ value: true, source: 'versus-rules', rule: 'the model id says it reasons (…-thinking)' }] : [];
    const f = pickFact([...rule, ...said], sourceDates);
    if (f) caps[c] = f;
  }
  if (Object.keys(caps).length) m.capabilities = caps;
  const benches = {};
  const benchSorted = [...list].sort((a, b) => (BENCH_RANK[a.src] ?? 5) - (BENCH_RANK[b.src] ?? 5) || modelRank(a) - modelRank(b));
  const benchIds = new Set([...list.flatMap((e) => Object.keys(e.facts.bench)), ...Object.keys(cm?.benchmarks || {})]);
  for (const b of [...benchIds].filter((x) => BENCH_IDS.has(x)).sort()) {
    const f = pickFact([...benchSorted.map((e) => e.facts.bench[b] && { ...e.facts.bench[b], source: e.src }), ...curatedCandidates(cm?.benchmarks?.[b])], sourceDates);
    if (f) benches[b] = f;
  }
  if (Object.keys(benches).length) m.benchmarks = benches;
  const speed = {};
  for (const s of ['outputTokensPerSecond', 'timeToFirstToken', 'reasoningTime', 'timeToFirstAnswerToken']) {
    const f = pickFact([...sorted.map((e) => ({ value: e.facts.speed[s], source: e.src, note: e.settingNote })), ...curatedCandidates(cm?.speed?.[s])], sourceDates);
    if (f) speed[s] = f;
  }
  if (Object.keys(speed).length) m.speed = speed;
  // One source's run, whole: the figures of one Artificial Analysis row, never mixed across rows.
  const run = sorted.find((e) => e.facts.indexRun && Object.values(e.facts.indexRun).some((v) => v !== undefined));
  if (run) {
    const fields = Object.entries(run.facts.indexRun).filter(([, v]) => v !== undefined);
    m.indexRun = Object.fromEntries(fields.map(([k, v]) => [k, { value: v, source: SK(run.src) }]));
  }
  set('bestFor', pickFact(curatedCandidates(cm?.bestFor), sourceDates));
  set('decisionFit', pickFact([...curatedCandidates(cm?.decisionFit), deriveDecisionFit(m)], sourceDates));
  // Key order as in data/README.md.
  const order = ['id', 'name', 'kind', 'aliases', 'creator', 'family', 'released', 'knowledgeCutoff', 'parameters', 'activeParameters',
    'architecture', 'license', 'openWeights', 'commercialUse', 'context', 'maxOutput', 'inputModalities', 'outputModalities',
    'capabilities', 'benchmarks', 'speed', 'indexRun', 'bestFor', 'decisionFit', 'status'];
  return Object.fromEntries(order.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
}

const CODING_BENCH = ['aa-coding', 'aider-polyglot', 'swe-bench-verified', 'swe-bench-pro', 'terminal-bench-hard', 'livecodebench'];
/** decisionFit rule (data/IMPORT.md): coding / agents / long-context / vision / reasoning from other facts. */
export function deriveDecisionFit(m) {
  const tags = [];
  const cap = (k) => m.capabilities?.[k]?.value === true;
  if (CODING_BENCH.some((b) => m.benchmarks?.[b]) || /(^|[-/.])(code|coder|codex|codestral|devstral|codegemma|starcoder)([-.]|$)/.test(m.id)) tags.push('coding');
  if (cap('functionCalling')) tags.push('agents');
  if ((m.context?.value || 0) >= 128000) tags.push('long-context');
  if (cap('vision')) tags.push('vision');
  if (cap('reasoning')) tags.push('reasoning');
  return tags.length ? { value: tags, source: 'rules' } : undefined;
}

function assembleOffers(id, list, curated, sourceDates, { providerTypes = null, openRouter = null, released = undefined, datedPrices = [] } = {}) {
  const byKey = new Map();
  for (const e of list) {
    if (!e.offer || !e.provider) continue;
    const free = /:free$/.test(e.providerModelId || '') ? 'free' : '';
    const k = `${e.provider}\u0000${free}\u0000${e.deployment || ''}`; // a TEE route beside the plain one
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(e);
  }
  for (const o of curated?.offers || []) {
    if (o.model !== id) continue;
    const k = `${o.provider}\u0000\u0000`;
    const e = { src: o.source, curated: true, provider: o.provider, providerModelId: o.providerModelId || null, sourceId: o.providerModelId || '',
      offer: { price: o.price, free: o.free, status: o.status || 'live', context: o.context } };
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(e);
  }
  // A second id at one provider with its own price is a route of its own (routeVariant): Kilo's
  // `stealth/claude-sonnet-4.6` beside `anthropic/claude-sonnet-4.6`, Venice's `claude-opus-4-7-fast`. Its label
  // is the offer's deployment, shown beside the provider. Regional ids stay with their route (see repRank).
  const creator = id.split('/')[0];
  const imageOut = list.some((e) => e.facts.outputModalities?.includes('image'));
  const foreign = (e) => routeHosts(e.providerModelId, creator).length; // the provider's own route first
  for (const [k, group] of [...byKey]) {
    const main = [...group].filter((e) => e.providerModelId && !isRegional(e))
      .sort((a, b) => offerRank(a) - offerRank(b) || foreign(a) - foreign(b) || repRank(a) - repRank(b) || cmpStr(a.src, b.src))[0];
    if (!main) continue;
    const sameRoute = (e) => e.providerModelId && !isRegional(e) && !routeVariant(e.providerModelId, main.providerModelId, creator);
    // A region priced apart from the plain route is a route of its own, with its region (Bedrock's EU
    // in-region Claude at +10%); never an alternative price of the plain route.
    for (const e of [...group]) {
      const region = isRegional(e) && e.offer.price && main.offer.price && priceDiffers(e.offer.price, main.offer.price) ? regionOf(e) : null;
      if (!region) continue;
      const sub = `${k}\u0000region:${region}`;
      if (!byKey.has(sub)) byKey.set(sub, []);
      byKey.get(sub).push(e);
      e.region = region;
      group.splice(group.indexOf(e), 1);
    }
    for (const e of [...group]) {
      if (e === main || !e.providerModelId || isRegional(e) || !e.offer.price) continue;
      const label = routeVariant(e.providerModelId, main.providerModelId, creator);
      // Only the source's own word makes two routes: it lists both ids, at input or output prices that differ.
      const beside = label && group.find((x) => x.src === e.src && x.offer.price && sameRoute(x));
      if (!beside || !priceDiffers(e.offer.price, beside.offer.price)) continue;
      const sub = `${k}\u0000${label}`;
      if (!byKey.has(sub)) byKey.set(sub, []);
      byKey.get(sub).push(e);
      e.deployment = [e.deployment, label].filter(Boolean).join(' ');
      group.splice(group.indexOf(e), 1);
    }
  }
  const out = [];
  for (const [, group] of byKey) {
    // One representative per source: live first, no region prefix, shortest id.
    const bySrc = new Map();
    for (const e of group) {
      const prev = bySrc.get(e.src);
      if (!prev || repRank(e) < repRank(prev)) bySrc.set(e.src, e);
    }
    const reps = [...bySrc.values()].sort((a, b) => {
      const pa = a.offer.price || a.offer.free ? 0 : 1, pb = b.offer.price || b.offer.free ? 0 : 1;
      return pa - pb || offerRank(a) - offerRank(b) || cmpStr(a.src, b.src);
    });
    // A provider whose own pricing page only one source copies (data/providers.json `priceSource`) shows that
    // source's price first: Zhipu AI's open.bigmodel.cn bills in CNY, which genai-prices converts.
    const ownSource = providerTypes?.providers?.[reps[0].provider]?.priceSource?.source;
    let ownSourceNote = null;
    let outvotedId = null; // where a rule shows another source's price, the first source's id for the route stays
    const own = ownSource && reps.find((r) => r.src === ownSource && r.offer.price);
    if (own && own !== reps[0] && reps[0].offer.price && !priceEqual(own.offer.price, reps[0].offer.price)) {
      const ps = providerTypes.providers[reps[0].provider].priceSource;
      ownSourceNote = `shown: ${SK(own.src)}'s price, which copies the provider's own pricing page (data/providers.json)${ps.offerNote ? `: ${ps.offerNote}` : ''}`;
      outvotedId = reps[0].providerModelId;
      reps.splice(reps.indexOf(own), 1);
      reps.unshift(own);
    }
    // A price its source dates after the first source's snapshot (or after that source's record was last edited)
    // is newer than it: it is shown (genai-prices dates DeepSeek's V4 Flash change 2026-08-17; models.dev's
    // snapshot is 2026-07-02).
    const snapshotOf = (e) => e.offer.date || e.recordUpdated || sourceDates[SK(e.src)] || '';
    const newer = reps.filter((r) => r !== reps[0] && r.offer.price && r.offer.date && r.offer.date > snapshotOf(reps[0]))
      .sort((a, b) => cmpStr(b.offer.date, a.offer.date))[0];
    let newerNote = null;
    if (newer && reps[0].offer.price && priceDiffers(newer.offer.price, reps[0].offer.price)) {
      newerNote = `shown: ${SK(newer.src)}'s price dated ${newer.offer.date} is newer than ${SK(reps[0].src)}'s ${snapshotOf(reps[0])}`;
      reps.splice(reps.indexOf(newer), 1);
      reps.unshift(newer);
    }
    // Two later snapshots that agree with each other against the first source outvote it: genai-prices (2026-09-23)
    // and LiteLLM (2026-07-24) both price Bedrock's Gemma 3 27B at $0.23 / $0.38 where models.dev (2026-07-02) has
    // $0.12 / $0.20, and both have Mistral Medium's `-latest` alias at Medium 3.5's $1.50 / $7.50.
    let outvotedNote = null;
    if (!newerNote && !ownSourceNote && reps[0].offer.price && reps.length >= 3) {
      const p0 = reps[0].offer.price;
      const later = reps.slice(1).filter((r) => r.offer.price && (sourceDates[SK(r.src)] || '') > snapshotOf(reps[0]) && !priceEqual(r.offer.price, p0));
      const pair = later.find((r, i) => later.slice(i + 1).some((q) => q.src !== r.src && priceEqual(q.offer.price, r.offer.price)
        && !priceDiffers(q.offer.price, r.offer.price)));
      if (pair) {
        const other = later.find((q) => q !== pair && q.src !== pair.src && priceEqual(q.offer.price, pair.offer.price));
        outvotedNote = `shown: ${SK(pair.src)} and ${SK(other.src)} agree on this price, both newer than ${SK(reps[0].src)}'s ${snapshotOf(reps[0])}`;
        outvotedId = reps[0].providerModelId; // Fireworks' full path, not LiteLLM's short id
        reps.splice(reps.indexOf(pair), 1);
        reps.unshift(pair);
      }
    }
    // An image-making model's "output" at models.dev is its image-output price (Gemini 2.5 Flash Image: $30 per
    // 1M image tokens); a source that agrees on input and prices text output far lower has the text price.
    let imageNote = null;
    if (imageOut && reps[0].src === 'models.dev' && reps[0].offer.price?.output) {
      const p0 = reps[0].offer.price;
      const text = reps.find((r) => r !== reps[0] && r.offer.price && r.offer.price.input === p0.input && r.offer.price.output * 5 <= p0.output);
      if (text) {
        imageNote = `shown: ${SK(text.src)}'s text output price; models.dev's $${p0.output} is the image output price`;
        reps.splice(reps.indexOf(text), 1);
        reps.unshift(text);
      }
    }
    const shown = reps[0];
    // Status: the most severe any source gives the route (a dated retirement beats an undated "deprecated").
    const statusOf = group.filter((e) => !isRegional(e) || isRegional(shown));
    const worst = statusOf.reduce((w, e) => (SEVERITY[e.offer.status || 'live'] > SEVERITY[w.offer.status || 'live'] ? e : w), shown);
    // Its retirement day comes with that status: the day of the source that gave it, else the earliest day
    // another source of the same status dates (LiteLLM's dated "deprecated" beside models.dev's undated one).
    const dated = worst.offer.retires ? worst : statusOf.filter((e) => e.offer.retires && e.offer.status === worst.offer.status)
      .sort((a, b) => cmpStr(a.offer.retires, b.offer.retires) || cmpStr(a.src, b.src) || cmpStr(a.providerModelId || '', b.providerModelId || ''))[0];
    const o = { model: id, provider: shown.provider };
    const pmid = outvotedId || shown.providerModelId || reps.find((r) => r.providerModelId)?.providerModelId;
    if (pmid) o.providerModelId = pmid;
    if (shown.deployment) o.deployment = shown.deployment;
    if (shown.region) o.region = shown.region;
    if (shown.offer.price) o.price = orderPrice(shown.offer.price);
    const ctx = shown.offer.context || reps.find((r) => r.offer.context)?.offer.context;
    if (ctx) o.context = ctx;
    const mo = shown.offer.maxOutput || reps.find((r) => r.offer.maxOutput)?.offer.maxOutput;
    if (mo) o.maxOutput = mo;
    if (shown.offer.free) o.free = true;
    if (shown.offer.status && shown.offer.status !== 'live') o.status = shown.offer.status;
    o.source = SK(shown.src);
    if (shown.offer.date && shown.offer.date !== sourceDates[SK(shown.src)]) o.date = shown.offer.date;
    const alts = [];
    for (const r of reps.slice(1)) {
      if (!r.offer.price || priceEqual(r.offer.price, shown.offer.price)) continue;
      const a = { source: SK(r.src) };
      if (r.offer.date && r.offer.date !== sourceDates[SK(r.src)]) a.date = r.offer.date;
      a.price = standardPrice(r.offer.price);
      alts.push(a);
    }
    const notes = [];
    if (shown.offer.note) notes.push(shown.offer.note);
    if (worst !== shown) {
      o.status = worst.offer.status;
      notes.push(`${worst.offer.status}: ${SK(worst.src)}${worst.offer.note ? ` ${worst.offer.note}` : ''} (${worst.providerModelId}), the most severe status a source gives`);
    }
    if (dated) { // written right after the status, wherever that stands
      const after = Object.keys(o).slice(Object.keys(o).indexOf('status') + 1);
      o.retires = dated.offer.retires;
      for (const k of after) { const v = o[k]; delete o[k]; o[k] = v; }
    }
    if (dated && dated !== worst) notes.push(`retires ${dated.offer.retires}: ${SK(dated.src)}${dated.offer.note ? ` ${dated.offer.note}` : ''} (${dated.providerModelId})`);
    // An OpenRouter route its own API does not list is retired, unless the model is newer than that list.
    if (openRouter && o.provider === 'openrouter' && o.source !== 'or' && (o.status ?? 'live') === 'live'
      && !openRouter.listed.has(o.providerModelId) && !(released > openRouter.date)) {
      o.status = 'retired';
      notes.push(`retired: not among OpenRouter's own models (/api/v1/models of ${openRouter.date})`);
    }
    // Fill batch prices from a source that agrees on the input/output price.
    if (o.price && o.price.batchInput === undefined) {
      const b = reps.slice(1).find((r) => r.offer.price?.batchInput !== undefined && r.offer.price.input === o.price.input && r.offer.price.output === o.price.output);
      if (b) { o.price = orderPrice({ ...o.price, batchInput: b.offer.price.batchInput, batchOutput: b.offer.price.batchOutput }); notes.push(`batch prices from ${SK(b.src)}`); }
    }
    // Long-context tiers from a source that agrees on the base price (Anthropic's own file has none for
    // claude-sonnet-4-5; LiteLLM has its >200k tier at $6 / $22.50). Every source's tiers bill the whole request.
    if (o.price && !o.price.tiers) {
      const t = reps.slice(1).find((r) => r.offer.price?.tiers?.length && !priceDiffers(r.offer.price, o.price));
      if (t) { o.price = orderPrice({ ...o.price, tiers: standardPrice(t.offer.price).tiers }); notes.push(`long-context tiers from ${SK(t.src)}`); }
    }
    // A fee per request from a source that agrees on the token prices (models.dev lists Sonar's tokens only).
    if (o.price && o.price.request === undefined) {
      const f = reps.slice(1).find((r) => r.offer.price?.request !== undefined && !priceDiffers(r.offer.price, o.price));
      if (f) { o.price = orderPrice({ ...o.price, request: f.offer.price.request }); notes.push(`fee per request from ${SK(f.src)}`); }
    }
    // The real bill (data/IMPORT.md "Prices between sources", LiteLLM's extra prices): LiteLLM's reasoning, 1-hour cache, flex, priority and
    // regional prices join the shown price when that LiteLLM record's own input and output are the shown price's,
    // so a flex or priority rate never stands beside another source's base price. A shown LiteLLM price has its own.
    if (o.price && typeof o.price.input === 'number' && typeof o.price.output === 'number' && !(shown.src === 'litellm' && hasBill(shown))) {
      const l = statusOf.filter((e) => e.src === 'litellm' && e.offer.price && (hasBill(e) || e.offer.billNote)
        && e.offer.price.input === o.price.input && e.offer.price.output === o.price.output)
        .sort((a, b) => repRank(a) - repRank(b) || cmpStr(a.sourceId, b.sourceId))[0];
      const bill = l && billOf(l.offer.price, o.price);
      const id = l && l.providerModelId !== o.providerModelId ? ` (${l.providerModelId})` : '';
      if (bill?.words.length) { o.price = orderPrice({ ...o.price, ...bill.price }); notes.push(`${sayList(bill.words)} from ${SK(l.src)}${id}`); }
      if (l?.offer.billNote && l !== shown) notes.push(`${SK(l.src)}${id}: ${l.offer.billNote}`);
    }
    if (newerNote) notes.push(newerNote);
    if (imageNote) notes.push(imageNote);
    if (outvotedNote) notes.push(outvotedNote);
    if (ownSourceNote) notes.push(ownSourceNote);
    if (alts.length) { o.alternatives = alts; if (!newerNote && !imageNote && !outvotedNote && !ownSourceNote) notes.push(`shown: ${SK(shown.src)} by price source priority`); }
    if (notes.length) o.note = notes.join('; ');
    for (const r of reps) if (r.datedPrices) datedPrices.push({ offer: o, source: SK(r.src), points: r.datedPrices });
    out.push(o);
  }
  // (model, provider, providerModelId) must be unique.
  const seen = new Set();
  return out.filter((o) => { const k = `${o.provider}|${o.providerModelId || ''}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => cmpStr(a.provider, b.provider) || cmpStr(a.providerModelId || '', b.providerModelId || ''));
}
const QUANTISED = new Set(['NVFP4', 'FP8', 'FP4', 'BF16', 'FP16', 'INT4', 'INT8', 'AWQ', 'GPTQ']);
const TYPES = new Set(['lab', 'cloud', 'host', 'gateway', 'reseller']);
const SEVERITY = lookupTable({ live: 0, deprecated: 1, retired: 2 });
/** Ids a lab repoints at each release: no model of their own (see step 1c). */
const MOVING_ALIASES = new Set(['deepseek/deepseek-chat', 'deepseek/deepseek-reasoner']);
/** A region's id of a route (`eu.anthropic.…`, `us.meta.…`, LiteLLM's `eu-west-1/…`). */
function isRegional(e) {
  return regionOf(e) !== null;
}
const REGION_NAMES = lookupTable({ us: 'US', eu: 'EU', apac: 'APAC', global: 'global', jp: 'Japan', au: 'Australia', ca: 'Canada',
  regional: 'in-region', in: 'India', 'us-gov': 'US GovCloud', 'global-standard': 'global standard', 'data-zone': 'data zone' });
/** The region a route's id names (Bedrock's `eu.` cross-region prefix, Azure's `eu/`, LiteLLM's `eu-west-1/`), or null. */
export function regionOf(e) {
  const id = e.providerModelId || '';
  const dot = /^(us|eu|apac|global|jp|au|ca|regional|in|us-gov)\./.exec(id);
  if (dot) return REGION_NAMES[dot[1]];
  const slash = /^(us|eu|global|global-standard|regional|data-zone)\//.exec(id);
  if (slash) return REGION_NAMES[slash[1]];
  const aws = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)\//.exec(id);
  return aws && e.src === 'litellm' ? aws[1] : null;
}
function repRank(e) {
  const id = e.providerModelId || '';
  return (e.offer.status === 'live' ? 0 : 1000) + (isRegional(e) ? 100 : 0) + id.length / 1000;
}
const TIER_KEYS = ['start', 'input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h'];
const orderTiers = (tiers, keys = TIER_KEYS) => tiers.map((t) => Object.fromEntries(keys.filter((k) => t[k] !== undefined).map((k) => [k, t[k]])));
/** The members of a price beyond the standard rates (data/IMPORT.md "Prices between sources"): only LiteLLM gives them. */
const BILL_KEYS = ['reasoningOutput', 'cacheWrite1h', 'flex', 'priority', 'regionUplift'];
/** A price in the catalog's key order (data/README.md "Offer"). */
export function orderPrice(p) {
  const out = {};
  for (const k of ['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput', 'request']) if (p[k] !== undefined) out[k] = p[k];
  if (p.tiers && p.tiers.length) out.tiers = orderTiers(p.tiers);
  for (const k of ['reasoningOutput', 'cacheWrite1h']) if (p[k] !== undefined) out[k] = p[k];
  for (const k of ['flex', 'priority']) {
    const s = p[k];
    if (!s) continue;
    out[k] = Object.fromEntries(['input', 'output', 'cacheRead', 'cacheWrite'].filter((x) => s[x] !== undefined).map((x) => [x, s[x]]));
    if (s.tiers && s.tiers.length) out[k].tiers = orderTiers(s.tiers, TIER_KEYS.filter((x) => x !== 'cacheWrite1h'));
  }
  if (p.regionUplift && Object.keys(p.regionUplift).length) out.regionUplift = Object.fromEntries(Object.keys(p.regionUplift).sort().map((r) => [r, p.regionUplift[r]]));
  return out;
}
const BILL_WORDS = { reasoningOutput: 'reasoning output price', cacheWrite1h: '1-hour cache write price', flex: 'flex prices',
  priority: 'priority prices', regionUplift: 'regional uplift' };
/**
 * The members of LiteLLM's price `from` that the shown price `to` lacks (BILL_KEYS, and a long-context tier's
 * 1-hour cache write where LiteLLM's tier of that start has the shown tier's input and output): {price, words}.
 */
function billOf(from, to) {
  const price = {}; const words = [];
  for (const k of BILL_KEYS) if (from[k] !== undefined && to[k] === undefined) { price[k] = from[k]; words.push(BILL_WORDS[k]); }
  if (to.tiers?.length && from.tiers?.length) {
    let any = false;
    const tiers = to.tiers.map((t) => {
      const f = from.tiers.find((x) => x.start === t.start && x.input === t.input && x.output === t.output);
      if (!f || f.cacheWrite1h === undefined || t.cacheWrite1h !== undefined) return t;
      any = true;
      return { ...t, cacheWrite1h: f.cacheWrite1h };
    });
    if (any) { price.tiers = tiers; if (!words.includes(BILL_WORDS.cacheWrite1h)) words.push('long-context 1-hour cache write price'); }
  }
  return { price, words };
}
const hasBill = (e) => !!e.offer.price && (BILL_KEYS.some((k) => e.offer.price[k] !== undefined) || (e.offer.price.tiers || []).some((t) => t.cacheWrite1h !== undefined));
const sayList = (xs) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
/** A price's standard rates only: what another source's price lends or shows beside the shown one. */
function standardPrice(p) {
  const out = orderPrice(p);
  for (const k of BILL_KEYS) delete out[k];
  if (out.tiers) out.tiers = orderTiers(out.tiers, TIER_KEYS.filter((x) => x !== 'cacheWrite1h'));
  return out;
}

/** Serialise: stable key order from construction, one model / offer / provider per line. */
export function serialize(c) {
  const lines = ['{'];
  lines.push(`"schema":${JSON.stringify(c.schema)},`);
  lines.push(`"generated":${JSON.stringify(c.generated)},`);
  lines.push('"sources":{');
  const sk = Object.keys(c.sources);
  sk.forEach((k, i) => lines.push(`${JSON.stringify(k)}:${JSON.stringify(c.sources[k])}${i < sk.length - 1 ? ',' : ''}`));
  lines.push('},');
  for (const arr of ['benchmarks', 'providers', 'models', 'offers']) {
    lines.push(`"${arr}":[`);
    c[arr].forEach((x, i) => lines.push(JSON.stringify(x) + (i < c[arr].length - 1 ? ',' : '')));
    lines.push(arr === 'offers' ? ']' : '],');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
