// pair-view.js — the pair page's figures and tables (the cards, the gaps, the input-price sentence, the provider
// overlap and table, specs, capabilities, benchmarks), drawn from a Comparison (versus.compare, docs/engine-api.md).
// The page (app.js) draws with it in the browser and scripts/build-pages.mjs at build time (over jsdom), so a
// static page and the live one are the same drawing. Everything goes in as text; nothing here reads the URL,
// the engine or the clock.
//
// A view is {a, b, ratio, req, in, out} (the pair and the traffic the comparison was made at; a and b name a
// model the comparison lacks), plus, for the provider table, {sort: {key, dir}, showAllRoutes, allRoutes,
// belowMakerPriceMargin} (versus.limits.routes), and `region` (the workload's region, '' or absent for anywhere).
import * as fmt from './format.js';
import { el, clear, showView, updateText, redrawInPlace, redrawParts, partKey, sourced, sourceText, replaceSources, factText, offerCells, drawnFrom, reasoningNote, lifecycleNote } from './dom.js';
import { renderPairProse, pairVerdict } from './pair-prose.js';

const $ = (id) => document.getElementById(id);

let view = null; // the view being drawn (set by each exported function)

function modelName(c, i) {
  return c.models[i]?.name ?? (i ? view.b : view.a);
}

function shareLabel() {
  const i = Math.round(view.ratio * 100);
  return `${i}/${100 - i}`;
}

/** The input prices compared, in the engine's sentence (comparison.price.inputSentence). */
function renderVerdict(c) {
  redrawInPlace($('price-sentence'), (box) => box.append(el('span', { dataset: { figure: 'input-wording' }, text: c.price.inputSentence ?? '' })));
}

function figure(label, value, name, fact) {
  const dd = el('dd', { dataset: { figure: name } });
  sourced(dd, value, fact);
  return [el('dt', { text: label }), dd];
}

/**
 * A model's card, drawn in parts (dom.js redrawParts): a slider step redraws its blended row and the note naming the
 * blended route, not the card. Each part's key is everything the part is drawn from.
 */
function renderCard(node, m, i, sources) {
  const letter = i ? 'B' : 'A';
  const route = m.cheapest;
  // The card's sources: its creator's and its headline route's (every figure's route is that one, or the blended's).
  if (m.creator?.value && sourceText(m.creator)) sources.add(m.creator);
  if (route) sources.add(route);
  const bestBlended = m.blended && route && m.blended.route?.provider?.id !== route.provider.id ? m.blended.route : null;
  redrawParts(node, [
    [partKey(letter, m.name, m.creator), (card) => {
      const head = el('header');
      head.append(el('span', { className: 'badge', text: letter, 'aria-hidden': 'true' }),
        el('h3', { id: `card-${letter.toLowerCase()}-name`, text: m.name }));
      if (m.creator?.value) head.append(sourced(el('p', { className: 'creator' }), `by ${m.creator.value}`, m.creator));
      card.append(head);
    }],
    ['figures', (card) => card.append(el('dl', { className: 'figures' }))], // its rows: below
    [partKey(m.reasoning, view.region, Boolean(m.monthly), m.pricedRoutes, m.name, m.estimate), (card) => {
      // Beside the monthly figure: the bill on the other reasoning basis, and where the reasoning ratio comes from.
      const reasoning = reasoningNote(m);
      if (reasoning) card.append(reasoning);
      // A region asked for that none of the model's priced routes is in (or priced for): why there is no figure.
      if (view.region && !m.monthly && m.pricedRoutes > 0) {
        card.append(el('p', { className: 'note region-note', dataset: { figure: 'region-none' },
          text: `No monthly figure in ${view.region}: none of ${m.name}'s priced routes is in ${view.region} or priced for it.` }));
      }
      card.append(el('p', { className: 'note estimate', dataset: { figure: 'estimate' }, text: fmt.estimateSentence(m.estimate) }));
    }],
    [partKey(bestBlended), (card) => {
      if (bestBlended) card.append(el('p', { className: 'note', text: `Best blended price is at ${fmt.routeName(bestBlended)}.` }));
    }],
  ]);
  const rows = [
    ['Monthly cost', m.monthly ? fmt.usd(m.monthly.cost) : 'unknown', 'monthly', m.monthly?.route],
    [`Blended price at ${shareLabel()}`, m.blended ? fmt.perMillion(m.blended.price) : 'unknown', 'blended', m.blended?.route],
    // The headline route (src/routes.hpp): the cheapest from a lab, cloud, host or gateway, said with its type.
    ['Headline route', route ? fmt.routeWithType(route) : 'none priced', 'route', route],
    ['Input price', route ? fmt.perMillion(route.input) : fmt.UNKNOWN, 'input', route],
    ['Output price', route ? fmt.perMillion(route.output) : fmt.UNKNOWN, 'output', route],
    ['Providers', `${fmt.integer(m.routes)} tracked, ${fmt.integer(m.pricedRoutes)} priced`, 'routes'],
  ];
  redrawParts(node.querySelector(':scope > dl.figures'), rows.map((row) => [partKey(...row), (dl) => dl.append(...figure(...row))]));
}

