/**
 * widget.js — the iframe variant (widget.html): reads the comparison from the URL and shows one <llm-versus>.
 *
 *   <iframe src="https://YOUR-VERSUS-SITE/widget.html#a=openai/o3&b=meta/llama-3.2-1b-instruct&ratio=0.7&req=1000000&in=800&out=250"
 *           title="o3 vs Llama 3.2 1B — Versus" width="100%" height="460" frameborder="0" loading="lazy"></iframe>
 *
 * Parameters (hash first, then the query): a, b, ratio, req (or requests), in (or input), out (or output),
 * routes (all), theme (light | dark), catalog (test hook, a relative .json path on this site). Unknown parameters are ignored;
 * bad values are reported inside the widget by embed.js. The hash is re-read on hashchange.
 *
 * In a frame, the page tells its host how tall it is, so the frame never clips: a message
 * {type: 'versus:height', height: N} (CSS px, a number and nothing else) each time the height changes. A host that
 * allows one script line sizes the frame with it (docs/embed.md); one that allows none uses the snippet's height.
 */
import './embed.js';

const MAP = { a: 'a', b: 'b', ratio: 'ratio', req: 'requests', requests: 'requests', in: 'input', input: 'input',
  out: 'output', output: 'output', routes: 'routes', theme: 'theme', catalog: 'catalog' };

function params() {
  const out = {};
  const read = (text) => {
    for (const part of text.split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      const k = i < 0 ? part : part.slice(0, i);
      let v = i < 0 ? '' : part.slice(i + 1);
      try {
        v = decodeURIComponent(v.replace(/\+/g, ' '));
      } catch {
        // keep the raw text; embed.js reports it
      }
      const attr = MAP[k];
      if (attr && !(attr in out)) out[attr] = v;
    }
  };
  read(location.hash.replace(/^#/, ''));
  read(location.search.replace(/^\?/, ''));
  return out;
}

const root = document.getElementById('widget-root');
let widget = root.querySelector('llm-versus');
function apply() {
  const p = params();
  if (!widget) {
    widget = document.createElement('llm-versus');
    for (const [k, v] of Object.entries(p)) widget.setAttribute(k, v);
    root.append(widget);
    return;
  }
  for (const k of new Set(Object.values(MAP))) {
    if (k === 'catalog') continue;
    if (k in p) { if (widget.getAttribute(k) !== p[k]) widget.setAttribute(k, p[k]); } else widget.removeAttribute(k);
  }
}
apply();
window.addEventListener('hashchange', apply);

if (window.parent !== window && typeof ResizeObserver === 'function') {
  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    window.parent.postMessage({ type: 'versus:height', height }, '*');
  }).observe(document.documentElement);
}
