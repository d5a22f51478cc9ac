// model-page.js — the single-model page (seed 004) for any catalog model: the engine's analysis
// (`versus.model(id, workload).value.analysis`, docs/prose.md) with every metric labelled against its peer
// class median, the summary paragraphs, the providers table, specs, capabilities, benchmarks, a
// "compare with …" picker and suggested comparisons; in the providers table, each route's price over time and how
// old its price is. Everything goes in as text.
import * as fmt from './format.js';
import { el, svg, clear, showView, sourced, replaceSources, factText, attribution, sourceList, offerCells, renderFaq, reasoningNote, lifecycleNote } from './dom.js';

const $ = (id) => document.getElementById(id);
const UNKNOWN_VALUE = 'unknown';

const cap1 = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const seconds = (v) => (fmt.known(v) ? `${fmt.num(v, 2)} s` : UNKNOWN_VALUE);
const perM = (v) => (fmt.known(v) ? fmt.perMillion(v) : UNKNOWN_VALUE);

/** How each metric's value, and its class median, read. */
const METRICS = [
  { key: 'intelligenceIndex', title: 'Intelligence index', unit: (v) => fmt.num(v, 1), sub: 'Artificial Analysis Intelligence Index' },
  { key: 'outputSpeed', title: 'Output speed', unit: (v) => `${fmt.num(v, 1)} tokens/s`, sub: 'output tokens per second' },
  { key: 'timeToFirstToken', title: 'Time to first token', unit: seconds, sub: 'seconds until the first token' },
  { key: 'endToEnd', title: 'End-to-end, 500 tokens', unit: seconds, sub: 'first token + reasoning + 500 tokens of output' },
  { key: 'inputPrice', title: 'Input price', unit: perM, sub: 'median across providers' },
  { key: 'outputPrice', title: 'Output price', unit: perM, sub: 'median across providers' },
  { key: 'blendedPrice', title: 'Blended price (3:1)', unit: perM, sub: '(3 × input + output) ÷ 4 of the median prices' },
  { key: 'context', title: 'Context window', unit: (v) => `${fmt.tokens(v)} tokens`, sub: 'tokens in one request' },
  { key: 'verbosity', title: 'Verbosity', unit: (v) => `${fmt.num(v, 1)}M tokens`, sub: 'output tokens used to run the Intelligence Index' },
  { key: 'indexCost', title: 'Cost to run the index', unit: (v) => fmt.usd(v), sub: 'the Intelligence Index at Artificial Analysis\' list price' },
];

function className(pc) {
  return pc ? String(pc.name || pc.id || '').trim() : '';
}

/** The class-median line of a metric: "Faster than average — class median 67.9 tokens/s across 4 models". */
function peerLine(metric, spec, pc, note) {
  const p = el('p', { className: `metric-peer ${metric?.direction ?? 'none'}` });
  if (!pc) {
    p.textContent = note ? `No peer class: ${note}` : 'No peer class for this model.';
    return p;
  }
  const median = metric && fmt.known(metric.peerMedian) ? spec.unit(metric.peerMedian) : null;
  const count = metric && fmt.known(metric.peerCount) ? metric.peerCount : 0;
  if (!median || count < 2) {
    p.textContent = 'No class median: fewer than two models of its class have this figure.';
    return p;
  }
  const lead = metric.label ? `${cap1(metric.label)} — ` : 'Not compared (this model\'s figure is unknown) — ';
  p.append(lead, el('span', { className: 'median', dataset: { figure: 'peer-median' }, text: `class median ${median}` }),
    ` across ${fmt.integer(count)} ${count === 1 ? 'model' : 'models'} of its class`);
  return p;
}

