// nway.js — up to six models side by side (versus.compareMany): cost, cheapest route, specs, capabilities,
// shared benchmarks with the leader marked. Models A and B of the pair are always the first two columns.
import * as fmt from './format.js';
import { el, clear, field } from './tools-dom.js';
import { createPicker } from './picker.js';

function factText(id, v) {
  if (v === null || v === undefined) return fmt.UNKNOWN;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : fmt.UNKNOWN;
  if (typeof v === 'number') {
    if (/param/i.test(id)) return fmt.params(v);
    if (/context|output|tokens/i.test(id)) return `${fmt.tokens(v)} tokens`;
    return fmt.num(v);
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function createNwayView(T) {
  const section = el('section', { className: 'tool', 'aria-labelledby': 'tn-h', id: 'tool-nway' });
  section.append(el('h2', { id: 'tn-h', text: 'Side by side (up to six models)' }));
  const form = el('form', { className: 'tn-add', novalidate: true, autocomplete: 'off' });
  const input = el('input', { type: 'text', id: 'tn-search', spellcheck: 'false', placeholder: 'Search name or alias' });
  const addBtn = el('button', { type: 'submit', className: 'btn', id: 'tn-add', text: 'Add model' });
  const msg = el('p', { className: 'field-msg', id: 'tn-msg', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', msg.id);
  const f = field('Add a model to the comparison', input);
  f.classList.add('grow');
  form.append(f, addBtn);
  const hint = el('p', { className: 'note', id: 'tn-hint' });
  const table = el('table', { className: 'tn-table', id: 'tn-table' });
  table.append(el('caption', { className: 'visually-hidden', text: 'The compared models side by side: one column per model.' }), el('thead'), el('tbody'));
  const wrap = el('div', { className: 'table-wrap' }, table);
  section.append(form, msg, hint, wrap);
  let last = null;

  // The page's one model picker (picker.js): a suggestion adds that model, Enter the typed one.
  const picker = createPicker(input, {
    search: (q) => T.versus.search(q, 30),
    exclude: () => T.nwayIds(),
    onPick: (m) => add(m.id),
    onEnter: () => form.requestSubmit(),
  });
  input.addEventListener('input', () => {
    msg.textContent = '';
  });
  function add(id) {
    const res = T.addModel(id);
    if (res.error) msg.textContent = res.error;
    else {
      input.value = '';
      msg.textContent = '';
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) {
      msg.textContent = 'Type a model name or id first.';
      return;
    }
    const pickedId = picker.picked();
    if (pickedId) return add(pickedId);
    const r = T.versus.resolve(q);
    if (!r.ok) {
      msg.textContent = r.error.message;
      return;
    }
    if (r.value.guess) {
      msg.textContent = `“${q}” matches several models (${[r.value.name, ...r.value.also].join(', ')}…): pick one from the list.`;
      return;
    }
    add(r.value.id);
  });

  function render() {
    const ids = T.nwayIds();
    const most = T.versus.limits.comparedModels;
    const full = ids.length >= most;
    input.disabled = full;
    addBtn.disabled = full;
    if (ids.length < 3) {
      hint.textContent = 'Add one or more models (here or with “+” in the ranking) to see them next to models A and B.';
      wrap.hidden = true;
      last = null;
      return;
    }
    const r = T.versus.compareMany(ids, T.workload());
    if (!r.ok) {
      hint.textContent = `Cannot compare: ${r.error.message}`;
      wrap.hidden = true;
      last = null;
      return;
    }
    last = r.value;
    wrap.hidden = false;
    hint.textContent = full ? `${most} models: remove one to add another.` : `${ids.length} models compared; up to ${most}.`;
    const c = r.value;
    const pair = T.ctx.models();
    const head = el('tr', {}, el('th', { scope: 'col', text: 'Model' }));
    c.models.forEach((m, i) => {
      const th = el('th', { scope: 'col', dataset: { model: m.id } });
      const letter = i < 2 && pair[i] === ids[i] ? 'AB'[i] : null;
      if (letter) th.append(el('span', { className: `badge small ${letter === 'B' ? 'bb' : ''}`, 'aria-hidden': 'true', text: letter }), ' ');
      th.append(el('span', { className: 'mname', text: m.name }));
      if (letter) th.append(el('span', { className: 'visually-hidden', text: ` (model ${letter})` }));
      if (i === c.cheapestMonthly) th.append(el('span', { className: 'tag good', text: 'cheapest' }));
      if (!letter) {
        th.append(el('button', { type: 'button', className: 'mini remove', 'aria-label': `Remove ${m.name} from the comparison`, text: '×', on: { click: () => {
          T.removeModel(ids[i]);
          section.querySelector('#tn-search')?.focus();
        } } }));
      }
      head.append(th);
    });
    clear(table.tHead).append(head);
    const body = clear(table.tBodies[0]);
    const group = (label) => body.append(el('tr', { className: 'group' }, el('th', { scope: 'rowgroup', colspan: String(c.models.length + 1), text: label })));
    const row = (label, cells, key) => {
      const tr = el('tr', { dataset: key ? { row: key } : {} }, el('th', { scope: 'row', text: label }));
      for (const cell of cells) tr.append(cell instanceof Node ? cell : el('td', { text: cell }));
      body.append(tr);
    };
    const yours = (route) => (route?.source === 'visitor' ? el('span', { className: 'tag yours', text: 'Your price' }) : null);
    group('Cost');
    row('Monthly cost', c.models.map((m, i) => el('td', { className: `num strong${i === c.cheapestMonthly ? ' best' : ''}`, text: m.monthly ? fmt.usd(m.monthly.cost) : 'unknown' })), 'monthly');
    row('Per request', c.models.map((m) => el('td', { className: 'num', text: m.monthly && c.workload.requests > 0 ? fmt.usd(m.monthly.cost / c.workload.requests) : fmt.UNKNOWN })), 'request');
    row('Cheapest route', c.models.map((m) => el('td', {}, m.cheapest ? m.cheapest.provider.name : 'none priced', m.cheapest ? ' ' : null, yours(m.cheapest))), 'route');
    row('Input / output per 1M', c.models.map((m) => el('td', { className: 'num', text: m.cheapest ? `${fmt.usd(m.cheapest.input)} / ${fmt.usd(m.cheapest.output)}` : fmt.UNKNOWN })), 'prices');
    row(`Blended / 1M at ${Math.round(c.workload.ratio * 100)}% input`, c.models.map((m) => el('td', { className: 'num', text: m.blended ? fmt.usd(m.blended.price) : fmt.UNKNOWN })), 'blended');
    row('Providers', c.models.map((m) => `${fmt.integer(m.routes)} tracked, ${fmt.integer(m.pricedRoutes)} priced`), 'routes');
    if (c.specs?.length) {
      group('Specs');
      for (const s of c.specs) row(s.label, s.values.map((f) => {
        const td = el('td', { text: factText(s.id, f?.value) });
        if (f?.sourceName) td.title = `Source: ${f.sourceName}${f.date ? `, ${f.date}` : ''}`;
        return td;
      }), `spec-${s.id}`);
    }
    if (c.capabilities?.length) {
      group('Capabilities');
      for (const cap of c.capabilities) row(cap.name, cap.values.map((v) => el('td', { className: `yn ${v === true ? 'yes' : v === false ? 'no' : 'unknown'}`, text: fmt.yesNo(v) })), `cap-${cap.id}`);
    }
    group('Benchmarks (scores at least two of them have)');
    if (c.benchmarks?.length) {
      for (const b of c.benchmarks) {
        const unit = b.unit === '%' ? '%' : '';
        row(b.name, b.values.map((v, i) => {
          const td = el('td', { className: `num${i === b.leader ? ' best' : ''}`, text: v === null ? fmt.UNKNOWN : `${fmt.score(v)}${unit}` });
          if (i === b.leader) td.append(el('span', { className: 'visually-hidden', text: ' (leader)' }), el('span', { className: 'lead-mark', 'aria-hidden': 'true', text: ' ★' }));
          return td;
        }), `bench-${b.id}`);
      }
    } else row('—', c.models.map(() => fmt.UNKNOWN));
  }

  return { section, render, last: () => last };
}