/** The gap lines: [label, name, value, detail] each, drawn in parts (a slider step changes the blended gap only). */
function renderGaps(c) {
  const p = c.price;
  const who = (delta) => (delta > 0 ? modelName(c, 1) : modelName(c, 0));
  const lines = [];
  if (fmt.known(p.monthlyGap)) {
    const detail = p.monthlyGap === 0 ? '— the same a month'
      : `a month more for ${who(p.monthlyGap)}${fmt.known(p.monthlyRatio) ? ` (${fmt.times(p.monthlyRatio)} the cost)` : ''}`;
    lines.push(['Monthly gap', 'monthly-gap', fmt.usd(Math.abs(p.monthlyGap)), detail]);
  } else lines.push(['Monthly gap', 'monthly-gap', 'unknown', '— a monthly cost is missing']);
  if (fmt.known(p.blendGap)) {
    lines.push([`Blended gap at ${shareLabel()}`, 'blend-gap', fmt.perMillion(Math.abs(p.blendGap)),
      p.blendGap === 0 ? '— the same' : `higher for ${who(p.blendGap)}`]);
  } else lines.push([`Blended gap at ${shareLabel()}`, 'blend-gap', 'unknown']);
  if (fmt.known(p.outputDelta)) {
    lines.push(['Output price gap', 'output-gap', fmt.perMillion(Math.abs(p.outputDelta)),
      p.outputDelta === 0 ? '— the same' : `higher for ${who(p.outputDelta)}`]);
  } else lines.push(['Output price gap', 'output-gap', 'unknown']);
  redrawParts($('gaps'), lines.map((line) => [partKey(...line), (dl) => {
    const [label, name, value, detail] = line;
    const dd = el('dd', { dataset: { figure: name } });
    dd.append(el('strong', { text: value }));
    if (detail) dd.append(` ${detail}`);
    dl.append(el('dt', { text: label }), dd);
  }]));
}

const OVERLAP_NAMES = 12;
function renderOverlap(c) {
  const box = clear($('overlap'));
  // At most a dozen names a list (GPT OSS 120B has 60 routes): the table below has every one.
  const names = (list) => (list.length > OVERLAP_NAMES
    ? `${list.slice(0, OVERLAP_NAMES - 2).map((p) => p.name).join(', ')} and ${fmt.integer(list.length - OVERLAP_NAMES + 2)} more`
    : list.map((p) => p.name).join(', '));
  const pr = c.providers;
  const bits = [];
  bits.push(pr.shared.length ? ['Both models are on ', names(pr.shared), '.'] : ['No provider serves both models.']);
  if (pr.onlyA.length) bits.push([` Only ${modelName(c, 0)}: `, names(pr.onlyA), '.']);
  if (pr.onlyB.length) bits.push([` Only ${modelName(c, 1)}: `, names(pr.onlyB), '.']);
  for (const [lead, strong, end] of bits) {
    box.append(lead);
    if (strong) box.append(el('strong', { dataset: { figure: lead.startsWith('Both') ? 'shared-providers' : undefined }, text: strong }), end);
  }
}

