/**
 * widget.js — the iframe variant (widget.html): reads the comparison from the URL and shows one <llm-versus>.
 *
 *   <iframe src="https://YOUR-VERSUS-SITE/widget.html#a=openai/o3&b=meta/llama-3.2-1b-instruct&ratio=0.7&req=1000000&in=800&out=250"
 *           title="o3 vs Llama 3.2 1B — Versus" width="100%" height="460" frameborder="0" loading="lazy"></iframe>
 *
 * Parameters (the hash, or the query when there is no hash): a, b, ratio, req (or requests), in (or input), out
 * (or output), routes (all), theme (light | dark), read by the engine with the page's rules (src/url_state.hpp);
 * catalog (test hook, a relative .json path on this site). Unknown parameters are ignored; bad values are
 * reported inside the widget. The hash is re-read on hashchange.
 *
 * In a frame, the page tells its host how tall it is, so the frame never clips: a message
 * {type: 'versus:height', height: N} (CSS px, a number and nothing else) each time the height changes. A host that
 * allows one script line sizes the frame with it (docs/embed.md); one that allows none uses the snippet's height.
 */
import './embed.js';
import { linkCatalogParam } from './test-hooks.js';
import { linkText as link } from './state.js';

// The comparison is the link's: its hash, else its query, passed to the element as it is (the engine reads it,
// with the page's rules). The catalog test hook is read by test-hooks.js, which owns it.

const root = document.getElementById('widget-root');
let widget = root.querySelector('llm-versus');
function apply() {
  if (!widget) {
    widget = document.createElement('llm-versus');
    const catalog = linkCatalogParam(location);
    if (catalog !== null) widget.setAttribute('catalog', catalog);
    widget.setAttribute('link', link());
    root.append(widget);
    return;
  }
  if (widget.getAttribute('link') !== link()) widget.setAttribute('link', link());
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
