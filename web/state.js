/**
 * state.js — the page's one reader and writer of location.hash. The hash holds the whole page state (the pair or
 * the model, the traffic, the workload details, the tool view and its filters, the visitor's prices): every key is
 * read and written by the engine (src/url_state.hpp, through versus.parseState and versus.formatState), so the
 * page, its tools and the widget accept and refuse exactly what the engine does, and no module here parses a URL.
 *
 * The state is the engine's shape: {models: [a, b, ...extra], model, tool, workload, rank, custom, sbench, theme}.
 * Modules read it with pageState() and change it with updateState(change, {push}); a link the visitor opens or
 * types (hashchange) reaches onLinkChange listeners, in the order they subscribed, with the problems the engine
 * found in it (each with a visitor's `sentence`, and `about`: "pair" or "details").
 *
 * A pair or a model with a page of its own (scripts/build-pages.mjs: /compare/…/, /models/…/) has that page's path in
 * the address bar, the hash then holding only what differs from the page (the traffic, the details). Such a page says
 * which state it is (<meta name="versus-page" content="#a=…&b=…">) and where the site's root is (<meta
 * name="versus-root">). A committed move (a new history entry) to a state that has a page (pages.js hasPage, the build's
 * own rule) goes to its path; any write that leaves the state a page stands for goes back to the root.
 *
 * Why writes are coalesced:
 *   - history.replaceState is slow (a round trip to the browser process: milliseconds on a busy machine), and
 *     Chromium ignores it after 200 calls in 10 seconds, which a slider drag at 60 events a second passes.
 * So a write lands at once (at the end of the current task) when the last one is older than WRITE_GAP_MS,
 * else once that gap has passed, with whatever is newest then. Readers use currentHash(), which sees a
 * pending write. Before the page goes away or navigates, the pending write is flushed; a hash the visitor
 * types (hashchange) wins over a pending one.
 */
import { pageKey, pagePathOf, blankState, hasPage } from './pages.js';
import { INPUT_QUIET_MS } from './dom.js';

export const WRITE_GAP_MS = 250;

let pending = null; // the address to write (path, query and hash), or null when nothing is pending
let scheduled = false;
let lastWrite = -Infinity;
// Which scheduled write is the live one: a flush (scheduled or called directly) makes any other that is
// still queued a no-op, so that a direct flush cannot leave two timers writing in turn from then on.
let generation = 0;

/** The address as it is: path, query and hash. */
const here = () => location.pathname + location.search + location.hash;

/** The address as it will be once the pending write lands. */
export function currentUrl() {
  settleQuiet();
  return pending ?? here();
}

/** Replace the address (no history entry), coalescing frequent writes (see above). */
function setUrl(url) {
  if (url === currentUrl()) return;
  pending = url;
  if (scheduled) return;
  scheduled = true;
  const wait = lastWrite + WRITE_GAP_MS - performance.now();
  const mine = generation;
  const run = () => {
    if (mine === generation) flushHash();
  };
  if (wait <= 0) queueMicrotask(run);
  else setTimeout(run, Math.ceil(wait)); // a fractional delay is cut to whole ms: never before the gap
}

/**
 * A new history entry for `url` (a committed model change or a swap: Back returns to the pair before). The
 * entry being left keeps its latest state first.
 */
function pushUrl(url) {
  flushHash();
  if (url === here()) return;
  lastWrite = performance.now();
  history.pushState(null, '', url);
}

/** Write the pending hash now. Tests call it (import('./state.js')) before reading location.hash. */
export function flushHash() {
  settleQuiet();
  generation += 1;
  scheduled = false;
  if (pending === null) return;
  const h = pending;
  pending = null;
  lastWrite = performance.now();
  if (h !== here()) history.replaceState(null, '', h);
}

// ---------- the state ----------

let versus = null;
let state = null; // the engine's shape, as last read or written
const listeners = [];
let lastProblems = [];
const stateListeners = [];

const clone = (s) => structuredClone(s);

// ---------- the site's own pages ----------