function metricCard(spec, metric, pc, note) {
  const known = metric && fmt.known(metric.value);
  const card = el('article', { className: `metric${known ? '' : ' is-unknown'}`, dataset: { metric: spec.key } });
  card.append(el('h3', { text: spec.title }));
  card.append(el('p', { className: 'metric-sub', text: spec.key === 'intelligenceIndex' && metric?.name ? metric.name : spec.sub }));
  const value = el('p', { className: 'metric-value', dataset: { figure: spec.key } });
  sourced(value, known ? spec.unit(metric.value) : UNKNOWN_VALUE, metric?.source ? metric : null);
  // `sourced` appends the attribution inside the value; move it to its own line for readability.
  const attr = value.querySelector('.attr');
  if (attr) attr.remove();
  card.append(value);

  const extra = el('p', { className: 'metric-extra' });
  if (spec.key === 'endToEnd' && metric) {
    // A reasoning model whose first streamed token is its first answer token: the wait holds its reasoning.
    const whole = !fmt.known(metric.reasoningTime) && fmt.known(metric.timeToFirstAnswerToken);
    const parts = [
      whole ? `${seconds(metric.timeToFirstAnswerToken)} to the first answer token (reasoning included)`
        : `${seconds(metric.timeToFirstToken)} to the first token`,
      whole ? null : fmt.known(metric.reasoningTime) ? `${seconds(metric.reasoningTime)} reasoning` : 'reasoning time not sourced',
      `${seconds(metric.generation)} generating ${fmt.integer(metric.outputTokens ?? 500)} tokens`,
    ].filter(Boolean);
    extra.append(parts.join(' + '));
    extra.dataset.figure = 'end-to-end-parts';
  } else if ((spec.key === 'inputPrice' || spec.key === 'outputPrice') && metric) {
    if (fmt.known(metric.cheapest)) {
      extra.append('Cheapest ', el('strong', { text: fmt.perMillion(metric.cheapest) }),
        metric.cheapestProvider?.name ? ` at ${metric.cheapestProvider.name}` : '');
    } else extra.append('Cheapest: unknown');
  } else if (spec.key === 'verbosity' && metric && fmt.known(metric.answerMillionTokens)) {
    // The hidden reasoning is most of a reasoning model's output: say how the run splits.
    extra.append(fmt.known(metric.reasoningMillionTokens) && metric.reasoningMillionTokens > 0
      ? `${fmt.num(metric.answerMillionTokens, 1)}M answer + ${fmt.num(metric.reasoningMillionTokens, 1)}M reasoning tokens`
      : `${fmt.num(metric.answerMillionTokens, 1)}M answer tokens, no reasoning`);
    extra.dataset.figure = 'verbosity-parts';
  } else if (spec.key === 'context' && metric && fmt.known(metric.a4Pages)) {
    extra.append(`≈ ${fmt.integer(metric.a4Pages)} A4 pages (${fmt.integer(metric.tokensPerA4Page ?? 667)} tokens a page)`);
    extra.dataset.figure = 'a4-pages';
  }
  if (extra.childNodes.length) card.append(extra);
  // How the figure was measured, where the source says (Artificial Analysis' setting: "Max Effort" thinks for minutes).
  const setting = /(?:^|; )setting: (.+?), best of \d+/.exec(metric?.note ?? '');
  if (setting) {
    card.append(el('p', { className: 'metric-note', dataset: { figure: 'setting' }, text: `Measured at ${setting[1]}, the best-scoring setting Artificial Analysis ran.` }));
  }
  card.append(peerLine(metric, spec, pc, note));
  const a = attribution(metric);
  if (a) card.append(el('p', { className: 'metric-attr' }, a));
  return card;
}

function providersCard(p) {
  const card = el('article', { className: 'metric', dataset: { metric: 'providers' } });
  card.append(el('h3', { text: 'API providers' }), el('p', { className: 'metric-sub', text: 'live providers in the catalog' }));
  card.append(el('p', { className: 'metric-value', dataset: { figure: 'providers' }, text: p && fmt.known(p.providers) ? fmt.integer(p.providers) : UNKNOWN_VALUE }));
  if (p) card.append(el('p', { className: 'metric-extra', text: `${fmt.integer(p.liveRoutes ?? 0)} live routes, ${fmt.integer(p.pricedRoutes ?? 0)} priced` }));
  return card;
}

function monthlyCard(m, state) {
  const card = el('article', { className: 'metric', dataset: { metric: 'monthly' } });
  card.append(el('h3', { text: 'Monthly cost at your traffic' }),
    el('p', { className: 'metric-sub', text: `${fmt.integer(state.req)} requests × (${fmt.integer(state.in)} in + ${fmt.integer(state.out)} out)` }));
  const v = el('p', { className: 'metric-value', dataset: { figure: 'monthly' } });
  sourced(v, m.monthly ? fmt.usd(m.monthly.cost) : UNKNOWN_VALUE, m.monthly?.route);
  card.append(v);
  const region = state.region;
  card.append(el('p', { className: 'metric-extra', text: m.monthly?.route ? `Cheapest live route: ${fmt.routeName(m.monthly.route)}`
    : region && m.pricedRoutes > 0 ? `No priced route in ${region} or priced for it` : 'No priced live route in the catalog' }));
  // Beside the monthly figure: the bill on the other reasoning basis, and where the reasoning ratio comes from.
  const reasoning = reasoningNote(m);
  if (reasoning) card.append(reasoning);
  if (m.estimate) card.append(el('p', { className: 'metric-note', dataset: { figure: 'estimate' }, text: fmt.estimateSentence(m.estimate) }));
  return card;
}

