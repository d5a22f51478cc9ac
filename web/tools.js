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
 *   on=YYYY-MM-DD    every route priced as on that day, by its price history (the engine's workload.on)
 *   reasoning=typical  tier=flex|priority  ttl=1h  region=EU   the real bill (workload.reasoning, tier,
 *                    cacheLifetime, region; options and defaults: versus.limits.workloadChoices, lists().regions)
 *   cap=functionCalling,vision  minctx  ow=1  bench  minscore  prov  offer=1  rsort=key:dir  top=25   ranking
 *   m=ID (repeated)   extra models for the N-way comparison (A and B are always in it)
 *   custom=JSON      the visitor's prices: {"p":[[model,provider,input,output,cacheRead]…],"m":[[name,input,output,context]…]}
 *   sbench=ID        the benchmark of the score-vs-price chart
 * The engine reads and writes these keys (src/url_state.hpp, through web/state.js): a crafted value never
 * reaches a view; it keeps its default and the engine's sentence about it is shown in the status box.
 */
import * as fmt from './format.js';
import { el, clear } from './tools-dom.js';
import { createWorkloadView } from './workload.js';
import { createRankView } from './rank.js';
import { createNwayView } from './nway.js';
import { createOverridesView } from './overrides.js';
import { createChartsView } from './charts.js';
import { createExportView } from './export.js';
import { pageState, updateState, hashAfter, onLinkChange, linkProblems, rootUrl } from './state.js';
import { coalesce, echoed, messageParagraph, INPUT_QUIET_MS } from './dom.js';

/**
 * This module's view of the page state (web/state.js, the engine's shape): the tool view, the workload details,
 * the ranking's filters, the extra models, the visitor's prices and the chart's benchmark, under the names the
 * views use.
 */
export function toolsStateOf(page) {
  const w = page.workload;
  const r = page.rank;
  return {
    tool: page.tool,
    cache: w.cacheHitRate, cwrite: w.cacheWriteRate, batch: w.batchShare, long: w.longShare, longin: w.longInputTokens, routes: w.allRoutes, on: w.on ?? '',
    reasoning: w.reasoning, tier: w.tier, ttl: w.cacheLifetime, region: w.region ?? '',
    cap: r.cap, minctx: r.minctx, ow: r.ow, bench: r.bench, minscore: r.minscore, prov: r.prov, offer: r.offer, rsort: r.rsort, top: r.top,
    m: page.models.slice(2).filter(Boolean),
    custom: { prices: page.custom.prices, models: page.custom.models },
    sbench: page.sbench,
  };
}

/** Put this module's state `s` back into the page state `page` (in place). */
function putToolsState(page, s) {
  page.tool = s.tool;
  Object.assign(page.workload, { cacheHitRate: s.cache, cacheWriteRate: s.cwrite, batchShare: s.batch, longShare: s.long, longInputTokens: s.longin, allRoutes: s.routes, on: s.on,
    reasoning: s.reasoning, tier: s.tier, cacheLifetime: s.ttl, region: s.region });
  page.rank = { cap: s.cap, minctx: s.minctx, ow: s.ow, bench: s.bench, minscore: s.minscore, prov: s.prov, offer: s.offer, rsort: s.rsort, top: s.top };
  page.models = [page.models[0] ?? '', page.models[1] ?? '', ...s.m];
  page.custom = s.custom;
  page.sbench = s.sbench;
}

/** The engine's sentences about this module's keys in a link (the pair's own are app.js's to show). */
const detailNotes = (problems) => problems.filter((p) => p.about !== 'pair').map((p) => p.sentence);

export function mountTools(ctx) {
  const { versus, root } = ctx;
  if (!document.querySelector('link[data-tools-css]')) {
    document.head.append(el('link', { rel: 'stylesheet', href: new URL('tools.css', rootUrl()).href, dataset: { toolsCss: '1' } }));
  }
  root.classList.add('tools');

  const TOOL_VIEWS = versus.limits.toolViews;
  const opening = { state: toolsStateOf(pageState()), notes: detailNotes(linkProblems()) };
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
      return { ...w, cacheHitRate: s.cache, cacheWriteRate: s.cwrite, batchShare: s.batch, longShare: s.long, longInputTokens: s.longin, allRoutes: s.routes, on: s.on,
        reasoning: s.reasoning, tier: s.tier, cacheLifetime: s.ttl, region: s.region };
    },
    /** The models of the N-way comparison: A, B, then the extras (no duplicates). */
    nwayIds() {
      const ids = [];
      for (const id of [...ctx.models(), ...T.state.m]) if (id && !ids.includes(id)) ids.push(id);
      return ids.slice(0, versus.limits.comparedModels);
    },
    writeHash({ push = false } = {}) {
      updateState((page) => putToolsState(page, T.state), { push });
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
      T.draw('nway');
      T.refreshCharts();
      return { ok: true };
    },
    removeModel(id) {
      T.state.m = T.state.m.filter((x) => x !== id);
      T.writeHash();
      T.draw('nway');
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
  // index.html holds the box (its place kept from the first paint, so that the figures below it do not move down).
  const details = document.getElementById('workload-box');
  details.append(T.views.workload.section);
  // A view is drawn only while it is shown (a phone pays for nothing off screen): a change marks a hidden view
  // stale and showing it draws it. The workload box's answers likewise wait for the box to be unfolded.
  const stale = new Set();
  const DRAW = {
    rank: () => T.views.rank.render(),
    nway: () => T.views.nway.render(),
    charts: () => T.views.charts.render(),
    workload: () => {
      T.views.workload.renderBreakEven();
      T.views.workload.renderTiers();
    },
  };
  const shown = (name) => (name === 'workload' ? details.open : T.state.tool === name);
  T.draw = (name) => {
    if (!shown(name)) return void stale.add(name);
    stale.delete(name);
    DRAW[name]();
  };
  /** A view's answer is needed though it is hidden (an export of the ranking): draw it now if it is stale. */
  T.fresh = (name) => {
    if (stale.delete(name)) DRAW[name]();
  };
  const drawStale = () => {
    for (const name of [...stale]) if (shown(name)) T.draw(name);
  };
  details.addEventListener('toggle', drawStale);
  T.showView = (tool, { push = false, focus = false } = {}) => {
    T.state.tool = TOOL_VIEWS.includes(tool) ? tool : '';
    document.documentElement.dataset.tool = T.state.tool;
    for (const sec of root.querySelectorAll(':scope > section[data-view]')) sec.hidden = sec.dataset.view !== T.state.tool;
    for (const a of document.querySelectorAll('#view-tabs a[data-tool]')) {
      if (a.dataset.tool === T.state.tool) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    drawStale();
    if (push) T.writeHash({ push: true });
    T.updateTabLinks?.();
    if (focus) (T.state.tool ? root.querySelector(`section[data-view="${T.state.tool}"] h2`) : document.getElementById('pair-title'))?.focus?.({ preventScroll: false });
  };
  const tabs = document.getElementById('view-tabs');
  // Each tab is a real link to its view (a new tab opens it there), kept in step with the state.
  T.updateTabLinks = () => {
    for (const a of tabs?.querySelectorAll('a[data-tool]') ?? []) {
      a.setAttribute('href', new URL(hashAfter((page) => putToolsState(page, { ...T.state, tool: a.dataset.tool })), location.href).href);
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
  document.documentElement.dataset.tools = 'mounted'; // the stylesheet shows the placeholders' contents
  const choice = (field) => versus.limits.workloadChoices?.[field]?.default;
  // The one line when nothing is set: the page's own (index.html), which holds the box's place before the tools mount.
  const plainBrief = document.getElementById('workload-brief').textContent.trim();
  const renderBrief = () => {
    const s = T.state;
    const set = [s.cache && `${fmt.percent(s.cache * 100)} cache hits`, s.cwrite && `${fmt.percent(s.cwrite * 100)} cache writes`,
      s.batch && `${fmt.percent(s.batch * 100)} batch`, s.long && `${fmt.percent(s.long * 100)} long prompts`, s.routes && 'every route may head',
      s.reasoning !== choice('reasoning') && `${s.reasoning} reasoning`, s.tier !== choice('tier') && `${s.tier} tier`,
      s.ttl !== choice('cacheLifetime') && `${s.ttl} cache writes`, s.region && `in ${s.region}`].filter(Boolean);
    // The summary names what a link set; the box stays folded so the bill keeps its place on the first screen.
    document.getElementById('workload-brief').textContent = set.length ? `Workload details: ${set.join(' · ')}` : plainBrief;
  };
  T.renderBrief = renderBrief;
  renderBrief();
  T.showView(T.state.tool);

  // A change made in the tools draws the ranking in its own frame (its target: one frame); the tier list, the
  // side-by-side table and the charts follow just after that frame is painted. Views not shown are only marked.
  T.refreshCharts = coalesce(() => T.draw('charts'), { afterPaint: true });
  const refreshBelow = coalesce(() => {
    T.draw('workload');
    T.draw('nway');
    T.draw('charts');
  }, { afterPaint: true });
  // The summaries are a line of text each; the views and the tab links (each a formatState call) are the work.
  const renderSummaries = () => {
    renderBrief();
    T.views.workload.renderSummary();
  };
  const refreshViews = () => {
    T.updateTabLinks();
    T.draw('rank');
    refreshBelow();
  };
  T.refreshAll = coalesce(() => {
    renderSummaries();
    refreshViews();
  });
  // After a change of the pair's own inputs the pair's figures are painted first; the views follow once the
  // inputs rest (a drag of the slider redraws them once, at its end).
  const refreshAfterPair = coalesce(refreshViews, { afterPaint: true, quietMs: INPUT_QUIET_MS });

  if (opening.notes.length) T.note(opening.notes);

  // The visitor's prices from the link go in first: the pair view re-renders with them.
  const hadCustom = T.state.custom.prices.length + T.state.custom.models.length > 0;
  if (hadCustom && !T.views.overrides.apply(T.state.custom, { quiet: false })) T.state.custom = { prices: [], models: [] };

  // Extra models from the link that the catalog lacks are dropped with a note.
  const missing = [];
  T.state.m = T.state.m.flatMap((id) => {
    const r = versus.resolve(id);
    if (r.ok && !r.value.guess) return [r.value.id];
    missing.push(id);
    return [];
  });
  if (missing.length) T.note([['The catalog has no model ', ...missing.flatMap((x, i) => [...(i ? [', '] : []), echoed(x, 60)]), '; left out of the comparison.']]);

  T.views.workload.render();
  T.draw('rank');
  T.draw('nway');
  T.draw('charts');
  T.writeHash();

  // After every pair re-render app.js rewrites the hash with its keys only: put ours back, refresh.
  ctx.onChange(() => {
    T.writeHash();
    renderSummaries();
    refreshAfterPair();
  });
  // A link the visitor opens or types (web/state.js has read it; app.js has drawn the pair already).
  onLinkChange((link) => {
    const parsed = toolsStateOf(link.state);
    const customChanged = JSON.stringify(parsed.custom) !== JSON.stringify(T.state.custom);
    T.state = parsed;
    T.showView(T.state.tool);
    T.note(detailNotes(link.problems), { replace: true });
    setTimeout(() => {
      if (customChanged) T.views.overrides.apply(T.state.custom, { quiet: false });
      T.views.workload.sync();
      T.views.rank.sync();
      T.views.charts.sync();
      T.views.overrides.render();
      T.writeHash();
      T.refreshAll();
    }, 0);
  });

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
