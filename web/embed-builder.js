/**
 * embed-builder.js — "Embed this comparison" on the main page: the snippet for the current comparison, as the
 * <llm-versus> element and as an <iframe> (widget.html), each with a Copy button, plus a live preview.
 *
 * Mounted by one line in index.html (<script type="module" src="embed-builder.js">) into <section id="embed-root">.
 * It reads the comparison from the page state (web/state.js) each time the state changes, and writes the frame's
 * link with the engine's formatter, like every other hash. The preview (which loads its own engine instance, see embed.js) only starts
 * once the visitor opens the disclosure. All text goes in with textContent.
 */
import { fullComparisonUrl } from './embed.js';
import { el } from './dom.js';
import { pageState, onStateChange, hashOf, defaultPair, rootUrl, workloadChoices } from './state.js';
import { catalogRequest, pageCatalogParam } from './test-hooks.js';

const root = document.getElementById('embed-root');
const WIDGET_CHOICES = ['reasoning', 'tier', 'region']; // the widget's real-bill attributes (embed.js), each its hash key
const SITE = new URL('./', import.meta.url);

const CSS = `
#embed-root .embed-body { display: grid; gap: 12px; margin-top: 10px; }
#embed-root .snippet { display: grid; gap: 4px; }
#embed-root textarea { width: 100%; box-sizing: border-box; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; resize: vertical; min-height: 4.5em; }
#embed-root .snippet-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
#embed-root .copied { font-size: 12px; }
#embed-root .preview { max-width: 640px; }
`;


const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The comparison in the page state (the engine's default pair for a model view or a missing model), or null before the page has one. */
function readState() {
  const page = pageState();
  if (!page) return null;
  const [a, b] = defaultPair();
  const w = page.workload;
  return { a: page.models[0] || a, b: page.models[1] || b, ratio: String(w.ratio), req: String(w.requests), in: String(w.inputTokens), out: String(w.outputTokens),
    choices: choicesOf(w) };
}

/**
 * The real bill's choices of the page's workload the widget takes (embed.js: reasoning, tier, region), as
 * [attribute, value] pairs, only where they differ from the engine's defaults (a region's is anywhere, '').
 */
function choicesOf(w) {
  const defaults = workloadChoices();
  return WIDGET_CHOICES.filter((f) => w[f] !== undefined && w[f] !== '' && w[f] !== defaults[f]?.default).map((f) => [f, String(w[f])]);
}

/** The link of the pair `s` (the engine's formatter). */
function pairHash(s) {
  return hashOf({ models: [s.a, s.b], workload: { ratio: Number(s.ratio), requests: Number(s.req), inputTokens: Number(s.in), outputTokens: Number(s.out),
    ...Object.fromEntries(s.choices ?? []) } }) ?? '';
}

export function elementSnippet(s) {
  return `<script type="module" src="${attr(new URL('embed.js', SITE).href)}"></script>\n` +
    `<llm-versus a="${attr(s.a)}" b="${attr(s.b)}" ratio="${attr(s.ratio)}" requests="${attr(s.req)}" input="${attr(s.in)}" output="${attr(s.out)}"${(s.choices ?? []).map(([k, v]) => ` ${k}="${attr(v)}"`).join('')}></llm-versus>`;
}

export function iframeSrc(s) {
  const enc = (v) => encodeURIComponent(v).replace(/%2F/gi, '/').replace(/%40/g, '@').replace(/%3A/gi, ':');
  return `${new URL('widget.html', SITE).href}${pairHash(s)}`;
}

/**
 * The frame's height with no script on the host: the widget's at 640 px wide and wider (measured: 529 px for a
 * pair, plus the page's 2 px padding each side; 460 clipped it at every width). A narrower frame scrolls inside,
 * or fits exactly with the one-line resize listener of docs/embedding.md (widget.js reports its height).
 */
export const IFRAME_HEIGHT = 540;

export function iframeSnippet(s) {
  return `<iframe src="${attr(iframeSrc(s))}" title="${attr(`${s.a} vs ${s.b} — Versus`)}" width="100%" height="${IFRAME_HEIGHT}" frameborder="0" loading="lazy"></iframe>`;
}

function snippetBox(id, label, help) {
  const area = el('textarea', { id, readonly: true, rows: '4', spellcheck: 'false', 'aria-describedby': `${id}-help` });
  const status = el('span', { className: 'copied', role: 'status', 'aria-live': 'polite' });
  const copy = el('button', { type: 'button', text: 'Copy', 'aria-label': `Copy the ${label}` });
  copy.addEventListener('click', async () => {
    area.select();
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  const box = el('div', { className: 'snippet' },
    el('div', { className: 'snippet-head' }, el('label', { for: id, text: label }), el('span', {}, copy, ' ', status)),
    area, el('p', { id: `${id}-help`, className: 'note', text: help }));
  return { box, area };
}

function mount() {
  if (!root) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const details = el('details', { id: 'embed-details' });
  const summary = el('summary', {}, el('h2', { id: 'embed-h', className: 'embed-title', text: 'Embed this comparison' }));
  const elementBox = snippetBox('embed-snippet-element', 'Web component (one script line)',
    'Paste into your page or blog post. It loads from this site, lives in its own Shadow DOM and adds nothing else to your page. Your Content-Security-Policy must allow this site in script-src and connect-src, plus \'wasm-unsafe-eval\'.');
  const iframeBox = snippetBox('embed-snippet-iframe', 'Iframe (for sites that allow no scripts)',
    `The same widget in a frame; the comparison is in the link. ${IFRAME_HEIGHT} px fits it from 640 px wide; the frame also reports its height (a "versus:height" message), so one script line on your page can fit it at any width (see the embedding guide).`);
  const previewHost = el('div', { className: 'preview', id: 'embed-preview', 'aria-label': 'Preview of the widget' });
  const link = el('p', { className: 'note' });
  details.append(summary, el('div', { className: 'embed-body' }, elementBox.box, iframeBox.box,
    el('h3', { text: 'Preview' }), previewHost, link));
  root.append(details);

  let last = '';
  let preview = null;
  const update = () => {
    const s = readState();
    if (!s) return;
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    elementBox.area.value = elementSnippet(s);
    iframeBox.area.value = iframeSnippet(s);
    link.replaceChildren('The widget links back to ',
      el('a', { href: fullComparisonUrl(pairHash(s)), text: 'the full comparison' }), '.');
    if (preview) setPreview(s);
  };
  const setPreview = (s) => {
    for (const [k, v] of [['a', s.a], ['b', s.b], ['ratio', s.ratio], ['requests', s.req], ['input', s.in], ['output', s.out]]) {
      if (preview.getAttribute(k) !== v) preview.setAttribute(k, v);
    }
    const choices = new Map(s.choices ?? []);
    for (const k of WIDGET_CHOICES) {
      if (!choices.has(k)) preview.removeAttribute(k);
      else if (preview.getAttribute(k) !== choices.get(k)) preview.setAttribute(k, choices.get(k));
    }
  };
  details.addEventListener('toggle', () => {
    if (!details.open || preview) return;
    preview = document.createElement('llm-versus');
    // The page's test hook, passed on (embed.js applies the same rule, and only in a test build).
    const cat = catalogRequest(pageCatalogParam(), rootUrl().href);
    if (cat.custom) preview.setAttribute('catalog', cat.custom);
    const s = readState();
    if (s) setPreview(s);
    previewHost.append(preview);
  });
  onStateChange(update);
  update();
}

mount();
