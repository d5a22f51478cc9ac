// dom.js — tiny DOM and scheduling helpers shared by the page's views (app.js, pair-prose.js, model-page.js, tools).
// Text only: every catalog or engine string goes in through textContent / createTextNode, never as HTML.
import * as fmt from './format.js';

/** Create an element: props `text`, `className`, `dataset`, other keys as attributes; children are nodes or text. */
/**
 * The tags of a route in a route table: its provider type, the engine's flag when the headline leaves it out,
 * its status and free tier, and "headline" on the route the figures use. One rule for the pair's and the model
 * page's tables.
 */
export function routeTags(o, { headline = false } = {}) {
  const tags = [];
  const type = fmt.providerType(o);
  if (type && o.flag !== 'reseller') tags.push(el('span', { className: 'tag', text: type }));
  if (o.flag) tags.push(el('span', { className: 'tag warn', dataset: { flag: o.flag }, text: o.flag }));
  if (o.status && o.status !== 'live') tags.push(el('span', { className: 'tag', text: o.status }));
  if (o.free) tags.push(el('span', { className: 'tag', text: 'free tier' }));
  if (o.retires) tags.push(el('span', { className: 'tag warn', dataset: { flag: 'retires' }, text: `retires ${o.retires}` }));
  if (headline) tags.push(el('span', { className: 'tag good', text: 'headline' }));
  return tags;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

// The page's one element builder (the tools, the model page, the widget and the embed builder use it too).
// Text only: every catalog string goes in through textContent or an attribute, never as markup.
function applyProps(e, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'className') e.setAttribute('class', v); // an SVG element's className is not a string
    else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== undefined && dv !== null) e.dataset[dk] = String(dv);
    } else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'checked' || k === 'value' || k === 'selected') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  return e;
}

function appendChildren(e, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) appendChildren(e, c);
    else e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** An HTML element: el('p', {className: 'note', text: 'hi', dataset: {…}, on: {click}}, child…). */
export function el(tag, props = {}, ...children) {
  return appendChildren(applyProps(document.createElement(tag), props), children);
}

/** An SVG element, made with createElementNS. */
export function svg(tag, props = {}, ...children) {
  return appendChildren(applyProps(document.createElementNS(SVG_NS, tag), props), children);
}

/**
 * The cells of one row of a provider table (the pair's and the model page's): the route as the row's header
 * (its name, the provider's model id and its tags), the prices per 1M, the blended price, the monthly cost, the
 * context, and the source with its date. `sources` collects the facts cited, for the section's source list.
 */
export function offerCells(o, sources) {
  const head = el('th', { scope: 'row' }, fmt.routeName(o));
  if (o.providerModelId) head.append(el('span', { className: 'pmid', text: o.providerModelId }));
  head.append(...routeTags(o, { headline: o.headline }));
  // The real bill's words for this route (the engine's): what its month assumes (a service tier it does not
  // offer, a price it does not list) and, outside the workload's region, why it has no monthly figure.
  const notes = [...(o.assumptions ?? [])];
  if (o.inRegion === false) notes.push('not processed in the region asked for: no monthly figure');
  if (notes.length) head.append(el('span', { className: 'route-note', dataset: { figure: 'route-assumptions' }, text: notes.join('; ') }));
  const numbers = [[o.input, fmt.usd], [o.output, fmt.usd], [o.blended, fmt.usd], [o.monthly, fmt.usd], [o.context, fmt.tokens]]
    .map(([v, f]) => el('td', { className: 'num', text: fmt.known(v) ? f(v) : fmt.UNKNOWN }));
  const src = el('td', { className: 'src' });
  sourced(src, o.date ? `${o.sourceName || o.source}, ${o.date}` : o.sourceName || o.source || fmt.UNKNOWN, o, sources);
  return [head, ...numbers, src];
}

/**
 * What a view was last drawn from, so that it is redrawn only when that changed:
 * `const drawn = drawnFrom(); … if (drawn.changed(JSON.stringify(inputs))) draw();`
 */
export function drawnFrom() {
  let last;
  return {
    changed(key) {
      if (key === last) return false;
      last = key;
      return true;
    },
  };
}

/**
 * How long the inputs must rest before the work an input does not need for its own frame runs (the sections below
 * the figures, the tools): a drag of the slider or a held arrow key then pays for it once, at the end, and every
 * frame of the drag stays free for the figures.
 */
export const INPUT_QUIET_MS = 120;