// The price-history chart's box (viewBox units) and inner margins: room for the dated axis ends below.
const HISTORY_W = 240;
const HISTORY_H = 76;
const HISTORY_M = { l: 4, r: 4, t: 6, b: 18 };
const DAY_MS = 86400000;

/** A history point's one day and the word that says what it means (engine-api.md: from, until or seen). */
const pointDay = (p) => ['from', 'until', 'seen'].map((k) => (p[k] ? { word: k, day: p[k] } : null)).find(Boolean);
const dayMs = (day) => Date.parse(`${day}T00:00:00Z`);
const dayText = (ms) => new Date(ms).toISOString().slice(0, 10);

/** "until 2026-08-17: $0.14 in / $0.28 out (genai)", one point of a route's history as text. */
function pointText(p) {
  const { word, day } = pointDay(p);
  const price = p.free ? 'free tier' : `${fmt.usd(p.input)} in / ${fmt.usd(p.output)} out`;
  return `${word} ${day}: ${price}${p.source ? ` (${p.source})` : ''}`;
}

/**
 * A route's price over time as a small step chart: the input and the output price per 1M tokens, each held
 * from its point to the next (a price known only `until` a day starts at the left edge: the source does not say
 * since when), the axis ends dated; the points listed as text in the caption, the chart's text
 * alternative. Null unless the route has two dated prices or more, both input and output known.
 */
export function priceHistoryChart(o) {
  const points = (o.history ?? []).filter((p) => pointDay(p) && fmt.known(p.input) && fmt.known(p.output));
  if (points.length < 2) return null;
  const days = points.map((p) => dayMs(pointDay(p).day));
  const last = Math.max(...days, o.date ? dayMs(o.date) : -Infinity);
  // A change on one day still needs width: a month either side, at least.
  const pad = Math.max((last - days[0]) / 6, 30 * DAY_MS);
  const x0 = days[0] - (points[0].until ? pad : 0);
  const x1 = last + pad;
  const top = Math.max(...points.map((p) => Math.max(p.input, p.output))) * 1.15 || 1;
  const pw = HISTORY_W - HISTORY_M.l - HISTORY_M.r;
  const ph = HISTORY_H - HISTORY_M.t - HISTORY_M.b;
  const x = (ms) => (HISTORY_M.l + ((ms - x0) / (x1 - x0)) * pw).toFixed(1);
  const y = (v) => (HISTORY_M.t + ph - (v / top) * ph).toFixed(1);
  // Each point's price holds from its start (an `until` point's: the left edge) to the next point's day.
  const spans = points.map((p, i) => ({ p, from: p.until ? x0 : days[i], to: i + 1 < points.length ? days[i + 1] : x1 }));
  const series = (key) => svg('path', {
    className: `ph-line ph-${key}`,
    d: spans.map((s, i) => {
      const start = i && s.from === spans[i - 1].to ? `V${y(s.p[key])}` : `M${x(s.from)} ${y(s.p[key])}`;
      return `${start} H${x(s.to)}`;
    }).join(' '),
  });
  const caption = el('figcaption', { className: 'ph-caption' },
    el('span', { className: 'ph-key ph-input', text: 'input' }), ' and ', el('span', { className: 'ph-key ph-output', text: 'output' }),
    ' price per 1M tokens: ', points.map(pointText).join('; '), '.');
  const chart = svg('svg', { viewBox: `0 0 ${HISTORY_W} ${HISTORY_H}`, role: 'img', className: 'ph-chart' },
    svg('title', { text: `${fmt.routeName(o)}: price per 1M tokens over time` }),
    svg('line', { className: 'ph-axis', x1: HISTORY_M.l, x2: HISTORY_W - HISTORY_M.r, y1: y(0), y2: y(0) }),
    series('input'), series('output'),
    svg('text', { className: 'ph-tick', x: HISTORY_M.l, y: HISTORY_H - 4, 'text-anchor': 'start', text: dayText(x0) }),
    svg('text', { className: 'ph-tick', x: HISTORY_W - HISTORY_M.r, y: HISTORY_H - 4, 'text-anchor': 'end', text: dayText(x1) }));
  return el('figure', { className: 'price-history', dataset: { figure: 'price-history' } }, chart, caption);
}

/**
 * "price checked 2026-07-02" where the route's price has a date, flagged "stale" when the engine says its data
 * is more than `staleDays` older than the catalog's newest (versus.limits.prices.staleDays).
 */
