/**
 * embed.js — the <llm-versus> widget: a compact, live comparison of two LLMs for any page.
 *
 *   <script type="module" src="https://YOUR-VERSUS-SITE/embed.js"></script>
 *   <llm-versus a="openai/o3" b="meta/llama-3.2-1b-instruct" ratio="0.7"
 *               requests="1000000" input="800" output="250"></llm-versus>
 *
 * Rules (see docs/embedding.md):
 *   - Defines nothing on the host page but the custom element `llm-versus` (no globals, no styles
 *     outside its Shadow DOM; its styles are a constructable stylesheet, so a strict host CSP without
 *     'unsafe-inline' styles is fine).
 *   - Loads versus.js, format.js, the engine (versus-engine.js + .wasm) and catalog.pack lazily, when the
 *     element comes near the viewport, from the origin this file was loaded from (import.meta.url). Every
 *     widget on a page shares one engine instance and one catalog.
 *   - Attributes: a, b (model ids, aliases or names), ratio (input share 0..1), requests (a month),
 *     input, output (tokens per request); all optional. A bad number keeps its default and says so inside
 *     the widget; an unknown model shows a clear message with suggestions, never a blank box.
 *     routes="all" lets resellers' and unverified prices be the headline route, as the page's Workload details
 *     can (docs/routes.md); by default the headline is the cheapest lab, cloud, host or gateway route.
 *     reasoning="typical" (hidden reasoning billed as output), tier="flex" | "priority" and region="EU" (or any region
 *     of the catalog) price the real bill as the page's Workload details do (versus.limits.workloadChoices).
 *     theme="light" | "dark" overrides prefers-color-scheme. catalog="fixtures/x.json" (a relative .json
 *     path on the widget's own site) is a test hook, on in test builds only (test-hooks.js); the footer then
 *     names that catalog.
 *   - The element reflects its state in data-state: loading → ready | error.
 */
import { el } from './dom.js';

const BASE = new URL('./', import.meta.url);
const TAG = 'llm-versus';
// Each numeric attribute and the engine's workload field it sets; the bounds are the engine's (versus.limits).
const NUMERIC = Object.freeze({
  ratio: { field: 'ratio', label: 'input share' },
  requests: { field: 'requests', label: 'requests a month' },
  input: { field: 'inputTokens', label: 'input tokens per request' },
  output: { field: 'outputTokens', label: 'output tokens per request' },
});


// ---------- shared, lazy loading (one engine and one catalog per page) ----------

let libs = null;
const versions = new Map(); // catalog URL → Promise<Versus>

function loadLibs() {
  libs ??= Promise.all(['versus.js', 'format.js', 'test-hooks.js'].map((f) => import(new URL(f, BASE).href)))
    .then(([versus, fmt, hooks]) => ({ versus, fmt, hooks }));
  return libs;
}

function loadCatalog(url) {
  let p = versions.get(url);
  if (!p) {
    // Its own engine instance ("?embed"): on the Versus page itself the widget would otherwise share the
    // page's engine and force a catalog reload every time either of them computes.
    p = loadLibs().then(({ versus }) => versus.loadVersus({
      moduleUrl: new URL('versus-engine.js?embed', BASE),
      wasmUrl: new URL('versus-engine.wasm', BASE),
      catalogUrl: url,
    }));
    versions.set(url, p);
    p.then((v) => { if (!v.ready.ok) versions.delete(url); }, () => versions.delete(url));
  }
  return p;
}

// ---------- styles (a constructable sheet: no <style>, so no 'unsafe-inline' needed) ----------