/**
 * Run `steps` (functions) one a task while `current()` holds, the first at once: an input that comes meanwhile is
 * handled between two of them instead of after them all. Each step's layout is done at its end, between frames.
 */
export function runInSteps(steps, current) {
  const next = (i) => {
    if (i === steps.length || !current()) return;
    steps[i]();
    void document.body.offsetHeight;
    setTimeout(() => next(i + 1), 0);
  };
  next(0);
}

/**
 * Run `step(deadline)` in the browser's idle time, again each idle period while it returns true: work a visitor does
 * not wait for, cut into steps short enough not to hold back an input that comes meanwhile.
 */
export function inIdleTime(step) {
  const idle = globalThis.requestIdleCallback
    ?? ((cb) => setTimeout(() => { const end = performance.now() + 8; cb({ timeRemaining: () => end - performance.now() }); }, 50));
  const run = (deadline) => { if (step(deadline)) idle(run); };
  idle(run);
}

/**
 * A schedule that runs `fn` once, however often it is asked: on the next animation frame (before it is
 * painted), or with `afterPaint` just after that frame is painted, so that it does not hold the frame back.
 * With `quietMs`, only once no request has come for that long (each request starts the wait again).
 */
export function coalesce(fn, { afterPaint = false, quietMs = 0 } = {}) {
  let pending = false;
  let timer = 0;
  const run = () => {
    pending = false;
    fn();
    // Lay out what changed now, between frames, rather than in the frame of the next input.
    if (afterPaint) void document.body.offsetHeight;
  };
  const inFrame = () => requestAnimationFrame(() => (afterPaint ? setTimeout(run, 0) : run()));
  return () => {
    if (quietMs) {
      clearTimeout(timer);
      timer = setTimeout(inFrame, quietMs);
      return;
    }
    if (pending) return;
    pending = true;
    inFrame();
  };
}

/**
 * Make `target`'s children equal to `fresh`'s (a detached element drawn anew), changing only what differs: a
 * text that changed is set, an attribute that changed is written, a node of another kind is replaced. An input
 * that moves a figure then lays out and paints that figure, not the card around it. Only for markup without
 * listeners of its own (the nodes kept keep theirs); a details element keeps whether the visitor opened it.
 */
export function morph(target, fresh) {
  morphNodes(target, [...target.childNodes], [...fresh.childNodes], null);
  return target;
}

// morph for some of `parent`'s children: `have` (consecutive, in order) become `want`, the nodes added go before
// `next` (the node after `have`, or null at the end).
function morphNodes(parent, have, want, next) {
  want.forEach((w, i) => {
    const h = have[i];
    if (!h) parent.insertBefore(w, next);
    else if (h.isEqualNode(w)) return; // the browser's own deep compare: most of a card is the same a step later
    else if (h.nodeType !== w.nodeType || h.nodeName !== w.nodeName) h.replaceWith(w);
    else if (h.nodeType === Node.TEXT_NODE) {
      if (h.data !== w.data) h.data = w.data;
    } else if (h.nodeType === Node.ELEMENT_NODE) {
      for (const a of [...h.attributes]) if (!w.hasAttribute(a.name) && !(a.name === 'open' && h.nodeName === 'DETAILS')) h.removeAttribute(a.name);
      for (const a of [...w.attributes]) if (h.getAttribute(a.name) !== a.value) h.setAttribute(a.name, a.value);
      morph(h, w);
    } else h.replaceWith(w);
  });
  for (const h of have.slice(want.length)) h.remove();
}

/** Draw `node` anew with `draw(fresh)` into a detached copy of it, then morph `node` to match. */
export function redrawInPlace(node, draw) {
  const fresh = node.cloneNode(false);
  draw(fresh);
  return morph(node, fresh);
}

/** A redrawParts key: the inputs a part is drawn from, as one string. */
export const partKey = (...inputs) => JSON.stringify(inputs);

// What each node drawn by redrawParts was drawn from: its parts' keys and how many nodes each made.
const partsDrawn = new WeakMap();

/**
 * redrawInPlace in parts: `parts` is a list of [key, draw], in the node's order, where draw(fresh) appends the part's
 * nodes to a detached copy of `node` and the key is a string of everything draw reads. A part whose key is the one
 * it was last drawn from is not drawn again: a slider step changes a card's blended price, and only that row is
 * built and morphed, not the card (about 2 ms of a step at CPU x4). The first draw, or one after the node was changed
 * by other means, draws every part and morphs the node.
 */
