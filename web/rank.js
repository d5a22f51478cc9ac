// rank.js — "Cheapest model for this workload": every model (or offer) ranked by monthly cost, with filters.
import * as fmt from './format.js';
import { el, clear, field, sortHeader, sortRows } from './tools-dom.js';
import { echoed, updateText } from './dom.js';

export const RANK_SIZES = [10, 25, 50, 100];

const COLUMNS = [
  { key: 'rank', label: '#', num: true, get: (r) => r.rank },
  { key: 'model', label: 'Model', get: (r) => r.name },
  { key: 'provider', label: 'Cheapest route', get: (r) => r.provider?.name ?? null },
  { key: 'monthly', label: 'Monthly', num: true, get: (r) => r.monthly, fmt: fmt.usd },
  { key: 'request', label: 'Per request', num: true, get: (r) => r.perRequest, fmt: fmt.usd },
  { key: 'blended', label: 'Blended / 1M', num: true, get: (r) => r.blended, fmt: fmt.usd },
  { key: 'input', label: 'Input / 1M', num: true, get: (r) => r.input, fmt: fmt.usd },
  { key: 'output', label: 'Output / 1M', num: true, get: (r) => r.output, fmt: fmt.usd },
  { key: 'context', label: 'Context', num: true, get: (r) => r.context, fmt: fmt.tokens },
  { key: 'score', label: 'Score', num: true, get: (r) => r.score ?? null, fmt: fmt.score, bench: true },
];

