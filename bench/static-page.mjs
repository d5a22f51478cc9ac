// Static page benchmark in headless Chromium: how soon a comparison page (scripts/build-pages.mjs) shows its monthly
// costs, against the limit, the same HTML with every script and preload taken out (the same numbers, the same CSS,
// nothing to run), served side by side from one copy of the site in one run, alternating, cold (a new context each).
//
//   node bench/static-page.mjs [--runs 9] [--cpu 1] [--json]
//
// - costs on screen: navigation start → the first animation frame with both monthly-cost figures in the document
//   (see observe()), median of the runs.
// - ready: navigation start → <html data-state="ready"> on the static page (the engine has taken over).
// --cpu N throttles the CPU N× (CDP Emulation.setCPUThrottlingRate), as a phone would be.
import { mkdtemp, readFile, writeFile, rm, mkdir, cp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { SITE, CHROMIUM, arg, median } from './common.mjs';

const RUNS = Number(arg('runs', 9));
const CPU = Number(arg('cpu', 1));
const PAIR = 'compare/meta-llama-3.2-1b-instruct-vs-openai-o3/'; // the default pair's page

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
  // The first frame in which both monthly figures are in the document with their text: its animation-frame time
  // (the frame is painted right after). Element Timing would miss them on the static page when the engine has
  // redrawn the cards before their first paint; this sees whichever copy is painted first, on both pages alike.
  window.__monthly = null;
  const look = (t) => {
    const figures = document.querySelectorAll('[data-figure="monthly"]');
    if (figures.length >= 2 && [...figures].every((f) => /\$/.test(f.textContent))) window.__monthly = t;
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  const t = () => {
    if (document.documentElement?.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
  };
  new MutationObserver(t).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

async function once(browser, url, { ready }) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript(observe);
  const page = await context.newPage();
  if (CPU > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.goto(url);
  await page.waitForFunction(() => window.__monthly !== null, null, { timeout: 60000 });
  if (ready) await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
  const r = await page.evaluate(() => ({ costs: window.__monthly, ready: window.__readyAt ?? null }));
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
  const server = await startServer({ dir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  const runs = { static: [], plain: [], ready: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of i % 2 ? ['plain', 'static'] : ['static', 'plain']) {
        const r = await once(browser, `${server.url}${name}/${PAIR}`, { ready: name === 'static' });
        runs[name].push(r.costs);
        if (name === 'static') runs.ready.push(r.ready);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const result = {
    page: PAIR, runs: RUNS, cpuThrottle: CPU, load: os.loadavg().map((x) => Number(x.toFixed(2))),
    costsOnScreenMs: { static: median(runs.static), plain: median(runs.plain) },
    ratio: median(runs.static) / median(runs.plain),
    readyMs: median(runs.ready),
    all: runs,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`static page ${PAIR}, ${RUNS} cold runs each, alternating, CPU ×${CPU}, load ${result.load.join(' / ')}`);
    console.log(`monthly costs on screen: static ${result.costsOnScreenMs.static.toFixed(1)} ms, plain HTML (the limit) ${result.costsOnScreenMs.plain.toFixed(1)} ms: ${result.ratio.toFixed(2)}× (target ≤ 1.1×)`);
    console.log(`static page ready (the engine took over): ${result.readyMs.toFixed(1)} ms`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