export function redrawParts(node, parts) {
  const last = partsDrawn.get(node);
  const keys = parts.map(([key]) => key);
  const counts = [];
  if (!last || last.keys.length !== keys.length || node.childNodes.length !== last.counts.reduce((a, n) => a + n, 0)) {
    const fresh = node.cloneNode(false);
    for (const [, draw] of parts) {
      const before = fresh.childNodes.length;
      draw(fresh);
      counts.push(fresh.childNodes.length - before);
    }
    morph(node, fresh);
  } else {
    let at = 0; // where part i's nodes start among node's children
    parts.forEach(([key, draw], i) => {
      const n = last.counts[i];
      if (key !== last.keys[i]) {
        const fresh = node.cloneNode(false);
        draw(fresh);
        const want = [...fresh.childNodes];
        morphNodes(node, [...node.childNodes].slice(at, at + n), want, node.childNodes[at + n] ?? null);
        counts.push(want.length);
      } else counts.push(n);
      at += counts[i];
    });
  }
  partsDrawn.set(node, { keys, counts });
  return node;
}

/** Set `node`'s text only when it differs: an unchanged write still replaces the text node and relays it out. */
export function updateText(node, text) {
  if (node.textContent !== text) node.textContent = text;
  return node;
}

/**
 * Show the pair view (#results) or the model view (#model-view) and say which on <html data-view> (the stylesheet
 * hides the tool tabs on the model view by it: a :has() rule there cost every frame in main ~3.5 ms of style at CPU x4).
 * Writes only what changes: a slider step calls it on every input.
 */
