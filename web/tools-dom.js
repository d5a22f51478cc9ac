// tools-dom.js — the tool views' helpers (web/tools.js): fields, CSV, downloads, the clipboard, sortable headers.
// The element builders are dom.js's, re-exported here for the views.
// Text only: every catalog string goes in through textContent or an attribute, never as markup.

import { SVG_NS, el, svg, clear } from './dom.js';

export { SVG_NS, el, svg, clear };

let uid = 0;
/** A page-unique id with a prefix. */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A labelled field: {wrap, input}. `input` is an element made by the caller or from `tag`/`props`. */
export function field(label, input, hint) {
  if (!input.id) input.id = nextId('tf');
  const wrap = el('div', { className: 'tfield' }, el('label', { for: input.id, text: label }), input);
  if (hint) {
    const h = el('p', { className: 'tfield-hint', id: `${input.id}-hint`, text: hint });
    input.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  return wrap;
}

/**
 * A CSV cell: quoted when it holds a comma, a quote or a line break; null → empty. Numbers keep 12 significant
 * digits: enough for any price or bill, without binary float noise (1.9000000000000001 → 1.9).
 */
export function csvCell(v) {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  let s = typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v);
  // Spreadsheet formula injection: text that starts with = + - @ is prefixed with a quote.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Offer a file for download (Blob + a[download]). */
export function download(filename, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, className: 'visually-hidden', text: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Copy text to the clipboard; falls back to a selected textarea + execCommand. Resolves to true on success. */
export async function copyText(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  const ta = el('textarea', { className: 'visually-hidden', 'aria-hidden': 'true', readonly: true });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/** A sortable column header cell (a button inside a th with aria-sort). */
export function sortHeader(col, sort, onSort) {
  const active = sort.key === col.key;
  const th = el('th', { scope: 'col', 'aria-sort': active ? sort.dir : 'none', className: col.num ? 'num' : '' });
  const btn = el('button', { type: 'button', className: 'sort', dataset: { key: col.key }, text: col.label });
  btn.append(el('span', { className: 'arrow', 'aria-hidden': 'true', text: active ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : '' }));
  btn.addEventListener('click', () => onSort(col.key));
  th.append(btn);
  return th;
}

/** Sort rows by a column: unknown values always last; ties keep the original order. */
export function sortRows(rows, col, dir) {
  const d = dir === 'descending' ? -1 : 1;
  return rows.map((r, i) => ({ r, i })).sort((x, y) => {
    const a = col.get(x.r);
    const b = col.get(y.r);
    const ua = a === null || a === undefined || (typeof a === 'number' && !Number.isFinite(a));
    const ub = b === null || b === undefined || (typeof b === 'number' && !Number.isFinite(b));
    if (ua || ub) return ua === ub ? x.i - y.i : ua ? 1 : -1;
    const c = typeof a === 'string' ? a.localeCompare(b) : a - b;
    return c * d || x.i - y.i;
  }).map((x) => x.r);
}