export function createRankView(T) {
  const S = () => T.state;
  const section = el('section', { className: 'tool', 'aria-labelledby': 'tr-h', id: 'tool-rank' });
  section.append(el('h2', { id: 'tr-h', text: 'Cheapest model for this workload' }));
  const form = el('form', { className: 'tr-form', novalidate: true, autocomplete: 'off' });
  form.addEventListener('submit', (e) => e.preventDefault());

  // capabilities
  const capsFs = el('fieldset', { className: 'tr-caps' }, el('legend', { text: 'Required capabilities' }));
  const capBoxes = new Map();
  for (const c of T.meta.capabilities) {
    const box = el('input', { type: 'checkbox', id: `tr-cap-${c.id}`, value: c.id, dataset: { cap: c.id } });
    capBoxes.set(c.id, box);
    capsFs.append(el('span', { className: 'check' }, box, el('label', { for: box.id, text: c.name })));
    box.addEventListener('change', () => {
      const set = new Set(S().cap);
      if (box.checked) set.add(c.id);
      else set.delete(c.id);
      S().cap = T.meta.capabilities.map((x) => x.id).filter((id) => set.has(id));
      changed();
    });
  }

  // other filters
  const minctx = el('select', { id: 'tr-minctx' });
  for (const [v, label] of [[0, 'Any'], [8000, '8k'], [32000, '32k'], [64000, '64k'], [128000, '128k'], [200000, '200k'], [256000, '256k'], [400000, '400k'], [1000000, '1M']]) {
    minctx.append(el('option', { value: String(v), text: label }));
  }
  const ow = el('input', { type: 'checkbox', id: 'tr-ow' });
  const bench = el('select', { id: 'tr-bench' }, el('option', { value: '', text: 'None' }));
  const minscore = el('input', { type: 'number', id: 'tr-minscore', step: 'any', inputmode: 'decimal', placeholder: 'no minimum' });
  const prov = el('select', { id: 'tr-prov' }, el('option', { value: '', text: 'Any provider' }));
  const top = el('select', { id: 'tr-top' });
  for (const n of RANK_SIZES) top.append(el('option', { value: String(n), text: `Top ${n}` }));
  const byOffer = el('select', { id: 'tr-by' }, el('option', { value: 'model', text: 'One row per model' }), el('option', { value: 'offer', text: 'One row per offer' }));
  const msg = el('p', { className: 'field-msg', id: 'tr-msg', 'aria-live': 'polite' });
  minscore.setAttribute('aria-describedby', msg.id);

  const grid = el('fieldset', { className: 'tgrid' }, el('legend', { text: 'Filters' }),
    field('Minimum context window', minctx),
    field('Benchmark', bench),
    field('Minimum score', minscore),
    field('Provider', prov),
    field('Rank', byOffer),
    field('Rows shown', top),
    el('div', { className: 'tfield check-field' }, el('span', { className: 'check' }, ow, el('label', { for: ow.id, text: 'Open weights only' }))));
  form.append(capsFs, grid, msg);

  const counts = el('p', { className: 'tr-counts', id: 'tr-counts', 'aria-live': 'polite' });
  const actMsg = el('p', { className: 'note', id: 'tr-act', role: 'status', 'aria-live': 'polite' });
  const table = el('table', { className: 'tr-table', id: 'tr-table' });
  table.append(el('caption', { className: 'visually-hidden', text: 'Models ranked by monthly cost for the workload; column headers sort the rows shown; the buttons at the end of a row put the model in the comparisons.' }),
    el('thead', {}, el('tr')), el('tbody'));
  section.append(form, counts, el('div', { className: 'table-wrap' }, table), actMsg);

  minctx.addEventListener('change', () => {
    S().minctx = Number(minctx.value) || 0;
    changed();
  });
  ow.addEventListener('change', () => {
    S().ow = ow.checked;
    changed();
  });
  bench.addEventListener('change', () => {
    S().bench = bench.value;
    if (!bench.value) S().minscore = null;
    minscore.disabled = !bench.value;
    changed();
  });
  minscore.addEventListener('input', () => {
    const v = minscore.value.trim();
    if (v === '') S().minscore = null;
    else {
      const n = Number(v);
      if (minscore.validity.badInput || !Number.isFinite(n)) {
        msg.textContent = 'The minimum score must be a number.';
        return;
      }
      S().minscore = n;
    }
    changed();
  });
  prov.addEventListener('change', () => {
    S().prov = prov.value;
    changed();
  });
  top.addEventListener('change', () => {
    S().top = Number(top.value);
    changed();
  });
  byOffer.addEventListener('change', () => {
    S().offer = byOffer.value === 'offer';
    changed();
  });

  // lists that need the catalog's benchmarks and providers
  let listsFilled = false;
  T.meta.ready.then(() => {
    for (const b of T.meta.benchmarks) bench.append(el('option', { value: b.id, text: b.name }));
    for (const p of T.meta.providers) prov.append(el('option', { value: p.id, text: p.name }));
    listsFilled = true;
    const pending = S().bench || S().prov;
    sync();
    if (pending) {
      T.writeHash();
      render();
    }
  });

  let last = null; // the last rank answer

  function changed() {
    T.writeHash();
    render();
  }

  function filter() {
    const s = S();
    const f = {};
    if (s.cap.length) f.capabilities = s.cap;
    if (s.minctx) f.minContext = s.minctx;
    if (s.ow) f.openWeightsOnly = true;
    if (s.bench) {
      f.benchmark = s.bench;
      if (s.minscore !== null) f.minScore = s.minscore;
    }
    if (s.prov) f.provider = s.prov;
    if (s.offer) f.byOffer = true;
    return f;
  }

  function sync() {
    const s = S();
    for (const [id, box] of capBoxes) box.checked = s.cap.includes(id);
    const ctxOpt = [...minctx.options].find((o) => Number(o.value) === s.minctx);
    if (!ctxOpt && s.minctx) minctx.append(el('option', { value: String(s.minctx), text: fmt.tokens(s.minctx) }));
    minctx.value = String(s.minctx);
    ow.checked = s.ow;
    if (listsFilled || !s.bench) {
      if (s.bench && ![...bench.options].some((o) => o.value === s.bench)) {
        T.note([["The link's benchmark ", echoed(s.bench, 60), ' is not in the catalog; no benchmark filter.']]);
        s.bench = '';
        s.minscore = null;
      }
      bench.value = s.bench;
    }
    if (listsFilled || !s.prov) {
      if (s.prov && ![...prov.options].some((o) => o.value === s.prov)) {
        T.note([["The link's provider ", echoed(s.prov, 60), ' is not in the catalog; any provider.']]);
        s.prov = '';
      }
      prov.value = s.prov;
    }
    minscore.value = s.minscore === null ? '' : String(s.minscore);
    minscore.disabled = !s.bench;
    byOffer.value = s.offer ? 'offer' : 'model';
    top.value = String(s.top);
  }
  sync();

  function render() {
    const r = T.versus.rank(T.workload(), filter(), S().top);
    if (!r.ok) {
      const p = r.error.problems?.[0];
      msg.textContent = `Cannot rank: ${r.error.message}${p && !r.error.message.includes(p.path) ? ` (${p.path}: ${p.message})` : ''}`;
      counts.textContent = '';
      return;
    }
    msg.textContent = '';
    last = r.value;
    renderTable();
  }

  // Rows are kept by key and updated in place: a workload change rewrites the numbers that changed instead of
  // rebuilding every row with its buttons (that took most of a 16.7 ms frame). The buttons are delegated.
  const rowsByKey = new Map(); // row key → {tr, sig, cells: Map(column key → td)}
  let headSig = '';

  table.tBodies[0].addEventListener('click', (ev) => {
    const button = ev.target.closest('button[data-act]');
    const tr = button?.closest('tr[data-id]');
    if (!tr) return;
    const id = tr.dataset.id;
    if (button.dataset.act === 'add') {
      const res = T.addModel(id);
      actMsg.textContent = res.error ?? `${tr.dataset.name} added to the side-by-side comparison below.`;
    } else {
      T.setPairModel(button.dataset.act, id);
    }
  });

  const cellText = (c, row) => {
    const val = c.get(row);
    if (c.key === 'rank') return String(val);
    return val === null || val === undefined ? fmt.UNKNOWN : c.fmt(val);
  };

  function buildRow(row, cols) {
    const tr = el('tr', { dataset: { id: row.id, name: row.name } });
    const cells = new Map();
    for (const c of cols) {
      if (c.key === 'model') {
        const th = el('th', { scope: 'row' }, el('span', { className: 'mname', text: row.name }));
        if (row.openWeights === true) th.append(' ', el('span', { className: 'tag', text: 'open weights' }));
        th.append(el('span', { className: 'sub', title: row.id, text: row.creator ? `${row.creator} · ${row.id}` : row.id }));
        tr.append(th);
      } else if (c.key === 'provider') {
        const td = el('td', {}, row.provider?.name ?? fmt.UNKNOWN);
        if (row.source === 'visitor') td.append(' ', el('span', { className: 'tag yours', text: 'Your price' }));
        if (row.assumptions?.length) {
          td.title = row.assumptions.join('; ');
          td.append(' ', el('span', { className: 'tag', text: 'assumption' }));
        }
        tr.append(td);
      } else {
        const td = el('td', { className: 'num', dataset: { col: c.key } });
        cells.set(c.key, td);
        tr.append(td);
      }
    }
    const lbl = row.name;
    tr.append(el('td', { className: 'use' },
      el('button', { type: 'button', className: 'mini', dataset: { act: 'a' }, 'aria-label': `Set ${lbl} as model A`, text: 'A' }),
      el('button', { type: 'button', className: 'mini', dataset: { act: 'b' }, 'aria-label': `Set ${lbl} as model B`, text: 'B' }),
      el('button', { type: 'button', className: 'mini', dataset: { act: 'add' }, 'aria-label': `Add ${lbl} to the side-by-side comparison`, text: '+' })));
    return { tr, cells };
  }

  function renderTable() {
    const v = last;
    const s = S();
    const what = s.offer ? 'offers' : 'models';
    counts.textContent = `${fmt.integer(v.matched)} ${what} match${v.matched === 1 ? 'es' : ''} the filters; ${fmt.integer(v.unpriced)} more match but have no tracked price. ${v.rows.length < v.matched ? `The ${v.rows.length} cheapest are shown.` : ''}`;
    const cols = COLUMNS.filter((c) => !c.bench || s.bench);
    const sort = s.rsort && cols.some((c) => c.key === s.rsort.key) ? s.rsort : { key: 'rank', dir: 'ascending' };
    const sig = `${cols.map((c) => c.key).join()}|${sort.key}|${sort.dir}`;
    if (sig !== headSig) {
      headSig = sig;
      const head = clear(table.tHead.rows[0]);
      for (const c of cols) head.append(sortHeader(c, sort, onSort));
      head.append(el('th', { scope: 'col', text: 'Use' }));
      rowsByKey.clear(); // the cells follow the columns
    }
    const body = table.tBodies[0];
    const colByKey = new Map(cols.map((c) => [c.key, c]));
    const rows = sortRows(v.rows, colByKey.get(sort.key), sort.dir);
    if (!rows.length) {
      rowsByKey.clear();
      body.replaceChildren(el('tr', {}, el('td', { colspan: String(cols.length + 1), text: 'No priced model matches these filters.' })));
      return;
    }
    const pair = T.ctx.models();
    const wanted = [];
    const used = new Set();
    for (const row of rows) {
      let key = `${row.id}|${row.provider?.id ?? ''}`;
      while (used.has(key)) key += '+'; // the same offer twice: still one row each
      used.add(key);
      const rowSig = JSON.stringify([row.name, row.openWeights, row.creator, row.provider?.name, row.source, row.assumptions]);
      let r = rowsByKey.get(key);
      if (!r || r.sig !== rowSig) {
        r = { ...buildRow(row, cols), sig: rowSig };
        rowsByKey.set(key, r);
      }
      for (const [k, td] of r.cells) updateText(td, cellText(colByKey.get(k), row));
      r.tr.classList.toggle('in-pair', pair.includes(row.id));
      wanted.push(r.tr);
    }
    for (const key of rowsByKey.keys()) if (!used.has(key)) rowsByKey.delete(key);
    // Move rows into order, touching only those out of place.
    let cursor = body.firstChild;
    for (const tr of wanted) {
      if (tr === cursor) cursor = cursor.nextSibling;
      else body.insertBefore(tr, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  function onSort(key) {
    const s = S();
    const cur = s.rsort ?? { key: 'rank', dir: 'ascending' };
    s.rsort = cur.key === key ? { key, dir: cur.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: key === 'model' || key === 'provider' || key === 'rank' ? 'ascending' : 'ascending' };
    if (s.rsort.key === 'rank' && s.rsort.dir === 'ascending') s.rsort = null;
    T.writeHash();
    renderTable();
    table.querySelector(`button.sort[data-key="${key}"]`)?.focus();
  }

  return {
    section,
    sync,
    render,
    filter,
    last: () => last,
  };
}