function priceChecked(o, staleDays) {
  if (!o.date) return null;
  const line = el('span', { className: 'checked', dataset: { figure: 'price-checked' }, text: `price checked ${o.date}` });
  if (o.stale === true) {
    const why = fmt.known(staleDays) ? `more than ${fmt.integer(staleDays)} days older than the catalog's newest data` : "older than the catalog's newest data";
    line.append(' ', el('span', { className: 'tag warn', dataset: { flag: 'stale' }, title: why, text: 'stale' }),
      el('span', { className: 'why', text: ` (${why})` }));
  }
  return line;
}

function renderOffers(m, ratio, staleDays) {
  const table = $('model-offers');
  const share = fmt.known(ratio) ? `${Math.round(ratio * 100)}/${100 - Math.round(ratio * 100)}` : '';
  clear(table.tHead).append(el('tr', {}, ...['Provider', 'Input / 1M', 'Output / 1M', `Blended ${share} / 1M`.replace('  ', ' '), 'Monthly', 'Context', 'Source']
    .map((t, i) => el('th', { scope: 'col', className: i && i < 6 ? 'num' : null, text: t }))));
  const body = clear(table.tBodies[0]);
  const sources = new Set();
  for (const o of m.offers ?? []) {
    const cells = offerCells(o, sources);
    const chart = priceHistoryChart(o);
    if (chart) cells[0].append(chart);
    const checked = priceChecked(o, staleDays);
    if (checked) cells[cells.length - 1].append(checked);
    body.append(el('tr', { className: o.headline ? 'cheapest' : null }, ...cells));
  }
  if (!body.rows.length) body.append(el('tr', {}, el('td', { colspan: 7, text: 'No provider offers tracked.' })));
  replaceSources(table.closest('section'), sources);
}

function renderFacts(m) {
  const sources = new Set();
  const specs = clear($('model-specs').tBodies[0]);
  for (const s of m.specs ?? []) {
    specs.append(el('tr', { dataset: { spec: s.id } }, el('th', { scope: 'row', text: s.label || s.id }),
      sourced(el('td'), factText(s.id, s.value?.value), s.value, sources)));
  }
  if (!specs.rows.length) specs.append(el('tr', {}, el('td', { colspan: 2, text: 'No specifications sourced.' })));
  replaceSources($('model-specs').closest('section'), sources);

  const caps = clear($('model-caps').tBodies[0]);
  const capSources = new Set();
  for (const c of m.capabilities ?? []) {
    const v = c.value?.value;
    const yn = v === true ? 'yes' : v === false ? 'no' : 'unknown';
    caps.append(el('tr', { dataset: { cap: c.id } }, el('th', { scope: 'row', text: c.name || c.id }),
      sourced(el('td', { className: `yn ${yn}` }), fmt.yesNo(v === true || v === false ? v : null), c.value, capSources)));
  }
  replaceSources($('model-caps').closest('section'), capSources);

  const bench = clear($('model-bench').tBodies[0]);
  const benchSources = new Set();
  for (const b of m.benchmarks ?? []) {
    const v = b.value?.value;
    const unit = b.unit === '%' ? '%' : '';
    bench.append(el('tr', { dataset: { bench: b.id } }, el('th', { scope: 'row', text: b.name || b.id }),
      sourced(el('td', { className: 'num' }), fmt.known(v) ? `${fmt.score(v)}${unit}` : fmt.UNKNOWN, b.value, benchSources)));
  }
  if (!bench.rows.length) bench.append(el('tr', {}, el('td', { colspan: 2, text: 'No benchmark scores sourced.' })));
  replaceSources($('model-bench').closest('section'), benchSources);
}

/** A one-line description under the title: creator, openness, reasoning, release. */
function subtitle(m, a) {
  const bits = [];
  if (m.creator?.value) bits.push(`by ${m.creator.value}`);
  if (a?.openWeights === true) bits.push('open weights');
  else if (a?.openWeights === false) bits.push('proprietary');
  if (a?.reasoning === true) bits.push('reasoning model');
  else if (a?.reasoning === false) bits.push('non-reasoning');
  if (fmt.known(a?.parameters)) bits.push(`${fmt.params(a.parameters)} parameters`);
  const released = (m.specs ?? []).find((s) => s.id === 'released')?.value?.value;
  if (released) bits.push(`released ${released}`);
  return bits.join(' · ');
}

/**
 * Render the model page for ModelView `m` (with `analysis`).
 * ctx: {state, pairHref(a, b), modelHref(id) (optional), suggestions(id, excludeIds) → [{id, name, why}], staleDays
 * (versus.limits.prices)}; `state.region` (optional) is the workload's region.
 */