/** Routes per model the pair's provider table lists before "Show all" (besides the headline and the maker's). */
const ROUTES_SHOWN = 4;

const OFFER_COLUMNS = [
  { key: 'model', label: 'Model', get: (r) => r.modelName, text: true },
  { key: 'provider', label: 'Provider', get: (r) => fmt.routeName(r.o), text: true },
  { key: 'input', label: 'Input / 1M', get: (r) => r.o.input, fmt: fmt.usd },
  { key: 'output', label: 'Output / 1M', get: (r) => r.o.output, fmt: fmt.usd },
  { key: 'blended', label: 'Blended / 1M', get: (r) => r.o.blended, fmt: fmt.usd },
  { key: 'monthly', label: 'Monthly', get: (r) => r.o.monthly, fmt: fmt.usd },
  { key: 'context', label: 'Context', get: (r) => r.o.context, fmt: fmt.tokens },
];

function drawOffers(c) {
  const { showAllRoutes, sort } = view;
  const table = $('offers');
  const headRow = clear(table.tHead.rows[0]);
  for (const col of OFFER_COLUMNS) {
    const th = el('th', { scope: 'col', 'aria-sort': sort.key === col.key ? sort.dir : 'none' });
    const btn = el('button', { type: 'button', className: 'sort', dataset: { key: col.key }, text: col.label });
    btn.append(el('span', { className: 'arrow', 'aria-hidden': 'true', text: sort.key === col.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : '' }));
    th.append(btn);
    headRow.append(th);
  }
  headRow.append(el('th', { scope: 'col', text: 'Source' }));

  let rows = [];
  c.models.forEach((m, i) => m.offers.forEach((o, j) => rows.push({ o, i, j, modelName: m.name, cheapest: o.headline })));
  const all = rows;
  // The routes that matter, until the visitor asks for all: per model, the headline route, the maker's own and
  // the first few of the engine's order (routes that may head, cheapest first).
  if (!showAllRoutes) rows = rows.filter(isMainRoute);
  const more = $('offers-all');
  more.hidden = rows.length === all.length && !showAllRoutes;
  more.setAttribute('aria-expanded', String(showAllRoutes));
  more.textContent = showAllRoutes ? `Show the main routes only (${fmt.integer(rows.length === all.length ? mainRouteCount(all) : rows.length)})` : `Show all ${fmt.integer(all.length)} routes`;
  if (sort.key) {
    const col = OFFER_COLUMNS.find((x) => x.key === sort.key);
    const dir = sort.dir === 'ascending' ? 1 : -1;
    rows = rows.slice().sort((x, y) => {
      const a = col.get(x);
      const b = col.get(y);
      const ua = a === null || a === undefined;
      const ub = b === null || b === undefined;
      if (ua || ub) return ua === ub ? x.i - y.i || x.j - y.j : ua ? 1 : -1; // unknown always last
      const d = col.text ? String(a).localeCompare(String(b)) : a - b;
      return d * dir || x.i - y.i || x.j - y.j;
    });
  }
  const body = clear(table.tBodies[0]);
  const sources = new Set();
  for (const r of rows) {
    const tr = el('tr', { className: `${r.i ? 'row-b' : 'row-a'}${r.cheapest ? ' cheapest' : ''}`, dataset: { model: c.models[r.i].id, provider: r.o.provider.id } });
    tr.append(el('td', {}, el('span', { className: 'badge small', 'aria-hidden': 'true', text: r.i ? 'B' : 'A' }), ' ', r.modelName),
      ...offerCells(r.o, sources));
    body.append(tr);
  }
  if (!rows.length) body.append(el('tr', {}, el('td', { colspan: OFFER_COLUMNS.length + 1, text: 'No provider offers tracked.' })));
  const flagged = all.filter((r) => r.o.flag).length;
  const margin = `${fmt.num(view.belowMakerPriceMargin * 100, 1)}%`; // a threshold: "10%"
  $('offers-note').textContent = flagged
    ? `${fmt.integer(flagged)} route${flagged === 1 ? ' is' : 's are'} flagged (a reseller, or a price more than ${margin} under the maker's own or far below the median route): listed, but not used for the headline figures${view.allRoutes ? ' unless you let them in, as Workload details does now' : '; Workload details can let them in'}.`
    : '';
}