const metaContent = (name) => (typeof document === 'undefined' ? null : document.querySelector(`meta[name="${name}"]`)?.content ?? null);
let siteRoot = null; // the site's root (a URL), where index.html is
const pagesByKey = new Map(); // page key (pages.js pageKey) → its path
const keysByPath = new Map(); // a page's path → its key
/** The site's root (a URL): where index.html, catalog.pack and the modules are, from this page or a static one. */
export function rootUrl() {
  siteRoot ??= new URL(metaContent('versus-root') ?? './', document.baseURI);
  return siteRoot;
}
function addPage(key, path) {
  pagesByKey.set(key, path);
  keysByPath.set(path, key);
}
if (typeof location !== 'undefined' && metaContent('versus-page')) addPage(metaContent('versus-page'), location.pathname);

let blankHash = null; // the hash of the engine's defaults, once

// What the site's static pages are (pages.js hasPage): "all", the number of models a partial build drew, or "none".
const builtPages = () => metaContent('versus-pages') ?? 'none';

/**
 * Where the state `s` is shown: its page's path (the hash then holds the rest) when it has one and the move is
 * committed (`push`) or the address is already there; else the root's (or, off the site's pages, this) path with
 * the whole state in the hash. Null when the engine refuses the state.
 */
function urlOf(s, { push = false } = {}) {
  const key = pageKey(versus, s);
  let path = key === null ? undefined : pagesByKey.get(key);
  // Asked on a committed move, or when leaving a page of its own for another state (a link followed on it); only
  // for the site's own catalog (a test catalog's link has a query) over HTTP (the standalone file has no pages).
  if (key !== null && path === undefined && (push || keysByPath.has(location.pathname))
    && !location.search && /^https?:$/.test(location.protocol) && hasPage(versus, s, builtPages())) {
    path = new URL(pagePathOf(s), rootUrl()).pathname;
    addPage(key, path);
  }
  // A replace write at the root stays there; from a page of its own, any write goes to the new state's page.
  if (path !== undefined && (push || path === location.pathname || keysByPath.has(location.pathname))) {
    // The rest of the state; none at all (the page as built) when it is the defaults.
    const rest = hashOf({ ...s, model: '', models: s.models.map((m, i) => (i < 2 ? '' : m)) });
    if (rest === null) return null;
    blankHash ??= hashOf(blankState(versus));
    return path + location.search + (rest === blankHash ? '' : rest);
  }
  const hash = hashOf(s);
  if (hash === null) return null;
  const off = keysByPath.has(location.pathname) ? rootUrl().pathname : location.pathname;
  return off + location.search + hash;
}

/**
 * Read a link's hash (default: the page's) into the state, with the engine → {state, problems}. The engine must
 * be attached first (attachEngine). The page calls it once at start; hashchange calls it again.
 */
export function readLink(hash = location.hash) {
  const r = versus.parseState(hash);
  // parseState never fails on a hash; an engine that cannot answer leaves the defaults.
  const parsed = r.ok ? r.value : versus.parseState('').value;
  const { problems = [], ...rest } = parsed;
  // On a pair's or a model's own page, a hash that names no model is about that page's.
  const pageHere = typeof location === 'undefined' ? undefined : keysByPath.get(location.pathname);
  if (pageHere !== undefined && !rest.model && !rest.models[0] && !rest.models[1]) {
    const page = versus.parseState(pageHere).value;
    rest.model = page.model;
    rest.models = [page.models[0] ?? '', page.models[1] ?? '', ...rest.models.slice(2)];
    while (rest.models.length && !rest.models[rest.models.length - 1]) rest.models.pop();
  }
  state = rest;
  lastProblems = problems;
  return { state: clone(state), problems };
}

/** The page's link as it is: its hash, else its query (widget.html takes its comparison from either). */
export function linkText() {
  return location.hash.length > 1 ? location.hash : location.search;
}

/** Tell this module which engine reads and writes the hash (versus.js's loadVersus answer). */
export function attachEngine(engine) {
  versus = engine;
}

/** A copy of the page state (change it through updateState). */
export function pageState() {
  return state && clone(state);
}

