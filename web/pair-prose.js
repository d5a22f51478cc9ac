// pair-prose.js — the engine-written sections of the pair page (seeds 000–003): title and headline,
// verdict, decision scorecard, tradeoffs, the monthly-cost sentences, switch friction, deep dive, FAQ,
// "Continue comparing", sources and the last-reviewed date. The engine writes every sentence
// (`compare(a, b).value.prose`, docs/prose.md); this module only places them, as text.
import { el, clear, sourceList, renderFaq } from './dom.js';

const $ = (id) => document.getElementById(id);

/** Non-empty strings of an array (the engine's lists), trimmed. */
function texts(list) {
  return (Array.isArray(list) ? list : []).map((s) => (typeof s === 'string' ? s.trim() : '')).filter(Boolean);
}

/** Fill a <ul> with items, or replace it by a note when there are none. */
function fillList(id, items, emptyText) {
  const ul = clear($(id));
  for (const t of texts(items)) ul.append(el('li', { text: t }));
  if (!ul.children.length) ul.append(el('li', { className: 'empty', text: emptyText }));
}

function setText(id, text, fallback = '') {
  const node = $(id);
  const t = typeof text === 'string' ? text.trim() : '';
  node.textContent = t || fallback;
  node.hidden = !(t || fallback);
}

/** The pair's verdict: the engine's one verdict (comparison.verdict, the same string as prose.verdict); '' when none. */
export function pairVerdict(c) {
  return (c.verdict ?? c.prose?.verdict ?? '').trim();
}

/**
 * Render the prose sections of a Comparison `c` (with `c.prose`).
 * ctx: {modelHref(id) → '#model=…', pairHref(a, b) → '#a=…&b=…', suggestions(id, excludeIds) → [{id, name, why}]}
 */
export function renderPairProse(c, ctx) {
  const p = c.prose ?? {};
  const [A, B] = c.models;

  // Title, links to both model pages, headline.
  $('pair-title').textContent = (p.title || `${A.name} vs ${B.name}`).trim();
  const links = clear($('pair-models'));
  for (const [i, m] of [A, B].entries()) {
    links.append(el('a', { href: ctx.modelHref(m.id), className: `model-link side-${i ? 'b' : 'a'}`, dataset: { model: m.id } },
      el('span', { className: 'badge small', 'aria-hidden': 'true', text: i ? 'B' : 'A' }), ` ${m.name}: model page`));
  }
  setText('headline', p.headline);

  // Verdict: the engine's (the blend gap, what the dearer adds, the month's bill).
  $('verdict').textContent = pairVerdict(c) || 'The catalog holds too few facts for a verdict on this pair.';

  // Decision scorecard.
  const table = $('scorecard');
  clear(table.tHead).append(el('tr', {}, el('th', { scope: 'col', text: 'Signal' }),
    el('th', { scope: 'col', text: A.name }), el('th', { scope: 'col', text: B.name })));
  const body = clear(table.tBodies[0]);
  for (const row of Array.isArray(p.scorecard) ? p.scorecard : []) {
    if (!row?.signal) continue;
    body.append(el('tr', {}, el('th', { scope: 'row', text: row.signal }),
      el('td', { dataset: { label: A.name }, text: row.a || '—' }), el('td', { dataset: { label: B.name }, text: row.b || '—' })));
  }
  if (!body.rows.length) body.append(el('tr', {}, el('td', { colspan: 3, text: 'No signals are sourced for this pair.' })));

  fillList('tradeoffs', p.tradeoffs, 'The catalog shows no tradeoff between these two models.');

  // Monthly cost sentences (the cards and gaps above are rendered by app.js).
  setText('monthly-text', p.monthly?.text);
  setText('monthly-excluded', p.monthly?.excluded);

  fillList('friction', p.switchFriction, 'The catalog shows nothing that would make a switch harder.');

  // Deep dive.
  const deep = clear($('deep-dive'));
  for (const t of texts(p.deepDive)) deep.append(el('p', { text: t }));
  if (!deep.children.length) deep.append(el('p', { className: 'note', text: 'The catalog holds too few facts for a deep dive on this pair.' }));

  renderFaq($('faq'), p.faq, 'this pair');

  // Continue comparing: each model against its nearest rivals.
  const cont = clear($('continue-list'));
  const seen = new Set([`${A.id}|${B.id}`]);
  for (const m of [A, B]) {
    for (const s of ctx.suggestions(m.id, [A.id, B.id]).slice(0, 3)) {
      const key = `${m.id}|${s.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cont.append(el('li', {}, el('a', { href: ctx.pairHref(m.id, s.id), text: `${m.name} vs ${s.name}` }),
        s.why ? el('span', { className: 'why', text: s.why }) : null));
    }
  }
  if (!cont.children.length) cont.append(el('li', { className: 'empty', text: 'No other models to suggest.' }));

  // Sources and dates.
  const src = clear($('pair-sources'));
  const list = Array.isArray(p.sources) ? p.sources : [];
  if (list.length) src.append(sourceList(list));
  else src.append(el('p', { className: 'note', text: 'The catalog names no sources for these facts.' }));
  setText('last-reviewed', p.lastReviewed ? `Last reviewed: ${p.lastReviewed} (the catalog's generation date).` : '',
    'Last reviewed: the catalog has no generation date.');
}