/**
 * The lifecycle warnings under the cards: each model that is (or has a route that is) deprecated or retiring, in
 * the engine's sentence, with links to its successor. A full comparison's field (pairFigures has none): drawn with
 * the sections, so a slider's figures leave the warnings as they are.
 */
function renderLifecycle(c, links = {}) {
  const box = $('lifecycle-notes');
  if (!box) return;
  clear(box);
  for (const m of c.models) {
    const note = lifecycleNote(m, links);
    if (note) box.append(note);
  }
  box.hidden = !box.children.length;
}

/** A route the table lists before "Show all": the headline, the maker's own, or among the first few. */
function isMainRoute(r) {
  return r.j < ROUTES_SHOWN || r.cheapest || r.o.maker;
}

function mainRouteCount(rows) {
  return rows.filter(isMainRoute).length;
}

function headRow(table, first, c) {
  clear(table.tHead).append(el('tr', {}, el('th', { scope: 'col', text: first }),
    el('th', { scope: 'col', text: modelName(c, 0) }), el('th', { scope: 'col', text: modelName(c, 1) })));
}

function renderSpecs(c) {
  const table = $('specs');
  headRow(table, 'Specification', c);
  const body = clear(table.tBodies[0]);
  const sources = new Set();
  for (const s of c.specs) {
    const tr = el('tr', { dataset: { spec: s.id } }, el('th', { scope: 'row', text: s.label }));
    for (const side of ['a', 'b']) {
      const f = s[side];
      tr.append(sourced(el('td'), factText(s.id, f?.value), f, sources));
    }
    body.append(tr);
  }
  replaceSources(table.closest('section'), sources);
}

function renderCaps(c) {
  const table = $('caps');
  headRow(table, 'Capability', c);
  const body = clear(table.tBodies[0]);
  for (const cap of c.capabilities) {
    const tr = el('tr', { className: cap.differs ? 'differs' : '', dataset: { cap: cap.id } }, el('th', { scope: 'row', text: cap.name }));
    for (const side of ['a', 'b']) {
      const v = cap[side];
      tr.append(el('td', { className: `yn ${v === true ? 'yes' : v === false ? 'no' : 'unknown'}`, text: fmt.yesNo(v) }));
    }
    body.append(tr);
  }
}

function renderBench(c) {
  const b = c.benchmarks;
  const table = $('bench');
  clear(table.tHead).append(el('tr', {}, el('th', { scope: 'col', text: 'Benchmark' }),
    el('th', { scope: 'col', text: modelName(c, 0) }), el('th', { scope: 'col', text: modelName(c, 1) }),
    el('th', { scope: 'col', text: 'Gap (points)' })));
  const body = clear(table.tBodies[0]);
  for (const s of b.shared) {
    const unit = s.unit === '%' ? '%' : '';
    const tr = el('tr', { dataset: { bench: s.id } }, el('th', { scope: 'row', text: s.name }));
    tr.append(el('td', { className: 'num', text: `${fmt.score(s.a)}${unit}` }), el('td', { className: 'num', text: `${fmt.score(s.b)}${unit}` }));
    const lead = s.leader === 0 || s.leader === 1 ? modelName(c, s.leader) : null;
    tr.append(el('td', { className: 'num', dataset: { figure: 'gap' }, text: lead ? `${fmt.score(Math.abs(s.gap))} — ${lead} leads` : `${fmt.score(Math.abs(s.gap ?? 0))} — tie` }));
    body.append(tr);
  }
  if (!b.shared.length) body.append(el('tr', {}, el('td', { colspan: 4, text: 'No benchmark scores both models have.' })));
  const sum = clear($('bench-summary'));
  if (b.largestGap) {
    const lead = b.largestGap.leader === 0 || b.largestGap.leader === 1 ? modelName(c, b.largestGap.leader) : null;
    sum.append('Largest gap: ', el('strong', { dataset: { figure: 'largest-gap' }, text: `${fmt.score(Math.abs(b.largestGap.gap))} points on ${b.largestGap.name}` }),
      lead ? `, ${lead} ahead.` : '.');
  } else sum.append(b.shared.length ? 'No gap between the shared scores.' : 'The two models share no benchmark.');
  const only = clear($('bench-only'));
  const list = (arr) => arr.map((x) => `${x.name} ${fmt.score(x.value)}`).join(', ');
  if (b.onlyA.length) only.append(`Only ${modelName(c, 0)} has: ${list(b.onlyA)}. `);
  if (b.onlyB.length) only.append(`Only ${modelName(c, 1)} has: ${list(b.onlyB)}.`);
}