export function showView(which) {
  const model = which === 'model';
  const set = (id, hidden) => {
    const node = document.getElementById(id);
    if (node.hidden !== hidden) node.hidden = hidden;
  };
  set('results', model);
  set('model-view', !model);
  set('models-fieldset', model);
  const skip = document.getElementById('skip-link');
  const href = model ? '#model-view' : '#results';
  if (skip.getAttribute('href') !== href) skip.setAttribute('href', href);
  if (document.documentElement.dataset.view !== which) document.documentElement.dataset.view = which;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** An absolute http(s) URL from the catalog, or null (relative or other schemes never become links). */
export function safeUrl(u) {
  if (typeof u !== 'string' || !/^https?:\/\//i.test(u)) return null;
  try {
    return new URL(u).href;
  } catch {
    return null;
  }
}

/** "Source: NAME, DATE" for a fact or route (FactView / Route / OfferView), or null. */
export function sourceText(f) {
  if (!f || (!f.source && !f.sourceName)) return null;
  const name = f.sourceName || f.source;
  return `Source: ${name}${f.date ? `, ${f.date}` : ''}`;
}

/** The visible attribution of a fact ("Source: Artificial Analysis"), linked when the catalog has an http(s) URL. */
export function attribution(fact) {
  if (!fact?.attribution) return null;
  const href = safeUrl(fact.url);
  return href ? el('a', { href, className: 'attr', rel: 'noopener', text: fact.attribution })
              : el('span', { className: 'attr', text: fact.attribution });
}

/** A fact's value as the popover quotes another source's: numbers grouped, lists joined, yes/no. */
function altValue(v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (Array.isArray(v)) return v.join(', ');
  return String(v ?? '—');
}

/** Everything the provenance popover says of a fact: source and date, its note, what other sources say. */
export function provenanceText(f) {
  const parts = [sourceText(f)];
  if (f?.note) parts.push(f.note.replace(/^./, (c) => c.toUpperCase()));
  if (f?.alternatives?.length) {
    parts.push(`Other sources: ${f.alternatives.map((a) => `${a.sourceName || a.source}${a.date ? ` (${a.date})` : ''} says ${a.price ? `$${a.price.input} / $${a.price.output} per 1M` : altValue(a.value)}`).join('; ')}`);
  }
  return parts.filter(Boolean).join('. ');
}

/**
 * Put a value into a cell with its source: on hover (title), and on tap, click or keyboard focus (the provenance
 * popover, installProvenance below). A value the sources disagree on is marked, and the popover lists the others.
 */
export function sourced(node, text, fact, sources) {
  node.append(text);
  const t = sourceText(fact);
  if (t) {
    node.title = t;
    node.classList.add('sourced');
    node.tabIndex = 0;
    node.dataset.provenance = provenanceText(fact);
    if (fact.alternatives?.length) node.classList.add('disputed');
    if (sources) sources.add(fact);
  }
  const a = attribution(fact);
  if (a) node.append(' ', a);
  return node;
}

// Every distinct source of a set of facts, in the set's order: [label, href or null, attribution].
function sourceEntries(set) {
  const seen = new Map();
  for (const f of set) {
    const key = `${f.sourceName || f.source}|${f.date || ''}`;
    if (!seen.has(key)) seen.set(key, [`${f.sourceName || f.source}${f.date ? ` (${f.date})` : ''}`, safeUrl(f.url), f.attribution || '']);
  }
  return [...seen.values()];
}

/** A "Sources" disclosure listing every distinct source used in a section (sourceEntries). */
function sourcesBoxOf(entries) {
  if (!entries.length) return null;
  const list = el('ul');
  for (const [label, href, attributionText] of entries) {
    list.append(el('li', {}, href ? el('a', { href, rel: 'noopener', text: label }) : label,
      attributionText ? ` — ${attributionText}` : ''));
  }
  return el('details', { className: 'sources' }, el('summary', { text: `Sources (${entries.length})` }), list);
}

// The sources each section's disclosure was last drawn from (a slider step keeps them: nothing to draw).
const sourcesDrawn = new WeakMap();

/** Replace a section's "Sources" disclosure (kept as it is when its sources are the same). */
export function replaceSources(section, set) {
  const entries = sourceEntries(set);
  const old = section.querySelector(':scope > details.sources');
  const key = JSON.stringify(entries);
  if (old && sourcesDrawn.get(old) === key) return;
  const box = sourcesBoxOf(entries);
  if (old && box) morph(old, box); // kept open if the visitor opened it
  else {
    old?.remove();
    if (box) section.append(box);
  }
  if (box) sourcesDrawn.set(old ?? box, key); // the disclosure now on the page
}

/** A catalog fact's value as text; unknown is "—". */
export function factText(id, v) {
  if (v === null || v === undefined) return fmt.UNKNOWN;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : fmt.UNKNOWN;
  if (typeof v === 'number') {
    if (!fmt.known(v)) return fmt.UNKNOWN;
    if (/param/i.test(id)) return fmt.params(v);
    if (/context|output|tokens/i.test(id)) return `${fmt.tokens(v)} tokens`;
    return fmt.num(v);
  }
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v).trim();
  return s || fmt.UNKNOWN;
}

/** A list of sources ({id, name, date, url, attribution}) as <ul class="source-list">; attributions stay visible. */
export function sourceList(sources) {
  const list = el('ul', { className: 'source-list' });
  for (const s of sources ?? []) {
    if (!s) continue;
    const href = safeUrl(s.url);
    const name = String(s.name || s.id || '').trim() || 'Unnamed source';
    const li = el('li', { dataset: { source: s.id } }, href ? el('a', { href, rel: 'noopener', text: name }) : el('span', { text: name }));
    li.append(el('span', { className: 'src-date', text: s.date ? ` — as of ${s.date}` : ' — date not recorded' }));
    if (s.attribution) li.append(' ', el('strong', { className: 'attr-line', text: s.attribution }));
    list.append(li);
  }
  return list;
}

/**
 * A value from the link or the catalog quoted in a message: shown as “<bdi>value</bdi>”, so an unclosed
 * bidi override (or any right-to-left text) in it cannot reorder the page's own words around it.
 */
export const echoed = (value, max = 80) => ({ echo: String(value ?? '').slice(0, max) });

/** A message paragraph from a string or an array of strings and echoed() values. */
export function messageParagraph(message, className = 'note-msg') {
  const parts = (Array.isArray(message) ? message : [message])
    .map((part) => (typeof part === 'string' ? part : ['“', el('bdi', { text: part.echo }), '”']));
  return el('p', { className }, ...parts.flat());
}

/**
 * One popover for every sourced figure of the page: it opens on keyboard focus, a click or a tap and says the
 * figure's source, date and disagreements (data-provenance); Escape, a click elsewhere or leaving closes it.
 */
export function installProvenance(doc = document) {
  if (doc.getElementById('provenance')) return;
  const pop = el('div', { id: 'provenance', className: 'provenance', role: 'tooltip', hidden: true });
  doc.body.append(pop);
  let owner = null;
  const close = () => {
    if (!owner) return;
    owner.removeAttribute('aria-describedby');
    owner = null;
    pop.hidden = true;
  };
  const open = (target) => {
    if (owner === target) return;
    close();
    owner = target;
    pop.textContent = target.dataset.provenance;
    pop.hidden = false;
    target.setAttribute('aria-describedby', 'provenance');
    const r = target.getBoundingClientRect();
    const width = Math.min(320, doc.documentElement.clientWidth - 16);
    pop.style.maxWidth = `${width}px`;
    pop.style.left = `${Math.max(8, Math.min(r.left + scrollX, scrollX + doc.documentElement.clientWidth - width - 8))}px`;
    pop.style.top = `${r.bottom + scrollY + 6}px`;
  };
  const target = (ev) => (ev.target instanceof Element ? ev.target.closest('[data-provenance]') : null);
  doc.addEventListener('focusin', (ev) => { const t = target(ev); if (t) open(t); else close(); });
  doc.addEventListener('focusout', (ev) => { if (target(ev) === owner && !owner?.contains(ev.relatedTarget)) close(); });
  doc.addEventListener('click', (ev) => {
    const t = target(ev);
    if (t && !ev.target.closest('a')) open(t);
    else if (!ev.target.closest?.('#provenance')) close();
  });
  doc.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') close(); });
}

/** The engine's FAQ ([{question, answer}]) as native <details>/<summary> items, keyboard accessible. */
export function renderFaq(box, items, what) {
  clear(box);
  for (const item of Array.isArray(items) ? items : []) {
    const q = typeof item?.question === 'string' ? item.question.trim() : '';
    const a = typeof item?.answer === 'string' ? item.answer.trim() : '';
    if (!q || !a) continue;
    box.append(el('details', { className: 'faq-item' }, el('summary', { text: q }), el('p', { text: a })));
  }
  if (!box.children.length) box.append(el('p', { className: 'note', text: `The catalog holds too few facts to answer the usual questions about ${what}.` }));
}

/** An engine sentence as a sentence: a full stop unless it ends in one already. */
export const asSentence = (s) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * Beside a model's monthly figure (the pair's cards, the model page): for a model that reasons (the engine's
 * `reasoning.ratio` > 0), the bill on the other basis than the one counted (with typical hidden reasoning, or the
 * visible output only), whether the ratio is measured or an estimate, and the engine's sentence of where it comes
 * from. Null for a model that does not reason.
 */
