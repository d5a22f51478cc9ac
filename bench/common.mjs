// What the page benchmarks share: where the repository and the assembled site are, the browser, the options
// (`--name value`), and the quantiles they report.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SITE = path.resolve(ROOT, process.env.VERSUS_SITE ?? 'build/site');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The default pair, as a link's hash. */
export const HASH = '#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250';

/** The value after `--name` on the command line, else `def`. */
export const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};

/** The q-quantile (nearest rank) of `xs`; null when empty. */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null;
};
export const median = (xs) => quantile(xs, 0.5);

/**
 * In the page, before any script (context.addInitScript): how the page benchmarks time "painted".
 * `window.__whenPainted(cb)`, called from a frame's animation callback, calls `cb(performance.now())` once that frame
 * is painted (a message posted from the callback runs after the paint); `window.__afterPaint(cb)` does so for the
 * next frame. Not the callback's own timestamp: that is the frame's scheduled start, which a long task before the
 * frame leaves hundreds of ms early.
 */
export function installPaintTiming() {
  window.__whenPainted = (cb) => {
    const painted = new MessageChannel();
    painted.port1.onmessage = () => cb(performance.now());
    painted.port2.postMessage(0);
  };
  window.__afterPaint = (cb) => requestAnimationFrame(() => window.__whenPainted(cb));
}
