/**
 * tools.js — the views beyond the pair comparison (issue 5): workload details (cache, batch, long prompts,
 * long-context tiers), ranking, N-way comparison, custom prices, charts and exports. app.js calls
 * mountTools once, after the first comparison is on screen.
 *
 * ctx: {versus, root, workload(), models(), onChange(listener), rerender()}
 *
 * State lives in the URL hash next to app.js's keys (a, b, ratio, req, in, out), which are kept as they are:
 *   cache, cwrite, batch, long, longin   workload details (shares 0..1; longin a token count)
 *   routes=all       resellers' and outliers' routes may head (the engine's workload.allRoutes)
 *   cap=functionCalling,vision  minctx  ow=1  bench  minscore  prov  offer=1  rsort=key:dir  top=25   ranking
 *   m=ID (repeated)   extra models for the N-way comparison (A and B are always in it)
 *   custom=JSON      the visitor's prices: {"p":[[model,provider,input,output,cacheRead]…],"m":[[name,input,output,context]…]}
 *   sbench=ID        the benchmark of the score-vs-price chart
 * A crafted value never reaches the engine: it is replaced by its default and named in a visible message.
 */
import * as fmt from './format.js';
import { el, clear } from './tools-dom.js';
import { createWorkloadView } from './workload.js';
import { createRankView } from './rank.js';
import { createNwayView } from './nway.js';
import { createOverridesView } from './overrides.js';
import { createChartsView } from './charts.js';
import { createExportView } from './export.js';
import { currentHash, pushHash, setHash } from './hash.js';
import { coalesce, echoed, messageParagraph } from './dom.js';
import { decodeCustom, encodeCustom } from './custom.js';

const APP_KEYS = new Set(['a', 'b', 'model', 'ratio', 'req', 'in', 'out']);

/** The tool views, each its own page (hash key `tool`); '' is the pair (or model) view. */
export const TOOL_VIEWS = Object.freeze(['', 'rank', 'nway', 'prices', 'charts', 'export']);

export const DEFAULT_STATE = Object.freeze({
  tool: '',
  cache: 0, cwrite: 0, batch: 0, long: 0, longin: 0, routes: false,
  cap: [], minctx: 0, ow: false, bench: '', minscore: null, prov: '', offer: false, rsort: null, top: 25,
  m: [], custom: { prices: [], models: [] }, sbench: '',
});