export function renderModel(m, ctx) {
  const a = m.analysis ?? {};
  const metrics = a.metrics ?? {};
  const pc = a.peerClass ?? null;

  $('model-title').textContent = m.name;
  $('model-sub').textContent = subtitle(m, a) || 'Creator, openness and release are not sourced in the catalog.';
  $('compare-self').textContent = m.name;
  // A deprecated or retiring model (or route): the engine's warning, with links to its successor.
  const warn = $('model-lifecycle');
  if (warn) {
    clear(warn);
    const note = lifecycleNote(m, { modelHref: ctx.modelHref, pairHref: ctx.pairHref });
    if (note) warn.append(note);
    warn.hidden = !note;
  }
  const back = $('back-to-pair');
  back.href = ctx.pairHref(ctx.state.a, ctx.state.b);
  back.textContent = `← ${ctx.state.names?.[0] ?? ctx.state.a} vs ${ctx.state.names?.[1] ?? ctx.state.b}`;

  // Summary paragraphs; the attribution line is shown as such.
  const summary = clear($('model-summary'));
  for (const t of (Array.isArray(a.summary) ? a.summary : []).map((s) => String(s ?? '').trim()).filter(Boolean)) {
    if (/^Source: /.test(t)) {
      const aa = (a.sources ?? []).find((s) => s.attribution && t.startsWith(s.attribution));
      summary.append(el('p', { className: 'attr-line' }, aa ? attribution(aa) : t));
    } else summary.append(el('p', { text: t }));
  }
  if (!summary.children.length) summary.append(el('p', { className: 'note', text: 'The catalog holds too few facts for a summary of this model.' }));
  renderFaq($('model-faq'), a.faq, 'this model');

  // Peer class.
  const box = clear($('peer-class'));
  if (pc) {
    box.append('Peer class: ', el('strong', { dataset: { figure: 'peer-class' }, text: cap1(className(pc)) }),
      pc.description ? ` — ${pc.description}` : '', '. ',
      el('strong', { dataset: { figure: 'peer-members' }, text: `${fmt.integer(pc.members)} ${pc.members === 1 ? 'model' : 'models'}` }),
      ' in the catalog, this one included', pc.reasoning ? ` (${pc.reasoning})` : '', '.');
  } else {
    box.append(el('strong', { text: 'No peer class. ' }), a.peerClassNote || 'The catalog lacks the facts to place this model in a class.');
  }

  const grid = clear($('metrics'));
  for (const spec of METRICS) grid.append(metricCard(spec, metrics[spec.key] ?? null, pc, a.peerClassNote));
  grid.append(providersCard(metrics.providers), monthlyCard(m, ctx.state));

  renderOffers(m, ctx.state.ratio, ctx.staleDays);
  renderFacts(m);

  // Continue comparing.
  const cont = clear($('model-continue'));
  for (const s of ctx.suggestions(m.id, [m.id]).slice(0, 6)) {
    cont.append(el('li', {}, el('a', { href: ctx.pairHref(m.id, s.id), text: `${m.name} vs ${s.name}` }),
      s.why ? el('span', { className: 'why', text: s.why }) : null));
  }
  if (!cont.children.length) cont.append(el('li', { className: 'empty', text: 'No other models to suggest.' }));

  const src = clear($('model-sources'));
  if (Array.isArray(a.sources) && a.sources.length) src.append(sourceList(a.sources));
  else src.append(el('p', { className: 'note', text: 'The catalog names no sources for these figures.' }));

  document.title = `${m.name} — model analysis — Versus`;
  $('ratio-value').textContent = fmt.ratioLabel(ctx.state.ratio);
  showView('model');
}

/** The model in one sentence for search results and link previews: its cheapest route, monthly cost and summary. */
export function modelDescription(m, state) {
  const r = m.cheapest;
  const price = r ? `${fmt.perMillion(r.input)} input and ${fmt.perMillion(r.output)} output at ${fmt.routeName(r)}` : 'no priced route';
  const monthly = m.monthly ? `, ${fmt.usd(m.monthly.cost)} a month for ${fmt.integer(state.req)} requests of ${fmt.integer(state.in)} + ${fmt.integer(state.out)} tokens` : '';
  const summary = (m.analysis?.summary ?? []).find((s) => typeof s === 'string' && !/^Source: /.test(s)) ?? '';
  return fmt.clip(`${m.name}: ${price}${monthly}. ${summary}`);
}