/** The hash of `s` (the whole state, engine shape), or null when the engine refuses it (a bug, not a link). */
export function hashOf(s) {
  const r = versus.formatState(s);
  if (!r.ok) {
    console.error(`Versus: the page state cannot be written: ${r.error.message}`);
    return null;
  }
  return r.value;
}

// A `quiet` change (a slider being moved, a number being typed) takes the state at once, but its address is
// worked out (the engine formats it: milliseconds a step on a phone) and the listeners hear of it only once the
// inputs have rested for INPUT_QUIET_MS, so that no frame answering the input waits for them. currentUrl() and
// flushHash() settle it at once; any other change settles it too, being newer.
let quietPending = false;
let quietTimer = 0;
/** Forget the pending quiet change's write (it is written now, or a newer change carries it). */
function dropQuiet() {
  quietPending = false;
  clearTimeout(quietTimer);
}
function settleQuiet() {
  if (!quietPending) return;
  dropQuiet();
  const url = urlOf(state);
  if (url !== null) setUrl(url); // null: the engine refused the state, said on the console (hashOf)
  for (const listener of stateListeners) listener();
}

/**
 * Change the state: `change(s)` edits a copy in place; the hash is then rewritten (a new history entry with
 * `push`: a model change, a swap or a view change, so Back returns to the state before). With `quiet` (an input
 * being moved) the hash and the listeners follow once the inputs rest (above).
 */
export function updateState(change, { push = false, quiet = false } = {}) {
  const next = clone(state);
  change(next);
  if (quiet && !push) {
    state = next;
    dropQuiet();
    quietPending = true;
    quietTimer = setTimeout(settleQuiet, INPUT_QUIET_MS);
    return;
  }
  dropQuiet(); // this write carries the quiet one's changes too
  const url = urlOf(next, { push });
  if (url === null) return;
  state = next;
  if (push) pushUrl(url);
  else setUrl(url);
  for (const listener of stateListeners) listener();
}

/** Hear of every change of the state (after it is written): listener(). */
export function onStateChange(listener) {
  stateListeners.push(listener);
}

/** The engine's default pair [a, b] (a model view's embed, a missing model). */
export function defaultPair() {
  return versus.limits.defaultPair;
}

/** The engine's choices of the real bill's text fields (versus.limits.workloadChoices: {field: {options, default}}). */
export function workloadChoices() {
  return versus.limits.workloadChoices ?? {};
}

/** Why the engine would refuse the state after `change` (its first problem's message), or null. */
export function refusal(change) {
  const next = clone(state);
  change(next);
  const r = versus.formatState(next);
  return r.ok ? null : (r.error.problems?.[0]?.message ?? r.error.message);
}

/** The hash the state would have after `change` (for links to another view), without writing it. */
export function hashAfter(change) {
  const next = clone(state);
  change(next);
  return hashOf(next) ?? '#';
}

/** The workload of the page state (a copy): the pair's traffic and the workload details. */
export function pageWorkload() {
  return { ...state.workload };
}

/** The problems the engine found in the last link read (each {path, message, sentence, about}). */
export function linkProblems() {
  return lastProblems.slice();
}

/** Go to the state after `change`, as following a link would: a new history entry, and the listeners hear of it. */
export function navigate(change) {
  updateState(change, { push: true });
  const link = { state: clone(state), problems: [] };
  lastProblems = [];
  for (const listener of listeners) listener(link);
}

/** Hear of a link the visitor opens or types: listener({state, problems}). */
export function onLinkChange(listener) {
  listeners.push(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushHash);
  // A link to another view or the back button: the entry we leave keeps the latest state.
  document.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('a[href^="#"]')) flushHash();
  }, { capture: true });
  // A typed or followed link (hashchange), or Back between two pages' paths with one hash (popstate alone).
  const onAddressChange = () => {
    pending = null;
    dropQuiet();
    if (!versus || here() === urlOf(state)) return; // our own write, or nothing new
    const link = readLink(location.hash);
    for (const listener of listeners) listener(link);
  };
  window.addEventListener('hashchange', onAddressChange);
  window.addEventListener('popstate', onAddressChange);
}
