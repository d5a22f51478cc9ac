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
 * Why writes are coalesced:
 *   - history.replaceState is slow (a round trip to the browser process: milliseconds on a busy machine), and
 *     Chromium ignores it after 200 calls in 10 seconds, which a slider drag at 60 events a second passes.
 * So a write lands at once (at the end of the current task) when the last one is older than WRITE_GAP_MS,
 * else once that gap has passed, with whatever is newest then. Readers use currentHash(), which sees a
 * pending write. Before the page goes away or navigates, the pending write is flushed; a hash the visitor
 * types (hashchange) wins over a pending one.
 */
export const WRITE_GAP_MS = 250;

let pending = null; // the hash to write ('' = none), or null when nothing is pending
let scheduled = false;
let lastWrite = -Infinity;
// Which scheduled write is the live one: a flush (scheduled or called directly) makes any other that is
// still queued a no-op, so that a direct flush cannot leave two timers writing in turn from then on.
let generation = 0;

/** The hash as it will be once the pending write lands: '#…' or ''. */
export function currentHash() {
  return pending ?? location.hash;
}

/** Replace the hash (no history entry), coalescing frequent writes (see above). */
export function setHash(hash) {
  if (hash === currentHash()) return;
  pending = hash;
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
 * A new history entry for `hash` (a committed model change or a swap: Back returns to the pair before). The
 * entry being left keeps its latest state first.
 */
export function pushHash(hash) {
  flushHash();
  if (hash === location.hash) return;
  lastWrite = performance.now();
  history.pushState(null, '', hash || location.pathname + location.search);
}

/** Write the pending hash now. Tests call it (import('./state.js')) before reading location.hash. */
export function flushHash() {
  generation += 1;
  scheduled = false;
  if (pending === null) return;
  const h = pending;
  pending = null;
  lastWrite = performance.now();
  if (h !== location.hash) history.replaceState(null, '', h || location.pathname + location.search);
}

// ---------- the state ----------

let versus = null;
let state = null; // the engine's shape, as last read or written
const listeners = [];
let lastProblems = [];
const stateListeners = [];

const clone = (s) => structuredClone(s);

/**
 * Read a link's hash (default: the page's) into the state, with the engine → {state, problems}. The engine must
 * be attached first (attachEngine). The page calls it once at start; hashchange calls it again.
 */
export function readLink(hash = location.hash) {
  const r = versus.parseState(hash);
  // parseState never fails on a hash; an engine that cannot answer leaves the defaults.
  const parsed = r.ok ? r.value : versus.parseState('').value;
  const { problems = [], ...rest } = parsed;
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

/**
 * Change the state: `change(s)` edits a copy in place; the hash is then rewritten (a new history entry with
 * `push`: a model change, a swap or a view change, so Back returns to the state before).
 */
export function updateState(change, { push = false } = {}) {
  const next = clone(state);
  change(next);
  const hash = hashOf(next);
  if (hash === null) return;
  state = next;
  if (push) pushHash(hash);
  else setHash(hash);
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
  window.addEventListener('hashchange', () => {
    pending = null;
    if (!versus || location.hash === hashOf(state)) return; // our own write
    const link = readLink(location.hash);
    for (const listener of listeners) listener(link);
  });
}