/** The figures an input names: the input-price sentence, both cards, the gaps, the traffic line, the title. */
export function renderPairFigures(c, v) {
  view = v;
  renderVerdict(c);
  const sources = new Set();
  renderCard($('card-a'), c.models[0], 0, sources);
  renderCard($('card-b'), c.models[1], 1, sources);
  renderGaps(c);
  updateText($('traffic-line'), `${fmt.integer(v.req)} requests × (${fmt.integer(v.in)} input + ${fmt.integer(v.out)} output tokens) = ${fmt.tokens(v.req * v.in)} input and ${fmt.tokens(v.req * v.out)} output tokens a month.`);
  replaceSources($('cost-h').closest('section'), sources);
  const title = `${modelName(c, 0)} vs ${modelName(c, 1)} — Versus`;
  if (document.title !== title) document.title = title;
  updateText($('ratio-value'), fmt.ratioLabel(v.ratio));
  showView('pair');
}

/** The provider table alone (a sort or "Show all" changes only it). */
export function renderOffers(c, v) {
  view = v;
  drawOffers(c);
}

// Sections whose data did not change keep their DOM: a ratio or traffic change redraws the figures, not the
// specifications, capabilities and benchmarks (less to build and less to lay out within the frame). One record
// per drawn page (its #results), so that a build drawing many pages in turn draws each.
const drawnIn = new WeakMap();
function redraw(section, data, draw) {
  const page = $('results');
  if (!drawnIn.has(page)) drawnIn.set(page, { specs: drawnFrom(), caps: drawnFrom(), bench: drawnFrom() });
  if (drawnIn.get(page)[section].changed(JSON.stringify(data))) draw();
}

/**
 * Everything of the pair view below the figures: providers, tables, prose. `links`: {modelHref(id), pairHref(a, b),
 * suggestions(id, exclude)} (see pair-prose.js).
 */
export function renderPairSections(c, v, links) {
  for (const step of pairSectionSteps(c, v, links)) step();
}

/**
 * renderPairSections in steps, each drawing some of the sections (in page order), so that a caller can run them a
 * task apart and let an input in between (app.js drawRest); the last one clears aria-busy on #results.
 */
export function pairSectionSteps(c, v, links) {
  const names = c.models.map((m) => [m.id, m.name]);
  const step = (draw) => () => {
    view = v; // the figures may have been drawn in between, at the same state (else the caller stops)
    draw();
  };
  return [
    step(() => {
      renderLifecycle(c, links);
      renderOverlap(c);
      drawOffers(c);
    }),
    step(() => {
      redraw('specs', [names, c.specs], () => renderSpecs(c));
      redraw('caps', [names, c.capabilities], () => renderCaps(c));
      redraw('bench', [names, c.benchmarks], () => renderBench(c));
    }),
    step(() => {
      renderPairProse(c, links);
      $('results').removeAttribute('aria-busy');
    }),
  ];
}

/** The pair in one sentence for search results and link previews: both monthly costs, then the engine's verdict. */
export function pairDescription(c, v) {
  const cost = (m) => (m.monthly ? fmt.usd(m.monthly.cost) : 'an unknown amount');
  const [A, B] = c.models;
  const lead = `${A.name} vs ${B.name}: ${cost(A)} vs ${cost(B)} a month for ${fmt.integer(v.req)} requests of ${fmt.integer(v.in)} input + ${fmt.integer(v.out)} output tokens, at each model's cheapest route.`;
  return fmt.clip(`${lead} ${pairVerdict(c)}`);
}

