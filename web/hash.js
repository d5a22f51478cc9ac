/**
 * hash.js — the page's one writer of location.hash (app.js owns a, b, model, ratio, req, in, out; tools.js
 * the rest). Why writes go through here:
 *   - history.replaceState is slow (a round trip to the browser process: milliseconds on a busy machine), and
 *     Chromium ignores it after 200 calls in 10 seconds, which a slider drag at 60 events a second passes.
 *   - One input change writes twice (app.js, then tools.js merging its keys back).
 * So a write lands at once (at the end of the current task) when the last one is older than WRITE_GAP_MS,
 * else once that gap has passed, with whatever is newest then. Readers use currentHash(), which sees a
 * pending write, so nobody merges with a stale hash. Before the page goes away or navigates, the pending
 * write is flushed; a hash the visitor types (hashchange) wins over a pending one.
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

/** Write the pending hash now. Tests call it (import('./hash.js')) before reading location.hash. */
export function flushHash() {
  generation += 1;
  scheduled = false;
  if (pending === null) return;
  const h = pending;
  pending = null;
  lastWrite = performance.now();
  if (h !== location.hash) history.replaceState(null, '', h || location.pathname + location.search);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushHash);
  // A link to another view or the back button: the entry we leave keeps the latest state.
  document.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('a[href^="#"]')) flushHash();
  }, { capture: true });
  window.addEventListener('hashchange', () => {
    pending = null;
  }, { capture: true });
}
