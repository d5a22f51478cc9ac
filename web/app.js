// app.js — the Versus page. No framework; every catalog text goes in with textContent.
//
// URL scheme (the hash holds the whole state, so any view can be shared; back/forward move between views):
//   pair view   #a=ID&b=ID&ratio=0.7&req=1000000&in=800&out=250   (two models side by side; the default)
//   model view  #model=ID&ratio=0.7&req=1000000&in=800&out=250     (one model's analysis, seed 004)
// IDs are catalog ids or aliases (resolved to the canonical id, then the hash is rewritten). A hash with
// `model=` shows the model view; anything else is read as a pair. Moving between views (links on the
// page, the "compare with" picker) pushes a history entry; editing traffic or the ratio replaces it.
//
// Init steps, in order (see init() at the bottom):
//   1. load the engine and the catalog (versus.js); on failure show the reason and set data-state="error";
//   2. read the state from the URL hash (#a=ID&b=ID&ratio=0.7&req=1000000&in=800&out=250) against the
//      engine's bounds, noting bad values;
//   3. resolve models A and B (ids or aliases; unknown ones fall back to the defaults with a visible note);
//   4. fill the controls and bind their events (typing, slider, swap, sorting, hashchange);
//   5. render the first view (comparison or model page), write the canonical hash, set data-state="ready";
//   6. mount the tools (ranking, N-way, custom prices, charts, exports); 7. prepare the search names in idle time.
// After that every input change re-renders at once and rewrites the hash (history.replaceState).
//
// Test hook (test builds only, see test-hooks.js): `?catalog=fixtures/NAME.json` loads that catalog instead of
// ./catalog.pack. Only a plain same-origin relative path ending in .json is accepted (no scheme, no "//", no
// "..", no leading "/"); anything else is refused with a visible message. The shipped site ignores it, with a note.
import { loadVersus } from './versus.js';
import * as fmt from './format.js';
import { el, clear, updateText, coalesce, echoed, messageParagraph, installProvenance, inIdleTime, runInSteps, INPUT_QUIET_MS } from './dom.js';
import { renderPairFigures, renderPairSections, pairSectionSteps, renderOffers } from './pair-view.js';
import { renderModel } from './model-page.js';
import { attachEngine, readLink, updateState, hashAfter, onLinkChange, pageWorkload, navigate, rootUrl } from './state.js';
import { catalogRequest, pageCatalogParam } from './test-hooks.js';
import { createPicker } from './picker.js';

// Search names prepared a step at a time in idle time: about 5 ms a step at CPU x4 (80 µs a model); a step starts only
// with more than that left of the idle period.
const SEARCH_STEP_MODELS = 64;
const SEARCH_STEP_MS = 6;
// The default pair and traffic are the engine's (versus.limits: defaultPair, workload[FIELD].default), set at init.
let DEFAULTS = null;
// The hash's traffic keys and the engine's workload fields they set; their bounds are the engine's.
const WORKLOAD_FIELD = Object.freeze({ ratio: 'ratio', req: 'requests', in: 'inputTokens', out: 'outputTokens' });
const boundOf = (key) => versus.limits.workload[WORKLOAD_FIELD[key]];

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

/** The page state; mirrors the hash. */
let state = null; // { a, b, view: 'pair' | 'model', model, ratio, req, in, out }, from DEFAULTS at init
let versus = null;
let lastComparison = null;
const sort = { key: null, dir: 'ascending' };
let showAllRoutes = false; // the pair's provider table lists every route
const notes = []; // messages about the link or the catalog, shown in #status

// ---------- state <-> hash (web/state.js reads and writes it, through the engine) ----------

/** The page state with this view's keys set from `s`: the pair or the model, and the traffic. */
function putPairState(page, s = state) {
  const extra = page.models.slice(2);
  page.model = s.view === 'model' ? s.model : '';
  page.models = s.view === 'model' ? ['', '', ...extra] : [s.a, s.b, ...extra];
  Object.assign(page.workload, { ratio: s.ratio, requests: s.req, inputTokens: s.in, outputTokens: s.out });
}

