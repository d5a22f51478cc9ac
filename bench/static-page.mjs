// First-view benchmark in headless Chromium: how soon a visitor sees the monthly costs of the default pair, from
// four entries served side by side from one copy of the site in one run, alternating, cold (a new context each):
// - static: the pair's own page (scripts/build-pages.mjs: the figures are in its HTML, the engine takes over);
// - spa: the interactive page, index.html, opened with the default pair in its hash (its figures are in its HTML, drawn
//   by scripts/build-pages.mjs, as a static page's are, when the hash is the engine's spelling of that view);
// - spaOther: index.html with another pair in its hash (the figures wait for the engine: the general case);
// - widget: widget.html with the pair in its hash (the iframe embed; its figures in the element's shadow root);
// - plain: the static page with every script and preload taken out (the same numbers, the same CSS, nothing to
//   run): the limit.
//
//   node bench/static-page.mjs [--runs 9] [--cpu 1] [--network none|fast4g] [--h2] [--warm] [--json]
//
// - costs on screen: navigation start → the first frame painted with both monthly-cost figures in the document
//   (see observe()), median of the runs.
// - ready: navigation start → <html data-state="ready"> (the engine has taken over).
// --cpu N throttles the CPU N× (CDP Emulation.setCPUThrottlingRate), as a phone would be.
// --network fast4g: DevTools' "Fast 4G" (CDP Network.emulateNetworkConditions: 165 ms round trip, 9 Mbit/s down,
//   1.5 Mbit/s up, each ×0.9 as DevTools applies them).
// --h2: HTTP/2 over TLS with brotli (bench/h2-server.mjs), as a static host serves, instead of plain HTTP/1.1.
// --warm: each cold load is followed, in the same browser context, by a repeat visit (about:blank, then the entry
//   again), timed the same way: the HTTP cache (the host says no-cache: every file revalidated) and, for a page
//   that installs the offline worker (web/offline.js), that worker, waited for until it controls the first page.
// Issue 21's phone case is `--cpu 4 --network fast4g --h2`: spa ≤ 1.5× plain is its target.
import { mkdtemp, readFile, writeFile, rm, mkdir, cp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { startH2Server } from './h2-server.mjs';
import { SITE, CHROMIUM, HASH, arg, median, installPaintTiming } from './common.mjs';

const RUNS = Number(arg('runs', 9));
const CPU = Number(arg('cpu', 1));
const NETWORK = arg('network', 'none');
const H2 = process.argv.includes('--h2');
const WARM = process.argv.includes('--warm');
const NETWORKS = {
  none: null,
  fast4g: { offline: false, latency: 165, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 },
};
if (!(NETWORK in NETWORKS)) throw new Error(`--network: one of ${Object.keys(NETWORKS).join(', ')}`);
const PAIR = 'compare/meta-llama-3.2-1b-instruct-vs-openai-o3/'; // the default pair's page
// The interactive page with a pair its HTML was not drawn with: the figures wait for the engine (the general case).
const OTHER_HASH = HASH.replace('a=meta/llama-3.2-1b-instruct&b=openai/o3', 'a=openai/gpt-4.1&b=openai/o4-mini');
if (OTHER_HASH === HASH) throw new Error('static-page: common.mjs HASH no longer names the default pair as this bench expects');

/** The page as built, or with `plain` without any script or preload (the limit). */
function variant(html, { plain }) {
  let out = html;
  if (plain) {
    out = out.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(?:preload|modulepreload|manifest)"[^>]*>/g, '');
  }
  return out;
}

function observe() {
  // The first frame in which both monthly figures are in the document with their text, timed once it is painted
  // (common.mjs installPaintTiming; by the frame's scheduled start the interactive page measured 907–1,058 ms against
  // 1,339–1,587 ms painted). Element Timing would miss the figures on the static page when the engine has redrawn
  // the cards before their first paint; this sees whichever copy is painted first, on every entry alike.
  window.__monthly = null;
  const look = () => {
    // The page's figures, or the widget's in its shadow root (data-figure="monthly-a", "monthly-b").
    const roots = [document, ...[...document.querySelectorAll('llm-versus')].map((w) => w.shadowRoot).filter(Boolean)];
    const figures = roots.flatMap((r) => [...r.querySelectorAll('[data-figure="monthly"], [data-figure^="monthly-"]')]);
    // On screen: a page drawn at build time keeps its figures in the document, hidden, when the link asks for another
    // pair (web/drawn.js), until the engine draws the link's own.
    if (figures.length >= 2 && figures.every((f) => /\$/.test(f.textContent) && f.getClientRects().length > 0)) window.__whenPainted((t) => { window.__monthly = t; });
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  const t = () => {
    if (document.documentElement?.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
  };
  new MutationObserver(t).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

async function once(browser, url, { ready }) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1, ignoreHTTPSErrors: true });
  await context.addInitScript(installPaintTiming);
  await context.addInitScript(observe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (NETWORKS[NETWORK]) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORKS[NETWORK]);
  }
  const visit = async () => {
    await page.goto(url);
    await page.waitForFunction(() => window.__monthly !== null, null, { timeout: 60000 });
    if (ready) await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
    return page.evaluate(() => ({ costs: window.__monthly, ready: window.__readyAt ?? null }));
  };
  const r = await visit();
  if (WARM) {
    // A page with the offline module says when its worker controls it (data-offline "ready" or "unsupported").
    const offline = await page.evaluate(() => Boolean(document.querySelector('script[src$="offline.js"]')));
    if (offline) await page.waitForFunction(() => ['ready', 'unsupported'].includes(document.documentElement.dataset.offline), null, { timeout: 120000 });
    await page.goto('about:blank');
    const again = await visit();
    r.warmCosts = again.costs;
  }
  await context.close();
  return r;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'versus-bench-static-'));
