// pages.js — the site's own pages: one per model with a live priced route (models/<maker>/<name>/) and one per
// suggested comparison (compare/<a>-vs-<b>/), written by scripts/build-pages.mjs; web/state.js moves the address bar
// to them. Which pages exist is one rule, here, asked of the engine by both (sitePages, hasPage): a model page for
// each model with a live priced route, a comparison page for each pair a model page suggests (the model against each
// of its rivals, in that order) and for the seed pairs. A build of only the first N models' pages says so
// (<meta name="versus-pages" content="N">, else "all"; none written: "none"), and the rule then keeps to them.
// A page is known by its key, the hash of the state it stands for with every other key at its default (the engine's
// formatState), so that the build and the page agree on what a page is through the engine alone.
// No DOM and no URL here.

const blanks = new WeakMap(); // versus → its blank state, frozen
const keys = new WeakMap(); // versus → Map("model\na\nb" → page key): asked on every write of the page state

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

/** The state of an empty link: the engine's defaults (engine shape, without `problems`; frozen, read once). */
export function blankState(versus) {
  if (!blanks.has(versus)) {
    const { problems, ...blank } = versus.parseState('').value;
    blanks.set(versus, deepFreeze(blank));
  }
  return blanks.get(versus);
}

/**
 * The key of the page that shows state `s` (the engine's shape), or null when no page could: a tool, more models.
 * It is also the hash of that view at the default traffic (a link to it from outside its page).
 */
export function pageKey(versus, s) {
  if (pagePathOf(s) === null) return null;
  if (!keys.has(versus)) keys.set(versus, new Map());
  const known = keys.get(versus);
  const id = s.model ? `${s.model}\n\n` : `\n${s.models[0]}\n${s.models[1]}`;
  if (!known.has(id)) {
    const blank = blankState(versus);
    const r = versus.formatState(s.model ? { ...blank, model: s.model } : { ...blank, models: s.models.slice(0, 2) });
    known.set(id, r.ok ? r.value : null);
  }
  return known.get(id);
}

/**
 * A path segment from a catalog id: lower case, each run of other characters than a–z, 0–9 and '.' one '-', no dot
 * or dash at either end (so never "." or ".."). Two ids may give one slug: the build refuses that, naming both.
 */
export function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'model';
}

/** The path of model `id`'s page, relative to the site's root: "models/openai/o3/". */
export function modelPagePath(id) {
  return `models/${String(id).split('/').map(slug).join('/')}/`;
}

/** The path of the comparison of `a` with `b` (in that order), relative to the root: "compare/openai-o3-vs-openai-o4-mini/". */
export function pairPagePath(a, b) {
  return `compare/${slug(a)}-vs-${slug(b)}/`;
}

/** The path (relative to the root) of the page that would show state `s`, or null when no page could (see pageKey). */
export function pagePathOf(s) {
  if (s.tool || (s.models ?? []).slice(2).some(Boolean)) return null;
  if (s.model) return modelPagePath(s.model);
  if (s.models?.[0] && s.models?.[1]) return pairPagePath(s.models[0], s.models[1]);
  return null;
}

// The seed pages this product is made from (../shared/seeds): their pairs get pages whatever the suggestions are.
export const SEED_PAIRS = Object.freeze([
  ['meta/llama-3.2-1b-instruct', 'openai/o3'],
  ['meta/llama-3.2-1b-instruct', 'openai/o4-mini'],
  ['openai/gpt-5.3-codex', 'meta/llama-3.2-1b-instruct'],
  ['meta/llama-3.2-1b-instruct', 'meta/llama-guard-3-1b'],
]);

/** Whether model `id` has a live priced route at the default traffic (what a model page needs). */
export function hasLivePrice(versus, id) {
  const w = blankState(versus).workload;
  return Boolean(versus.pairFigures(id, id, w).value?.models[0]?.cheapest);
}

const firstModels = new WeakMap(); // versus → {limit, ids}: the model pages of a build of the first N

/**
 * The models with a page, in the build's order (the default pair's and the seed pairs' models first, then the
 * catalog's), at most `limit` of them.
 */
export function modelPageIds(versus, limit = Infinity) {
  const known = firstModels.get(versus);
  if (known?.limit === limit) return known.ids;
  const all = versus.search('', 1e6).value ?? [];
  const first = new Set([...versus.limits.defaultPair, ...SEED_PAIRS.flat()]);
  const ordered = [...all.filter((m) => first.has(m.id)), ...all.filter((m) => !first.has(m.id))];
  const ids = [];
  for (const m of ordered) {
    if (ids.length >= limit) break;
    if (hasLivePrice(versus, m.id)) ids.push(m.id);
  }
  firstModels.set(versus, { limit, ids });
  return ids;
}

const isSeed = (a, b) => SEED_PAIRS.some(([x, y]) => x === a && y === b);
const suggests = (versus, a, b) => (versus.rivals(a, [a]).value ?? []).some((r) => r.id === b);

/** Every page of a build: {modelIds, pairs: [[a, b], …]} (`limit`: the first N models' pages only). */
export function sitePages(versus, limit = Infinity) {
  const modelIds = modelPageIds(versus, limit);
  const pairs = new Map();
  for (const id of modelIds) for (const r of versus.rivals(id, [id]).value ?? []) pairs.set(`${id}\n${r.id}`, [id, r.id]);
  const ids = new Set((versus.search('', 1e6).value ?? []).map((m) => m.id));
  for (const [a, b] of SEED_PAIRS) if (ids.has(a) && ids.has(b)) pairs.set(`${a}\n${b}`, [a, b]);
  return { modelIds, pairs: [...pairs.values()] };
}

/**
 * Whether the site has a page for state `s`, by the rule above, for a site built with `built` ("all", a number of
 * models, or "none"). The visitor's own prices change the rivals: a page shows the site's catalog, so a state with
 * them is never sent to one.
 */
export function hasPage(versus, s, built) {
  if (built === 'none' || pagePathOf(s) === null) return false;
  if (s.custom && ((s.custom.prices ?? []).length || (s.custom.models ?? []).length)) return false;
  const limit = built === 'all' ? Infinity : Number(built);
  if (!(limit > 0)) return false;
  const withPage = (id) => (limit === Infinity ? hasLivePrice(versus, id) : modelPageIds(versus, limit).includes(id));
  if (s.model) return withPage(s.model);
  const [a, b] = s.models;
  return isSeed(a, b) || (withPage(a) && suggests(versus, a, b));
}