/** The hash of the pair view for models `a` and `b` at the current traffic (the pair's own view, no tool). */
function pairHref(a, b) {
  return hashAfter((page) => {
    putPairState(page, { ...state, view: 'pair', a, b });
    page.tool = '';
  });
}

/** The hash of the model view for `id` at the current traffic. */
function modelHref(id) {
  return hashAfter((page) => {
    putPairState(page, { ...state, view: 'model', model: id });
    page.tool = '';
  });
}

// The visitor's prices last given to the engine from the link (JSON), so that an unchanged link does not reapply.
let appliedCustom = 'null';

/**
 * Give the engine the link's own prices before the link's models are resolved, so that a private model named in
 * a= or b= is found. What cannot be applied is left to the Custom prices tool, which says why.
 */
function applyLinkCustom(custom) {
  const empty = !custom.prices.length && !custom.models.length;
  const key = empty ? 'null' : JSON.stringify(custom);
  if (key === appliedCustom) return;
  appliedCustom = key;
  versus.setOverrides(empty ? null : custom);
}

/** The state from a link read by web/state.js; what the engine refused is noted (the tools note their own keys). */
function takeLink({ state: page, problems }) {
  const next = { ...DEFAULTS, view: 'pair', model: null };
  const [a, b] = page.models;
  if (page.model) {
    // The model view keeps the last pair (for the "back to the comparison" link).
    Object.assign(next, { view: 'model', model: page.model, a: state?.a ?? DEFAULTS.a, b: state?.b ?? DEFAULTS.b });
  } else {
    if (a) next.a = a;
    if (b) next.b = b;
  }
  const w = page.workload;
  Object.assign(next, { ratio: w.ratio, req: w.requests, in: w.inputTokens, out: w.outputTokens });
  for (const p of problems) if (p.about === 'pair') notes.push(p.sentence);
  state = next;
  applyLinkCustom(page.custom);
}

/**
 * Write the state into the hash: a new history entry when `push` (a model change or a swap), else in place; with
 * `quiet` (an input being moved) once the inputs rest (state.js).
 */
function writeHash({ push = false, quiet = false } = {}) {
  updateState((page) => putPairState(page), { push, quiet });
}


function workload() {
  // The workload details (cache, batch, long prompts, routes) are the page state's, set by web/tools.js.
  return { ...pageWorkload(), requests: state.req, inputTokens: state.in, outputTokens: state.out, ratio: state.ratio };
}

// ---------- status and errors ----------

/** Notes are strings or arrays of strings and echoed() values (dom.js). */
function showNotes() {
  const box = clear($('status'));
  for (const n of notes) box.append(messageParagraph(n));
}

function fail(message, problems = []) {
  root.dataset.state = 'error';
  const box = clear($('page-error'));
  box.append(el('p', { className: 'error-title', text: message }));
  if (problems.length) {
    const list = el('ul', { className: 'problems' });
    for (const p of problems.slice(0, 20)) list.append(el('li', {}, el('code', { text: p.path || '(top level)' }), `: ${p.message}`));
    if (problems.length > 20) list.append(el('li', { text: `…and ${problems.length - 20} more problems.` }));
    box.append(list);
  }
  box.hidden = false;
  clear($('status'));
  $('results').hidden = true;
  for (const c of $('controls').elements) c.disabled = true;
}

function catalogUrlFromQuery() {
  return catalogRequest(pageCatalogParam(), rootUrl().href);
}

// ---------- model pickers ----------

function resolveModel(text) {
  const r = versus.resolve(text);
  if (!r.ok) return { error: r.error.message };
  return { id: r.value.id, name: r.value.name, note: r.value.note };
}

const searchCache = new Map(); // query → search result; the catalog does not change after init

function searchCached(query, limit = 30) {
  const key = `${limit}|${query}`;
  if (!searchCache.has(key)) {
    if (searchCache.size > 200) searchCache.clear();
    searchCache.set(key, versus.search(query, limit));
  }
  return searchCache.get(key);
}