export function reasoningNote(m) {
  const r = m?.reasoning;
  if (!r || !(r.ratio > 0)) return null;
  const other = r.counted ? r.visibleMonthly : r.typicalMonthly;
  const measured = r.basis === 'measured';
  const p = el('p', { className: 'note reasoning-note', dataset: { figure: 'reasoning', basis: r.basis, counted: String(Boolean(r.counted)) } });
  if (fmt.known(other)) {
    p.append(r.counted ? 'Visible output only: ' : 'With typical reasoning: ',
      el('strong', { dataset: { figure: 'reasoning-other' }, text: fmt.usd(other) }), ' a month. ');
  }
  p.append(el('span', { className: measured ? 'tag good' : 'tag', dataset: { figure: 'reasoning-basis' }, text: measured ? 'reasoning measured' : 'reasoning estimated' }),
    ' ', r.sentence ? asSentence(r.sentence) : '');
  return p;
}

/**
 * A lifecycle warning (the engine's `lifecycle` of a model view: a deprecated or retiring model or route): its
 * sentence in a note that says it is a warning in words, with a link to the successor's model page (`modelHref`)
 * and to the comparison with it (`pairHref`), where given. Null when there is nothing to warn of.
 */
export function lifecycleNote(m, { modelHref, pairHref } = {}) {
  const l = m?.lifecycle;
  if (!l?.sentence) return null;
  const p = el('p', { className: 'lifecycle-note', role: 'note', dataset: { figure: 'lifecycle', model: m.id } },
    el('span', { className: 'lifecycle-icon', 'aria-hidden': 'true', text: '⚠ ' }), el('strong', { text: 'Lifecycle warning: ' }), asSentence(l.sentence));
  const s = l.successor;
  if (s?.id) {
    const links = [];
    if (modelHref) links.push(el('a', { href: modelHref(s.id), dataset: { link: 'successor' }, text: `${s.name || s.id}'s page` }));
    if (pairHref) links.push(el('a', { href: pairHref(m.id, s.id), dataset: { link: 'successor-pair' }, text: `compare ${m.name} with ${s.name || s.id}` }));
    if (links.length) p.append(' See ', ...links.flatMap((a, i) => (i ? [' or ', a] : [a])), '.');
  }
  return p;
}