try {
  // Two copies of the site's top-level files (the release), each with the one page (not the thousands of others):
  // the page as built, and the plain HTML.
  const html = await readFile(path.join(SITE, PAIR, 'index.html'), 'utf8');
  for (const [name, plain] of [['static', false], ['plain', true]]) {
    await mkdir(path.join(dir, name, PAIR), { recursive: true });
    for (const f of await readdir(SITE, { withFileTypes: true })) {
      if (f.isFile()) await cp(path.join(SITE, f.name), path.join(dir, name, f.name));
    }
    await writeFile(path.join(dir, name, PAIR, 'index.html'), variant(html, { plain }));
  }
  const server = H2 ? await startH2Server({ dir }) : await startServer({ dir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', ...(H2 ? ['--ignore-certificate-errors'] : [])] });
  const ENTRIES = { static: `static/${PAIR}`, spa: `static/${HASH}`, spaOther: `static/${OTHER_HASH}`, widget: `static/widget.html${HASH}`, plain: `plain/${PAIR}` };
  const order = Object.keys(ENTRIES);
  const runs = Object.fromEntries(order.map((k) => [k, []]));
  const warm = Object.fromEntries(order.map((k) => [k, []]));
  const ready = { static: [], spa: [], spaOther: [] };
  try {
    if (server.warm) await server.warm();
    for (let i = 0; i < RUNS; i++) {
      // Each run in another order (rotated), so that no entry always goes first or last.
      for (const name of order.map((_, j) => order[(i + j) % order.length])) {
        const r = await once(browser, `${server.url}${ENTRIES[name]}`, { ready: name in ready });
        runs[name].push(r.costs);
        if (WARM) warm[name].push(r.warmCosts);
        if (name in ready) ready[name].push(r.ready);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const costs = Object.fromEntries(order.map((k) => [k, median(runs[k])]));
  const result = {
    page: PAIR, runs: RUNS, cpuThrottle: CPU, network: NETWORK, transport: H2 ? 'HTTP/2 + brotli' : 'HTTP/1.1',
    load: os.loadavg().map((x) => Number(x.toFixed(2))),
    costsOnScreenMs: costs,
    ratio: costs.static / costs.plain,
    spaRatio: costs.spa / costs.plain,
    spaOtherRatio: costs.spaOther / costs.plain,
    widgetRatio: costs.widget / costs.plain,
    readyMs: { static: median(ready.static), spa: median(ready.spa), spaOther: median(ready.spaOther) },
    all: runs,
  };
  if (WARM) {
    result.warmCostsOnScreenMs = Object.fromEntries(order.map((k) => [k, median(warm[k])]));
    result.warmAll = warm;
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`${PAIR}, ${RUNS} cold runs each, alternating, CPU ×${CPU}, network ${NETWORK}, ${result.transport}, load ${result.load.join(' / ')}`);
    console.log(`monthly costs on screen: static page ${costs.static.toFixed(1)} ms, interactive page ${costs.spa.toFixed(1)} ms (another pair: ${costs.spaOther.toFixed(1)} ms), widget ${costs.widget.toFixed(1)} ms, plain HTML (the limit) ${costs.plain.toFixed(1)} ms`);
    console.log(`  static / plain ${result.ratio.toFixed(2)}× (target ≤ 1.1×); interactive / plain ${result.spaRatio.toFixed(2)}× (target ≤ 1.5× at CPU ×4 + fast 4G), another pair ${result.spaOtherRatio.toFixed(2)}×; widget / plain ${result.widgetRatio.toFixed(2)}×`);
    console.log(`ready (the engine took over): static page ${result.readyMs.static.toFixed(1)} ms, interactive page ${result.readyMs.spa.toFixed(1)} ms, another pair ${result.readyMs.spaOther.toFixed(1)} ms`);
    if (WARM) {
      const w = result.warmCostsOnScreenMs;
      console.log(`repeat visit, monthly costs on screen: static page ${w.static.toFixed(1)} ms, interactive page ${w.spa.toFixed(1)} ms (another pair ${w.spaOther.toFixed(1)} ms), widget ${w.widget.toFixed(1)} ms, plain HTML ${w.plain.toFixed(1)} ms; interactive / plain ${(w.spa / w.plain).toFixed(2)}×`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