/** The name a model id shows in a picker: from the last comparison, else the engine's search. */
function displayName(id) {
  const known = [lastComparison, resolvedComparison?.result?.value].flatMap((c) => c?.models ?? []).find((m) => m.id === id);
  if (known) return known.name;
  const r = searchCached(id, 5);
  return (r.ok && r.value.find((m) => m.id === id)?.name) || id;
}

const pickers = {}; // a, b, compare: web/picker.js comboboxes

/** A message next to a field: an error (the field is marked invalid) or, with `{invalid: false}`, a note. */
function setFieldMessage(input, msg, { invalid = true } = {}) {
  const out = $(`${input.id}-msg`);
  out.textContent = msg || '';
  if (msg && invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function commitModel(which, input, { quiet = false } = {}) {
  // A suggestion picked from the list is that model, whatever other model shares its name.
  const pickedId = pickers[which]?.picked();
  const r = pickedId ? { id: pickedId, name: input.value } : resolveModel(input.value);
  if (r.error) {
    if (!quiet) setFieldMessage(input, `${r.error} Still comparing ${state[which]}.`);
    return false;
  }
  setFieldMessage(input, r.note ?? '', { invalid: false });
  pickers[which]?.show(r.id, r.name);
  if (state[which] !== r.id) {
    state[which] = r.id;
    // Back returns to the pair before; the new model's figures are painted first, the sections below next.
    update({ push: true, figuresFirst: true });
  }
  return true;
}

// ---------- traffic fields ----------

const TRAFFIC = [
  { key: 'req', id: 'req', label: 'Requests a month' },
  { key: 'in', id: 'in', label: 'Input tokens' },
  { key: 'out', id: 'out', label: 'Output tokens' },
];

function readNumberField(input, key) {
  if (input.validity.badInput) return { error: 'Not a number. Enter digits only, e.g. 800.' };
  const v = input.value.trim();
  if (v === '') return { error: 'Enter a number (0 or more).' };
  const n = fmt.parseDecimal(v);
  if (!Number.isFinite(n)) return { error: 'Not a number. Enter digits only, e.g. 800.' };
  if (n < 0) return { error: 'Must be 0 or more.' };
  if (n > boundOf(key).max) return { error: `Too large: at most ${fmt.boundMax(boundOf(key))}.` };
  return { value: n, key };
}

// ---------- rendering ----------

function onSortClick(ev) {
  const btn = ev.target.closest('button.sort');
  if (!btn) return;
  const key = btn.dataset.key;
  if (sort.key === key) sort.dir = sort.dir === 'ascending' ? 'descending' : 'ascending';
  else {
    sort.key = key;
    sort.dir = 'ascending';
  }
  if (lastComparison) renderOffers(lastComparison, pairView());
  const again = $('offers').querySelector(`button.sort[data-key="${key}"]`);
  again?.focus();
}

// ---------- suggestions ("Continue comparing") ----------

const suggestionCache = new Map(); // the catalog does not change after init

/** A model's nearest rivals for "Continue comparing" (the engine's suggestRivals) → [{id, name, why}], never `exclude`. */
function suggestions(id, exclude = []) {
  const key = `${id}|${exclude.join('|')}`;
  if (!suggestionCache.has(key)) {
    if (suggestionCache.size > 200) suggestionCache.clear();
    const r = versus.rivals(id, exclude);
    suggestionCache.set(key, r.ok ? r.value : []);
  }
  return suggestionCache.get(key);
}

// ---------- views ----------

/** Render the current view; false when it cannot be rendered (the message is in #status). */
function render(options) {
  return state.view === 'model' ? renderModelView() : renderPair(options);
}

function renderModelView() {
  const r = versus.model(state.model, workload());
  if (!r.ok) {
    const box = clear($('status'));
    box.append(el('p', { className: 'error-msg', text: `Cannot show the model: ${r.error.message}` }));
    return false;
  }
  const m = r.value;
  // Names of the last pair, for the "back to the comparison" link.
  const names = [state.a, state.b].map((id) => {
    const known = lastComparison?.models.find((x) => x.id === id);
    if (known) return known.name;
    const x = searchCached(id, 5);
    return (x.ok && x.value.find((y) => y.id === id)?.name) || id;
  });
  renderModel(m, { state: { ...state, names, region: workload().region ?? '' }, pairHref, modelHref, suggestions, staleDays: versus.limits.prices?.staleDays });
  return true;
}

/** What pair-view.js draws the pair at: the pair, the traffic and the provider table's settings. */
function pairView() {
  return { a: state.a, b: state.b, ratio: state.ratio, req: state.req, in: state.in, out: state.out, sort, showAllRoutes,
    allRoutes: Boolean(workload().allRoutes), region: workload().region ?? '', belowMakerPriceMargin: versus.limits.routes.belowMakerPriceMargin };
}

/**
 * The pair view. The figures an input names (cards, gaps, the input-price line) are drawn at once; with
 * `deferRest` (a slider or traffic field being moved) or `figuresFirst` (a model picked) they come from the
 * engine's pairFigures (the comparison less its offer lists, tables and prose) and the long sections below them
 * are drawn from the full comparison after a paint (with `deferRest`, once the inputs have rested for
 * INPUT_QUIET_MS), so no frame that answers an input is held back by them.
 */
function renderPair({ deferRest = false, figuresFirst = false } = {}) {
  const resolved = resolvedComparison;
  resolvedComparison = null;
  let r;
  let full = true; // a full comparison, or pairFigures (no tables)
  if (deferRest || figuresFirst) {
    r = resolved?.key === pairKey() ? resolved.result : versus.pairFigures(state.a, state.b, workload());
    full = false;
  } else r = versus.compare(state.a, state.b, workload());
  if (!r.ok) {
    const box = clear($('status'));
    box.append(el('p', { className: 'error-msg', text: `Cannot compare: ${r.error.message}` }));
    return false;
  }
  const c = r.value;
  if (full) lastComparison = c;
  renderPairFigures(c, pairView());
  renderTrafficBrief();
  if (deferRest || figuresFirst) renderPairRestSoon(full ? c : null, { quiet: deferRest });
  else renderPairRest(c);
  return true;
}

/** Everything of the pair view below the figures: providers, tables, prose. */
function renderPairRest(c) {
  restFrom = null;
  restDraw += 1; // a draw in steps still going stops: this one is newer
  renderPairSections(c, pairView(), { modelHref, pairHref, suggestions });
  sectionsDrawn();
}

/** The sections below the figures are the engine's now: a page drawn for another link (drawn.js "stale") shows them. */
function sectionsDrawn() {
  if (root.dataset.drawn === 'stale') root.dataset.drawn = 'replaced';
}

// One pending draw of the lower sections however many inputs arrive before it runs (after a paint, or once the
// inputs rest); it draws the state as it is then (from `comparison` when that is still the latest, else a new full comparison). aria-busy
// marks the sections as being updated meanwhile (tests wait for it to clear); a full draw that comes first
// clears it, and the pending draw then has nothing to do.
// The sections are drawn in steps a task apart (about 130 ms at CPU x4 in one task, which held back an input made
// meanwhile); a step whose draw is no longer the latest (restDraw) stops it.
let restFrom = null;
let restDraw = 0;
function drawRest() {
  if ($('results').getAttribute('aria-busy') !== 'true') return;
  const draw = ++restDraw;
  const r = restFrom?.key === pairKey() ? { ok: true, value: restFrom.comparison } : versus.compare(state.a, state.b, workload());
  restFrom = null;
  if (state.view === 'model' || !r.ok) {
    $('results').removeAttribute('aria-busy');
    return;
  }
  lastComparison = r.value;
  const steps = pairSectionSteps(r.value, pairView(), { modelHref, pairHref, suggestions });
  const last = steps.pop();
  steps.push(() => {
    last();
    sectionsDrawn(); // in the same task as the last section: they are shown together, complete
  });
  runInSteps(steps, () => draw === restDraw);
}
const drawRestAfterPaint = coalesce(drawRest, { afterPaint: true });
const drawRestOnceQuiet = coalesce(drawRest, { afterPaint: true, quietMs: INPUT_QUIET_MS });

/** `quiet`: an input being moved (a slider, a field): the sections wait until it rests. */
function renderPairRestSoon(comparison, { quiet = true } = {}) {
  restFrom = comparison ? { key: pairKey(), comparison } : null;
  restDraw += 1; // a draw in steps still going stops (its last step would clear aria-busy)
  $('results').setAttribute('aria-busy', 'true');
  (quiet ? drawRestOnceQuiet : drawRestAfterPaint)();
}

// Views mounted by web/tools.js hear of every state change (see mountTools there).
const stateListeners = [];
const tellTools = () => {
  for (const listener of stateListeners) listener();
};
const tellToolsOnceQuiet = coalesce(tellTools, { afterPaint: true, quietMs: INPUT_QUIET_MS });

/** Re-render after a state change and rewrite the hash (`options`: see renderPair). */
/**
 * After the visitor's prices change (the Custom prices tool): a private model in A or B may have gone, so the
 * pair is resolved again (falling back with a note) before it is drawn.
 */
function afterPricesChange() {
  resolveStateModels();
  syncControls();
  const fallbacks = notes.splice(0); // update() clears the notes of an earlier change; these are this one's
  update();
  if (fallbacks.length) {
    notes.push(...fallbacks);
    showNotes();
  }
}

function update(options) {
  if (render(options)) {
    // An input being moved (deferRest): the hash and the tools follow once it rests, as the sections below do.
    const moving = Boolean(options?.deferRest) && !options?.push;
    writeHash({ push: options?.push, quiet: moving });
    if (moving) tellToolsOnceQuiet();
    else tellTools();
    if (notes.length) {
      notes.length = 0;
      showNotes();
    } else if ($('status').querySelector('.error-msg')) clear($('status'));
  }
}

function syncControls() {
  pickers.a.show(state.a, displayName(state.a));
  pickers.b.show(state.b, displayName(state.b));
  $('ratio').value = String(state.ratio);
  $('ratio').setAttribute('aria-valuetext', fmt.ratioLabel(state.ratio));
  $('ratio-value').textContent = fmt.ratioLabel(state.ratio);
  $('req').value = String(state.req);
  $('in').value = String(state.in);
  $('out').value = String(state.out);
  for (const id of ['model-a', 'model-b', 'ratio', 'req', 'in', 'out']) setFieldMessage($(id), '');
  renderTrafficBrief();
}

/** The folded traffic form's one line (a phone shows it folded): what the figures assume. */
function renderTrafficBrief() {
  const i = Math.round(state.ratio * 100);
  updateText($('traffic-brief'), `${fmt.integer(state.req)} requests a month · ${fmt.integer(state.in)} in / ${fmt.integer(state.out)} out tokens · ${i}% input`);
}

// The pair's figures (versus.pairFigures) resolveStateModels made, kept for the render that always follows it (same
// state, and no custom prices can change in between: both run in one task); a render that draws every section at
// once (not deferRest or figuresFirst) asks for the full comparison instead.
let resolvedComparison = null;
const pairKey = () => JSON.stringify([state.a, state.b, workload()]);

/** The catalog id a link's model names (an id, an alias or an exact name; never a guess), or null. */
function catalogId(text) {
  const r = versus.resolve(text);
  return r.ok && !r.value.guess ? r.value.id : null;
}

/** Replace unknown models in `state` with defaults (or the first models of the catalog), noting why. */
function resolveStateModels() {
  // The usual case, a pair the catalog has: the pair's figures resolve both names (ids or aliases; the engine takes no
  // guess). Its figures, not the full comparison, are made now: on a first view that held the first figures back by
  // its offer lists and prose (~100 ms at CPU x4), which the sections below draw after a paint.
  if (state.view !== 'model') {
    const c = versus.pairFigures(state.a, state.b, workload());
    if (c.ok) {
      [state.a, state.b] = c.value.models.map((m) => m.id);
      resolvedComparison = { key: pairKey(), result: c }; // the render that follows draws this one
      return true;
    }
  }
  const fallbacks = [DEFAULTS.a, DEFAULTS.b];
  const first = versus.search('', 2);
  if (first.ok) fallbacks.push(...first.value.map((m) => m.id));
  const pick = (avoid) => {
    for (const id of fallbacks) {
      const found = catalogId(id);
      if (found && found !== avoid) return found;
    }
    for (const id of fallbacks) {
      const found = catalogId(id);
      if (found) return found;
    }
    return null;
  };
  if (state.view === 'model') {
    const found = catalogId(state.model);
    if (found) state.model = found;
    else {
      const fallback = pick(null);
      notes.push(['The catalog has no model ', echoed(state.model, 80), ` (in the link); showing ${fallback ?? 'nothing'} instead.`]);
      state.model = fallback;
      if (!fallback) return false;
    }
  }
  for (const k of ['a', 'b']) {
    const found = catalogId(state[k]);
    if (found) {
      state[k] = found;
      continue;
    }
    const fallback = k === 'a' ? pick(null) : pick(state.a);
    notes.push(['The catalog has no model ', echoed(state[k], 80), ` (model ${k.toUpperCase()} in the link); showing ${fallback ?? 'nothing'} instead.`]);
    state[k] = fallback;
    if (!fallback) return false;
  }
  return true;
}

/** The model page's "compare with …" picker: opens the pair view (a new history entry). */
function bindCompareWith() {
  const input = $('compare-with');
  const go = (r) => {
    if (r.id === state.model) return setFieldMessage(input, 'Pick a different model to compare with.');
    setFieldMessage(input, r.note ?? '', { invalid: false });
    input.value = '';
    navigate((page) => {
      putPairState(page, { ...state, view: 'pair', a: state.model, b: r.id });
      page.tool = '';
    });
  };
  pickers.compare = createPicker(input, {
    search: (q) => searchCached(q, 30),
    exclude: () => [state.model],
    onPick: (m) => go(m),
    onEnter: () => $('compare-form').requestSubmit(),
  });
  input.addEventListener('input', () => setFieldMessage(input, ''));
  $('compare-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const r = resolveModel(input.value);
    if (r.error) return setFieldMessage(input, r.error);
    go(r);
  });
}

function bindControls() {
  for (const [which, id] of [['a', 'model-a'], ['b', 'model-b']]) {
    const input = $(id);
    pickers[which] = createPicker(input, {
      search: (q) => searchCached(q, 30),
      onPick: () => commitModel(which, input),
      onEnter: () => commitModel(which, input),
      onEscape: () => {
        pickers[which].show(state[which], displayName(state[which]));
        setFieldMessage(input, '');
      },
    });
    input.addEventListener('input', () => setFieldMessage(input, ''));
    // A typed name is committed when the field is left (change) or on Enter; a suggestion at once.
    input.addEventListener('change', () => commitModel(which, input));
  }
  $('swap').addEventListener('click', () => {
    [state.a, state.b] = [state.b, state.a];
    pickers.a.show(state.a, displayName(state.a));
    pickers.b.show(state.b, displayName(state.b));
    setFieldMessage($('model-a'), '');
    setFieldMessage($('model-b'), '');
    update({ push: true });
  });
  const ratio = $('ratio');
  ratio.addEventListener('input', () => {
    const n = Number(ratio.value);
    if (!Number.isFinite(n) || n < 0 || n > 1) return setFieldMessage(ratio, 'The input share must be between 0 and 1.');
    setFieldMessage(ratio, '');
    state.ratio = Math.round(n * 100) / 100;
    updateText($('ratio-value'), fmt.ratioLabel(state.ratio));
    ratio.setAttribute('aria-valuetext', fmt.ratioLabel(state.ratio));
    update({ deferRest: true });
  });
  for (const f of TRAFFIC) {
    const input = $(f.id);
    input.addEventListener('input', () => {
      const r = readNumberField(input, f.key);
      if (r.error) {
        setFieldMessage(input, `${r.error} Figures still use ${fmt.integer(state[f.key])}.`);
        return;
      }
      setFieldMessage(input, '');
      if (state[f.key] !== r.value) {
        state[f.key] = r.value;
        update({ deferRest: true });
      }
    });
  }
  $('controls').addEventListener('submit', (ev) => ev.preventDefault());
  $('offers').tHead.addEventListener('click', onSortClick);
  $('offers-all').addEventListener('click', () => {
    showAllRoutes = !showAllRoutes;
    if (lastComparison) renderOffers(lastComparison, pairView());
  });
  onLinkChange((link) => {
    const before = `${state.view}|${state.model}|${state.a}|${state.b}`;
    notes.length = 0;
    takeLink(link);
    resolveStateModels();
    syncControls();
    showNotes();
    if (render()) {
      writeHash();
      tellTools();
    }
    // A different view or different models: start at the top, as a new page would.
    if (`${state.view}|${state.model}|${state.a}|${state.b}` !== before) {
      window.scrollTo(0, 0);
      $(state.view === 'model' ? 'model-view' : 'results').focus({ preventScroll: true });
    }
  });
  // The skip link moves focus without touching the hash (the hash holds the state).
  $('skip-link').addEventListener('click', (ev) => {
    ev.preventDefault();
    const target = $(state.view === 'model' ? 'model-view' : 'results');
    target.focus();
    target.scrollIntoView();
  });
  bindCompareWith();
}

// ---------- init ----------

async function init() {
  // 1. engine + catalog
  for (const c of $('controls').elements) c.disabled = true;
  const cat = catalogUrlFromQuery();
  if (cat.error) return fail(cat.error);
  if (cat.note) notes.push(cat.note);
  versus = await loadVersus({ catalogUrl: cat.url });
  if (!versus.ready.ok) {
    const e = versus.ready.error;
    return fail(`Versus cannot start: ${e.message}`, e.problems);
  }
  // 2. state from the link (read by the engine, through web/state.js), with the visitor's prices it carries
  const limits = versus.limits;
  const defaults = (field) => limits.workload[field].default;
  DEFAULTS = Object.freeze({ a: limits.defaultPair[0], b: limits.defaultPair[1], ratio: defaults('ratio'), req: defaults('requests'), in: defaults('inputTokens'), out: defaults('outputTokens') });
  attachEngine(versus);
  takeLink(readLink());
  const info = versus.catalogInfo;
  $('catalog-info').textContent = `Catalog: ${fmt.integer(info.models)} models, ${fmt.integer(info.providers)} providers, ${fmt.integer(info.offers)} offers${info.generated ? `, generated ${info.generated}` : ''}${cat.custom ? ` (loaded from ${cat.custom})` : ''}.`;

  // 3. models
  if (!resolveStateModels()) return fail('The catalog has no models to compare.');

  // 4. controls (on a phone the traffic form is folded to its one-line summary, so the answer is on the first screen)
  $('traffic-box').open = !matchMedia('(max-width: 600px)').matches; // a static page comes folded
  bindControls();
  installProvenance();
  syncControls();
  for (const c of $('controls').elements) c.disabled = false;

  // 5. first comparison: the figures, then (after the first paint) the sections below them
  showNotes();
  if (!render({ deferRest: true })) return fail(`Versus cannot show this view: ${$('status').textContent}`);
  writeHash();
  root.dataset.state = 'ready';

  // 6. the extra views (ranking, N-way, custom prices, charts, exports), after the first comparison
  const tools = await import('./tools.js');
  tools.mountTools({
    versus,
    root: $('tools-root'),
    workload,
    models: () => [state.a, state.b],
    onChange: (listener) => stateListeners.push(listener),
    rerender: afterPricesChange,
  });

  // 7. the search names, prepared in idle time a few models at a time: else the first name typed in a picker pays for
  //    every model's (at CPU x4 the first model change of a visit took 190-300 ms, the next ones about 50)
  inIdleTime((deadline) => {
    while (deadline.timeRemaining() > SEARCH_STEP_MS) {
      const r = versus.prepareSearch(SEARCH_STEP_MODELS);
      if (!r.ok || r.value.left === 0) return false;
    }
    return true;
  });
}

init().catch((e) => fail(`Versus failed to start: ${e?.message ?? String(e)}`));