const CSS = `
:host { display: block !important; max-width: 100%; min-width: 0; }
:host([hidden]) { display: none !important; }
.w {
  all: initial; display: block; box-sizing: border-box; max-width: 100%; container-type: inline-size;
  /* all: initial resets overflow-wrap: names and notes come from data, so any string must wrap. */
  overflow-wrap: anywhere;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px;
  --fg: #1b1f24; --muted: #59616b; --bg: #ffffff; --panel: #f4f6f8; --line: #d5dae0; --accent: #0b5cad;
  --warn-bg: #fff4e5; --warn-fg: #7a4100; --err-bg: #fdecec; --err-fg: #8a1c1c; --good: #17663a;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  .w:not(.light) { --fg: #e7eaee; --muted: #a3acb7; --bg: #16191d; --panel: #1f2329; --line: #3a414a; --accent: #7cb7ff;
    --warn-bg: #3a2a10; --warn-fg: #ffd598; --err-bg: #3d1717; --err-fg: #ffb4b4; --good: #7bd7a0; color-scheme: dark; }
}
.w.dark { --fg: #e7eaee; --muted: #a3acb7; --bg: #16191d; --panel: #1f2329; --line: #3a414a; --accent: #7cb7ff;
  --warn-bg: #3a2a10; --warn-fg: #ffd598; --err-bg: #3d1717; --err-fg: #ffb4b4; --good: #7bd7a0; color-scheme: dark; }
*, *::before, *::after { box-sizing: border-box; }
h2 { font-size: 16px; line-height: 1.3; margin: 0 0 8px; font-weight: 650; overflow-wrap: anywhere; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.loading { color: var(--muted); margin: 4px 0; }
.msgs:empty, .err:empty { display: none; }
.msgs { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; padding: 6px 8px; margin: 0 0 8px; font-size: 13px; }
.msgs p { margin: 2px 0; }
.err { background: var(--err-bg); color: var(--err-fg); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.err p { margin: 2px 0; }
.err code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.col { background: var(--panel); border-radius: 8px; padding: 8px 10px; min-width: 0; }
.col h3 { font-size: 14px; margin: 0 0 4px; overflow-wrap: anywhere; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
dt { color: var(--muted); font-size: 12px; align-self: baseline; }
dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; overflow-wrap: break-word; min-width: 0; align-self: baseline; }
dd.big { font-size: 17px; font-weight: 650; }
.cheaper { color: var(--good); font-size: 12px; font-weight: 600; }
ul.gaps { margin: 8px 0 0; padding: 0 0 0 18px; }
ul.gaps li { margin: 2px 0; overflow-wrap: anywhere; }
.verdict { margin: 8px 0 0; }
form { display: flex; flex-wrap: wrap; gap: 6px 12px; margin: 10px 0 0; padding: 8px 0 0; border-top: 1px solid var(--line); align-items: end; }
label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; min-width: 0; }
label.ratio { flex: 1 1 180px; }
label.num { flex: 1 1 90px; }
input { font: inherit; font-size: 13px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 5px; padding: 3px 5px; width: 100%; min-width: 0; }
input[type=range] { padding: 0; border: 0; accent-color: var(--accent); }
input[aria-invalid=true] { border-color: var(--err-fg); }
.field-msg { color: var(--err-fg); font-size: 12px; flex-basis: 100%; margin: 0; }
.field-msg:empty { display: none; }
footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 12px; margin: 8px 0 0; font-size: 12px; color: var(--muted); }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@container (max-width: 440px) {
  .cols { grid-template-columns: 1fr; }
}
@container (max-width: 260px) {
  dl { grid-template-columns: 1fr; }
  dd { text-align: start; margin-bottom: 4px; }
}
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// ---------- helpers ----------


/** The full comparison on the Versus page for a hash (the engine's formatState). */
export function fullComparisonUrl(hash) {
  return `${new URL('index.html', BASE).href}${hash ?? ''}`;
}

// The attributes that set the comparison, read by the engine's rules for a link (src/url_state.hpp), so the
// element, the iframe and the page accept and refuse the same values; each is the link key of its name.
const COMPARISON_ATTRIBUTES = ['a', 'b', 'ratio', 'requests', 'input', 'output', 'routes', 'reasoning', 'tier', 'region'];
// The real bill's choices the widget takes (the engine's workload fields; options: versus.limits.workloadChoices).
const CHOICE_FIELDS = ['reasoning', 'tier', 'region'];
const ATTRIBUTE_OF_KEY = { req: 'requests', in: 'input', out: 'output' };

/**
 * Read the attributes into a state; bad values keep their default and leave a note. The `link` attribute (what
 * widget.html passes on: its hash or query as it is) is read as a whole instead, with the link's sentences.
 */
function readAttributes(node, versus) {
  const link = node.getAttribute('link');
  const query = link ?? COMPARISON_ATTRIBUTES.filter((k) => node.hasAttribute(k))
    .map((k) => `${k}=${encodeURIComponent(node.getAttribute(k))}`).join('&');
  const page = versus.parseState(link === null ? query : link.replace(/^[?#]/, '')).value;
  const [a, b] = versus.limits.defaultPair;
  const w = page.workload;
  const state = { a: page.models[0] || a, b: page.models[1] || b, ratio: w.ratio, requests: w.requests, input: w.inputTokens, output: w.outputTokens, allRoutes: w.allRoutes,
    ...Object.fromEntries(CHOICE_FIELDS.map((f) => [f, w[f]])) };
  const notes = page.problems.map((p) => (link !== null ? p.sentence
    : `The ${ATTRIBUTE_OF_KEY[p.path] ?? p.path} attribute ${p.message}${p.consequence ? `; ${p.consequence}` : ''}.`));
  return { state, notes, theme: page.theme };
}

/** The engine's workload for a widget state. */
function workloadOf(s) {
  const w = { requests: s.requests, inputTokens: s.input, outputTokens: s.output, ratio: s.ratio, allRoutes: !!s.allRoutes };
  for (const f of CHOICE_FIELDS) if (s[f] !== undefined) w[f] = s[f];
  return w;
}

/** The real bill's choices that differ from the engine's defaults, as the traffic line's tail: "; with typical reasoning; priority tier". */
function choiceWords(versus, s) {
  const choices = versus.limits.workloadChoices ?? {};
  const words = [];
  if (s.reasoning && s.reasoning !== choices.reasoning?.default) words.push(s.reasoning === 'typical' ? 'output with typical hidden reasoning' : `${s.reasoning} reasoning`);
  if (s.tier && s.tier !== choices.tier?.default) words.push(`${s.tier} service tier`);
  if (s.region) words.push(`processed in ${s.region}`);
  return words.map((w) => `; ${w}`).join('');
}

/** The link of a state, by the engine. */
function stateHash(versus, s) {
  const r = versus.formatState({ models: [s.a, s.b], workload: { ...workloadOf(s) } });
  return r.ok ? r.value : '';
}

// ---------- the element ----------

class LlmVersus extends HTMLElement {
  static get observedAttributes() { return [...COMPARISON_ATTRIBUTES, 'link', 'theme', 'catalog']; }

  #root;
  #box;
  #state = null;
  #linkTheme = null; // the theme= of a link attribute
  #notes = [];
  #versus = null;
  #fmt = null;
  #started = false;
  #pending = false;
  #observer = null;
  #controls = null;
  #catalog = null; // catalogRequest's answer: {url, custom?, note?}

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#box = el('div', { className: 'w', part: 'widget', dataset: { state: 'loading' } },
      el('p', { className: 'loading', role: 'status', text: 'Loading the comparison…' }));
    this.#root.append(this.#box);
  }

  connectedCallback() {
    this.#applyTheme();
    if (!this.dataset.state) this.dataset.state = 'loading';
    if (this.#started) return;
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#start();
      }, { rootMargin: '300px' });
      this.#observer.observe(this);
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name) {
    if (name === 'theme') return this.#applyTheme();
    if (name === 'catalog' && this.#started) {
      this.#started = false;
      this.#versus = null;
      this.#start();
      return;
    }
    this.#controls = null; // attributes reset the visitor's own control values
    this.#schedule();
  }

  #applyTheme() {
    const t = this.getAttribute('theme') ?? this.#linkTheme;
    this.#box.classList.toggle('dark', t === 'dark');
    this.#box.classList.toggle('light', t === 'light');
  }

  #setState(s) {
    this.dataset.state = s;
    this.#box.dataset.state = s;
  }

  async #start() {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    this.#observer = null;
    try {
      const { fmt, hooks } = await loadLibs();
      const request = hooks.catalogRequest(this.getAttribute('catalog'), BASE, { what: 'catalog attribute' });
      if (request.error) return this.#fatal(request.error);
      this.#catalog = request;
      const versus = await loadCatalog(request.url);
      this.#fmt = fmt;
      if (!versus.ready.ok) return this.#fatal(`Versus cannot start: ${versus.ready.error.message}`);
      this.#versus = versus;
      this.#render();
    } catch (e) {
      this.#started = false;
      this.#fatal(`Versus could not load from ${BASE.origin}: ${e?.message ?? String(e)}`);
    }
  }

  #schedule() {
    if (!this.#versus || this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#render();
    });
  }

  #fatal(message) {
    this.#box.replaceChildren(el('div', { className: 'err', role: 'alert' }, el('p', { text: message })),
      el('footer', {}, el('a', { href: new URL('index.html', BASE).href, target: '_blank', rel: 'noopener', text: 'Open Versus' })));
    this.#setState('error');
  }

  /** Resolve a model name with the engine → {id, name} or {error, suggestions}. */
  #resolve(name) {
    const r = this.#versus.resolve(name);
    if (r.ok && !r.value.guess) return { id: r.value.id, name: r.value.name };
    // A guess is not good enough for a published widget: the writer picks.
    const s = this.#versus.search(name, 3);
    return { error: r.ok ? `No model is named “${name}” exactly.` : r.error.message, suggestions: s.ok ? s.value : [] };
  }

  #render() {
    if (!this.#versus) return;
    const fmt = this.#fmt;
    const { state, notes, theme } = readAttributes(this, this.#versus);
    this.#linkTheme = theme || null;
    this.#applyTheme();
    if (this.#controls) Object.assign(state, this.#controls);
    this.#state = state;
    this.#notes = this.#catalog?.note ? [this.#catalog.note, ...notes] : notes;

    const bad = [];
    const resolved = {};
    for (const k of ['a', 'b']) {
      const r = this.#resolve(state[k]);
      if (r.error) bad.push({ k, name: state[k], ...r });
      else resolved[k] = r;
    }
    if (bad.length) return this.#renderUnknown(bad);
    state.a = resolved.a.id;
    state.b = resolved.b.id;

    const r = this.#versus.compare(state.a, state.b, workloadOf(state));
    if (!r.ok) return this.#renderError(`Versus cannot compare these models: ${r.error.message}`);
    const c = r.value;
    const names = c.models.map((m) => m.name);

    const cols = el('div', { className: 'cols' });
    c.models.forEach((m, i) => {
      const side = i === 0 ? 'a' : 'b';
      const cheaper = c.price.cheaperMonthly === i;
      const dl = el('dl', {},
        el('dt', { text: 'Monthly cost' }), el('dd', { className: 'big', dataset: { figure: `monthly-${side}` }, text: m.monthly ? fmt.usd(m.monthly.cost) : fmt.UNKNOWN }),
        el('dt', { text: `Blended / 1M (${Math.round(state.ratio * 100)}/${100 - Math.round(state.ratio * 100)})` }),
        el('dd', { dataset: { figure: `blended-${side}` }, text: m.blended ? fmt.perMillion(m.blended.price) : fmt.UNKNOWN }),
        el('dt', { text: 'Input / 1M' }), el('dd', { dataset: { figure: `input-${side}` }, text: m.cheapest ? fmt.perMillion(m.cheapest.input) : fmt.UNKNOWN }),
        el('dt', { text: 'Output / 1M' }), el('dd', { dataset: { figure: `output-${side}` }, text: m.cheapest ? fmt.perMillion(m.cheapest.output) : fmt.UNKNOWN }),
        el('dt', { text: 'Headline route' }), el('dd', { dataset: { figure: `route-${side}` }, text: m.cheapest ? fmt.routeWithType(m.cheapest) : 'no priced route',
          title: m.cheapest ? `Source: ${m.cheapest.sourceName || m.cheapest.source}${m.cheapest.date ? `, ${m.cheapest.date}` : ''}` : null }));
      cols.append(el('section', { className: 'col', dataset: { side } },
        el('h3', { dataset: { figure: `name-${side}` }, text: m.name }),
        cheaper ? el('p', { className: 'cheaper', text: 'Cheaper at this traffic' }) : null, dl));
    });

    const gaps = el('ul', { className: 'gaps' });
    const p = c.price;
    const dearer = (gap) => names[gap > 0 ? 1 : 0];
    if (typeof p.monthlyGap === 'number' && p.monthlyGap !== 0) {
      gaps.append(el('li', { dataset: { figure: 'monthly-gap' },
        text: `${fmt.usd(Math.abs(p.monthlyGap))} a month more for ${dearer(p.monthlyGap)}${fmt.known(p.monthlyRatio) ? ` (${fmt.times(p.monthlyRatio)} the cost)` : ''}` }));
    } else if (p.monthlyGap === 0) gaps.append(el('li', { dataset: { figure: 'monthly-gap' }, text: 'The same monthly cost' }));
    if (typeof p.blendGap === 'number' && p.blendGap !== 0) {
      gaps.append(el('li', { dataset: { figure: 'blend-gap' }, text: `${fmt.perMillion(Math.abs(p.blendGap))} higher blended price for ${dearer(p.blendGap)}` }));
    }
    const lg = c.benchmarks?.largestGap;
    if (lg && typeof lg.gap === 'number') {
      const lead = lg.leader === 0 || lg.leader === 1 ? ` — ${names[lg.leader]} leads` : '';
      gaps.append(el('li', { dataset: { figure: 'largest-gap' }, text: `${fmt.score(Math.abs(lg.gap))} points on ${lg.name}${lead}` }));
    }
    const traffic = el('p', { className: 'muted', dataset: { figure: 'traffic' },
      text: `${fmt.integer(state.requests)} requests a month × (${fmt.integer(state.input)} input + ${fmt.integer(state.output)} output tokens), cheapest live route${choiceWords(this.#versus, state)}.` });

    this.#box.replaceChildren(
      el('h2', { dataset: { figure: 'title' }, text: `${names[0]} vs ${names[1]}` }),
      this.#notesBox(),
      cols,
      gaps.children.length ? gaps : null,
      c.verdict ? el('p', { className: 'verdict', dataset: { figure: 'verdict' }, text: c.verdict }) : null,
      traffic,
      this.#form(),
      this.#footer(),
    );
    this.#setState('ready');
  }

  #notesBox() {
    const box = el('div', { className: 'msgs', role: 'status' });
    for (const n of this.#notes) box.append(el('p', { text: n }));
    return box;
  }

  #renderUnknown(bad) {
    const box = el('div', { className: 'err', role: 'alert', dataset: { figure: 'unknown-model' } });
    for (const b of bad) {
      box.append(el('p', {}, `Unknown model “`, el('code', { text: b.name.slice(0, 120) }), `” (the ${b.k} attribute). Use a model id such as `,
        el('code', { text: this.#versus.limits.defaultPair[b.k === 'a' ? 0 : 1] }), '.'));
      if (b.suggestions.length) {
        box.append(el('p', { text: `Did you mean: ${b.suggestions.map((s) => s.id).join(', ')}?` }));
      }
    }
    this.#box.replaceChildren(el('h2', { text: 'Versus: compare two LLMs' }), this.#notesBox(), box, this.#footer());
    this.#setState('error');
  }

  #renderError(message) {
    // The form stays: a value the engine refuses can be corrected where it was typed.
    this.#box.replaceChildren(el('h2', { text: 'Versus: compare two LLMs' }), this.#notesBox(),
      el('div', { className: 'err', role: 'alert' }, el('p', { text: message })), this.#form(), this.#footer());
    this.#setState('error');
  }

  #form() {
    const fmt = this.#fmt;
    const s = this.#state;
    const form = el('form', { novalidate: true, 'aria-label': 'Traffic' });
    form.addEventListener('submit', (ev) => ev.preventDefault());
    const ratioOut = el('output', { text: fmt.ratioLabel(s.ratio) });
    const ratio = el('input', { type: 'range', min: '0', max: '1', step: '0.01', value: String(s.ratio), name: 'ratio', 'aria-valuetext': fmt.ratioLabel(s.ratio) });
    const msg = el('p', { className: 'field-msg', 'aria-live': 'polite' });
    ratio.addEventListener('input', () => this.#setControl('ratio', Math.round(Number(ratio.value) * 100) / 100, ratio, msg));
    form.append(el('label', { className: 'ratio' }, el('span', {}, 'Input share ', ratioOut), ratio));
    for (const [k, label] of [['requests', 'Requests / month'], ['input', 'Input tokens'], ['output', 'Output tokens']]) {
      const input = el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: k, value: String(s[k]) });
      input.addEventListener('change', () => this.#setControl(k, input.value, input, msg));
      input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); this.#setControl(k, input.value, input, msg); } });
      form.append(el('label', { className: 'num' }, label, input));
    }
    form.append(msg);
    return form;
  }

  #setControl(k, raw, input, msg) {
    const n = typeof raw === 'number' ? raw : this.#fmt.parseDecimal(raw);
    const bound = this.#versus.limits.workload[NUMERIC[k].field];
    if (!this.#fmt.withinBound(n, bound)) {
      input.setAttribute('aria-invalid', 'true');
      msg.textContent = `${NUMERIC[k].label[0].toUpperCase()}${NUMERIC[k].label.slice(1)} must be ${this.#fmt.boundText(bound)}.`;
      return;
    }
    const focused = input.name;
    this.#controls = { ...(this.#controls ?? {}), [k]: n };
    this.#render();
    // Keep the keyboard where it was after the re-render.
    this.#root.querySelector(`input[name="${focused}"]`)?.focus();
  }

  #footer() {
    const info = this.#versus?.catalogInfo;
    return el('footer', {},
      el('a', { href: fullComparisonUrl(stateHash(this.#versus, this.#state)), target: '_blank', rel: 'noopener', dataset: { figure: 'full-link' }, text: 'Full comparison on Versus →' }),
      el('span', { dataset: { figure: 'catalog' }, text: this.#catalog?.custom
        ? `Prices: test catalog ${this.#catalog.custom}, not the Versus catalog`
        : `Prices: Versus catalog${info?.generated ? `, ${String(info.generated).slice(0, 10)}` : ''}` }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, LlmVersus);