/** Split a hash into [key, value] pairs in order; undecodable values become null. */
export function hashPairs(hash) {
  const out = [];
  for (const part of String(hash ?? '').replace(/^#/, '').split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    let v = i < 0 ? '' : part.slice(i + 1);
    try {
      v = decodeURIComponent(v.replace(/\+/g, '%20'));
    } catch {
      v = null;
    }
    out.push([k, v]);
  }
  return out;
}

const shareKeys = { cache: 'cache hit rate', cwrite: 'cache write rate', batch: 'batch share', long: 'share of long prompts' };

/** Parse this module's keys from a hash → {state, notes}; bad values keep their defaults and leave a note. */
export function parseToolsHash(hash, limits) {
  const longMax = limits.workload.longInputTokens.max;
  const s = structuredClone({ ...DEFAULT_STATE, custom: { prices: [], models: [] }, cap: [], m: [] });
  const notes = [];
  const bad = (label, v, why, dflt) => notes.push([`The link's ${label} `, echoed(v, 40), ` is ${why}; using ${dflt}.`]);
  for (const [k, v] of hashPairs(hash)) {
    if (APP_KEYS.has(k)) continue;
    const n = fmt.parseDecimal(v);
    if (k in shareKeys) {
      if (Number.isFinite(n) && n >= 0 && n <= 1) s[k] = n;
      else bad(shareKeys[k], v, 'not a share between 0 and 1', 0);
    } else if (k === 'longin') {
      if (Number.isFinite(n) && n >= 0 && n <= longMax) s.longin = Math.round(n);
      else bad('long prompt length', v, 'not a token count', 0);
    } else if (k === 'minctx') {
      if (Number.isFinite(n) && n >= 0 && n <= 1e9) s.minctx = n;
      else bad('minimum context', v, 'not a token count', 'no minimum');
    } else if (k === 'minscore') {
      if (Number.isFinite(n) && Math.abs(n) <= 1e6) s.minscore = n;
      else bad('minimum score', v, 'not a number', 'no minimum');
    } else if (k === 'cap') {
      const caps = String(v ?? '').split(',').filter(Boolean);
      const ok = caps.filter((c) => /^[A-Za-z][A-Za-z0-9]{0,40}$/.test(c));
      if (ok.length !== caps.length) bad('capability list', v, 'not readable', 'the readable ones');
      s.cap = [...new Set(ok)].slice(0, 10);
    } else if (k === 'bench' || k === 'sbench' || k === 'prov') {
      if (typeof v === 'string' && /^[A-Za-z0-9._:@/-]{0,80}$/.test(v)) s[k] = v;
      else bad(k === 'prov' ? 'provider' : 'benchmark', v, 'not an id', 'none');
    } else if (k === 'top') {
      if ([10, 25, 50, 100].includes(n)) s.top = n;
      else bad('number of ranked rows', v, 'not 10, 25, 50 or 100', 25);
    } else if (k === 'tool') {
      if (TOOL_VIEWS.includes(v)) s.tool = v;
      else bad('view', v, `not one of ${TOOL_VIEWS.filter(Boolean).join(', ')}`, 'the comparison');
    } else if (k === 'routes') {
      if (v === 'all') s.routes = true;
      else bad('route choice', v, 'not "all"', 'the headline routes');
    } else if (k === 'ow' || k === 'offer') {
      s[k] = v === '1' || v === 'true';
    } else if (k === 'rsort') {
      const m = /^([a-z]+):(ascending|descending)$/.exec(String(v ?? ''));
      if (m) s.rsort = { key: m[1], dir: m[2] };
    } else if (k === 'm') {
      if (typeof v === 'string' && v.trim() && v.length <= 200) {
        if (!s.m.includes(v.trim())) s.m.push(v.trim());
      } else bad('extra model', v, 'not readable', 'nothing');
    } else if (k === 'custom') {
      const c = decodeCustom(v);
      if (c.error) notes.push(`The link's custom prices are ignored: ${c.error}`);
      else s.custom = c.value;
    }
  }
  if (s.cache + s.cwrite > 1) {
    notes.push('The link’s cache hit and write rates add up to more than 100%; both are set to 0.');
    s.cache = 0;
    s.cwrite = 0;
  }
  const most = limits.comparedModels;
  if (s.m.length > most - 2) {
    notes.push(`The link names ${s.m.length} extra models; the comparison takes ${most} in all, so the first ${most - 2} are kept.`);
    s.m = s.m.slice(0, most - 2);
  }
  return { state: s, notes };
}

function enc(v) {
  return encodeURIComponent(v).replace(/%2F/gi, '/').replace(/%40/g, '@').replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

/** This module's state as hash pairs (defaults left out). */
export function toolsHashPairs(s) {
  const out = [];
  if (s.tool) out.push(['tool', s.tool]);
  for (const k of ['cache', 'cwrite', 'batch', 'long']) if (s[k]) out.push([k, String(s[k])]);
  if (s.longin) out.push(['longin', String(s.longin)]);
  if (s.routes) out.push(['routes', 'all']);
  if (s.cap.length) out.push(['cap', s.cap.join(',')]);
  if (s.minctx) out.push(['minctx', String(s.minctx)]);
  if (s.ow) out.push(['ow', '1']);
  if (s.bench) out.push(['bench', s.bench]);
  if (s.minscore !== null && s.bench) out.push(['minscore', String(s.minscore)]);
  if (s.prov) out.push(['prov', s.prov]);
  if (s.offer) out.push(['offer', '1']);
  if (s.top !== 25) out.push(['top', String(s.top)]);
  if (s.rsort) out.push(['rsort', `${s.rsort.key}:${s.rsort.dir}`]);
  for (const id of s.m) out.push(['m', id]);
  const custom = encodeCustom(s.custom);
  if (custom) out.push(['custom', custom]);
  if (s.sbench) out.push(['sbench', s.sbench]);
  return out;
}

/** The page's hash with app.js's keys kept as they are and this module's keys replaced. */
export function mergeHash(current, s) {
  const app = hashPairs(current).filter(([k]) => APP_KEYS.has(k));
  const parts = [];
  // app.js's own text is kept verbatim (it is canonical already)
  for (const part of String(current ?? '').replace(/^#/, '').split('&')) {
    const k = part.split('=')[0];
    if (part && APP_KEYS.has(k)) parts.push(part);
  }
  void app;
  for (const [k, v] of toolsHashPairs(s)) parts.push(`${k}=${enc(v)}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The hash the visitor opened the page with (app.js rewrites the hash before the tools mount). */
function openingHash() {
  try {
    const nav = performance.getEntriesByType('navigation')[0];
    const h = nav ? new URL(nav.name).hash : '';
    return h || location.hash;
  } catch {
    return location.hash;
  }
}

export function mountTools(ctx) {
  const { versus, root } = ctx;
  if (!document.querySelector('link[data-tools-css]')) {
    document.head.append(el('link', { rel: 'stylesheet', href: 'tools.css', dataset: { toolsCss: '1' } }));
  }
  root.classList.add('tools');

  const opening = parseToolsHash(openingHash(), ctx.versus.limits);
  const T = {
    versus,
    ctx,
    fmt,
    state: opening.state,
    meta: null, // {benchmarks, providers, capabilities} once known
    views: {},
    /** The workload of the pair controls plus the details set here. */
    workload() {
      const w = ctx.workload();
      const s = T.state;
      return { ...w, cacheHitRate: s.cache, cacheWriteRate: s.cwrite, batchShare: s.batch, longShare: s.long, longInputTokens: s.longin, allRoutes: s.routes };
    },
    /** The workload details set here, as versus.js workload fields (for app.js to merge into the pair's workload). */
    details() {
      const s = T.state;
      return { cacheHitRate: s.cache, cacheWriteRate: s.cwrite, batchShare: s.batch, longShare: s.long, longInputTokens: s.longin, allRoutes: s.routes };
    },
    /** The models of the N-way comparison: A, B, then the extras (no duplicates). */
    nwayIds() {
      const ids = [];
      for (const id of [...ctx.models(), ...T.state.m]) if (id && !ids.includes(id)) ids.push(id);
      return ids.slice(0, versus.limits.comparedModels);
    },
    writeHash({ push = false } = {}) {
      (push ? pushHash : setHash)(mergeHash(currentHash(), T.state));
    },
    /** Add messages to the status box (the last few stay); `replace` starts afresh. */
    note(messages, { replace = false, kind = 'note' } = {}) {
      const box = T.statusBox;
      if (replace) clear(box);
      // A message is a string or an array of parts (dom.js messageParagraph); `messages` is one or a list.
      for (const m of Array.isArray(messages) ? messages : [messages]) {
        const p = messageParagraph(m, kind === 'error' ? 'error-msg' : 'note-msg');
        if ([...box.children].some((q) => q.textContent === p.textContent)) continue;
        box.append(p);
      }
      while (box.children.length > 16) box.firstElementChild.remove();
    },
    /** Set model A or B of the pair through its own control (app.js owns the pair state). */
    setPairModel(which, id) {
      const input = document.getElementById(which === 'a' ? 'model-a' : 'model-b');
      if (!input) return;
      T.showView(''); // the visitor sees the pair they asked for
      input.value = id;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.scrollIntoView?.({ block: 'center' });
    },
    addModel(id) {
      if (T.nwayIds().includes(id)) return { error: 'That model is already in the comparison.' };
      const most = versus.limits.comparedModels;
      if (T.nwayIds().length >= most) return { error: `The comparison takes at most ${most} models; remove one first.` };
      T.state.m.push(id);
      T.writeHash();
      T.views.nway.render();
      T.refreshCharts();
      return { ok: true };
    },
    removeModel(id) {
      T.state.m = T.state.m.filter((x) => x !== id);
      T.writeHash();
      T.views.nway.render();
      T.refreshCharts();
    },
    /** Everything that depends on the workload or the prices, on the next frame. */
    refreshAll: null,
    refreshCharts: null,
  };

  // layout: each tool is a view of its own (the tabs above the results); the workload details sit under the
  // traffic controls, folded, since they change the pair's figures too.
  T.statusBox = el('div', { className: 'tools-status', role: 'status', 'aria-live': 'polite' });
  // under the view tabs: a crafted link's messages are seen whichever view is open
  (document.getElementById('view-tabs') ?? root).after(T.statusBox);

  T.meta = catalogMeta(versus, ctx);
  T.views.workload = createWorkloadView(T);
  T.views.rank = createRankView(T);
  T.views.nway = createNwayView(T);
  T.views.overrides = createOverridesView(T);
  T.views.charts = createChartsView(T);
  T.views.export = createExportView(T);
  const VIEW_OF = { rank: 'rank', nway: 'nway', charts: 'charts', overrides: 'prices', export: 'export' };
  for (const v of ['rank', 'nway', 'charts', 'overrides', 'export']) {
    T.views[v].section.dataset.view = VIEW_OF[v];
    root.append(T.views[v].section);
  }
  const embed = document.getElementById('embed-root');
  if (embed) root.append(embed); // after the exports, in the same view
  const details = el('details', { className: 'workload-box', id: 'workload-box' },
    el('summary', { id: 'workload-brief', className: 'workload-brief' }), T.views.workload.section);
  document.getElementById('controls')?.after(details);
  T.showView = (tool, { push = false, focus = false } = {}) => {
    T.state.tool = TOOL_VIEWS.includes(tool) ? tool : '';
    document.documentElement.dataset.tool = T.state.tool;
    for (const sec of root.querySelectorAll(':scope > section[data-view]')) sec.hidden = sec.dataset.view !== T.state.tool;
    for (const a of document.querySelectorAll('#view-tabs a[data-tool]')) {
      if (a.dataset.tool === T.state.tool) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (push) T.writeHash({ push: true });
    T.updateTabLinks?.();
    if (focus) (T.state.tool ? root.querySelector(`section[data-view="${T.state.tool}"] h2`) : document.getElementById('pair-title'))?.focus?.({ preventScroll: false });
  };
  const tabs = document.getElementById('view-tabs');
  // Each tab is a real link to its view (a new tab opens it there), kept in step with the state.
  T.updateTabLinks = () => {
    for (const a of tabs?.querySelectorAll('a[data-tool]') ?? []) {
      a.setAttribute('href', new URL(mergeHash(currentHash(), { ...T.state, tool: a.dataset.tool }) || '#', location.href).href);
    }
  };
  if (tabs) {
    T.updateTabLinks();
    tabs.addEventListener('click', (ev) => {
      const a = ev.target.closest('a[data-tool]');
      if (!a) return;
      ev.preventDefault();
      T.showView(a.dataset.tool, { push: true, focus: true });
      T.refreshAll();
    });
    tabs.hidden = false;
  }
  const renderBrief = () => {
    const s = T.state;
    const set = [s.cache && `${fmt.percent(s.cache * 100)} cache hits`, s.cwrite && `${fmt.percent(s.cwrite * 100)} cache writes`,
      s.batch && `${fmt.percent(s.batch * 100)} batch`, s.long && `${fmt.percent(s.long * 100)} long prompts`, s.routes && 'every route may head'].filter(Boolean);
    document.getElementById('workload-brief').textContent = `Workload details${set.length ? `: ${set.join(' · ')}` : ' (cache, batch, long prompts)'}`;
    if (set.length) details.open = true;
  };
  T.renderBrief = renderBrief;
  renderBrief();
  T.showView(T.state.tool);

  // The ranking is drawn in the frame of the change that caused it (its target: one frame); the tier list, the
  // side-by-side table and the charts follow just after that frame is painted.
  T.refreshCharts = coalesce(() => T.views.charts.render(), { afterPaint: true });
  const refreshBelow = coalesce(() => {
    T.views.workload.renderTiers();
    T.views.nway.render();
    T.views.charts.render();
  }, { afterPaint: true });
  const refreshTools = () => {
    renderBrief();
    T.views.workload.renderSummary();
    T.views.rank.render();
    refreshBelow();
  };
  T.refreshAll = coalesce(refreshTools);
  // After a change of the pair's own inputs the pair's figures are painted first; the tools follow.
  const refreshAfterPair = coalesce(refreshTools, { afterPaint: true });

  if (opening.notes.length) T.note(opening.notes);

  // The visitor's prices from the link go in first: the pair view re-renders with them.
  const hadCustom = T.state.custom.prices.length + T.state.custom.models.length > 0;
  if (hadCustom && !T.views.overrides.apply(T.state.custom, { quiet: false })) T.state.custom = { prices: [], models: [] };

  // Extra models from the link that the catalog lacks are dropped with a note.
  const missing = [];
  T.state.m = T.state.m.filter((id) => {
    const r = versus.model(id, ctx.workload());
    if (!r.ok) missing.push(id);
    return r.ok;
  }).map((id) => versus.model(id, ctx.workload()).value.id);
  if (missing.length) T.note([['The catalog has no model ', ...missing.flatMap((x, i) => [...(i ? [', '] : []), echoed(x, 60)]), '; left out of the comparison.']]);

  T.views.workload.render();
  T.views.rank.render();
  T.views.nway.render();
  T.views.charts.render();
  T.writeHash();

  // After every pair re-render app.js rewrites the hash with its keys only: put ours back, refresh.
  ctx.onChange(() => {
    T.writeHash();
    T.updateTabLinks();
    refreshAfterPair();
  });
  // A hash typed or pasted by the visitor: app.js may have rewritten it already, so read the event's newURL.
  window.addEventListener('hashchange', (ev) => {
    let hash = location.hash;
    try {
      hash = new URL(ev.newURL).hash;
    } catch {
      // keep location.hash
    }
    const parsed = parseToolsHash(hash, ctx.versus.limits);
    const customChanged = encodeCustom(parsed.state.custom) !== encodeCustom(T.state.custom);
    T.state = parsed.state;
    T.showView(T.state.tool);
    T.note(parsed.notes, { replace: true });
    setTimeout(() => {
      if (customChanged) T.views.overrides.apply(T.state.custom, { quiet: false });
      T.views.workload.sync();
      T.views.rank.sync();
      T.views.charts.sync();
      T.views.overrides.render();
      T.writeHash();
      T.refreshAll();
    }, 0);
  }, { capture: true });

  return T;
}

/**
 * What the filters need to list: the ten capabilities (from a comparison), and the catalog's benchmarks and
 * providers (from the engine, which has the catalog loaded already).
 */
function catalogMeta(versus, ctx) {
  const meta = { capabilities: [], benchmarks: [], providers: [], ready: null };
  const c = versus.compare(...ctx.models(), ctx.workload());
  if (c.ok) meta.capabilities = c.value.capabilities.map((x) => ({ id: x.id, name: x.name }));
  const lists = versus.lists();
  if (lists.ok) {
    meta.benchmarks = lists.value.benchmarks.map((b) => ({ id: b.id, name: b.name || b.id, unit: b.unit ?? '' }));
    meta.providers = lists.value.providers.map((p) => ({ id: p.id, name: p.name || p.id }));
  } // else the filters offer what the comparisons show
  meta.ready = Promise.resolve(meta);
  return meta;
}
