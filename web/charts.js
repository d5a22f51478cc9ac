// charts.js — inline SVG charts (createElementNS, no library):
//   (a) monthly cost against requests a month for the compared models (log scales), crossings marked;
//   (b) benchmark score against blended price (log x) over the ranked catalog, the Pareto front highlighted.
// Each chart has role="img" with <title> and <desc>, focusable key points, and a data table fallback.
import * as fmt from './format.js';
import { el, svg, clear, field, nextId } from './tools-dom.js';
import { drawnFrom, echoed } from './dom.js';

const W = 760;
const H = 380;
const M = { l: 100, r: 20, t: 18, b: 52 };

function logTicks(lo, hi) {
  const out = [];
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  for (let k = a; k <= b; k++) out.push(10 ** k);
  let ticks = out.filter((v) => v >= lo * 0.999 && v <= hi * 1.001);
  if (ticks.length < 3) {
    const more = [];
    for (let k = a; k <= b; k++) for (const m of [1, 2, 5]) more.push(m * 10 ** k);
    ticks = more.filter((v) => v >= lo * 0.999 && v <= hi * 1.001);
  }
  return ticks;
}

function linTicks(lo, hi, n = 5) {
  const span = hi - lo || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A frame: svg with title/desc, axes, grid; returns {root, plot, x(v), y(v)}. */
function frame({ title, desc, xLabel, yLabel, xs, ys, xLog, yLog, xFmt, yFmt }) {
  const tid = nextId('ct');
  const did = nextId('cd');
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${tid} ${did}`, className: 'chart', preserveAspectRatio: 'xMidYMid meet' });
  root.append(svg('title', { id: tid, text: title }), svg('desc', { id: did, text: desc }));
  const [x0, x1] = xs;
  const [y0, y1] = ys;
  const pw = W - M.l - M.r;
  const ph = H - M.t - M.b;
  const tx = xLog ? (v) => M.l + ((Math.log10(v) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0) || 1)) * pw : (v) => M.l + ((v - x0) / (x1 - x0 || 1)) * pw;
  const ty = yLog ? (v) => M.t + ph - ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0) || 1)) * ph : (v) => M.t + ph - ((v - y0) / (y1 - y0 || 1)) * ph;
  const axes = svg('g', { className: 'axes', 'aria-hidden': 'true' });
  for (const v of xLog ? logTicks(x0, x1) : linTicks(x0, x1)) {
    const x = tx(v);
    axes.append(svg('line', { x1: x, x2: x, y1: M.t, y2: M.t + ph, className: 'grid' }),
      svg('text', { x, y: M.t + ph + 18, 'text-anchor': 'middle', className: 'tick', text: xFmt(v) }));
  }
  for (const v of yLog ? logTicks(y0, y1) : linTicks(y0, y1)) {
    const y = ty(v);
    axes.append(svg('line', { x1: M.l, x2: M.l + pw, y1: y, y2: y, className: 'grid' }),
      svg('text', { x: M.l - 8, y: y + 4, 'text-anchor': 'end', className: 'tick', text: yFmt(v) }));
  }
  axes.append(svg('rect', { x: M.l, y: M.t, width: pw, height: ph, className: 'plot-box' }),
    svg('text', { x: M.l + pw / 2, y: H - 10, 'text-anchor': 'middle', className: 'axis-label', text: xLabel }),
    svg('text', { x: 16, y: M.t + ph / 2, 'text-anchor': 'middle', className: 'axis-label', transform: `rotate(-90 16 ${M.t + ph / 2})`, text: yLabel }));
  root.append(axes);
  const plot = svg('g', { className: 'plot' });
  root.append(plot);
  return { root, plot, x: tx, y: ty };
}

function pow10Label(n) {
  if (n >= 1e3) return fmt.tokens(n);
  return fmt.num(n, 2);
}

export function createChartsView(T) {
  const section = el('section', { className: 'tool', 'aria-labelledby': 'tc-h', id: 'tool-charts' });
  section.append(el('h2', { id: 'tc-h', text: 'Charts' }));

  // (a) cost vs traffic
  const aBox = el('figure', { className: 'chart-box', id: 'chart-cost' });
  const aCap = el('figcaption', {}, el('h3', { text: 'Monthly cost against traffic' }));
  const aNote = el('p', { className: 'note', id: 'chart-cost-note' });
  const aHolder = el('div', { className: 'chart-holder' });
  const aLegend = el('ul', { className: 'legend' });
  const aTable = el('details', { className: 'chart-data' });
  aBox.append(aCap, aHolder, aLegend, aNote, aTable);

  // (b) score vs price
  const bBox = el('figure', { className: 'chart-box', id: 'chart-score' });
  const bSel = el('select', { id: 'tc-bench' });
  const bCap = el('figcaption', {}, el('h3', { text: 'Score against price: the best buys' }));
  const bForm = el('div', { className: 'tc-controls' }, field('Benchmark', bSel));
  const bNote = el('p', { className: 'note', id: 'chart-score-note' });
  const bHolder = el('div', { className: 'chart-holder' });
  const bTable = el('details', { className: 'chart-data' });
  bBox.append(bCap, bForm, bHolder, bNote, bTable);
  section.append(aBox, bBox);

  bSel.addEventListener('change', () => {
    T.state.sbench = bSel.value;
    T.writeHash();
    renderScore();
  });
  let benchReady = false;
  T.meta.ready.then(() => {
    for (const b of T.meta.benchmarks) bSel.append(el('option', { value: b.id, text: b.name }));
    benchReady = true;
    sync();
    renderScore();
  });

  function sync() {
    if (!benchReady) return;
    const ids = T.meta.benchmarks.map((b) => b.id);
    if (T.state.sbench && !ids.includes(T.state.sbench)) {
      T.note([["The link's chart benchmark ", echoed(T.state.sbench, 60), ' is not in the catalog.']]);
      T.state.sbench = '';
      T.writeHash();
    }
    bSel.value = T.state.sbench || (ids.includes('aa-intelligence') ? 'aa-intelligence' : ids[0] ?? '');
  }

  function renderCost() {
    clear(aHolder);
    clear(aLegend);
    clear(aTable);
    const w = T.workload();
    const ids = T.nwayIds();
    const r = T.versus.compareMany(ids, { ...w, requests: 1 });
    if (!r.ok) {
      aNote.textContent = `No chart: ${r.error.message}`;
      return;
    }
    const models = r.value.models.map((m, i) => ({ name: m.name, id: m.id, per: m.monthly?.cost ?? null, i, route: m.monthly?.route ?? null }));
    const shown = models.filter((m) => fmt.known(m.per) && m.per > 0);
    const left = models.filter((m) => !shown.includes(m));
    const req = w.requests > 0 ? w.requests : 1e6;
    const lx = Math.log10(req);
    // At least 1 to 1,000 requests: a traffic below one request a month (req=5e-324) would otherwise put the
    // axis at denormal numbers whose logarithms are -Infinity.
    const xs = [10 ** Math.max(0, Math.floor(lx - 3)), 10 ** Math.max(3, Math.ceil(lx + 3))];
    if (!shown.length) {
      aNote.textContent = 'No compared model has a priced route, so there is nothing to chart.';
      return;
    }
    const lo = Math.min(...shown.map((m) => m.per)) * xs[0];
    const hi = Math.max(...shown.map((m) => m.per)) * xs[1];
    const ys = [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
    if (!(ys[0] > 0 && ys[1] > ys[0] && Number.isFinite(ys[1]))) {
      aNote.textContent = 'These costs are too small or too large to draw on a log scale.';
      return;
    }
    const sorted = shown.slice().sort((a, b) => a.per - b.per);
    const cheapest = sorted[0];
    // crossings: sample each line (cost = requests × per-request cost from the engine) and look for sign changes
    const N = 60;
    const sample = (m) => Array.from({ length: N + 1 }, (_, k) => {
      const x = 10 ** (Math.log10(xs[0]) + (k / N) * (Math.log10(xs[1]) - Math.log10(xs[0])));
      return [x, x * m.per];
    });
    const lines = shown.map((m) => ({ m, pts: sample(m) }));
    const crossings = [];
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        for (let k = 0; k < N; k++) {
          const d0 = lines[i].pts[k][1] - lines[j].pts[k][1];
          const d1 = lines[i].pts[k + 1][1] - lines[j].pts[k + 1][1];
          if (d0 !== 0 && d1 !== 0 && Math.sign(d0) !== Math.sign(d1)) {
            const t = Math.abs(d0) / (Math.abs(d0) + Math.abs(d1));
            const x = 10 ** (Math.log10(lines[i].pts[k][0]) + t * (Math.log10(lines[i].pts[k + 1][0]) - Math.log10(lines[i].pts[k][0])));
            crossings.push({ a: lines[i].m, b: lines[j].m, x, y: x * lines[i].m.per });
          }
        }
      }
    }
    const same = [];
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) if (shown[i].per === shown[j].per) same.push([shown[i], shown[j]]);
    const crossText = crossings.length
      ? crossings.map((c) => `${c.a.name} and ${c.b.name} break even at ${fmt.integer(c.x)} requests a month (${fmt.usd(c.y)})`).join('; ') + '.'
      : `The lines never cross: with per-token prices each model's cost grows in step with traffic, so ${cheapest.name} is the cheapest at every volume${sorted[1] ? ` (${sorted[1].name} costs ${fmt.times(sorted[1].per / cheapest.per)} as much)` : ''}. There is no break-even volume.`;
    const desc = `Log–log chart of the monthly cost of ${shown.length} model${shown.length > 1 ? 's' : ''} from ${fmt.integer(xs[0])} to ${fmt.integer(xs[1])} requests a month. At your ${fmt.integer(w.requests)} requests: ${sorted.map((m) => `${m.name} ${fmt.usd(m.per * w.requests)}`).join(', ')}. ${crossText}`;
    const f = frame({ title: 'Monthly cost against requests a month', desc, xLabel: 'Requests a month (log scale)', yLabel: 'Monthly cost, USD (log scale)', xs, ys, xLog: true, yLog: true, xFmt: pow10Label, yFmt: (v) => fmt.usd(v) });
    // current traffic
    if (w.requests >= xs[0] && w.requests <= xs[1]) {
      const x = f.x(w.requests);
      f.plot.append(svg('line', { x1: x, x2: x, y1: M.t, y2: H - M.b, className: 'now' }),
        svg('text', { x: x + 4, y: M.t + 12, className: 'tick now-label', text: 'your traffic' }));
    }
    for (const { m, pts } of lines) {
      const d = pts.map(([x, y], k) => `${k ? 'L' : 'M'}${f.x(x).toFixed(1)},${f.y(y).toFixed(1)}`).join('');
      f.plot.append(svg('path', { d, className: `line s${m.i}`, 'aria-hidden': 'true' }));
      if (w.requests >= xs[0] && w.requests <= xs[1]) {
        const label = `${m.name}: ${fmt.usd(m.per * w.requests)} a month at ${fmt.integer(w.requests)} requests`;
        f.plot.append(svg('circle', { cx: f.x(w.requests), cy: f.y(m.per * w.requests), r: 5, className: `pt s${m.i}`, tabindex: '0', role: 'img', 'aria-label': label }, svg('title', { text: label })));
      }
      const [ex, ey] = pts[pts.length - 1];
      void ex;
      void ey;
    }
    for (const c of crossings) {
      const label = `Break-even: ${c.a.name} and ${c.b.name} at ${fmt.integer(c.x)} requests a month`;
      f.plot.append(svg('circle', { cx: f.x(c.x), cy: f.y(c.y), r: 7, className: 'cross', tabindex: '0', role: 'img', 'aria-label': label }, svg('title', { text: label })));
    }
    aHolder.append(f.root);
    for (const m of models) {
      const li = el('li', {}, el('span', { className: `swatch s${m.i}`, 'aria-hidden': 'true' }), m.name);
      if (!shown.includes(m)) li.append(el('span', { className: 'note', text: m.per === 0 ? ' (free: not on a log scale)' : ' (no price: not drawn)' }));
      aLegend.append(li);
    }
    aNote.textContent = crossText + (left.length ? ` Not drawn: ${left.map((m) => m.name).join(', ')}.` : '');
    // data table fallback
    const decades = logTicks(xs[0], xs[1]);
    const table = el('table', { className: 'mini-table' }, el('caption', { text: 'Monthly cost by requests a month' }));
    table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Requests a month' }), ...shown.map((m) => el('th', { scope: 'col', text: m.name })))));
    const tb = el('tbody');
    for (const x of decades) tb.append(el('tr', {}, el('th', { scope: 'row', text: fmt.integer(x) }), ...shown.map((m) => el('td', { className: 'num', text: fmt.usd(m.per * x) }))));
    table.append(tb);
    aTable.append(el('summary', { text: 'Chart data as a table' }), el('div', { className: 'table-wrap' }, table));
  }

  function renderScore() {
    clear(bHolder);
    clear(bTable);
    const bench = bSel.value;
    if (!bench) {
      bNote.textContent = benchReady ? 'The catalog lists no benchmark.' : 'Loading the benchmark list…';
      return;
    }
    const meta = T.meta.benchmarks.find((b) => b.id === bench);
    const r = T.versus.rank(T.workload(), { benchmark: bench, minScore: -1e9 }, 10000);
    if (!r.ok) {
      bNote.textContent = `No chart: ${r.error.message}`;
      return;
    }
    const rows = r.value.rows.filter((x) => fmt.known(x.score) && fmt.known(x.blended));
    const pts = rows.filter((x) => x.blended > 0);
    const free = rows.length - pts.length;
    if (pts.length < 2) {
      bNote.textContent = `Too few priced models have a ${meta?.name ?? bench} score to chart (${pts.length}).`;
      return;
    }
    // Pareto front: no other model is both cheaper (or as cheap) and better
    const byPrice = pts.slice().sort((a, b) => a.blended - b.blended || b.score - a.score);
    const front = [];
    let best = -Infinity;
    for (const p of byPrice) {
      if (p.score > best) {
        front.push(p);
        best = p.score;
      }
    }
    const frontIds = new Set(front.map((p) => p.id));
    const xs0 = Math.min(...pts.map((p) => p.blended));
    const xs1 = Math.max(...pts.map((p) => p.blended));
    const xs = [10 ** Math.floor(Math.log10(xs0)), 10 ** Math.ceil(Math.log10(xs1))];
    const s0 = Math.min(...pts.map((p) => p.score));
    const s1 = Math.max(...pts.map((p) => p.score));
    const pad = (s1 - s0) * 0.05 || 1;
    const lt = linTicks(s0 - pad, s1 + pad);
    const ys = [Math.min(s0 - pad, lt[0] ?? s0), Math.max(s1 + pad, lt[lt.length - 1] ?? s1)];
    const unit = meta?.unit === '%' ? '%' : '';
    const compared = new Set(T.nwayIds());
    const desc = `Scatter of ${pts.length} priced models by ${meta?.name ?? bench} score and blended price per 1M tokens (log scale) at ${Math.round(T.workload().ratio * 100)}% input. `
      + `The Pareto front — models no other model beats on both price and score — has ${front.length}: ${front.map((p) => `${p.name} (${fmt.score(p.score)}${unit}, ${fmt.usd(p.blended)})`).join(', ')}.`;
    const f = frame({ title: `${meta?.name ?? bench} score against blended price`, desc, xLabel: 'Blended price, USD per 1M tokens (log scale)', yLabel: `${meta?.name ?? bench}${unit ? ' (%)' : ''}`, xs, ys, xLog: true, yLog: false, xFmt: (v) => fmt.usd(v), yFmt: (v) => fmt.num(v, 1) });
    const dots = svg('g', { className: 'dots', 'aria-hidden': 'true' });
    for (const p of pts) {
      if (frontIds.has(p.id)) continue;
      dots.append(svg('circle', { cx: f.x(p.blended).toFixed(1), cy: f.y(p.score).toFixed(1), r: compared.has(p.id) ? 5 : 3, className: compared.has(p.id) ? 'dot mine' : 'dot' },
        svg('title', { text: `${p.name}: ${fmt.score(p.score)}${unit}, ${fmt.usd(p.blended)} / 1M` })));
    }
    f.plot.append(dots);
    // the front as a step line
    let d = '';
    front.forEach((p, k) => {
      const x = f.x(p.blended).toFixed(1);
      const y = f.y(p.score).toFixed(1);
      if (!k) d = `M${x},${y}`;
      else d += `H${x}V${y}`;
    });
    f.plot.append(svg('path', { d, className: 'front-line', 'aria-hidden': 'true' }));
    for (const p of front) {
      const label = `${p.name}: ${fmt.score(p.score)}${unit} at ${fmt.usd(p.blended)} per 1M (Pareto front)`;
      f.plot.append(svg('circle', { cx: f.x(p.blended).toFixed(1), cy: f.y(p.score).toFixed(1), r: 5.5, className: `front${compared.has(p.id) ? ' mine' : ''}`, tabindex: '0', role: 'img', 'aria-label': label, dataset: { id: p.id } }, svg('title', { text: label })));
    }
    for (const p of pts.filter((q) => compared.has(q.id))) {
      f.plot.append(svg('text', { x: (f.x(p.blended) + 7).toFixed(1), y: (f.y(p.score) - 7).toFixed(1), className: 'pt-label', 'aria-hidden': 'true', text: p.name }));
    }
    bHolder.append(f.root);
    bNote.textContent = `${pts.length} priced models have a ${meta?.name ?? bench} score; ${front.length} are on the Pareto front (filled, joined by the line; Tab moves through them). Compared models are labelled.${free ? ` ${free} free model${free > 1 ? 's are' : ' is'} left out of the log scale.` : ''}`;
    const table = el('table', { className: 'mini-table', id: 'chart-score-front' }, el('caption', { text: 'The Pareto front, cheapest first' }));
    table.append(el('thead', {}, el('tr', {}, ...['Model', 'Route', 'Blended / 1M', 'Score'].map((h) => el('th', { scope: 'col', text: h })))));
    const tb = el('tbody');
    for (const p of front) tb.append(el('tr', {}, el('th', { scope: 'row', text: p.name }), el('td', { text: p.provider?.name ?? fmt.UNKNOWN }), el('td', { className: 'num', text: fmt.usd(p.blended) }), el('td', { className: 'num', text: `${fmt.score(p.score)}${unit}` })));
    table.append(tb);
    bTable.append(el('summary', { text: 'Pareto front as a table' }), el('div', { className: 'table-wrap' }, table));
  }

  // What each chart was last drawn from: a pair re-render asks for both, but a chart is redrawn only when
  // its inputs changed (drawing the score chart means ranking the whole catalog and hundreds of SVG nodes).
  const costDrawn = drawnFrom();
  const scoreDrawn = drawnFrom();
  return {
    section,
    sync,
    render() {
      const inputs = JSON.stringify([T.workload(), T.nwayIds(), T.state.custom]);
      if (costDrawn.changed(inputs)) renderCost();
      if (benchReady && scoreDrawn.changed(`${inputs}|${bSel.value}`)) renderScore();
    },
    renderCost,
    renderScore,
  };
}
